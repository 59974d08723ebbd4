// The worker threads that read a batch's documents (lines → repair → clean → parse), one per core. A
// worker has a memory limit and each document a time limit: a document over either is a named failure
// (`too-large`, `timeout`) and the worker is replaced; the batch and the process go on.
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { DEFAULT_TIMEOUT_S } from '../extractors/limits.js';
import type { PlanDocument } from '../model/document.js';
import { PlanError, type Stage } from '../model/message.js';
import type { RuleId } from '../model/rules.js';
import type { Vocabulary } from '../data/reference/vocabulary.js';

export type ReadTask =
  /** is the staged Extraction (JSON) clean? */
  (
    | { kind: 'check'; handOff: string }
    /** read it, with the staged repair model input (JSON) named by its fingerprint; no model: without repair */
    | { kind: 'read'; handOff: string; model?: { file: string; fingerprint: string }; vocabularies?: Vocabulary[] }
  ) & {
    /** the worker says on it when it takes the task */
    started?: MessagePort;
  };

export type ReadResult = (
  | { ok: true; doc: PlanDocument }
  | { ok: true; clean: boolean }
  | { ok: false; rule: RuleId; reason: string; page: number | null; stage: Stage }
) & {
  /** the worker's V8 heap when it answered, bytes: in use and committed (what its thread adds to the process's RSS) */
  heap?: { used: number; total: number };
};

export interface ReadPoolOptions {
  threads?: number;
  /** per worker: the V8 heap a document may grow */
  maxMemoryMb?: number;
}

export const DEFAULT_WORKER_MEMORY_MB = 4096;

export class ReadPool {
  private readonly pool: Piscina<ReadTask, ReadResult>;
  /** the largest worker heap any answer reported, bytes (in use, committed) */
  readonly peakWorkerHeap = { used: 0, total: 0 };

  constructor(private readonly opts: ReadPoolOptions = {}) {
    // from source (tsx, vitest) the worker is TypeScript too and needs the same loader
    const fromSource = import.meta.url.endsWith('.ts');
    const threads = opts.threads ?? Math.max(1, availableParallelism());
    this.pool = new Piscina({
      filename: new URL(fromSource ? './read-worker.ts' : './read-worker.js', import.meta.url).href,
      // every worker is kept: with a minimum of 0, a task queued behind a document whose worker was killed
      // for its time limit never got a new worker (seen with piscina 5.3); idle workers are unref'd, so
      // they never keep the process alive
      minThreads: threads,
      maxThreads: threads,
      execArgv: fromSource ? ['--import', 'tsx'] : [],
      resourceLimits: { maxOldGenerationSizeMb: opts.maxMemoryMb ?? DEFAULT_WORKER_MEMORY_MB },
    });
  }

  get threads(): number {
    return this.pool.options.maxThreads;
  }

  /** `vocabularies`: an analyst's vocabularies, read after the built-in ones (`--vocabulary FILE`). */
  async read(
    file: string,
    handOff: string,
    model: { file: string; fingerprint: string } | undefined,
    timeoutS?: number,
    vocabularies: Vocabulary[] = [],
  ): Promise<PlanDocument> {
    const result = await this.run(file, { kind: 'read', handOff, model, vocabularies }, timeoutS);
    if (!('doc' in result)) throw new Error('read task answered without a document');
    return result.doc;
  }

  async isClean(file: string, handOff: string, timeoutS?: number): Promise<boolean> {
    const result = await this.run(file, { kind: 'check', handOff }, timeoutS);
    if (!('clean' in result)) throw new Error('check task answered without a verdict');
    return result.clean;
  }

  private async run(file: string, task: ReadTask, timeoutS = DEFAULT_TIMEOUT_S): Promise<Extract<ReadResult, { ok: true }>> {
    // the clock starts when a worker takes the task, not while it waits in the queue
    const { port1, port2 } = new MessageChannel();
    const timedOut = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      timer = setTimeout(() => timedOut.abort(), timeoutS * 1000);
    });
    let result: ReadResult;
    try {
      result = await this.pool.run({ ...task, started: port2 }, { transferList: [port2], signal: timedOut.signal });
    } catch (e) {
      if (timedOut.signal.aborted) throw new PlanError('timeout', `reading took longer than ${timeoutS} s; raise with --timeout-s`, { file });
      if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        const mb = this.opts.maxMemoryMb ?? DEFAULT_WORKER_MEMORY_MB;
        throw new PlanError('too-large', `reading needs more than the ${mb} MB a document may use; the file is too large to read`, { file });
      }
      throw e;
    } finally {
      clearTimeout(timer);
      port1.close();
    }
    if (result.heap) {
      this.peakWorkerHeap.used = Math.max(this.peakWorkerHeap.used, result.heap.used);
      this.peakWorkerHeap.total = Math.max(this.peakWorkerHeap.total, result.heap.total);
    }
    if (!result.ok) throw new PlanError(result.rule, result.reason, { file, page: result.page }, result.stage);
    return result;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

const shared = new Map<string, ReadPool>();

/**
 * One pool per process and settings, reused by every batch: a worker's start (modules, the lexicon, the
 * repair model of the last batch) is paid once. The workers hold no state that changes a result.
 */
export function sharedReadPool(opts: ReadPoolOptions = {}): ReadPool {
  const key = `${opts.threads ?? 'cores'}:${opts.maxMemoryMb ?? DEFAULT_WORKER_MEMORY_MB}`;
  let pool = shared.get(key);
  if (!pool) {
    pool = new ReadPool(opts);
    shared.set(key, pool);
  }
  return pool;
}
