// `plans report trends|coverage|changes|budget|links`: the comparison views (data/store/compare-views.ts)
// as CSV files a quality officer opens in Excel. The queries do the work in DuckDB; this file only names
// the columns and lays years out as columns where that is what a person compares.
import { join } from 'node:path';
import type { ReadOnlyStore } from '../data/store/read-only.js';
import { type CsvDialect, writeCsv } from './csv.js';
import { pivotYears } from './pivot.js';

export const CSV_REPORTS = ['trends', 'coverage', 'changes', 'budget', 'links'] as const;
export type CsvReport = (typeof CSV_REPORTS)[number];

export interface ReportFilter {
  /** a unit key (`0180:…`) or part of a unit name, case-insensitive */
  unit?: string;
  from?: number;
  to?: number;
}

/** The filter as SQL over a relation with `unit_key`, `unit_name` and `year`: $1 unit, $2 from, $3 to (null filters nothing). */
export const FILTER_SQL = `($1::VARCHAR IS NULL OR unit_key = $1 OR unit_name ILIKE '%' || $1 || '%')
  AND ($2::INTEGER IS NULL OR year >= $2) AND ($3::INTEGER IS NULL OR year <= $3)`;

/** The values of FILTER_SQL's $1–$3. */
export const filterParams = (f: ReportFilter) => [f.unit ?? null, f.from ?? null, f.to ?? null];

const WHERE = FILTER_SQL;

/** `f` fills the filter's $1–$3 (null: the query has none). */
async function objects(db: ReadOnlyStore, sql: string, f: ReportFilter | null): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const r = await db.query(sql, f ? filterParams(f) : []);
  return { columns: r.columns, rows: r.rows.map((row) => Object.fromEntries(r.columns.map((c, k) => [c, row[k]]))) };
}

const years = (f: ReportFilter) =>
  f.from !== undefined && f.to !== undefined ? Array.from({ length: f.to - f.from + 1 }, (_, k) => f.from! + k) : [];

/** Writes one report (two files for trends and budget: years as columns, and the long rows with provenance); returns the paths. */
export async function writeCsvReport(db: ReadOnlyStore, kind: CsvReport, outDir: string, f: ReportFilter, dialect: CsvDialect): Promise<string[]> {
  const file = (name: string) => join(outDir, `${name}.csv`);
  switch (kind) {
    case 'trends': {
      const long = await objects(
        db,
        `SELECT unit_name, unit_key, district, year, indicator_name, indicator_key, printed_name, kf_code, kf_title,
                unit_target_raw, unit_target_value, kf_target_raw, kf_target_value, periodicity, kolada_kpi_id, path, page, line
         FROM indicator_trends WHERE ${WHERE}
         ORDER BY unit_name COLLATE sv, indicator_name COLLATE sv, year, page, line`,
        f,
      );
      // one row per unit and indicator, the unit's target of each year under its year
      const perYear = await objects(
        db,
        `SELECT unit_name, indicator_name, indicator_key, year, string_agg(DISTINCT coalesce(unit_target_raw, '–'), ' | ' ORDER BY coalesce(unit_target_raw, '–')) AS target
         FROM indicator_trends WHERE ${WHERE}
         GROUP BY ALL ORDER BY unit_name COLLATE sv, indicator_name COLLATE sv, year`,
        f,
      );
      const wide = pivotYears(perYear.rows, {
        key: ['unit_name', 'indicator_name', 'indicator_key'],
        year: 'year',
        value: 'target',
        years: years(f),
      });
      return [writeCsv(file('trends'), wide.columns, wide.rows, dialect), writeCsv(file('trends-long'), long.columns, long.rows, dialect)];
    }
    case 'coverage': {
      const r = await objects(
        db,
        `SELECT unit_name, unit_key, district, year, period, kf_level, kf_goal_key, kf_code, kf_title, namndmal, enhetsmal, indicators, activities, page
         FROM goal_coverage WHERE ${WHERE}
         ORDER BY unit_name COLLATE sv, year, kf_level DESC, kf_code`,
        f,
      );
      return [writeCsv(file('coverage'), r.columns, r.rows, dialect)];
    }
    case 'changes': {
      const r = await objects(
        db,
        `SELECT * FROM (
           SELECT unit_name, unit_key, prev_year, year, 'indikator' AS what, change, indicator_name AS subject,
                  prev_name AS before, next_name AS after, prev_unit_target AS target_before, next_unit_target AS target_after,
                  prev_page, next_page
           FROM indicator_changes
           UNION ALL
           SELECT unit_name, unit_key, prev_year, year, level AS what, change, coalesce(next_title, prev_title) AS subject,
                  prev_title AS before, next_title AS after, NULL AS target_before, NULL AS target_after, prev_page, next_page
           FROM goal_changes
         ) WHERE ${WHERE}
         ORDER BY unit_name COLLATE sv, year, what, change, subject COLLATE sv`,
        f,
      );
      return [writeCsv(file('changes'), r.columns, r.rows, dialect)];
    }
    case 'budget': {
      const long = await objects(
        db,
        `SELECT unit_name, unit_key, year, budget_table, grp, label_key, label, amount_tkr, path, page, line
         FROM budget_trends WHERE ${WHERE} ORDER BY unit_name COLLATE sv, year, budget_table, page, line`,
        f,
      );
      // one row per unit and budget line (labels matched across years), the amount of each year under its year
      const perYear = await objects(
        db,
        `SELECT unit_name, budget_table, grp, max(max(label)) OVER (PARTITION BY unit_key, budget_table, grp, label_key) AS label,
                year, sum(amount_tkr) AS amount_tkr
         FROM budget_trends WHERE ${WHERE}
         GROUP BY unit_name, unit_key, budget_table, grp, label_key, year
         ORDER BY unit_name COLLATE sv, budget_table, grp, label COLLATE sv, year`,
        f,
      );
      const wide = pivotYears(perYear.rows, {
        key: ['unit_name', 'budget_table', 'grp', 'label'],
        year: 'year',
        value: 'amount_tkr',
        years: years(f),
      });
      return [writeCsv(file('budget'), wide.columns, wide.rows, dialect), writeCsv(file('budget-long'), long.columns, long.rows, dialect)];
    }
    case 'links': {
      const r = await objects(
        db,
        `SELECT name_a, name_b, score, linked, blocked, same_indicator, reason FROM indicator_links
         ORDER BY same_indicator DESC, score DESC, name_a, name_b`,
        null,
      );
      return [writeCsv(file('links'), r.columns, r.rows, dialect)];
    }
  }
}
