// The rows of a store, table by table, as sorted JSON lines: what "same input, same rows" compares
// (between orders, thread counts, a rebuild, or a queue import and a local one).
import type { PlanStore } from '../../data/store/store.js';

/** A document's tables; `documents` without `imported_at`, the one column that differs by design. */
export const DOCUMENT_ROWS: Record<string, string> = {
  documents: 'document_id, path, format, page_count, unit_name, unit_key, district, year, dnr, parser_version, status, clean, repair_model',
  pages: '*',
  goals: '*',
  goal_sections: '*',
  indicators: '*',
  activities: '*',
  budget_lines: '*',
  warnings: '*',
  repairs: '*',
};

/** The identities across plans, recomputed from the whole store after each load. */
export const IDENTITY_ROWS: Record<string, string> = {
  units: '*',
  document_units: '*',
  indicator_keys: '*',
  indicator_links: '*',
  goal_kf: '*',
  goal_links: '*',
};

export async function tableRows(store: PlanStore, tables: Record<string, string>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [t, cols] of Object.entries(tables)) {
    const r = await store.query(`SELECT ${cols} FROM ${t}`);
    out[t] = r.rows.map((row) => JSON.stringify(row)).sort();
  }
  return out;
}
