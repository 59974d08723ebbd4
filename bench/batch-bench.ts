// Batch import growth: `npx tsx bench/batch-bench.ts [N,N,…]` (or BENCH_DOCS=100,1000,10000; one number
// N means the default steps below it and N). For each N, N distinct files made from the sample plans
// (sample/generate.ts: 10 % PDF, 10 % mojibake text, 40 % markdown, 40 % text; each text with its own Dnr
// line, each PDF one of the nine rendered once with a comment appended after %%EOF) go through
// importFiles into a fresh PlanStore on disk, with a warmed read pool of its own. Per N: wall and CPU
// time (process.cpuUsage counts every thread of the process, the read workers included), docs/s,
// rows/s, peak RSS (sampled every 100 ms; worker threads live in the same process and count too), and
// the time between the steps the batch reports (onStep: extract → first load → last outcome).
// References in the same run, as ratios:
// - a bare DuckDB Appender appending the very rows the import loaded (read back from its database), one
//   transaction, one Appender a table, then a CHECKPOINT; against it the store's time in loadMany plus a
//   CHECKPOINT after the import (load_store_rows_vs_appender: both sides write the rows into the file);
// - the first reference, kept for comparison: as many rows per table, strings of the average length found,
//   no checkpoint on either side (load_store_rows_vs_synthetic_appender);
// - pdftotext (poppler-utils) on the PDFs of the set, one process at a time like the extract step:
//   our extract time per PDF page against its time per page (NaN where pdftotext is missing).
// Growth: time per document at each N and its ratio between consecutive N (≈1 is linear).
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';
import { promisify } from 'node:util';
import { type DuckDBAppender, type DuckDBDateValue, DuckDBInstance, type DuckDBTimestampValue, dateValue, timestampValue } from '@duckdb/node-api';
import { PlanStore } from '../data/store/store.js';
import { ReadOnlyStore } from '../data/store/read-only.js';
import { CSV_REPORTS, writeCsvReport } from '../reports/compare-report.js';
import { queryReportData } from '../reports/html-report-data.js';
import { DOCUMENT_TABLES, createTableSql, tableByName } from '../data/store/schema.js';
import type { BatchStep, Outcome } from '../pipeline/batch.js';
import { ReadPool } from '../pipeline/read-pool.js';
import { importFiles } from '../pipeline/run.js';
import { PLANS, type Plan, renderMarkdown, renderPdf, renderText, toMojibake } from '../sample/generate.js';

const run = promisify(execFile);
/** poppler-utils' text extractor (a Debian package, like the tesseract the OCR bench runs) */
const POPPLER_TEXT = 'pdftotext';

const DEFAULT_SIZES = [100, 1_000];

type Kind = 'pdf' | 'mojibake' | 'md' | 'txt';

/** Sizes from BENCH_DOCS or argv: a list, or one number N (the default steps below N, then N). */
function sizesFrom(spec: string | undefined): number[] {
  if (!spec) return DEFAULT_SIZES;
  const list = spec
    .split(',')
    .map((s) => Number(s.trim().replace(/_/g, '')))
    .filter((n) => Number.isInteger(n) && n > 0);
  if (list.length !== 1) return list.length ? list : DEFAULT_SIZES;
  return [...DEFAULT_SIZES.filter((n) => n < list[0]), list[0]];
}

const kindOf = (i: number): Kind => (i % 10 === 0 ? 'pdf' : i % 10 === 5 ? 'mojibake' : i % 2 ? 'md' : 'txt');

/** N distinct files in `dir`; the nine PDFs are rendered once (by the caller) and told apart by a trailing comment. */
export function writeCorpus(dir: string, n: number, pdfs: Buffer[]): { files: string[]; pdfFiles: string[] } {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const pdfFiles: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % PLANS.length;
    const p: Plan = PLANS[k];
    const kind = kindOf(i);
    const variant: Plan = { ...p, dnr: `${p.dnr.replace(/\/\d+$/, '')}/${1000 + i}` };
    const name = join(dir, `${String(i).padStart(5, '0')}-${p.key}-${p.year}${kind === 'mojibake' ? '-mojibake.txt' : `.${kind}`}`);
    const data =
      kind === 'pdf'
        ? Buffer.concat([pdfs[k], Buffer.from(`\n%bench copy ${i}\n`)])
        : Buffer.from(kind === 'md' ? renderMarkdown(variant) : kind === 'mojibake' ? toMojibake(renderText(variant)) : renderText(variant), 'utf8');
    writeFileSync(name, data);
    files.push(name);
    if (kind === 'pdf') pdfFiles.push(name);
  }
  return { files, pdfFiles };
}

interface Measured {
  n: number;
  db: string;
  wallS: number;
  cpuS: number;
  peakRssMb: number;
  /** main thread: peaks of the V8 heap in use, of memory outside it (Buffers, DuckDB's JS-visible results) and ArrayBuffers */
  peakHeapMb: number;
  peakExternalMb: number;
  peakArrayBuffersMb: number;
  /** DuckDB's own accounting after the last load (duckdb_memory(): buffer manager and caches), MB */
  duckdbMb: number;
  /** peak RSS and main-thread heap in use, MB, in each step: extract (with the clean checks), load (read and load), identities */
  phasePeaks: Record<'extract' | 'load' | 'identities', { rss: number; heap: number }>;
  /** the largest V8 heap a read worker reported, MB: in use and committed */
  workerHeapMb: { used: number; total: number };
  /** memory every tenth of the documents: [done, rss, heapUsed, external] MB */
  memoryTrace: Array<[number, number, number, number]>;
  /** garbage collection on the main thread (the extractor and loader), from the perf_hooks gc entries */
  mainGcS: number;
  startRssMb: number;
  /** first extract step → first load step: extraction, the clean checks' wait and the repair model */
  extractS: number;
  /** from the last extract step to the first load step (the last file's extraction, the clean wait, the model) */
  modelS: number;
  /** first load step → last outcome: read in workers and loaded here */
  loadS: number;
  /** time inside PlanStore.loadMany (the loader's transactions) and PlanStore.storedAmong (one query a window of files) */
  storeS: number;
  /** a CHECKPOINT right after the import: the rows of the last loads still in the WAL written to the file */
  checkpointS: number;
  /** loadMany's time by phase (PlanStore.loadTimes), seconds */
  loadPhases: { checks: number; append: number; commit: number };
  /** loader transactions, and store ms per document in the first and the last tenth of them */
  storeCalls: number;
  storeFirstMsPerDoc: number;
  storeLastMsPerDoc: number;
  /** after the last document loaded: the identities across plans, recomputed from the whole store */
  identitiesS: number;
  /** every comparison report (CSV files and the HTML report's data) queried from the finished database */
  reportS: number;
  hasDocumentS: number;
  /** summed time between consecutive extract steps, by the format of the file extracted */
  extractByKind: Record<Kind, { s: number; files: number }>;
  failed: number;
  rowsByTable: Record<string, number>;
  rows: number;
  pdfPages: number;
}

/** Wraps an async method of one store so each call's time is kept (seconds) and, for loadMany, its number of documents. */
function timeMethod<K extends 'loadMany' | 'storedAmong'>(store: PlanStore, key: K): { s: number; calls: Array<{ s: number; docs: number }> } {
  const acc = { s: 0, calls: [] as Array<{ s: number; docs: number }> };
  const original = store[key].bind(store) as (...args: unknown[]) => Promise<unknown>;
  (store as unknown as Record<K, (...args: unknown[]) => Promise<unknown>>)[key] = async (...args: unknown[]) => {
    const t = performance.now();
    try {
      return await original(...args);
    } finally {
      const s = (performance.now() - t) / 1000;
      acc.s += s;
      acc.calls.push({ s, docs: Array.isArray(args[0]) ? args[0].length : 1 });
    }
  };
  return acc;
}

/**
 * Store time per document in the first and in the last tenth of the loader's transactions (the very first,
 * often of one document and paying for first use, left out): does a load cost more as the store fills?
 */
function storeTrend(calls: Array<{ s: number; docs: number }>): { first: number; last: number } {
  const warm = calls.slice(1);
  const tenth = Math.max(1, Math.floor(warm.length / 10));
  const perDoc = (cs: typeof calls) => {
    const docs = cs.reduce((n, c) => n + c.docs, 0);
    return (cs.reduce((t, c) => t + c.s, 0) * 1000) / Math.max(1, docs);
  };
  return { first: perDoc(warm.slice(0, tenth)), last: perDoc(warm.slice(-tenth)) };
}

async function importOnce(db: string, n: number, files: string[], pool: ReadPool): Promise<Measured> {
  const store = await PlanStore.open(db);
  const storeTime = timeMethod(store, 'loadMany');
  const hasTime = timeMethod(store, 'storedAmong');
  const kindByFile = new Map(files.map((f, i) => [f, kindOf(i)]));
  const extractByKind = Object.fromEntries(
    (['pdf', 'mojibake', 'md', 'txt'] as Kind[]).map((k) => [k, { s: 0, files: 0 }]),
  ) as Measured['extractByKind'];
  let firstExtract = Number.NaN;
  let lastExtract = Number.NaN;
  let lastExtractFile = '';
  let firstLoad = Number.NaN;
  let lastDone = Number.NaN;
  let failed = 0;
  let phase: keyof Measured['phasePeaks'] = 'extract';
  const phasePeaks: Measured['phasePeaks'] = { extract: { rss: 0, heap: 0 }, load: { rss: 0, heap: 0 }, identities: { rss: 0, heap: 0 } };
  const onStep = (step: BatchStep, file: string) => {
    const now = performance.now();
    if (step === 'load' && phase === 'extract') phase = 'load';
    if (step === 'extract') {
      if (Number.isNaN(firstExtract)) firstExtract = now;
      else {
        const k = extractByKind[kindByFile.get(lastExtractFile)!];
        k.s += (now - lastExtract) / 1000;
        k.files++;
      }
      lastExtract = now;
      lastExtractFile = file;
    } else if (Number.isNaN(firstLoad)) firstLoad = now;
  };
  const memoryTrace: Measured['memoryTrace'] = [];
  const mb = (b: number) => Math.round(b / 2 ** 20);
  const onDone = (o: Outcome, done: number) => {
    lastDone = performance.now();
    if (done === n) phase = 'identities';
    if (done % Math.max(1, Math.floor(n / 10)) === 0) {
      const u = process.memoryUsage();
      memoryTrace.push([done, mb(u.rss), mb(u.heapUsed), mb(u.external)]);
    }
    if (o.status === 'failed') {
      if (failed++ < 3) process.stderr.write(`bench: batch: ${o.file} failed: ${o.reason}\n`);
    }
  };
  global.gc?.();
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const peak = { heap: 0, external: 0, arrayBuffers: 0 };
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  });
  gc.observe({ entryTypes: ['gc'] });
  const sampler = setInterval(() => {
    const u = process.memoryUsage();
    peakRss = Math.max(peakRss, u.rss);
    peak.heap = Math.max(peak.heap, u.heapUsed);
    peak.external = Math.max(peak.external, u.external);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, u.arrayBuffers);
    const q = phasePeaks[phase];
    q.rss = Math.max(q.rss, u.rss / 2 ** 20);
    q.heap = Math.max(q.heap, u.heapUsed / 2 ** 20);
  }, 100);
  pool.peakWorkerHeap.used = 0;
  pool.peakWorkerHeap.total = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let outcomes: Outcome[];
  try {
    outcomes = await importFiles(store, files, { onStep, onDone }, { readPool: pool });
  } finally {
    clearInterval(sampler);
    gc.disconnect();
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  if (outcomes.length !== files.length) throw new Error(`${outcomes.length} outcomes for ${files.length} files`);

  const rowsByTable: Record<string, number> = {};
  for (const t of DOCUMENT_TABLES) rowsByTable[t] = Number((await store.query(`SELECT count(*) FROM ${t}`)).rows[0][0]);
  const checkpointAt = performance.now();
  await store.query('CHECKPOINT');
  const checkpointS = (performance.now() - checkpointAt) / 1000;
  const duckdbBytes = Number((await store.query('SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()')).rows[0][0]);
  if (process.env.BENCH_HEAP_SNAPSHOT) process.stderr.write(`bench: heap snapshot ${writeHeapSnapshot(join(tmpdir(), `batch-${n}.heapsnapshot`))}\n`);
  const pdfPages = Number((await store.query(`SELECT coalesce(sum(page_count), 0) FROM documents WHERE format = 'pdf'`)).rows[0][0]);
  const loadPhases = { checks: store.loadTimes.checks / 1000, append: store.loadTimes.append / 1000, commit: store.loadTimes.commit / 1000 };
  store.close();
  // what a quality officer runs next: every comparison report (CSV and the HTML data) on this database
  const reportsAt = performance.now();
  const ro = await ReadOnlyStore.open(db);
  try {
    const out = mkdtempSync(join(tmpdir(), 'plans-bench-report-'));
    for (const k of CSV_REPORTS) await writeCsvReport(ro, k, out, {}, 'sv');
    await queryReportData(ro, db, {});
    rmSync(out, { recursive: true, force: true });
  } finally {
    ro.close();
  }
  const reportS = (performance.now() - reportsAt) / 1000;
  return {
    n,
    db,
    wallS: wall / 1000,
    cpuS: (cpu.user + cpu.system) / 1e6,
    peakRssMb: peakRss / 2 ** 20,
    peakHeapMb: peak.heap / 2 ** 20,
    peakExternalMb: peak.external / 2 ** 20,
    peakArrayBuffersMb: peak.arrayBuffers / 2 ** 20,
    duckdbMb: duckdbBytes / 2 ** 20,
    memoryTrace,
    phasePeaks,
    workerHeapMb: { used: pool.peakWorkerHeap.used / 2 ** 20, total: pool.peakWorkerHeap.total / 2 ** 20 },
    mainGcS: gcMs / 1000,
    startRssMb: startRss / 2 ** 20,
    extractS: (firstLoad - firstExtract) / 1000,
    modelS: (firstLoad - lastExtract) / 1000,
    loadS: (lastDone - firstLoad) / 1000,
    storeS: storeTime.s,
    checkpointS,
    loadPhases,
    storeCalls: storeTime.calls.length,
    storeFirstMsPerDoc: storeTrend(storeTime.calls).first,
    storeLastMsPerDoc: storeTrend(storeTime.calls).last,
    identitiesS: (t0 + wall - lastDone) / 1000,
    reportS,
    hasDocumentS: hasTime.s,
    extractByKind,
    failed,
    rowsByTable,
    rows: Object.values(rowsByTable).reduce((a, b) => a + b, 0),
    pdfPages,
  };
}

/** Per column of a table in the store: share of non-null values and average text length (what the reference appends). */
async function columnShapes(dbFile: string, table: string): Promise<Array<{ present: number; length: number }>> {
  const cols = tableByName(table).columns;
  const inst = await DuckDBInstance.create(dbFile, { access_mode: 'READ_ONLY' });
  const c = await inst.connect();
  try {
    const parts = cols.flatMap((col) => [`count(${col.name}) / greatest(count(*), 1)`, `coalesce(avg(length(${col.name}::VARCHAR)), 0)`]);
    const r = await c.runAndReadAll(`SELECT ${parts.join(', ')} FROM ${table}`);
    const row = r.getRowsJson()[0].map(Number);
    return cols.map((_, k) => ({ present: row[2 * k], length: Math.max(1, Math.round(row[2 * k + 1])) }));
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

/**
 * A bare Appender into the same tables, one transaction. `synthetic`: as many rows per table, strings of
 * the average length found (the first reference; constant strings cost DuckDB next to nothing to compress
 * at a checkpoint). `same`: the very rows the import stored, read back from its database beforehand, then
 * a CHECKPOINT, so the rows end up in the file as the import's do (its automatic and final checkpoints).
 */
async function bareAppender(db: string, m: Measured, mode: 'synthetic' | 'same'): Promise<number> {
  const shapes = new Map<string, Array<{ present: number; length: number }>>();
  const values = new Map<string, unknown[][]>();
  for (const t of DOCUMENT_TABLES) {
    if (mode === 'synthetic') shapes.set(t, await columnShapes(m.db, t));
    else values.set(t, await storedRows(m.db, t));
  }
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  const inst = await DuckDBInstance.create(db);
  const c = await inst.connect();
  try {
    for (const t of DOCUMENT_TABLES) await c.run(createTableSql(tableByName(t)));
    const now = timestampValue(BigInt(Date.now()) * 1000n);
    const t0 = performance.now();
    await c.run('BEGIN');
    for (const t of DOCUMENT_TABLES) {
      const rows = m.rowsByTable[t];
      if (!rows) continue;
      const cols = tableByName(t).columns;
      const a: DuckDBAppender = await c.createAppender(t);
      if (mode === 'same') {
        for (const row of values.get(t)!) {
          cols.forEach((col, k) => appendStored(a, row[k], col.type));
          a.endRow();
        }
      } else {
        const shape = shapes.get(t)!;
        const text = shape.map((s) => 'x'.repeat(s.length));
        for (let r = 0; r < rows; r++) {
          cols.forEach((col, k) => {
            if (k === 0) return void a.appendVarchar(`${String(r).padStart(12, '0')}${text[0].slice(12)}`);
            if (!col.notNull && (r % 100) / 100 >= shape[k].present) return void a.appendNull();
            switch (col.type) {
              case 'INTEGER':
                return void a.appendInteger(r % 1000);
              case 'DOUBLE':
                return void a.appendDouble(r / 7);
              case 'BOOLEAN':
                return void a.appendBoolean(r % 2 === 0);
              case 'TIMESTAMP':
                return void a.appendTimestamp(now);
              case 'DATE':
                return void a.appendDate(dateValue({ year: 2024, month: 1, day: 1 }));
              case 'JSON':
                return void a.appendVarchar(JSON.stringify(text[k].slice(2)));
              default:
                return void a.appendVarchar(text[k]);
            }
          });
          a.endRow();
        }
      }
      a.flushSync();
      a.closeSync();
    }
    await c.run('COMMIT');
    if (mode === 'same') await c.run('CHECKPOINT');
    return (performance.now() - t0) / 1000;
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

/** Every row of a table as DuckDB hands it to JavaScript, columns in their declared order. */
async function storedRows(dbFile: string, table: string): Promise<unknown[][]> {
  const inst = await DuckDBInstance.create(dbFile, { access_mode: 'READ_ONLY' });
  const c = await inst.connect();
  try {
    const cols = tableByName(table).columns.map((col) => col.name);
    return (await c.runAndReadAll(`SELECT ${cols.join(', ')} FROM ${table}`)).getRows();
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

/** A value read from DuckDB appended as the column's type (what the store's own appendCell does with its cells). */
function appendStored(a: DuckDBAppender, v: unknown, type: string): void {
  if (v === null || v === undefined) return void a.appendNull();
  switch (type) {
    case 'INTEGER':
      return void a.appendInteger(Number(v));
    case 'DOUBLE':
      return void a.appendDouble(Number(v));
    case 'BOOLEAN':
      return void a.appendBoolean(Boolean(v));
    case 'TIMESTAMP':
      return void a.appendTimestamp(v as DuckDBTimestampValue);
    case 'DATE':
      return void a.appendDate(v as DuckDBDateValue);
    default:
      return void a.appendVarchar(String(v));
  }
}

/** pdftotext on each PDF, one process at a time; seconds in all, NaN when it is not installed. */
async function pdftotext(pdfFiles: string[]): Promise<number> {
  if (!pdfFiles.length || spawnSync(POPPLER_TEXT, ['-v']).error) return Number.NaN;
  const t0 = performance.now();
  for (const f of pdfFiles) await run(POPPLER_TEXT, [f, '-'], { maxBuffer: 1 << 26 });
  return (performance.now() - t0) / 1000;
}

const f3 = (v: number) => (Number.isFinite(v) ? v.toPrecision(3) : '–');

export async function runBatchBench(sizes = sizesFrom(process.env.BENCH_DOCS)): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'plans-batch-bench-'));
  const pool = new ReadPool();
  const out: Record<string, number> = {};
  try {
    const pdfs = await Promise.all(PLANS.map((p) => renderPdf(p)));
    // warm-up: the workers' start (modules, lexicon) and the first repair model are a one-off per process
    const warm = writeCorpus(join(dir, 'warm'), 20, pdfs);
    const warmStore = await PlanStore.open(join(dir, 'warm.duckdb'));
    await importFiles(warmStore, warm.files, {}, { readPool: pool });
    warmStore.close();

    const measured: Measured[] = [];
    for (const n of sizes) {
      process.stderr.write(`bench: batch: ${n.toLocaleString('en')} documents…\n`);
      const { files, pdfFiles } = writeCorpus(join(dir, `docs-${n}`), n, pdfs);
      // small sets are noisy on a shared machine: the fastest of a few rounds counts, for each measurement
      const rounds = n <= 100 ? 3 : 1;
      let m: Measured | undefined;
      let bareS = Number.POSITIVE_INFINITY;
      let syntheticS = Number.POSITIVE_INFINITY;
      let popplerS = Number.POSITIVE_INFINITY;
      for (let r = 0; r < rounds; r++) {
        const got = await importOnce(join(dir, `batch-${n}-${r}.duckdb`), n, files, pool);
        if (!m || got.wallS < m.wallS) m = got;
      }
      if (!m) throw new Error('no round ran');
      for (let r = 0; r < rounds; r++) bareS = Math.min(bareS, await bareAppender(join(dir, `bare-${n}.duckdb`), m, 'same'));
      for (let r = 0; r < rounds; r++) syntheticS = Math.min(syntheticS, await bareAppender(join(dir, `bare-${n}.duckdb`), m, 'synthetic'));
      for (let r = 0; r < rounds; r++) popplerS = Math.min(popplerS, await pdftotext(pdfFiles));
      measured.push(m);
      const p = `batch.n${n}.`;
      const pdfExtract = m.extractByKind.pdf;
      // the last file's extraction falls into modelS: the PDF pages are scaled to the PDFs timed
      const ourPdfPerPage = pdfExtract.s / ((m.pdfPages * pdfExtract.files) / Math.max(1, pdfFiles.length));
      Object.assign(out, {
        [`${p}wall_s`]: m.wallS,
        [`${p}cpu_s`]: m.cpuS,
        [`${p}cores_busy`]: m.cpuS / m.wallS,
        [`${p}docs_per_s`]: n / m.wallS,
        [`${p}ms_per_doc`]: (m.wallS * 1000) / n,
        [`${p}rows`]: m.rows,
        [`${p}rows_per_s`]: m.rows / m.wallS,
        [`${p}peak_rss_mb`]: m.peakRssMb,
        [`${p}rss_growth_mb`]: m.peakRssMb - m.startRssMb,
        [`${p}peak_main_heap_mb`]: m.peakHeapMb,
        [`${p}peak_external_mb`]: m.peakExternalMb,
        [`${p}peak_array_buffers_mb`]: m.peakArrayBuffersMb,
        [`${p}duckdb_memory_mb`]: m.duckdbMb,
        [`${p}peak_worker_heap_mb`]: m.workerHeapMb.total,
        ...Object.fromEntries(Object.entries(m.phasePeaks).map(([k, v]) => [`${p}peak_rss_${k}_mb`, v.rss])),
        [`${p}main_gc_s`]: m.mainGcS,
        [`${p}extract_s`]: m.extractS,
        [`${p}model_s`]: m.modelS,
        [`${p}load_s`]: m.loadS,
        [`${p}load_store_s`]: m.storeS,
        [`${p}load_checkpoint_s`]: m.checkpointS,
        // loadMany by phase: the checks (stored hashes and paths, row counts), the Appenders, COMMIT (with
        // DuckDB's automatic checkpoints, one per 16 MB of WAL)
        [`${p}load_store_checks_s`]: m.loadPhases.checks,
        [`${p}load_store_append_s`]: m.loadPhases.append,
        [`${p}load_store_commit_s`]: m.loadPhases.commit,
        [`${p}load_transactions`]: m.storeCalls,
        [`${p}store_ms_per_doc_first10pct`]: m.storeFirstMsPerDoc,
        [`${p}store_ms_per_doc_last10pct`]: m.storeLastMsPerDoc,
        [`${p}identities_s`]: m.identitiesS,
        [`${p}report_s`]: m.reportS,
        [`${p}extract_stored_lookup_s`]: m.hasDocumentS,
        [`${p}failed`]: m.failed,
        [`${p}appender_rows_per_s`]: m.rows / bareS,
        [`${p}rows_vs_appender`]: m.rows / m.wallS / (m.rows / bareS),
        [`${p}load_rows_vs_appender`]: m.rows / m.loadS / (m.rows / bareS),
        // the store's own share of loading (loadMany), against the bare Appender on the same rows
        [`${p}load_store_rows_vs_appender`]: bareS / (m.storeS + m.checkpointS),
        // the first reference: constant strings of the average length, no checkpoint on either side
        [`${p}synthetic_appender_s`]: syntheticS,
        [`${p}load_store_rows_vs_synthetic_appender`]: syntheticS / m.storeS,
        [`${p}pdf_page_ms`]: ourPdfPerPage * 1000,
        [`${p}pdftotext_page_ms`]: (popplerS / m.pdfPages) * 1000,
        [`${p}pdf_page_vs_pdftotext`]: ourPdfPerPage / (popplerS / m.pdfPages),
      });
      for (const k of ['txt', 'md', 'mojibake'] as const) {
        const e = m.extractByKind[k];
        out[`${p}extract_${k}_ms`] = e.files ? (e.s * 1000) / e.files : Number.NaN;
      }
      for (const f of readdirSync(dir)) if (f.startsWith(`batch-${n}-`) || f.startsWith(`bare-${n}.`)) rmSync(join(dir, f), { force: true });
      rmSync(join(dir, `docs-${n}`), { recursive: true, force: true });
    }
    for (let k = 1; k < measured.length; k++) {
      const [a, b] = [measured[k - 1], measured[k]];
      out[`batch.growth_n${b.n}_vs_n${a.n}`] = b.wallS / b.n / (a.wallS / a.n);
      out[`batch.growth_load_n${b.n}_vs_n${a.n}`] = b.loadS / b.n / (a.loadS / a.n);
      out[`batch.growth_extract_n${b.n}_vs_n${a.n}`] = b.extractS / b.n / (a.extractS / a.n);
    }

    console.log('batch import (importFiles → fresh PlanStore on disk; 10 % PDF, 10 % mojibake, 40 % md, 40 % txt)');
    console.log(
      '      N  wall s  cpu s  cores  docs/s   rows  rows/s  ms/doc  peak RSS MB  extract s  (model s)  load s  vs Appender  PDF page vs pdftotext',
    );
    for (const m of measured) {
      const p = `batch.n${m.n}.`;
      console.log(
        [
          m.n.toLocaleString('en').padStart(7),
          f3(m.wallS).padStart(7),
          f3(m.cpuS).padStart(6),
          f3(out[`${p}cores_busy`]).padStart(6),
          f3(out[`${p}docs_per_s`]).padStart(7),
          String(m.rows).padStart(6),
          f3(out[`${p}rows_per_s`]).padStart(7),
          f3(out[`${p}ms_per_doc`]).padStart(7),
          f3(m.peakRssMb).padStart(12),
          f3(m.extractS).padStart(10),
          `(${f3(m.modelS)})`.padStart(10),
          f3(m.loadS).padStart(7),
          f3(out[`${p}rows_vs_appender`]).padStart(12),
          `${f3(out[`${p}pdf_page_ms`])} / ${f3(out[`${p}pdftotext_page_ms`])} ms = ${f3(out[`${p}pdf_page_vs_pdftotext`])}`.padStart(22),
        ].join(' '),
      );
    }
    console.log(
      '  steps: extract (of it: storedAmong) | load (of it: PlanStore.loadMany, transactions, ms/doc first → last tenth of them) | identities | all reports | main-thread GC',
    );
    for (const m of measured) {
      console.log(
        `  ${m.n.toLocaleString('en').padStart(7)}: extract ${f3(m.extractS)} s (${f3(m.hasDocumentS)} s) | load ${f3(m.loadS)} s (${f3(m.storeS)} s, ${m.storeCalls}, ${f3(m.storeFirstMsPerDoc)} → ${f3(m.storeLastMsPerDoc)} ms/doc) | identities ${f3(m.identitiesS)} s | reports ${f3(m.reportS)} s | GC ${f3(m.mainGcS)} s`,
      );
    }
    console.log(
      "  memory (MB): peak main-thread heap / external / ArrayBuffers | a read worker's heap (used / committed) | DuckDB after the loads | peak RSS (main heap) per step | rss/heap/external every tenth of the documents",
    );
    for (const m of measured) {
      const trace = m.memoryTrace.map(([d, r, h, e]) => `${d}: ${r}/${h}/${e}`).join(' ');
      const steps = Object.entries(m.phasePeaks)
        .map(([k, v]) => `${k} ${f3(v.rss)} (${f3(v.heap)})`)
        .join(', ');
      console.log(
        `  ${m.n.toLocaleString('en').padStart(7)}: ${f3(m.peakHeapMb)} / ${f3(m.peakExternalMb)} / ${f3(m.peakArrayBuffersMb)} | ${f3(m.workerHeapMb.used)} / ${f3(m.workerHeapMb.total)} | ${f3(m.duckdbMb)} | ${steps} | ${trace}`,
      );
    }
    for (let k = 1; k < measured.length; k++) {
      const [a, b] = [measured[k - 1], measured[k]];
      const g = (s: string) => f3(out[`batch.growth${s}_n${b.n}_vs_n${a.n}`]);
      console.log(`  time per document, N ${a.n} → ${b.n}: ×${g('')} (extract ×${g('_extract')}, load ×${g('_load')}; 1 = linear)`);
    }
    return out;
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await runBatchBench(sizesFrom(process.argv[2] ?? process.env.BENCH_DOCS));
  for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(44)} ${Number.isInteger(v) ? v : v.toPrecision(4)}\n`);
}
