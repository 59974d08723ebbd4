// Activity tables. With positions (PDF, tab-separated or pipe tables) each header cell gets a column role
// from the vocabularies' header words (`Aktivitet`/`Åtgärd`/`Insats` the text, `Startdatum` the start,
// `Slutdatum`/`Klart senast` the end, `Tidplan` a period in words, `Ansvarig` who), in any order. In text
// dumps the dates follow the wrapped text (`… tals.` then `2020-01-01 2022-12-31`) or, in OCR, stand on
// the row's first line with the text going on below; a blank line or a line starting a new cell
// separates rows. A lone date is the start, unless the header has an end column and no start column.
import type { DocLine, Message } from '../../../model/document.js';
import { fold } from '../../fold.js';
import { activityRole, classify, defaultLabels, type Labels } from '../labels.js';
import { type DateSpan, dateSpan } from '../dates.js';
import { cellsByColumn, type Columns } from './columns.js';
import { alignedTable } from './aligned.js';
import { joinFragments } from './join.js';
import type { TableResult } from './indicators.js';

export interface ActivityRow {
  text: string;
  start: string | null;
  end: string | null;
  page: number;
  line: number;
  responsible: string | null;
  schedule: string | null;
}

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
/** the columns that say when */
const WHEN = ['start', 'end', 'schedule'];
const DATES_AT_END = new RegExp(`(?:^|\\s)(${DATE})(?:\\s+(${DATE}))?\\s*$`);

function cleanText(s: string): string {
  return s
    .replace(/[\s~_|]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Column roles from the header's cells; null when fewer than two are known or there is no text column. */
function columnsByRole(header: DocLine, labels: Labels): Columns | null {
  if (!header.cells || header.cells.length < 2) return null;
  const x0: number[] = [];
  const names: string[] = [];
  for (const cell of header.cells) {
    const r = activityRole(fold(cell.text).replace(/^[^\p{L}\p{N}]+/u, ''), labels);
    if (!r || names.includes(r.role)) continue;
    x0.push(cell.x0);
    names.push(r.role);
  }
  return names.length >= 2 && names.includes('text') ? { x0, names } : null;
}

/** The roles a header names, from its text (a text dump's header has no cells). */
function rolesInText(header: DocLine, labels: Labels): Set<string> {
  const roles = new Set<string>();
  let rest = fold(header.text);
  while (rest) {
    const r = activityRole(rest, labels);
    if (r) roles.add(r.role);
    rest = r ? rest.slice(r.length).trim() : rest.replace(/^\S+\s*/, '');
  }
  return roles;
}

/** A header line in the body (repeated on a new page); a lower-case start is a wrapped cell that only reads like one (`insatser från …`). */
function repeatsHeader(text: string, labels: Labels): boolean {
  return !/^\s*\p{Ll}/u.test(text) && classify(text, labels).kind === 'activity-header';
}

export function parseActivityTable(header: DocLine, body: DocLine[], labels: Labels = defaultLabels()): TableResult<ActivityRow> {
  const cols = columnsByRole(header, labels);
  if (cols && body.some((l) => l.cells)) return parseByPosition(cols, body, labels);
  const aligned = alignedTable(header, body);
  const alignedCols = aligned && columnsByRole(aligned.header, labels);
  if (aligned && alignedCols) return parseByPosition(alignedCols, aligned.body, labels);
  const roles = rolesInText(header, labels);
  return parseBySpacing(body, labels, roles.has('end') && !roles.has('start'));
}

function parseByPosition(cols: Columns, body: DocLine[], labels: Labels): TableResult<ActivityRow> {
  const rows: ActivityRow[] = [];
  const warnings: Message[] = [];
  const raw: Array<Map<string, string>> = [];
  for (const line of body) {
    if (repeatsHeader(line.text, labels)) continue;
    const cells = cellsByColumn(cols, line);
    const text = cells.get('text');
    const last = raw[raw.length - 1];
    const dated = (m: Map<string, string>) => WHEN.some((k) => m.has(k) && spanIn(m.get(k)!) !== null);
    // cells are top-aligned: a row starts where a column the row above has filled (a complete date, a
    // name) gets a new value, or where a text comes with a date and the row above has none; text alone,
    // or a date cell's wrapped rest (`jan 2023 – dec` / `2023`), goes on the row above
    const startsRow =
      !last ||
      (cells.has('responsible') && last.has('responsible')) ||
      WHEN.some((k) => cells.has(k) && last.has(k) && spanIn(cells.get(k)!) !== null && spanIn(last.get(k)!) !== null) ||
      (text !== undefined && dated(cells) && !WHEN.some((k) => last.has(k)));
    if (startsRow) {
      if (!text && !dated(cells) && !cells.has('responsible')) continue;
      rows.push({ text: cleanText(text ?? ''), start: null, end: null, page: line.page, line: line.line, responsible: null, schedule: null });
      raw.push(new Map(cells));
    } else {
      for (const [k, v] of cells) last.set(k, last.has(k) ? joinFragments(last.get(k)!, v) : v);
      if (text) rows[rows.length - 1].text = cleanText(joinFragments(rows[rows.length - 1].text, text));
    }
  }
  rows.forEach((row, k) => {
    const cells = raw[k];
    const start = cells.has('start') ? spanIn(cells.get('start')!) : null;
    const end = cells.has('end') ? spanIn(cells.get('end')!) : null;
    const schedule = cells.has('schedule') ? spanIn(cells.get('schedule')!) : null;
    row.start = start?.start ?? schedule?.start ?? null;
    row.end = end?.end ?? schedule?.end ?? null;
    row.responsible = cells.has('responsible') ? cleanText(cells.get('responsible')!) || null : null;
    const printed = cells.get('schedule');
    row.schedule = printed && !isPlainDates(printed) ? cleanText(printed) : null;
    for (const [k, span] of [
      ['start', start],
      ['end', end],
      ['schedule', schedule],
    ] as Array<[string, DateSpan | null]>) {
      if (cells.has(k) && span === null && cells.get(k)!.trim())
        warnings.push({
          stage: 'parse',
          rule: 'activity-date-unread',
          message: `activity "${row.text.slice(0, 50)}": "${cells.get(k)!.trim()}" in the ${k} column is no date or period`,
          page: row.page,
          line: row.line,
        });
    }
  });
  return { rows, leftover: [], warnings };
}

/** The span of a date cell; a cell with other text beside a date (a neighbour's words spilled into it) gives that date. */
function spanIn(text: string): DateSpan | null {
  const d = dateSpan(text);
  if (d) return d;
  const iso = new RegExp(DATE).exec(text)?.[0];
  return iso ? { start: iso, end: iso } : null;
}

function isPlainDates(s: string): boolean {
  return new RegExp(`^\\s*${DATE}(\\s*[-–—]\\s*${DATE})?\\s*$`).test(s);
}

function parseBySpacing(body: DocLine[], labels: Labels, loneDateIsEnd: boolean): TableResult<ActivityRow> {
  const rows: ActivityRow[] = [];
  let pending: DocLine[] = [];
  let pendingText = '';
  /** a row whose dates came first and whose text may go on below */
  let open: ActivityRow | null = null;
  let blankSince = false;
  for (const line of body) {
    const t = line.text.trim();
    if (!t) {
      blankSince = true;
      continue;
    }
    if (repeatsHeader(t, labels)) continue;
    const m = DATES_AT_END.exec(t);
    if (m) {
      const before = t.slice(0, m.index);
      const text = cleanText(joinFragments(pendingText, before));
      const first = pending[0] ?? line;
      const [start, end] = m[2] ? [m[1], m[2]] : loneDateIsEnd ? [null, m[1]] : [m[1], null];
      const row: ActivityRow = { text, start, end, page: first.page, line: first.line, responsible: null, schedule: null };
      rows.push(row);
      open = pending.length === 0 && before.trim() !== '' ? row : null;
      pending = [];
      pendingText = '';
    } else if (open && !/^\s/.test(line.text) && (!blankSince || (/^\p{Ll}/u.test(t) && !/[.!?]$/.test(open.text)))) {
      open.text = cleanText(joinFragments(open.text, t));
    } else {
      open = null;
      pending.push(line);
      pendingText = joinFragments(pendingText, t);
    }
    blankSince = false;
  }
  return { rows, leftover: pending, warnings: [] };
}
