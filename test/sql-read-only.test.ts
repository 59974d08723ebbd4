// `plans sql` reads and only reads: the statements below are refused with a clear message, nothing in the
// file changes (not even its bytes after a SELECT), and a file without write permission can be queried.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadOnlyStore } from '../data/store/read-only.js';
import { PlanStore, StoreError } from '../data/store/store.js';
import { importFiles } from '../pipeline/run.js';
import { PLANS, renderText } from '../sample/generate.js';
import { writeFileSync } from 'node:fs';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'plans-sql-'));
const db = join(dir, 'plans.duckdb');
const sha = () => createHash('sha256').update(readFileSync(db)).digest('hex');
let store: ReadOnlyStore;

beforeAll(async () => {
  const file = join(dir, 'plan.txt');
  writeFileSync(file, renderText(PLANS[0]));
  const w = await PlanStore.open(db);
  await importFiles(w, [file]);
  w.close();
  store = await ReadOnlyStore.open(db);
}, 60_000);

afterAll(() => store?.close());

const REFUSED: Array<[string, RegExp]> = [
  ['DELETE FROM goals', /only reads .* this is DELETE/],
  ['DROP TABLE repairs', /only reads .* this is DROP/],
  ["INSERT INTO meta VALUES ('x', 'y')", /only reads .* this is INSERT/],
  ['CREATE TABLE t (a INTEGER)', /only reads .* this is CREATE/],
  ['CREATE TEMP TABLE t (a INTEGER)', /only reads .* this is CREATE/],
  ['UPDATE documents SET year = 1999', /only reads .* this is UPDATE/],
  ["COPY documents TO '/tmp/plans-leak.csv'", /reads only the database: Permission Error/],
  ["ATTACH '/tmp/plans-new.duckdb' AS n", /only reads .* this is ATTACH/],
  ["SELECT * FROM read_csv('/etc/passwd')", /reads only the database: Permission Error/],
  ["SELECT * FROM read_text('/etc/passwd')", /reads only the database: Permission Error/],
  ["SELECT * FROM glob('/etc/*')", /reads only the database: Permission Error/],
  ['INSTALL httpfs', /only reads .* this is LOAD/],
  ['LOAD httpfs', /only reads .* this is LOAD/],
  ['SET threads = 1', /only reads .* this is SET/],
  ['PRAGMA enable_profiling', /only reads .* this is PRAGMA/],
  ['CHECKPOINT', /only reads .* this is CALL/],
  ['SELECT 1; DELETE FROM goals', /one statement per call; got 2/],
  ['SELECT 1; SELECT 2', /one statement per call; got 2/],
];

describe('plans sql', () => {
  it.each(REFUSED)('refuses %s', async (sql, message) => {
    const before = sha();
    const e = await store.query(sql).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).rule).toBe('store-refused');
    expect((e as Error).message).toMatch(message);
    expect(sha()).toBe(before);
  });

  it('answers reading statements', async () => {
    expect((await store.query('SELECT count(*) AS n FROM goals')).rows[0][0]).toBeGreaterThan(5);
    expect((await store.query('DESCRIBE goals')).rows.length).toBeGreaterThan(5);
    expect((await store.query('SHOW TABLES')).rows.length).toBeGreaterThan(5);
    expect((await store.query('EXPLAIN SELECT * FROM goals')).rows.length).toBeGreaterThan(0);
    expect((await store.query("PRAGMA table_info('goals')")).rows.length).toBeGreaterThan(5);
  });

  it('leaves the bytes of the file unchanged, queries a file without write permission, and says when there is no database', async () => {
    store.close();
    const before = sha();
    chmodSync(db, 0o444);
    const cli = ['--import', 'tsx', new URL('../pipeline/cli.ts', import.meta.url).pathname];
    const { stdout } = await run('node', [...cli, 'sql', '--db', db, '--format', 'csv', 'SELECT count(*) AS n FROM documents']);
    expect(stdout).toBe('n\n1\n');
    expect(sha()).toBe(before);
    const refused = await run('node', [...cli, 'sql', '--db', db, 'DROP TABLE goals']).catch((e) => e);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/plans sql only reads/);
    const missing = join(dir, 'nope.duckdb');
    for (const args of [
      ['sql', '--db', missing, 'SELECT 1'],
      ['rebuild', '--db', missing],
    ]) {
      const r = await run('node', [...cli, ...args]).catch((e) => e);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`no database at ${missing} (create one with plans import)`);
    }
    chmodSync(db, 0o644);
    store = await ReadOnlyStore.open(db);
  }, 60_000);
});
