// CSV files of report rows, in two dialects:
//   'sv'  (default) for Swedish Excel: UTF-8 with BOM, `;` between cells, decimal comma (1234,5; no
//         thousands separator), CRLF line ends.
//   'rfc' (RFC 4180) for scripts: UTF-8 without BOM, `,` between cells, decimal point, CRLF line ends.
// Both end every record, the last included, with CRLF (RFC 4180's line break, and what Excel writes).
// Cells holding the separator, a double quote or a line break are quoted (`"` doubled inside). Numbers
// stay numbers; text that a spreadsheet would run as a formula starts with `'` (see csv-cell.ts).
// Pass rows as @duckdb/node-api returns them from getRowObjects()/getRowObjectsJS() (numbers, bigints,
// DECIMAL values); the *Json() variants turn numbers into strings, which are then written as text.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { type CsvDialect, csvCell } from './csv-cell.js';

export type { CsvDialect } from './csv-cell.js';

const SEPARATOR: Record<CsvDialect, string> = { sv: ';', rfc: ',' };

/**
 * The CSV text of `rows` under a header row of `columns` (each column is a key of the rows; a key a
 * row lacks is an empty cell). For 'sv' the text starts with U+FEFF, the BOM once encoded as UTF-8.
 */
export function formatCsv(columns: readonly string[], rows: readonly Record<string, unknown>[], dialect: CsvDialect = 'sv'): string {
  const records = [columns.map((c) => csvCell(c, dialect)), ...rows.map((row) => columns.map((c) => csvCell(row[c], dialect)))];
  return stringify(records, {
    bom: dialect === 'sv',
    delimiter: SEPARATOR[dialect],
    record_delimiter: '\r\n',
    // without this, a custom record_delimiter turns off the quoting of a lone \n or \r in a cell
    quote_record_delimiter: true,
    quote: '"',
    escape: '"',
    eof: true,
  });
}

/** Writes `formatCsv(columns, rows, dialect)` to `path` as UTF-8 (creating its folder); returns `path`. */
export function writeCsv(path: string, columns: readonly string[], rows: readonly Record<string, unknown>[], dialect: CsvDialect = 'sv'): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatCsv(columns, rows, dialect), 'utf8');
  return path;
}
