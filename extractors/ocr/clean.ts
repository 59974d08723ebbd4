// Scan noise that tesseract reads as "words": speckles (a few pixels, read as | : ' . i), table rules
// (a long thin box read as — or LL), and symbol-only guesses it is itself unsure of. These are dropped
// from the words and from the page text; everything else is kept as tesseract gave it.
import type { OcrBox } from './types.js';

export interface NoiseWord {
  text: string;
  confidence: number;
  bbox: OcrBox;
}

const HAS_ALNUM = /[\p{L}\p{N}]/u;

/** Median word box height of the page (pixels); the scale for "tiny" and "tall". */
export function medianWordHeight(words: NoiseWord[]): number {
  const hs = words
    .filter((w) => HAS_ALNUM.test(w.text) && w.text.length >= 2)
    .map((w) => w.bbox.y1 - w.bbox.y0)
    .sort((a, b) => a - b);
  if (hs.length === 0) return 0;
  return hs[Math.floor(hs.length / 2)];
}

/** Why a word is noise, or null when it is kept. `h` is the page's median word height. */
export function noiseReason(w: NoiseWord, h: number): string | null {
  const bw = w.bbox.x1 - w.bbox.x0;
  const bh = w.bbox.y1 - w.bbox.y0;
  const alnum = HAS_ALNUM.test(w.text);
  if (h > 0) {
    // a near-zero-confidence scrap of one or two characters whose box is not text-sized
    // (real words tesseract is unsure of, e.g. one touched by a speckle, are kept)
    if (w.confidence < 0.1 && Array.from(w.text).length <= 2 && (bh < 0.5 * h || bh > 1.5 * h)) return 'unreadable';
    // a speckle: small in both directions (a hyphen or dash is wider; letters are taller)
    if (bw < 0.2 * h && bh < 0.2 * h) return 'speckle';
    // a rule line: far wider per character than any glyph is (an em dash is ~1.3 h wide)
    const n = Array.from(w.text).length;
    if (bw > (n === 1 ? 3 : 1.5) * h * n && bh < 1.6 * h) return 'rule';
    // a symbol-only box much taller than the text (a vertical rule, a smudge)
    if (!alnum && bh > 1.6 * h) return 'tall-symbol';
  }
  if (!alnum && w.confidence < 0.5) return 'unsure-symbol';
  return null;
}

/**
 * The words of one OCR line that are kept. A table rule read as text comes out as a line of fragments
 * around one rule-shaped "word", all unsure: such a line (a rule word, mean confidence < 0.5) goes whole.
 */
export function keepWords<W extends NoiseWord>(line: W[], h: number): W[] {
  const reasons = line.map((w) => noiseReason(w, h));
  const mean = line.reduce((s, w) => s + w.confidence, 0) / Math.max(1, line.length);
  if (reasons.includes('rule') && mean < 0.5) return [];
  return line.filter((_, i) => reasons[i] === null);
}
