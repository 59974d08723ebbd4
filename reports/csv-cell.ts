// One CSV cell as text: numbers in the dialect's decimal notation, text neutralised against formula
// injection (OWASP "CSV Injection"), null as an empty cell. Pure; the quoting is csv-stringify's job.

export type CsvDialect = 'sv' | 'rfc';

/**
 * First characters that make a spreadsheet read a cell as a formula (OWASP: `=`, `+`, `-`, `@`, tab,
 * carriage return), with the full-width forms Apple Numbers normalises to them.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** A text cell that a spreadsheet would run as a formula gets a leading `'` (shown as text, not run). */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_START.has(text[0]) ? `'${text}` : text;
}

/** A DuckDB DECIMAL as @duckdb/node-api returns it (`DuckDBDecimalValue`): exact digits, no float. */
interface DecimalLike {
  value: bigint;
  width: number;
  scale: number;
  toString(): string;
}

function isDecimalLike(v: object): v is DecimalLike {
  const d = v as Partial<DecimalLike>;
  return typeof d.value === 'bigint' && typeof d.width === 'number' && typeof d.scale === 'number';
}

/** A finite number in plain notation (never `1e-7` or `1e+21`), `.` as decimal mark, no grouping. */
function plainNumber(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** Decimal digits (`-12.5`, `1234`) in the dialect: `sv` swaps the decimal point for a comma. */
function decimalText(digits: string, dialect: CsvDialect): string {
  return dialect === 'sv' ? digits.replace('.', ',') : digits;
}

/** A number-valued cell's text, or null when `v` is not a number. NaN and ±Infinity are empty cells. */
function numberText(v: unknown, dialect: CsvDialect): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? decimalText(plainNumber(v), dialect) : '';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'object' && v !== null && isDecimalLike(v)) return decimalText(v.toString(), dialect);
  return null;
}

const jsonReplacer = (_key: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

/** Text of a non-number value: dates as ISO (a UTC midnight, as DuckDB DATEs come, as the date alone), objects with their own toString (DuckDB values) by it, others as JSON. */
function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && v.toString !== Object.prototype.toString) return String(v);
  return JSON.stringify(v, jsonReplacer) ?? String(v);
}

/**
 * The text of one CSV cell. Numbers (JS number, bigint, DuckDB DECIMAL values) are written as numbers —
 * negative ones too, never neutralised; every other value is text and neutralised. null/undefined: ''.
 */
export function csvCell(v: unknown, dialect: CsvDialect): string {
  if (v === null || v === undefined) return '';
  const n = numberText(v, dialect);
  return n ?? neutraliseFormula(textOf(v));
}
