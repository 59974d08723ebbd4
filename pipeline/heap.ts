// A soft bound on the main thread's V8 heap during a batch. The loader turns out a steady stream of
// short-lived objects (each group's documents and rows), and V8 lets old garbage pile up far below its
// heap limit: at 10,000 documents the main heap reached ~900 MB while its live part was ~300 MB, and a
// hard `--max-old-space-size` would turn an archive that really needs more into a crash. Instead, after
// a load group, a full collection runs when the heap in use is above SOFT_LIMIT_MB: one ~0.1–0.2 s pause
// at most every group, and only when the heap has grown.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const SOFT_LIMIT_MB = 384;

let collect: (() => void) | null | undefined;

/** V8's full collection, made callable without starting node with --expose-gc (null where that fails). */
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  } catch {
    collect = null;
  }
  return collect;
}

/** After a unit of work: collect when the heap in use is above the soft limit; true when it did. */
export function collectIfGrown(limitMb = SOFT_LIMIT_MB): boolean {
  if (process.memoryUsage().heapUsed < limitMb * 2 ** 20) return false;
  const gc = collector();
  gc?.();
  return gc !== null;
}
