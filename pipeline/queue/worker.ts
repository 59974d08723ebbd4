// `plans worker --queue redis://HOST:PORT`: a BullMQ worker running a batch's extraction, OCR, clean
// check, repair and parsing for whichever importer queued it (jobs.ts has the two kinds and why). It uses
// the functions a local import uses, in the same order: readInput and extractFile (one OCR pool for the
// process), and the read pool (worker threads with their memory limit and per-document time limit) for the
// clean check and the read. It never opens a database.
//
// Failures: a PlanError (bad input: empty, corrupt, too large, not a plan) fails the job at once — the
// same input fails the same way on any machine; a time limit, a crash or anything unexpected is retried
// by BullMQ with backoff (the importer sets the attempts). A worker killed mid-job holds its job's lock
// until it expires (--lock-s); another worker's stalled check then puts the job back, so nothing is lost.
import { availableParallelism, hostname } from 'node:os';
import { rm } from 'node:fs/promises';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { extractFile, inputOf, OcrPool, readInput } from '../../extractors/index.js';
import type { OcrEngineName } from '../../extractors/ocr/types.js';
import { Extraction, PlanError } from '../../model/document.js';
import type { RepairModelInput } from '../../normalizers/repair/model-input.js';
import { sharedReadPool } from '../read-pool.js';
import { withTimeout } from '../run.js';
import { Staging } from '../staging.js';
import { parseQueueUrl } from './connection.js';
import { EXTRACT, ExtractJob, type ExtractResult, encodeFailure, Payloads, READ, ReadJob, type ReadResult } from './jobs.js';

export interface WorkerOptions {
  /** jobs at a time (default: one per core) */
  concurrency?: number;
  /** read-pool worker threads (default: one per core) */
  threads?: number;
  maxMemoryMb?: number;
  /** this worker's OCR engine (a worker's own choice: the machine may or may not have native tesseract) */
  ocrEngine?: OcrEngineName;
  /** seconds a job's lock lasts without renewal: how soon a dead worker's job is taken up again (default 30) */
  lockS?: number;
  /** Test hook: wait this long after taking each job, so a test can kill the worker with a job in hand. */
  holdMs?: number;
  /** one line per job taken and finished */
  log?: (line: string) => void;
}

export interface RunningWorker {
  /** waits for the jobs in hand, then stops */
  close(): Promise<void>;
  readonly closed: Promise<void>;
}

export async function startWorker(url: string, opts: WorkerOptions = {}): Promise<RunningWorker> {
  const address = parseQueueUrl(url);
  const log = opts.log ?? (() => undefined);
  const queue = new Queue(address.name, { connection: address.connection });
  const payloads = new Payloads(queue.client, address.name);
  const pool = sharedReadPool({ threads: opts.threads, maxMemoryMb: opts.maxMemoryMb });
  const staging = await Staging.create();
  const ocrPool = new OcrPool(opts.ocrEngine);
  const models = new Map<string, Promise<{ file: string; fingerprint: string }>>();
  const me = `${hostname()}:${process.pid}`;

  const stagedModel = (key: string, fingerprint: string) => {
    let m = models.get(fingerprint);
    if (!m) {
      m = payloads.get(key).then((input) => staging.putModel(input as RepairModelInput));
      m.catch(() => models.delete(fingerprint));
      models.set(fingerprint, m);
    }
    return m;
  };

  const extract = async (job: Job): Promise<ExtractResult> => {
    const data = ExtractJob.parse(job.data);
    // a small file's bytes came with the job; a larger one is read from the storage the importer shares
    const input = data.bytes ? inputOf(data.file, await payloads.getBytes(data.bytes)) : await readInput(data.file, data.limits);
    if (input.sha256 !== data.sha256) {
      throw new PlanError('unreadable', 'the file changed after it was queued; run the import again', { file: data.file });
    }
    const extraction = await withTimeout(extractFile(data.file, { ocr: data.ocr, ocrPool, limits: data.limits }, input), data.file, data.timeoutS);
    const handOff = await staging.put(extraction);
    try {
      const clean = await pool.isClean(data.file, handOff, data.timeoutS);
      const payload = await payloads.put(job.id!, extraction);
      return { sha256: data.sha256, clean, pages: extraction.pages.length, payload };
    } finally {
      await rm(handOff, { force: true });
    }
  };

  const read = async (job: Job): Promise<ReadResult> => {
    const data = ReadJob.parse(job.data);
    const extraction = Extraction.parse(await payloads.get(data.extraction));
    const model = data.model ? await stagedModel(data.model.key, data.model.fingerprint) : undefined;
    const handOff = await staging.put(extraction);
    try {
      const doc = await pool.read(data.file, handOff, model, data.timeoutS, data.vocabularies);
      return { sha256: data.sha256, payload: await payloads.put(job.id!, doc) };
    } finally {
      await rm(handOff, { force: true });
    }
  };

  const worker = new Worker(
    address.name,
    async (job: Job) => {
      log(`${me} took ${job.name} ${job.id} (attempt ${job.attemptsMade + 1}) ${String(job.data?.file ?? '')}`);
      if (opts.holdMs) await new Promise((r) => setTimeout(r, opts.holdMs));
      try {
        if (job.name === EXTRACT) return await extract(job);
        if (job.name === READ) return await read(job);
        throw new UnrecoverableError(`unknown job kind ${job.name}`);
      } catch (e) {
        log(`${me} failed ${job.name} ${job.id}: ${(e as Error).message}`);
        if (e instanceof PlanError) {
          // a time limit may be the machine's load: retried; any other PlanError is the input's: final
          if (e.rule === 'timeout') throw new Error(encodeFailure(e));
          throw new UnrecoverableError(encodeFailure(e));
        }
        throw e;
      }
    },
    {
      connection: address.connection,
      concurrency: opts.concurrency ?? Math.max(1, availableParallelism()),
      lockDuration: (opts.lockS ?? 30) * 1000,
      stalledInterval: (opts.lockS ?? 30) * 1000,
      // a document that kills its worker twice (a crash in a native library) fails, named, instead of killing them all
      maxStalledCount: 2,
    },
  );
  worker.on('completed', (job) => log(`${me} done ${job.name} ${job.id}`));
  worker.on('error', (e) => log(`${me} error: ${e.message}`));
  await worker.waitUntilReady();
  log(`${me} working for ${address.shown}`);

  let closing: Promise<void> | null = null;
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((r) => {
    markClosed = r;
  });
  return {
    closed,
    close: () => {
      closing ??= (async () => {
        await worker.close();
        await queue.close();
        await ocrPool.close();
        await pool.close();
        await staging.close();
        markClosed();
      })();
      return closing;
    },
  };
}
