// Tables of a text export whose columns are runs of spaces (`pdftotext -layout`, a fixed-width report):
// the header's words two or more spaces apart are its cells, and each body line's cells are its runs of
// text, placed at their character offsets, so the table readers assign them to columns by position as
// they do a PDF's cells. A text line keeps its text; only its cells are added.
import type { Cell, DocLine } from '../../../model/document.js';

/** one character's pseudo-width, wide enough that the column tolerance stays within a character */
const CHAR = 10;
/** a cell gap: two spaces or more (one space is a word gap inside a cell) */
const CELL = /\S+(?: \S+)*/g;

function cellsOf(text: string): Cell[] {
  return [...text.matchAll(CELL)].map((m) => ({ text: m[0], x0: m.index * CHAR, x1: (m.index + m[0].length) * CHAR }));
}

/**
 * The header and body with cells from their spacing, when the header is a text line of two cells or more;
 * null otherwise (a header with cells already, or one whose words are single-spaced).
 */
export function alignedTable(header: DocLine, body: DocLine[]): { header: DocLine; body: DocLine[] } | null {
  if (header.cells) return null;
  const cells = cellsOf(header.text);
  if (cells.length < 2) return null;
  // a line of one run after a blank line is the text after the table (a heading), not a wrapped cell
  const out = body.map((l, k) => {
    if (l.cells || !l.text.trim()) return l;
    const own = cellsOf(l.text);
    return own.length === 1 && k > 0 && !body[k - 1].text.trim() ? l : { ...l, cells: own };
  });
  return { header: { ...header, cells }, body: out };
}
