// Parse speed and memory, as ratios against references measured in the same run:
// - speed: parse → normalise of text pages vs the floor of any line-oriented reader over the same text
//   (split into lines + one regex test per line);
// - memory: heap growth while parsing a batch vs the size of the text parsed.
import { readFileSync } from 'node:fs';
import { splitTextPages } from '../extractors/text-file.js';
import { looksLikeMarkdown } from '../extractors/index.js';
import type { Extraction } from '../model/document.js';
import { readPlan } from '../pipeline/run.js';

function timeIt(rounds: number, fn: () => void): number {
  fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) fn();
  return Number(process.hrtime.bigint() - t0) / 1e6 / rounds;
}

export function runParseBench(files: string[], rounds = 20): Record<string, number> {
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const extractions: Extraction[] = texts.map((text, i) => {
    const format = looksLikeMarkdown(text) ? 'md' : 'txt';
    const pages = splitTextPages(text, format);
    return { source: { path: files[i], sha256: String(i), format, pages: pages.length }, pages, warnings: [] };
  });
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  const referenceMs = timeIt(rounds, () => {
    let n = 0;
    for (const t of texts) for (const line of t.split('\n')) if (/^\s*KF:s|Indikator|Aktivitet/i.test(line)) n++;
    if (n < 0) throw new Error('unreachable');
  });
  const parseMs = timeIt(rounds, () => extractions.forEach((e) => readPlan(e)));
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  // ten parsed copies kept alive: what a batch holding its models would cost
  const kept = Array.from({ length: 10 }, () => extractions.map((e) => readPlan(e)));
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  kept.length = 0;
  return {
    'parse.documents': files.length,
    'parse.mb_per_s': bytes / 1e6 / (parseMs / 1000),
    'parse.ms_per_document': parseMs / files.length,
    'parse.reference_ms': referenceMs,
    'parse.ratio_vs_line_scan': parseMs / referenceMs,
    'parse.heap_bytes_per_text_byte': Math.max(0, heapGrowth) / (bytes * 10),
  };
}
