// A generated plan read from its PDF (positions) and from its text and markdown exports (spacing, tabs)
// gives the same model; and the model is the plan the generator wrote.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../extractors/index.js';
import type { PlanDocument } from '../model/document.js';
import { readPlan } from '../pipeline/run.js';
import { PLANS, renderAs } from '../sample/generate.js';

const dir = mkdtempSync(join(tmpdir(), 'plans-forms-'));

function view(d: PlanDocument) {
  return {
    meta: [d.unit, d.district, d.year, d.dnr],
    goals: d.goals.map((g) => [g.level, g.code, g.title, g.parentId, Object.keys(g.sections).sort()]),
    indicators: d.indicators.map((i) => [i.goalId, i.name, i.unitTarget, i.kfTarget, i.periodicity]),
    activities: d.activities.map((a) => [a.goalId, a.text, a.start, a.end]),
    budget: d.budget.map((b) => [b.table, b.group, b.line, b.amountTkr]),
  };
}

async function parseAs(plan: (typeof PLANS)[number], format: 'pdf' | 'txt' | 'md'): Promise<PlanDocument> {
  const file = join(dir, `${plan.key}-${plan.year}.${format}`);
  writeFileSync(file, await renderAs(plan, format));
  return readPlan(await extractFile(file));
}

describe('PDF and text exports of the same plan', () => {
  for (const plan of PLANS) {
    it(`${plan.unit} ${plan.year}: PDF = text dump = markdown`, async () => {
      const pdf = await parseAs(plan, 'pdf');
      expect(pdf.source.format).toBe('pdf');
      expect(view(await parseAs(plan, 'txt'))).toEqual(view(pdf));
      expect(view(await parseAs(plan, 'md'))).toEqual(view(pdf));
    });
  }
});

describe('the PDF model is the plan that was written', () => {
  it('reads every indicator of each plan with both targets and periodicity, as written', async () => {
    for (const plan of PLANS) {
      const doc = await parseAs(plan, 'pdf');
      expect(doc.unit.name).toBe(plan.unit);
      expect(doc.year).toBe(plan.year);
      const written = plan.directions.flatMap((d) => d.goals.flatMap((k) => k.indicators));
      expect(doc.indicators.map((i) => [i.name, i.unitTarget?.raw ?? '', i.kfTarget?.raw ?? '', i.periodicity])).toEqual(
        written.map((w) => [w.name, w.unitTarget, w.kfTarget, w.periodicity]),
      );
    }
  });

  it('joins a table split over a page break, and places a one-value row by its x position', async () => {
    const plan = PLANS.find((p) => p.key === 'hemtjanst' && p.year === 2023)!;
    const doc = await parseAs(plan, 'pdf');
    const kf11 = doc.goals.find((g) => g.code === '1.1')!;
    const rows = doc.indicators.filter((i) => i.goalId === kf11.id);
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((r) => r.page)).size).toBe(2);
    const onlyKf = rows.find((r) => r.name.startsWith('Andel brukare som upplever att personalen tar hänsyn'))!;
    expect(onlyKf.unitTarget).toBeNull();
    expect(onlyKf.kfTarget?.raw).toBe('öka');
    const onlyUnit = rows.find((r) => r.name.startsWith('Andel brukare med hemtjänst som har en aktuell genomförandeplan'))!;
    expect(onlyUnit.unitTarget?.raw).toBe('100 %');
    expect(onlyUnit.kfTarget).toBeNull();
    expect(rows.find((r) => r.name.startsWith('Andel avvikelser'))).toMatchObject({ unitTarget: null, kfTarget: null, periodicity: 'Tertial' });
  });
});
