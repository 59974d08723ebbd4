// A worker thread of the batch (pipeline/read-pool.ts). `check`: is a staged extraction clean (no OCR
// page, nothing the base repair model would change)? `read`: the staged extraction read into its
// document. The repair model is built once per worker and model (named by its fingerprint) from the
// model input the batch staged beside the extractions: the counts learnt from the clean pages (`plans
// import`), or the pages themselves (the queue's workers).
import { readFile } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import { readStaged } from './staging.js';
import { PlanError } from '../model/message.js';
import { layOut } from '../normalizers/lines/index.js';
import { createRepairContext, isClean, type RepairContext } from '../normalizers/repair/index.js';
import type { RepairModelCounts, RepairModelInput } from '../normalizers/repair/model-input.js';
import type { Vocabulary } from '../data/reference/vocabulary.js';
import { type Labels, labelsWith } from '../normalizers/parse/labels.js';
import { readPlan } from './read-plan.js';
import type { ReadResult, ReadTask } from './read-pool.js';

let model: { fingerprint: string; ctx: Promise<RepairContext> } | null = null;

function contextFor(file: string, fingerprint: string): Promise<RepairContext> {
  if (model?.fingerprint !== fingerprint) {
    model = {
      fingerprint,
      ctx: readFile(file, 'utf8').then((json) => createRepairContext(JSON.parse(json) as RepairModelInput | RepairModelCounts)),
    };
  }
  return model.ctx;
}

/** The labels of the built-in vocabularies and an analyst's, compiled once per set in each worker. */
const labelsBySet = new Map<string, Labels>();
function labelsFor(extra: Vocabulary[] | undefined): Labels {
  if (!extra?.length) return labelsWith([]);
  const key = JSON.stringify(extra);
  let labels = labelsBySet.get(key);
  if (!labels) {
    labels = labelsWith(extra);
    labelsBySet.set(key, labels);
  }
  return labels;
}

/** The answer with this worker's heap beside it (the pool keeps the peak, for the batch bench). */
async function work(task: ReadTask, base: RepairContext): Promise<ReadResult> {
  const result = await answer(task, base);
  const h = getHeapStatistics();
  return { ...result, heap: { used: h.used_heap_size, total: h.total_heap_size } };
}

async function answer(task: ReadTask, base: RepairContext): Promise<ReadResult> {
  task.started?.postMessage('started');
  task.started?.close();
  const extraction = await readStaged(task.handOff);
  if (task.kind === 'check') {
    // the lines the read would see: hyphenated words joined by the base lexicon (readPlan does the same)
    return { ok: true, clean: isClean(layOut(extraction, { lexicon: base.lexicon }), base) };
  }
  const ctx = task.model ? await contextFor(task.model.file, task.model.fingerprint) : undefined;
  try {
    return { ok: true, doc: readPlan(extraction, ctx, labelsFor(task.vocabularies)) };
  } catch (e) {
    // a PlanError does not survive the thread boundary as one: send its fields
    if (e instanceof PlanError) return { ok: false, rule: e.rule, reason: e.reason, page: e.page, stage: e.stage };
    throw e;
  }
}

// piscina waits for an exported promise: the lexicon is loaded before the worker takes its first task,
// so no document's time limit pays for it
export default createRepairContext().then((base) => (task: ReadTask) => work(task, base));
