// Columns of a laid-out table (their left edges, from the header row); cells are placed by x position.
import type { Cell, DocLine } from '../../../model/document.js';

export interface Columns {
  /** left edge of each column, in the order of `names` */
  x0: number[];
  names: string[];
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
