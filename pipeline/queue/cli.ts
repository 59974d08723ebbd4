// The commands beyond one machine, for pipeline/cli.ts to register: `plans worker --queue URL`, `plans
// export --parquet DIR --db F`, and `importWithQueue`, which `plans import --queue URL` runs instead of a
// local import. Nothing heavy is imported here: BullMQ, DuckDB and the stages load when a command runs.
import type { Command } from 'commander';
import { OCR_ENGINE_OPTION, positive } from '../options.js';
import type { OcrEngineName } from '../../extractors/ocr/types.js';
import type { Overrides } from '../../normalizers/identity/index.js';
import type { PlanStore } from '../../data/store/store.js';
import type { Limits } from '../../extractors/limits.js';
import type { OcrMode } from '../../extractors/scan.js';
import type { BatchEvents, Outcome } from '../batch.js';
import type { QueueCounts } from './enqueue.js';

export const QUEUE_OPTION_HELP =
  'run extraction, OCR, repair and parsing on `plans worker` processes at this Redis (redis://HOST:PORT); this process only loads the database';

export function registerQueueCommands(program: Command): void {
  program
    .command('worker')
    .description(
      'work for `plans import --queue`: extract, OCR, repair and parse the files it queues (they must be at the same paths here); runs until stopped (SIGTERM or Ctrl-C finish the jobs in hand)',
    )
    .requiredOption('--queue <url>', 'the Redis of the queue: redis://HOST:PORT[/DB][?queue=NAME]')
    .addOption(positive('--concurrency <n>', 'jobs at a time (default: one per core)'))
    .addOption(positive('--threads <n>', 'worker threads reading documents (default: one per core)'))
    .addOption(OCR_ENGINE_OPTION)
    .addOption(positive('--lock-s <n>', 'seconds before a job of a worker that died is given to another', 30))
    .addOption(positive('--hold-ms <n>', 'test hook: wait this long after taking each job').hideHelp())
    .action(async (opts: { queue: string; concurrency?: number; threads?: number; ocrEngine: OcrEngineName; lockS: number; holdMs?: number }) => {
      const { startWorker } = await import('./worker.js');
      const worker = await startWorker(opts.queue, {
        concurrency: opts.concurrency,
        threads: opts.threads,
        ocrEngine: opts.ocrEngine,
        lockS: opts.lockS,
        holdMs: opts.holdMs,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      let stopping = false;
      const stop = () => {
        if (stopping) process.exit(130);
        stopping = true;
        process.stderr.write('stopping: finishing the jobs in hand (again to stop at once)\n');
        void worker.close();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      await worker.closed;
    });
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write every table and view as Parquet, hive-partitioned by year, for DuckDB, Spark, Trino or any Parquet engine')
    .requiredOption('--parquet <dir>', 'output directory (new, empty, or an earlier export)')
    .requiredOption('--db <file>', 'DuckDB database file (opened read-only)')
    .action(async (opts: { parquet: string; db: string }) => {
      const { exportParquet } = await import('../../data/store/export-parquet.js');
      const { dir, relations } = await exportParquet(opts.db, opts.parquet);
      for (const r of relations) process.stderr.write(`${r.kind} ${r.name}: ${r.rows} rows${r.partitioned ? ', by year' : ''}\n`);
      process.stderr.write(`exported ${relations.length} tables and views to ${dir}\n`);
    });
}

export interface QueueRun {
  queue: string;
  ocr?: OcrMode;
  limits?: Partial<Limits>;
  timeoutS?: number;
  signal?: AbortSignal;
  /** the analyst's identity overrides, applied when the identities are recomputed after the load */
  overrides?: Overrides;
}

/** `plans import --queue`: the batch through the queue; the queue's counts on stderr every few seconds. */
export async function importWithQueue(store: PlanStore, files: string[], events: BatchEvents, run: QueueRun): Promise<Outcome[]> {
  const { importViaQueue } = await import('./enqueue.js');
  const told = (c: QueueCounts) =>
    process.stderr.write(`queue: ${c.waiting} waiting, ${c.active} active, ${c.delayed} to retry, ${c.completed} done, ${c.failed} failed\n`);
  return importViaQueue(store, files, events, { ...run, onCounts: told });
}
