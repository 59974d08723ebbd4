// Indicator tables `Indikator | Årsmål | KF:s årsmål | Periodicitet`. The first target column is the
// unit's own, the second the city council's. With positions (PDF, tab-separated markdown) a value's
// column is known from its x; in a text dump only the spacing is left: an empty cell leaves an extra
// space, so a row is read from the right: periodicity, KF target, unit target, and the rest is the name.
import type { DocLine, Message, Target } from '../../../model/document.js';
import { fold } from '../../fold.js';
import { classify } from '../labels.js';
import { PENDING, parseTarget, takeTargetFromEnd } from '../targets.js';
import { cellsByColumn, columnsFromHeader, type Columns } from './columns.js';
import { joinFragments } from './join.js';

export interface IndicatorRow {
  name: string;
  unitTarget: Target | null;
  kfTarget: Target | null;
  periodicity: 'År' | 'Tertial' | null;
  page: number;
  line: number;
}

/** `År`, also as English-model OCR or a wrong repair leaves it (`Ar`, `Är`) */
const PERIOD = /(^|\s+)(År|Ar|Är|Tertial|Tertialvis)$/;
/** header pieces that wrap onto their own lines (`år 2023 Periodicitet`, `KF:s årsmål`) */
const HEADER_TAIL = /^((\S{1,2}r \d{4})( periodicitet)?|periodicitet|kf[:;]?s \S{1,2}rsm\S{1,2}l( \S{1,2}r \d{4})?)$/;
/** OCR debris at the start of a row: a lone letter or glyph, e.g. a checkbox read as `U` or `g‘` */
const ROW_DEBRIS = /^(?:[♀♂•▪■□☐]|[A-Za-z][‘'’"]?|\p{L}[‘'’"])\s+(?=\S)/u;

const HEADER_NAMES: Array<[string, RegExp]> = [
  ['name', /^indikator/],
  ['unit', /^\S{1,2}rsm\S{1,2}l/],
  ['kf', /^kf/],
  ['period', /^periodicitet/],
];

function periodicity(s: string): 'År' | 'Tertial' {
  return /^t/i.test(s) ? 'Tertial' : 'År';
}

function isIncompletePending(t: Target | null): boolean {
  if (!t || t.kind !== 'pending') return false;
  const f = fold(t.raw);
  return /(\sav|framav|\/|\/\S{1,4}|\/styrel)$/.test(f) && !/\/styrelse$/.test(f);
}

export interface TableResult<T> {
  rows: T[];
  /** lines after the last row that belong to no row: text that follows the table */
  leftover: DocLine[];
  warnings: Message[];
}

export function parseIndicatorTable(header: DocLine, body: DocLine[]): TableResult<IndicatorRow> {
  const cols = columnsFromHeader(header, HEADER_NAMES);
  if (cols && body.some((l) => l.cells)) return parseByPosition(cols, body);
  return parseBySpacing(body);
}

function parseBySpacing(body: DocLine[]): TableResult<IndicatorRow> {
  const rows: IndicatorRow[] = [];
  const warnings: Message[] = [];
  let parts: DocLine[] = [];
  let text = '';
  for (const line of body) {
    const trimmed = line.text.trim();
    if (!trimmed || HEADER_TAIL.test(fold(trimmed)) || classify(trimmed).kind === 'indicator-header') continue;
    const cleaned = line.text;
    const content = cleaned.trimStart().replace(ROW_DEBRIS, '');
    const last = rows[rows.length - 1];
    if (!parts.length && last && isIncompletePending(last.kfTarget)) {
      // the rest of a KF wording cut by the cell's width, printed below the row
      last.kfTarget = parseTarget(joinFragments(last.kfTarget!.raw, content));
      continue;
    }
    if (!parts.length) text = content;
    else if (/^\s/.test(cleaned) && startsWithValue(content)) text = `${text.trimEnd()}  ${content}`;
    else text = joinFragments(text, content);
    parts.push(line);
    const m = PERIOD.exec(text);
    if (!m) continue;
    const before = text.slice(0, m.index) + m[1];
    rows.push({ ...splitCells(before), periodicity: periodicity(m[2]), page: parts[0].page, line: parts[0].line });
    parts = [];
    text = '';
  }
  const leftover = parts;
  if (leftover.length) {
    warnings.push({
      stage: 'parse',
      rule: 'indicator-row-incomplete',
      message: `indicator table: text without a periodicity after the last row: "${leftover[0].text.trim().slice(0, 60)}"`,
      page: leftover[0].page,
      line: leftover[0].line,
    });
  }
  return { rows, leftover, warnings };
}

function startsWithValue(s: string): boolean {
  const t = s.trim();
  return /^\d/.test(t) || /^(tas fram|fastst|\S{1,2}ka\b|minska)/i.test(fold(t));
}

/** name, unit target and KF target from the text before the periodicity (its trailing separator kept) */
function splitCells(before: string): Pick<IndicatorRow, 'name' | 'unitTarget' | 'kfTarget'> {
  let s = before.replace(/ $/, '');
  const take = (): string | null => {
    const pending = /(?:^|\s)((?:[Tt]as ?fram ?av\S*(?: \S+)?|[Ff]astst\S{1,3}lls(?: \d{4})?))\s*$/.exec(s);
    if (pending && PENDING.test(fold(pending[1]))) {
      s = s.slice(0, pending.index + pending[0].indexOf(pending[1])).replace(/ $/, '');
      return pending[1];
    }
    if (s.endsWith(' ') || s === '') {
      s = s.slice(0, -1);
      return null;
    }
    const m = takeTargetFromEnd(s);
    if (!m) return null;
    s = m[1].replace(/ $/, '');
    return m[0];
  };
  const kf = take();
  const unit = take();
  return { name: s.replace(/\s+/g, ' ').trim(), unitTarget: unit ? parseTarget(unit) : null, kfTarget: kf ? parseTarget(kf) : null };
}

function parseByPosition(cols: Columns, body: DocLine[]): TableResult<IndicatorRow> {
  const rows: IndicatorRow[] = [];
  let current: { name: string; unit: string; kf: string; period: string; page: number; line: number } | null = null;
  const flush = () => {
    if (!current || !current.name) return;
    rows.push({
      name: current.name,
      unitTarget: parseTarget(current.unit),
      kfTarget: parseTarget(current.kf),
      periodicity: current.period ? periodicity(current.period) : null,
      page: current.page,
      line: current.line,
    });
  };
  const leftover: DocLine[] = [];
  for (const line of body) {
    if (!line.text.trim() || classify(line.text).kind === 'indicator-header' || HEADER_TAIL.test(fold(line.text.trim()))) continue;
    const cells = cellsByColumn(cols, line);
    if (!cells.size) continue;
    const name = (cells.get('name') ?? '').replace(ROW_DEBRIS, '');
    // cells are top-aligned: a row's first line carries its periodicity
    const startsRow = !current || (cells.has('period') && current.period !== '');
    if (startsRow) {
      flush();
      current = { name: '', unit: '', kf: '', period: '', page: line.page, line: line.line };
    }
    const c = current!;
    if (name) c.name = joinFragments(c.name, name);
    if (cells.has('unit')) c.unit = joinFragments(c.unit, cells.get('unit')!);
    if (cells.has('kf')) c.kf = joinFragments(c.kf, cells.get('kf')!);
    if (cells.has('period')) c.period = cells.get('period')!;
  }
  flush();
  return { rows, leftover, warnings: [] };
}
