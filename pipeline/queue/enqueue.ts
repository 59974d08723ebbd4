// `plans import --queue redis://… PATHS --db F`: the importer of a distributed batch. It hashes each file
// (a file whose content is stored already is 'unchanged', as in a local import), queues an `extract` job
// per new file, builds the repair model from the store's and the batch's clean documents once every
// extraction is in, queues a `read` job per document, and loads the documents it gets back through
// `PlanStore.loadMany`, in file order, up to 32 per transaction. It is the only process that opens the
// DuckDB file (DuckDB's one-writer rule); workers (worker.ts) may run on any machine that sees the files.
//
// Nothing is lost when a process dies: jobs and their results stay in Redis (ids keyed by content, see
// jobs.ts), so a rerun of the same command finds what the first run had done — finished jobs are not run
// again, jobs in flight are awaited, jobs that had failed are retried — and only a loaded document's
// jobs and payloads are deleted. A worker that dies mid-job leaves its job to the others (worker.ts).
import { resolve } from 'node:path';
import { Job, Queue, QueueEvents } from 'bullmq';
import { inputsAhead } from '../inputs-ahead.js';
import { collectIfGrown } from '../heap.js';
import type { Limits } from '../../extractors/limits.js';
import { DEFAULT_LIMITS, DEFAULT_TIMEOUT_S } from '../../extractors/limits.js';
import type { OcrMode } from '../../extractors/scan.js';
import { Extraction, PlanDocument, PlanError } from '../../model/document.js';
import { CleanDocuments } from '../../normalizers/repair/model-input.js';
import { PARSER_VERSION } from '../../normalizers/parse/index.js';
import type { LoadOptions, PlanStore } from '../../data/store/store.js';
import { refreshIdentities } from '../../data/store/identities.js';
import type { Overrides } from '../../normalizers/identity/index.js';
import type { Vocabulary } from '../../data/reference/vocabulary.js';
import { type BatchEvents, failure, type Outcome, Progress } from '../batch.js';
import { archiveCleanDocuments } from '../run.js';
import { parseQueueUrl } from './connection.js';
import {
  EXTRACT,
  type ExtractJob,
  ExtractResult,
  decodeFailure,
  extractJobId,
  Payloads,
  READ,
  type ReadJob,
  ReadResult,
  readJobId,
  SMALL_FILE_BYTES,
} from './jobs.js';

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

export interface QueueImportOptions {
  /** redis://HOST:PORT[/DB][?queue=NAME] */
  queue: string;
  ocr?: OcrMode;
  limits?: Partial<Limits>;
  timeoutS?: number;
  /** attempts per job before it is a failed document (default 3); retries wait 5 s, 10 s, 20 s … */
  attempts?: number;
  backoffMs?: number;
  /** the queue's counts, every `countsEveryMs` (default 5 s) while the batch runs */
  onCounts?: (counts: QueueCounts) => void;
  countsEveryMs?: number;
  /** the analyst's vocabularies (`--vocabulary FILE`), shipped with every read job */
  vocabularies?: Vocabulary[];
  /** the analyst's identity overrides, applied when the identities are recomputed after the load */
  overrides?: Overrides;
  /** stop waiting: what was loaded stays loaded, the jobs stay queued, and a rerun completes the batch */
  signal?: AbortSignal;
}

/** Documents loaded in one transaction at most, as in a local import. */
const LOAD_GROUP = 32;
/** Jobs added per round trip. */
const CHUNK = 500;

interface Pending {
  file: string;
  index: number;
  job: ExtractJob;
  id: string;
}

interface Extracted extends Pending {
  result: ExtractResult;
}

export async function importViaQueue(store: PlanStore, files: string[], events: BatchEvents, opts: QueueImportOptions): Promise<Outcome[]> {
  const address = parseQueueUrl(opts.queue);
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const timeoutS = opts.timeoutS ?? DEFAULT_TIMEOUT_S;
  const queue = new Queue(address.name, {
    connection: address.connection,
    defaultJobOptions: {
      attempts: opts.attempts ?? 3,
      backoff: { type: 'exponential', delay: opts.backoffMs ?? 5000 },
      // the importer removes a document's jobs once it is loaded; these only bound what an abandoned batch leaves
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
  const queueEvents = new QueueEvents(address.name, { connection: address.connection });
  const payloads = new Payloads(queue.client, address.name);
  const progress = new Progress(files.length, events);
  const stopped = () => opts.signal?.aborted === true;
  const ticker = opts.onCounts
    ? setInterval(() => {
        void queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed').then(
          (c) => opts.onCounts?.(c as unknown as QueueCounts),
          () => undefined,
        );
      }, opts.countsEveryMs ?? 5000)
    : undefined;
  try {
    await Promise.all([queue.waitUntilReady(), queueEvents.waitUntilReady()]);

    // 1. hash, and queue what the store does not hold yet
    const pending: Pending[] = [];
    for await (const ahead of inputsAhead(store, files, limits)) {
      const { index, file } = ahead;
      if (stopped()) break;
      progress.step('extract', file, index + 1, files.length);
      try {
        if ('error' in ahead) throw ahead.error;
        const { input } = ahead;
        if (ahead.stored) {
          progress.done(index, { file, status: 'unchanged' });
          continue;
        }
        const job: ExtractJob = { file: resolve(file), sha256: input.sha256, ocr: opts.ocr ?? 'auto', limits, timeoutS, bytes: null };
        const id = extractJobId(job);
        if (input.data.length <= SMALL_FILE_BYTES) job.bytes = await payloads.putBytes(`bytes-${id}`, input.data);
        pending.push({ file, index, job, id });
      } catch (e) {
        progress.done(index, failure(file, e));
      }
    }
    await ensureJobs(
      queue,
      pending.map((p) => ({ name: EXTRACT, id: p.id, data: p.job })),
    );

    // 2. every extraction in; the repair model from the clean documents of the store and of the batch
    const extracted: Extracted[] = [];
    const learnt = await archiveCleanDocuments(store);
    for (const p of pending) {
      if (stopped()) break;
      try {
        const result = ExtractResult.parse(await finished(queue, queueEvents, p.id, { name: EXTRACT, data: p.job }));
        if (result.clean) {
          const x = Extraction.parse(await payloads.get(result.payload));
          learnt.add({ sha256: x.source.sha256, pages: x.pages.map((page) => page.text) });
        }
        extracted.push({ ...p, result });
      } catch (e) {
        progress.done(p.index, failedJob(p.file, e));
        await forget(queue, payloads, [p.id], bytesOf(p));
      }
    }
    if (stopped()) return progress.outcomes();
    const input = learnt.input();
    const modelKey = await payloads.put(`model-${input.fingerprint}`, input);
    const model = { key: modelKey, fingerprint: input.fingerprint };
    // the model a clean document is read with: the built-in base alone
    const baseFingerprint = new CleanDocuments().input().fingerprint;

    // 3. read everywhere, load here, in file order
    const reads = extracted.map((x) => {
      const vocabularies = opts.vocabularies ?? [];
      const data: ReadJob = {
        file: x.job.file,
        sha256: x.job.sha256,
        extraction: x.result.payload,
        model: x.result.clean ? null : model,
        timeoutS,
        vocabularies,
      };
      return { x, data, id: readJobId(x.id, x.result.clean ? null : model.fingerprint, vocabularies) };
    });
    await ensureJobs(
      queue,
      reads.map((r) => ({ name: READ, id: r.id, data: r.data })),
    );
    type Read = { x: Extracted; readId: string; extraction: Extraction; doc: PlanDocument; opts: LoadOptions };
    let group: Read[] = [];
    const load = async () => {
      if (!group.length) return;
      const done = group;
      group = [];
      try {
        const statuses = await store.loadMany(done.map(({ extraction, doc, opts: o }) => ({ extraction, doc, opts: o })));
        done.forEach(({ x, doc }, k) => progress.loaded(x.index, x.file, statuses[k], doc));
      } catch {
        // the group rolled back as a whole: one at a time, so only a bad document fails
        for (const r of done) {
          try {
            progress.loaded(r.x.index, r.x.file, await store.load(r.extraction, r.doc, r.opts), r.doc);
          } catch (e) {
            progress.done(r.x.index, failure(r.x.file, e));
          }
        }
      }
      // committed (or failed for good): the jobs and payloads are not needed again
      const results = await Promise.all(done.map((r) => Job.fromId(queue, r.readId)));
      await forget(
        queue,
        payloads,
        done.flatMap((r) => [r.x.id, r.readId]),
        done.flatMap((r, k) => [
          r.x.result.payload,
          ...bytesOf(r.x),
          ...(results[k]?.returnvalue ? [ReadResult.parse(results[k]!.returnvalue).payload] : []),
        ]),
      );
    };
    for (const [n, r] of reads.entries()) {
      if (stopped()) break;
      progress.step('load', r.x.file, n + 1, reads.length);
      try {
        const result = ReadResult.parse(await finished(queue, queueEvents, r.id, { name: READ, data: r.data }));
        const [extraction, doc] = await Promise.all([payloads.get(r.x.result.payload), payloads.get(result.payload)]);
        const clean = r.x.result.clean;
        group.push({
          x: r.x,
          readId: r.id,
          extraction: Extraction.parse(extraction),
          doc: PlanDocument.parse(doc),
          opts: { parserVersion: PARSER_VERSION, clean, repairModel: clean ? baseFingerprint : model.fingerprint },
        });
      } catch (e) {
        progress.done(r.x.index, failedJob(r.x.file, e));
        await forget(queue, payloads, [r.x.id, r.id], [r.x.result.payload, ...bytesOf(r.x)]);
      }
      // as in a local import: load when the group is full or the next document is not read yet
      const next = reads[n + 1];
      if (group.length >= LOAD_GROUP || (group.length && !(next && (await queue.getJobState(next.id)) === 'completed'))) {
        await load();
        collectIfGrown();
      }
    }
    await load();
    if (!stopped()) await payloads.delete(modelKey);
    // as after a local import: who is who across plans, from the whole store
    await refreshIdentities(store, opts.overrides);
    return progress.outcomes();
  } finally {
    clearInterval(ticker);
    await queueEvents.close();
    await queue.close();
  }
}

/**
 * Jobs in the queue under these ids: new ones added, finished ones left as they are (a rerun reuses
 * them), failed ones (of an earlier run) retried — a rerun tries a failed document again, as a local
 * rerun does.
 */
async function ensureJobs(queue: Queue, jobs: Array<{ name: string; id: string; data: unknown }>): Promise<void> {
  for (let at = 0; at < jobs.length; at += CHUNK) {
    const chunk = jobs.slice(at, at + CHUNK);
    const states = await Promise.all(chunk.map((j) => queue.getJobState(j.id)));
    const failed = chunk.filter((_, k) => states[k] === 'failed');
    for (const j of failed) await (await Job.fromId(queue, j.id))?.retry('failed');
    const fresh = chunk.filter((_, k) => states[k] === 'unknown');
    if (fresh.length) await queue.addBulk(fresh.map((j) => ({ name: j.name, data: j.data, opts: { jobId: j.id } })));
  }
}

/** The result of a job once it has finished; a failed job throws its reason. A job gone from Redis is added again. */
async function finished(queue: Queue, queueEvents: QueueEvents, id: string, again: { name: string; data: unknown }): Promise<unknown> {
  for (;;) {
    const job = await Job.fromId(queue, id);
    if (!job) {
      await ensureJobs(queue, [{ ...again, id }]);
      continue;
    }
    return job.waitUntilFinished(queueEvents);
  }
}

/** A job's failure as the document's: its PlanError when it carried one, else what went wrong on the queue. */
function failedJob(file: string, e: unknown): Outcome {
  const reason = (e as Error).message ?? String(e);
  const told = decodeFailure(reason, file);
  if (told) return failure(file, told);
  if (e instanceof PlanError) return failure(file, e);
  return failure(file, new PlanError('internal', `failed on the queue after its retries: ${reason}`, { file }, 'load'));
}

/** the key of a small file's bytes in Redis, if it went by bytes */
const bytesOf = (p: Pending): string[] => (p.job.bytes ? [p.job.bytes] : []);

async function forget(queue: Queue, payloads: Payloads, ids: string[], keys: string[]): Promise<void> {
  for (const id of ids) await queue.remove(id).catch(() => undefined);
  await payloads.delete(...keys);
}
