// The repair stage through the pipeline: `plans repair` output, and seed 002 imported with correct Swedish.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRepairContext, type RepairContext } from '../normalizers/repair/index.js';
import { extractFile } from '../extractors/index.js';
import { importFiles, readPlan, repairFile } from '../pipeline/run.js';
import { PlanStore } from '../data/store/store.js';
import type { PlanDocument } from '../model/document.js';
import { PLANS, renderPdf, renderText, toMojibake } from '../sample/generate.js';
import { haveSeeds, seedPath } from './helpers/seeds.js';

const dir = mkdtempSync(join(tmpdir(), 'plans-repair-'));
let ctx: RepairContext;
beforeAll(async () => {
  ctx = await createRepairContext();
});

describe.skipIf(!haveSeeds)('plans repair on the seeds', () => {
  it('prints clean text files byte-identical', async () => {
    for (const p of ['000', '001', '003', '004']) {
      const { text, repairs } = await repairFile(seedPath(p), ctx);
      expect(repairs).toEqual([]);
      expect(text === readFileSync(seedPath(p), 'utf8')).toBe(true);
    }
  });

  it('repairs seed 002: labels exact, words restored, each change with its line', async () => {
    const { text, repairs } = await repairFile(seedPath('002'), ctx);
    const lines = text.split('\n');
    const original = readFileSync(seedPath('002'), 'utf8').split('\n');
    expect(lines).toHaveLength(original.length);
    expect(text).toMatch(/^Nämndmål: Äldre har ett tryggt, hälsosamt och självständigt liv/m);
    expect(text).toMatch(/^KF:s mål för verksamhetsområdet: 3\.4 Medarbetare i Stockholm/m);
    expect(text).toContain('Tertial');
    for (const r of repairs.slice(0, 50)) expect(original[r.line - 1]).toContain(r.before);
    // a quote that opens one line and closes on the next is the author's, not a scan speck
    expect(lines[3]).toMatch(/^”Med ett gott bemötande/);
    expect(repairs.filter((r) => r.rule === 'ocr-split').map((r) => [r.before, r.after])).toEqual([
      ['framav', 'fram av'],
      ['framav', 'fram av'],
    ]);
    expect(repairs.length).toBeGreaterThan(500);
  });
});

describe('mojibake in a text export', () => {
  it('comes back exactly as the clean export', async () => {
    const plan = PLANS.find((p) => p.key === 'bestallare-vuxna' && p.year === 2023)!;
    const clean = renderText(plan);
    const file = join(dir, 'moji.txt');
    writeFileSync(file, toMojibake(clean));
    const { text, repairs } = await repairFile(file, ctx);
    expect(text).toBe(clean);
    expect(repairs.every((r) => r.rule.startsWith('mojibake'))).toBe(true);
    // and the parsed model equals the one from the clean file
    const cleanFile = join(dir, 'clean.txt');
    writeFileSync(cleanFile, clean);
    const a = readPlan(await extractFile(file), ctx);
    const b = readPlan(await extractFile(cleanFile), ctx);
    expect(a.goals.map((g) => g.title)).toEqual(b.goals.map((g) => g.title));
    expect(a.indicators.map((i) => [i.name, i.kfTarget?.raw])).toEqual(b.indicators.map((i) => [i.name, i.kfTarget?.raw]));
    expect(a.unit).toEqual(b.unit);
  });

  it('leaves a text PDF unchanged', async () => {
    const plan = PLANS.find((p) => p.key === 'hemtjanst' && p.year === 2022)!;
    const file = join(dir, 'plan.pdf');
    writeFileSync(file, await renderPdf(plan));
    const { text, repairs } = await repairFile(file, ctx);
    expect(repairs).toEqual([]);
    expect(text).toContain('Enheten för hemtjänst');
    expect(text.split('\f').length).toBeGreaterThan(3);
  });
});

describe.skipIf(!haveSeeds)('seed 002 imported after clean plans', () => {
  it('loads correct Swedish titles, indicator names and targets, and every repair into the repairs table', async () => {
    const store = await PlanStore.open(join(dir, 'r.duckdb'));
    try {
      const files = ['000', '002'].map((p) => seedPath(p));
      const docs = new Map<string, PlanDocument>();
      const [, o] = await importFiles(store, files, { onDocument: (file, d) => docs.set(file, d) });
      expect(o.status).toBe('inserted');
      const doc = docs.get(files[1]);
      expect(doc!.unit.name).toBe('Beställarenheten äldre');
      const titles = doc!.goals.map((g) => g.title);
      expect(titles).toContain('Äldre har ett tryggt, hälsosamt och självständigt liv samt en god personcentrerad vård och omsorg');
      expect(titles).toContain('Stadsdelsnämnden är en attraktiv arbetsgivare och har en god arbetsmiljö');
      // `Tas framav` (OCR lost a space) is split again: the page's letters show OCR damage, so its word boundaries are repaired too
      expect(doc!.indicators.map((i) => [i.name, i.unitTarget?.raw, i.kfTarget?.raw, i.periodicity])).toEqual([
        ['Aktivt Medskapandeindex', '83', '83', 'År'],
        ['Sjukfrånvaro', '9 %', 'Tas fram av nämnd/styrelse', 'Tertial'],
        ['Sjukfrånvaro dag 1-14', '3.5 %', 'Tas fram av nämnd/styrelse', 'Tertial'],
      ]);
      const { rows } = await store.query(
        `select count(*), count(distinct rule), min(confidence) > 0 from repairs join documents using (document_id) where unit_name = 'Beställarenheten äldre'`,
      );
      expect(Number(rows[0][0])).toBe(doc!.repairs.length);
      expect(Number(rows[0][1])).toBeGreaterThanOrEqual(2);
      const clean = await store.query(`select count(*) from repairs join documents using (document_id) where year = 2022`);
      expect(Number(clean.rows[0][0])).toBe(0);
    } finally {
      store.close();
    }
  });
});
