// Budget tables: a caption with its unit (`Beloppen anges i TKr`, `Belopp i mnkr`, `Driftbudget (tkr)`),
// column headers with their years and kinds (`Budget 2022`, `Prognos 2021`, `Utfall 2020`), group
// headings (`Intäkter`, `Kostnader`, `Finansiering`) and lines with one amount per column: signs (`-1 200`,
// `−1 200`, `(1 200)`) and decimals (`12,5`). Every word comes from the `budget` words of the
// vocabularies (data/reference/vocabulary-budget.ts); amounts are converted to tkr with the printed value kept.
import { type BudgetWords, mergeBudgetWords } from '../../../data/reference/vocabulary-budget.js';
import type { BudgetColumnKind, BudgetLine, BudgetLineClass, BudgetSumOf, BudgetUnit, DocLine } from '../../../model/document.js';
import { fold } from '../../fold.js';
import { classify, defaultLabels, type Labels } from '../labels.js';
import type { TableResult } from './indicators.js';
import type { Message } from '../../../model/document.js';

export interface BudgetRow {
  group: BudgetLine['group'];
  label: string;
  /** the amount in tkr, signs as printed */
  amountTkr: number;
  page: number;
  line: number;
  amountPrinted: string;
  unit: BudgetUnit;
  /** 1-based amount column */
  column: number;
  year: number | null;
  kind: BudgetColumnKind | null;
  /** the plan year's budget column (the only column of a one-column table) */
  planColumn: boolean;
  lineClass: BudgetLineClass;
  sumOf: BudgetSumOf | null;
}

// ---- the words, compiled -------------------------------------------------------------------------

interface LineWord {
  lineClass: BudgetLineClass;
  sumOf: BudgetSumOf | null;
  last: boolean;
  re: RegExp;
  length: number;
}

interface Compiled {
  words: BudgetWords;
  caption: RegExp | null;
  unitPhrase: RegExp | null;
  units: Array<{ unit: BudgetUnit; factor: number; re: RegExp }>;
  column: RegExp | null;
  columnKinds: Array<{ kind: BudgetColumnKind; re: RegExp }>;
  other: RegExp | null;
  groups: Array<{ group: 'intakter' | 'kostnader' | 'finansiering'; re: RegExp }>;
  /** whole labels and label beginnings, longest first */
  prefixes: LineWord[];
  /** compound endings (`-kostnader`), longest first */
  endings: LineWord[];
  tkr: { unit: BudgetUnit; factor: number };
}

/** one or two characters where the word has å, ä or ö (OCR, mojibake) */
const V = '\\S{1,2}';

/** A word as a pattern on folded text: case and diacritics ignored, å/ä/ö as one or two characters. */
function wordPattern(word: string): string {
  let out = '';
  for (const c of word.normalize('NFC').trim().replace(/\s+/g, ' ')) {
    if (/[åäöÅÄÖ]/.test(c)) out += V;
    else if (c === ' ') out += '\\s+';
    else out += fold(c).replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return out;
}

const alternation = (words: string[]): string | null => {
  if (!words.length) return null;
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(wordPattern)
    .join('|');
};

const compiled = new WeakMap<readonly unknown[], Compiled>();

function compile(labels: Labels): Compiled {
  const hit = compiled.get(labels.vocabularies);
  if (hit) return hit;
  const words = mergeBudgetWords(labels.vocabularies);
  const units = words.units.flatMap((u) => u.words.map((w) => ({ unit: u.unit, factor: u.factor, re: new RegExp(`^(?:${wordPattern(w)})$`), w })));
  const unitAlt = alternation(words.units.flatMap((u) => u.words));
  const captionAlt = alternation(words.captions);
  const columnAlt = alternation(words.columns.flatMap((c) => c.words));
  const otherAlt = alternation(words.otherColumns);
  const lineWords = words.lines.flatMap((l) =>
    l.words.map((w) => ({ lineClass: l.lineClass, sumOf: l.sumOf ?? null, last: l.last ?? false, w: w.trim() })),
  );
  const toLineWord = (x: (typeof lineWords)[number], ending: boolean): LineWord => ({
    lineClass: x.lineClass,
    sumOf: x.sumOf,
    last: x.last,
    re: ending ? new RegExp(`${wordPattern(x.w.slice(1))}$`) : new RegExp(`^(?:${wordPattern(x.w)})(?![\\p{L}\\p{N}])`, 'u'),
    length: x.w.length,
  });
  const byLength = (a: LineWord, b: LineWord) => b.length - a.length;
  const tkr = units.find((u) => u.unit === 'tkr');
  const c: Compiled = {
    words,
    caption: captionAlt ? new RegExp(`^(?:${captionAlt})(?![\\p{L}\\p{N}])`, 'u') : null,
    // `tkr`, `(mnkr)`, `Belopp i tkr`, `Beloppen anges i TKr`, `mnkr.`
    unitPhrase: unitAlt ? new RegExp(`^\\(?(?:(?:belopp(?:en)?\\s+)?(?:anges\\s+)?i\\s+)?(${unitAlt})\\.?\\)?(?![\\p{L}\\p{N}])`, 'u') : null,
    units,
    // `Budget`, `Budget 2022`, `Utfall 2020`, `Prognos T2 2021`: a kind word and the year
    column: columnAlt ? new RegExp(`^(${columnAlt})(?:\\s*[:.]?\\s*((?:19|20)\\d{2}))?(?![\\p{L}\\p{N}])`, 'u') : null,
    columnKinds: words.columns.flatMap((k) => k.words.map((w) => ({ kind: k.kind, re: new RegExp(`^(?:${wordPattern(w)})$`) }))),
    other: otherAlt ? new RegExp(`^(?:${otherAlt})(?:\\s*\\(?%\\)?)?(?:\\s+(?:19|20)\\d{2})?(?![\\p{L}\\p{N}])`, 'u') : null,
    groups: words.groups.flatMap((g) => g.headings.map((h) => ({ group: g.group, re: new RegExp(`^(?:${wordPattern(h)})$`) }))),
    prefixes: lineWords
      .filter((x) => !x.w.startsWith('-'))
      .map((x) => toLineWord(x, false))
      .sort(byLength),
    endings: lineWords
      .filter((x) => x.w.startsWith('-'))
      .map((x) => toLineWord(x, true))
      .sort(byLength),
    tkr: tkr ? { unit: tkr.unit, factor: tkr.factor } : { unit: 'tkr', factor: 1 },
  };
  compiled.set(labels.vocabularies, c);
  return c;
}

/** The folded text of a label or header for matching: markdown marks and a trailing colon gone. */
function folded(text: string): string {
  return fold(text.replace(/[*#_|]/g, ' ').replace(/^[\s"'«»“”„.,:;·-]+/, ''))
    .replace(/[\s:;]+$/, '')
    .trim();
}

function unitOf(c: Compiled, word: string): { unit: BudgetUnit; factor: number } | null {
  const f = fold(word).replace(/^\(|\)$/g, '');
  const bare = f.replace(/\.$/, '');
  const u = c.units.find((x) => x.re.test(f) || x.re.test(bare));
  return u ? { unit: u.unit, factor: u.factor } : null;
}

// ---- pieces of a line: cells, pipe cells, space-aligned columns, with positions ----------------------

interface Piece {
  text: string;
  x0: number;
  x1: number;
}

interface Pieces {
  pieces: Piece[];
  /** positions are PDF points (cells) or character offsets of a space-aligned export; null: no columns */
  space: 'pt' | 'ch' | null;
}

function piecesOf(line: DocLine): Pieces {
  if (line.cells && line.cells.length > 1) {
    return { pieces: line.cells.filter((c) => c.text.trim()).map((c) => ({ text: c.text, x0: c.x0, x1: c.x1 })), space: 'pt' };
  }
  const text = line.text;
  const sep = text.includes('|') ? /\|/g : /\t| {2,}|\u00a0{2,}/g;
  const pieces: Piece[] = [];
  let at = 0;
  const push = (end: number) => {
    const raw = text.slice(at, end);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) pieces.push({ text: t, x0: at + lead, x1: at + lead + t.length });
  };
  for (const m of text.matchAll(sep)) {
    push(m.index);
    at = m.index + m[0].length;
  }
  push(text.length);
  return { pieces, space: pieces.length > 1 ? 'ch' : null };
}

/** the words of the pieces with their positions (within a cell, proportional to the characters) */
interface Token {
  text: string;
  x0: number;
  x1: number;
  /** the first word of its piece: an amount never runs across pieces */
  starts: boolean;
}

function tokensOf(p: Pieces): Token[] {
  const out: Token[] = [];
  for (const piece of p.pieces) {
    const scale = piece.text.length ? (piece.x1 - piece.x0) / piece.text.length : 0;
    let first = true;
    for (const m of piece.text.matchAll(/[^\s\u00a0\u202f\u2009]+/g)) {
      out.push({ text: m[0], x0: piece.x0 + m.index * scale, x1: piece.x0 + (m.index + m[0].length) * scale, starts: first });
      first = false;
    }
  }
  return out;
}

// ---- amounts -----------------------------------------------------------------------------------------

/** `12,5` → 12.5, `−1 200` → -1200, `(1 200)` → -1200; null when the text is no amount. */
export function parseAmount(printed: string): number | null {
  let s = printed.trim().replace(/%$/, '').trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (/^[-−–]/.test(s)) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  s = s.replace(/[\s\u00a0\u202f\u2009]/g, '');
  if (/^\d+,\d+$/.test(s)) s = s.replace(',', '.');
  else if (/^[1-9]\d{0,2}(?:\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  else if (!/^\d+(?:\.\d+)?$/.test(s)) return null;
  const v = Number(s);
  return negative && v !== 0 ? -v : v;
}

/** decimals printed (`12,5` → 1) */
export function decimalsOf(printed: string): number {
  return /[,.](\d{1,2})\)?%?$/.exec(printed.trim())?.[1].length ?? 0;
}

const START = /^\(?[-−–+]?\(?\d+(?:[,.]\d+)?\)?%?$/;
const GROUP = /^\d{3}(?:,\d+)?\)?%?$/;
const PLACEHOLDER = /^(?:[-−–—]+|\.\.)$/;

interface Amount {
  /** as printed; null for an empty cell (`–`) */
  printed: string | null;
  unit: { unit: BudgetUnit; factor: number } | null;
  percent: boolean;
  x0: number;
  x1: number;
  /** index of the first token */
  from: number;
}

/** Can tokens[i..j] (inclusive) be one amount: a start and 3-digit groups, a parenthesis closed at the end? */
function oneAmount(t: Token[], i: number, j: number): boolean {
  const s = t[i].text;
  if (!START.test(s)) return false;
  if (j === i) return s.includes('(') === s.includes(')');
  if (!/^\(?[-−–+]?\(?\d{1,3}$/.test(s)) return false;
  for (let k = i + 1; k <= j; k++) {
    if (t[k].starts || !GROUP.test(t[k].text)) return false;
    if (k < j && !/^\d{3}$/.test(t[k].text)) return false;
  }
  const opened = s.includes('(');
  return opened === t[j].text.includes(')');
}

/** The ways tokens[from..] split into amounts (each optionally followed by a unit word or `%`). */
function partitions(c: Compiled, t: Token[], from: number, limit = 256): Amount[][] {
  const out: Amount[][] = [];
  const walk = (i: number, acc: Amount[]) => {
    if (out.length >= limit) return;
    if (i === t.length) {
      out.push(acc);
      return;
    }
    if (PLACEHOLDER.test(t[i].text)) {
      walk(i + 1, [...acc, { printed: null, unit: null, percent: false, x0: t[i].x0, x1: t[i].x1, from: i }]);
      return;
    }
    for (let j = i; j < t.length && j < i + 6; j++) {
      if (!oneAmount(t, i, j)) continue;
      const printed = t
        .slice(i, j + 1)
        .map((x) => x.text)
        .join(' ');
      const base = { printed, percent: printed.endsWith('%'), x0: t[i].x0, x1: t[j].x1, from: i };
      // a unit word or `%` after the amount, in its cell
      const next = t[j + 1];
      if (next && !next.starts && (next.text === '%' || unitOf(c, next.text))) {
        walk(j + 2, [
          ...acc,
          { ...base, unit: next.text === '%' ? null : unitOf(c, next.text), percent: next.text === '%' || base.percent, x1: next.x1 },
        ]);
      }
      walk(j + 1, [...acc, { ...base, unit: null }]);
    }
  };
  walk(from, []);
  return out;
}

const AMOUNTISH = /^(?:\(?[-−–+]?\(?\d+(?:[,.]\d+)?\)?%?|[-−–—]+|\.\.|%)$/;

/** digits before the decimal comma: how big an amount looks */
const size = (a: Amount) => (a.printed ? a.printed.replace(/[,.]\d+\)?%?$/, '').replace(/\D/g, '').length : 0);

function spread(as: Amount[]): number {
  const s = as.filter((a) => a.printed).map(size);
  if (s.length < 2) return 0;
  const mean = s.reduce((x, y) => x + y, 0) / s.length;
  return s.reduce((x, y) => x + (y - mean) ** 2, 0);
}

/** A line read as a label and its amounts; null when it ends in no amount. */
function amountLine(c: Compiled, line: DocLine, want: number): { label: string; amounts: Amount[]; space: Pieces['space'] } | null {
  const p = piecesOf(line);
  const t = tokensOf(p);
  // prose ends with a full stop; a table line ends with its last amount
  if (/\.$/.test(line.text.trim())) return null;
  let from = t.length;
  // amounts, empty cells (`–`), and a unit word after an amount (`1 200 kr`)
  while (from > 0 && (AMOUNTISH.test(t[from - 1].text) || (unitOf(c, t[from - 1].text) && /\d/.test(t[from - 2]?.text ?? '')))) from--;
  if (from === t.length) return null;
  // the amounts begin at a number (or an empty cell), never at a lone `%` or unit word
  while (from < t.length && !START.test(t[from].text) && !PLACEHOLDER.test(t[from].text)) from++;
  let best: Amount[] | null = null;
  let labelEnd = from;
  // try the longest run of amount tokens first; give leading ones back to the label when they do not fit
  for (let start = from; start < t.length && !best; start++) {
    const all = partitions(c, t, start);
    if (!all.length) continue;
    const counted = (as: Amount[]) => as.length;
    const exact = want > 0 ? all.filter((as) => counted(as) === want) : [];
    if (exact.length) best = exact.reduce((a, b) => (spread(b) < spread(a) ? b : a));
    else if (want > 0 && all.some((as) => counted(as) < want)) {
      // fewer amounts than columns (an empty cell left blank): as many as fit
      const fit = all.filter((as) => counted(as) < want);
      const n = Math.max(...fit.map(counted));
      best = fit.filter((as) => counted(as) === n).reduce((a, b) => (spread(b) < spread(a) ? b : a));
    } else if (want === 0) best = all.reduce((a, b) => (b.length < a.length ? b : a));
    else continue;
    labelEnd = start;
  }
  if (!best) {
    // more amounts than columns: the right-most ones are the table's
    const all = partitions(c, t, from);
    if (!all.length) return null;
    const fewest = all.reduce((a, b) => (b.length < a.length ? b : a));
    best = fewest.slice(-want);
    labelEnd = best[0].from;
  }
  const label = t
    .slice(0, labelEnd)
    .map((x) => x.text)
    .join(' ')
    .replace(/[*]+/g, '')
    .replace(/^[\s|#]+|[\s|]+$/g, '')
    .trim();
  if (!/\p{L}/u.test(label) || label.length > 100) return null;
  return { label, amounts: best, space: p.space };
}

// ---- headers -----------------------------------------------------------------------------------------

interface Column {
  kind: BudgetColumnKind | null;
  year: number | null;
  /** a column of no amounts of the line (`Förändring %`) */
  other: boolean;
  x0: number;
  x1: number;
}

interface Header {
  columns: Column[];
  unit: { unit: BudgetUnit; factor: number } | null;
  caption: boolean;
  /** only bare years (`2022  2021  2020`): the second line of a two-line header */
  yearsOnly: boolean;
  space: Pieces['space'];
}

/**
 * A header line: a caption, a unit, and column headers (`Belopp i mnkr  Budget 2022  Prognos 2021`),
 * every word of the line one of them; null when a word is none.
 */
function headerOf(c: Compiled, line: DocLine): Header | null {
  const p = piecesOf(line);
  const h: Header = { columns: [], unit: null, caption: false, yearsOnly: true, space: p.space };
  for (const [k, piece] of p.pieces.entries()) {
    const text = fold(piece.text.replace(/[*#_]/g, ' ')).replace(/\s+/g, ' ');
    const scale = text.length ? (piece.x1 - piece.x0) / text.length : 0;
    let at = k === 0 ? ownCaption(c, text) : 0;
    if (at > 0) h.caption = true;
    while (at < text.length) {
      const rest = text.slice(at);
      const skip = /^[\s,;:/|()–-]+/.exec(rest);
      if (skip) {
        at += skip[0].length;
        continue;
      }
      const found: Array<{ len: number; take: () => void }> = [];
      const col = c.column?.exec(rest);
      if (col) {
        const kindWord = col[1];
        const kind = c.columnKinds.find((k) => k.re.test(kindWord))?.kind ?? null;
        found.push({
          len: col[0].length,
          take: () => {
            h.columns.push({
              kind,
              year: col[2] ? Number(col[2]) : null,
              other: false,
              x0: piece.x0 + at * scale,
              x1: piece.x0 + (at + col[0].length) * scale,
            });
            h.yearsOnly = false;
          },
        });
      }
      const year = /^((?:19|20)\d{2})(?![\p{L}\p{N}])/u.exec(rest);
      if (year) {
        found.push({
          len: year[0].length,
          take: () =>
            h.columns.push({
              kind: null,
              year: Number(year[1]),
              other: false,
              x0: piece.x0 + at * scale,
              x1: piece.x0 + (at + year[0].length) * scale,
            }),
        });
      }
      const other = c.other?.exec(rest);
      if (other) {
        found.push({
          len: other[0].length,
          take: () => {
            h.columns.push({ kind: null, year: null, other: true, x0: piece.x0 + at * scale, x1: piece.x0 + (at + other[0].length) * scale });
            h.yearsOnly = false;
          },
        });
      }
      const unit = c.unitPhrase?.exec(rest);
      if (unit) {
        found.push({
          len: unit[0].length,
          take: () => {
            h.unit = unitOf(c, unit[1]);
            h.yearsOnly = false;
          },
        });
      }
      const cap = c.caption?.exec(rest);
      if (cap) {
        found.push({
          len: cap[0].length,
          take: () => {
            h.caption = true;
            h.yearsOnly = false;
          },
        });
      }
      if (!found.length) return null;
      const longest = found.reduce((a, b) => (b.len > a.len ? b : a));
      longest.take();
      at += longest.len;
    }
  }
  if (!h.columns.length && !h.unit && !h.caption) return null;
  if (h.yearsOnly && !h.columns.length) h.yearsOnly = false;
  return h;
}

/**
 * A caption of the plan's own words before a unit (`Nämndens driftbudget (mnkr)`, `Äldreomsorgens
 * ekonomi, tkr`): up to six words without digits that no budget word begins; returns where the unit
 * begins, 0 when there is no such caption.
 */
function ownCaption(c: Compiled, text: string): number {
  if (!c.unitPhrase || /^\s*\d/.test(text)) return 0;
  for (const m of text.matchAll(/(?:,\s*|\s+(?=\()|\s+(?=i\s))/g)) {
    const prefix = text.slice(0, m.index);
    if (/\d/.test(prefix) || prefix.split(' ').length > 6 || !/\p{L}/u.test(prefix)) return 0;
    const at = m.index + m[0].length;
    if (c.unitPhrase.exec(text.slice(at))) return c.caption?.test(prefix) || c.column?.test(prefix) ? 0 : at;
  }
  return 0;
}

/** A header that opens a table by itself: a unit, or two year columns or more. */
function opens(h: Header): boolean {
  return h.unit !== null || h.columns.filter((c) => !c.other && (c.year !== null || c.kind !== null)).length >= 2;
}

/** A header line: every word a caption, unit or column header, its numbers years (`Budget 2025`). */
function isHeaderLine(c: Compiled, line: DocLine): boolean {
  if (!headerOf(c, line)) return false;
  const m = amountLine(c, line, 0);
  return !m || m.amounts.every((a) => a.printed !== null && /^(?:19|20)\d{2}$/.test(a.printed));
}

/** A group heading alone on its line (`Intäkter`, `Kostnader:`). */
function groupOf(c: Compiled, text: string): 'intakter' | 'kostnader' | 'finansiering' | null {
  const f = folded(text);
  return c.groups.find((g) => g.re.test(f))?.group ?? null;
}

const isBlank = (l: DocLine) => l.text.replace(/[\s|:\-–]/g, '') === '';

/**
 * Line `i` opens a budget table of the general reader: a header with a unit or with several year columns
 * (`Belopp i mnkr  Budget 2022  Prognos 2021  Utfall 2020`, `Driftbudget (tkr)`), followed within a few
 * lines by a group heading or an amount line. (`Beloppen anges i TKr` is a header of `classify`.)
 */
export function opensBudgetTable(lines: DocLine[], i: number, labels: Labels = defaultLabels()): boolean {
  const c = compile(labels);
  const h = headerOf(c, lines[i]);
  if (!h || !opens(h)) return false;
  // a group heading, a line the budget words know (`Kommunbidrag`, `Personalkostnader`) or two amount lines
  let seen = 0;
  let amounts = 0;
  for (let j = i + 1; j < lines.length && seen < 5; j++) {
    if (isBlank(lines[j])) continue;
    seen++;
    if (groupOf(c, lines[j].text)) return true;
    const m = isHeaderLine(c, lines[j]) ? null : amountLine(c, lines[j], h.columns.length);
    if (m) {
      if (lineWord(c, m.label) || endingWord(c, m.label) || groupOf(c, m.label)) return true;
      // lines the words do not know count when they fill the header's columns, with amounts that are no years
      const fills = h.columns.length > 0 && m.amounts.length === h.columns.length;
      if (fills && !m.amounts.every((a) => a.printed && /^(?:19|20)\d{2}$/.test(a.printed)) && ++amounts >= 2) return true;
      amounts = Math.max(amounts, 1);
      continue;
    }
    if (amounts > 0 || !headerOf(c, lines[j])) return false;
  }
  return false;
}

/**
 * A budget header at `next` continues the table opened at `header` (a header repeated on the next page)
 * unless the table's last line (`Summa netto`) stands before it or it is another table's header.
 */
export function continuesBudgetTable(header: DocLine, before: DocLine[], next: DocLine, labels: Labels = defaultLabels()): boolean {
  const c = compile(labels);
  const read = before.map((l) => (isHeaderLine(c, l) ? null : amountLine(c, l, 0)));
  // before the first amount line, a header is the header's next line (`Budget  Plan` over `2022  2023`)
  if (read.every((m) => m === null)) return true;
  if (read.some((m) => m !== null && lineWord(c, m.label)?.last === true)) return false;
  return classify(next.text, labels).kind === 'budget-header' || folded(next.text) === folded(header.text);
}

// ---- lines -------------------------------------------------------------------------------------------

function lineWord(c: Compiled, label: string): LineWord | null {
  const f = folded(label);
  return c.prefixes.find((w) => w.re.test(f)) ?? null;
}

function endingWord(c: Compiled, label: string): LineWord | null {
  const f = folded(label);
  return c.endings.find((w) => w.re.test(f)) ?? null;
}

const CLASS_OF: Record<'intakter' | 'kostnader' | 'finansiering', BudgetLineClass> = {
  intakter: 'income',
  kostnader: 'cost',
  finansiering: 'financing',
};
const GROUP_OF: Record<'income' | 'cost' | 'financing', 'intakter' | 'kostnader' | 'finansiering'> = {
  income: 'intakter',
  cost: 'kostnader',
  financing: 'finansiering',
};

/** The plan year's budget column: the latest `Budget` column (the plan year is the latest budgeted). */
function planColumnOf(cols: Column[]): number {
  const amounts = cols.map((c, i) => ({ c, i })).filter((x) => !x.c.other);
  if (!amounts.length) return 0;
  const budget = amounts.filter((x) => x.c.kind === 'budget');
  const pool = budget.length ? budget : amounts.filter((x) => x.c.kind === null).length ? amounts.filter((x) => x.c.kind === null) : amounts;
  return pool.reduce((a, b) => ((b.c.year ?? -1) > (a.c.year ?? -1) ? b : a)).i;
}

/** Amounts placed in the header's columns: in order when they match in number, else by position. */
function place(amounts: Amount[], cols: Column[], lineSpace: Pieces['space'], headerSpace: Pieces['space']): number[] {
  if (amounts.length === cols.length || !lineSpace || lineSpace !== headerSpace) return amounts.map((_, k) => k);
  const out: number[] = [];
  let last = -1;
  amounts.forEach((a, k) => {
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    // leave a column for each amount still to come
    for (let ci = last + 1; ci <= cols.length - (amounts.length - k); ci++) {
      const col = cols[ci];
      const d = Math.min(Math.abs(col.x1 - a.x1), Math.abs((col.x0 + col.x1) / 2 - (a.x0 + a.x1) / 2));
      if (d < bestD) {
        bestD = d;
        best = ci;
      }
    }
    out.push(best);
    last = best;
  });
  return out;
}

/**
 * A budget table: the lines under its header (`header`, the line that opened it, may carry the caption,
 * the unit and the column headers). One row per line and amount column; the table ends at its last line
 * (`Summa netto`, and the sum and financing lines after it) or at a line that is no part of it.
 */
export function parseBudgetTable(body: DocLine[], labels: Labels = defaultLabels(), header?: DocLine): TableResult<BudgetRow> {
  const c = compile(labels);
  const rows: BudgetRow[] = [];
  /** whether each row's amount printed its own unit (`1 200 kr`) */
  const rowUnits: boolean[] = [];
  let cols: Column[] = [];
  let headerSpace: Pieces['space'] = null;
  let unit = c.tkr;
  let unitPrinted = false;
  let plan = 0;
  const useHeader = (h: Header) => {
    if (h.unit) {
      unit = h.unit;
      unitPrinted = true;
    }
    if (h.yearsOnly && cols.length === h.columns.length && cols.every((x) => x.year === null)) {
      // `Budget  Prognos  Utfall` over `2022  2021  2020`
      cols = cols.map((x, k) => ({ ...x, year: h.columns[k].year }));
    } else if (h.columns.length) {
      cols = h.columns;
      headerSpace = h.space;
    }
    plan = planColumnOf(cols);
  };
  const headers = new Set<string>();
  if (header) {
    const h = headerOf(c, header);
    if (h) useHeader(h);
    headers.add(folded(header.text));
  }
  let group: 'intakter' | 'kostnader' | 'finansiering' | null = null;
  let ended = false;
  let pendingLabel: string | null = null;
  let i = 0;
  for (; i < body.length; i++) {
    const line = body[i];
    const t = line.text.trim();
    if (!t || /^\|?[\s:|-]+\|?$/.test(t)) continue;
    const heading = groupOf(c, t);
    if (heading && !amountLine(c, line, cols.length)) {
      if (ended) break;
      group = heading;
      continue;
    }
    if (isHeaderLine(c, line)) {
      // the header's lines before the first row; after them only a repeat of one (a new page) continues
      const key = folded(t);
      if (rows.length === 0 && !ended) {
        useHeader(headerOf(c, line)!);
        headers.add(key);
        continue;
      }
      if (headers.has(key) && !ended) continue;
      break;
    }
    const m = amountLine(c, line, cols.length);
    if (!m) {
      // a label wrapped onto the next line (`Entreprenader och köp av` / `verksamhet 40 806`)
      const next = body.slice(i + 1).find((l) => !isBlank(l));
      const nm = next ? amountLine(c, next, cols.length) : null;
      if (!ended && nm && /^\p{Ll}/u.test(nm.label) && /\p{L}/u.test(t) && t.length < 80) {
        pendingLabel = pendingLabel ? `${pendingLabel} ${t}` : t;
        continue;
      }
      break;
    }
    const label = (pendingLabel ? `${pendingLabel} ${m.label}` : m.label).replace(/\s+/g, ' ');
    pendingLabel = null;
    const word = lineWord(c, label);
    if (ended && !(word && (word.lineClass === 'sum' || word.lineClass === 'financing'))) break;
    // what the line is: a sum or financing word first, then the heading it stands under, then its words
    let lineClass: BudgetLineClass;
    let sumOf: BudgetSumOf | null = null;
    if (word && (word.lineClass === 'sum' || word.lineClass === 'financing')) {
      lineClass = word.lineClass;
      sumOf = word.sumOf;
    } else if (groupOf(c, label)) lineClass = CLASS_OF[groupOf(c, label)!];
    else if (group) lineClass = CLASS_OF[group];
    else lineClass = (word ?? endingWord(c, label))?.lineClass ?? 'cost';
    let lineGroup: BudgetLine['group'];
    if (lineClass === 'sum') lineGroup = 'summa';
    else if (lineClass === 'financing') lineGroup = !sumOf && (group === 'intakter' || group === 'finansiering') ? group : 'finansiering';
    else lineGroup = groupOf(c, label) ?? group ?? GROUP_OF[lineClass];
    if (!cols.length) {
      cols = m.amounts.map((a) => ({ kind: null, year: null, other: false, x0: a.x0, x1: a.x1 }));
      headerSpace = m.space;
      plan = planColumnOf(cols);
    }
    const at = place(m.amounts, cols, m.space, headerSpace);
    m.amounts.forEach((a, k) => {
      const col = cols[at[k]];
      if (!col || col.other || a.percent || a.printed === null) return;
      const value = parseAmount(a.printed);
      if (value === null) return;
      const u = a.unit ?? unit;
      rowUnits.push(a.unit !== null);
      rows.push({
        group: lineGroup,
        label,
        amountTkr: Math.round(value * u.factor * 1e6) / 1e6 || 0,
        page: line.page,
        line: line.line,
        amountPrinted: a.printed,
        unit: u.unit,
        column: at[k] + 1,
        year: col.year,
        kind: col.kind,
        planColumn: at[k] === plan,
        lineClass,
        sumOf,
      });
    });
    // a total closes the heading it totals (`Summa kostnader`); what follows is no cost
    if (sumOf || lineClass === 'sum') group = null;
    if (word?.last) ended = true;
  }
  const assumed = unitPrinted ? undefined : rows.find((_, k) => !rowUnits[k]);
  const warnings: Message[] = assumed
    ? [
        {
          stage: 'parse',
          rule: 'budget-unit-assumed',
          message: `a budget table prints no unit (tkr, mnkr, kr): its amounts are read as ${c.tkr.unit}`,
          page: assumed.page,
          line: assumed.line,
        },
      ]
    : [];
  return { rows, leftover: body.slice(i), warnings };
}

/**
 * The plan year's budget column, once the plan's year is known (the metadata is read after the
 * structure): in each table with a `Budget` column of that year, that column's rows are the plan
 * column's; a one-column table's column without a year (`Budget`) gets the plan's year. Tables
 * without either keep the column chosen from their headers (the latest `Budget` column).
 */
export function markPlanYear(lines: BudgetLine[], year: number | null): BudgetLine[] {
  if (year === null) return lines;
  const out = lines.map((l) => ({ ...l }));
  for (const t of new Set(out.map((l) => l.table))) {
    const rows = out.filter((l) => l.table === t);
    const hit = rows.find((l) => l.kind === 'budget' && l.year === year);
    if (hit) for (const l of rows) l.planColumn = l.column === hit.column;
    else if (rows.every((l) => (l.column ?? 1) === 1 && l.year == null)) for (const l of rows) l.year = year;
  }
  return out;
}
