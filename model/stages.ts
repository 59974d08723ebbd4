// The hand-offs between the normalizing stages, each a zod shape: Extraction (extractors) → Lines
// (normalizers/lines) → Repaired (normalizers/repair) → Cleaned (normalizers/clean) → PlanDocument
// (normalizers/parse). Each stage is a function from one to the next, so any of them runs and tests alone.
import { z } from 'zod';
import { DocLine, Extraction, Message, RepairRecord } from './document.js';

/** Pages laid out as lines in reading order; `warnings` are the extract stage's. */
export const Lines = z.object({
  source: Extraction.shape.source,
  warnings: z.array(Message),
  lines: z.array(DocLine),
  /** changes the layout made to the text (words hyphenated at line ends joined); the repair stage adds its own */
  repairs: z.array(RepairRecord).default([]),
});
export type Lines = z.infer<typeof Lines>;

/** Lines with encoding and OCR damage repaired (same line numbers), and every change made. */
export const Repaired = Lines.extend({ repairs: z.array(RepairRecord) });
export type Repaired = z.infer<typeof Repaired>;

/** Repaired lines plus `body`: the same lines without page furniture and the table of contents. */
export const Cleaned = Repaired.extend({ body: z.array(DocLine) });
export type Cleaned = z.infer<typeof Cleaned>;

/**
 * Checks a hand-off against its shape and returns it as it is (not zod's copy, which would drop fields
 * a later version adds); a mismatch is a bug between stages and throws.
 */
export function handOff<T>(shape: z.ZodType<T>, value: T, stage: string): T {
  const r = shape.safeParse(value);
  if (!r.success) throw new Error(`${stage} produced a malformed hand-off: ${z.prettifyError(r.error)}`);
  return value;
}
