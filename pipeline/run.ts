// The whole run, stage by stage, top to bottom. Every stage is a function from one checked shape to the
// next (model/stages.ts): extract (file → Extraction) → lines → repair → clean → parse (→ PlanDocument)
// → load. An import runs in three steps, with the extractions handed over on disk between them:
//   1. extract every file the store does not hold yet, and note which are clean;
//   2. build the repair model once, from the clean documents of the archive and of the whole batch;
//   3. normalise and load each document, one transaction each.
// So the rows a file gets depend on the set of documents, not on their order; the model's fingerprint is
// stored with each document.
import { extractFile, OcrPool, readInput, type ExtractOptions } from '../extractors/index.js';
import type { Extraction, PlanDocument } from '../model/document.js';
import { layOut } from '../normalizers/lines/index.js';
import { createRepairContext, isClean, repair, type RepairContext } from '../normalizers/repair/index.js';
import { CleanDocuments, MODEL_PAGE_LIMIT } from '../normalizers/repair/model-input.js';
import { clean } from '../normalizers/clean/index.js';
import { PARSER_VERSION, parse } from '../normalizers/parse/index.js';
import type { PlanStore } from '../data/store/store.js';
import { type BatchEvents, failure, type Outcome, Progress } from './batch.js';
import { Staging } from './staging.js';
import type { OcrMode } from '../extractors/scan.js';

/** One document from its extraction: lines → repair → clean → parse. Without a repair context the text is read as extracted. */
export function readPlan(extraction: Extraction, repairCtx?: RepairContext): PlanDocument {
  const lines = layOut(extraction);
  const repaired = repair(lines, repairCtx);
  const cleaned = clean(repaired);
  return parse(cleaned);
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

/** A staged document between step 1 and step 3. */
interface Staged {
  file: string;
  index: number;
  handOff: string;
  clean: boolean;
}

export async function importFiles(store: PlanStore, files: string[], events: BatchEvents = {}, opts: { ocr?: OcrMode } = {}): Promise<Outcome[]> {
  const progress = new Progress(files.length, events);
  const base = await createRepairContext();
  const learnt = await archiveCleanDocuments(store);
  const staging = await Staging.create();
  const ocrPool = new OcrPool();
  try {
    // 1. extract (content-keyed: a file already loaded is not extracted again)
    const staged: Staged[] = [];
    for (const [index, file] of files.entries()) {
      progress.step('extract', file, index + 1, files.length);
      try {
        const input = await readInput(file);
        if (await store.hasDocument(input.sha256)) {
          progress.done(index, { file, status: 'unchanged' });
          continue;
        }
        const extraction = await extractFile(file, { ocr: opts.ocr, ocrPool }, input);
        const lines = layOut(extraction);
        const cleanDoc = isClean(lines, base);
        if (cleanDoc) learnt.add({ sha256: extraction.source.sha256, pages: extraction.pages.map((p) => p.text) });
        staged.push({ file, index, handOff: await staging.put(extraction), clean: cleanDoc });
      } catch (e) {
        progress.done(index, failure(file, e));
      }
    }
    await ocrPool.close();

    // 2. the repair model
    const ctx = await createRepairContext(learnt.input());

    // 3. normalise and load
    for (const [n, s] of staged.entries()) {
      progress.step('load', s.file, n + 1, staged.length);
      try {
        const extraction = await staging.get(s.handOff);
        const doc = readPlan(extraction, s.clean ? undefined : ctx);
        const status = await store.load(extraction, doc, {
          parserVersion: PARSER_VERSION,
          clean: s.clean,
          repairModel: s.clean ? base.fingerprint : ctx.fingerprint,
        });
        progress.done(s.index, { file: s.file, status, doc });
      } catch (e) {
        progress.done(s.index, failure(s.file, e));
      }
    }
    return progress.outcomes();
  } finally {
    await ocrPool.close();
    await staging.close();
  }
}

/** `plans rebuild`: the same steps 1–3 from the stored pages of every document; nothing is extracted. */
export async function rebuildAll(store: PlanStore, events: BatchEvents = {}): Promise<Outcome[]> {
  const docs = await store.storedDocuments();
  const progress = new Progress(docs.length, events);
  const base = await createRepairContext();
  const learnt = new CleanDocuments();
  const cleanIds = new Set<string>();
  const unread = new Set<string>();
  for (const [index, d] of docs.entries()) {
    progress.step('extract', d.path, index + 1, docs.length);
    try {
      const extraction = await store.storedExtraction(d.documentId);
      if (isClean(layOut(extraction), base)) {
        cleanIds.add(d.documentId);
        learnt.add({ sha256: d.documentId, pages: extraction.pages.map((p) => p.text) });
      }
    } catch (e) {
      unread.add(d.documentId);
      progress.done(index, failure(d.path, e));
    }
  }
  const ctx = await createRepairContext(learnt.input());
  for (const [index, d] of docs.entries()) {
    if (unread.has(d.documentId)) continue;
    progress.step('load', d.path, index + 1, docs.length);
    try {
      const extraction = await store.storedExtraction(d.documentId);
      const cleanDoc = cleanIds.has(d.documentId);
      const doc = readPlan(extraction, cleanDoc ? undefined : ctx);
      await store.replaceParsed(extraction, doc, {
        parserVersion: PARSER_VERSION,
        clean: cleanDoc,
        repairModel: cleanDoc ? base.fingerprint : ctx.fingerprint,
      });
      progress.done(index, { file: d.path, status: 'replaced', doc });
    } catch (e) {
      progress.done(index, failure(d.path, e));
    }
  }
  return progress.outcomes();
}

/** The archive's clean documents, as far as the repair model can take them. */
async function archiveCleanDocuments(store: PlanStore): Promise<CleanDocuments> {
  const learnt = new CleanDocuments();
  const byDoc = new Map<string, string[]>();
  for (const { documentId, text } of await store.cleanPages(MODEL_PAGE_LIMIT)) byDoc.set(documentId, [...(byDoc.get(documentId) ?? []), text]);
  for (const [sha256, pages] of byDoc) learnt.add({ sha256, pages });
  return learnt;
}

/** `plans repair --db`: the model of an archive's clean documents. */
export async function archiveRepairContext(store: PlanStore): Promise<RepairContext> {
  return createRepairContext((await archiveCleanDocuments(store)).input());
}
