// Table rows by vertical extent. Two repairs of how a table's lines came out of the rows:
// - a header row wrapped over several lines (`KF:s` over `årsmål` in a narrow column): the bold lines
//   right under a bold header line, each of whose cells stands in one of the header's columns, are
//   part of the header, and their words go into the header cells above them;
// - cells centred vertically against a name that wraps over several lines: a row is the band its
//   tallest cell covers (name lines one leading apart; cell padding parts rows), so values printed on
//   the band's middle line (or above its first) move to the band's first line, where the reader starts
//   a row.
import type { Cell } from '../../model/document.js';
import type { Placed } from './geometry.js';

function withCells(p: Placed, cells: Cell[]): Placed {
  const text = cells
    .map((c) => c.text)
    .join(' ')
    .trim();
  return { ...p, line: { ...p.line, cells, text } };
}

export function alignCentredCells(lines: Placed[]): Placed[] {
  return centredRows(wrappedHeaders(lines));
}

function wrappedHeaders(lines: Placed[]): Placed[] {
  const out: Placed[] = [];
  for (let i = 0; i < lines.length; i++) {
    let h = lines[i];
    const cells = h.line.cells;
    if (!cells || cells.length < 2 || !h.line.bold) {
      out.push(h);
      continue;
    }
    let merged = cells.map((c) => ({ ...c }));
    let lastY = h.y;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (!l.line.bold || !l.line.cells || l.line.cells.length >= cells.length || l.y - lastY > 1.5 * h.size || l.line.page !== h.line.page) break;
      const next = merged.map((c) => ({ ...c }));
      let fits = true;
      for (const c of l.line.cells) {
        const k = columnIndex(merged, c);
        if (k < 0) {
          fits = false;
          break;
        }
        next[k].text = `${next[k].text} ${c.text}`;
        next[k].x1 = Math.max(next[k].x1, c.x1);
      }
      if (!fits) break;
      merged = next;
      lastY = l.y;
    }
    if (j > i + 1) {
      h = withCells(h, merged);
      i = j - 1;
    }
    out.push(h);
  }
  return out;
}

/** the header column a cell stands in: its left edge within the column's left edge and the next one's */
function columnIndex(header: Cell[], c: Cell): number {
  for (let k = 0; k < header.length; k++) {
    const lo = header[k].x0 - 3;
    const hi = k + 1 < header.length ? header[k + 1].x0 - 3 : Number.POSITIVE_INFINITY;
    if (c.x0 >= lo && c.x0 < hi && (k + 1 >= header.length || c.x1 <= header[k + 1].x0 + 1)) return k;
  }
  return -1;
}

/**
 * Table runs: consecutive lines of one page that hold cells of one table (lines with several cells, a
 * wrapped name alone in the first column, a value alone in a later column), with at least two lines of
 * several cells.
 */
function centredRows(lines: Placed[]): Placed[] {
  const out = [...lines];
  let i = 0;
  while (i < out.length) {
    const multi = (p: Placed) => (p.line.cells?.length ?? 0) >= 2;
    if (!multi(out[i])) {
      i++;
      continue;
    }
    const nameLeft = out[i].line.cells![0].x0;
    const valueLeft = out[i].line.cells![1].x0;
    let j = i + 1;
    while (
      j < out.length &&
      out[j].line.page === out[i].line.page &&
      out[j].line.cells?.length &&
      out[j].y - out[j - 1].y <= 2.5 * Math.max(out[j].size, out[j - 1].size)
    ) {
      const c = out[j].line.cells!;
      const inTable = multi(out[j])
        ? Math.abs(c[0].x0 - nameLeft) <= 2 || c[0].x0 >= valueLeft - 2
        : (Math.abs(c[0].x0 - nameLeft) <= 2 && c[0].x1 < valueLeft) || c[0].x0 >= valueLeft - 2;
      if (!inTable) break;
      j++;
    }
    if (out.slice(i, j).filter(multi).length >= 2) fixRun(out, i, j, nameLeft, valueLeft);
    i = j;
  }
  return out.filter((p) => p.line.text !== '' || p.items.length === 0);
}

/**
 * Rows of the run out[from..to): name lines one leading apart belong to one row, a wider gap starts the
 * next (cell padding). The leading is the least gap of two name lines, or of two lines of one value
 * column when that is less (every name on one line: the name gaps are all row gaps). A value printed
 * off its row's first line (vertically centred) moves there.
 * A "row" with two values in the last column (which never wraps) is several rows the gaps did not
 * tell apart (no cell padding): nothing in it is moved.
 */
function fixRun(out: Placed[], from: number, to: number, nameLeft: number, valueLeft: number): void {
  const names: number[] = [];
  for (let k = from; k < to; k++) {
    const c0 = out[k].line.cells![0];
    // a bold line is the header row, spaced apart from the body by its own rules
    if (!out[k].line.bold && Math.abs(c0.x0 - nameLeft) <= 2 && c0.x1 < valueLeft) names.push(k);
  }
  if (names.length < 2) return;
  // baseline of the name column (a row's y is its topmost item's, which may be a value's)
  const nameY = (p: Placed) => [...p.items].sort((a, b) => a.x - b.x)[0]?.y ?? p.y;
  const gaps = names.slice(1).map((k, n) => nameY(out[k]) - nameY(out[names[n]]));
  // the leading of the table's text: the least gap of two name lines, or of two lines of one value
  // column (a value wrapped in its cell), when the names all fit on one line each
  const valueX = out[from].line.cells!.slice(1).map((c) => c.x0);
  const near = (c: Cell) => valueX.reduce((best, x, n) => (Math.abs(c.x0 - x) < Math.abs(c.x0 - valueX[best]) ? n : best), 0);
  const lastIn = new Map<number, number>();
  let valueLeading = Number.POSITIVE_INFINITY;
  for (let k = from; k < to; k++) {
    if (out[k].line.bold) continue;
    for (const c of out[k].line.cells ?? []) {
      if (c.x0 < valueLeft - 2) continue;
      const col = near(c);
      const last = lastIn.get(col);
      if (last !== undefined && out[k].y > last) valueLeading = Math.min(valueLeading, out[k].y - last);
      lastIn.set(col, out[k].y);
    }
  }
  const leading = Math.min(...gaps, valueLeading);
  if (leading <= 0) return;
  const rows: number[][] = [[names[0]]];
  gaps.forEach((g, n) => {
    if (g > 1.25 * leading) rows.push([names[n + 1]]);
    else rows[rows.length - 1].push(names[n + 1]);
  });
  // a row reaches down to the next row's first line: its tallest cell may be a value, not the name
  const bounds = rows.map((r, n) => [
    nameY(out[r[0]]) - 0.7 * leading,
    n + 1 < rows.length ? nameY(out[rows[n + 1][0]]) - 0.3 * leading : nameY(out[r[r.length - 1]]) + 1.2 * leading,
  ]);
  const columns = out[from].line.cells!.slice(1).map((c) => c.x0);
  const columnOf = (c: Cell) => columns.reduce((best, x, n) => (Math.abs(c.x0 - x) < Math.abs(c.x0 - columns[best]) ? n : best), 0);
  rows.forEach((r, n) => {
    const firstLine = r[0];
    const [lo, hi] = bounds[n];
    const have = new Set((out[firstLine].line.cells ?? []).filter((c) => c.x0 >= valueLeft - 2).map(columnOf));
    // the last column (periodicity, end date, amount) never wraps: in it, one row has one value
    const lastColumn = columns.length - 1;
    let inLast = 0;
    for (let k = from; k < to; k++) {
      if (nameY(out[k]) < lo || nameY(out[k]) > hi) continue;
      if ((out[k].line.cells ?? []).some((c) => c.x0 >= valueLeft - 2 && columnOf(c) === lastColumn)) inLast++;
    }
    if (inLast > 1) return;
    // and the values stand centred on the row (a label above a one-line row is not a centred row)
    const block: number[] = [];
    for (let k = from; k < to; k++) {
      if (k === firstLine || nameY(out[k]) < lo || nameY(out[k]) > hi) continue;
      const cells = out[k].line.cells ?? [];
      if (cells.some((c) => c.x0 >= valueLeft - 2 && !have.has(columnOf(c)))) block.push(nameY(out[k]));
    }
    if (!block.length) return;
    const ys: number[] = [];
    for (let k = from; k < to; k++) if (nameY(out[k]) >= lo && nameY(out[k]) <= hi) ys.push(nameY(out[k]));
    const middle = (Math.min(...ys) + Math.max(...ys)) / 2;
    if (Math.abs((Math.min(...block) + Math.max(...block)) / 2 - middle) > 0.35 * leading) return;
    for (let k = from; k < to; k++) {
      if (k === firstLine || nameY(out[k]) < lo || nameY(out[k]) > hi) continue;
      const cells = out[k].line.cells ?? [];
      const values = cells.filter((c) => c.x0 >= valueLeft - 2);
      // a line with a value in a column the first line has is a row of its own: the rows were not told apart
      if (values.some((c) => have.has(columnOf(c)))) continue;
      const moving = values;
      if (!moving.length) continue;
      for (const c of moving) have.add(columnOf(c));
      out[firstLine] = withCells(
        out[firstLine],
        [...(out[firstLine].line.cells ?? []), ...moving].sort((a, b) => a.x0 - b.x0),
      );
      out[k] = withCells(
        out[k],
        cells.filter((c) => !moving.includes(c)),
      );
    }
  });
}
