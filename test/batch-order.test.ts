// Same input, same rows: the rows of a batch (the seeds and the sample corpus but its scan) do not
// depend on the order of its files or the number of worker threads, and two batches followed by a rebuild give the rows of one batch.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanStore } from '../data/store/store.js';
import { importFiles, rebuildAll } from '../pipeline/run.js';
import { fileNameOf, formatOf, PLANS, renderAs } from '../sample/generate.js';
import { haveSeeds, SEEDS_DIR, seedPath } from './helpers/seeds.js';
import { DOCUMENT_ROWS, tableRows } from './helpers/table-rows.js';

/** Rows after each batch is imported, and after a rebuild at the end. */
async function importInto(
  dbDir: string,
  name: string,
  batches: string[][],
  opts: { threads?: number; rebuild?: boolean } = {},
): Promise<{ imported: Record<string, string[]>; rebuilt?: Record<string, string[]> }> {
  const store = await PlanStore.open(join(dbDir, `${name}.duckdb`));
  try {
    for (const b of batches) await importFiles(store, b, {}, { threads: opts.threads });
    const imported = await tableRows(store, DOCUMENT_ROWS);
    if (!opts.rebuild) return { imported };
    await rebuildAll(store, {}, { threads: opts.threads });
    return { imported, rebuilt: await tableRows(store, DOCUMENT_ROWS) };
  } finally {
    store.close();
  }
}

describe.skipIf(!haveSeeds)('batch order', () => {
  it('two orders, and two batches with a rebuild, give identical rows in every table', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-order-'));
    const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt') || f.endsWith('.md'));
    const files = seeds.map((f) => {
      const to = join(dir, f);
      copyFileSync(seedPath(f.slice(0, 3)), to);
      return to;
    });
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const p of PLANS.filter((p) => formatOf(p) !== 'scan')) {
      const to = join(dir, 'sample', fileNameOf(p));
      mkdirSync(join(to, '..'), { recursive: true });
      writeFileSync(to, await renderAs(p, formatOf(p)));
      files.push(to);
    }
    const forward = await importInto(dir, 'forward', [files]);
    const backward = await importInto(dir, 'backward', [[...files].reverse()], { threads: 1 }); // and one worker thread
    expect(backward).toEqual(forward);
    expect(forward.imported.goals.length).toBeGreaterThan(50);
    // the four clean seeds and the clean sample plans are what the model learnt; the others share one model
    const docs = forward.imported.documents.map((r) => JSON.parse(r) as unknown[]);
    expect(docs.filter((d) => d[11] === true).length).toBeGreaterThanOrEqual(4);
    expect(new Set(docs.filter((d) => d[11] === false).map((d) => d[12])).size).toBe(1);

    const two = await importInto(dir, 'two', [files.slice(3), files.slice(0, 3)], { rebuild: true });
    expect(two.rebuilt).toEqual(forward.imported);
    // before the rebuild the first batch was read with a smaller model, and says so
    expect(new Set(two.imported.documents.map((r) => (JSON.parse(r) as unknown[])[12])).size).toBeGreaterThan(1);
  });
});
