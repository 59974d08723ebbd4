// Indicator tables. With positions (PDF, tab-separated or pipe tables) each header cell gets a column
// role from the vocabularies' header words (`Indikator`/`Nyckeltal` name, `Årsmål`/`Målvärde`/`Mål 2023`
// the unit's target, `KF:s årsmål` the council's, `Utfall 2021` an outcome, `Basvärde` the baseline,
// `Periodicitet`/`Frekvens` how often), in any order, and a value's column is known from its x. In a
// text dump only the spacing is left (`Indikator  Årsmål  KF:s årsmål  Periodicitet`, the ILS order): an
// empty cell leaves an extra space, so a row is read from the right: periodicity, KF target, unit
// target, and the rest is the name.
import type { DocLine, Message, Periodicity, Target } from '../../../model/document.js';
import { fold } from '../../fold.js';
import { classify, columnRole, defaultLabels, type Labels } from '../labels.js';
import { PENDING, parseTarget, takeTargetFromEnd } from '../targets.js';
import { cellsByColumn, type Columns } from './columns.js';
import { alignedTable } from './aligned.js';
import { joinFragments } from './join.js';

interface YearValue {
  year: number | null;
  value: Target;
}

export interface IndicatorRow {
  name: string;
  unitTarget: Target | null;
  kfTarget: Target | null;
  periodicity: Periodicity | null;
  page: number;
  line: number;
  targetYear: number | null;
  outcomes: YearValue[];
  baseline: YearValue | null;
}

/** `År`, also as English-model OCR or a wrong repair leaves it (`Ar`, `Är`) */
const PERIOD = /(^|\s+)(År|Ar|Är|Tertial|Tertialvis)$/;
/** header pieces that wrap onto their own lines (`år 2023 Periodicitet`, `KF:s årsmål`) */
const HEADER_TAIL = /^((\S{1,2}r \d{4})( periodicitet)?|periodicitet|kf[:;]?s \S{1,2}rsm\S{1,2}l( \S{1,2}r \d{4})?)$/;
/** OCR debris at the start of a row: a lone letter or glyph, e.g. a checkbox read as `U` or `g‘` (not the word `i` of a wrapped name: `i förhållande till …`) */
const ROW_DEBRIS = /^(?:[♀♂•▪■□☐]|(?!i\s+\p{Ll})[A-Za-z][‘'’"]?|\p{L}[‘'’"])\s+(?=\S)/u;

/** A printed periodicity as the vocabularies name it; an unknown word in the column is read as `År` when it starts with å/a, else null. */
function periodicity(s: string, labels: Labels): Periodicity | null {
  const f = fold(s.trim());
  for (const p of labels.periodicities) if (p.re.test(f)) return p.value;
  if (/^t/.test(f)) return 'Tertial';
  return /^\S{0,2}r\b/.test(f) ? 'År' : null;
}

/**
 * Column roles from the header's cells: a cell that starts with a header word gets its role (and the
 * year after it); a cell that is the start of a header word wrapped in its cell (`KF:s` of `KF:s
 * årsmål`) gets that header's role. Null when fewer than two columns are known or no name column.
 */
function columnsByRole(header: DocLine, labels: Labels): Columns | null {
  if (!header.cells || header.cells.length < 2) return null;
  const x0: number[] = [];
  const names: string[] = [];
  for (const cell of header.cells) {
    // a scan speck read as a quote or dot may stick to a header word (`"Indikator`)
    const f = fold(cell.text).replace(/^[^\p{L}\p{N}]+/u, '');
    if (!f) continue;
    const r = columnRole(f, labels);
    const role = r ?? (f.length >= 3 ? (labels.indicatorColumns.find((c) => c.word.startsWith(f)) ?? null) : null);
    if (!role) continue;
    const key = r?.year ? `${role.role}:${r.year}` : role.role;
    if (names.includes(key)) continue;
    x0.push(cell.x0);
    names.push(key);
  }
  if (names.length < 2 || !names.includes('name')) return null;
  return { x0, names };
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

export function parseIndicatorTable(header: DocLine, body: DocLine[], labels: Labels = defaultLabels()): TableResult<IndicatorRow> {
  const cols = columnsByRole(header, labels);
  if (cols && body.some((l) => l.cells)) return parseByPosition(cols, body, labels);
  const aligned = alignedTable(header, body);
  const alignedCols = aligned && columnsByRole(aligned.header, labels);
  if (aligned && alignedCols) return parseByPosition(alignedCols, aligned.body, labels);
  return parseBySpacing(body, labels);
}

function parseBySpacing(body: DocLine[], labels: Labels): TableResult<IndicatorRow> {
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
    rows.push({
      ...splitCells(before),
      periodicity: periodicity(m[2], labels),
      page: parts[0].page,
      line: parts[0].line,
      // a text dump's rows are read in the ILS columns: no target years, outcomes or baselines
      targetYear: null,
      outcomes: [],
      baseline: null,
    });
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

function parseByPosition(cols: Columns, body: DocLine[], labels: Labels): TableResult<IndicatorRow> {
  const rows: IndicatorRow[] = [];
  const warnings: Message[] = [];
  const hasPeriod = cols.names.includes('periodicity');
  const valueKeys = cols.names.filter((n) => n !== 'name');
  let current: { cells: Map<string, string>; page: number; line: number } | null = null;
  const flush = () => {
    const name = current?.cells.get('name');
    if (!current || !name) return;
    rows.push(rowOf(name, current.cells, cols, labels, current, warnings));
  };
  const leftover: DocLine[] = [];
  for (const line of body) {
    if (!line.text.trim() || classify(line.text, labels).kind === 'indicator-header' || HEADER_TAIL.test(fold(line.text.trim()))) continue;
    const cells = cellsByColumn(cols, line);
    if (!cells.size) continue;
    const name = (cells.get('name') ?? '').replace(ROW_DEBRIS, '');
    // cells are top-aligned: a row's first line carries its periodicity, or (no such column) its first value
    const hasValue = (m: Map<string, string>) => valueKeys.some((k) => m.has(k));
    const startsRow =
      !current ||
      (hasPeriod ? cells.has('periodicity') && current.cells.has('periodicity') : name !== '' && hasValue(cells) && hasValue(current.cells));
    if (startsRow) {
      flush();
      current = { cells: new Map(), page: line.page, line: line.line };
    }
    const c = current!;
    for (const [key, text] of cells) {
      const t = key === 'name' ? name : text;
      if (!t) continue;
      if (key === 'periodicity') c.cells.set(key, t);
      else c.cells.set(key, c.cells.has(key) ? joinFragments(c.cells.get(key)!, t) : t);
    }
  }
  flush();
  return { rows, leftover, warnings };
}

/** One row from its cells by column key (`unitTarget:2023`, `outcome:2021`): the unit target of the latest year when there are several. */
function rowOf(
  name: string,
  cells: Map<string, string>,
  cols: Columns,
  labels: Labels,
  at: { page: number; line: number },
  warnings: Message[],
): IndicatorRow {
  const byRole = (role: string) =>
    cols.names
      .filter((n) => n === role || n.startsWith(`${role}:`))
      .map((n) => ({ year: n.includes(':') ? Number(n.split(':')[1]) : null, text: cells.get(n) ?? '' }))
      .sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const targets = byRole('unitTarget');
  const chosen = targets[targets.length - 1];
  if (targets.length > 1 && chosen.text)
    warnings.push({
      stage: 'parse',
      rule: 'indicator-target-years',
      message: `indicator "${name.slice(0, 60)}": targets for ${targets.map((t) => t.year ?? '?').join(', ')}; the unit target is the ${chosen.year ?? 'last'} column`,
      page: at.page,
      line: at.line,
    });
  const kf = byRole('kfTarget').find((t) => t.text);
  const yearValues = (role: string): YearValue[] =>
    byRole(role).flatMap((v) => {
      const value = parseTarget(v.text);
      return value ? [{ year: v.year, value }] : [];
    });
  const period = cells.get('periodicity');
  return {
    name,
    unitTarget: parseTarget(chosen?.text ?? ''),
    kfTarget: parseTarget(kf?.text ?? ''),
    periodicity: period ? periodicity(period, labels) : null,
    page: at.page,
    line: at.line,
    targetYear: chosen?.year ?? null,
    outcomes: yearValues('outcome'),
    baseline: yearValues('baseline')[0] ?? null,
  };
}
