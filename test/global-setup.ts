// Before any test: say loudly which test files lose their seed tests when ../shared/seeds is missing,
// and under CI=true fail the run instead (CI must test on the real plans).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SEEDS_DIR } from './helpers/seeds-dir.js';

export default function setup(): void {
  if (existsSync(SEEDS_DIR)) return;
  const dir = new URL('.', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.ts') && readFileSync(new URL(f, dir), 'utf8').includes('haveSeeds'));
  const banner = `${SEEDS_DIR} is missing: the seed tests of ${files.length} test files are skipped (${files.join(', ')}). Clone the project with its shared folder beside it.`;
  if (process.env.CI === 'true') throw new Error(`CI=true and ${banner}`);
  process.stderr.write(`\n*** ${banner}\n\n`);
}
