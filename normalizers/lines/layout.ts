// The layout stage for positioned pages (PDF text layer, OCR): items → rows in reading order
// (columns.ts) → lines with cells; then, over the whole document, page furniture found by repetition
// (furniture.ts, labelled and kept out of the later steps), wrapped headings joined (wrap.ts), table rows whose cells are vertically centred
// (bands.ts), tables that go on in the next text column read in their header's columns (continued.ts)
// and line-end hyphenation (hyphenation.ts). Each step keeps the line's page and the line
// number of the row it starts with; a warning names every page where the reader had to guess.
import type { DocLine, ExtractedPage, Message, RepairRecord } from '../../model/document.js';
import { rowToLine } from '../../extractors/pdf-lines.js';
import { alignCentredCells } from './bands.js';
import { columnLayout } from './columns.js';
import { joinContinuedTables } from './continued.js';
import { labelFurniture, pageNumberItems, withoutFurniture } from './furniture.js';
import { type Placed, bodySize, placeLine } from './geometry.js';
import { type WordCheck, joinHyphenated } from './hyphenation.js';
import { joinWrappedHeadings } from './wrap.js';

/** gutters of two pages that share this many points of gap are one gutter of the page grid */
const MIN_SHARED_GAP = 4;

export interface LaidOut {
  lines: Map<number, DocLine[]>;
  warnings: Message[];
  /** words hyphenated at line ends joined, each on record as a repair */
  repairs: RepairRecord[];
}

export function layOutPdfPages(pages: ExtractedPage[], lexicon?: WordCheck): LaidOut {
  const warnings: Message[] = [];
  const warn = (rule: Message['rule'], message: string, page: number | null, line: number | null = null) =>
    warnings.push({ stage: 'normalize', rule, message, page, line });
  let placed: Placed[][] = [];
  // page numbers that share a row with content: read apart from it, as lines of their own
  const numbers = pageNumberItems(pages);
  const items = pages.map((page, p) => (numbers[p].size ? (page.items ?? []).filter((i) => !numbers[p].has(i)) : (page.items ?? [])));
  const layouts = pages.map((_, p) => columnLayout(items[p]));
  // the document's page grid: a gap that two pages or more were cut at from their own prose (where they overlap)
  const own = layouts.flatMap((l) => (l.gutter ? [l.gutter] : []));
  const grid: Array<[number, number]> = [];
  own.forEach(([a0, a1], k) => {
    const other = own.find(([b0, b1], m) => m !== k && Math.min(a1, b1) - Math.max(a0, b0) >= MIN_SHARED_GAP);
    if (other) grid.push([Math.max(a0, other[0]), Math.min(a1, other[1])]);
  });
  pages.forEach((page, p) => {
    let layout = layouts[p];
    if (!layout.cuts && grid.length) layout = columnLayout(items[p], grid);
    if (layout.fromGrid) {
      warn(
        'reading-order-guessed',
        `page ${page.page}: read as text columns at the gutter of the document's other pages (too little prose on one side to show it), left before right: check the reading order`,
        page.page,
      );
    } else if (layout.cuts && layout.spanning) {
      warn(
        'reading-order-guessed',
        `page ${page.page}: read as ${layout.cuts + 1} text columns, left before right, with ${layout.spanning} line(s) across the columns between them: check the reading order`,
        page.page,
      );
    }
    let rows = layout.rows;
    for (const n of numbers[p]) {
      const row = { y: n.y, size: n.fontSize || 10, items: [n] };
      rows = n.y < (page.height ?? 0) / 2 || !rows.length || n.y < rows[0].y ? [row, ...rows] : [...rows, row];
    }
    placed.push(rows.map((r, i) => placeLine(rowToLine(page, r, i + 1), r)));
  });
  const furniture = withoutFurniture(labelFurniture(placed, warn));
  placed = joinContinuedTables(
    furniture.flow.map((pl) => alignCentredCells(pl)),
    warn,
  );
  const body = bodySize(placed);
  placed = placed.map((pl) => joinWrappedHeadings(pl, body, warn));
  const repairs: RepairRecord[] = [];
  placed = furniture.restore(joinHyphenated(placed, lexicon, warn, (r) => repairs.push(r)));
  const lines = new Map<number, DocLine[]>();
  pages.forEach((p, i) =>
    lines.set(
      p.page,
      placed[i].map((x) => x.line),
    ),
  );
  return { lines, warnings, repairs };
}
