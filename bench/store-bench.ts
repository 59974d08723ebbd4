// Store throughput: `npx tsx bench/store-bench.ts [rows]`. Compares, for indicator rows in one
// transaction: PlanStore.load (Appender + count check), a bare Appender, and plain INSERT per row
// (prepared statement) for 1k rows. Times are printed, never asserted.
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Extraction, Indicator, PlanDocument } from '../model/document.js';
import { PlanStore } from '../data/store/store.js';
import { tableByName } from '../data/store/schema.js';

const DEFAULT_N = 100_000;
const INSERT_N = 1_000;

function indicators(n: number): Indicator[] {
  return Array.from({ length: n }, (_, k) => ({
    id: `i${k + 1}`,
    goalId: 'g1',
    name: `Andel brukare som är nöjda med insats nummer ${k + 1}`,
    unitTarget: { raw: '85 %', kind: 'percent', value: 85, unit: '%', direction: null },
    kfTarget: k % 3 ? null : { raw: 'öka', kind: 'direction', value: null, unit: null, direction: 'increase' },
    periodicity: k % 2 ? 'År' : 'Tertial',
    page: 1 + Math.floor(k / 40),
    line: 1 + (k % 40),
    targetYear: null,
    outcomes: [],
    baseline: null,
  }));
}

function fixture(n: number, tag: string): { x: Extraction; doc: PlanDocument } {
  const sha256 = createHash('sha256').update(tag).digest('hex');
  const source = { path: `/bench/${tag}.pdf`, sha256, format: 'pdf' as const, pages: 1 };
  const x: Extraction = {
    source,
    pages: [{ page: 1, num: 1, text: 'x', items: null, method: 'text-layer', confidence: null, width: 595, height: 842 }],
    warnings: [],
  };
  const doc: PlanDocument = {
    source,
    unit: { name: 'Bänkenheten', key: 'bankenheten' },
    district: null,
    year: 2024,
    dnr: null,
    goals: [{ id: 'g1', level: 'kf_verksamhetsmal', code: '1.1', title: 'Mål', parentId: null, sections: {}, page: 1, line: 1 }],
    indicators: indicators(n),
    activities: [],
    budget: [],
    warnings: [],
    repairs: [],
  };
  return { x, doc };
}

const rate = (rows: number, ms: number) => `${Math.round((rows / ms) * 1000).toLocaleString('en')} rows/s`;

/** Appender throughput through PlanStore and bare, against one-row prepared INSERTs in the same run. */
export async function runStoreBench(N = DEFAULT_N): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'plans-bench-'));
  try {
    // 1. through PlanStore.load: Appender inside the transaction, plus the per-table count check
    const store = await PlanStore.open(join(dir, 'load.duckdb'));
    const { x, doc } = fixture(N, 'load');
    let t = performance.now();
    await store.load(x, doc, { parserVersion: 'bench' });
    const loadMs = performance.now() - t;
    // replacing it (delete old rows + append new ones, one transaction)
    const again = fixture(N, 'load2');
    again.x.source.path = x.source.path;
    again.doc.source = again.x.source;
    t = performance.now();
    await store.load(again.x, again.doc, { parserVersion: 'bench' });
    const replaceMs = performance.now() - t;
    store.close();

    // 2. bare Appender and 3. INSERT per row, same table layout, same connection pattern
    const inst = await DuckDBInstance.create(join(dir, 'raw.duckdb'));
    const c = await inst.connect();
    const s = await PlanStore.open(join(dir, 'schema.duckdb')); // only to get the DDL applied
    s.close();
    await c.run(`ATTACH '${join(dir, 'schema.duckdb')}' AS s (READ_ONLY); CREATE TABLE indicators AS FROM s.indicators LIMIT 0; DETACH s;`);
    const rows = indicators(N);
    const WIDTH = tableByName('indicators').columns.length;
    const cells = (i: Indicator) => [
      'doc',
      i.id,
      i.goalId,
      i.name,
      i.unitTarget?.raw ?? null,
      i.unitTarget?.kind ?? null,
      i.unitTarget?.value ?? null,
      i.unitTarget?.unit ?? null,
      i.unitTarget?.direction ?? null,
      i.kfTarget?.raw ?? null,
      i.kfTarget?.kind ?? null,
      i.kfTarget?.value ?? null,
      i.kfTarget?.unit ?? null,
      i.kfTarget?.direction ?? null,
      i.periodicity,
      i.page,
      i.line,
      // the columns the fixture leaves empty (target year, latest outcome, baseline): null, as in the store
      ...Array(WIDTH - 17).fill(null),
    ];
    t = performance.now();
    await c.run('BEGIN');
    const a = await c.createAppender('indicators');
    for (const r of rows) {
      for (const v of cells(r)) {
        if (v === null) a.appendNull();
        else if (typeof v === 'number') a.appendInteger(v);
        else a.appendVarchar(v);
      }
      a.endRow();
    }
    a.flushSync();
    a.closeSync();
    await c.run('COMMIT');
    const appenderMs = performance.now() - t;

    await c.run('DELETE FROM indicators');
    const ps = await c.prepare(`INSERT INTO indicators VALUES (${Array(WIDTH).fill('?').join(', ')})`);
    t = performance.now();
    await c.run('BEGIN');
    for (const r of rows.slice(0, INSERT_N)) {
      ps.clearBindings();
      cells(r).forEach((v, k) => {
        if (v === null) ps.bindNull(k + 1);
        else if (typeof v === 'number') k === 6 || k === 11 ? ps.bindDouble(k + 1, v) : ps.bindInteger(k + 1, v);
        else ps.bindVarchar(k + 1, v);
      });
      await ps.run();
    }
    await c.run('COMMIT');
    const insertMs = performance.now() - t;
    c.closeSync();
    inst.closeSync();

    console.log(`PlanStore.load, ${N.toLocaleString('en')} indicators: ${loadMs.toFixed(0)} ms (${rate(N, loadMs)})`);
    console.log(`PlanStore.load replacing them: ${replaceMs.toFixed(0)} ms (${rate(N, replaceMs)})`);
    console.log(`bare Appender, ${N.toLocaleString('en')} rows: ${appenderMs.toFixed(0)} ms (${rate(N, appenderMs)})`);
    console.log(`prepared INSERT per row, ${INSERT_N.toLocaleString('en')} rows: ${insertMs.toFixed(0)} ms (${rate(INSERT_N, insertMs)})`);
    const perSec = (n: number, ms: number) => n / (ms / 1000);
    return {
      'store.load_rows_per_s': perSec(N, loadMs),
      'store.appender_rows_per_s': perSec(N, appenderMs),
      'store.insert_rows_per_s': perSec(INSERT_N, insertMs),
      'store.load_vs_insert': perSec(N, loadMs) / perSec(INSERT_N, insertMs),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runStoreBench(Number(process.argv[2] ?? DEFAULT_N));
