// Reading order of a page from its geometry: text columns found from a whitespace gap that runs down
// the page (a gutter), in the manner of a recursive XY-cut. Rows are first grouped by baseline; each row
// covers the x ranges of its words (spaces bridged). An x band that few rows cover and that has text
// on both sides is a gutter candidate. Rows that cross it (a running header, a heading over both
// columns, a footer) cut the page into horizontal bands; in each band the left column is read before
// the right one, and each column is cut again the same way (three columns, a column holding two).
//
// Table columns are gutters too, geometrically. What tells them apart is what stands on each side:
// a text column holds prose (rows of several words), a table's value columns hold `85 %`, `År`,
// `2023-01-01`. A cut is made only when both sides hold prose rows.
//
// A page of a column layout may hold too little prose on one side for that: a text column that holds a
// table (a budget, an indicator table) or only a few lines (the end of the document). The gutters of a
// document's pages line up (one page grid), so a page without a cut of its own is cut at a gutter that
// other pages of the document were cut at, when one side holds prose and the gutter is clear there too.
import type { TextItem } from '../../model/document.js';
import { type Row, rowsOf } from '../../extractors/pdf-lines.js';

/** narrowest gutter, in points */
const MIN_GUTTER = 6;
/** gaps between the items of one row narrower than this many em are bridged (word spaces, kerning) */
const BRIDGE_EM = 0.5;
/** a gutter may be crossed by at most this share of the rows (furniture, spanning headings) */
const MAX_CROSS_SHARE = 0.15;
/** each side needs this many prose rows, and this share of its rows */
const MIN_PROSE_ROWS = 4;
const MIN_PROSE_SHARE = 0.4;
/** each side is at least this share of the region's width */
const MIN_SIDE_SHARE = 0.22;
const MAX_DEPTH = 3;

export interface ColumnLayout {
  /** the page's rows in reading order */
  rows: Row[];
  /** number of column cuts made (0: the page was read top to bottom) */
  cuts: number;
  /** rows that cross a gutter between column bands (not at the page's top or bottom) */
  spanning: number;
  /** the page's first cut (the x range of the gap where its two outer columns part), when made from the page's own prose */
  gutter: [number, number] | null;
  /** the cut was made at a gutter of other pages (the page's own prose did not show it) */
  fromGrid: boolean;
}

const right = (i: TextItem) => i.x + i.width;
const WORD = /\p{L}{3,}/gu;

function isProse(r: Row): boolean {
  return (
    (r.items
      .map((i) => i.str)
      .join(' ')
      .match(WORD)?.length ?? 0) >= 3
  );
}

/** x spans a row covers, its items' gaps narrower than BRIDGE_EM bridged */
function spans(r: Row): Array<[number, number]> {
  const items = [...r.items].sort((a, b) => a.x - b.x);
  const out: Array<[number, number]> = [];
  for (const it of items) {
    const last = out[out.length - 1];
    if (last && it.x - last[1] <= BRIDGE_EM * (it.fontSize || 10)) last[1] = Math.max(last[1], right(it));
    else out.push([it.x, right(it)]);
  }
  return out;
}

interface Cut {
  x0: number;
  x1: number;
  /** where the columns part: the middle of the least covered stretch of the gap */
  mid: number;
}

/**
 * The best gutter of a set of rows, or null. With `grid` (gutters of the document's other pages), a
 * gutter over one of them needs prose on one side only.
 */
function findGutter(rows: Row[], grid: Array<[number, number]> = []): Cut | null {
  if (rows.length < (grid.length ? MIN_PROSE_ROWS + 1 : 2 * MIN_PROSE_ROWS)) return null;
  const rowSpans = rows.map(spans);
  let lo = Infinity;
  let hi = -Infinity;
  for (const ss of rowSpans)
    for (const [a, b] of ss) {
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    }
  const width = hi - lo;
  if (width < 100) return null;
  // coverage per point of x
  const n = Math.ceil(width) + 1;
  const cover = new Int32Array(n + 1);
  for (const ss of rowSpans)
    for (const [a, b] of ss) {
      cover[Math.max(0, Math.floor(a - lo))]++;
      cover[Math.min(n, Math.ceil(b - lo))]--;
    }
  const maxCross = Math.max(1, Math.floor(MAX_CROSS_SHARE * rows.length));
  const candidates: Cut[] = [];
  // items themselves (word spaces not bridged): where inside a gap the columns part
  const raw = new Int32Array(n + 1);
  for (const r of rows)
    for (const it of r.items) {
      raw[Math.max(0, Math.floor(it.x - lo))]++;
      raw[Math.min(n, Math.ceil(right(it) - lo))]--;
    }
  const rawRun = new Int32Array(n);
  for (let x = 0, c = 0; x < n; x++) rawRun[x] = c += raw[x];
  if (grid.length) {
    // at a gutter of the page grid: the least covered stretch of it on this page, when few rows cross it
    const run = new Int32Array(n);
    for (let x = 0, c = 0; x < n; x++) run[x] = c += cover[x];
    for (const [g0, g1] of grid) {
      const from = Math.max(0, Math.floor(g0 - lo));
      const to = Math.min(n, Math.ceil(g1 - lo));
      if (to - from < 1) continue;
      let low = Number.POSITIVE_INFINITY;
      for (let x = from; x < to; x++) low = Math.min(low, run[x]);
      if (low > maxCross) continue;
      let x0 = from;
      while (run[x0] !== low) x0++;
      let x1 = x0;
      while (x1 < to && run[x1] === low) x1++;
      candidates.push({ x0: lo + x0, x1: lo + x1, mid: lo + partAt(rawRun, x0, x1) });
    }
  } else {
    let run = 0;
    let start = -1;
    for (let x = 0; x <= n; x++) {
      run += x < n ? cover[x] : 0;
      if (x < n && run <= maxCross) {
        if (start < 0) start = x;
        continue;
      }
      if (start >= 0 && x - start >= MIN_GUTTER) candidates.push({ x0: lo + start, x1: lo + x, mid: lo + partAt(rawRun, start, x) });
      start = -1;
    }
  }
  let best: { cut: Cut; score: number } | null = null;
  for (const c of candidates) {
    if (!grid.length && (c.x0 - lo < MIN_SIDE_SHARE * width || hi - c.x1 < MIN_SIDE_SHARE * width)) continue;
    const mid = c.mid;
    const leftRows: Row[] = [];
    const rightRows: Row[] = [];
    for (const r of rows) {
      const side = sides(r, mid);
      if (!side) continue; // crosses
      if (side.l.length) leftRows.push({ ...r, items: side.l });
      if (side.r.length) rightRows.push({ ...r, items: side.r });
    }
    const ok = (side: Row[]) => {
      const prose = side.filter(isProse).length;
      return prose >= MIN_PROSE_ROWS && prose >= MIN_PROSE_SHARE * side.length;
    };
    if (tableGap(rows, mid)) continue;
    if (grid.length ? !leftRows.length || !rightRows.length || !(ok(leftRows) || ok(rightRows)) : !ok(leftRows) || !ok(rightRows)) continue;
    const score = c.x1 - c.x0;
    if (!best || score > best.score) best = { cut: c, score };
  }
  return best?.cut ?? null;
}

/** middle of the longest stretch of [from, to) that the fewest items cover */
function partAt(cover: Int32Array, from: number, to: number): number {
  let low = Number.POSITIVE_INFINITY;
  for (let x = from; x < to; x++) low = Math.min(low, cover[x]);
  let best = [from, from];
  for (let x = from; x < to; ) {
    if (cover[x] !== low) {
      x++;
      continue;
    }
    let y = x;
    while (y < to && cover[y] === low) y++;
    if (y - x > best[1] - best[0]) best = [x, y];
    x = y;
  }
  return (best[0] + best[1]) / 2;
}

/** a row's items left and right of `mid`, or null when a span of the row (words bridged) crosses it */
function sides(r: Row, mid: number): { l: TextItem[]; r: TextItem[] } | null {
  const l = r.items.filter((i) => i.x < mid);
  const rr = r.items.filter((i) => i.x >= mid);
  if (spans(r).some(([a, b]) => a < mid && b > mid) && !apart(l, rr)) return null;
  return { l, r: rr };
}

/** a left item may overhang the start of the right side by this many em (a table widened past its column) */
const OVERHANG_EM = 0.5;

/**
 * Two parts of a row that touch or overlap at a gutter are still two columns' lines when no item of the
 * left part reaches far into the right part and the parts differ in baseline, font size or weight (a
 * table header that overhangs the gutter a little, beside the other column's prose).
 */
function apart(l: TextItem[], r: TextItem[]): boolean {
  if (!l.length || !r.length) return false;
  const em = Math.max(...[...l, ...r].map((i) => i.fontSize || 10));
  const start = Math.min(...r.map((i) => i.x));
  if (Math.max(...l.map(right)) > start + OVERHANG_EM * em) return false;
  const base = (xs: TextItem[]) => xs.reduce((s, i) => s + i.y, 0) / xs.length;
  const size = (xs: TextItem[]) => Math.max(...xs.map((i) => i.fontSize || 10));
  const bold = (xs: TextItem[]) => xs.every((i) => i.bold);
  return Math.abs(base(l) - base(r)) >= 0.2 * em || Math.abs(size(l) - size(r)) >= 0.5 || bold(l) !== bold(r);
}

/** two parts of a row on one baseline (within 0.1 em), in one font size and weight: one line of one table */
function oneStyle(l: TextItem[], r: TextItem[]): boolean {
  const all = [...l, ...r];
  const em = Math.max(...all.map((i) => i.fontSize || 10));
  const ys = all.map((i) => i.y);
  const sizes = all.map((i) => i.fontSize || 10);
  return (
    Math.max(...ys) - Math.min(...ys) <= 0.1 * em && Math.max(...sizes) - Math.min(...sizes) < 0.5 && new Set(all.map((i) => !!i.bold)).size === 1
  );
}

/** gaps wider than this many em between a row's items part its cells (as in extractors/pdf-lines.ts) */
const CELL_EM = 0.7;
/** left x of each cell of a row's items */
function cellStarts(items: TextItem[]): number[] {
  const xs = [...items].sort((a, b) => a.x - b.x);
  const out: number[] = [];
  xs.forEach((it, k) => {
    if (k === 0 || it.x - right(xs[k - 1]) > CELL_EM * (it.fontSize || 10)) out.push(it.x);
  });
  return out;
}

/**
 * The gap at `mid` is a table's column gap, not a text column's gutter: a row (the table's header) has
 * a short cell on the left and two cells or more on the right, and rows below it start their right
 * part at one of the header's right cells other than the first (a value under its column, the columns
 * before it empty), which the lines of a text column do not.
 */
function tableGap(rows: Row[], mid: number): boolean {
  let aligned = 0;
  rows.forEach((h, k) => {
    const side = sides(h, mid);
    if (!side?.l.length || isProse({ ...h, items: side.l })) return;
    const heads = cellStarts(side.r);
    if (heads.length < 2 || cellStarts(side.l).length !== 1 || !oneStyle(side.l, side.r)) return;
    for (const r of rows.slice(k + 1, k + 8)) {
      const s = sides(r, mid);
      if (!s?.r.length) continue;
      const x = Math.min(...s.r.map((i) => i.x));
      if (heads.slice(1).some((hx) => Math.abs(hx - x) <= 2)) aligned++;
    }
  });
  return aligned >= 2;
}

interface Stats {
  cuts: number;
  spanning: number;
  gutter: [number, number] | null;
  fromGrid: boolean;
}

/**
 * One column's part of a row. The row's baseline is its topmost item's, which may stand in the other
 * column (a row of the page joins items a few points apart): the part's baseline is its own topmost
 * item's, so that the leading of the column's lines is its own.
 */
function sideRow(items: TextItem[]): Row {
  return { y: Math.min(...items.map((i) => i.y)), size: Math.max(...items.map((i) => i.fontSize || 10)), items };
}

function order(rows: Row[], depth: number, stats: Stats, top: number, bottom: number, grid: Array<[number, number]> = []): Row[] {
  if (depth >= MAX_DEPTH) return rows;
  let cut = findGutter(rows);
  if (!cut && depth === 0 && grid.length) {
    cut = findGutter(rows, grid);
    if (cut) stats.fromGrid = true;
  }
  if (!cut) return rows;
  if (depth === 0 && !stats.fromGrid) stats.gutter = [cut.x0, cut.x1];
  stats.cuts++;
  const mid = cut.mid;
  const out: Row[] = [];
  let left: Row[] = [];
  let rightSide: Row[] = [];
  const flush = () => {
    if (left.length || rightSide.length) {
      out.push(...order(left, depth + 1, stats, top, bottom), ...order(rightSide, depth + 1, stats, top, bottom));
    }
    left = [];
    rightSide = [];
  };
  for (const r of rows) {
    const side = sides(r, mid);
    if (!side) {
      // a row over both columns ends the band above it
      flush();
      out.push(r);
      if (r.y > top && r.y < bottom) stats.spanning++;
      continue;
    }
    const { l, r: rr } = side;
    if (l.length) left.push(sideRow(l));
    if (rr.length) rightSide.push(sideRow(rr));
  }
  flush();
  return out;
}

/**
 * The rows of a page in reading order. `grid`: where other pages of the document part their columns,
 * for a page whose own prose does not show its gutter.
 */
export function columnLayout(items: TextItem[], grid: Array<[number, number]> = []): ColumnLayout {
  const rows = rowsOf(items);
  const stats: Stats = { cuts: 0, spanning: 0, gutter: null, fromGrid: false };
  if (rows.length === 0) return { rows, ...stats };
  const top = rows[0].y;
  const bottom = rows[rows.length - 1].y;
  const ordered = order(rows, 0, stats, top, bottom, grid);
  return { rows: ordered, ...stats };
}
