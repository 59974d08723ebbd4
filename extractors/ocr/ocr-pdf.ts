// OCR of PDF pages: render (pdf-parse getScreenshot) → tesseract.js pool → ExtractedPage with
// positioned items in PDF points, so the positional line/table reader works on scans as on text PDFs.
import type { Stage } from '../../model/message.js';
import { PlanError, type ExtractedPage, type Message, type TextItem } from '../../model/document.js';
import type { OcrEngine, OcrResult, OcrWord } from './types.js';
import { DEFAULT_OCR_DPI, renderPages } from './render.js';

export interface OcrPagesOptions {
  /** render resolution; default DEFAULT_OCR_DPI (200) */
  dpi?: number;
  /** words under this confidence become 'ocr-low-confidence' warnings; default 0.6 */
  lowWordConfidence?: number;
  /** a page whose mean confidence is under this gets 'ocr-wrong-language-or-bad-scan'; default 0.5 */
  badPageConfidence?: number;
  /** at most this many low-confidence warnings per page, then one summary; default 25 */
  maxWordWarningsPerPage?: number;
  /** Message.stage; default 'extract' */
  stage?: Stage;
}

export interface OcrPagesResult {
  pages: ExtractedPage[];
  warnings: Message[];
}

/** The geometry that maps OCR pixels to PDF points. */
export interface PageGeometry {
  widthPx: number;
  heightPx: number;
  widthPt: number;
  heightPt: number;
}

// Glyph extents in em for common text faces (Roboto, Arial, Times agree within ~10 %): a word's box
// spans from x-height or ascender/cap height down to the baseline or the descender.
const TALL = /[A-ZÅÄÖÉÜ0-9bdfhklt'"!?/()[\]{}|åäöéü&%#@]/u;
const DESCENDING = /[gjpqy,;()[\]{}|]/u;

/** Font size (points) implied by a word box height (points), from the glyph classes in the word. */
export function fontSizeFromWord(text: string, heightPt: number): number | null {
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  const top = TALL.test(text) ? 0.74 : 0.53;
  const bottom = DESCENDING.test(text) ? 0.21 : 0;
  return heightPt / (top + bottom);
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * Positioned items from OCR words, one per word: x and width in points, y the line's baseline from the
 * page top (all words of an OCR line share it), fontSize the line's median estimate from word heights.
 */
export function itemsFromOcr(result: OcrResult, g: PageGeometry): TextItem[] {
  const kx = g.widthPt / g.widthPx;
  const ky = g.heightPt / g.heightPx;
  const byLine = new Map<number, OcrWord[]>();
  for (const w of result.words) {
    const l = byLine.get(w.line);
    if (l) l.push(w);
    else byLine.set(w.line, [w]);
  }
  const items: TextItem[] = [];
  for (const [li, words] of byLine) {
    const line = result.lines[li];
    const sizes = words.map((w) => fontSizeFromWord(w.text, (w.bbox.y1 - w.bbox.y0) * ky)).filter((v): v is number => v !== null);
    const fontSize = median(sizes) ?? (line.bbox.y1 - line.bbox.y0) * ky;
    const y = (line?.baselineY ?? Math.max(...words.map((w) => w.bbox.y1))) * ky;
    for (const w of words) {
      items.push({ str: w.text, x: round2(w.bbox.x0 * kx), y: round2(y), width: round2((w.bbox.x1 - w.bbox.x0) * kx), fontSize: round2(fontSize) });
    }
  }
  return items;
}

/** ExtractedPage + warnings for one OCR result. */
export function pageFromOcr(
  num: number,
  result: OcrResult,
  g: PageGeometry,
  opts: OcrPagesOptions = {},
): { page: ExtractedPage; warnings: Message[] } {
  const stage = opts.stage ?? 'extract';
  const lowWord = opts.lowWordConfidence ?? 0.6;
  const badPage = opts.badPageConfidence ?? 0.5;
  const maxWarn = opts.maxWordWarningsPerPage ?? 25;
  const warnings: Message[] = [];
  const width = round2(g.widthPt);
  const height = round2(g.heightPt);
  if (result.error !== null) {
    warnings.push({ stage, rule: 'ocr-page-failed', message: `OCR failed on page ${num}: ${result.error}`, page: num, line: null });
    return { page: { page: num, num, text: '', items: null, method: 'ocr', confidence: 0, width, height }, warnings };
  }
  const kx = g.widthPt / g.widthPx;
  const ky = g.heightPt / g.heightPx;
  const low = result.words.filter((w) => w.confidence < lowWord);
  for (const w of low.slice(0, maxWarn)) {
    const line = result.lines[w.line]?.textLine ?? null;
    warnings.push({
      stage,
      rule: 'ocr-low-confidence',
      message: `OCR word "${w.text}" read with confidence ${w.confidence.toFixed(2)} at x=${Math.round(w.bbox.x0 * kx)} y=${Math.round(w.bbox.y0 * ky)} pt (w=${Math.round((w.bbox.x1 - w.bbox.x0) * kx)} h=${Math.round((w.bbox.y1 - w.bbox.y0) * ky)})`,
      page: num,
      line,
    });
  }
  if (low.length > maxWarn) {
    warnings.push({
      stage,
      rule: 'ocr-low-confidence',
      message: `${low.length - maxWarn} more OCR words under confidence ${lowWord} on page ${num}`,
      page: num,
      line: null,
    });
  }
  if (result.words.length > 0 && result.confidence < badPage) {
    warnings.push({
      stage,
      rule: 'ocr-wrong-language-or-bad-scan',
      message: `mean OCR confidence ${result.confidence.toFixed(2)} on page ${num}: the page is probably not Swedish text, or the scan is poor`,
      page: num,
      line: null,
    });
  }
  for (const f of result.numberFixes) {
    warnings.push({
      stage,
      rule: 'ocr-number-reread',
      message: `OCR number "${f.before}" read again with the English model as "${f.after}" (the Swedish model has no % sign)`,
      page: num,
      line: result.lines[f.line]?.textLine ?? null,
    });
  }
  if (result.numberError) {
    warnings.push({
      stage,
      rule: 'ocr-number-reread-failed',
      message: `numbers on page ${num} could not be read again (${result.numberError}); a % sign may be missing`,
      page: num,
      line: null,
    });
  }
  if (result.words.length === 0) {
    warnings.push({ stage, rule: 'ocr-empty-page', message: `OCR found no text on page ${num}`, page: num, line: null });
  }
  return {
    page: {
      page: num,
      num,
      text: result.text,
      items: itemsFromOcr(result, g),
      method: 'ocr',
      confidence: round2(result.confidence * 1000) / 1000,
      width,
      height,
    },
    warnings,
  };
}

/**
 * Renders and OCRs `pageNums` (1-based) of a PDF. Rendering runs ahead of OCR by at most the pool size
 * plus one page, so the page images in memory stay bounded. A page that fails or times out yields an
 * empty page and an 'ocr-page-failed' warning; the others go on. Pages come back in `pageNums` order.
 */
export async function ocrPdfPages(
  file: string,
  data: Uint8Array,
  pageNums: number[],
  engine: OcrEngine,
  opts: OcrPagesOptions = {},
): Promise<OcrPagesResult> {
  const dpi = opts.dpi ?? DEFAULT_OCR_DPI;
  const inflight: Array<Promise<{ page: ExtractedPage; warnings: Message[] }>> = [];
  const done: Array<{ page: ExtractedPage; warnings: Message[] }> = [];
  const ahead = engine.size + 1;
  let settled = 0;
  let engineError: { e: unknown } | null = null;
  await renderPages(
    data,
    pageNums,
    dpi,
    async (r) => {
      const geometry: PageGeometry = { widthPx: r.widthPx, heightPx: r.heightPx, widthPt: r.widthPt, heightPt: r.heightPt };
      const p = engine.recognize(r.png, r.num).then((res) => pageFromOcr(r.num, res, geometry, opts));
      p.catch(() => undefined); // awaited in order below; never an unhandled rejection meanwhile
      inflight.push(p);
      while (inflight.length - settled >= ahead) {
        try {
          done.push(await inflight[settled]);
        } catch (e) {
          engineError = { e };
          throw e;
        }
        settled++;
      }
    },
    false,
  ).catch((e: unknown) => {
    // let recognitions already started finish (their workers are shared), then report the file
    return Promise.allSettled(inflight).then(() => {
      if (engineError || e instanceof PlanError) throw e; // the engine's failure, not the file's
      throw new PlanError('render-failed', `page could not be rendered for OCR: ${e instanceof Error ? e.message : String(e)}`, { file });
    });
  });
  for (; settled < inflight.length; settled++) done.push(await inflight[settled]);
  return { pages: done.map((d) => d.page), warnings: done.flatMap((d) => d.warnings) };
}
