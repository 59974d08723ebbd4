// The typed document model: the only currency between stages and exporters.
// `PlanDocument` is the public JSON contract printed by `plans extract FILE --json` (see SCHEMA.md).
import { z } from 'zod';
import { Message, RuleIdSchema } from './message.js';

export { Message, PlanError } from './message.js';

/** `image`: a scanned page as a PNG, JPEG or TIFF file */
export const SourceFormat = z.enum(['pdf', 'txt', 'md', 'image']);
export type SourceFormat = z.infer<typeof SourceFormat>;

/** One positioned text item of a PDF page, in PDF points with y growing downwards from the page top. */
export const TextItem = z.object({
  str: z.string(),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  fontSize: z.number(),
  bold: z.boolean().optional(),
});
export type TextItem = z.infer<typeof TextItem>;

export const PageMethod = z.enum(['text-layer', 'text-file', 'ocr']);
export type PageMethod = z.infer<typeof PageMethod>;

/** Output of the extract stage: one entry per page, persisted so later stages re-run alone. */
export const ExtractedPage = z.object({
  /** 1-based page number */
  page: z.number().int().positive(),
  /** @deprecated the same as `page`; removed in 1.0 */
  num: z.number().int().positive(),
  text: z.string(),
  items: z.array(TextItem).nullable(),
  method: PageMethod,
  confidence: z.number().min(0).max(1).nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});
export type ExtractedPage = z.infer<typeof ExtractedPage>;

export const Extraction = z.object({
  source: z.object({
    path: z.string(),
    sha256: z.string(),
    format: SourceFormat,
    pages: z.number().int().nonnegative(),
  }),
  pages: z.array(ExtractedPage),
  warnings: z.array(Message),
});
export type Extraction = z.infer<typeof Extraction>;

/**
 * An Extraction on its way to the store (the batch's hand-off files): each page's positioned items kept as
 * their JSON text, which is what the store writes. The loader then neither parses nor writes them again:
 * at 10,000 documents that was ~800 MB of JSON made on the loader's thread.
 */
export const LoadablePage = ExtractedPage.omit({ items: true }).extend({ itemsJson: z.string().nullable() });
export type LoadablePage = z.infer<typeof LoadablePage>;
export const LoadableExtraction = Extraction.extend({ pages: z.array(LoadablePage) });
export type LoadableExtraction = z.infer<typeof LoadableExtraction>;

export function toLoadable(x: Extraction): LoadableExtraction {
  return { ...x, pages: x.pages.map(({ items, ...p }) => ({ ...p, itemsJson: items ? JSON.stringify(items) : null })) };
}

/** The Extraction again, its items parsed and checked against their shape. */
export function fromLoadable(x: LoadableExtraction): Extraction {
  return Extraction.parse({
    ...x,
    pages: x.pages.map(({ itemsJson, ...p }) => ({ ...p, items: itemsJson === null ? null : JSON.parse(itemsJson) })),
  });
}

/** A cell of a laid-out line: text with its horizontal extent (PDF points). */
export const Cell = z.object({ text: z.string(), x0: z.number(), x1: z.number() });
export type Cell = z.infer<typeof Cell>;

/**
 * A line of document text after layout clean-up. `line` is the 1-based line number within its page
 * (for text files: within the file, which is what a person finds with an editor). `cells` exist only
 * where positions are known (PDF text layer); text exports carry their columns as spacing in `text`.
 */
export const DocLine = z.object({
  page: z.number().int().positive(),
  line: z.number().int().positive(),
  text: z.string(),
  cells: z.array(Cell).nullable(),
  bold: z.boolean().optional(),
  /** markdown heading depth (1..6) when the source marked the line as a heading */
  heading: z.number().int().optional(),
  /** how the line's page was read; rules that only OCR output needs ask it (absent: not OCR) */
  method: PageMethod.optional(),
  /** the layout stage found the line to be page furniture (a running header or footer, by repetition
   * across pages): kept with its page, left out of the body by the clean stage (absent: content) */
  furniture: z.literal(true).optional(),
});
export type DocLine = z.infer<typeof DocLine>;

export const GoalLevel = z.enum(['kf_inriktningsmal', 'kf_verksamhetsmal', 'namndmal', 'enhetsmal']);
export type GoalLevel = z.infer<typeof GoalLevel>;

export const SectionKey = z.enum(['beskrivning', 'forvantatResultat', 'arbetssatt', 'resursanvandning', 'uppfoljning', 'utveckling']);
export type SectionKey = z.infer<typeof SectionKey>;

export const Goal = z.object({
  id: z.string(),
  level: GoalLevel,
  /** the plan's own name of the goal's level as printed (`KF:s inriktningsmål`, `Nämndens mål`); absent in
   * models written before the field existed */
  levelLabel: z.string().nullable().optional(),
  code: z.string().nullable(),
  title: z.string(),
  parentId: z.string().nullable(),
  sections: z.partialRecord(SectionKey, z.string()),
  page: z.number().int(),
  line: z.number().int(),
});
export type Goal = z.infer<typeof Goal>;

export const Target = z.object({
  raw: z.string(),
  kind: z.enum(['percent', 'number', 'direction', 'pending', 'text']),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  direction: z.enum(['increase', 'decrease']).nullable(),
});
export type Target = z.infer<typeof Target>;

/** How often an indicator is followed up; `Delår`: at the interim report. */
export const Periodicity = z.enum(['År', 'Tertial', 'Delår', 'Kvartal', 'Månad']);
export type Periodicity = z.infer<typeof Periodicity>;

export const Indicator = z.object({
  id: z.string(),
  goalId: z.string().nullable(),
  name: z.string(),
  unitTarget: Target.nullable(),
  kfTarget: Target.nullable(),
  periodicity: Periodicity.nullable(),
  page: z.number().int(),
  line: z.number().int(),
  /** the year of the target column read as `unitTarget`, when its header names one (`Mål 2023`) */
  targetYear: z.number().int().nullable().default(null),
  /** outcomes (`Utfall 2021`) with the year their header names, oldest first */
  outcomes: z.array(z.object({ year: z.number().int().nullable(), value: Target })).default([]),
  /** the baseline (`Basvärde`, `Utgångsvärde`) and its year */
  baseline: z.object({ year: z.number().int().nullable(), value: Target }).nullable().default(null),
});
export type Indicator = z.infer<typeof Indicator>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Activity = z.object({
  id: z.string(),
  goalId: z.string().nullable(),
  text: z.string(),
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  page: z.number().int(),
  line: z.number().int(),
  /** who is responsible (`Ansvarig`), as printed */
  responsible: z.string().nullable().default(null),
  /** the schedule as printed when it is not a pair of dates (`Tidplan`: `ht 2023`, `Q2 2024`); start and end hold its bounds */
  schedule: z.string().nullable().default(null),
});
export type Activity = z.infer<typeof Activity>;

/** the part of a budget table a line stands in: under `Intäkter`, `Kostnader`, `Finansiering`, or a `Summa …` line */
export const BudgetGroup = z.enum(['intakter', 'kostnader', 'summa', 'finansiering']);
/** the unit a budget table prints its amounts in (converted to tkr in `amountTkr`) */
export const BudgetUnit = z.enum(['tkr', 'mnkr', 'kr']);
export type BudgetUnit = z.infer<typeof BudgetUnit>;
/** what a budget table's amount column holds: `Budget 2022`, `Plan 2023`, `Prognos 2021`, `Utfall 2020` */
export const BudgetColumnKind = z.enum(['budget', 'plan', 'prognos', 'utfall']);
export type BudgetColumnKind = z.infer<typeof BudgetColumnKind>;
/** what a budget line is: an income, a cost, a financing line (`Kommunbidrag`, `Nettokostnad`, `Resultat`) or a sum */
export const BudgetLineClass = z.enum(['income', 'cost', 'financing', 'sum']);
export type BudgetLineClass = z.infer<typeof BudgetLineClass>;
/** what a sum or financing line totals: the incomes, the costs, the net (costs and incomes), the result (net and financing) */
export const BudgetSumOf = z.enum(['income', 'cost', 'net', 'result']);
export type BudgetSumOf = z.infer<typeof BudgetSumOf>;

export const BudgetLine = z.object({
  /** 1-based number of the budget table within the document */
  table: z.number().int().positive(),
  group: BudgetGroup,
  /** the line's label as printed, e.g. `Personalkostnader`, `Summa intäkter` */
  label: z.string(),
  /** @deprecated the same as `label`; in 1.0 `line` becomes the line number, as everywhere else */
  line: z.string(),
  /** the amount in tkr (converted from the table's unit); signs as printed */
  amountTkr: z.number(),
  page: z.number().int(),
  /** line number in the page (provenance) */
  sourceLine: z.number().int(),
  // the general reader's fields (issue 13); absent in models written before them
  /** the amount as printed (`12,5`, `−1 200`, `(1 200)`) */
  amountPrinted: z.string().nullable().optional(),
  /** the unit the amount was printed in */
  unit: BudgetUnit.nullable().optional(),
  /** 1-based amount column of the table the row is read from (a line gives one row per column) */
  column: z.number().int().positive().nullable().optional(),
  /** the column's year (`Budget 2022` → 2022), null when the header gives none */
  year: z.number().int().nullable().optional(),
  /** the column's kind, null when the header names none (a bare year) */
  kind: BudgetColumnKind.nullable().optional(),
  /** the row is of the plan year's budget column, the one `amountTkr` means by default (the only column of a one-column table) */
  planColumn: z.boolean().nullable().optional(),
  lineClass: BudgetLineClass.nullable().optional(),
  /** for a sum or financing line that totals others (`Summa intäkter`, `Nettokostnad`, `Resultat`), what it totals */
  sumOf: BudgetSumOf.nullable().optional(),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

/** One change made by the repair stage (encoding mojibake, OCR letters), with where and why. */
export const RepairRecord = z.object({
  page: z.number().int(),
  line: z.number().int(),
  before: z.string(),
  after: z.string(),
  rule: RuleIdSchema,
  confidence: z.number().min(0).max(1),
});
export type RepairRecord = z.infer<typeof RepairRecord>;

/** What kind of organisation a plan belongs to; `kommun`: the municipality as a whole (`Mål och budget` of a kommun). */
export const OrganisationKind = z.enum(['enhet', 'avdelning', 'kontor', 'forvaltning', 'stadsdelsforvaltning', 'namnd', 'bolag', 'kommun']);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const PlanDocument = z.object({
  source: Extraction.shape.source,
  unit: z.object({ name: z.string(), key: z.string() }),
  district: z.string().nullable(),
  /** the first year of the plan period (`period.from`) */
  year: z.number().int().nullable(),
  dnr: z.string().nullable(),
  /** the organisation the plan is for (the unit, named as printed) and its kind; null when the kind is not known */
  organisation: z.object({ kind: OrganisationKind, name: z.string() }).nullable().optional(),
  /** the municipality: SCB code (4 digits, `0180`) and name from data/reference/municipalities.json */
  municipality: z
    .object({ code: z.string().regex(/^\d{4}$/), name: z.string() })
    .nullable()
    .optional(),
  /** the plan period, years inclusive (`Mål och budget 2021–2023`: 2021–2023; one year: from = to) */
  period: z.object({ from: z.number().int(), to: z.number().int() }).nullable().optional(),
  goals: z.array(Goal),
  indicators: z.array(Indicator),
  activities: z.array(Activity),
  budget: z.array(BudgetLine),
  warnings: z.array(Message),
  /** every change the repair stage made (also loaded into the `repairs` table) */
  repairs: z.array(RepairRecord).default([]),
});
export type PlanDocument = z.infer<typeof PlanDocument>;
