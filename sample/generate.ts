// Writes the sample corpus: one file per plan, most as PDFs, a few as text, markdown and mojibake
// exports. Run: `node dist/sample/generate.js sample-corpus` or `npx tsx sample/generate.ts`.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toMojibake } from './mojibake.js';
import { scanPdf } from './scan.js';
import type { Plan } from './model.js';
import { PLANS, sampleOverrides } from './plans.js';
import { renderMarkdown } from './render-markdown.js';
import { renderPdf } from './render-pdf.js';
import { renderText } from './render-text.js';

export { PLANS, findPlan, buildPlan, UNITS, YEARS, DISTRICT, sampleOverrides, unitNameOf } from './plans.js';
export type { Plan } from './model.js';
export { renderPdf } from './render-pdf.js';
export { renderText } from './render-text.js';
export { renderMarkdown } from './render-markdown.js';
export { toMojibake } from './mojibake.js';
export { scanPdf } from './scan.js';

export type ExportFormat = 'pdf' | 'txt' | 'md' | 'mojibake' | 'scan';

/** Plans shipped as exports instead of PDFs; every other plan is a PDF. */
const EXPORTS: Record<string, ExportFormat> = {
  'fritid-solberga/2022': 'txt',
  'fritid-solberga/2024': 'md',
  'bestallare-vuxna/2022': 'mojibake',
  'hemtjanst/2022': 'scan',
};

export function formatOf(p: Plan): ExportFormat {
  return EXPORTS[`${p.key}/${p.year}`] ?? 'pdf';
}

export function fileNameOf(p: Plan): string {
  const f = formatOf(p);
  if (f === 'mojibake') return path.join(p.key, `${p.year}-mojibake.txt`);
  if (f === 'scan') return path.join(p.key, `${p.year}-scan.pdf`);
  return path.join(p.key, `${p.year}.${f}`);
}

export async function renderAs(p: Plan, format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return renderPdf(p);
    case 'txt':
      return Buffer.from(renderText(p), 'utf8');
    case 'md':
      return Buffer.from(renderMarkdown(p), 'utf8');
    case 'mojibake':
      return Buffer.from(toMojibake(renderText(p)), 'utf8');
    case 'scan':
      return Buffer.from(await scanPdf(new Uint8Array(await renderPdf(p)), 300, p.year));
  }
}

/** The overrides file written beside the plans (`--overrides DIR/plans-overrides.json`). */
export const OVERRIDES_FILE = 'plans-overrides.json';

/** Writes every sample plan under outDir, and the overrides file its renamed unit needs; returns the plans' paths. */
export async function generateSampleCorpus(outDir: string): Promise<string[]> {
  const written: string[] = [];
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, OVERRIDES_FILE), `${JSON.stringify(sampleOverrides(), null, 2)}\n`);
  for (const p of PLANS) {
    const file = path.join(outDir, fileNameOf(p));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, await renderAs(p, formatOf(p)));
    written.push(file);
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = await generateSampleCorpus(process.argv[2] ?? 'sample-corpus');
  for (const f of files) console.log(f);
}
