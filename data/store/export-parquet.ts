// The store as Parquet, for engines beyond one machine (DuckDB, Spark, Trino, anything that reads Parquet
// over shared or object storage). Every table of the database and every view becomes a folder under the
// output directory:
//   - a table or view with a plan year (documents and the views carry `year`; the tables of a document's
//     rows get it from their document) is hive-partitioned by it: `pages/year=2023/data_0.parquet`, a
//     document without a year under `year=__HIVE_DEFAULT_PARTITION__` (read back as NULL). The year is in
//     the path only, as hive partitioning has it; read with
//     `read_parquet('DIR/pages/**/*.parquet', hive_partitioning = true, hive_types = {'year': INTEGER})`;
//   - anything else (`meta`) is one file, `meta/data_0.parquet`.
// An empty partitioned table is one empty file under the NULL partition, so every folder can be read with
// the same call. Rows are written in primary-key order (then insertion order), on one thread, so the same
// database gives the same files. The database is opened read-only: an export never writes it, and can run
// beside `plans sql`, not beside an import (DuckDB's one-writer rule).
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ALL_TABLES, SCHEMA_VERSION } from './schema.js';
import { mustExist, openDuckDB, StoreError } from './store.js';

/** Marks an export's directory (and, once `complete`, lists what it holds); an export only writes into an empty directory or one holding this. */
export const MANIFEST = '_plans_export.json';

const NULL_PARTITION = 'year=__HIVE_DEFAULT_PARTITION__';

export interface ExportedRelation {
  name: string;
  kind: 'table' | 'view';
  /** hive-partitioned by year, or one file */
  partitioned: boolean;
  rows: number;
}

export interface ExportResult {
  dir: string;
  relations: ExportedRelation[];
}

/** Natural order of the tables the schema gives no primary key; ties are broken by insertion order. */
const ORDER: Record<string, string[]> = {
  pages: ['document_id', 'page'],
  goals: ['document_id', 'goal_id'],
  goal_sections: ['document_id', 'goal_id', 'section'],
  indicators: ['document_id', 'indicator_id'],
  activities: ['document_id', 'activity_id'],
  budget_lines: ['document_id', 'budget_table'],
  warnings: ['document_id'],
  repairs: ['document_id'],
};

export async function exportParquet(dbPath: string, outDir: string): Promise<ExportResult> {
  mustExist(dbPath);
  const dir = resolve(outDir);
  prepareDir(dir);
  await mkdir(dir, { recursive: true });
  // the manifest marks the directory as an export's from the start, so an interrupted export can be redone
  await writeFile(join(dir, MANIFEST), `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, database: resolve(dbPath), complete: false })}\n`);
  const instance = await openDuckDB(dbPath, resolve(dbPath), { access_mode: 'READ_ONLY', threads: '1' });
  const conn = await instance.connect();
  try {
    const relations: ExportedRelation[] = [];
    for (const rel of await relationsOf(conn)) relations.push(await exportOne(conn, rel, dir));
    await writeFile(
      join(dir, MANIFEST),
      `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, database: resolve(dbPath), complete: true, relations }, null, 2)}\n`,
    );
    return { dir, relations };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

interface Relation {
  name: string;
  kind: 'table' | 'view';
  columns: string[];
}

/** The tables (declared ones first, in schema order) and the views of the database's main schema. */
async function relationsOf(conn: DuckDBConnection): Promise<Relation[]> {
  const cols = await conn.runAndReadAll(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
  );
  const columns = new Map<string, string[]>();
  for (const [t, c] of cols.getRowsJson()) columns.set(String(t), [...(columns.get(String(t)) ?? []), String(c)]);
  const tables = (await conn.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal AND NOT temporary`))
    .getRowsJson()
    .map((r) => String(r[0]));
  const views = (
    await conn.runAndReadAll(`SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal AND NOT temporary ORDER BY view_name`)
  )
    .getRowsJson()
    .map((r) => String(r[0]));
  const declared = ALL_TABLES.map((t) => t.name);
  const rank = (t: string) => (declared.includes(t) ? declared.indexOf(t) : declared.length);
  const orderedTables = [...tables].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return [
    ...orderedTables.map((name) => ({ name, kind: 'table' as const, columns: columns.get(name) ?? [] })),
    ...views.map((name) => ({ name, kind: 'view' as const, columns: columns.get(name) ?? [] })),
  ];
}

async function exportOne(conn: DuckDBConnection, rel: Relation, dir: string): Promise<ExportedRelation> {
  const target = join(dir, rel.name);
  await rm(target, { recursive: true, force: true });
  const q = quote;
  const own = rel.columns.map((c) => `t.${q(c)}`);
  const hasYear = rel.columns.includes('year');
  const joinsDocuments = !hasYear && rel.kind === 'table' && rel.columns.includes('document_id');
  const partitioned = hasYear || joinsDocuments;
  const order = orderOf(rel).map((c) => (c === 'rowid' ? 't.rowid' : `t.${q(c)}`));
  const from = joinsDocuments ? `${q(rel.name)} t LEFT JOIN documents d ON d.document_id = t.document_id` : `${q(rel.name)} t`;
  const select = joinsDocuments ? [...own, 'd.year AS year'] : own;
  const rows = Number((await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM ${q(rel.name)}`)).getRowsJson()[0][0]);
  const query = `SELECT ${select.join(', ')} FROM ${from}${order.length ? ` ORDER BY ${order.join(', ')}` : ''}`;
  await mkdir(target, { recursive: true });
  if (!partitioned) {
    await conn.run(`COPY (${query}) TO ${literal(join(target, 'data_0.parquet'))} (FORMAT parquet)`);
  } else if (rows === 0) {
    // nothing to partition: one empty file in the NULL partition, with the columns of the others (year in the path)
    const cols = select.filter((c) => c !== 't."year"' && c !== 'd.year AS year');
    await mkdir(join(target, NULL_PARTITION), { recursive: true });
    await conn.run(
      `COPY (SELECT ${cols.join(', ')} FROM ${from} WHERE false) TO ${literal(join(target, NULL_PARTITION, 'data_0.parquet'))} (FORMAT parquet)`,
    );
  } else {
    await conn.run(`COPY (${query}) TO ${literal(target)} (FORMAT parquet, PARTITION_BY (year), OVERWRITE true)`);
  }
  return { name: rel.name, kind: rel.kind, partitioned, rows };
}

/** Primary key, else the natural order above, then insertion order (tables) or every column (views). */
function orderOf(rel: Relation): string[] {
  if (rel.kind === 'view') return rel.columns;
  const pk = ALL_TABLES.find((t) => t.name === rel.name)?.primaryKey;
  if (pk) return pk;
  return [...(ORDER[rel.name] ?? (rel.columns.includes('document_id') ? ['document_id'] : [])), 'rowid'];
}

/** An export writes into an empty (or new) directory, or over an earlier export; never over anything else. */
function prepareDir(dir: string): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir);
  if (entries.length && !entries.includes(MANIFEST)) {
    throw new StoreError(`${dir} holds other files; export into an empty directory (or over an earlier export)`, 'refused');
  }
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
