// The files of a batch read a window at a time, with one store query per window for the content hashes
// already stored (a query per file cost ~1–3 ms on a 10,000-document store; one per window ~0.03 ms a file).
import { type Input, type Limits, readInput } from '../extractors/index.js';
import type { PlanStore } from '../data/store/store.js';

/** a window closes at this many files or this many bytes read, whichever comes first */
const WINDOW_FILES = 32;
const WINDOW_BYTES = 64 * 2 ** 20;

export type AheadInput = { index: number; file: string } & ({ input: Input; stored: boolean } | { error: unknown });

export async function* inputsAhead(store: PlanStore, files: string[], limits?: Partial<Limits>): AsyncGenerator<AheadInput> {
  for (let from = 0; from < files.length; ) {
    const window: AheadInput[] = [];
    let bytes = 0;
    for (; from < files.length && window.length < WINDOW_FILES && bytes < WINDOW_BYTES; from++) {
      const file = files[from];
      try {
        const input = await readInput(file, limits);
        bytes += input.data.length;
        window.push({ index: from, file, input, stored: false });
      } catch (error) {
        window.push({ index: from, file, error });
      }
    }
    const stored = await store.storedAmong(window.flatMap((w) => ('input' in w ? [w.input.sha256] : [])));
    for (const w of window) yield 'input' in w ? { ...w, stored: stored.has(w.input.sha256) } : w;
  }
}
