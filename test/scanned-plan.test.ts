// A scanned plan (pages rendered to images with scan noise, no text layer) imports through OCR into
// DuckDB with the same goals and indicators as the plan's text PDF.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPages } from '../extractors/ocr/render.js';
import { importFiles } from '../pipeline/batch.js';
import { extractFile } from '../pipeline/extract.js';
import { parseExtraction } from '../pipeline/parse.js';
import { PlanStore } from '../pipeline/store/store.js';
import { PLANS, renderPdf } from '../sample/generate.js';
import { addScanNoise, cer, imagesToPdf } from './helpers/scan.js';

const dir = mkdtempSync(join(tmpdir(), 'plans-scan-'));

describe('a scanned plan', () => {
  it('is OCR’d page by page and loads the same goals and indicators as its text PDF', async () => {
    const plan = PLANS.find((p) => p.key === 'hemtjanst' && p.year === 2022)!;
    const textPdf = await renderPdf(plan);
    const pages = await renderPages(new Uint8Array(textPdf), [3, 4], 300);
    const scans = [];
    for (const [i, p] of pages.entries()) scans.push(await addScanNoise(p.png, { seed: 5 + i }));
    const scanFile = join(dir, 'scan.pdf');
    writeFileSync(scanFile, await imagesToPdf(scans));
    const textFile = join(dir, 'text.pdf');
    writeFileSync(textFile, textPdf);

    const store = await PlanStore.open(join(dir, 'scan.duckdb'));
    try {
      const [o] = await importFiles(store, [scanFile]);
      expect(o.status).toBe('inserted');
      const scanned = 'doc' in o ? o.doc! : null;
      const { rows } = await store.query(`select distinct method from pages`);
      expect(rows).toEqual([['ocr']]);

      const text = parseExtraction(await extractFile(textFile));
      // the scan holds pages 3–4 of the plan (numbered 1–2 in the scan)
      const onScannedPages = (x: { page: number }) => x.page === 3 || x.page === 4;
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
      expect(scanned!.indicators.map((i) => i.periodicity)).toEqual(textIndicators.map((i) => i.periodicity));
      // targets come through as the same kind and value: `öka`, `Tas fram av nämnd/styrelse`, and the
      // percentages, whose `%` the Swedish model cannot write and the English model reads again
      const target = (t: { kind: string; value: number | null; direction: string | null } | null) => t && { kind: t.kind, value: t.value, direction: t.direction };
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
      expect(cer(titles(textGoals), titles(scanned!.goals))).toBeLessThan(0.01);
      const sections = (d: typeof textGoals) => joined(whole(d).flatMap((g) => Object.values(g.sections)));
      expect(cer(sections(textGoals), sections(scanned!.goals))).toBeLessThan(0.01);
      expect(cer(rowText(textIndicators), rowText(scanned!.indicators))).toBeLessThan(0.03);
    } finally {
      store.close();
    }
  }, 240_000);
});
