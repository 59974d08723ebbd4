// A laid-out line with the geometry the layout steps need (DocLine keeps only its cells' x extents).
import type { DocLine, TextItem } from '../../model/document.js';
import type { Row } from '../../extractors/pdf-lines.js';

export interface Placed {
  line: DocLine;
  /** baseline of the row (PDF points from the page top) */
  y: number;
  /** largest font size on the row */
  size: number;
  x0: number;
  x1: number;
  items: TextItem[];
}

export function placeLine(line: DocLine, row: Row): Placed {
  const x0 = Math.min(...row.items.map((i) => i.x));
  const x1 = Math.max(...row.items.map((i) => i.x + i.width));
  return { line, y: row.y, size: row.size, x0, x1, items: row.items };
}

/** the most common font size of a document's lines, weighted by characters (its body text size) */
export function bodySize(pages: Placed[][]): number {
  const count = new Map<number, number>();
  for (const pl of pages)
    for (const p of pl)
      for (const it of p.items) count.set(Math.round(it.fontSize * 2) / 2, (count.get(Math.round(it.fontSize * 2) / 2) ?? 0) + it.str.length);
  let best = 10;
  let n = -1;
  for (const [s, c] of count) if (c > n) [best, n] = [s, c];
  return best;
}
