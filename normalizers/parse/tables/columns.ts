// Column bounds of a laid-out table, taken from its header row; cells are placed by x position.
import type { Cell, DocLine } from '../../../model/document.js';
import { fold } from '../../fold.js';

export interface Columns {
  /** left edge of each column, in the order of `names` */
  x0: number[];
  names: string[];
}

/** Header cells matched to column names by folded prefix; null when the header has no positions. */
export function columnsFromHeader(header: DocLine, names: Array<[string, RegExp]>): Columns | null {
  if (!header.cells || header.cells.length < 2) return null;
  const x0: number[] = [];
  const found: string[] = [];
  for (const [name, re] of names) {
    // a scan speck read as a quote or dot may stick to a header word (`"Indikator`)
    const cell = header.cells.find((c) => re.test(fold(c.text).replace(/^[^\p{L}\p{N}]+/u, '')) && !x0.includes(c.x0));
    if (cell) {
      x0.push(cell.x0);
      found.push(name);
    }
  }
  if (found.length < 2) return null;
  return { x0, names: found };
}

/** The column a cell belongs to: the right-most column whose left edge is at or left of the cell. */
export function columnOf(cols: Columns, cell: Cell): string {
  const tolerance = 4;
  let best = 0;
  cols.x0.forEach((x, i) => {
    if (cell.x0 + tolerance >= x) best = i;
  });
  return cols.names[best];
}

/** Non-empty cells of a line grouped by column; text of several cells in one column is joined. */
export function cellsByColumn(cols: Columns, line: DocLine): Map<string, string> {
  const out = new Map<string, string>();
  for (const cell of line.cells ?? []) {
    const text = cell.text.trim();
    if (!text) continue;
    const col = columnOf(cols, cell);
    out.set(col, out.has(col) ? `${out.get(col)} ${text}` : text);
  }
  return out;
}
