// DuckDB schema. Every row carries its document, page and line; SCHEMA.md documents each column.
export const SCHEMA_VERSION = 1;

export const TABLES = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
  document_id VARCHAR PRIMARY KEY,   -- SHA-256 of the file's bytes
  path VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  page_count INTEGER NOT NULL,
  unit_name VARCHAR NOT NULL,
  unit_key VARCHAR NOT NULL,
  district VARCHAR,
  year INTEGER,
  dnr VARCHAR,
  parser_version VARCHAR NOT NULL,
  imported_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS pages (
  document_id VARCHAR NOT NULL, page INTEGER NOT NULL, text VARCHAR NOT NULL, items JSON,
  method VARCHAR NOT NULL, confidence DOUBLE, width DOUBLE, height DOUBLE
);
CREATE TABLE IF NOT EXISTS goals (
  document_id VARCHAR NOT NULL, goal_id VARCHAR NOT NULL, level VARCHAR NOT NULL, code VARCHAR,
  title VARCHAR NOT NULL, parent_id VARCHAR, page INTEGER NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS goal_sections (
  document_id VARCHAR NOT NULL, goal_id VARCHAR NOT NULL, section VARCHAR NOT NULL, text VARCHAR NOT NULL,
  page INTEGER NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS indicators (
  document_id VARCHAR NOT NULL, indicator_id VARCHAR NOT NULL, goal_id VARCHAR, name VARCHAR NOT NULL,
  unit_target_raw VARCHAR, unit_target_kind VARCHAR, unit_target_value DOUBLE, unit_target_unit VARCHAR,
  unit_target_direction VARCHAR,
  kf_target_raw VARCHAR, kf_target_kind VARCHAR, kf_target_value DOUBLE, kf_target_unit VARCHAR,
  kf_target_direction VARCHAR,
  periodicity VARCHAR, page INTEGER NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS activities (
  document_id VARCHAR NOT NULL, activity_id VARCHAR NOT NULL, goal_id VARCHAR, text VARCHAR NOT NULL,
  start_date DATE, end_date DATE, page INTEGER NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS budget_lines (
  document_id VARCHAR NOT NULL, budget_table INTEGER NOT NULL, grp VARCHAR NOT NULL, label VARCHAR NOT NULL,
  amount_tkr DOUBLE NOT NULL, page INTEGER NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS warnings (
  document_id VARCHAR NOT NULL, stage VARCHAR NOT NULL, rule VARCHAR NOT NULL, message VARCHAR NOT NULL,
  page INTEGER, line INTEGER
);
CREATE TABLE IF NOT EXISTS repairs (
  document_id VARCHAR NOT NULL, page INTEGER, line INTEGER, before VARCHAR NOT NULL, after VARCHAR NOT NULL,
  rule VARCHAR NOT NULL, confidence DOUBLE
);
`;

export const VIEWS = `
CREATE OR REPLACE VIEW v_goal_tree AS
SELECT d.unit_name, d.unit_key, d.district, d.year,
       inr.code AS inriktningsmal_code, inr.title AS inriktningsmal,
       kf.code AS kf_code, kf.title AS kf_goal,
       g.level, g.title, g.goal_id, g.document_id, g.page, g.line
FROM goals g
JOIN documents d USING (document_id)
LEFT JOIN goals p1 ON p1.document_id = g.document_id AND p1.goal_id = g.parent_id
LEFT JOIN goals p2 ON p2.document_id = g.document_id AND p2.goal_id = p1.parent_id
LEFT JOIN goals p3 ON p3.document_id = g.document_id AND p3.goal_id = p2.parent_id
LEFT JOIN LATERAL (
  SELECT x.code, x.title FROM (VALUES (g.level, g.code, g.title), (p1.level, p1.code, p1.title),
                                      (p2.level, p2.code, p2.title), (p3.level, p3.code, p3.title)) x(level, code, title)
  WHERE x.level = 'kf_verksamhetsmal' LIMIT 1) kf ON true
LEFT JOIN LATERAL (
  SELECT x.code, x.title FROM (VALUES (g.level, g.code, g.title), (p1.level, p1.code, p1.title),
                                      (p2.level, p2.code, p2.title), (p3.level, p3.code, p3.title)) x(level, code, title)
  WHERE x.level = 'kf_inriktningsmal' LIMIT 1) inr ON true;

CREATE OR REPLACE VIEW v_indicator_targets AS
SELECT d.unit_name, d.unit_key, d.district, d.year, t.kf_code, t.kf_goal, i.name AS indicator,
       i.unit_target_raw, i.unit_target_value, i.kf_target_raw, i.kf_target_value, i.periodicity,
       i.document_id, i.page, i.line
FROM indicators i
JOIN documents d USING (document_id)
LEFT JOIN v_goal_tree t ON t.document_id = i.document_id AND t.goal_id = i.goal_id;

CREATE OR REPLACE VIEW v_budget AS
SELECT d.unit_name, d.unit_key, d.district, d.year, b.budget_table, b.grp, b.label, b.amount_tkr,
       b.document_id, b.page, b.line
FROM budget_lines b JOIN documents d USING (document_id);
`;

/** Tables holding parsed rows; `rebuild` replaces these and keeps `pages`. */
export const PARSED_TABLES = ['goals', 'goal_sections', 'indicators', 'activities', 'budget_lines', 'warnings', 'repairs'];
export const DOCUMENT_TABLES = ['documents', 'pages', ...PARSED_TABLES];
