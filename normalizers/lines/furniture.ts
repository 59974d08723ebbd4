// Page furniture by repetition: a line at the top or bottom of many pages whose text is the same from
// page to page except for a number that follows the page number (`Sida 3 av 18`, `- 3 -`, a bare `3`
// alternating left and right, `Verksamhetsplan 2023 · 3`). Such lines are running headers and footers,
// not content: they are set aside from the reading flow (the page's text, stored with the page, still
// has them) and one warning per pattern says what was set aside and where. Lines repeated with the
// same text on every page are left in place for the clean stage, which knows them as running lines.
import type { Message } from '../../model/document.js';
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

export function setAsideFurniture(pages: Placed[][], warn: Warn): Placed[][] {
  if (pages.length < MIN_PAGES) return pages;
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
    if (new Set(list.map((c) => c.page)).size < minPages) continue;
    // which number follows the page number: the same slot, the same offset, on most pages
    const slots = list[0].numbers.length;
    if (list.some((c) => c.numbers.length !== slots)) continue;
    let tracks = false;
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
      `"${pat.replace(/#/g, 'N')}" at the ${zone} of ${list.length} pages is a running ${zone === 'top' ? 'header' : 'footer'} with the page number: set aside from the text`,
      list[0].page,
    );
  }
  return pages.map((pl, p) => (drop[p].size ? pl.filter((_, i) => !drop[p].has(i)) : pl));
}
