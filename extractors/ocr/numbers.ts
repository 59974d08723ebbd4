// A second reading of the numbers on an OCR'd page. tesseract's Swedish LSTM models (4.0.0 and
// 4.0.0_best_int of @tesseract.js-data/swe) have no `%` in their character set, so a printed `90 %`
// comes out as `90 2`, `909246`, `802` or `8:` — every percentage target of a scanned plan is wrong.
// The English model has the sign. Each number (a word with a digit, with a short symbol word beside it)
// is cut out of the page image, the cut-outs are stacked into one small image, and the English model
// reads them all in one call. A reading replaces the Swedish one only when it is the same number with a
// percent sign: its digits begin the digits the Swedish model read. Nothing else on the page changes.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { NumberFix, OcrBox, OcrResult, OcrWord } from './types.js';

export type { NumberFix } from './types.js';

/** A number on the page: words [first, last] of one line, and the box to cut out (image pixels). */
export interface NumberSpan {
  first: number;
  last: number;
  crop: OcrBox;
}

const DIGIT = /\d/;
const LETTER = /\p{L}/u;
/** A year or a date alone never carries a percent sign: not worth a second reading. */
const PLAIN = /^(?:(?:19|20)\d\d|\d{4}-\d\d-\d\d)[.,:;)]?$/;
/** What a percentage reads as in English: an optional comparison, a number, the sign (a speck before
 * it may come out as a quote or a dot, and is not kept). */
const PERCENT = /^[^\p{L}\p{N}<>≤≥]*([<>≤≥]?\s?\d+(?:[.,]\d+)?\s?%)$/u;
/** The Swedish model is sure of the numbers it can write; a `%` it cannot write lowers its confidence. */
const SURE = 0.9;
/** A letter word the model is this unsure of, right after a number, is a sign it could not write (`100 Z`). */
const NOT_A_LETTER = 0.3;
/** Cut-outs are enlarged this much: the English model reads small isolated numbers better larger. */
const SCALE = 2;

const digits = (s: string): string => s.replace(/\D/g, '');

/** Median word height of the page's words with a digit or a letter (pixels). */
function wordHeight(words: OcrWord[]): number {
  const hs = words
    .filter((w) => /[\p{L}\p{N}]/u.test(w.text))
    .map((w) => w.bbox.y1 - w.bbox.y0)
    .sort((a, b) => a - b);
  return hs.length ? hs[Math.floor(hs.length / 2)] : 0;
}

/**
 * The numbers worth reading again: a word with a digit, joined by the next word of its line when that
 * is close (under 0.6 word heights away), has at most two characters and no letter (the `2` of `90 2`)
 * or one the model all but ruled out (the `Z` of `100 Z`); kept when the Swedish model was unsure of one
 * of its words.
 * The cut-out reaches one word height to the right (less when a word follows sooner), so a sign the
 * Swedish model dropped as noise is inside it.
 */
export function numberSpans(result: OcrResult): NumberSpan[] {
  const words = result.words;
  const h = wordHeight(words);
  if (h === 0) return [];
  const spans: NumberSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!DIGIT.test(w.text) || LETTER.test(w.text)) continue;
    const next = words[i + 1];
    const sameLine = (x: OcrWord | undefined): x is OcrWord => !!x && x.line === w.line;
    let last = i;
    const symbol = (x: OcrWord) => Array.from(x.text).length <= 2 && (!LETTER.test(x.text) || x.confidence < NOT_A_LETTER);
    if (sameLine(next) && next.bbox.x0 - w.bbox.x1 < 0.6 * h && symbol(next)) last = i + 1;
    if ((last === i && PLAIN.test(w.text)) || words.slice(i, last + 1).every((x) => x.confidence >= SURE)) {
      i = last;
      continue;
    }
    const end = words[last];
    const after = words[last + 1];
    const room = sameLine(after) ? Math.max(0, after.bbox.x0 - end.bbox.x1 - 0.15 * h) : h;
    const pad = 0.15 * h; // more takes in the rules of a table row
    const box = {
      x0: Math.max(0, Math.floor(w.bbox.x0 - pad)),
      y0: Math.max(0, Math.floor(Math.min(w.bbox.y0, end.bbox.y0) - pad)),
      x1: Math.ceil(end.bbox.x1 + Math.min(room, h)),
      y1: Math.ceil(Math.max(w.bbox.y1, end.bbox.y1) + pad),
    };
    spans.push({ first: i, last, crop: box });
    i = last;
  }
  return spans;
}

/** The cut-outs are made with @napi-rs/canvas, which reads PNG and JPEG (and crashes the process on a TIFF). */
export function isPngOrJpeg(b: Uint8Array): boolean {
  return (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff);
}

/** The page's cut-outs one under the other on white, a word height apart; `rows[k]` is span k's band. */
export async function stackCrops(png: Uint8Array, spans: NumberSpan[]): Promise<{ png: Uint8Array; rows: Array<[number, number]> }> {
  const img = await loadImage(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  const crops = spans.map((s) => ({ ...s.crop, x1: Math.min(img.width, s.crop.x1), y1: Math.min(img.height, s.crop.y1) }));
  const gap = SCALE * Math.max(...crops.map((c) => c.y1 - c.y0));
  const width = SCALE * Math.max(...crops.map((c) => c.x1 - c.x0)) + 2 * gap;
  const height = crops.reduce((sum, c) => sum + SCALE * (c.y1 - c.y0) + gap, gap);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  const rows: Array<[number, number]> = [];
  let y = gap;
  for (const c of crops) {
    const w = Math.max(1, c.x1 - c.x0);
    const hh = Math.max(1, c.y1 - c.y0);
    ctx.drawImage(img, c.x0, c.y0, w, hh, gap, y, SCALE * w, SCALE * hh);
    rows.push([y, y + SCALE * hh]);
    y += SCALE * hh + gap;
  }
  // black on white: the edge of a grey scan background is otherwise read as a bracket or a quote
  const pixels = ctx.getImageData(0, 0, width, height);
  const d = pixels.data;
  for (let i = 0; i < d.length; i += 4) {
    const v = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2] < 150 ? 0 : 255;
    d[i] = d[i + 1] = d[i + 2] = v;
  }
  ctx.putImageData(pixels, 0, 0);
  return { png: new Uint8Array(await canvas.encode('png')), rows };
}

/** A line the second model read in the stacked image: its text and vertical extent. */
export interface ReadLine {
  text: string;
  y0: number;
  y1: number;
}

/**
 * The page with its unsure numbers read again, for either engine: the spans are cut out of `image` and
 * stacked, and `read` gives the lines the number model reads in the stacked image. A reading that failed
 * keeps the page as first read, with `numberError` saying why.
 */
export async function rereadNumbers(result: OcrResult, image: Uint8Array, read: (stacked: Uint8Array) => Promise<ReadLine[]>): Promise<OcrResult> {
  if (result.words.length === 0) return result;
  const spans = numberSpans(result);
  if (spans.length === 0) return result;
  if (!isPngOrJpeg(image)) return { ...result, numberError: 'numbers are read again on PNG and JPEG pages only' };
  try {
    const stacked = await stackCrops(image, spans);
    const { result: fixed, fixes } = applyReadings(result, spans, readingsByRow(await read(stacked.png), stacked.rows));
    return { ...fixed, numberFixes: fixes };
  } catch (e) {
    return { ...result, numberError: e instanceof Error ? e.message : String(e) };
  }
}

/** The readings of each span: the lines whose middle falls in its band (tesseract sometimes reads a
 * `%` twice over, once more as a line of its own such as `(o]`). */
export function readingsByRow(lines: ReadLine[], rows: Array<[number, number]>): string[][] {
  return rows.map(([a, b]) =>
    lines
      .filter((l) => {
        const mid = (l.y0 + l.y1) / 2;
        return mid >= a && mid <= b;
      })
      .map((l) => l.text.replace(/\s+/g, ' ').trim()),
  );
}

/**
 * The page with each span whose second reading is a percentage of the same number put in its place.
 * The span's words become the reading's words (one box per word where the counts agree, else one box
 * for the whole reading); lines and text are rebuilt from the words.
 */
export function applyReadings(result: OcrResult, spans: NumberSpan[], readings: string[][]): { result: OcrResult; fixes: NumberFix[] } {
  const replace = new Map<number, { span: NumberSpan; words: string[] }>();
  const fixes: NumberFix[] = [];
  spans.forEach((s, k) => {
    const before = result.words
      .slice(s.first, s.last + 1)
      .map((w) => w.text)
      .join(' ');
    const sameNumber = (m: RegExpExecArray | null): m is RegExpExecArray => !!m && digits(m[1]) !== '' && digits(before).startsWith(digits(m[1]));
    const m = readings[k].map((r) => PERCENT.exec(r)).find(sameNumber);
    if (!m) return;
    const after = m[1];
    if (after === before) return;
    replace.set(s.first, { span: s, words: after.split(' ') });
    fixes.push({ before, after, line: result.words[s.first].line });
  });
  if (fixes.length === 0) return { result, fixes };

  const words: OcrWord[] = [];
  for (let i = 0; i < result.words.length; i++) {
    const r = replace.get(i);
    if (!r) {
      words.push(result.words[i]);
      continue;
    }
    const old = result.words.slice(r.span.first, r.span.last + 1);
    if (old.length === r.words.length) r.words.forEach((t, j) => words.push({ ...old[j], text: t }));
    else {
      const bbox = {
        x0: old[0].bbox.x0,
        y0: Math.min(...old.map((w) => w.bbox.y0)),
        x1: old[old.length - 1].bbox.x1,
        y1: Math.max(...old.map((w) => w.bbox.y1)),
      };
      words.push({ ...old[0], text: r.words.join(' '), bbox });
    }
    i = r.span.last;
  }
  const lines = result.lines.map((l, li) => ({
    ...l,
    text: words
      .filter((w) => w.line === li)
      .map((w) => w.text)
      .join(' '),
  }));
  const textLines = result.text.split('\n');
  for (const l of lines) textLines[l.textLine - 1] = l.text;
  return { result: { ...result, words, lines, text: textLines.join('\n') }, fixes };
}
