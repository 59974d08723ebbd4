// DuckDB schema of the plan store. Every row of a document's tables carries its document, page and line;
// SCHEMA.md documents each table, column and view (a test checks that every column below is named there).
//
// The tables are declared once, as data: the DDL is generated from it, and the store's Appender writes
// values by column *name* through it, so a column added by a later migration (ALTER TABLE … ADD COLUMN
// puts it last) can never shift the values of the others.

import { IDENTITY_TABLES } from './identity-schema.js';
import { type Column, col, type Table } from './table.js';

export type { ColumnType, Table } from './table.js';
import { COMPARE_VIEWS_SQL } from './compare-views.js';

/** Bump when the tables or views change, and add a step to `MIGRATIONS`. */
export const SCHEMA_VERSION = 6;

const docId = col('document_id', 'VARCHAR', true);
const pageLine = (notNull: boolean): Column[] => [col('page', 'INTEGER', notNull), col('line', 'INTEGER', notNull)];
const target = (prefix: string): Column[] => [
  col(`${prefix}_raw`, 'VARCHAR'),
  col(`${prefix}_kind`, 'VARCHAR'),
  col(`${prefix}_value`, 'DOUBLE'),
  col(`${prefix}_unit`, 'VARCHAR'),
  col(`${prefix}_direction`, 'VARCHAR'),
];

export const META: Table = { name: 'meta', columns: [col('key', 'VARCHAR', true), col('value', 'VARCHAR')], primaryKey: ['key'] };

export const DOCUMENTS: Table = {
  name: 'documents',
  primaryKey: ['document_id'],
  columns: [
    docId,
    col('path', 'VARCHAR', true),
    col('format', 'VARCHAR', true),
    col('page_count', 'INTEGER', true),
    col('unit_name', 'VARCHAR', true),
    col('unit_key', 'VARCHAR', true),
    col('district', 'VARCHAR'),
    col('year', 'INTEGER'),
    col('dnr', 'VARCHAR'),
    col('imported_at', 'TIMESTAMP', true),
    col('parser_version', 'VARCHAR', true),
    col('status', 'VARCHAR', true),
    col('clean', 'BOOLEAN', true),
    col('repair_model', 'VARCHAR'),
    col('organisation_kind', 'VARCHAR'),
    col('organisation_name', 'VARCHAR'),
    col('municipality_code', 'VARCHAR'),
    col('municipality_name', 'VARCHAR'),
    col('period_from', 'INTEGER'),
    col('period_to', 'INTEGER'),
  ],
};

export const PAGES: Table = {
  name: 'pages',
  columns: [
    docId,
    col('page', 'INTEGER', true),
    col('text', 'VARCHAR', true),
    col('items', 'JSON'),
    col('method', 'VARCHAR', true),
    col('confidence', 'DOUBLE'),
    col('width', 'DOUBLE'),
    col('height', 'DOUBLE'),
  ],
};

export const GOALS: Table = {
  name: 'goals',
  columns: [
    docId,
    col('goal_id', 'VARCHAR', true),
    col('level', 'VARCHAR', true),
    col('code', 'VARCHAR'),
    col('title', 'VARCHAR', true),
    col('parent_id', 'VARCHAR'),
    ...pageLine(true),
    col('level_label', 'VARCHAR'),
  ],
};

export const GOAL_SECTIONS: Table = {
  name: 'goal_sections',
  columns: [docId, col('goal_id', 'VARCHAR', true), col('section', 'VARCHAR', true), col('text', 'VARCHAR', true), ...pageLine(true)],
};

export const INDICATORS: Table = {
  name: 'indicators',
  columns: [
    docId,
    col('indicator_id', 'VARCHAR', true),
    col('goal_id', 'VARCHAR'),
    col('name', 'VARCHAR', true),
    ...target('unit_target'),
    ...target('kf_target'),
    col('periodicity', 'VARCHAR'),
    ...pageLine(true),
    col('target_year', 'INTEGER'),
    col('outcome_raw', 'VARCHAR'),
    col('outcome_value', 'DOUBLE'),
    col('outcome_year', 'INTEGER'),
    col('baseline_raw', 'VARCHAR'),
    col('baseline_value', 'DOUBLE'),
    col('baseline_year', 'INTEGER'),
  ],
};

export const ACTIVITIES: Table = {
  name: 'activities',
  columns: [
    docId,
    col('activity_id', 'VARCHAR', true),
    col('goal_id', 'VARCHAR'),
    col('text', 'VARCHAR', true),
    col('start_date', 'DATE'),
    col('end_date', 'DATE'),
    ...pageLine(true),
    col('responsible', 'VARCHAR'),
    col('schedule', 'VARCHAR'),
  ],
};

export const BUDGET_LINES: Table = {
  name: 'budget_lines',
  columns: [
    docId,
    col('budget_table', 'INTEGER', true),
    col('grp', 'VARCHAR', true),
    col('label', 'VARCHAR', true),
    col('amount_tkr', 'DOUBLE', true),
    ...pageLine(true),
    // the general reader's fields (issue 13): null in rows loaded before them
    col('amount_printed', 'VARCHAR'),
    col('unit', 'VARCHAR'),
    col('amount_column', 'INTEGER'),
    col('column_year', 'INTEGER'),
    col('column_kind', 'VARCHAR'),
    col('plan_column', 'BOOLEAN'),
    col('line_class', 'VARCHAR'),
    col('sum_of', 'VARCHAR'),
  ],
};

export const WARNINGS: Table = {
  name: 'warnings',
  columns: [docId, col('stage', 'VARCHAR', true), col('rule', 'VARCHAR', true), col('message', 'VARCHAR', true), ...pageLine(false)],
};

/** Repairs of the text (mojibake, OCR letters): before → after, with rule, confidence and position. */
export const REPAIRS: Table = {
  name: 'repairs',
  columns: [
    docId,
    ...pageLine(false),
    col('before', 'VARCHAR', true),
    col('after', 'VARCHAR', true),
    col('rule', 'VARCHAR', true),
    col('confidence', 'DOUBLE'),
  ],
};

/** Tables holding a document's parsed rows; `rebuild` rewrites these and keeps `documents` and `pages`. */
export const PARSED_TABLES = [GOALS, GOAL_SECTIONS, INDICATORS, ACTIVITIES, BUDGET_LINES, WARNINGS, REPAIRS].map((t) => t.name);
/** Every table with a `document_id`, in the order a document's rows are written. */
export const DOCUMENT_TABLES = ['documents', 'pages', ...PARSED_TABLES];
export const ALL_TABLES: Table[] = [
  META,
  DOCUMENTS,
  PAGES,
  GOALS,
  GOAL_SECTIONS,
  INDICATORS,
  ACTIVITIES,
  BUDGET_LINES,
  WARNINGS,
  REPAIRS,
  ...IDENTITY_TABLES,
];

export function tableByName(name: string): Table {
  const t = ALL_TABLES.find((x) => x.name === name);
  if (!t) throw new Error(`unknown table ${name}`);
  return t;
}

export function createTableSql(t: Table): string {
  const cols = t.columns.map((c) => `  ${quoteIdent(c.name)} ${c.type}${c.notNull ? ' NOT NULL' : ''}`);
  if (t.primaryKey) cols.push(`  PRIMARY KEY (${t.primaryKey.map(quoteIdent).join(', ')})`);
  return `CREATE TABLE IF NOT EXISTS ${t.name} (\n${cols.join(',\n')}\n);`;
}

/** Column names that are SQL keywords (`before`, `after`, `text`, `key`) are quoted everywhere. */
function quoteIdent(name: string): string {
  return `"${name}"`;
}

export const TABLES_SQL = ALL_TABLES.map(createTableSql).join('\n');

// Goal levels, top down: kf_inriktningsmal > kf_verksamhetsmal > namndmal > enhetsmal. The tree view walks
// parent_id upwards (recursively, whatever the depth) and names, for every goal, its nearest ancestor (or
// itself) at each level.
export const VIEWS_SQL = `
CREATE OR REPLACE VIEW v_goal_tree AS
WITH RECURSIVE up(document_id, goal_id, ancestor_id, depth) AS (
  SELECT document_id, goal_id, goal_id, 0 FROM goals
  UNION ALL
  SELECT up.document_id, up.goal_id, g.parent_id, up.depth + 1
  FROM up JOIN goals g ON g.document_id = up.document_id AND g.goal_id = up.ancestor_id
  WHERE g.parent_id IS NOT NULL AND up.depth < 8
),
levels AS (
  SELECT up.document_id, up.goal_id,
         arg_min(a.code,  up.depth) FILTER (WHERE a.level = 'kf_inriktningsmal') AS inriktningsmal_code,
         arg_min(a.title, up.depth) FILTER (WHERE a.level = 'kf_inriktningsmal') AS inriktningsmal,
         arg_min(a.goal_id, up.depth) FILTER (WHERE a.level = 'kf_verksamhetsmal') AS kf_goal_id,
         arg_min(a.code,  up.depth) FILTER (WHERE a.level = 'kf_verksamhetsmal') AS kf_code,
         arg_min(a.title, up.depth) FILTER (WHERE a.level = 'kf_verksamhetsmal') AS kf_goal,
         arg_min(a.title, up.depth) FILTER (WHERE a.level = 'namndmal') AS namndmal,
         arg_min(a.goal_id, up.depth) FILTER (WHERE a.level = 'kf_inriktningsmal') AS inriktningsmal_id
  FROM up JOIN goals a ON a.document_id = up.document_id AND a.goal_id = up.ancestor_id
  GROUP BY ALL
)
SELECT d.unit_name, d.unit_key, d.district, d.year,
       l.inriktningsmal_code, l.inriktningsmal, l.kf_code, l.kf_goal, l.namndmal, l.kf_goal_id, l.inriktningsmal_id,
       g.level, g.code, g.title, g.goal_id, g.parent_id, g.document_id, g.page, g.line
FROM goals g
JOIN documents d USING (document_id)
LEFT JOIN levels l ON l.document_id = g.document_id AND l.goal_id = g.goal_id;

CREATE OR REPLACE VIEW v_indicator_targets AS
SELECT d.unit_name, d.unit_key, d.district, d.year,
       t.inriktningsmal_code, t.kf_code, t.kf_goal, i.name AS indicator,
       i.unit_target_raw, i.unit_target_kind, i.unit_target_value, i.unit_target_unit, i.unit_target_direction,
       i.kf_target_raw, i.kf_target_kind, i.kf_target_value, i.kf_target_unit, i.kf_target_direction,
       i.periodicity, i.indicator_id, i.goal_id, i.document_id, i.page, i.line
FROM indicators i
JOIN documents d USING (document_id)
LEFT JOIN v_goal_tree t ON t.document_id = i.document_id AND t.goal_id = i.goal_id;

CREATE OR REPLACE VIEW v_budget AS
SELECT d.unit_name, d.unit_key, d.district, d.year, b.budget_table, b.grp, b.label, b.amount_tkr,
       b.document_id, b.page, b.line, b.amount_column, b.column_year, b.column_kind, b.plan_column
FROM budget_lines b JOIN documents d USING (document_id);
${COMPARE_VIEWS_SQL}`;

/**
 * Steps that bring a database of schema version `from` to `from + 1`; run in order inside one transaction
 * on open. Version 1 (the first store) had no `documents.status`; version 2 no `clean` and `repair_model`
 * (a document then counted as clean when it had no OCR page and no repairs, which is what 3 records).
 */
/**
 * The documents' metadata columns of schema 6 (organisation, municipality, period). DuckDB refuses to commit
 * an ALTER of `documents` made after step 2's UPDATE of it in the same transaction, so a database older than
 * step 2 gets them at its start; step 5 adds them everywhere else (IF NOT EXISTS: a no-op after step 2).
 */
const DOCUMENTS_METADATA_SQL = [
  'organisation_kind VARCHAR',
  'organisation_name VARCHAR',
  'municipality_code VARCHAR',
  'municipality_name VARCHAR',
  'period_from INTEGER',
  'period_to INTEGER',
]
  .map((c) => `ALTER TABLE documents ADD COLUMN IF NOT EXISTS ${c};`)
  .join('\n');

export const MIGRATIONS: Record<number, string> = {
  1: `ALTER TABLE documents ADD COLUMN IF NOT EXISTS status VARCHAR DEFAULT 'ok';
      UPDATE documents SET status = CASE WHEN EXISTS (SELECT 1 FROM warnings w WHERE w.document_id = documents.document_id)
                                         THEN 'warnings' ELSE 'ok' END;`,
  2: `${DOCUMENTS_METADATA_SQL}
      ALTER TABLE documents ADD COLUMN IF NOT EXISTS clean BOOLEAN DEFAULT false;
      ALTER TABLE documents ADD COLUMN IF NOT EXISTS repair_model VARCHAR;
      UPDATE documents SET clean = NOT EXISTS (SELECT 1 FROM pages p WHERE p.document_id = documents.document_id AND p.method = 'ocr')
                               AND NOT EXISTS (SELECT 1 FROM repairs r WHERE r.document_id = documents.document_id);`,
  // version 3 had no identity tables: TABLES_SQL creates them empty and the next import or rebuild fills them
  3: `SELECT 1;`,
  // the plan's own name for a goal's level; rows loaded before stay null until plans rebuild
  4: `ALTER TABLE goals ADD COLUMN IF NOT EXISTS level_label VARCHAR;`,
  // the general reader's new fields (issue 13); rows loaded before keep nulls until plans rebuild
  5: [
    // documents (metadata)
    DOCUMENTS_METADATA_SQL,
    // indicators (outcomes, baselines)
    ...[
      'target_year INTEGER',
      'outcome_raw VARCHAR',
      'outcome_value DOUBLE',
      'outcome_year INTEGER',
      'baseline_raw VARCHAR',
      'baseline_value DOUBLE',
      'baseline_year INTEGER',
    ].map((c) => `ALTER TABLE indicators ADD COLUMN IF NOT EXISTS ${c};`),
    'ALTER TABLE activities ADD COLUMN IF NOT EXISTS responsible VARCHAR;',
    'ALTER TABLE activities ADD COLUMN IF NOT EXISTS schedule VARCHAR;',
    // budget_lines (printed amounts, units, years, kinds)
    'ALTER TABLE budget_lines ADD COLUMN IF NOT EXISTS amount_printed VARCHAR;',
    'ALTER TABLE budget_lines ADD COLUMN IF NOT EXISTS unit VARCHAR;',
    'ALTER TABLE budget_lines ADD COLUMN IF NOT EXISTS amount_column INTEGER;',
    'ALTER TABLE budget_lines ADD COLUMN IF NOT EXISTS column_year INTEGER;',
    'ALTER TABLE budget_lines ADD COLUMN IF NOT EXISTS column_kind VARCHAR;',
    'ALTER TABLE budget_lines ADD COLUMN IF NOT EXISTS plan_column BOOLEAN;',
    'ALTER TABLE budget_lines ADD COLUMN IF NOT EXISTS line_class VARCHAR;',
    'ALTER TABLE budget_lines ADD COLUMN IF NOT EXISTS sum_of VARCHAR;',
    'SELECT 1;',
  ].join('\n'),
};
