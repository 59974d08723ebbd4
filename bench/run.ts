// `npm run bench`: speed, memory and quality figures, each target a ratio against a reference measured in
// the same run (never an absolute time). Prints every figure and a verdict per target; exit 1 on a miss.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runStoreBench } from './store-bench.js';
import { runBatchBench } from './batch-bench.js';
import { runOcrBench } from './ocr-bench.js';
import { runParseBench } from './parse-bench.js';
import { runRepairBench } from './repair-bench.js';

interface Target {
  metric: string;
  test: (v: number) => boolean;
  goal: string;
}

const TARGETS: Target[] = [
  { metric: 'parse.ratio_vs_line_scan', test: (v) => v <= 300, goal: 'parse ≤ 300× a bare line scan of the same text' },
  { metric: 'store.load_vs_insert', test: (v) => v >= 20, goal: 'Appender load ≥ 20× one-row INSERTs' },
  { metric: 'repair.seed.error_reduction_pct', test: (v) => v >= 85, goal: 'OCR-letter repair removes ≥ 85 % of the CER on seed text' },
  {
    metric: 'repair.other.error_reduction_pct',
    test: (v) => v >= 85,
    goal: 'OCR-letter repair removes ≥ 85 % of the CER on text not from the seeds',
  },
  { metric: 'ocr.throughput_vs_native', test: (v) => v >= 1, goal: 'tesseract.js pages/s ≥ native tesseract on the same images' },
  { metric: 'ocr.cer_tesseractjs', test: (v) => v <= 0.005, goal: 'Swedish OCR CER at 200 dpi ≤ 0.5 %' },
];

async function section(name: string, fn: () => Promise<Record<string, number>> | Record<string, number>): Promise<Record<string, number>> {
  process.stderr.write(`bench: ${name}…\n`);
  try {
    return await fn();
  } catch (e) {
    process.stderr.write(`bench: ${name} could not run: ${(e as Error).message}\n`);
    return {};
  }
}

const seeds = resolve('../shared/seeds');
const texts = existsSync(seeds) ? readdirSync(seeds).map((f) => join(seeds, f)) : [];
const results: Record<string, number> = {
  ...(texts.length ? await section('parse', () => runParseBench(texts)) : {}),
  ...(await section('store', () => runStoreBench())),
  // 100 and 1,000 documents; BENCH_DOCS=10000 adds a 10,000-document batch (about 5 minutes more)
  ...(await section('batch', () => runBatchBench())),
  ...(await section('repair', () => runRepairBench())),
  ...(await section('ocr', () => runOcrBench())),
};

for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(36)} ${Number.isInteger(v) ? v : v.toPrecision(4)}\n`);
let missed = 0;
process.stdout.write('\n');
for (const t of TARGETS) {
  const v = results[t.metric];
  const verdict = v === undefined ? 'not measured' : t.test(v) ? 'met' : 'MISSED';
  if (verdict === 'MISSED') missed++;
  process.stdout.write(`${verdict.padEnd(13)} ${t.goal} (${t.metric} = ${v === undefined ? '–' : v.toPrecision(4)})\n`);
}
process.exitCode = missed ? 1 : 0;
