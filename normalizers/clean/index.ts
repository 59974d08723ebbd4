// Layout clean-up: running page headers/footers and the table of contents are not content.
import type { DocLine } from '../../model/document.js';
import { type Cleaned, handOff, Cleaned as CleanedShape, type Repaired } from '../../model/stages.js';
import { fold } from '../fold.js';

/** a running line may carry a few characters of scan debris on either side */
const DEBRIS = String.raw`(?:\S{1,3} ){0,2}`;
const DEBRIS_AFTER = String.raw`(?: \S{1,3}){0,2}`;
const RUNNING = [
  new RegExp(`^${DEBRIS}tj\\S{1,3}nsteutl\\S{1,3}tande${DEBRIS_AFTER}$`), // Tjänsteutlåtande (also OCR-damaged)
  /\bsid \d+ ?\(\d+\)$/, // Sid 20 (28), sometimes behind OCR debris
  new RegExp(`^${DEBRIS}start\\.stockholm${DEBRIS_AFTER}$`),
  /^stockholm\.se$/,
  /^-- \d+ of \d+ --$/,
];
const TOC_HEADING = /^inneh\S{1,2}llsf\S{1,2}rteckning$|^inneh\S{1,2}ll$/;
const DOT_LEADER = /(\.{4,}|…{2,}|(\. ){4,})\s*\d+\s*$/;

export function isRunningLine(text: string): boolean {
  const f = fold(text);
  return f !== '' && RUNNING.some((re) => re.test(f));
}

export function isTocLine(text: string): boolean {
  return DOT_LEADER.test(text.trim());
}

/**
 * The words of the table header rows the parser reads (normalizers/parse/labels.ts `classify` and the
 * HEADER_NAMES / HEADER_TAIL of normalizers/parse/tables/*): indicator (`Indikator`, `Årsmål`, `KF:s
 * årsmål`, `Periodicitet`, `år 2023`), activity (`Aktivitet`, `Startdatum`, `Slutdatum`) and budget
 * (`Beloppen anges i TKr`) headers. The clean stage may not import the parser, so they are read here
 * the same way, on folded text (`\S{1,2}` where the document has å, ä or ö).
 */
const HEADER_WORD = /^(indikator\S*|\S{1,2}rsm\S{1,2}l|kf[:;]?s?|periodicitet|aktivitet\S*|startdatum|slutdatum|\S{1,2}r|\d{4})$/;
const HEADER_NAME = /^(indikator|\S{1,2}rsm\S{1,2}l|periodicitet|aktivitet|startdatum|slutdatum)/;
const BUDGET_HEADER = /^beloppen anges i tkr/;

/**
 * A table header row, or a piece of one that wrapped onto its own line (`KF:s årsmål`): every cell (or
 * word) is a header word and one of them names a column. A header repeated at the top of each page a
 * table runs over is the table's, not a running header.
 */
export function isTableHeaderRow(line: DocLine): boolean {
  const f = fold(line.text.replace(/[#*|]/g, ' ')).replace(/\s+/g, ' ').trim();
  if (f === '') return false;
  if (BUDGET_HEADER.test(f)) return true;
  const words = f
    .split(' ')
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}:;]+$/gu, ''))
    .filter(Boolean);
  return words.length > 0 && words.every((w) => HEADER_WORD.test(w)) && words.some((w) => HEADER_NAME.test(w));
}

/** The clean stage: Repaired → Cleaned, whose `body` is the lines without furniture and contents. */
export function clean(input: Repaired): Cleaned {
  return handOff(CleanedShape, { ...input, body: removeNoise(input.lines) }, 'clean');
}

/**
 * Drops running headers/footers and table-of-contents entries. The furniture the layout stage labelled
 * (found by repetition with the page number) goes first; then lines repeated at the edges of many pages
 * (a running title without a page number, and the furniture of text exports, which have no layout);
 * the RUNNING patterns only catch what repetition cannot see: a running line an OCR pass damaged
 * differently on each page, or one printed on too few pages. A TOC entry may wrap: the lines just
 * above a dot-leader line (up to two, without a blank between) belong to the same entry.
 */
function removeNoise(lines: DocLine[]): DocLine[] {
  const drop = new Set<number>();
  lines.forEach((l, i) => {
    if (l.furniture || isRunningLine(l.text)) drop.add(i);
    if (isTocLine(l.text)) {
      drop.add(i);
      for (let j = i - 1, n = 0; j >= 0 && n < 2; j--, n++) {
        const prev = lines[j].text.trim();
        if (prev === '' || isTocLine(prev) || drop.has(j)) break;
        drop.add(j);
      }
    }
  });
  for (const i of repeatedPageEdges(lines)) drop.add(i);
  for (const i of tocBlock(lines)) drop.add(i);
  return lines.filter((_, i) => !drop.has(i));
}

/** non-blank lines looked at after a line that is no entry: an entry wrapped over them ends with its leader */
const TOC_WRAP = 2;

/**
 * The table of contents from its heading to the end of its page or to `Inledning`, whichever comes
 * first: on a scan the dot leaders come out of OCR as anything but dots. Where the entries do have dot
 * leaders, the contents also end at the first line after them that is no entry and starts none (the
 * next TOC_WRAP lines bring no leader): a text export is one page, and its contents are a few lines of it.
 */
function tocBlock(lines: DocLine[]): number[] {
  const start = lines.findIndex((l) => TOC_HEADING.test(fold(l.text.replace(/[#*]/g, ''))));
  if (start < 0) return [];
  const out = [start];
  let entries = 0;
  for (let i = start + 1; i < lines.length && lines[i].page === lines[start].page; i++) {
    const t = lines[i].text.trim();
    if (fold(t.replace(/[#*]/g, '')) === 'inledning') break;
    if (isTocLine(t)) entries++;
    else if (entries > 0 && t !== '') {
      const ahead = lines
        .slice(i + 1)
        .filter((l) => l.text.trim() !== '')
        .slice(0, TOC_WRAP);
      if (!ahead.some((l) => isTocLine(l.text))) break;
    }
    out.push(i);
  }
  return out;
}

/**
 * Lines printed at the top or bottom of many pages (unit and district lines of a running header), not
 * counting lines the layout already labelled; a table's header row repeated on each page it runs over
 * is content, not a running header.
 */
function repeatedPageEdges(lines: DocLine[]): number[] {
  const byPage = new Map<number, number[]>();
  lines.forEach((l, i) => {
    if (l.text.trim() === '' || l.furniture) return;
    const list = byPage.get(l.page) ?? [];
    list.push(i);
    byPage.set(l.page, list);
  });
  if (byPage.size < 3) return [];
  const edges = new Map<string, number[]>();
  for (const idxs of byPage.values()) {
    for (const i of [...idxs.slice(0, 3), ...idxs.slice(-2)]) {
      const key = fold(lines[i].text);
      if (key.length > 80 || /^\d+$/.test(key) || isTableHeaderRow(lines[i])) continue;
      edges.set(key, [...(edges.get(key) ?? []), i]);
    }
  }
  const minPages = Math.max(3, Math.ceil(byPage.size / 2));
  return [...edges.values()].filter((idxs) => new Set(idxs.map((i) => lines[i].page)).size >= minPages).flat();
}
