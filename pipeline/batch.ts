// The batch runner: files and folders → one transaction per document in the store. A bad file is
// reported with its reason and skipped; the batch goes on.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type ExtractOptions, extractFile, formatOf, OcrPool, readInput } from '../extractors/index.js';
import type { OcrMode } from '../extractors/scan.js';
import { PlanError, type PlanDocument } from '../model/document.js';
import { PARSER_VERSION, parseExtraction } from '../normalizers/parse/index.js';
import type { PlanStore } from '../data/store/store.js';
import { createRepairContext, type RepairContext } from '../normalizers/repair/index.js';

/** Clean pages the archive already holds (no OCR, no repairs): the repair's picture of good Swedish. */
const CLEAN_PAGES_SQL = `SELECT text FROM pages WHERE method <> 'ocr'
  AND document_id NOT IN (SELECT DISTINCT document_id FROM repairs) ORDER BY document_id, page LIMIT 5000`;

export async function archiveRepairContext(store: PlanStore): Promise<RepairContext> {
  const { rows } = await store.query(CLEAN_PAGES_SQL);
  return createRepairContext(rows.map((r) => String(r[0])));
}

export type Outcome =
  | { file: string; status: 'inserted' | 'replaced' | 'unchanged'; doc?: PlanDocument }
  | { file: string; status: 'failed'; reason: string; page: number | null; code: string }
  | { file: string; status: 'skipped'; reason: string };

export interface BatchEvents {
  onStart?(total: number): void;
  onDone?(outcome: Outcome, index: number, total: number): void;
}

/** Files named on the command line, folders walked recursively in sorted order. */
export async function collectInputs(paths: string[]): Promise<{ files: string[]; skipped: Outcome[] }> {
  const files: string[] = [];
  const skipped: Outcome[] = [];
  const walk = async (p: string, named: boolean): Promise<void> => {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(p);
    } catch {
      skipped.push({ file: p, status: 'failed', reason: 'no such file or folder', page: null, code: 'missing' });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(p)).filter((e) => !e.startsWith('.')).sort();
      for (const e of entries) await walk(join(p, e), false);
    } else if (formatOf(p) || named) {
      files.push(p);
    } else {
      skipped.push({ file: p, status: 'skipped', reason: 'not a .pdf, .txt, .md or image file' });
    }
  };
  for (const p of paths) await walk(p, true);
  return { files, skipped };
}

function failure(file: string, e: unknown): Outcome {
  if (e instanceof PlanError) return { file, status: 'failed', reason: e.reason, page: e.page, code: e.rule };
  return { file, status: 'failed', reason: (e as Error).message ?? String(e), page: null, code: 'internal' };
}

export async function importFiles(store: PlanStore, files: string[], events: BatchEvents = {}, opts: { ocr?: OcrMode } = {}): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const repair = await archiveRepairContext(store);
  const ocrPool = new OcrPool();
  try {
    await importEach(store, files, events, { ocr: opts.ocr, ocrPool }, repair, outcomes);
  } finally {
    await ocrPool.close();
  }
  return outcomes;
}

async function importEach(
  store: PlanStore,
  files: string[],
  events: BatchEvents,
  extractOpts: ExtractOptions,
  repair: RepairContext,
  outcomes: Outcome[],
): Promise<void> {
  events.onStart?.(files.length);
  for (const [index, file] of files.entries()) {
    let outcome: Outcome;
    try {
      // content-keyed: a file already loaded is not extracted again
      const input = await readInput(file);
      if (await store.hasDocument(input.sha256)) {
        outcome = { file, status: 'unchanged' };
      } else {
        const extraction = await extractFile(file, extractOpts, input);
        const doc = parseExtraction(extraction, repair);
        const status = await store.load(extraction, doc, { parserVersion: PARSER_VERSION });
        outcome = { file, status, doc };
      }
    } catch (e) {
      outcome = failure(file, e);
    }
    outcomes.push(outcome);
    events.onDone?.(outcome, index + 1, files.length);
  }
}

/** Re-runs parse → normalise → load from the stored pages of every document; nothing is extracted. */
export async function rebuildAll(store: PlanStore, events: BatchEvents = {}): Promise<Outcome[]> {
  const docs = await store.storedDocuments();
  const outcomes: Outcome[] = [];
  const repair = await archiveRepairContext(store);
  events.onStart?.(docs.length);
  for (const [index, d] of docs.entries()) {
    let outcome: Outcome;
    try {
      const extraction = await store.storedExtraction(d.documentId);
      const doc = parseExtraction(extraction, repair);
      await store.replaceParsed(extraction, doc, { parserVersion: PARSER_VERSION });
      outcome = { file: d.path, status: 'replaced', doc };
    } catch (e) {
      outcome = failure(d.path, e);
    }
    outcomes.push(outcome);
    events.onDone?.(outcome, index + 1, docs.length);
  }
  return outcomes;
}

export function describe(o: Outcome): string {
  const name = resolve(o.file);
  if (o.status === 'failed') return `FAILED ${name}${o.page ? ` (page ${o.page})` : ''}: ${o.reason}`;
  if (o.status === 'skipped') return `skipped ${name}: ${o.reason}`;
  const d = o.doc;
  const what = d
    ? ` — ${d.unit.name} ${d.year ?? '?'}: ${d.goals.length} goals, ${d.indicators.length} indicators, ${d.activities.length} activities, ${d.budget.length} budget lines, ${d.warnings.length} warnings`
    : '';
  return `${o.status} ${name}${what}`;
}
