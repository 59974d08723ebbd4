// A batch survives a hostile file tree and oversized input: unlistable folders, symlink loops and broken
// links are failed entries, an oversized file, a document over its time or memory limit is a named
// failure, and Ctrl-C stops after the document in hand with a summary — the other files are imported.
import { execFile, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PlanStore } from '../data/store/store.js';
import { collectInputs } from '../pipeline/batch.js';
import { importFiles } from '../pipeline/run.js';
import { PLANS, renderPdf, renderText } from '../sample/generate.js';

const run = promisify(execFile);
const CLI = ['--import', 'tsx', new URL('../pipeline/cli.ts', import.meta.url).pathname];

/** A temporary tree anyone may read and write (the CLI may run as `nobody`, see asUnprivileged). */
function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plans-safe-'));
  chmodSync(dir, 0o777);
  return dir;
}

function plan(dir: string, name: string, i = 0): string {
  const file = join(dir, name);
  // distinct bytes for each file, so no two are the same document
  writeFileSync(file, `${renderText(PLANS[i % PLANS.length])}${'\n'.repeat(i + 1)}`);
  chmodSync(file, 0o666);
  return file;
}

/** root reads every folder whatever its mode: the permission case runs the CLI as nobody. */
function asUnprivileged(args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return ['node', args];
  return ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', process.execPath, ...args]];
}

describe('the walker', () => {
  it('reports symlink loops, broken links and a second way to the same file once each, and walks on', async () => {
    const dir = tree();
    plan(dir, 'a.txt');
    mkdirSync(join(dir, 'sub'));
    plan(join(dir, 'sub'), 'b.txt', 1);
    symlinkSync('..', join(dir, 'sub', 'up')); // back to a folder being walked
    symlinkSync('self', join(dir, 'self')); // a link to itself
    symlinkSync('nowhere.txt', join(dir, 'broken.txt'));
    symlinkSync('a.txt', join(dir, 'z-again.txt'));
    const { files, skipped } = await collectInputs([dir]);
    expect(files.map((f) => f.slice(dir.length))).toEqual(['/a.txt', '/sub/b.txt']);
    const by = Object.fromEntries(skipped.map((o) => [o.file.slice(dir.length), o]));
    expect(by['/sub/up']).toMatchObject({ status: 'failed', code: 'symlink-loop' });
    expect(by['/self']).toMatchObject({ status: 'failed', code: 'symlink-loop' });
    expect(by['/broken.txt']).toMatchObject({ status: 'failed', code: 'missing', reason: expect.stringMatching(/broken symlink/) });
    expect(by['/z-again.txt']).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/the same file as .*a\.txt/) });
  });

  it('imports the readable files beside a folder it may not list, and names the folder', async () => {
    const dir = tree();
    plan(dir, 'a.txt');
    mkdirSync(join(dir, 'locked'));
    plan(join(dir, 'locked'), 'hidden.txt', 1);
    chmodSync(join(dir, 'locked'), 0o000);
    const [cmd, args] = asUnprivileged([...CLI, 'import', dir, '--db', join(dir, 'p.duckdb')]);
    const r = await run(cmd, args, { env: { ...process.env, HOME: dir } }).catch((e) => e);
    chmodSync(join(dir, 'locked'), 0o755);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/FAILED .*locked: cannot list folder: permission denied/);
    expect(r.stderr).toMatch(/1 imported/);
  }, 60_000);
});

describe('limits', () => {
  it('refuses a file over --max-file-mb by name and imports the rest', async () => {
    const dir = tree();
    const big = join(dir, 'big.txt');
    writeFileSync(big, renderText(PLANS[0]).repeat(400)); // a few MB
    plan(dir, 'small.txt', 1);
    const r = await run('node', [...CLI, 'import', dir, '--db', join(dir, 'p.duckdb'), '--max-file-mb', '1']).catch((e) => e);
    expect(r.stderr).toMatch(/FAILED .*big\.txt: too large: \d+ MB > 1 MB; raise with --max-file-mb/);
    expect(r.stderr).toMatch(/1 imported/);
    expect(r.code).toBe(2);
  }, 60_000);

  it('refuses a PDF over --max-pages before reading its pages', async () => {
    const dir = tree();
    const pdf = join(dir, 'plan.pdf');
    writeFileSync(pdf, await renderPdf(PLANS[0]));
    const store = await PlanStore.open(':memory:');
    try {
      const [o] = await importFiles(store, [pdf], {}, { limits: { maxPages: 2 } });
      expect(o).toMatchObject({
        status: 'failed',
        code: 'too-large',
        reason: expect.stringMatching(/^too many pages: \d+ > 2; raise with --max-pages$/),
      });
    } finally {
      store.close();
    }
  });

  it('makes a document over the time limit, or over the memory limit, a named failure, and goes on', async () => {
    const dir = tree();
    const big = join(dir, 'a-big.txt');
    writeFileSync(big, renderText(PLANS[0]).repeat(1500)); // ~15 MB: a check and a read of many seconds
    const small = plan(dir, 'b-small.txt', 1);
    const store = await PlanStore.open(':memory:');
    try {
      const slow = await importFiles(store, [big, small], {}, { timeoutS: 5, threads: 1 });
      expect(slow.map((o) => [o.status, 'reason' in o ? o.reason : ''])).toEqual([
        ['failed', expect.any(String)],
        ['inserted', ''],
      ]);
      expect(slow[0]).toMatchObject({ code: 'timeout', reason: expect.stringMatching(/longer than 5 s; raise with --timeout-s/) });
      // the same small file, another copy: it fits in the limit the big one does not
      const twin = join(dir, 'c-small.txt');
      writeFileSync(twin, `${renderText(PLANS[2])}\n`);
      const heavy = await importFiles(store, [big, twin], {}, { maxMemoryMb: 128, threads: 1 });
      expect(heavy[0]).toMatchObject({ status: 'failed', code: 'too-large', reason: expect.stringMatching(/more than the 128 MB/) });
      expect(heavy[1].status).toBe('inserted');
      expect((await store.query('select count(*) from documents')).rows).toEqual([[2]]);
    } finally {
      store.close();
    }
  }, 120_000);
});

describe('Ctrl-C', () => {
  it('loads what was extracted, prints the summary and how to resume, and a rerun finishes the batch', async () => {
    const dir = tree();
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    for (let i = 0; i < 12; i++) plan(inputs, `p${String(i).padStart(2, '0')}.txt`, i);
    const db = join(dir, 'p.duckdb');
    const child = spawn('node', [...CLI, 'import', inputs, '--db', db]);
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      if (!sent && /extracting \[3\/12\]/.test(stderr)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((res) => child.on('close', res));
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopping: the files extracted so far are loaded/);
    expect(stderr).toMatch(/12 files|\d+ files: /);
    expect(stderr).toMatch(/interrupted: \d+ files? not imported; run the same command again to resume/);
    const store = await PlanStore.open(db);
    const loaded = Number((await store.query('select count(*) from documents')).rows[0][0]);
    // nothing half-loaded: every stored document has all its pages
    expect(
      (await store.query('select count(*) from documents d where page_count <> (select count(*) from pages p where p.document_id = d.document_id)'))
        .rows,
    ).toEqual([[0]]);
    store.close();
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(12);
    const again = await run('node', [...CLI, 'import', inputs, '--db', db]);
    expect(again.stderr).toMatch(new RegExp(`${12 - loaded} imported, 0 replaced, ${loaded} unchanged`));
  }, 120_000);
});
