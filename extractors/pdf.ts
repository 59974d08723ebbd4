// PDF text layer → ExtractedPage[] (positioned items per page), through pdf.js (pdfjs-dist legacy
// build, the engine pdf-parse 2.4.5 wraps).
//
// Node set-up, as pdf-parse does it: the legacy build runs pdf.js's "fake worker" in the main thread
// under Node. pdf-parse leaves `GlobalWorkerOptions.workerSrc` at pdf.js's Node default
// (`./pdf.worker.mjs`, imported lazily), and its `pdf-parse/worker` entry imports
// `pdfjs-dist/legacy/build/pdf.worker.mjs` up front so `globalThis.pdfjsWorker` is set and no worker
// file has to be resolved at run time. We do the latter. pdf-parse does not pass
// `standardFontDataUrl`/`cMapUrl` (the lines are commented out); we pass the directories shipped in
// pdfjs-dist as plain paths (pdf.js's Node factories read them with fs), so non-embedded standard
// fonts and CJK cmaps load offline and pdf.js does not warn about them.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DEFAULT_LIMITS } from './limits.js';
import { PlanError, type ExtractedPage, type Message, type TextItem } from '../model/document.js';
import type { RuleId } from '../model/rules.js';
import { pageToLines } from './pdf-lines.js';
import { repairPdf } from './pdf-repair.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | null = null;
let assetDirs: { standardFontDataUrl: string; cMapUrl: string } | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    // @ts-expect-error -- the worker module ships no types; importing it sets globalThis.pdfjsWorker
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc ||= './pdf.worker.mjs';
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    assetDirs = { standardFontDataUrl: join(root, 'standard_fonts') + '/', cMapUrl: join(root, 'cmaps') + '/' };
    return pdfjs;
  })();
  return pdfjsPromise;
}

/** Font names that mean a bold face (Arial-BoldMT, Calibri-Bold, Roboto-Medium as pdfmake's bold…). */
const BOLD_FONT = /bold|black|heavy|semibold|demi|medium|[-,]bd$/i;
/** An item counts as horizontal when its baseline turns less than this (sin of the angle). */
const MAX_SKEW = 0.02;

interface RawItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName?: string;
}

function isTextItem(i: unknown): i is RawItem {
  return typeof (i as RawItem).str === 'string' && Array.isArray((i as RawItem).transform);
}

function errorName(e: unknown): string {
  return (e as { name?: string })?.name ?? '';
}

/** What a page without a text layer draws instead: path constructions and painted images. */
export interface PageDrawing {
  paths: number;
  images: number;
}

export interface PdfPages {
  pages: ExtractedPage[];
  warnings: Message[];
  /** for each page without text: what it draws (a scan paints an image; text as curves builds paths) */
  drawing: Map<number, PageDrawing>;
  /** the bytes the pages were read from: after a repair, qpdf's rebuilt file (what OCR must render) */
  data: Uint8Array;
}

/**
 * Reads every page's text layer. Throws PlanError: `empty` (0 bytes), `corrupt` (not a PDF or
 * unreadable), `encrypted` (password required), `needs-ocr` (no page has any text). Pages without
 * text (or that fail to read) come back with empty text and a warning.
 */
export async function extractPdf(file: string, data: Uint8Array): Promise<{ pages: ExtractedPage[]; warnings: Message[] }> {
  const { pages, warnings } = await readPdfPages(file, data);
  if (pages.every((p) => p.items!.length === 0)) {
    if (warnings.every((w) => w.rule === 'page-unreadable'))
      throw new PlanError('corrupt', `no page could be read: ${warnings[0]?.message ?? ''}`, { file });
    throw new PlanError('needs-ocr', 'no text layer on any page: needs OCR (scanned PDF?)', { file });
  }
  return { pages, warnings };
}

/**
 * As extractPdf, but a PDF without any text layer is returned (its pages empty) rather than refused.
 * A PDF that cannot be opened, or none of whose pages can be read, is rebuilt by qpdf and read again;
 * the result then carries a `pdf-repaired` warning.
 */
export async function readPdfPages(file: string, data: Uint8Array, maxPages = DEFAULT_LIMITS.maxPages): Promise<PdfPages> {
  if (data.length === 0) throw new PlanError('empty', 'empty file (0 bytes)', { file });
  let read: PdfPages;
  try {
    read = await readPdf(file, data, maxPages);
  } catch (e) {
    if (!(e instanceof PlanError) || e.rule !== 'corrupt') throw e;
    const repaired = await readRepaired(file, data, maxPages, e.reason);
    if (typeof repaired === 'string') throw new PlanError('corrupt', `${e.reason} (${repaired})`, { file });
    return repaired;
  }
  const failed = noPageRead(read);
  if (!failed) return read;
  const repaired = await readRepaired(file, data, maxPages, `no page could be read: ${failed.message}`);
  if (typeof repaired !== 'string') return repaired;
  // the caller's "no page could be read" error quotes this warning: it also says what repair did
  return { ...read, warnings: read.warnings.map((w) => (w === failed ? { ...w, message: `${w.message} (${repaired})` } : w)) };
}

/** When every page failed to read (pdf.js opened the file, but its pages are damaged): the first failure. */
function noPageRead(r: PdfPages): Message | undefined {
  const failed = r.warnings.filter((w) => w.rule === 'page-unreadable');
  return failed.length === r.pages.length ? failed[0] : undefined;
}

/** The pages of the qpdf-rebuilt file with a `pdf-repaired` warning first, or why repair did not help. */
async function readRepaired(file: string, data: Uint8Array, maxPages: number, damage: string): Promise<PdfPages | string> {
  const repair = await repairPdf(data);
  if (!repair.ok) return repair.reason;
  let read: PdfPages;
  try {
    read = await readPdf(file, repair.data, maxPages);
  } catch (e) {
    if (e instanceof PlanError && e.rule === 'corrupt') return `qpdf repair tried, but the rebuilt file cannot be read either: ${e.reason}`;
    throw e;
  }
  const failed = noPageRead(read);
  if (failed) return `qpdf repair tried, but still ${failed.message}`;
  const message = `qpdf rebuilt the file structure of a damaged PDF (${damage}) and the rebuilt file was read: text may be missing`;
  return { ...read, warnings: [{ stage: 'extract', rule: 'pdf-repaired', message, page: null, line: null }, ...read.warnings] };
}

/** One reading of the bytes by pdf.js, no repair. */
async function readPdf(file: string, data: Uint8Array, maxPages: number): Promise<PdfPages> {
  const pdfjs = await loadPdfJs();
  const head = new TextDecoder('latin1').decode(data.subarray(0, Math.min(data.length, 1024)));
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy
  const task = pdfjs.getDocument({
    data: new Uint8Array(data),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    ...assetDirs,
  });
  const warnings: Message[] = [];
  const warn = (rule: RuleId, message: string, page: number | null) => warnings.push({ stage: 'extract', rule, message, page, line: null });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (e) {
      const name = errorName(e);
      if (name === 'PasswordException') throw new PlanError('encrypted', 'PDF is password-protected', { file });
      const msg = (e as Error)?.message ?? String(e);
      const what = head.includes('%PDF-') ? 'corrupt PDF' : 'not a PDF (no %PDF header)';
      throw new PlanError('corrupt', `${what}: ${msg}`, { file });
    }
    if (doc.numPages > maxPages) {
      throw new PlanError('too-large', `too many pages: ${doc.numPages} > ${maxPages}; raise with --max-pages`, { file });
    }
    const fontNames = new Map<string, string | null>();
    const pages: ExtractedPage[] = [];
    const drawing = new Map<number, PageDrawing>();
    const ops = pdfjs.OPS as Record<string, number>;
    for (let num = 1; num <= doc.numPages; num++) {
      let page: Awaited<ReturnType<typeof doc.getPage>> | null = null;
      try {
        page = await doc.getPage(num);
        const vp = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const raw = (content.items as unknown[]).filter(isTextItem).filter((i) => i.str.trim() !== '');
        await resolveFontNames(page, raw, fontNames);
        const items: TextItem[] = [];
        const rotated: string[] = [];
        const unplaceable: string[] = [];
        for (const it of raw) {
          const [a, b, , d, e, f] = it.transform;
          const scaleX = Math.hypot(a, b);
          // turned text (a margin note running upwards…) would land inside some body line: keep it out
          if (scaleX === 0 || a <= 0 || Math.abs(b) / scaleX > MAX_SKEW) {
            rotated.push(it.str);
            continue;
          }
          // the vertical scale is the font size (a, the horizontal one, also carries Tz condensing)
          const fontSize = Math.abs(d) || it.height || scaleX;
          const item: TextItem = { str: it.str, x: round(e), y: round(vp.height - f), width: round(it.width), fontSize: round(fontSize) };
          // a damaged or hostile file can place text at Infinity or NaN: no line can hold it
          if (![item.x, item.y, item.width, item.fontSize].every(Number.isFinite)) {
            unplaceable.push(it.str);
            continue;
          }
          const font = it.fontName ? fontNames.get(it.fontName) : null;
          if (font && BOLD_FONT.test(font)) item.bold = true;
          items.push(item);
        }
        if (rotated.length) {
          const sample = rotated.join(' ').replace(/\s+/g, ' ').slice(0, 80);
          warn('rotated-text', `rotated text left out of the lines: "${sample}"`, num);
        }
        if (unplaceable.length) {
          const sample = unplaceable.join(' ').replace(/\s+/g, ' ').slice(0, 80);
          warn('unplaceable-text', `text at positions that are not numbers left out of the lines: "${sample}"`, num);
        }
        const ep: ExtractedPage = {
          page: num,
          num,
          text: '',
          items,
          method: 'text-layer',
          confidence: null,
          width: finiteOrNull(round(vp.width)),
          height: finiteOrNull(round(vp.height)),
        };
        ep.text = pageToLines(ep)
          .map((l) => l.text)
          .join('\n');
        if (!items.length) {
          warn('page-without-text', `page ${num} has no text layer (scanned page?)`, num);
          drawing.set(num, await drawnContent(page, ops));
        }
        pages.push(ep);
      } catch (e) {
        if (e instanceof PlanError) throw e;
        warn('page-unreadable', `page ${num} could not be read: ${(e as Error)?.message ?? e}`, num);
        pages.push({ page: num, num, text: '', items: [], method: 'text-layer', confidence: null, width: null, height: null });
      } finally {
        page?.cleanup();
      }
    }
    if (pages.length === 0) throw new PlanError('corrupt', 'PDF has no pages', { file });
    return { pages, warnings, drawing, data };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/**
 * Real font names (for bold) are only known to the main thread once a page's operator list has loaded
 * its fonts; text content alone carries just a generic family. The operator list costs about as much
 * as the text content, so it is fetched only for pages that use a font not seen on an earlier page
 * (fonts are shared across pages, so that is usually the first page or two).
 */
async function resolveFontNames(
  page: { getOperatorList(): Promise<unknown>; commonObjs: { has(id: string): boolean; get(id: string): unknown } },
  items: RawItem[],
  names: Map<string, string | null>,
): Promise<void> {
  const missing = [...new Set(items.map((i) => i.fontName).filter((n): n is string => !!n && !names.has(n)))];
  if (missing.length === 0) return;
  try {
    await page.getOperatorList();
  } catch {
    // bold is a nicety: a page whose operator list fails still has its text
  }
  for (const id of missing) {
    let name: string | null = null;
    try {
      if (page.commonObjs.has(id)) name = ((page.commonObjs.get(id) as { name?: string } | null)?.name ?? null) || null;
    } catch {
      name = null;
    }
    names.set(id, name);
  }
}

const IMAGE_OPS = [
  'paintImageXObject',
  'paintInlineImageXObject',
  'paintImageMaskXObject',
  'paintImageXObjectRepeat',
  'paintInlineImageXObjectGroup',
  'paintImageMaskXObjectGroup',
  'paintImageMaskXObjectRepeat',
  'paintSolidColorImageMask',
];

/** Counts a page's path constructions and painted images (its operator list; ~0.1–0.4 s a page). */
async function drawnContent(page: { getOperatorList(): Promise<{ fnArray: number[] }> }, ops: Record<string, number>): Promise<PageDrawing> {
  const imageOps = new Set(IMAGE_OPS.map((n) => ops[n]).filter((v) => v !== undefined));
  const pathOp = ops.constructPath;
  try {
    const { fnArray } = await page.getOperatorList();
    let paths = 0;
    let images = 0;
    for (const fn of fnArray) {
      if (fn === pathOp) paths++;
      else if (imageOps.has(fn)) images++;
    }
    return { paths, images };
  } catch {
    return { paths: 0, images: 0 };
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
const finiteOrNull = (n: number) => (Number.isFinite(n) ? n : null);
