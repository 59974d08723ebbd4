// The whole run, stage by stage, top to bottom. Every stage is a function from one checked shape to the
// next (model/stages.ts): extract (file → Extraction) → lines → repair → clean → parse (→ PlanDocument)
// → load (read-plan.ts holds the four in the middle). An import runs in three steps, with the
// extractions handed over on disk between them (staging.ts):
//   1. extract every file the store does not hold yet, and find out (in a worker) which are clean;
//   2. build the repair model once, from the clean documents of the archive and of the whole batch (here,
//      one document's pages at a time; the workers get its counts, not the pages);
//   3. read each document in a worker thread and load it here, in file order, up to 128 per transaction;
//   4. recompute the identities across plans (units, indicators, KF goals, goal links) from the store.
// So the rows a file gets depend on the set of documents, not on their order or on the worker count; the
// model's fingerprint is stored with each document. Workers bound each document's memory and time.
import { availableParallelism } from 'node:os';
import { extractFile, type ExtractOptions, type Input, type Limits, OcrPool } from '../extractors/index.js';
import type { OcrMode } from '../extractors/scan.js';
import type { OcrEngineName } from '../extractors/ocr/types.js';
import { type LoadableExtraction, type PlanDocument, PlanError } from '../model/document.js';
import { layOut } from '../normalizers/lines/index.js';
import { createRepairContext, repair, type RepairContext } from '../normalizers/repair/index.js';
import { CleanDocuments, MODEL_PAGE_LIMIT } from '../normalizers/repair/model-input.js';
import { PARSER_VERSION } from '../normalizers/parse/index.js';
import type { PlanStore } from '../data/store/store.js';
import { refreshIdentities } from '../data/store/identities.js';
import type { Overrides } from '../normalizers/identity/index.js';
import type { Vocabulary } from '../data/reference/vocabulary.js';
import { type BatchEvents, failure, type Outcome, Progress } from './batch.js';
import { type ReadPool, sharedReadPool } from './read-pool.js';
import { DEFAULT_TIMEOUT_S } from '../extractors/limits.js';
import { Staging } from './staging.js';
import { inputsAhead } from './inputs-ahead.js';
import { collectIfGrown } from './heap.js';

export { readPlan } from './read-plan.js';

export interface RunOptions {
  ocr?: OcrMode;
  /** the OCR engine of the batch's pool; default `wasm` */
  ocrEngine?: OcrEngineName;
  limits?: Partial<Limits>;
  /** worker threads reading documents (default: one per core) */
  threads?: number;
  /** per document, for extracting and for reading each */
  timeoutS?: number;
  /** per worker thread: the heap one document may grow */
  maxMemoryMb?: number;
  /** aborted while extracting: stop extracting and load what was extracted; while loading: stop after the document in hand */
  signal?: AbortSignal;
  /** the pool to read with (default: the process's shared pool for these settings) */
  readPool?: ReadPool;
  /** the analyst's identity overrides (plans-overrides.json); they always win over the matcher */
  overrides?: Overrides;
  /** the analyst's vocabularies (`--vocabulary FILE`), read after the built-in ones */
  vocabularies?: Vocabulary[];
}

/** A document between step 1 and step 3. */
interface Staged {
  file: string;
  index: number;
  handOff: string;
  /** the extraction's content hash and page count: what the repair model's choice needs before its pages */
  sha256: string;
  pages: number;
  clean: Settled<boolean>;
}

export async function importFiles(store: PlanStore, files: string[], events: BatchEvents = {}, opts: RunOptions = {}): Promise<Outcome[]> {
  const progress = new Progress(files.length, events);
  return withBatch(opts, async (pool, staging) => {
    // 1. extract (content-keyed: a file already loaded is not extracted again), a few files at a time, so
    // that the pages of several documents (one-page image files above all) keep the OCR pool busy; the
    // extractions are staged in file order however they finish
    const staged: Staged[] = [];
    const ocrPool = new OcrPool(opts.ocrEngine);
    const extracting: Array<Promise<Staged | null>> = [];
    const extractOne = async (file: string, index: number, input: Input): Promise<Staged | null> => {
      try {
        const extraction = await withTimeout(extractFile(file, { ocr: opts.ocr, ocrPool, limits: opts.limits }, input), file, opts.timeoutS);
        const handOff = await staging.put(extraction);
        return {
          file,
          index,
          handOff,
          sha256: extraction.source.sha256,
          pages: extraction.pages.length,
          clean: settled(pool.isClean(file, handOff, opts.timeoutS)),
        };
      } catch (e) {
        progress.done(index, failure(file, e));
        return null;
      }
    };
    const stageNext = async () => {
      const s = await extracting.shift();
      if (s) staged.push(s);
    };
    try {
      for await (const ahead of inputsAhead(store, files, opts.limits)) {
        const { index, file } = ahead;
        if (opts.signal?.aborted) break;
        progress.step('extract', file, index + 1, files.length);
        if ('error' in ahead) {
          progress.done(index, failure(file, ahead.error));
          continue;
        }
        if (ahead.stored) {
          progress.done(index, { file, status: 'unchanged' });
          continue;
        }
        extracting.push(extractOne(file, index, ahead.input));
        while (extracting.length >= EXTRACT_AHEAD) await stageNext();
      }
      while (extracting.length) await stageNext();
    } finally {
      await ocrPool.close();
    }

    // 2. the repair model
    const learnt = await archiveCleanDocuments(store);
    const ready = await cleanOnes(staged, staging, learnt, progress);
    const model = await staging.putModel(await learnt.counts());
    // the model a clean document is read with: the built-in base alone (no lexicon needed to name it)
    const baseFingerprint = new CleanDocuments().input().fingerprint;

    // 3. read and load, many documents per transaction
    await readAndLoad(ready, model, pool, staging, opts, progress, async (group) => {
      const loadOpts = (s: Ready) => ({ parserVersion: PARSER_VERSION, clean: s.clean, repairModel: s.clean ? baseFingerprint : model.fingerprint });
      try {
        const statuses = await store.loadMany(group.map(({ s, extraction, doc }) => ({ extraction, doc, opts: loadOpts(s) })));
        group.forEach(({ s, doc }, k) => progress.loaded(s.index, s.file, statuses[k], doc));
      } catch {
        // the group rolled back as a whole: one at a time, so only a bad document fails
        for (const { s, extraction, doc } of group) {
          try {
            progress.loaded(s.index, s.file, await store.load(extraction, doc, loadOpts(s)), doc);
          } catch (e) {
            progress.done(s.index, failure(s.file, e));
          }
        }
      }
    });

    // 4. identities across plans
    await refreshIdentities(store, opts.overrides);
    return progress.outcomes();
  });
}

/** `plans rebuild`: the same steps from the stored pages of every document; nothing is extracted. */
export async function rebuildAll(store: PlanStore, events: BatchEvents = {}, opts: RunOptions = {}): Promise<Outcome[]> {
  const docs = await store.storedDocuments();
  const progress = new Progress(docs.length, events);
  return withBatch(opts, async (pool, staging) => {
    const staged: Staged[] = [];
    for (const [index, d] of docs.entries()) {
      if (opts.signal?.aborted) break;
      progress.step('extract', d.path, index + 1, docs.length);
      try {
        const extraction = await store.storedExtraction(d.documentId);
        const handOff = await staging.put(extraction);
        staged.push({
          file: d.path,
          index,
          handOff,
          sha256: extraction.source.sha256,
          pages: extraction.pages.length,
          clean: settled(pool.isClean(d.path, handOff, opts.timeoutS)),
        });
      } catch (e) {
        progress.done(index, failure(d.path, e));
      }
    }
    const learnt = new CleanDocuments();
    const ready = await cleanOnes(staged, staging, learnt, progress);
    const model = await staging.putModel(await learnt.counts());
    const baseFingerprint = new CleanDocuments().input().fingerprint;
    await readAndLoad(ready, model, pool, staging, opts, progress, async (group) => {
      for (const { s, extraction, doc } of group) {
        try {
          await store.replaceParsed(extraction, doc, {
            parserVersion: PARSER_VERSION,
            clean: s.clean,
            repairModel: s.clean ? baseFingerprint : model.fingerprint,
          });
          progress.loaded(s.index, s.file, 'replaced', doc);
        } catch (e) {
          progress.done(s.index, failure(s.file, e));
        }
      }
    });
    await refreshIdentities(store, opts.overrides);
    return progress.outcomes();
  });
}

/** `plans repair FILE`: the text of one input with its damage repaired; a clean text file comes out byte-identical. */
export async function repairFile(file: string, ctx: RepairContext, opts: ExtractOptions = {}) {
  const extraction = await extractFile(file, opts);
  const { lines, repairs } = repair(layOut(extraction, { verbatim: true }), ctx);
  const text = extraction.pages.map((p) =>
    lines
      .filter((l) => l.page === p.page)
      .map((l) => l.text)
      .join('\n'),
  );
  const isText = extraction.source.format === 'txt' || extraction.source.format === 'md';
  return { text: isText ? text.join('\n') : `${text.join('\n\f')}\n`, repairs };
}

/** `plans repair --db`: the model of an archive's clean documents. */
export async function archiveRepairContext(store: PlanStore): Promise<RepairContext> {
  return createRepairContext((await archiveCleanDocuments(store)).input());
}

// ---- the steps' parts --------------------------------------------------------------------------------

async function withBatch<T>(opts: RunOptions, body: (pool: ReadPool, staging: Staging) => Promise<T>): Promise<T> {
  const pool = opts.readPool ?? sharedReadPool({ threads: opts.threads, maxMemoryMb: opts.maxMemoryMb });
  const staging = await Staging.create();
  try {
    return await body(pool, staging);
  } finally {
    await staging.close();
  }
}

/** Work in flight whose failure waits, unobserved, until its turn comes (no unhandled rejection meanwhile). */
type Settled<T> = Promise<{ value: T } | { error: unknown }>;

function settled<T>(p: Promise<T>): Settled<T> {
  return p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

async function unwrap<T>(p: Settled<T>): Promise<T> {
  const r = await p;
  if ('error' in r) throw r.error;
  return r.value;
}

/**
 * Waits for the clean verdicts; the clean documents go to the model, by hash and page count (their
 * pages stay on disk until it is built). A document whose check failed is a failure.
 */
async function cleanOnes(
  staged: Staged[],
  staging: Staging,
  learnt: CleanDocuments,
  progress: Progress,
): Promise<Array<Omit<Staged, 'clean'> & { clean: boolean }>> {
  const ready: Array<Omit<Staged, 'clean'> & { clean: boolean }> = [];
  for (const s of staged) {
    try {
      const clean = await unwrap(s.clean);
      // the pages are read again from the staging folder when the model is built, only if it takes them
      if (clean)
        learnt.addLater({ sha256: s.sha256, pageCount: s.pages, pages: async () => (await staging.getLoadable(s.handOff)).pages.map((p) => p.text) });
      ready.push({ ...s, clean });
    } catch (e) {
      progress.done(s.index, failure(s.file, e));
    }
  }
  return ready;
}

/**
 * Documents loaded in one transaction at most, and the rows they may bring together: a transaction's fixed
 * cost (BEGIN, the check of what is stored, an Appender per table, the row counts, COMMIT: 15–20 ms) is
 * spread over many documents, and the group's memory stays bounded however large its documents are.
 */
const LOAD_GROUP = 128;
const LOAD_GROUP_ROWS = 50_000;
/** Files extracted at once: enough for one-page files to fill an OCR pool of one worker per core. */
const EXTRACT_AHEAD = Math.max(2, availableParallelism() * 2);

type Ready = Omit<Staged, 'clean'> & { clean: boolean };
type Read = { s: Ready; extraction: LoadableExtraction; doc: PlanDocument };

/** The rows a read document brings to the store, about (a goal's sections counted with it). */
function rowsOf({ extraction: x, doc: d }: Read): number {
  return 1 + x.pages.length + 2 * d.goals.length + d.indicators.length + d.activities.length + d.budget.length + d.warnings.length + d.repairs.length;
}

/**
 * Documents are read in worker threads, a few ahead of the loader, and loaded in the order of the files,
 * in groups of LOAD_GROUP documents (fewer when they bring LOAD_GROUP_ROWS rows): the loader waits for
 * the reads rather than committing small groups, so the main thread leaves the cores to the workers. A
 * clean document is read without repair: the base model found nothing in it. A document that failed to
 * read fails alone.
 */
async function readAndLoad(
  staged: Ready[],
  model: { file: string; fingerprint: string },
  pool: ReadPool,
  staging: Staging,
  opts: RunOptions,
  progress: Progress,
  loadGroup: (group: Read[]) => Promise<void>,
): Promise<void> {
  // reads in flight: enough to keep the workers busy while the loader commits a group
  const ahead = Math.max(pool.threads * 2, 32);
  const reads = new Map<number, Settled<PlanDocument>>();
  const submit = (n: number) => {
    const s = staged[n];
    if (!s || reads.has(n)) return;
    reads.set(n, settled(pool.read(s.file, s.handOff, s.clean ? undefined : model, opts.timeoutS, opts.vocabularies)));
  };
  // stopped while extracting: what was extracted is still loaded; stopped while loading: after this group
  const stoppedBefore = opts.signal?.aborted === true;
  let group: Read[] = [];
  let rows = 0;
  for (const [n, s] of staged.entries()) {
    if (opts.signal?.aborted && !stoppedBefore) break;
    for (let k = n; k < n + ahead; k++) submit(k);
    progress.step('load', s.file, n + 1, staged.length);
    const result = reads.get(n)!;
    reads.delete(n);
    try {
      const read = { s, extraction: await staging.getLoadable(s.handOff), doc: await unwrap(result) };
      group.push(read);
      rows += rowsOf(read);
    } catch (e) {
      progress.done(s.index, failure(s.file, e));
    }
    if (group.length >= LOAD_GROUP || rows >= LOAD_GROUP_ROWS) {
      await loadGroup(group);
      group = [];
      rows = 0;
      collectIfGrown();
    }
  }
  if (group.length) await loadGroup(group);
  collectIfGrown();
}

/** An extraction that takes longer than the time limit is a named failure; its pending work is dropped. */
export async function withTimeout<T>(work: Promise<T>, file: string, timeoutS = DEFAULT_TIMEOUT_S): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PlanError('timeout', `extraction took longer than ${timeoutS} s; raise with --timeout-s`, { file })),
      timeoutS * 1000,
    );
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** The archive's clean documents, as far as the repair model can take them. */
export async function archiveCleanDocuments(store: PlanStore): Promise<CleanDocuments> {
  const learnt = new CleanDocuments();
  const byDoc = new Map<string, string[]>();
  for (const { documentId, text } of await store.cleanPages(MODEL_PAGE_LIMIT)) byDoc.set(documentId, [...(byDoc.get(documentId) ?? []), text]);
  for (const [sha256, pages] of byDoc) learnt.add({ sha256, pages });
  return learnt;
}
