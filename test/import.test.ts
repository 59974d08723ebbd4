// The batch against a real DuckDB file: idempotent re-import, replacement of a changed file, one
// transaction per document, bad input reported and skipped, rebuild from stored pages.
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectInputs } from '../pipeline/batch.js';
import { importFiles, readPlan, rebuildAll } from '../pipeline/run.js';
import { extractFile } from '../extractors/index.js';
import { PlanStore } from '../data/store/store.js';
import { haveSeeds, seedPath } from './helpers/seeds.js';

const COUNTED = ['documents', 'pages', 'goals', 'goal_sections', 'indicators', 'activities', 'budget_lines', 'warnings'];

async function counts(store: PlanStore): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of COUNTED) out[t] = Number((await store.query(`select count(*) from ${t}`)).rows[0][0]);
  return out;
}

let dir: string;
let store: PlanStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plans-import-'));
  store = await PlanStore.open(join(dir, 'test.duckdb'));
});
afterEach(() => store.close());

describe.skipIf(!haveSeeds)('importing seed documents', () => {
  it('imports, and a second import of the same files changes nothing', async () => {
    const files = ['000', '001', '004'].map((p) => {
      const to = join(dir, `${p}.txt`);
      copyFileSync(seedPath(p), to);
      return to;
    });
    const first = await importFiles(store, files);
    expect(first.map((o) => o.status)).toEqual(['inserted', 'inserted', 'inserted']);
    const before = await counts(store);
    expect(before).toMatchObject({ documents: 3, goals: 20 + 34 + 23, indicators: 13 + 16 + 5, activities: 6 + 13 + 6, budget_lines: 26 });
    const second = await importFiles(store, files);
    expect(second.map((o) => o.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await counts(store)).toEqual(before);
    // every row carries its document, page and line
    const orphans = await store.query(
      `select count(*) from indicators where document_id is null or page is null or line is null
       union all select count(*) from activities where page is null or line is null`,
    );
    expect(orphans.rows.map((r) => Number(r[0]))).toEqual([0, 0]);
  });

  it('replaces the rows of a file whose content changed', async () => {
    const file = join(dir, 'plan.txt');
    copyFileSync(seedPath('004'), file);
    await importFiles(store, [file]);
    writeFileSync(file, readFileSync(seedPath('003')));
    const [o] = await importFiles(store, [file]);
    expect(o.status).toBe('replaced');
    const c = await counts(store);
    expect(c.documents).toBe(1);
    expect(c.goals).toBe(24);
    const units = await store.query('select unit_name from documents');
    expect(units.rows).toEqual([['Enheten för personligt stöd']]);
  });

  it('leaves no rows of a document whose load fails midway', async () => {
    const extraction = await extractFile(seedPath('000'));
    const doc = readPlan(extraction);
    for (const failAfter of ['pages', 'goals']) {
      await expect(store.load(extraction, doc, { parserVersion: 't', failAfter })).rejects.toThrow(/test hook/);
      expect(Object.values(await counts(store)).every((n) => n === 0)).toBe(true);
    }
    expect(await store.load(extraction, doc, { parserVersion: 't' })).toBe('inserted');
    expect((await counts(store)).goals).toBe(20);
  });

  it('rebuilds from stored pages without reading the files again', async () => {
    const file = join(dir, 'p.txt');
    copyFileSync(seedPath('001'), file);
    await importFiles(store, [file]);
    writeFileSync(file, 'the file is gone; rebuild must not read it');
    const before = await counts(store);
    const [o] = await rebuildAll(store);
    expect(o.status).toBe('replaced');
    expect(await counts(store)).toEqual(before);
    const stored = await store.storedExtraction((await store.storedDocuments())[0].documentId);
    expect(stored.source.format).toBe('md');
  });
});

describe('bad input', () => {
  it('reports each bad file with its reason and goes on', async () => {
    const bad = join(dir, 'inbox');
    mkdirSync(bad);
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'blank.md'), '\n   \n');
    writeFileSync(join(bad, 'corrupt.pdf'), 'this is not a PDF at all');
    writeFileSync(join(bad, 'letter.txt'), 'Hej!\n\nHär kommer protokollet från mötet i tisdags. Vi ses på torsdag.\n');
    writeFileSync(join(bad, 'notes.docx'), 'PK');
    const { files, skipped } = await collectInputs([bad]);
    expect(skipped).toEqual([{ file: join(bad, 'notes.docx'), status: 'skipped', reason: 'not a .pdf, .txt, .md or image file' }]);
    const outcomes = await importFiles(store, files);
    const reasons = Object.fromEntries(outcomes.map((o) => [o.file.split('/').pop(), o.status === 'failed' ? o.code : o.status]));
    expect(reasons).toEqual({ 'blank.md': 'empty', 'corrupt.pdf': 'corrupt', 'empty.txt': 'empty', 'letter.txt': 'not-a-plan' });
    for (const o of outcomes) if (o.status === 'failed') expect(o.reason.length).toBeGreaterThan(10);
    expect((await counts(store)).documents).toBe(0);
  });

  it('names a missing path and a file of an unknown type given by name', async () => {
    const { files, skipped } = await collectInputs([join(dir, 'nope.pdf')]);
    expect(files).toEqual([]);
    expect(skipped[0]).toMatchObject({ status: 'failed', code: 'missing' });
    const docx = join(dir, 'x.docx');
    writeFileSync(docx, 'PK');
    const [o] = await importFiles(store, (await collectInputs([docx])).files);
    expect(o).toMatchObject({ status: 'failed', code: 'unsupported' });
  });

  it('refuses a second writer on the same database with a clear error', async () => {
    // DuckDB's file lock is per process, so the second writer is a child process
    const { execFileSync } = await import('node:child_process');
    const module = new URL('../data/store/store.ts', import.meta.url).href;
    const script = `import(${JSON.stringify(module)}).then(async ({ PlanStore }) => {
      try { (await PlanStore.open(process.argv[1])).close(); console.log('opened'); }
      catch (e) { console.log(e.message); } })`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script, store.path], { encoding: 'utf8' });
    expect(out).toMatch(/^database .*test\.duckdb is in use by another process/);
  });
});
