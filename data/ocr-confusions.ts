// What an English OCR model (tesseract `eng`) writes where Swedish å/ä/ö were — the confusion model the
// letter repair (normalizers/ocr-letters/repair.ts) searches with.
//
// Measured, not guessed. Three sources:
//  - R200: clean Swedish (three seed excerpts + two texts written for the tests, 7 pages) rendered
//    with pdfmake (Roboto 11 pt), rasterised with `pdftoppm -r 200`, OCR'd with `tesseract -l eng`,
//    aligned character by character with the clean text (bench/fixtures-ocr-damage.ts `alignChars`).
//  - R110: the same texts rasterised coarsely (`-r 110 -aa no`), which gives damage closer to seed 002.
//  - SEED002: seed 002 itself (a real English-OCR'd plan, no reference text): 400 distinct words
//    hunspell rejects, each aligned with the first hunspell suggestion that differs from it only at
//    å/ä/ö (267 usable) — an estimate of the real archive's damage, independent of this model.
// Keys are what the OCR wrote; '' = the letter was dropped. Upper-case Å/Ä/Ö came out as A in every
// measured case (R200 5×, R110 5×, SEED002 Ä 4×); the repair works on lower case and restores case.

export type SwedishLetter = 'å' | 'ä' | 'ö';

export const MEASURED: Record<'R200' | 'R110' | 'SEED002', Record<SwedishLetter, Record<string, number>>> = {
  R200: {
    å: { a: 143 },
    ä: { a: 212, '4': 3, d: 3, é: 2, '&': 1, i: 1, '': 1 },
    ö: { o: 64, '6': 29, é: 29, d: 14, g: 2, '': 1, '@': 1, s: 1 },
  },
  R110: {
    å: { a: 107, '': 8, d: 7, i: 6, '4': 4, é: 4, '8': 2, '&': 2, '€': 1 },
    ä: { a: 180, i: 25, l: 6, é: 5, d: 5, '': 4 },
    ö: { é: 77, o: 27, d: 17, a: 14, '6': 4, '': 3, s: 1 },
  },
  SEED002: {
    å: { a: 30, é: 8, d: 6, i: 3, '': 2 },
    ä: { é: 42, d: 38, i: 27, a: 20, '': 5, o: 3, '4': 1, u: 1, 'd&': 1 },
    ö: { o: 46, é: 12, d: 10, '6': 7, '': 2, '&': 1, a: 1, g: 1, u: 1 },
  },
};

/** Seen in seed 002 by eye but too rare to show in the counts above (pseudo-count 1 each):
 * `é&ldre`, `d&renden`, `handlédggare`, `fortséatta`, `Stadsdelsnaémnden` (ä), `gré6nyta` (ö), `éar`, `méanad`, `Véara` (å → éa), `Viér` (å → ié), `utviardering` (ä → ia),
 * `I6sningar`, `16per` (l → I / 1 — not å/ä/ö, but in the same words), `0`/`â`/`è` (plausible, rare). */
export const OBSERVED_RARE: Record<SwedishLetter | 'l', Record<string, number>> = {
  å: { éa: 1, ié: 1, â: 1, '&': 1 },
  ä: { 'é&': 1, 'd&': 1, éd: 1, éa: 1, aé: 1, ia: 1, '&': 1, â: 1, è: 1, e: 1 },
  ö: { '0': 1, è: 1, ó: 1, é6: 1 },
  l: { i: 1, '1': 1 },
};

/** The model: all sources summed. Read as counts of (clean letter → OCR output). */
export function confusionCounts(): Record<SwedishLetter | 'l', Record<string, number>> {
  const out: Record<string, Record<string, number>> = { å: {}, ä: {}, ö: {}, l: {} };
  for (const src of [...Object.values(MEASURED), OBSERVED_RARE] as Array<Record<string, Record<string, number>>>) {
    for (const [letter, row] of Object.entries(src)) {
      for (const [ocr, n] of Object.entries(row)) out[letter][ocr] = (out[letter][ocr] ?? 0) + n;
    }
  }
  return out as Record<SwedishLetter | 'l', Record<string, number>>;
}

/** How often each clean letter is damaged at all, relative to å (for the prior): `l` is almost always
 * read right, so its confusions are heavily penalised. */
export const LETTER_DAMAGE_WEIGHT: Record<SwedishLetter | 'l', number> = { å: 1, ä: 1, ö: 1, l: 0.02 };

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
  const counts = confusionCounts();
  const idx = new Map<string, Confusion[]>();
  for (const [letter, row] of Object.entries(counts) as Array<[SwedishLetter | 'l', Record<string, number>]>) {
    const total = Object.values(row).reduce((s, n) => s + n, 0);
    for (const [ocr, n] of Object.entries(row)) {
      if (ocr === letter) continue;
      const c: Confusion = { ocr, letter, logP: Math.log((n / total) * LETTER_DAMAGE_WEIGHT[letter]) };
      const list = idx.get(ocr) ?? [];
      list.push(c);
      idx.set(ocr, list);
    }
  }
  for (const list of idx.values()) list.sort((a, b) => b.logP - a.logP);
  return idx;
}
