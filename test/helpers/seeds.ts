// The real plans live beside the project in ../shared/seeds; they are read by path, never copied.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile } from '../../extractors/index.js';
import type { PlanDocument } from '../../model/document.js';
import { readPlan } from '../../pipeline/run.js';
import { createRepairContext } from '../../normalizers/repair/index.js';

import { SEEDS_DIR } from './seeds-dir.js';

export { SEEDS_DIR };
/** test/global-setup.ts says how many test files skip their seed tests when this is false */
export const haveSeeds = existsSync(SEEDS_DIR);

export function seedPath(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}_… in ${SEEDS_DIR}`);
  return join(SEEDS_DIR, name);
}

export async function parseSeed(prefix: string): Promise<PlanDocument> {
  // as `plans import` reads them: repaired (seed 002's OCR letters restored)
  return readPlan(await extractFile(seedPath(prefix)), await createRepairContext());
}

export function countLevels(doc: PlanDocument): Record<string, number> {
  const c: Record<string, number> = { kf_inriktningsmal: 0, kf_verksamhetsmal: 0, namndmal: 0, enhetsmal: 0 };
  for (const g of doc.goals) c[g.level]++;
  return c;
}
