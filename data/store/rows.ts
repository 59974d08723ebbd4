// Query results as JSON-friendly rows.
import type { DuckDBResultReader } from '@duckdb/node-api';

const INTEGER_TYPES = new Set(['BIGINT', 'HUGEINT', 'UBIGINT', 'UHUGEINT']);

/** getRowsJson gives 64/128-bit integers and decimals as strings; make those numbers where no precision is lost. */
export function jsonRows(r: DuckDBResultReader): unknown[][] {
  const rows = r.getRowsJson() as unknown[][];
  const kinds = r.columnTypes().map((t) => String(t));
  const fix = kinds.map((k, i) => (INTEGER_TYPES.has(k) ? i : k.startsWith('DECIMAL') ? i : -1)).filter((i) => i >= 0);
  if (!fix.length) return rows;
  for (const row of rows) {
    for (const i of fix) {
      const v = row[i];
      if (typeof v !== 'string') continue;
      const n = Number(v);
      if (Number.isFinite(n) && (INTEGER_TYPES.has(kinds[i]) ? Number.isSafeInteger(n) : Math.abs(n) < 2 ** 53)) row[i] = n;
    }
  }
  return rows;
}

/** One value of a streamed row made JSON-friendly: 64-bit integers as numbers where exact, DuckDB's value objects (dates, decimals, lists) as their text. */
export function jsonSafe(v: unknown): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : String(v);
  return String(v);
}
