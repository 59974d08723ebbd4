// Tables that go on in the next text column. In a column layout a table that does not fit goes on at
// the top of the next column (the right one, or the left one of the next page), with or without its
// header repeated, at the x of that column. The table readers place a cell by its x against the
// header's columns, so there the cells of the continuation are read in the frame of the table's
// header: moved by the distance between the two columns. A line at the top of a column goes on a table
// of the column before when its cells, so moved, stand in the header's columns (each cell's left or
// right edge on a column's) in at least two of them; the lines under it go on the table while their
// cells stand within the header's columns. Without a repeated header this is a guess, and a warning
// names the page. While a table goes on, a cell that runs over one of its header's column edges, with a
// gap between two of its items right at that edge, is two cells (values whose gap was no wider than a
// word space: narrow cell padding).
import { SPACE_GAP } from '../../extractors/pdf-lines.js';
import type { Cell, Message, TextItem } from '../../model/document.js';
import type { Placed } from './geometry.js';

type Warn = (rule: Message['rule'], message: string, page: number | null, line?: number | null) => void;

/** a cell's edge within this many points of a column's edge stands in that column */
const EDGE = 3;
/** a move of the x frame smaller than this is no move (the table goes on at the same x) */
const MIN_SHIFT = 4;
/** a cell of the last column may reach this far past the table's right edge */
const RIGHT_SLACK = 10;

interface Table {
  /** the header's cells: the table's columns */
  frame: Cell[];
  /** right edge of the table (in the header's frame) */
  right: number;
  /** x of the current column's part of the table minus x of the header's */
  shift: number;
  page: number;
}

const moved = (c: Cell, s: number): Cell => ({ ...c, x0: c.x0 - s, x1: c.x1 - s });

/** the column of `frame` a cell (in the frame's x) stands within, or -1 */
function within(t: Table, c: Cell): number {
  const f = t.frame;
  for (let k = 0; k < f.length; k++) {
    const lo = f[k].x0 - EDGE;
    const last = k + 1 >= f.length;
    const hi = last ? t.right + RIGHT_SLACK : f[k + 1].x0 - EDGE;
    if (c.x0 >= lo && c.x0 < hi && c.x1 <= (last ? t.right + RIGHT_SLACK : f[k + 1].x0 + 1)) return k;
  }
  return -1;
}

/** the line's cells, moved by `s`, all stand within the table's columns */
function fits(t: Table, p: Placed, s: number): boolean {
  const cells = p.line.cells;
  if (!cells?.length) return false;
  return cells.every((c) => within(t, moved(c, s)) >= 0);
}

/** the move that puts the line's cells on the header's columns (left or right edges), or null */
function continuation(t: Table, p: Placed): number | null {
  const cells = p.line.cells;
  if (!cells || cells.length < 2) return null;
  const s = cells[0].x0 - t.frame[0].x0;
  const on = new Set<number>();
  for (const c of cells) {
    const m = moved(c, s);
    const k = t.frame.findIndex((f) => Math.abs(f.x0 - m.x0) <= EDGE || Math.abs(f.x1 - m.x1) <= EDGE);
    if (k < 0) return null;
    on.add(k);
  }
  return on.size >= 2 && fits(t, p, s) ? s : null;
}

const right = (i: TextItem) => i.x + i.width;
const round = (n: number) => Math.round(n * 100) / 100;

function joinItems(items: TextItem[]): string {
  let s = items[0].str;
  for (let k = 1; k < items.length; k++) {
    const size = Math.max(items[k - 1].fontSize, items[k].fontSize) || 10;
    const space = items[k].x - right(items[k - 1]) > SPACE_GAP * size || /\s$/.test(items[k - 1].str) || /^\s/.test(items[k].str);
    s += (space ? ' ' : '') + items[k].str;
  }
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Cells of a table row that run over a column's left edge of the header, split there: two values whose
 * gap was as narrow as a word space (narrow cell padding) came out as one cell. A cell is split only
 * between two of its text items with a gap between them, the right one starting at the column's edge.
 */
function splitAtColumns(t: Table, p: Placed): Placed {
  const cells = p.line.cells;
  if (!cells?.length) return p;
  const edges = t.frame.slice(1).map((f) => f.x0 + t.shift);
  let split = false;
  const out: Cell[] = [];
  for (const c of cells) {
    const items = p.items.filter((i) => i.x >= c.x0 - 1 && right(i) <= c.x1 + 1 && i.str.trim()).sort((a, b) => a.x - b.x);
    let from = 0;
    for (let k = 1; k < items.length; k++) {
      const gap = items[k].x - right(items[k - 1]);
      if (gap <= 0 || !edges.some((e) => Math.abs(items[k].x - e) <= EDGE && right(items[k - 1]) < e)) continue;
      const part = items.slice(from, k);
      out.push({ text: joinItems(part), x0: round(part[0].x), x1: round(Math.max(...part.map(right))) });
      from = k;
    }
    if (from === 0) {
      out.push(c);
      continue;
    }
    const part = items.slice(from);
    out.push({ text: joinItems(part), x0: round(part[0].x), x1: round(Math.max(...part.map(right))) });
    split = true;
  }
  return split ? { ...p, line: { ...p.line, cells: out } } : p;
}

function isRepeatedHeader(t: Table, p: Placed): boolean {
  const cells = p.line.cells ?? [];
  return cells.length === t.frame.length && cells.every((c, k) => c.text.trim() === t.frame[k].text.trim());
}

export function joinContinuedTables(pages: Placed[][], warn: Warn): Placed[][] {
  const out = pages.map((pl) => [...pl]);
  let table: Table | null = null;
  let prev: Placed | null = null;
  const guessed: Array<{ page: number; line: number; from: number; header: string }> = [];
  const splits: Array<{ page: number; line: number; header: string }> = [];
  for (const lines of out) {
    lines.forEach((printed, i) => {
      // reading went to the next column: the top of a column of this page (up the page) or of the next page
      const newColumn = !!prev && (prev.line.page !== printed.line.page || printed.y < prev.y - 1);
      const line = table && !newColumn ? splitAtColumns(table, printed) : printed;
      if (table && line !== printed) splits.push({ page: line.line.page, line: line.line.line, header: table.frame.map((c) => c.text).join(' | ') });
      const cells = line.line.cells;
      if (table && newColumn) {
        const s = continuation(table, line);
        if (s === null) table = null;
        else {
          if (Math.abs(s) >= MIN_SHIFT && !isRepeatedHeader(table, line))
            guessed.push({ page: line.line.page, line: line.line.line, from: table.page, header: table.frame.map((c) => c.text).join(' | ') });
          table.shift = Math.abs(s) >= MIN_SHIFT ? s : 0;
        }
      } else if (table && !fits(table, line, table.shift)) table = null;
      if (table) {
        if (table.shift && cells) lines[i] = { ...line, line: { ...line.line, cells: cells.map((c) => moved(c, table!.shift)) } };
        else lines[i] = line;
        if (cells) table.right = Math.max(table.right, ...cells.map((c) => c.x1 - table!.shift));
      } else if (cells && cells.length >= 2) {
        table = { frame: cells, right: Math.max(...cells.map((c) => c.x1)), shift: 0, page: line.line.page };
      }
      prev = line;
    });
  }
  for (const s of splits)
    warn(
      'table-cell-split',
      `page ${s.page}: a cell ran over a column edge of the table's header (${s.header.slice(0, 60)}) and was split there`,
      s.page,
      s.line,
    );
  for (const g of guessed)
    warn(
      'table-continued',
      `page ${g.page}: a table of page ${g.from} (${g.header.slice(0, 60)}) seems to go on at the top of this text column without its header; its cells are read in the header's columns: check the table`,
      g.page,
      g.line,
    );
  return out;
}
