// The per-page choice between a PDF's text layer and OCR (OCRmyPDF's model), and OCR of the pages that
// need it. The OCR engine is one shared pool, created only when a page needs it.
import { PDFParse } from 'pdf-parse';
import { InputError, type ExtractedPage, type Message } from '../pipeline/model.js';
import { extractPdf } from './pdf.js';
import { decidePage, type OcrMode } from './ocr/decide.js';
import type { OcrEngine } from './ocr/engine.js';
import { ocrPdfPages } from './ocr/ocr-pdf.js';

export type { OcrMode };

export interface OcrOptions {
  mode: OcrMode;
  /** the shared OCR pool; called only when some page needs OCR */
  engine: () => OcrEngine;
}

async function pageCount(data: Uint8Array): Promise<number> {
  const parser = new PDFParse({ data: new Uint8Array(data), verbosity: 0 });
  try {
    return (await parser.getInfo()).total;
  } finally {
    await parser.destroy();
  }
}

function choice(num: number, reason: string, ocr: boolean): Message {
  return { stage: 'extract', rule: ocr ? 'page-ocr' : 'page-text-layer', message: `page ${num}: ${ocr ? 'OCR' : 'text layer'} (${reason})`, page: num, line: null };
}

export async function extractPdfWithOcr(file: string, data: Uint8Array, opts: OcrOptions): Promise<{ pages: ExtractedPage[]; warnings: Message[] }> {
  let layer: { pages: ExtractedPage[]; warnings: Message[] };
  try {
    layer = await extractPdf(file, data);
  } catch (e) {
    if (!(e instanceof InputError) || e.code !== 'needs-ocr' || opts.mode === 'never') throw e;
    const total = await pageCount(data);
    const nums = Array.from({ length: total }, (_, i) => i + 1);
    const ocr = await ocrPdfPages(file, data, nums, opts.engine());
    return { pages: ocr.pages, warnings: [...nums.map((n) => choice(n, 'no-text-layer', true)), ...ocr.warnings] };
  }
  const decisions = layer.pages.map((p) => ({ num: p.num, d: decidePage(p.text, p.items, opts.mode) }));
  const toOcr = decisions.filter((x) => x.d.ocr).map((x) => x.num);
  const warnings = [...layer.warnings];
  // only pages that went to OCR get a message: a text layer is the normal case
  for (const x of decisions) if (x.d.ocr) warnings.push(choice(x.num, x.d.reason, true));
  if (!toOcr.length) return { pages: layer.pages, warnings };
  const ocr = await ocrPdfPages(file, data, toOcr, opts.engine());
  const byNum = new Map(ocr.pages.map((p) => [p.num, p]));
  return { pages: layer.pages.map((p) => byNum.get(p.num) ?? p), warnings: [...warnings, ...ocr.warnings] };
}
