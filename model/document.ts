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

export const Periodicity = z.enum(['År', 'Tertial']);

export const Indicator = z.object({
  id: z.string(),
  goalId: z.string().nullable(),
  name: z.string(),
  unitTarget: Target.nullable(),
  kfTarget: Target.nullable(),
  periodicity: Periodicity.nullable(),
  page: z.number().int(),
  line: z.number().int(),
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
});
export type Activity = z.infer<typeof Activity>;

export const BudgetGroup = z.enum(['intakter', 'kostnader', 'summa']);

export const BudgetLine = z.object({
  /** 1-based number of the budget table within the document */
  table: z.number().int().positive(),
  group: BudgetGroup,
  /** the line's label as printed, e.g. `Personalkostnader`, `Summa intäkter` */
  label: z.string(),
  /** @deprecated the same as `label`; in 1.0 `line` becomes the line number, as everywhere else */
  line: z.string(),
  amountTkr: z.number(),
  page: z.number().int(),
  /** line number in the page (provenance) */
  sourceLine: z.number().int(),
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

export const PlanDocument = z.object({
  source: Extraction.shape.source,
  unit: z.object({ name: z.string(), key: z.string() }),
  district: z.string().nullable(),
  year: z.number().int().nullable(),
  dnr: z.string().nullable(),
  goals: z.array(Goal),
  indicators: z.array(Indicator),
  activities: z.array(Activity),
  budget: z.array(BudgetLine),
  warnings: z.array(Message),
  /** every change the repair stage made (also loaded into the `repairs` table) */
  repairs: z.array(RepairRecord).default([]),
});
export type PlanDocument = z.infer<typeof PlanDocument>;
