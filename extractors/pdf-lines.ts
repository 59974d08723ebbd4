// Positioned PDF text items → reading lines with cells. Pure geometry: nothing here knows what the
// document says.
//
// Lines: items whose baselines lie within LINE_TOL × font size of the line's topmost baseline form
// one visual row. Table cells of a row can sit a point or two apart (other font, other vertical
// alignment); a wrapped cell's second line is a full line height (≥ 1.1 em) lower and starts a new
// line of its own.
//
// Words: items that touch (a word drawn in two runs, kerning) join without a space; a gap wider than
// SPACE_GAP em, or white space inside the item strings, gives one space.
//
// Cells: a gap wider than CELL_GAP em splits the line into cells. Table cell padding is the smallest
// gap between columns: pdfmake pads 4 pt each side (8 pt = 0.8 em at 10 pt; a wrapped name that fills
// its column ends ~9 pt before the next column), Word 5.4 pt each side (≈ 1 em). A plain space is
// 0.2–0.3 em, and left-aligned prose never comes near 0.7 em. Justified prose can stretch its spaces
// that far, but then all of a line's spaces stretch alike: a line whose gaps are all within
// UNIFORM_RATIO of each other (and under PROSE_MAX_GAP em) is taken as one stretched sentence.
import type { Cell, DocLine, ExtractedPage, TextItem } from '../model/document.js';

/** same line when the baseline is within this many em (of the larger font) of the line's first baseline */
export const LINE_TOL = 0.45;
/** a gap wider than this many em between items is a word space */
export const SPACE_GAP = 0.1;
/** a gap wider than this many em between items separates cells */
export const CELL_GAP = 0.7;
/** justified prose: at least this many gaps, all within UNIFORM_RATIO of each other, none over PROSE_MAX_GAP em */
export const UNIFORM_MIN_GAPS = 3;
export const UNIFORM_RATIO = 1.5;
export const PROSE_MAX_GAP = 2;

/** One visual row: items on (nearly) one baseline, in the order they arrived. */
export interface Row {
  y: number;
  size: number;
  items: TextItem[];
}

export function pageToLines(page: ExtractedPage): DocLine[] {
  return rowsOf(page.items ?? []).map((r, i) => rowToLine(page, r, i + 1));
}

/** Groups items into visual rows, top to bottom (empty items dropped). */
export function rowsOf(all: TextItem[]): Row[] {
  const items = all.filter((i) => i.str.trim() !== '');
  if (items.length === 0) return [];
  const byY = [...items].sort((a, b) => a.y - b.y || a.x - b.x);

  const rows: Row[] = [];
  for (const it of byY) {
    const size = it.fontSize > 0 ? it.fontSize : 10;
    // items arrive top-down, so only the last few rows can still take this one
    let target: Row | null = null;
    for (let k = rows.length - 1; k >= 0 && k >= rows.length - 3; k--) {
      const r = rows[k];
      if (Math.abs(it.y - r.y) <= LINE_TOL * Math.max(size, r.size)) {
        target = r;
        break;
      }
    }
    if (target) {
      target.items.push(it);
      target.size = Math.max(target.size, size);
    } else rows.push({ y: it.y, size, items: [it] });
  }
  return rows;
}

/** A row as a reading line (cells, words, bold), numbered `lineNum` on its page. */
export function rowToLine(page: Pick<ExtractedPage, 'page' | 'method'>, row: Row, lineNum: number): DocLine {
  const items = dedupe([...row.items].sort((a, b) => a.x - b.x));
  return { ...buildLine(page.page, lineNum, items), method: page.method };
}

/** `items` sorted by x, duplicates dropped */
function buildLine(pageNum: number, lineNum: number, items: TextItem[]): DocLine {
  const gaps: number[] = [];
  for (let k = 1; k < items.length; k++) gaps.push(items[k].x - right(items[k - 1]));

  const em = (k: number) => Math.max(items[k - 1].fontSize, items[k].fontSize) || 10;
  const wordGaps = gaps.filter((g, j) => g > SPACE_GAP * em(j + 1));
  const stretched =
    wordGaps.length >= UNIFORM_MIN_GAPS &&
    Math.max(...wordGaps) <= UNIFORM_RATIO * Math.min(...wordGaps) &&
    Math.max(...wordGaps) <= PROSE_MAX_GAP * (Math.max(...items.map((i) => i.fontSize)) || 10);

  const cells: Cell[] = [];
  let cur: TextItem[] = [items[0]];
  const flush = () => {
    cells.push({ text: joinWords(cur), x0: round(cur[0].x), x1: round(Math.max(...cur.map(right))) });
  };
  for (let k = 1; k < items.length; k++) {
    if (!stretched && gaps[k - 1] > CELL_GAP * em(k)) {
      flush();
      cur = [items[k]];
    } else cur.push(items[k]);
  }
  flush();

  const line: DocLine = {
    page: pageNum,
    line: lineNum,
    text: cells
      .map((c) => c.text)
      .join(' ')
      .trim(),
    cells,
  };
  if (items.every((i) => i.bold)) line.bold = true;
  return line;
}

/** Joins the items of one cell: a space where there is a visible gap or white space in the strings. */
function joinWords(items: TextItem[]): string {
  let s = items[0].str;
  for (let k = 1; k < items.length; k++) {
    const prev = items[k - 1];
    const it = items[k];
    const gap = it.x - right(prev);
    const size = Math.max(prev.fontSize, it.fontSize) || 10;
    const space = gap > SPACE_GAP * size || /\s$/.test(prev.str) || /^\s/.test(it.str);
    s += (space ? ' ' : '') + it.str;
  }
  return s.replace(/\s+/g, ' ').trim();
}

/** Drops text drawn twice at (nearly) the same spot, as fake-bold PDFs do. */
function dedupe(sorted: TextItem[]): TextItem[] {
  const out: TextItem[] = [];
  for (const it of sorted) {
    const dup = out
      .slice(-3)
      .some((o) => o.str === it.str && Math.abs(o.x - it.x) < 0.15 * (it.fontSize || 10) && Math.abs(o.y - it.y) < 0.15 * (it.fontSize || 10));
    if (!dup) out.push(it);
  }
  return out;
}

const right = (i: TextItem) => i.x + i.width;
const round = (n: number) => Math.round(n * 100) / 100;
