// What a batch is made of: the files of the paths given, the outcome of each file and how it is told.
// A bad file is reported with its reason and skipped; the batch goes on (pipeline/run.ts runs it).
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatOf } from '../extractors/index.js';
import { PlanError, type PlanDocument } from '../model/document.js';

export type Outcome =
  | { file: string; status: 'inserted' | 'replaced' | 'unchanged'; doc?: PlanDocument }
  | { file: string; status: 'failed'; reason: string; page: number | null; code: string }
  | { file: string; status: 'skipped'; reason: string };

export type BatchStep = 'extract' | 'load';

export interface BatchEvents {
  onStart?(total: number): void;
  /** a file enters a step (extract: read and extract it; load: normalise and load it), the `n`th of `of` */
  onStep?(step: BatchStep, file: string, n: number, of: number): void;
  /** a file's outcome is final; `done` counts the files finished so far */
  onDone?(outcome: Outcome, done: number, total: number): void;
}

/** Outcomes of a batch in the order of its files, whatever order they finish in. */
export class Progress {
  private readonly byIndex: Outcome[] = [];
  private finished = 0;

  constructor(
    private readonly total: number,
    private readonly events: BatchEvents,
  ) {
    events.onStart?.(total);
  }

  step(step: BatchStep, file: string, n: number, of: number): void {
    this.events.onStep?.(step, file, n, of);
  }

  done(index: number, outcome: Outcome): void {
    this.byIndex[index] = outcome;
    this.events.onDone?.(outcome, ++this.finished, this.total);
  }

  outcomes(): Outcome[] {
    return this.byIndex.filter(Boolean);
  }
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

export function failure(file: string, e: unknown): Outcome {
  if (e instanceof PlanError) return { file, status: 'failed', reason: e.reason, page: e.page, code: e.rule };
  return { file, status: 'failed', reason: (e as Error).message ?? String(e), page: null, code: 'internal' };
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
