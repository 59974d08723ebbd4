// Same input, same rows: the rows of a batch do not depend on the order of its files, and two batches
// followed by a rebuild give the rows of one batch.
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanStore } from '../data/store/store.js';
import { importFiles, rebuildAll } from '../pipeline/batch.js';
import { haveSeeds, SEEDS_DIR, seedPath } from './helpers/seeds.js';

const TABLES: Record<string, string> = {
  documents: 'document_id, path, format, page_count, unit_name, unit_key, district, year, dnr, parser_version, status',
  pages: '*',
  goals: '*',
  goal_sections: '*',
  indicators: '*',
  activities: '*',
  budget_lines: '*',
  warnings: '*',
  repairs: '*',
};

async function allRows(store: PlanStore): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [t, cols] of Object.entries(TABLES)) {
    const r = await store.query(`SELECT ${cols} FROM ${t}`);
    out[t] = r.rows.map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

async function importInto(dbDir: string, name: string, batches: string[][], rebuild = false): Promise<Record<string, string[]>> {
  const store = await PlanStore.open(join(dbDir, `${name}.duckdb`));
  try {
    for (const b of batches) await importFiles(store, b);
    if (rebuild) await rebuildAll(store);
    return await allRows(store);
  } finally {
    store.close();
  }
}

describe.skipIf(!haveSeeds)('batch order', () => {
  it('two orders, and two batches with a rebuild, give identical rows in every table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-order-'));
    const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt') || f.endsWith('.md'));
    const files = seeds.map((f) => {
      const to = join(dir, f);
      copyFileSync(seedPath(f.slice(0, 3)), to);
      return to;
    });
    expect(files.length).toBeGreaterThanOrEqual(5);
    const forward = await importInto(dir, 'forward', [files]);
    const backward = await importInto(dir, 'backward', [[...files].reverse()]);
    expect(backward).toEqual(forward);
    expect(forward.goals.length).toBeGreaterThan(50);
    const oneThenRebuild = await importInto(dir, 'one', [files], true);
    const twoThenRebuild = await importInto(dir, 'two', [files.slice(3), files.slice(0, 3)], true);
    expect(twoThenRebuild).toEqual(oneThenRebuild);
  });
});
