// Pages → lines. Text dumps keep their spacing (it is all that is left of the table columns);
// markdown loses its markup but keeps heading depth and tab-separated cells; PDF pages are rebuilt
// from positioned text items.
import type { DocLine, ExtractedPage, Extraction, Message, RepairRecord, SourceFormat } from '../../model/document.js';
import { type Lines, handOff, Lines as LinesShape } from '../../model/stages.js';
import type { WordCheck } from './hyphenation.js';
import { layOutPdfPages } from './layout.js';

/** Pseudo-width of one tab-separated column, so tab cells look like positioned cells. */
const TAB_COLUMN = 100;
const STRAY_GLYPHS = /^[\s♀♂•▪■□☐✓✔]*(?=\S)/u;

/**
 * The lines stage: Extraction → Lines. `verbatim` keeps a text file's lines exactly as they are (no
 * markdown read, no trailing spaces dropped), for `plans repair`, whose output must diff against the file.
 * `lexicon` (the repair stage's hunspell lexicon) lets the layout join words hyphenated at line ends.
 */
export function layOut(extraction: Extraction, opts: { verbatim?: boolean; lexicon?: WordCheck } = {}): Lines {
  const { source, pages, warnings } = extraction;
  if (opts.verbatim && (source.format === 'txt' || source.format === 'md'))
    return handOff(LinesShape, { source, warnings, lines: verbatimLines(pages), repairs: [] }, 'lines');
  const laid = pagesToLaidLines(pages, source.format, opts.lexicon);
  return handOff(LinesShape, { source, warnings: [...warnings, ...laid.warnings], lines: laid.lines, repairs: laid.repairs }, 'lines');
}

function verbatimLines(pages: ExtractedPage[]): DocLine[] {
  let offset = 0;
  return pages.flatMap((page) => {
    const raw = page.text.split('\n');
    const lines = raw.map((text, i) => ({ page: page.page, line: offset + i + 1, text, cells: null, method: page.method }));
    offset += raw.length;
    return lines;
  });
}

/** Lines of every page, and the layout stage's warnings (reading order guessed, furniture, cut headings). */
function pagesToLaidLines(
  pages: ExtractedPage[],
  format: SourceFormat,
  lexicon?: WordCheck,
): { lines: DocLine[]; warnings: Message[]; repairs: RepairRecord[] } {
  // positioned items (PDF text layer, OCR) go through the layout stage; text pages keep their file lines
  const positioned = pages.filter((p) => p.items);
  const laid = layOutPdfPages(positioned, lexicon);
  const out: DocLine[] = [];
  let offset = 0;
  for (const page of pages) {
    if (page.items) out.push(...(laid.lines.get(page.page) ?? []));
    else out.push(...textPageLines(page, format === 'pdf' || format === 'image' ? 0 : offset, format));
    offset += page.text.split('\n').length;
  }
  return { lines: out, warnings: laid.warnings, repairs: laid.repairs };
}

/** Lines of a text page; `offset` is the number of file lines on earlier pages. */
function textPageLines(page: ExtractedPage, offset: number, format: SourceFormat): DocLine[] {
  return page.text.split('\n').map((raw, i) => {
    const base = { page: page.page, line: offset + i + 1 };
    const line = format === 'md' ? markdownLine(raw, base) : (tableLine(raw, base) ?? { ...base, text: raw.replace(/\s+$/, ''), cells: null });
    return { ...line, method: page.method };
  });
}

function stripInline(s: string): { text: string; bold: boolean } {
  const bold = /<b>|\*\*/.test(s);
  const text = s
    .replace(/<\/?(b|i|u|em|strong|sup|sub)>/gi, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)\*(\S[^*]*?)\*(?=\s|$)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(STRAY_GLYPHS, (m) => m.replace(/[♀♂•▪■□☐✓✔]/gu, ''));
  return { text, bold };
}

/** A pipe table's rule row (`|---|:--:|`): no text of its own. */
const PIPE_RULE = /^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$/;
/** A pipe table row: `| a | b |` (the outer bars optional when there are inner ones). */
const PIPE_ROW = /^\s*\|.*\|\s*$/;

/**
 * A table row of a text export as cells: tab-separated, or a pipe table's row. Each cell is one column
 * of TAB_COLUMN pseudo-width, so the table readers place values by column as in a PDF. Null for other lines.
 */
function tableLine(raw: string, base: { page: number; line: number }): DocLine | null {
  let parts: string[] | null = null;
  if (PIPE_RULE.test(raw) && raw.includes('|')) return { ...base, text: '', cells: null };
  if (PIPE_ROW.test(raw)) parts = raw.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  else if (raw.includes('\t')) parts = raw.split('\t');
  if (!parts) return null;
  const cells = parts.map((c, idx) => ({ text: stripInline(c).text.trim(), x0: idx * TAB_COLUMN, x1: idx * TAB_COLUMN + TAB_COLUMN - 1 }));
  return {
    ...base,
    text: cells
      .map((c) => c.text)
      .join(' ')
      .trim(),
    cells,
  };
}

function markdownLine(raw: string, base: { page: number; line: number }): DocLine {
  let s = raw.replace(/\s+$/, '');
  let heading: number | undefined;
  const h = /^(#{1,6})\s+(.*)$/.exec(s.trim());
  if (h) {
    heading = h[1].length;
    s = h[2];
  }
  const table = tableLine(s, base);
  if (table) return { ...table, heading };
  const { text, bold } = stripInline(s);
  return { ...base, text: text.replace(/\s+$/, ''), cells: null, bold: bold || undefined, heading };
}
