// Query results for people (aligned table), spreadsheets (CSV) and scripts (JSON).
import { stringify } from 'csv-stringify/sync';

export type OutputFormat = 'table' | 'csv' | 'json';

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function formatRows(columns: string[], rows: unknown[][], format: OutputFormat): string {
  if (format === 'json') {
    return `${JSON.stringify(
      rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null]))),
      null,
      2,
    )}\n`;
  }
  if (format === 'csv') return stringify([columns, ...rows.map((r) => r.map(cellText))]);
  const text = [columns, ...rows.map((r) => r.map(cellText))];
  const widths = columns.map((_, i) => Math.min(60, Math.max(...text.map((r) => [...r[i]].length))));
  const fit = (s: string, w: number) => ([...s].length > w ? `${[...s].slice(0, w - 1).join('')}…` : s.padEnd(w));
  const line = (r: string[]) =>
    r
      .map((c, i) => fit(c, widths[i]))
      .join(' │ ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  return `${[line(text[0]), rule, ...text.slice(1).map(line)].join('\n')}\n(${rows.length} row${rows.length === 1 ? '' : 's'})\n`;
}
