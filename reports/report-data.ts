// What the HTML report shows, as already-queried rows: the input of renderHtmlReport (reports/html.ts).
// Every figure and row names its source as a document id and page; the document ids must all be in
// `documents`, where the file path for the link comes from (checked when parsed).
import { z } from 'zod';

const Year = z.number().int().min(1900).max(2200);
const Page = z.number().int().positive().nullable();
const DocumentId = z.string().min(1);

/** Where a figure or row comes from: a document of `ReportData.documents` and a page (null: unknown). */
export const SourceRef = z.object({ documentId: DocumentId, page: Page });
export type SourceRef = z.infer<typeof SourceRef>;

/** One year of a canonical indicator's targets in one unit's plan. */
export const TrendPoint = z.object({
  year: Year,
  /** the unit's own target (Årsmål) as a number, null when not numeric or absent */
  unitTargetValue: z.number().nullable(),
  /** the city council's target (KF:s årsmål) as a number */
  kfTargetValue: z.number().nullable(),
  /** the targets as printed (`80 %`, `öka`, `Tas fram av nämnd/styrelse`) */
  unitTargetRaw: z.string().nullable(),
  kfTargetRaw: z.string().nullable(),
  documentId: DocumentId,
  page: Page,
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/** A canonical indicator followed over a unit's plans: a chart when at least 2 points have a number. */
export const IndicatorTrend = z.object({
  indicatorKey: z.string().min(1),
  /** the canonical (latest) name */
  indicatorName: z.string(),
  /** the KF goal it stands under (code and title as one label), when known */
  kfGoal: z.string().nullable(),
  /** the unit of the values (`%`, `st`, `dagar`), shown on the chart's axis */
  valueUnit: z.string().nullable(),
  points: z.array(TrendPoint),
});
export type IndicatorTrend = z.infer<typeof IndicatorTrend>;

/** How much of a unit's plan of one year stands under one canonical KF goal. */
export const CoverageRow = z.object({
  year: Year,
  kfGoalKey: z.string().min(1),
  /** the KF goal as shown (`1.3 Stockholms stad ska ge stöd …`) */
  kfGoal: z.string(),
  namndmal: z.number().int().nonnegative(),
  enhetsmal: z.number().int().nonnegative(),
  indicators: z.number().int().nonnegative(),
  activities: z.number().int().nonnegative(),
  documentId: DocumentId,
  /** the KF goal's page in that plan */
  page: Page,
});
export type CoverageRow = z.infer<typeof CoverageRow>;

export const ChangeKind = z.enum([
  'indicator-added',
  'indicator-dropped',
  'indicator-renamed',
  'target-moved',
  'goal-added',
  'goal-dropped',
  'goal-reworded',
]);
export type ChangeKind = z.infer<typeof ChangeKind>;

/** One difference between two consecutive plans of a unit. */
export const PlanChange = z.object({
  fromYear: Year.nullable(),
  toYear: Year,
  kind: ChangeKind,
  /** the indicator or goal concerned (its name in the newer plan, or in the older one when dropped) */
  subject: z.string(),
  /** goal level (`namndmal`, `enhetsmal`) for goal changes, else null */
  level: z.string().nullable(),
  /** the old and new wording or target; null where the change has no side (added: no before) */
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** where it stood in the older plan (null when added) and stands in the newer one (null when dropped) */
  from: SourceRef.nullable(),
  to: SourceRef.nullable(),
});
export type PlanChange = z.infer<typeof PlanChange>;

export const UnitReport = z.object({
  unitKey: z.string().min(1),
  unitName: z.string(),
  districts: z.array(z.string()),
  years: z.array(Year),
  trends: z.array(IndicatorTrend),
  coverage: z.array(CoverageRow),
  changes: z.array(PlanChange),
});
export type UnitReport = z.infer<typeof UnitReport>;

export const PageInfo = z.object({
  page: z.number().int().positive(),
  /** `text-layer`, `text-file` or `ocr` */
  method: z.string(),
  /** OCR confidence 0–1, null when not OCR'd */
  confidence: z.number().min(0).max(1).nullable(),
});

export const WarningRow = z.object({
  stage: z.string(),
  rule: z.string(),
  message: z.string(),
  page: Page,
  line: z.number().int().positive().nullable(),
});

/** A budget table whose printed sum differs from the sum of its lines. */
export const BudgetMismatch = z.object({
  budgetTable: z.number().int().positive(),
  /** the printed sum line (`Summa kostnader`) */
  label: z.string(),
  printedTkr: z.number(),
  computedTkr: z.number(),
  page: Page,
});

/** One imported document and what is doubtful about it: the data-quality section, and link targets. */
export const DocumentQuality = z.object({
  documentId: DocumentId,
  /** absolute path at import time: links point at file://path#page=N */
  path: z.string(),
  format: z.string(),
  unitName: z.string().nullable(),
  year: Year.nullable(),
  pageCount: z.number().int().nonnegative(),
  pages: z.array(PageInfo),
  warnings: z.array(WarningRow),
  /** number of rows in `repairs` */
  repairs: z.number().int().nonnegative(),
  budgetMismatches: z.array(BudgetMismatch),
});
export type DocumentQuality = z.infer<typeof DocumentQuality>;

function documentRefs(unit: UnitReport): { documentId: string; path: (string | number)[] }[] {
  return [
    ...unit.trends.flatMap((t, i) => t.points.map((p, j) => ({ documentId: p.documentId, path: ['trends', i, 'points', j] }))),
    ...unit.coverage.map((c, i) => ({ documentId: c.documentId, path: ['coverage', i] })),
    ...unit.changes.flatMap((c, i) =>
      (['from', 'to'] as const).flatMap((side) => {
        const ref = c[side];
        return ref ? [{ documentId: ref.documentId, path: ['changes', i, side] }] : [];
      }),
    ),
  ];
}

export const ReportData = z
  .object({
    /** when the report was made (ISO 8601 with offset, e.g. new Date().toISOString()) */
    generatedAt: z.iso.datetime({ offset: true }),
    /** the database the rows were queried from */
    database: z.string(),
    units: z.array(UnitReport),
    documents: z.array(DocumentQuality),
  })
  .superRefine((data, ctx) => {
    const known = new Set(data.documents.map((d) => d.documentId));
    if (known.size !== data.documents.length) ctx.addIssue({ code: 'custom', path: ['documents'], message: 'a document id is listed twice' });
    data.units.forEach((unit, u) => {
      for (const ref of documentRefs(unit)) {
        if (!known.has(ref.documentId)) {
          ctx.addIssue({ code: 'custom', path: ['units', u, ...ref.path], message: `document ${ref.documentId} is not in documents` });
        }
      }
    });
  });
export type ReportData = z.infer<typeof ReportData>;
