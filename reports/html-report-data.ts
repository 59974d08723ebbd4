// The HTML report's input (ReportData, report-data.ts) queried from the comparison views: DuckDB groups
// and nests the rows (list of structs, to_json), so this file only names what goes where.
import type { ReadOnlyStore } from '../data/store/read-only.js';
import { FILTER_SQL as WHERE, filterParams, type ReportFilter } from './compare-report.js';
import type { ReportData } from './report-data.js';

async function json<T>(db: ReadOnlyStore, sql: string, f: ReportFilter): Promise<T[]> {
  const r = await db.query(sql, filterParams(f));
  return r.rows.map((row) => JSON.parse(String(row[0])) as T);
}

const UNITS = `
WITH t AS (SELECT * FROM indicator_trends WHERE ${WHERE}),
trends AS (
  SELECT unit_key, indicator_key,
         {indicatorKey: indicator_key, indicatorName: any_value(indicator_name),
          kfGoal: max(coalesce(kf_code || ' ', '') || kf_title),
          valueUnit: max(CASE WHEN unit_target_kind = 'percent' OR kf_target_kind = 'percent' THEN '%' END),
          points: list({year: year, unitTargetValue: unit_target_value, kfTargetValue: kf_target_value,
                        unitTargetRaw: unit_target_raw, kfTargetRaw: kf_target_raw, documentId: document_id, page: page}
                       ORDER BY year, page, line)} AS trend
  FROM t GROUP BY unit_key, indicator_key
),
coverage AS (
  SELECT unit_key, list({year: year, kfGoalKey: kf_goal_key, kfGoal: coalesce(kf_code || ' ', '') || kf_title, namndmal: namndmal,
                         enhetsmal: enhetsmal, indicators: indicators, activities: activities, documentId: document_id, page: page}
                        ORDER BY year, kf_code) AS rows
  FROM goal_coverage WHERE kf_level = 'kf_verksamhetsmal' AND ${WHERE} GROUP BY unit_key
),
changes AS (
  SELECT unit_key, list(c ORDER BY c.toYear, c.kind, c.subject) AS rows FROM (
    SELECT unit_key, unit_name, year, {fromYear: prev_year, toYear: year,
            kind: CASE change WHEN 'added' THEN 'indicator-added' WHEN 'dropped' THEN 'indicator-dropped'
                              WHEN 'renamed' THEN 'indicator-renamed' ELSE 'target-moved' END,
            subject: indicator_name, level: NULL::VARCHAR,
            before: CASE WHEN renamed THEN prev_name ELSE prev_unit_target END,
            after: CASE WHEN renamed THEN next_name ELSE next_unit_target END,
            "from": CASE WHEN prev_name IS NOT NULL THEN {documentId: prev_document_id, page: prev_page} END,
            "to": CASE WHEN next_name IS NOT NULL THEN {documentId: next_document_id, page: next_page} END} AS c
    FROM indicator_changes
    UNION ALL
    SELECT unit_key, unit_name, year, {fromYear: prev_year, toYear: year, kind: 'goal-' || change,
            subject: coalesce(next_title, prev_title), level: level, before: prev_title, after: next_title,
            "from": CASE WHEN prev_goal_id IS NOT NULL THEN {documentId: prev_document_id, page: prev_page} END,
            "to": CASE WHEN next_goal_id IS NOT NULL THEN {documentId: next_document_id, page: next_page} END} AS c
    FROM goal_changes
  ) x WHERE ${WHERE} GROUP BY unit_key
),
years AS (
  SELECT unit_key, any_value(unit_name) AS unit_name, list(DISTINCT district ORDER BY district) FILTER (WHERE district IS NOT NULL) AS districts,
         list(DISTINCT year ORDER BY year) FILTER (WHERE year IS NOT NULL) AS years
  FROM unit_years WHERE ${WHERE} GROUP BY unit_key
)
SELECT to_json({unitKey: y.unit_key, unitName: y.unit_name, districts: coalesce(y.districts, []), years: coalesce(y.years, []),
                trends: coalesce((SELECT list(trend ORDER BY trend.indicatorName) FROM trends tr WHERE tr.unit_key = y.unit_key), []),
                coverage: coalesce(c.rows, []), changes: coalesce(ch.rows, [])})
FROM years y LEFT JOIN coverage c USING (unit_key) LEFT JOIN changes ch USING (unit_key)
ORDER BY y.unit_name COLLATE sv, y.unit_key`;

// every document the units' rows name, with what is doubtful about it
const DOCUMENTS = `
WITH docs AS (SELECT DISTINCT document_id FROM unit_years WHERE ${WHERE}),
sums AS (
  SELECT s.document_id, s.budget_table, s.label, s.amount_tkr AS printed, sum(l.amount_tkr) AS computed, s.page
  FROM budget_lines s JOIN budget_lines l
    ON l.document_id = s.document_id AND l.budget_table = s.budget_table AND l.amount_column IS NOT DISTINCT FROM s.amount_column
   AND l.grp = CASE WHEN lower(s.label) LIKE 'summa int%' THEN 'intakter' WHEN lower(s.label) LIKE 'summa kostn%' THEN 'kostnader' END
  WHERE s.grp = 'summa' GROUP BY ALL HAVING abs(printed - computed) > 0.5
)
SELECT to_json({
  documentId: d.document_id, path: d.path, format: d.format, unitName: d.unit_name, year: d.year, pageCount: d.page_count,
  pages: coalesce((SELECT list({page: p.page, method: p.method, confidence: p.confidence} ORDER BY p.page) FROM pages p WHERE p.document_id = d.document_id), []),
  warnings: coalesce((SELECT list({stage: w.stage, rule: w.rule, message: w.message, page: w.page, line: w.line} ORDER BY w.page NULLS FIRST, w.line, w.rule)
                      FROM warnings w WHERE w.document_id = d.document_id), []),
  repairs: (SELECT count(*) FROM repairs r WHERE r.document_id = d.document_id),
  budgetMismatches: coalesce((SELECT list({budgetTable: s.budget_table, label: s.label, printedTkr: s.printed, computedTkr: s.computed, page: s.page})
                              FROM sums s WHERE s.document_id = d.document_id), [])
})
FROM documents d JOIN docs USING (document_id)
ORDER BY d.unit_name COLLATE sv, d.year, d.document_id`;

export async function queryReportData(db: ReadOnlyStore, database: string, f: ReportFilter): Promise<ReportData> {
  return {
    generatedAt: new Date().toISOString(),
    database,
    units: await json(db, UNITS, f),
    documents: await json(db, DOCUMENTS, f),
  };
}
