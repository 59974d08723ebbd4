// The hand-off between a batch's extract step and its load step: each Extraction as a JSON file in a
// private temporary folder, so a batch holds no more than one document in memory between the steps. The
// file holds the extraction in its loadable form (model/document.ts: items as JSON text).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Extraction, fromLoadable, LoadableExtraction, toLoadable } from '../model/document.js';
import type { RepairModelCounts, RepairModelInput } from '../normalizers/repair/model-input.js';

export class Staging {
  private count = 0;

  private constructor(private readonly dir: string) {}

  static async create(): Promise<Staging> {
    return new Staging(await mkdtemp(join(tmpdir(), 'plans-staging-')));
  }

  async put(extraction: Extraction): Promise<string> {
    const file = join(this.dir, `${++this.count}.json`);
    await writeFile(file, JSON.stringify(toLoadable(extraction)));
    return file;
  }

  /** The repair model's input (its pages, or the counts learnt from them), for the worker threads to build the model from. */
  async putModel(input: RepairModelInput | RepairModelCounts): Promise<{ file: string; fingerprint: string }> {
    const file = join(this.dir, `model-${input.fingerprint}.json`);
    await writeFile(file, JSON.stringify(input));
    return { file, fingerprint: input.fingerprint };
  }

  /** The extraction as staged for the store: items stay JSON text, the rest is checked against its shape again. */
  async getLoadable(file: string): Promise<LoadableExtraction> {
    return LoadableExtraction.parse(JSON.parse(await readFile(file, 'utf8')));
  }

  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** A hand-off file as the Extraction it holds, checked against its shape again (the file could have been touched). */
export async function readStaged(file: string): Promise<Extraction> {
  return fromLoadable(LoadableExtraction.parse(JSON.parse(await readFile(file, 'utf8'))));
}
