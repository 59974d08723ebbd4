// Activity tables `Aktivitet | Startdatum | Slutdatum`. In text dumps the dates follow the wrapped
// text (`… tals.` then `2020-01-01 2022-12-31`) or, in OCR, stand on the row's first line with the
// text going on below; a blank line or a line starting a new cell separates rows.
import type { DocLine } from '../../../model/document.js';
import { classify } from '../labels.js';
import { cellsByColumn, columnsFromHeader } from './columns.js';
import { joinFragments } from './join.js';
import type { TableResult } from './indicators.js';

export interface ActivityRow {
  text: string;
  start: string | null;
  end: string | null;
  page: number;
  line: number;
}

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const DATES_AT_END = new RegExp(`(?:^|\\s)(${DATE})(?:\\s+(${DATE}))?\\s*$`);
const HEADER_NAMES: Array<[string, RegExp]> = [
  ['text', /^aktivitet/],
  ['start', /^startdatum/],
  ['end', /^slutdatum/],
];

function cleanText(s: string): string {
  return s
    .replace(/[\s~_|]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseActivityTable(header: DocLine, body: DocLine[]): TableResult<ActivityRow> {
  const cols = columnsFromHeader(header, HEADER_NAMES);
  if (cols && body.some((l) => l.cells)) {
    const rows: ActivityRow[] = [];
    for (const line of body) {
      if (classify(line.text).kind === 'activity-header') continue;
      const cells = cellsByColumn(cols, line);
      const text = cells.get('text');
      const start = cells.get('start')?.match(new RegExp(DATE))?.[0] ?? null;
      const end = cells.get('end')?.match(new RegExp(DATE))?.[0] ?? null;
      if (start || end || !rows.length) {
        if (!text && !start && !end) continue;
        rows.push({ text: cleanText(text ?? ''), start, end, page: line.page, line: line.line });
      } else if (text) {
        rows[rows.length - 1].text = cleanText(joinFragments(rows[rows.length - 1].text, text));
      }
    }
    return { rows, leftover: [], warnings: [] };
  }
  return parseBySpacing(body);
}

function parseBySpacing(body: DocLine[]): TableResult<ActivityRow> {
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
    if (classify(t).kind === 'activity-header') continue;
    const m = DATES_AT_END.exec(t);
    if (m) {
      const before = t.slice(0, m.index);
      const text = cleanText(joinFragments(pendingText, before));
      const first = pending[0] ?? line;
      const row: ActivityRow = { text, start: m[1], end: m[2] ?? null, page: first.page, line: first.line };
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
