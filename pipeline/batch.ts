// What a batch is made of: the files of the paths given, the outcome of each file and how it is told.
// A bad file is reported with its reason and skipped; the batch goes on (pipeline/run.ts runs it).
import type { Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatOf } from '../extractors/formats.js';
import { PlanError, type PlanDocument } from '../model/document.js';
import type { RuleId } from '../model/rules.js';

/** What the summary tells of a loaded document: counts, not the document (a batch's memory stays flat). */
export interface DocSummary {
  unit: string;
  year: number | null;
  goals: number;
  indicators: number;
  activities: number;
  budgetLines: number;
  warnings: number;
}

export function summarize(d: PlanDocument): DocSummary {
  return {
    unit: d.unit.name,
    year: d.year,
    goals: d.goals.length,
    indicators: d.indicators.length,
    activities: d.activities.length,
    budgetLines: d.budget.length,
    warnings: d.warnings.length,
  };
}

export type Outcome =
  | { file: string; status: 'inserted' | 'replaced' | 'unchanged'; summary?: DocSummary }
  | { file: string; status: 'failed'; reason: string; page: number | null; code: RuleId }
  | { file: string; status: 'skipped'; reason: string };

export type BatchStep = 'extract' | 'load';

export interface BatchEvents {
  onStart?(total: number): void;
  /** a file enters a step (extract: read and extract it; load: normalise and load it), the `n`th of `of` */
  onStep?(step: BatchStep, file: string, n: number, of: number): void;
  /** a file's outcome is final; `done` counts the files finished so far */
  onDone?(outcome: Outcome, done: number, total: number): void;
  /** a document was loaded: the whole document, for a caller that wants more than the counts (not kept) */
  onDocument?(file: string, doc: PlanDocument): void;
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

  /** a loaded document: its counts are kept, the document itself only shown to `onDocument` */
  loaded(index: number, file: string, status: 'inserted' | 'replaced' | 'unchanged', doc: PlanDocument): void {
    this.events.onDocument?.(file, doc);
    this.done(index, { file, status, summary: summarize(doc) });
  }

  outcomes(): Outcome[] {
    return this.byIndex.filter(Boolean);
  }
}

/**
 * Files named on the command line, folders walked recursively in sorted order. A symbolic link is
 * followed to its real path, and each real path is read once: a link back into a folder being walked is
 * a `symlink-loop`, a second way to a file or folder already taken is skipped. A folder that cannot be
 * listed and a link pointing nowhere are failed entries; the walk goes on.
 */
export async function collectInputs(paths: string[]): Promise<{ files: string[]; skipped: Outcome[] }> {
  const files: string[] = [];
  const skipped: Outcome[] = [];
  const seen = new Map<string, string>();
  const fail = (file: string, code: RuleId, reason: string) => skipped.push({ file, status: 'failed', reason, page: null, code });
  const walk = async (p: string, named: boolean, walking: Set<string>): Promise<void> => {
    let real: string;
    let info: Stats;
    try {
      real = await realpath(p);
      info = await stat(real);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return void fail(p, 'symlink-loop', 'symlink loop: the link leads back to itself');
      if (code === 'EACCES') return void fail(p, 'unreadable', 'permission denied');
      const link = await lstat(p).then(
        (l) => l.isSymbolicLink(),
        () => false,
      );
      return void fail(p, 'missing', link ? 'broken symlink: its target does not exist' : 'no such file or folder');
    }
    if (walking.has(real)) return void fail(p, 'symlink-loop', `symlink loop: ${p} leads back to ${real}, a folder being walked`);
    const first = seen.get(real);
    if (first !== undefined)
      return void skipped.push({ file: p, status: 'skipped', reason: `the same ${info.isDirectory() ? 'folder' : 'file'} as ${first}` });
    seen.set(real, p);
    if (info.isDirectory()) {
      let entries: string[];
      try {
        entries = (await readdir(real)).filter((e) => !e.startsWith('.')).sort();
      } catch (e) {
        return void fail(
          p,
          'unreadable',
          `cannot list folder: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message}`,
        );
      }
      const inside = new Set(walking).add(real);
      for (const e of entries) await walk(join(p, e), false, inside);
    } else if (formatOf(p) || named) {
      files.push(p);
    } else {
      skipped.push({ file: p, status: 'skipped', reason: 'not a .pdf, .txt, .md or image file' });
    }
  };
  for (const p of paths) await walk(p, true, new Set());
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
  const d = o.summary;
  const what = d
    ? ` — ${d.unit} ${d.year ?? '?'}: ${counted({ goal: d.goals, indicator: d.indicators, activity: d.activities, 'budget line': d.budgetLines, warning: d.warnings })}`
    : '';
  return `${o.status} ${name}${what}`;
}

/** `1 goal, 3 indicators, 0 activities`: counts with their nouns in the right number. */
export function counted(counts: Record<string, number>): string {
  const plural = (noun: string) => (noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`);
  return Object.entries(counts)
    .map(([noun, n]) => `${n} ${n === 1 ? noun : plural(noun)}`)
    .join(', ');
}
