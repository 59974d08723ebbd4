// Extract stage: a file on disk → Extraction (pages with text, positions, method). The format is
// chosen by extension; anything else is reported and skipped by the batch.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { extractImage } from './image.js';
import { createOcrEngine, type OcrEngine, type OcrEngineName } from './ocr/engine.js';
import { extractPdfWithOcr, type OcrMode } from './scan.js';
import { extractTextFile } from './text-file.js';
import { decodeText } from './decode.js';
import { Extraction, PlanError, type SourceFormat } from '../model/document.js';
import { formatOf } from './formats.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

export type { Limits } from './limits.js';

export interface ExtractOptions {
  /** `auto`: OCR pages without a usable text layer; `always`; `never` (a scan is then an error) */
  ocr?: OcrMode;
  /** a shared OCR pool (see `OcrPool`); without one, a pool is made for this file and closed after */
  ocrPool?: OcrPool;
  /** the engine of a pool made for this file (ignored with `ocrPool`); default `wasm` */
  ocrEngine?: OcrEngineName;
  limits?: Partial<Limits>;
}

/** One OCR pool for a whole batch, started the first time a page needs OCR. */
export class OcrPool {
  private engine: OcrEngine | null = null;
  constructor(private readonly engineName: OcrEngineName = 'wasm') {}
  get(): OcrEngine {
    this.engine ??= createOcrEngine({ engine: this.engineName });
    return this.engine;
  }
  async close(): Promise<void> {
    await this.engine?.terminate();
    this.engine = null;
  }
}

/** Markdown conversions are often saved as .txt: headings and bold markup give them away. */
export function looksLikeMarkdown(text: string): boolean {
  const headings = text.match(/^#{1,6} \S/gm)?.length ?? 0;
  const markup = text.match(/\*\*\S|<b>|<\/i>/g)?.length ?? 0;
  return headings >= 3 || (headings >= 1 && markup >= 3);
}

export interface Input {
  format: SourceFormat;
  data: Buffer;
  sha256: string;
}

/** The file's format by its name; a name no reader knows is refused. */
function formatOrRefuse(path: string): SourceFormat {
  const format = formatOf(path);
  if (!format)
    throw new PlanError('unsupported', `unsupported file type "${extname(path) || '(none)'}": expected .pdf, .txt, .md or an image`, { file: path });
  return format;
}

/** Reads a file once: its format by extension, its bytes and their SHA-256 (the document's identity). */
export async function readInput(path: string, limits: Partial<Limits> = {}): Promise<Input> {
  // refused by its name before its bytes are read
  formatOrRefuse(path);
  const maxMb = limits.maxFileMb ?? DEFAULT_LIMITS.maxFileMb;
  let data: Buffer;
  try {
    const { size } = await stat(path);
    if (size > maxMb * 2 ** 20) {
      throw new PlanError('too-large', `too large: ${(size / 2 ** 20).toFixed(0)} MB > ${maxMb} MB; raise with --max-file-mb`, { file: path });
    }
    data = await readFile(path);
  } catch (e) {
    if (e instanceof PlanError) throw e;
    throw new PlanError('unreadable', `cannot read file: ${(e as Error).message}`, { file: path });
  }
  return inputOf(path, data);
}

/** The input of a file whose bytes are in hand (sent with a queue job): its format by its name, its hash from the bytes. */
export function inputOf(path: string, data: Buffer): Input {
  const format = formatOrRefuse(path);
  if (data.length === 0) throw new PlanError('empty', 'empty file (0 bytes)', { file: path });
  return { format, data, sha256: createHash('sha256').update(data).digest('hex') };
}

/** `input` lets a caller that has already read the file (to check its hash) pass the bytes on. */
export async function extractFile(path: string, opts: ExtractOptions = {}, input?: Input): Promise<Extraction> {
  const { format, data, sha256 } = input ?? (await readInput(path, opts.limits));
  const source = { path: resolve(path), sha256, format, pages: 0 };
  if (format === 'pdf' || format === 'image') {
    const pool = opts.ocrPool ?? new OcrPool(opts.ocrEngine);
    try {
      const { pages, warnings } =
        format === 'pdf'
          ? await extractPdfWithOcr(path, new Uint8Array(data), {
              mode: opts.ocr ?? 'auto',
              engine: () => pool.get(),
              maxPages: opts.limits?.maxPages,
            })
          : await extractImage(path, new Uint8Array(data), { engine: pool.get() });
      return Extraction.parse({ source: { ...source, pages: pages.length }, pages, warnings });
    } finally {
      if (!opts.ocrPool) await pool.close();
    }
  }
  const { text, warnings: decodeWarnings } = decodeText(data);
  if (text.trim() === '') throw new PlanError('empty', 'file holds only white space', { file: path });
  const textFormat = format === 'txt' && looksLikeMarkdown(text) ? 'md' : format;
  const { pages, warnings } = extractTextFile(text, textFormat);
  return Extraction.parse({
    // a dump numbered from its running headers (`Sid 3 (20)`) can start past page 1: its count is its last page
    source: { ...source, format: textFormat, pages: pages.reduce((n, p) => Math.max(n, p.page), pages.length) },
    pages,
    warnings: [...decodeWarnings, ...warnings],
  });
}
