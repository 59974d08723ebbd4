// The distributed mode: a local redis-server on 127.0.0.1, two `plans worker` processes, and the importer
// here. The database it writes equals a local import of the same files, row for row in every table (a bad
// file fails the same way); a worker killed with a job in hand, and an importer killed mid-batch, lose
// nothing: the batch completes (after a rerun, for the importer) with the same rows. Small files travel
// with their jobs: workers that cannot see the files at all give the same rows.
// Without redis-server the tests are skipped, loudly; under CI=true they fail instead.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanStore } from '../data/store/store.js';
import type { Outcome } from '../pipeline/batch.js';
import { parseQueueUrl } from '../pipeline/queue/connection.js';
import { importViaQueue } from '../pipeline/queue/enqueue.js';
import { importFiles } from '../pipeline/run.js';
import { fileNameOf, formatOf, PLANS, renderAs } from '../sample/generate.js';
import { DOCUMENT_ROWS, IDENTITY_ROWS, tableRows } from './helpers/table-rows.js';

const haveRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!haveRedis) {
  const banner = 'redis-server is not installed: the queue tests (test/queue.test.ts) are skipped (apt-get install redis-server)';
  if (process.env.CI === 'true') throw new Error(`CI=true and ${banner}`);
  process.stderr.write(`\n*** ${banner}\n\n`);
}

const ENTRY = new URL('../pipeline/cli.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'plans-queue-'));
const children = new Set<ChildProcess>();
let port = 0;
let files: string[] = [];
let local: Record<string, string[]>;
let localOutcomes: string[];

async function rowsOf(db: string): Promise<Record<string, string[]>> {
  const store = await PlanStore.open(db);
  try {
    return await tableRows(store, { ...DOCUMENT_ROWS, ...IDENTITY_ROWS });
  } finally {
    store.close();
  }
}

const told = (outcomes: Outcome[]) => outcomes.map((o) => `${o.file} ${o.status}${o.status === 'failed' ? ` ${o.code} ${o.reason}` : ''}`).sort();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port: p } = srv.address() as { port: number };
      srv.close(() => resolve(p));
    });
  });
}

/** A child process whose stderr (and stdout) lines are collected; `waitFor` resolves on the first line matching. */
function start(cmd: string, args: string[]): { child: ChildProcess; lines: string[]; waitFor(re: RegExp, ms?: number): Promise<string> } {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const lines: string[] = [];
  const waiters: Array<{ re: RegExp; resolve: (l: string) => void }> = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.re.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const waitFor = (re: RegExp, ms = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find((l) => re.test(l));
      if (seen) return resolve(seen);
      const timer = setTimeout(() => reject(new Error(`no line matching ${re} from ${args.join(' ')} in ${ms} ms:\n${lines.join('\n')}`)), ms);
      waiters.push({
        re,
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${args.join(' ')} exited (${code}) before a line matching ${re}:\n${lines.join('\n')}`));
      });
    });
  return { child, lines, waitFor };
}

/** Two workers on a queue of their own; `lockS` short, so a dead worker's job is taken up again soon. */
async function workers(queue: string, extra: string[][] = [[], []]) {
  const ws = extra.map((args) =>
    start(process.execPath, ['--import', 'tsx', ENTRY, 'worker', '--queue', queue, '--threads', '1', '--concurrency', '1', '--lock-s', '2', ...args]),
  );
  await Promise.all(ws.map((w) => w.waitFor(/working for/)));
  return ws;
}

async function stopAll(ws: Array<{ child: ChildProcess }>) {
  await Promise.all(
    ws.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
          w.child.once('exit', () => resolve());
          w.child.kill('SIGTERM');
        }),
    ),
  );
}

const url = (queue: string) => `redis://127.0.0.1:${port}?queue=${queue}`;

describe.skipIf(!haveRedis)('plans import --queue with two workers', () => {
  beforeAll(async () => {
    port = await freePort();
    const redis = start('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
    await redis.waitFor(/Ready to accept connections/, 20_000);
    // the sample plans but the scan (OCR is slow and tested elsewhere), and a PDF that is not one
    for (const p of PLANS.filter((q) => formatOf(q) !== 'scan')) {
      const to = join(dir, 'in', fileNameOf(p));
      mkdirSync(join(to, '..'), { recursive: true });
      writeFileSync(to, await renderAs(p, formatOf(p)));
      files.push(to);
    }
    const broken = join(dir, 'in', 'broken.pdf');
    writeFileSync(broken, '%PDF-1.7\nthis is not a PDF at all\n');
    files = [...files, broken];
    const store = await PlanStore.open(join(dir, 'local.duckdb'));
    try {
      localOutcomes = told(await importFiles(store, files, {}, { threads: 1 }));
    } finally {
      store.close();
    }
    local = await rowsOf(join(dir, 'local.duckdb'));
  }, 180_000);

  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
  });

  it('gives the rows of a local import, and the same failures', { timeout: 180_000 }, async () => {
    expect(localOutcomes.filter((o) => o.includes(' failed '))).toHaveLength(1);
    const ws = await workers(url('equal'));
    const db = join(dir, 'equal.duckdb');
    const t0 = Date.now();
    const counts: unknown[] = [];
    const store = await PlanStore.open(db);
    let outcomes: Outcome[];
    try {
      outcomes = await importViaQueue(store, files, {}, { queue: url('equal'), backoffMs: 100, onCounts: (c) => counts.push(c), countsEveryMs: 200 });
    } finally {
      store.close();
    }
    process.stderr.write(`queue import of ${files.length} files with 2 workers: ${Date.now() - t0} ms\n`);
    expect(told(outcomes)).toEqual(localOutcomes);
    expect(await rowsOf(db)).toEqual(local);
    expect(local.goals.length).toBeGreaterThan(100);
    // both workers worked, and the queue's counts were told
    for (const w of ws) expect(w.lines.some((l) => / took (extract|read) /.test(l))).toBe(true);
    expect(counts.length).toBeGreaterThan(0);

    // a second run changes nothing and queues nothing
    const again = await PlanStore.open(db);
    try {
      const second = await importViaQueue(again, files, {}, { queue: url('equal') });
      expect(second.filter((o) => o.status === 'unchanged')).toHaveLength(files.length - 1);
    } finally {
      again.close();
    }
    expect(await rowsOf(db)).toEqual(local);
    await stopAll(ws);
  });

  it('completes the batch when a worker is killed with a job in hand', { timeout: 180_000 }, async () => {
    const [a, b] = await workers(url('kill'), [['--hold-ms', '1500'], []]);
    const db = join(dir, 'kill.duckdb');
    const store = await PlanStore.open(db);
    let outcomes: Outcome[];
    try {
      const run = importViaQueue(store, files, {}, { queue: url('kill'), backoffMs: 100 });
      const took = await a.waitFor(/ took extract /);
      a.child.kill('SIGKILL');
      outcomes = await run;
      // the job the dead worker held was done by the other one
      const id = / took extract (\S+)/.exec(took)![1];
      expect(b.lines.some((l) => l.includes(`took extract ${id}`))).toBe(true);
    } finally {
      store.close();
    }
    expect(told(outcomes)).toEqual(localOutcomes);
    expect(await rowsOf(db)).toEqual(local);
    await stopAll([a, b]);
  });

  it('completes the batch on a rerun when the importer is killed mid-batch', { timeout: 180_000 }, async () => {
    const ws = await workers(url('importer'));
    const db = join(dir, 'importer.duckdb');
    const importer = start(process.execPath, ['--import', 'tsx', ENTRY, 'import', ...files, '--db', db, '--queue', url('importer')]);
    await importer.waitFor(/^\[1\/\d+\] /);
    importer.child.kill('SIGKILL');
    await new Promise((r) => importer.child.once('exit', r));
    const store = await PlanStore.open(db);
    try {
      const outcomes = await importViaQueue(store, files, {}, { queue: url('importer'), backoffMs: 100 });
      expect(outcomes.filter((o) => o.status === 'failed')).toHaveLength(1);
      // the importer died before the batch was loaded: this run loaded the rest
      expect(outcomes.filter((o) => o.status === 'inserted').length).toBeGreaterThan(0);
    } finally {
      store.close();
    }
    expect(await rowsOf(db)).toEqual(local);
    await stopAll(ws);
  });

  it('sends small files with their jobs: workers that cannot see the files give the same rows', { timeout: 180_000 }, async () => {
    const db = join(dir, 'bytes.duckdb');
    const store = await PlanStore.open(db);
    const { name, connection } = parseQueueUrl(url('bytes'));
    const queue = new Queue(name, { connection });
    const gone = join(dir, 'in-gone');
    let moved = false;
    try {
      const run = importViaQueue(store, files, {}, { queue: url('bytes'), backoffMs: 100 });
      // every file hashed and queued before any worker runs; then the files go away
      for (let t = 0; (await queue.getJobCounts('waiting')).waiting < files.length; t++) {
        if (t > 600) throw new Error('the importer did not queue the files');
        await new Promise((r) => setTimeout(r, 100));
      }
      renameSync(join(dir, 'in'), gone);
      moved = true;
      const ws = await workers(url('bytes'));
      const outcomes = await run;
      expect(told(outcomes)).toEqual(localOutcomes);
      await stopAll(ws);
    } finally {
      if (moved) renameSync(gone, join(dir, 'in'));
      await queue.close();
      store.close();
    }
    expect(await rowsOf(db)).toEqual(local);
  });
});
