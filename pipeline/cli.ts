#!/usr/bin/env node
// `plans`: import plan documents into DuckDB, print the model of one file, query the database.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Argument, Command, Option } from 'commander';
import { OCR_ENGINE_OPTION, positive } from './options.js';
import type { OcrEngineName } from '../extractors/ocr/types.js';
import cliProgress from 'cli-progress';
// Only what every command needs is imported here; each command loads its own stages when it runs
// (DuckDB, pdf.js, tesseract, hunspell are heavy: `plans --version` should not pay for them).
import { collectInputs, counted, describe, type BatchEvents, type DocSummary, type Outcome } from './batch.js';
import type { OcrMode } from '../extractors/scan.js';
import { DEFAULT_LIMITS, DEFAULT_TIMEOUT_S } from '../extractors/limits.js';
import { PlanError } from '../model/message.js';
import type { PlanStore } from '../data/store/store.js';
import type { OutputFormat } from '../reports/table-format.js';
import { importWithQueue, QUEUE_OPTION_HELP, registerExportCommand, registerQueueCommands } from './queue/cli.js';

const VOCABULARY_HELP =
  "an analyst's vocabulary file (goal levels, section headings, table columns; format in data/reference/README.md), read after the built-in ones; repeatable";

const runModule = () => import('./run.js');
const store = () => import('../data/store/store.js');

/** The package version, from the nearest package.json above this file (src via tsx, or dist/). */
function packageVersion(): string {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    const file = new URL('package.json', dir);
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

function progress(): BatchEvents {
  const name = (f: string) => f.split('/').pop();
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{step} [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    const failures: string[] = [];
    let current = '';
    return {
      onStep: (step, file, n, of) => {
        if (step !== current) {
          if (current) bar.stop();
          current = step;
          bar.start(of, 0, { step: step === 'extract' ? 'extracting' : 'importing', file: '' });
        }
        bar.update(n, { file: name(file) });
      },
      onDone: (o, i, total) => {
        if (o.status === 'failed') failures.push(describe(o));
        if (i === total) {
          bar.stop();
          failures.forEach((f) => process.stderr.write(`${f}\n`));
        }
      },
    };
  }
  return {
    onStep: (step, file, n, of) => {
      if (step === 'extract') process.stderr.write(`extracting [${n}/${of}] ${name(file)}\n`);
    },
    onDone: (o, i, total) => process.stderr.write(`[${i}/${total}] ${describe(o)}\n`),
  };
}

function summary(outcomes: Outcome[]): string {
  const count = (s: Outcome['status']) => outcomes.filter((o) => o.status === s).length;
  const docs = outcomes.flatMap((o) => ('summary' in o && o.summary ? [o.summary] : []));
  const sum = (f: (d: DocSummary) => number) => docs.reduce((s, d) => s + f(d), 0);
  const lines = [
    `${counted({ file: outcomes.length })}: ${count('inserted')} imported, ${count('replaced')} replaced, ${count('unchanged')} unchanged, ${count('failed')} failed, ${count('skipped')} skipped`,
    `loaded: ${counted({ goal: sum((d) => d.goals), indicator: sum((d) => d.indicators), activity: sum((d) => d.activities), 'budget line': sum((d) => d.budgetLines), warning: sum((d) => d.warnings) })}`,
  ];
  const failed = outcomes.filter((o) => o.status === 'failed');
  if (failed.length) lines.push('failures:', ...failed.map((o) => `  ${describe(o)}`));
  return lines.join('\n');
}

/**
 * The first Ctrl-C asks the batch to stop: what was extracted is loaded, document by document, and
 * nothing is ever half-loaded; the second stops at once.
 */
function gracefulInterrupt(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    process.stderr.write('\nstopping: the files extracted so far are loaded, then the import ends (Ctrl-C again to stop at once)\n');
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.removeListener('SIGINT', onSigint) };
}

async function withStore<T>(db: string, fn: (s: PlanStore) => Promise<T>): Promise<T> {
  const { PlanStore } = await store();
  const opened = await PlanStore.open(db);
  try {
    return await fn(opened);
  } finally {
    opened.close();
  }
}

const OCR_OPTION = new Option('--ocr <mode>', 'OCR of PDF pages: auto (pages without a usable text layer), always, never')
  .choices(['auto', 'always', 'never'])
  .default('auto');

const program = new Command()
  .name('plans')
  .description(
    'Import Swedish municipal plan documents (verksamhetsplaner: PDF with a text layer, text or markdown exports)\n' +
      'into a DuckDB database of goals, indicators, activities and budget lines, each with file, page and line.',
  )
  .version(packageVersion())
  .showHelpAfterError();

program
  .command('import')
  .description('import files and folders (recursively); a file already imported with the same content is left as it is')
  .argument('<paths...>', '.pdf, .txt, .md and page image (.png, .jpg, .tif) files, or folders holding them')
  .requiredOption('--db <file>', 'DuckDB database file (created if missing)')
  .addOption(OCR_OPTION)
  .addOption(OCR_ENGINE_OPTION)
  .addOption(positive('--max-file-mb <n>', 'refuse files larger than this (MB)', DEFAULT_LIMITS.maxFileMb))
  .addOption(positive('--max-pages <n>', 'refuse PDFs with more pages than this', DEFAULT_LIMITS.maxPages))
  .addOption(positive('--timeout-s <n>', 'give up on a document after this many seconds of extracting, or of reading', DEFAULT_TIMEOUT_S))
  .addOption(positive('--threads <n>', 'worker threads reading documents (default: one per core)'))
  .option('--overrides <file>', 'identity overrides an analyst edits (default: plans-overrides.json beside the database, if there is one)')
  .option('--vocabulary <file>', VOCABULARY_HELP, collect, [])
  .option('--queue <url>', QUEUE_OPTION_HELP)
  .action(
    async (
      paths: string[],
      opts: {
        db: string;
        ocr: OcrMode;
        ocrEngine: OcrEngineName;
        maxFileMb: number;
        maxPages: number;
        timeoutS: number;
        threads?: number;
        overrides?: string;
        vocabulary: string[];
        queue?: string;
      },
    ) => {
      if (opts.queue && opts.ocrEngine !== 'wasm') {
        throw new Error('with --queue, each worker chooses its OCR engine: plans worker --ocr-engine native');
      }
      const vocabularies = await vocabulariesFrom(opts.vocabulary);
      const { files, skipped } = await collectInputs(paths);
      skipped.forEach((o) => process.stderr.write(`${describe(o)}\n`));
      const interrupt = gracefulInterrupt();
      const run = {
        ocr: opts.ocr,
        ocrEngine: opts.ocrEngine,
        limits: { maxFileMb: opts.maxFileMb, maxPages: opts.maxPages },
        timeoutS: opts.timeoutS,
        threads: opts.threads,
        overrides: await overridesFor(opts.db, opts.overrides),
        vocabularies,
      };
      const { importFiles } = await runModule();
      const outcomes = await withStore(opts.db, (s) =>
        opts.queue
          ? importWithQueue(s, files, progress(), { ...run, queue: opts.queue, signal: interrupt.signal })
          : importFiles(s, files, progress(), { ...run, signal: interrupt.signal }),
      );
      interrupt.dispose();
      const all = [...skipped, ...outcomes];
      process.stderr.write(`${summary(all)}\n`);
      process.exitCode = all.some((o) => o.status === 'failed') ? 2 : 0;
      if (interrupt.signal.aborted) {
        const left = files.length - outcomes.length;
        process.stderr.write(`interrupted: ${left} file${left === 1 ? '' : 's'} not imported; run the same command again to resume\n`);
        process.exitCode = 130;
      }
    },
  );

program
  .command('extract')
  .description('read one file and print its document model (goals, indicators, activities, budget, warnings)')
  .argument('<file>', 'a .pdf, .txt, .md or page image (.png, .jpg, .tif) file')
  .option('--json', 'print the model as JSON (the public contract, see README)', true)
  .option('--no-repair', 'parse the text as extracted, without encoding and OCR letter repair')
  .addOption(OCR_OPTION)
  .addOption(OCR_ENGINE_OPTION)
  .option('--vocabulary <file>', VOCABULARY_HELP, collect, [])
  .action(async (file: string, opts: { repair: boolean; ocr: OcrMode; ocrEngine: OcrEngineName; vocabulary: string[] }) => {
    const [{ readPlan }, { extractFile }, { createRepairContext }, { labelsWith }] = await Promise.all([
      runModule(),
      import('../extractors/index.js'),
      import('../normalizers/repair/index.js'),
      import('../normalizers/parse/labels.js'),
    ]);
    const labels = labelsWith(await vocabulariesFrom(opts.vocabulary));
    const ctx = opts.repair ? await createRepairContext() : undefined;
    const doc = readPlan(await extractFile(file, { ocr: opts.ocr, ocrEngine: opts.ocrEngine }), ctx, labels);
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  });

program
  .command('repair')
  .description(
    'print the extracted text of any input (text export, text PDF or scan) with encoding and OCR letter damage repaired:\n' +
      'pages in order, separated by form feeds, no added markup; a text file that needs no repair comes out byte-identical',
  )
  .argument('<file>', 'a .pdf, .txt, .md or page image (.png, .jpg, .tif) file')
  .option('--diff', 'instead of the text, list every change: page:line, before → after, rule and confidence')
  .option('--db <file>', 'learn good Swedish from the clean documents of this database too')
  .addOption(OCR_OPTION)
  .addOption(OCR_ENGINE_OPTION)
  .action(async (file: string, opts: { diff?: boolean; db?: string; ocr: OcrMode; ocrEngine: OcrEngineName }) => {
    const [{ archiveRepairContext, repairFile }, { createRepairContext }, { mustExist }] = await Promise.all([
      runModule(),
      import('../normalizers/repair/index.js'),
      store(),
    ]);
    if (opts.db) mustExist(opts.db);
    const ctx = opts.db ? await withStore(opts.db, archiveRepairContext) : await createRepairContext();
    const { text, repairs } = await repairFile(file, ctx, { ocr: opts.ocr, ocrEngine: opts.ocrEngine });
    if (!opts.diff) {
      process.stdout.write(text);
      return;
    }
    for (const r of repairs) {
      process.stdout.write(`${r.page}:${r.line}\t${r.before} → ${r.after}\t${r.rule}\t${r.confidence.toFixed(2)}\n`);
    }
    process.stderr.write(`${repairs.length} change${repairs.length === 1 ? '' : 's'}\n`);
  });

program
  .command('sql')
  .description(
    'run one read-only SQL query against the database (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN; the file is opened read-only, without file or network access; see SCHEMA.md for tables and views)',
  )
  .argument('<query>', 'SQL text')
  .requiredOption('--db <file>', 'DuckDB database file')
  .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
  .action(async (query: string, opts: { db: string; format: OutputFormat }) => {
    const [{ ReadOnlyStore }, { formatRows }] = await Promise.all([import('../data/store/read-only.js'), import('../reports/table-format.js')]);
    const db = await ReadOnlyStore.open(opts.db);
    let result: Awaited<ReturnType<typeof db.query>>;
    try {
      result = await db.query(query);
    } finally {
      db.close();
    }
    process.stdout.write(formatRows(result.columns, result.rows, opts.format));
  });

program
  .command('rebuild')
  .description('re-run parse → normalise → load for every stored document from its stored pages (no re-extraction, no OCR)')
  .requiredOption('--db <file>', 'DuckDB database file')
  .option('--overrides <file>', 'identity overrides (default: plans-overrides.json beside the database, if there is one)')
  .option('--vocabulary <file>', VOCABULARY_HELP, collect, [])
  .action(async (opts: { db: string; overrides?: string; vocabulary: string[] }) => {
    const [{ rebuildAll }, { mustExist }] = await Promise.all([runModule(), store()]);
    mustExist(opts.db);
    const overrides = await overridesFor(opts.db, opts.overrides);
    const vocabularies = await vocabulariesFrom(opts.vocabulary);
    const outcomes = await withStore(opts.db, (s) => rebuildAll(s, progress(), { overrides, vocabularies }));
    process.stderr.write(`${summary(outcomes)}\n`);
    process.exitCode = outcomes.some((o) => o.status === 'failed') ? 2 : 0;
  });

const REPORTS = ['trends', 'coverage', 'changes', 'budget', 'links', 'html', 'all'] as const;

program
  .command('report')
  .description(
    'write comparison reports across years and units into a folder: CSV files (trends, coverage, changes, budget, links)\n' +
      'for Swedish Excel by default, or one self-contained HTML report (html); all writes every one',
  )
  .addArgument(new Argument('<kind>', 'which report').choices(REPORTS))
  .requiredOption('--db <file>', 'DuckDB database file')
  .requiredOption('--out <dir>', 'folder to write into (created if missing)')
  .option('--unit <unit>', 'only this unit: its key (0180:…) or part of its name')
  .addOption(positive('--from <year>', 'only plans of this year or later'))
  .addOption(positive('--to <year>', 'only plans of this year or earlier'))
  .addOption(
    new Option('--csv-dialect <dialect>', 'sv: UTF-8 with BOM, ; and decimal comma (Swedish Excel); rfc: comma and decimal point')
      .choices(['sv', 'rfc'])
      .default('sv'),
  )
  .action(
    async (
      kind: (typeof REPORTS)[number],
      opts: { db: string; out: string; unit?: string; from?: number; to?: number; csvDialect: 'sv' | 'rfc' },
    ) => {
      const [{ ReadOnlyStore }, { CSV_REPORTS, writeCsvReport }, { queryReportData }, { writeHtmlReport }] = await Promise.all([
        import('../data/store/read-only.js'),
        import('../reports/compare-report.js'),
        import('../reports/html-report-data.js'),
        import('../reports/html.js'),
      ]);
      const db = await ReadOnlyStore.open(opts.db);
      const filter = { unit: opts.unit, from: opts.from, to: opts.to };
      const written: string[] = [];
      try {
        for (const k of CSV_REPORTS)
          if (kind === k || kind === 'all') written.push(...(await writeCsvReport(db, k, opts.out, filter, opts.csvDialect)));
        if (kind === 'html' || kind === 'all') written.push(writeHtmlReport(opts.out, await queryReportData(db, resolve(opts.db), filter)));
      } finally {
        db.close();
      }
      for (const w of written) process.stdout.write(`${w}\n`);
    },
  );

program
  .command('diff')
  .description(
    'what changed between two plans: goals added, dropped or reworded; indicators added, dropped, renamed or with a moved target; KF goals',
  )
  .argument('<a>', 'the older plan: its path, document id (or a prefix of 8 or more characters) or UNIT@YEAR')
  .argument('<b>', 'the newer plan, named the same ways')
  .requiredOption('--db <file>', 'DuckDB database file')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .action(async (a: string, b: string, opts: { db: string; format: 'text' | 'json' }) => {
    const [{ ReadOnlyStore }, { diffPlans, findPlan, formatDiff }] = await Promise.all([
      import('../data/store/read-only.js'),
      import('../reports/diff.js'),
    ]);
    const db = await ReadOnlyStore.open(opts.db);
    try {
      const diff = await diffPlans(db, await findPlan(db, a), await findPlan(db, b));
      process.stdout.write(opts.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff));
    } finally {
      db.close();
    }
  });

registerQueueCommands(program);
registerExportCommand(program);

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The analyst's vocabulary files, read and checked (a malformed one fails naming it). */
async function vocabulariesFrom(files: string[]) {
  if (!files.length) return [];
  const { readVocabulary } = await import('../data/reference/vocabulary.js');
  return files.map((f) => readVocabulary(f));
}

/** The overrides file: the one named, or plans-overrides.json beside the database when it exists. */
async function overridesFor(db: string, file: string | undefined) {
  const { DEFAULT_OVERRIDES_FILE, readOverrides } = await import('../normalizers/identity/overrides.js');
  return file ? readOverrides(file) : readOverrides(join(dirname(resolve(db)), DEFAULT_OVERRIDES_FILE), { optional: true });
}

// `plans repair … | head`: a reader that has seen enough is not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

program.parseAsync().catch((e: unknown) => {
  const msg = e instanceof PlanError ? e.message : (e as Error).message;
  process.stderr.write(`plans: ${msg}\n`);
  // the command was asked something it does not do, as opposed to failing at what it does
  process.exitCode = e instanceof PlanError && (e.rule === 'store-no-database' || e.rule === 'store-refused' || e.rule === 'diff-no-plan') ? 2 : 1;
});
