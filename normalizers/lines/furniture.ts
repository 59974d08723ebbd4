// Page furniture by repetition: a line at the top or bottom of many pages whose text is the same from
// page to page except for a number that follows the page number (`Sida 3 av 18`, `- 3 -`, a bare `3`
// alternating left and right, `Verksamhetsplan 2023 · 3`). Such lines are running headers and footers,
// not content: they are labelled `furniture` (kept, with their page and line, so nothing is lost), the
// layout's later steps read the page without them, and the clean stage leaves them out of the body; one
// warning per pattern says what was labelled and where. Lines repeated with the same text on every page
// are left unlabelled for the clean stage, which finds them by repetition too.
//
// A bare page number may also share a baseline band with content (a table header drawn a few points
// from it): before rows are joined, `pageNumberItems` finds such a number item by the position that
// the document's other pages print their page numbers at (the same page width and left or right edge,
// the same offset from the page number), so that it is read as a line of its own.
import { CELL_GAP, rowsOf } from '../../extractors/pdf-lines.js';
import type { ExtractedPage, Message, TextItem } from '../../model/document.js';
import type { Placed } from './geometry.js';

type Warn = (rule: Message['rule'], message: string, page: number | null, line?: number | null) => void;

/** how many lines at each edge of a page are looked at */
const EDGE_LINES = 2;
/** a pattern must occur on this many pages, and on this share of the pages */
const MIN_PAGES = 3;
const MIN_SHARE = 0.3;

interface Candidate {
  /** index of the page in `pages` */
  at: number;
  page: number;
  index: number;
  numbers: number[];
}

const pattern = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/** On a document shorter than MIN_PAGES, only `N (M)` / `Sida N av M` on every page counts: the page number and the page count. */
function numbersPages(list: Candidate[], pageCount: number): boolean {
  const slots = list[0].numbers.length;
  const tracks = (s: number) => list.every((c) => c.numbers[s] - c.page === list[0].numbers[s] - list[0].page);
  const isCount = (s: number) => list.every((c) => c.numbers[s] === pageCount);
  return Array.from({ length: slots }, (_, s) => s).some(
    (s) => tracks(s) && Array.from({ length: slots }, (_, t) => t).some((t) => t !== s && isCount(t)),
  );
}

/** a page number item's edge within this many points of another page's stands at the same place */
const SAME_X = 1;

interface NumberItem {
  at: number;
  item: TextItem;
  alone: boolean;
  offset: number;
  width: number;
  /** gap to the nearest other item of its row, in em */
  apart: number;
}

/**
 * Per page, the page-number items that share a row with other text at the page's top or bottom, found
 * by the place the document's other pages print their page number alone at.
 */
export function pageNumberItems(pages: ExtractedPage[]): Array<Set<TextItem>> {
  const out = pages.map(() => new Set<TextItem>());
  if (pages.length < MIN_PAGES) return out;
  const found: NumberItem[] = [];
  pages.forEach((page, at) => {
    const rows = rowsOf(page.items ?? []);
    const edge = new Set([...rows.slice(0, EDGE_LINES), ...rows.slice(-EDGE_LINES)]);
    for (const row of edge)
      for (const item of row.items) {
        if (!/^\s*\d{1,4}\s*$/.test(item.str)) continue;
        const others = row.items.filter((o) => o !== item && o.str.trim());
        const em = item.fontSize || 10;
        const apart = Math.min(Infinity, ...others.map((o) => Math.max(o.x - (item.x + item.width), item.x - (o.x + o.width)) / em));
        found.push({ at, item, alone: others.length === 0, offset: Number(item.str) - page.page, width: Math.round(page.width ?? 0), apart });
      }
  });
  const byOffset = new Map<number, Set<number>>();
  for (const f of found.filter((f) => f.alone)) byOffset.set(f.offset, (byOffset.get(f.offset) ?? new Set()).add(f.at));
  const minPages = Math.max(MIN_PAGES, Math.ceil(MIN_SHARE * pages.length));
  const known = found.filter((f) => f.alone && (byOffset.get(f.offset)?.size ?? 0) >= minPages);
  if (!known.length) return out;
  const numbered = new Set(known.map((k) => k.at));
  const right = (i: TextItem) => i.x + i.width;
  for (const f of found) {
    if (f.alone || numbered.has(f.at) || f.apart <= CELL_GAP) continue;
    const same = known.some(
      (k) =>
        k.offset === f.offset &&
        k.width === f.width &&
        (Math.abs(k.item.x - f.item.x) <= SAME_X || Math.abs(right(k.item) - right(f.item)) <= SAME_X),
    );
    if (same) out[f.at].add(f.item);
  }
  return out;
}

export function labelFurniture(pages: Placed[][], warn: Warn): Placed[][] {
  if (pages.length < 2) return pages;
  const groups = new Map<string, Candidate[]>();
  pages.forEach((pl, p) => {
    if (pl.length < 2) return;
    const byY = pl.map((x, i) => ({ x, i })).sort((a, b) => a.x.y - b.x.y);
    const edges: Array<['top' | 'bottom', number]> = [
      ...byY.slice(0, EDGE_LINES).map((e) => ['top', e.i] as ['top', number]),
      ...byY.slice(-EDGE_LINES).map((e) => ['bottom', e.i] as ['bottom', number]),
    ];
    const seen = new Set<number>();
    for (const [zone, i] of edges) {
      if (seen.has(i)) continue;
      seen.add(i);
      const text = pl[i].line.text;
      if (!/\d/.test(text) || text.length > 100) continue;
      const key = `${zone}|${pattern(text)}`;
      const list = groups.get(key) ?? [];
      list.push({ at: p, page: pl[i].line.page, index: i, numbers: (text.match(/\d+/g) ?? []).map(Number) });
      groups.set(key, list);
    }
  });
  const drop = pages.map(() => new Set<number>());
  const minPages = Math.max(MIN_PAGES, Math.ceil(MIN_SHARE * pages.length));
  for (const [key, list] of groups) {
    const slots = list[0].numbers.length;
    if (list.some((c) => c.numbers.length !== slots)) continue;
    const short = pages.length < MIN_PAGES;
    if (
      short
        ? new Set(list.map((c) => c.page)).size < pages.length || !numbersPages(list, pages.length)
        : new Set(list.map((c) => c.page)).size < minPages
    )
      continue;
    // which number follows the page number: the same slot, the same offset, on most pages
    let tracks = short;
    for (let s = 0; s < slots && !tracks; s++) {
      const offsets = new Map<number, number>();
      for (const c of list) offsets.set(c.numbers[s] - c.page, (offsets.get(c.numbers[s] - c.page) ?? 0) + 1);
      tracks = Math.max(...offsets.values()) >= Math.max(MIN_PAGES, 0.8 * list.length);
    }
    if (!tracks) continue;
    for (const c of list) drop[c.at].add(c.index);
    const [zone, pat] = key.split('|');
    warn(
      'page-furniture',
      `"${pat.replace(/#/g, 'N')}" at the ${zone} of ${list.length} pages is a running ${zone === 'top' ? 'header' : 'footer'} with the page number: labelled furniture, left out of the text`,
      list[0].page,
    );
  }
  return pages.map((pl, p) => (drop[p].size ? pl.map((x, i) => (drop[p].has(i) ? { ...x, line: { ...x.line, furniture: true as const } } : x)) : pl));
}

/**
 * The layout steps after furniture read each page without its furniture (a running footer must not be
 * joined to the last row of the page); `restore` puts the furniture back in line order afterwards.
 */
export function withoutFurniture(pages: Placed[][]): { flow: Placed[][]; restore(laid: Placed[][]): Placed[][] } {
  const furniture = pages.map((pl) => pl.filter((x) => x.line.furniture));
  return {
    flow: pages.map((pl, p) => (furniture[p].length ? pl.filter((x) => !x.line.furniture) : pl)),
    restore: (laid) => laid.map((pl, p) => furniture[p].reduce(insertByLine, pl)),
  };
}

/** `f` before the first line numbered after it; the order of the other lines is kept as it is */
function insertByLine(lines: Placed[], f: Placed): Placed[] {
  const at = lines.findIndex((x) => x.line.line > f.line.line);
  return at < 0 ? [...lines, f] : [...lines.slice(0, at), f, ...lines.slice(at)];
}
