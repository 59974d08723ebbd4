// The identity tables: who is who across plans (units, canonical indicators, KF goals, a unit's own goals).
// They are derived, never edited: `plans import` and `plans rebuild` recompute them as a whole from the
// stored rows and the overrides file (data/store/identities.ts), so they depend only on the set of
// documents. SCHEMA.md documents each column; the comparison views (compare-views.ts) read them.
import { col, type Table } from './table.js';

export const UNITS: Table = {
  name: 'units',
  primaryKey: ['unit_key'],
  columns: [
    col('unit_key', 'VARCHAR', true),
    col('municipality_id', 'VARCHAR'),
    col('unit_name', 'VARCHAR', true),
    col('names', 'JSON', true),
    col('first_year', 'INTEGER'),
    col('last_year', 'INTEGER'),
    col('documents', 'INTEGER', true),
  ],
};

export const UNIT_ALIASES: Table = {
  name: 'unit_aliases',
  columns: [col('alias', 'VARCHAR', true), col('unit_key', 'VARCHAR', true), col('municipality_id', 'VARCHAR'), col('reason', 'VARCHAR', true)],
};

export const UNIT_DISTRICTS: Table = {
  name: 'unit_districts',
  columns: [col('unit_key', 'VARCHAR', true), col('year', 'INTEGER', true), col('district', 'VARCHAR', true)],
};

export const DOCUMENT_UNITS: Table = {
  name: 'document_units',
  primaryKey: ['document_id'],
  columns: [col('document_id', 'VARCHAR', true), col('unit_key', 'VARCHAR', true), col('municipality_id', 'VARCHAR')],
};

export const CANONICAL_INDICATORS: Table = {
  name: 'canonical_indicators',
  primaryKey: ['indicator_key'],
  columns: [
    col('indicator_key', 'VARCHAR', true),
    col('name', 'VARCHAR', true),
    col('names', 'JSON', true),
    col('units', 'INTEGER', true),
    col('documents', 'INTEGER', true),
    col('kolada_kpi_id', 'VARCHAR'),
  ],
};

export const INDICATOR_KEYS: Table = {
  name: 'indicator_keys',
  columns: [col('document_id', 'VARCHAR', true), col('indicator_id', 'VARCHAR', true), col('indicator_key', 'VARCHAR', true)],
};

export const INDICATOR_LINKS: Table = {
  name: 'indicator_links',
  columns: [
    col('name_a', 'VARCHAR', true),
    col('name_b', 'VARCHAR', true),
    col('score', 'DOUBLE', true),
    col('linked', 'BOOLEAN', true),
    col('blocked', 'BOOLEAN', true),
    col('same_indicator', 'BOOLEAN', true),
    col('reason', 'VARCHAR', true),
  ],
};

export const GOAL_KF: Table = {
  name: 'goal_kf',
  columns: [
    col('document_id', 'VARCHAR', true),
    col('goal_id', 'VARCHAR', true),
    col('period', 'VARCHAR'),
    col('kf_goal_key', 'VARCHAR', true),
    col('kf_code', 'VARCHAR'),
    col('kf_title', 'VARCHAR', true),
    col('matched_by', 'VARCHAR', true),
    col('score', 'DOUBLE', true),
  ],
};

export const GOAL_LINKS: Table = {
  name: 'goal_links',
  columns: [
    col('unit_key', 'VARCHAR', true),
    col('level', 'VARCHAR', true),
    col('kind', 'VARCHAR', true),
    col('prev_document_id', 'VARCHAR', true),
    col('prev_goal_id', 'VARCHAR'),
    col('prev_title', 'VARCHAR'),
    col('next_document_id', 'VARCHAR', true),
    col('next_goal_id', 'VARCHAR'),
    col('next_title', 'VARCHAR'),
    col('score', 'DOUBLE', true),
  ],
};

export const IDENTITY_TABLES: Table[] = [
  UNITS,
  UNIT_ALIASES,
  UNIT_DISTRICTS,
  DOCUMENT_UNITS,
  CANONICAL_INDICATORS,
  INDICATOR_KEYS,
  INDICATOR_LINKS,
  GOAL_KF,
  GOAL_LINKS,
];
