// Extract stage: a file on disk → Extraction (pages with text, positions, method). The format is
// chosen by extension; anything else is reported and skipped by the batch.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { extractPdf } from '../extractors/pdf.js';
import { extractTextFile } from '../extractors/text-file.js';
import { decodeText } from '../extractors/decode.js';
import { Extraction, InputError, type SourceFormat } from './model.js';

const FORMATS: Record<string, SourceFormat> = { '.pdf': 'pdf', '.txt': 'txt', '.md': 'md', '.markdown': 'md' };

export function formatOf(path: string): SourceFormat | null {
  return FORMATS[extname(path).toLowerCase()] ?? null;
}

/** Markdown conversions are often saved as .txt: headings and bold markup give them away. */
export function looksLikeMarkdown(text: string): boolean {
  const headings = text.match(/^#{1,6} \S/gm)?.length ?? 0;
  const markup = text.match(/\*\*\S|<b>|<\/i>/g)?.length ?? 0;
  return headings >= 3 || (headings >= 1 && markup >= 3);
}

export async function extractFile(path: string): Promise<Extraction> {
  const format = formatOf(path);
  if (!format) throw new InputError(path, `unsupported file type "${extname(path) || '(none)'}": expected .pdf, .txt or .md`, null, 'unsupported');
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    throw new InputError(path, `cannot read file: ${(e as Error).message}`, null, 'unreadable');
  }
  if (data.length === 0) throw new InputError(path, 'empty file (0 bytes)', null, 'empty');
  const sha256 = createHash('sha256').update(data).digest('hex');
  const source = { path: resolve(path), sha256, format, pages: 0 };
  if (format === 'pdf') {
    const { pages, warnings } = await extractPdf(path, new Uint8Array(data));
    return Extraction.parse({ source: { ...source, pages: pages.length }, pages, warnings });
  }
  const { text, warnings: decodeWarnings } = decodeText(data);
  if (text.trim() === '') throw new InputError(path, 'file holds only white space', null, 'empty');
  const textFormat = format === 'txt' && looksLikeMarkdown(text) ? 'md' : format;
  const { pages, warnings } = extractTextFile(text, textFormat);
  return Extraction.parse({
    source: { ...source, format: textFormat, pages: pages.length },
    pages,
    warnings: [...decodeWarnings, ...warnings],
  });
}
