// The per-page choice between a PDF's text layer and OCR (OCRmyPDF's model), and OCR of the pages that
// need it. The OCR engine is one shared pool, created only when a page needs it.
import { PlanError, type ExtractedPage, type Message } from '../model/document.js';
import { readPdfPages } from './pdf.js';
import { decidePage, type OcrMode } from './ocr/decide.js';
import type { OcrEngine } from './ocr/engine.js';
import { ocrPdfPages } from './ocr/ocr-pdf.js';

export type { OcrMode };

export interface OcrOptions {
  mode: OcrMode;
  /** the shared OCR pool; called only when some page needs OCR */
  engine: () => OcrEngine;
  /** a PDF with more pages is refused (`too-large`) before any page is read */
  maxPages?: number;
}

function choice(num: number, reason: string): Message {
  return { stage: 'extract', rule: 'page-ocr', message: `page ${num}: OCR (${reason})`, page: num, line: null };
}

export async function extractPdfWithOcr(file: string, data: Uint8Array, opts: OcrOptions): Promise<{ pages: ExtractedPage[]; warnings: Message[] }> {
  const layer = await readPdfPages(file, data, opts.maxPages);
  if (opts.mode === 'never' && layer.pages.every((p) => p.items!.length === 0)) {
    if (layer.warnings.every((w) => w.rule === 'page-unreadable'))
      throw new PlanError('corrupt', `no page could be read: ${layer.warnings[0]?.message ?? ''}`, { file });
    throw new PlanError('needs-ocr', 'no text layer on any page and OCR is off (--ocr never)', { file });
  }
  const decisions = layer.pages.map((p) => ({ num: p.page, d: decidePage(p.text, p.items, opts.mode, layer.drawing.get(p.page)) }));
  const toOcr = decisions.filter((x) => x.d.ocr).map((x) => x.num);
  // a page sent to OCR already says why; its "no text layer" warning would only repeat it
  const warnings = layer.warnings.filter((w) => !(w.rule === 'page-without-text' && toOcr.includes(w.page ?? -1)));
  // only pages that went to OCR get a message: a text layer is the normal case
  for (const x of decisions) if (x.d.ocr) warnings.push(choice(x.num, x.d.reason));
  if (!toOcr.length) return { pages: layer.pages, warnings };
  const ocr = await ocrPdfPages(file, layer.data, toOcr, opts.engine());
  const byNum = new Map(ocr.pages.map((p) => [p.page, p]));
  return { pages: layer.pages.map((p) => byNum.get(p.page) ?? p), warnings: [...warnings, ...ocr.warnings] };
}
