// The comparison views (issue 15): rows of many plans lined up by identity (units, canonical indicators,
// KF goals) so years and units can be compared. They read the identity tables (identity-schema.ts);
// SCHEMA.md documents every column with example queries.

// every goal with each of its ancestors (itself included), whatever the depth
const ANCESTORS = `
  up(document_id, goal_id, ancestor_id, depth) AS (
    SELECT document_id, goal_id, goal_id, 0 FROM goals
    UNION ALL
    SELECT up.document_id, up.goal_id, g.parent_id, up.depth + 1
    FROM up JOIN goals g ON g.document_id = up.document_id AND g.goal_id = up.ancestor_id
    WHERE g.parent_id IS NOT NULL AND up.depth < 8
  )`;

// consecutive plans of one unit: each plan with the one before it (by year, then content id)
const CONSECUTIVE = `
  plans AS (
    SELECT du.unit_key, d.document_id, d.year,
           lag(d.document_id) OVER w AS prev_document_id, lag(d.year) OVER w AS prev_year
    FROM documents d JOIN document_units du USING (document_id)
    WHERE d.year IS NOT NULL
    WINDOW w AS (PARTITION BY du.unit_key ORDER BY d.year, d.document_id)
  ),
  pairs AS (SELECT * FROM plans WHERE prev_document_id IS NOT NULL)`;

export const COMPARE_VIEWS_SQL = `
CREATE OR REPLACE VIEW unit_years AS
SELECT du.unit_key, u.unit_name, du.municipality_id, d.district, d.year, d.unit_name AS printed_unit_name,
       d.document_id, d.path, d.page_count, d.status,
       (SELECT count(*) FROM goals x WHERE x.document_id = d.document_id) AS goals,
       (SELECT count(*) FROM indicators x WHERE x.document_id = d.document_id) AS indicators,
       (SELECT count(*) FROM activities x WHERE x.document_id = d.document_id) AS activities,
       (SELECT count(*) FROM budget_lines x WHERE x.document_id = d.document_id) AS budget_lines,
       (SELECT count(*) FROM warnings x WHERE x.document_id = d.document_id) AS warnings
FROM documents d JOIN document_units du USING (document_id) JOIN units u ON u.unit_key = du.unit_key;

CREATE OR REPLACE VIEW indicator_trends AS
SELECT ik.indicator_key, ci.name AS indicator_name, i.name AS printed_name, du.unit_key, u.unit_name, d.district, d.year,
       gk.kf_goal_key, gk.kf_code, gk.kf_title,
       i.unit_target_raw, i.unit_target_value, i.unit_target_kind, i.kf_target_raw, i.kf_target_value, i.kf_target_kind,
       i.periodicity, ci.kolada_kpi_id, du.municipality_id, i.indicator_id, i.document_id, d.path, i.page, i.line
FROM indicators i
JOIN documents d USING (document_id)
JOIN document_units du USING (document_id)
JOIN units u ON u.unit_key = du.unit_key
JOIN indicator_keys ik ON ik.document_id = i.document_id AND ik.indicator_id = i.indicator_id
JOIN canonical_indicators ci ON ci.indicator_key = ik.indicator_key
LEFT JOIN v_goal_tree t ON t.document_id = i.document_id AND t.goal_id = i.goal_id
LEFT JOIN goal_kf gk ON gk.document_id = i.document_id AND gk.goal_id = t.kf_goal_id;

CREATE OR REPLACE VIEW goal_coverage AS
WITH RECURSIVE ${ANCESTORS},
  goal_counts AS (
    SELECT up.document_id, up.ancestor_id,
           count(*) FILTER (WHERE g.level = 'namndmal') AS namndmal,
           count(*) FILTER (WHERE g.level = 'enhetsmal') AS enhetsmal
    FROM up JOIN goals g ON g.document_id = up.document_id AND g.goal_id = up.goal_id
    GROUP BY ALL
  ),
  indicator_counts AS (
    SELECT up.document_id, up.ancestor_id, count(*) AS indicators
    FROM indicators i JOIN up ON up.document_id = i.document_id AND up.goal_id = i.goal_id GROUP BY ALL
  ),
  activity_counts AS (
    SELECT up.document_id, up.ancestor_id, count(*) AS activities
    FROM activities a JOIN up ON up.document_id = a.document_id AND up.goal_id = a.goal_id GROUP BY ALL
  )
SELECT du.unit_key, u.unit_name, d.district, d.year, gk.period, g.level AS kf_level, gk.kf_goal_key, gk.kf_code, gk.kf_title,
       g.code AS printed_code, g.title AS printed_title,
       coalesce(c.namndmal, 0) AS namndmal, coalesce(c.enhetsmal, 0) AS enhetsmal,
       coalesce(ic.indicators, 0) AS indicators, coalesce(ac.activities, 0) AS activities,
       gk.document_id, gk.goal_id, g.page, g.line
FROM goal_kf gk
JOIN goals g ON g.document_id = gk.document_id AND g.goal_id = gk.goal_id
JOIN documents d ON d.document_id = gk.document_id
JOIN document_units du ON du.document_id = gk.document_id
JOIN units u ON u.unit_key = du.unit_key
LEFT JOIN goal_counts c ON c.document_id = gk.document_id AND c.ancestor_id = gk.goal_id
LEFT JOIN indicator_counts ic ON ic.document_id = gk.document_id AND ic.ancestor_id = gk.goal_id
LEFT JOIN activity_counts ac ON ac.document_id = gk.document_id AND ac.ancestor_id = gk.goal_id;

CREATE OR REPLACE VIEW budget_trends AS
SELECT du.unit_key, u.unit_name, d.year, b.grp,
       trim(lower(regexp_replace(b.label, '[^[:alnum:]åäöÅÄÖéÉ]+', ' ', 'g'))) AS label_key, b.label, b.amount_tkr,
       b.budget_table, b.document_id, d.path, b.page, b.line
FROM budget_lines b
JOIN documents d USING (document_id)
JOIN document_units du USING (document_id)
JOIN units u ON u.unit_key = du.unit_key
-- a table with several amount columns (prognos, utfall, plan years): the plan year's budget column
WHERE b.plan_column IS NOT FALSE;

CREATE OR REPLACE VIEW indicator_changes AS
WITH ${CONSECUTIVE},
  per AS (
    SELECT ik.document_id, ik.indicator_key, min(i.name) AS name,
           string_agg(DISTINCT i.unit_target_raw, ' | ' ORDER BY i.unit_target_raw) AS unit_target,
           string_agg(DISTINCT i.kf_target_raw, ' | ' ORDER BY i.kf_target_raw) AS kf_target,
           min(i.page) AS page
    FROM indicator_keys ik JOIN indicators i ON i.document_id = ik.document_id AND i.indicator_id = ik.indicator_id
    GROUP BY ALL
  ),
  keyed AS (
    SELECT DISTINCT p.unit_key, p.prev_year, p.year, p.prev_document_id, p.document_id, k.indicator_key
    FROM pairs p JOIN per k ON k.document_id = p.prev_document_id OR k.document_id = p.document_id
  ),
  compared AS (
    SELECT k.*, a.name AS prev_name, b.name AS next_name, a.unit_target AS prev_unit_target, b.unit_target AS next_unit_target,
           a.kf_target AS prev_kf_target, b.kf_target AS next_kf_target, a.page AS prev_page, b.page AS next_page,
           a.indicator_key IS NOT NULL AND b.indicator_key IS NOT NULL AND a.name <> b.name AS renamed,
           a.indicator_key IS NOT NULL AND b.indicator_key IS NOT NULL AND a.unit_target IS DISTINCT FROM b.unit_target AS target_changed
    FROM keyed k
    LEFT JOIN per a ON a.document_id = k.prev_document_id AND a.indicator_key = k.indicator_key
    LEFT JOIN per b ON b.document_id = k.document_id AND b.indicator_key = k.indicator_key
  )
SELECT c.unit_key, u.unit_name, c.prev_year, c.year, c.indicator_key, ci.name AS indicator_name,
       CASE WHEN c.prev_name IS NULL THEN 'added' WHEN c.next_name IS NULL THEN 'dropped'
            WHEN c.renamed THEN 'renamed' ELSE 'target changed' END AS change,
       c.renamed, c.target_changed, c.prev_name, c.next_name, c.prev_unit_target, c.next_unit_target,
       c.prev_kf_target, c.next_kf_target, c.prev_document_id, c.prev_page, c.document_id AS next_document_id, c.next_page
FROM compared c
JOIN units u ON u.unit_key = c.unit_key
JOIN canonical_indicators ci ON ci.indicator_key = c.indicator_key
WHERE c.prev_name IS NULL OR c.next_name IS NULL OR c.renamed OR c.target_changed;

CREATE OR REPLACE VIEW goal_changes AS
SELECT l.unit_key, u.unit_name, a.year AS prev_year, b.year, l.level, l.kind AS change, l.score,
       l.prev_title, l.next_title, l.prev_document_id, l.prev_goal_id, pg.page AS prev_page,
       l.next_document_id, l.next_goal_id, ng.page AS next_page
FROM goal_links l
JOIN units u ON u.unit_key = l.unit_key
JOIN documents a ON a.document_id = l.prev_document_id
JOIN documents b ON b.document_id = l.next_document_id
LEFT JOIN goals pg ON pg.document_id = l.prev_document_id AND pg.goal_id = l.prev_goal_id
LEFT JOIN goals ng ON ng.document_id = l.next_document_id AND ng.goal_id = l.next_goal_id
WHERE l.kind <> 'same';
`;
