// A scanned plan (pages rendered to images with scan noise, no text layer) imports through OCR into
// DuckDB with the same goals and indicators as the plan's text PDF.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPages } from '../extractors/ocr/render.js';
import { importFiles, readPlan } from '../pipeline/run.js';
import { extractFile } from '../extractors/index.js';
import { PlanStore } from '../data/store/store.js';
import type { PlanDocument } from '../model/document.js';
import { PLANS, renderPdf } from '../sample/generate.js';
import { addScanNoise, cer, imagesToPdf } from '../bench/fixtures-scan.js';

const dir = mkdtempSync(join(tmpdir(), 'plans-scan-'));

// both OCR engines; the native one where the tesseract program is installed (CI installs it)
const engines = (['wasm', 'native'] as const).filter((e) => e === 'wasm' || spawnSync('tesseract', ['--version']).status === 0);

describe.each(engines)('a scanned plan, OCR engine %s', (ocrEngine) => {
  it('is OCR’d page by page and loads the same goals and indicators as its text PDF', async () => {
    const plan = PLANS.find((p) => p.key === 'hemtjanst' && p.year === 2022)!;
    const textPdf = await renderPdf(plan);
    // pages 3–5 with the noise of the sample corpus's scan of this plan (sample/scan.ts: seed year + index)
    const pages = await renderPages(new Uint8Array(textPdf), [3, 4, 5], 300);
    const scans = [];
    for (const p of pages) scans.push(await addScanNoise(p.png, { seed: 2022 + p.num - 1 }));
    const scanFile = join(dir, `scan-${ocrEngine}.pdf`);
    writeFileSync(scanFile, await imagesToPdf(scans));
    const textFile = join(dir, 'text.pdf');
    writeFileSync(textFile, textPdf);

    const store = await PlanStore.open(join(dir, `scan-${ocrEngine}.duckdb`));
    try {
      let scanned: PlanDocument | null = null;
      const [o] = await importFiles(store, [scanFile], { onDocument: (_, d) => (scanned = d) }, { ocrEngine });
      expect(o.status).toBe('inserted');
      const { rows } = await store.query(`select distinct method from pages`);
      expect(rows).toEqual([['ocr']]);

      const text = readPlan(await extractFile(textFile));
      // the scan holds pages 3–5 of the plan (numbered from its running `Sid N (M)` headers)
      const onScannedPages = (x: { page: number }) => x.page >= 3 && x.page <= 5;
      const textGoals = text.goals.filter(onScannedPages);
      const textIndicators = text.indicators.filter(onScannedPages);
      // structure exact; wording through OCR within a small character error rate
      expect(scanned!.goals.map((g) => [g.level, g.code])).toEqual(textGoals.map((g) => [g.level, g.code]));
      // every section heading is found although scan specks stand beside some of them (the last goal's
      // sections run on past the scanned pages)
      const whole = (gs: typeof textGoals) => gs.slice(0, -1);
      const sectionKeys = (gs: typeof textGoals) => whole(gs).map((g) => Object.keys(g.sections).sort());
      expect(sectionKeys(scanned!.goals)).toEqual(sectionKeys(textGoals));
      expect(scanned!.indicators).toHaveLength(textIndicators.length);
      // words the scan glued together (`attde`) or split with a speck (`stöd.och`) are parted again
      expect(scanned!.indicators.map((i) => i.name)).toEqual(textIndicators.map((i) => i.name));
      const scanRepairs = await store.query(`select distinct rule from repairs`);
      expect(scanRepairs.rows.map((r) => r[0])).toEqual(expect.arrayContaining(['ocr-split', 'ocr-speck']));
      expect(scanned!.indicators.map((i) => i.periodicity)).toEqual(textIndicators.map((i) => i.periodicity));
      // targets come through as the same kind and value: `öka`, `Tas fram av nämnd/styrelse`, and the
      // percentages, whose `%` the Swedish model cannot write and the English model reads again
      const target = (t: { kind: string; value: number | null; direction: string | null } | null) =>
        t && { kind: t.kind, value: t.value, direction: t.direction };
      for (const side of ['unitTarget', 'kfTarget'] as const) {
        expect(scanned!.indicators.map((i) => target(i[side]))).toEqual(textIndicators.map((i) => target(i[side])));
      }
      expect(textIndicators.some((i) => i.unitTarget?.kind === 'percent')).toBe(true);
      const rereads = scanned!.warnings.filter((w) => w.rule === 'ocr-number-reread');
      expect(rereads.length).toBeGreaterThan(0);
      for (const w of rereads) expect(w.message).toMatch(/read again with the English model as "\d+ ?%"/);
      const joined = (xs: string[]) => xs.join('\n');
      const titles = (d: typeof textGoals) => joined(d.map((g) => g.title));
      const rowText = (i: typeof textIndicators) => joined(i.map((x) => `${x.name} ${x.unitTarget?.raw ?? ''} ${x.kfTarget?.raw ?? ''}`));
      // the last goal's title wraps onto page 6, past the scan: all titles but its own are compared whole
      expect(cer(titles(whole(textGoals)), titles(whole(scanned!.goals)))).toBeLessThan(0.01);
      expect(textGoals.at(-1)!.title.startsWith(scanned!.goals.at(-1)!.title)).toBe(true);
      const sections = (d: typeof textGoals) => joined(whole(d).flatMap((g) => Object.values(g.sections)));
      expect(cer(sections(textGoals), sections(scanned!.goals))).toBeLessThan(0.01);
      expect(cer(rowText(textIndicators), rowText(scanned!.indicators))).toBeLessThan(0.03);
    } finally {
      store.close();
    }
  }, 240_000);
});
