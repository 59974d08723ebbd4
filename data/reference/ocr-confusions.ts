// The English-OCR confusion model the letter repair (normalizers/repair/ocr-letters/) searches with,
// from ocr-confusions.json (sources and method in README.md).
import { z } from 'zod';
import { lazyReference } from './load.js';

const LETTERS = ['å', 'ä', 'ö', 'l'] as const;
type Letter = (typeof LETTERS)[number];

/** OCR output → count; '' = the letter was dropped. */
const Row = z.record(z.string(), z.number().int().positive());

const confusions = lazyReference(
  'ocr-confusions.json',
  z.strictObject({
    $comment: z.string().optional(),
    measured: z.record(z.string(), z.record(z.enum(['å', 'ä', 'ö']), Row)),
    observedRare: z.partialRecord(z.enum(LETTERS), Row),
    damageWeight: z.record(z.enum(LETTERS), z.number().positive()),
  }),
);

/** All sources summed: counts of (clean letter → OCR output). */
function confusionCounts(): Record<Letter, Record<string, number>> {
  const { measured, observedRare } = confusions();
  const out: Record<Letter, Record<string, number>> = { å: {}, ä: {}, ö: {}, l: {} };
  for (const src of [...Object.values(measured), observedRare] as Array<Partial<Record<Letter, Record<string, number>>>>) {
    for (const [letter, row] of Object.entries(src) as Array<[Letter, Record<string, number>]>) {
      for (const [ocr, n] of Object.entries(row)) out[letter][ocr] = (out[letter][ocr] ?? 0) + n;
    }
  }
  return out;
}

export interface Confusion {
  /** What the OCR wrote (lower case; '' = dropped). */
  ocr: string;
  /** The clean letter. */
  letter: string;
  /** log P(ocr | letter) × damage weight. */
  logP: number;
}

/** Reverse index: OCR output → the clean letters it may stand for. Dropped letters under ''. */
export function confusionIndex(): Map<string, Confusion[]> {
  const { damageWeight } = confusions();
  const idx = new Map<string, Confusion[]>();
  for (const [letter, row] of Object.entries(confusionCounts()) as Array<[Letter, Record<string, number>]>) {
    const total = Object.values(row).reduce((s, n) => s + n, 0);
    for (const [ocr, n] of Object.entries(row)) {
      if (ocr === letter) continue;
      const c: Confusion = { ocr, letter, logP: Math.log((n / total) * damageWeight[letter]) };
      const list = idx.get(ocr) ?? [];
      list.push(c);
      idx.set(ocr, list);
    }
  }
  for (const list of idx.values()) list.sort((a, b) => b.logP - a.logP);
  return idx;
}
