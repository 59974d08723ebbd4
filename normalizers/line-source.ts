// Where a laid-out line came from: the extraction method of its page and the positioned items it was
// built from. Rules that may only touch OCR output (scan debris, OCR glyph confusions) ask here; a
// line without a recorded source (made by hand, or by a caller that did not go through pageToLines /
// pagesToLines) counts as not OCR, so those rules leave it alone.
//
// Kept beside the lines rather than in DocLine: the line model is the public contract between stages,
// and this is working knowledge of the parse stage only (it is rebuilt from the stored pages on every
// parse, OCR items included).
import type { DocLine, ExtractedPage, TextItem } from '../model/document.js';

export interface LineSource {
  method: ExtractedPage['method'];
  /** the items of the line, left to right (empty for lines of text pages) */
  items: TextItem[];
}

const SOURCES = new WeakMap<DocLine, LineSource>();

export function recordLineSource(line: DocLine, source: LineSource): DocLine {
  SOURCES.set(line, source);
  return line;
}

export function lineSource(line: DocLine): LineSource | undefined {
  return SOURCES.get(line);
}

/** `to` replaces `from` (a repaired copy): it keeps the source of `from`. */
export function carryLineSource(from: DocLine, to: DocLine): DocLine {
  const s = SOURCES.get(from);
  if (s && to !== from) SOURCES.set(to, s);
  return to;
}

/** The line is known to come from an OCR'd page. */
export function isOcrLine(line: DocLine): boolean {
  return SOURCES.get(line)?.method === 'ocr';
}
