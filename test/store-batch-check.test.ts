// The check a load makes before COMMIT (every document table grew by exactly the rows written, counted in
// the transaction) fails on rows that appear or vanish inside the transaction, and rolls the batch back
// with a 'mismatch' StoreError; in a batch, the group falls back to one document at a time, so a bad
// document loads nothing of itself and the others load as if it had not been there, whatever the group size.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractFile } from '../extractors/index.js';
import type { Extraction, PlanDocument } from '../model/document.js';
import { DOCUMENT_TABLES } from '../data/store/schema.js';
import { PlanStore, StoreError } from '../data/store/store.js';
import { importFiles, readPlan } from '../pipeline/run.js';
import { PLANS, renderText } from '../sample/generate.js';
import { DOCUMENT_ROWS, tableRows } from './helpers/table-rows.js';

let dir: string;
let store: PlanStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plans-batch-check-'));
  store = await PlanStore.open(join(dir, 'plans.duckdb'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Text plans written to `dir`, each with bytes of its own. */
function files(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const f = join(dir, `plan-${i}.txt`);
    writeFileSync(f, `${renderText(PLANS[i % PLANS.length])}${'\n'.repeat(i + 1)}`);
    return f;
  });
}

async function read(file: string): Promise<{ extraction: Extraction; doc: PlanDocument }> {
  const extraction = await extractFile(file);
  return { extraction, doc: readPlan(extraction) };
}

async function totals(s: PlanStore): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of DOCUMENT_TABLES) out[t] = Number((await s.query(`select count(*) from ${t}`)).rows[0][0]);
  return out;
}

const EMPTY = Object.fromEntries(DOCUMENT_TABLES.map((t) => [t, 0]));

describe('the count check before COMMIT', () => {
  it('a row that appears in the transaction beside the appended ones is a mismatch, and nothing lands', async () => {
    const items = await Promise.all(files(3).map(read));
    expect(items[1].doc.goals.length).toBeGreaterThan(0);
    const attempt = store.loadMany(
      items.map((i, k) => ({
        ...i,
        opts:
          k === 1
            ? {
                afterTable: async (t: string) => {
                  if (t === 'goals') await store.query(`insert into goals select * from goals limit 1`);
                },
              }
            : {},
      })),
    );
    await expect(attempt).rejects.toThrow(StoreError);
    await expect(attempt).rejects.toMatchObject({ kind: 'mismatch', rule: 'store-mismatch' });
    await expect(attempt).rejects.toThrow(/load did not land as written \(goals: \d+ rows of \d+ for 3 documents\); rolled back/);
    expect(await totals(store)).toEqual(EMPTY);
    // the connection is usable and the same documents load whole
    expect(await store.loadMany(items)).toEqual(['inserted', 'inserted', 'inserted']);
  });

  it('a row that vanishes in the transaction is a mismatch too, and a replacement keeps the old document', async () => {
    const [a] = await Promise.all(files(1).map(read));
    const vanish = { afterTable: async (t: string) => void (t === 'pages' && (await store.query(`delete from pages where page = 1`))) };
    await expect(store.load(a.extraction, a.doc, vanish)).rejects.toMatchObject({ kind: 'mismatch' });
    expect(await totals(store)).toEqual(EMPTY);
    expect(await store.load(a.extraction, a.doc)).toBe('inserted');
    const stored = await totals(store);
    // new bytes at the same path: the old rows are deleted first, and that is not counted against the new ones
    writeFileSync(a.extraction.source.path, `${renderText(PLANS[1])}\n`);
    const b = await read(a.extraction.source.path);
    await expect(store.load(b.extraction, b.doc, vanish)).rejects.toMatchObject({ kind: 'mismatch' });
    expect(await totals(store)).toEqual(stored);
    expect(await store.load(b.extraction, b.doc)).toBe('replaced');
    expect(await store.hasDocument(a.extraction.source.sha256)).toBe(false);
  });

  it('replaceParsed checks the parsed tables the same way', async () => {
    const [a] = await Promise.all(files(1).map(read));
    await store.load(a.extraction, a.doc);
    const stored = await totals(store);
    const extra = { afterTable: async (t: string) => void (t === 'goals' && (await store.query(`insert into goals select * from goals limit 1`))) };
    await expect(store.replaceParsed(a.extraction, a.doc, extra)).rejects.toMatchObject({ kind: 'mismatch' });
    expect(await totals(store)).toEqual(stored);
    await store.replaceParsed(a.extraction, a.doc);
    expect(await totals(store)).toEqual(stored);
  });
});

describe('a bad document in a batch', () => {
  it('fails alone, loads nothing of itself, and the rows of the others are those of a batch without it', async () => {
    const all = files(6);
    const bad = all[2];
    // the bad document breaks any transaction it is in, after some of its rows were appended
    const loadMany = store.loadMany.bind(store);
    store.loadMany = (items) =>
      loadMany(items.map((i) => (i.extraction.source.path === bad ? { ...i, opts: { ...i.opts, failAfter: 'goals' } } : i)));
    const outcomes = await importFiles(store, all, {}, { threads: 2 });
    expect(outcomes.map((o) => o.status)).toEqual(['inserted', 'inserted', 'failed', 'inserted', 'inserted', 'inserted']);
    expect((await store.query(`select count(*) from documents where path = '${bad}'`)).rows).toEqual([[0]]);

    const without = await PlanStore.open(join(dir, 'without.duckdb'));
    try {
      await importFiles(without, all, {}, { threads: 1 });
      await without.query(`delete from documents where path = '${bad}'`);
      const id = (await read(bad)).extraction.source.sha256;
      for (const t of DOCUMENT_TABLES.filter((t) => t !== 'documents')) await without.query(`delete from ${t} where document_id = '${id}'`);
      // both batches extracted the same files, so the repair model (learnt from the clean ones) is the same
      expect(await tableRows(store, DOCUMENT_ROWS)).toEqual(await tableRows(without, DOCUMENT_ROWS));
    } finally {
      without.close();
    }
  });
});
