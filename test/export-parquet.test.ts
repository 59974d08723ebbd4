// Parquet export: every table and view of a real import, hive-partitioned by year where there is one, read
// back with DuckDB and compared row for row with the database; the same database gives the same bytes.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportParquet, MANIFEST } from '../data/store/export-parquet.js';
import { ALL_TABLES, DOCUMENT_TABLES } from '../data/store/schema.js';
import { PlanStore } from '../data/store/store.js';
import { importFiles } from '../pipeline/run.js';
import { fileNameOf, formatOf, PLANS, renderAs } from '../sample/generate.js';

const dir = mkdtempSync(join(tmpdir(), 'plans-parquet-'));
const db = join(dir, 'plans.duckdb');

/** The sample plans of one unit in every format but the scan (OCR is slow and tested elsewhere), plus a text plan of another. */
async function sampleFiles(): Promise<string[]> {
  const chosen = PLANS.filter((p) => formatOf(p) !== 'scan' && (p.key === 'fritid-solberga' || p.key === 'bestallare-vuxna'));
  const files: string[] = [];
  for (const p of chosen) {
    const to = join(dir, 'in', fileNameOf(p));
    mkdirSync(join(to, '..'), { recursive: true });
    writeFileSync(to, await renderAs(p, formatOf(p)));
    files.push(to);
  }
  return files;
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(root, f)).isFile())
    .sort();
}

beforeAll(async () => {
  const store = await PlanStore.open(db);
  try {
    const outcomes = await importFiles(store, await sampleFiles(), {}, { threads: 1 });
    expect(outcomes.filter((o) => o.status === 'failed')).toEqual([]);
  } finally {
    store.close();
  }
}, 180_000);

describe('exportParquet', () => {
  it('writes every table and view; read back, each equals the database row for row', async () => {
    const out = join(dir, 'parquet');
    const result = await exportParquet(db, out);
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    await conn.run(`ATTACH '${db}' AS src (READ_ONLY)`);
    const names = async (sql: string) => (await conn.runAndReadAll(sql)).getRowsJson().map((r) => String(r[0]));
    // every table (the schema's first, in its order) and every view of the database
    const tables = await names(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'src' AND NOT internal`);
    const views = await names(`SELECT view_name FROM duckdb_views() WHERE database_name = 'src' AND NOT internal ORDER BY view_name`);
    const declared = ALL_TABLES.map((t) => t.name);
    const others = tables.filter((t) => !declared.includes(t)).sort();
    expect(result.relations.map((r) => r.name)).toEqual([...declared.filter((t) => tables.includes(t)), ...others, ...views]);
    expect(views).toEqual(expect.arrayContaining(['v_budget', 'v_goal_tree', 'v_indicator_targets']));
    // partitioned: whatever has a year, or a document to take it from
    for (const rel of result.relations) {
      const cols = await names(`SELECT column_name FROM information_schema.columns WHERE table_catalog = 'src' AND table_name = '${rel.name}'`);
      const yearly = cols.includes('year') || (rel.kind === 'table' && cols.includes('document_id'));
      expect(rel.partitioned, rel.name).toBe(yearly);
    }
    expect(result.relations.find((r) => r.name === 'meta')?.partitioned).toBe(false);
    expect(readdirSync(join(out, 'documents')).sort()).toEqual(expect.arrayContaining(['year=2022', 'year=2023', 'year=2024']));

    const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowsJson().map((r) => JSON.stringify(r));
    const parquet = (name: string) => `read_parquet('${join(out, name)}/**/*.parquet', hive_partitioning = true, hive_types = {'year': INTEGER})`;
    try {
      for (const rel of result.relations) {
        const cols = (
          await conn.runAndReadAll(
            `SELECT column_name FROM information_schema.columns WHERE table_catalog = 'src' AND table_name = '${rel.name}' ORDER BY ordinal_position`,
          )
        )
          .getRowsJson()
          .map((r) => `"${String(r[0])}"`);
        expect(cols.length, rel.name).toBeGreaterThan(0);
        const list = cols.map((c) => `t.${c}`).join(', ');
        let fromDb: string[];
        let fromParquet: string[];
        if (!rel.partitioned) {
          fromDb = await rows(`SELECT ${list} FROM src.${rel.name} t`);
          fromParquet = await rows(`SELECT ${list} FROM read_parquet('${join(out, rel.name, 'data_0.parquet')}') t`);
        } else if (cols.includes('"year"')) {
          fromDb = await rows(`SELECT ${list} FROM src.${rel.name} t`);
          fromParquet = await rows(`SELECT ${list} FROM ${parquet(rel.name)} t`);
        } else {
          // a document's rows carry their document's year in the path
          fromDb = await rows(`SELECT ${list}, d.year FROM src.${rel.name} t JOIN src.documents d USING (document_id)`);
          fromParquet = await rows(`SELECT ${list}, t.year FROM ${parquet(rel.name)} t`);
        }
        expect(fromParquet.length, rel.name).toBe(rel.rows);
        expect(fromParquet.sort(), rel.name).toEqual(fromDb.sort());
        if ([...DOCUMENT_TABLES, ...views].includes(rel.name)) expect(rel.rows, rel.name).toBeGreaterThan(0);
      }
      // the mojibake export was repaired: its repairs are exported with its year
      const repaired = await rows(`SELECT DISTINCT year FROM ${parquet('repairs')}`);
      expect(repaired).toEqual(['[2022]']);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
    expect(JSON.parse(readFileSync(join(out, MANIFEST), 'utf8'))).toMatchObject({ complete: true });
  });

  it('gives the same bytes for the same database, and refuses a directory holding other files', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    await exportParquet(db, a);
    await exportParquet(db, b);
    await exportParquet(db, b); // over an earlier export
    const files = filesUnder(a).filter((f) => f !== MANIFEST);
    expect(files.length).toBeGreaterThan(20);
    expect(filesUnder(b).filter((f) => f !== MANIFEST)).toEqual(files);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), relative(dir, join(b, f))).toBe(true);

    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine');
    await expect(exportParquet(db, other)).rejects.toThrow(/holds other files/);
  });

  it('opens the database read-only: an empty table is one empty file, and a missing database is named', async () => {
    const empty = join(dir, 'empty.duckdb');
    (await PlanStore.open(empty)).close();
    const out = join(dir, 'empty-out');
    const result = await exportParquet(empty, out);
    expect(result.relations.find((r) => r.name === 'documents')).toMatchObject({ rows: 0, partitioned: true });
    expect(filesUnder(join(out, 'goals'))).toEqual(['year=__HIVE_DEFAULT_PARTITION__/data_0.parquet']);
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const r = await conn.runAndReadAll(
      `SELECT count(*)::INTEGER, max(year) FROM read_parquet('${join(out, 'goals')}/**/*.parquet', hive_partitioning = true, hive_types = {'year': INTEGER})`,
    );
    expect(r.getRowsJson()).toEqual([[0, null]]);
    conn.closeSync();
    instance.closeSync();
    await expect(exportParquet(join(dir, 'nowhere.duckdb'), join(dir, 'x'))).rejects.toThrow(/no database at/);
  });
});
