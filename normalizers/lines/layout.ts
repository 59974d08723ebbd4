// The layout stage for positioned pages (PDF text layer, OCR): items → rows in reading order
// (columns.ts) → lines with cells; then, over the whole document, page furniture found by repetition
// (furniture.ts, labelled and kept out of the later steps), wrapped headings joined (wrap.ts), table rows whose cells are vertically centred
// (bands.ts) and line-end hyphenation (hyphenation.ts). Each step keeps the line's page and the line
// number of the row it starts with; a warning names every page where the reader had to guess.
import type { DocLine, ExtractedPage, Message, RepairRecord } from '../../model/document.js';
import { rowToLine } from '../../extractors/pdf-lines.js';
import { alignCentredCells } from './bands.js';
import { columnLayout } from './columns.js';
import { labelFurniture, withoutFurniture } from './furniture.js';
import { type Placed, bodySize, placeLine } from './geometry.js';
import { type WordCheck, joinHyphenated } from './hyphenation.js';
import { joinWrappedHeadings } from './wrap.js';

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
  for (const page of pages) {
    const layout = columnLayout(page.items ?? []);
    if (layout.cuts && layout.spanning) {
      warn(
        'reading-order-guessed',
        `page ${page.page}: read as ${layout.cuts + 1} text columns, left before right, with ${layout.spanning} line(s) across the columns between them: check the reading order`,
        page.page,
      );
    }
    placed.push(layout.rows.map((r, i) => placeLine(rowToLine(page, r, i + 1), r)));
  }
  const furniture = withoutFurniture(labelFurniture(placed, warn));
  placed = furniture.flow.map((pl) => alignCentredCells(pl));
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
