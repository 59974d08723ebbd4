// The general reader's measuring stick (issue 13): every sample plan written in other municipalities'
// templates (sample/templates: other level words and numbering, other table columns in other orders,
// outcome and baseline columns, schedules in words, no district), each as markdown with pipe tables, a
// text export with tab-separated tables and a PDF, read by the real reader and scored against the plan
// it was made from (F1 per kind, hierarchy). Each template's mean must stay at or above its floor.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../extractors/index.js';
import { readPlan } from '../pipeline/run.js';
import { f1, type Score, score } from '../sample/layouts/truth.js';
import { PLANS } from '../sample/plans.js';
import { budgetRowKey } from '../sample/templates/budget.js';
import { formExtension, renderTemplate, TEMPLATE_FORMS, TEMPLATES, templateBudgetTruth, templateTruth } from '../sample/templates/index.js';

const METRICS = ['goals', 'indicators', 'activities', 'budget', 'hierarchy', 'unit', 'year'] as const;
type Metric = (typeof METRICS)[number];

/** measured means (a ratchet: raise them as the reader improves) */
const ALL: Record<Metric, number> = { goals: 1, indicators: 1, activities: 1, budget: 1, hierarchy: 1, unit: 1, year: 1 };
const FLOORS: Record<string, Partial<Record<Metric, number>>> = {
  'kommun-a md': ALL,
  'kommun-a txt': ALL,
  'kommun-a pdf': ALL,
  'forvaltning-b md': ALL,
  'forvaltning-b txt': ALL,
  'forvaltning-b pdf': ALL,
  'kommun-c md': ALL,
  'kommun-c txt': ALL,
  'kommun-c pdf': ALL,
  'namnd-d md': ALL,
  'namnd-d txt': ALL,
  'namnd-d pdf': ALL,
};

const dir = mkdtempSync(join(tmpdir(), 'plans-templates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const results = new Map<string, Score[]>();
const trunc = (x: number) => Math.floor(x * 1000 + 1e-6) / 1000;

describe('every sample plan in every template and form, scored against its ground truth', () => {
  for (const t of TEMPLATES)
    for (const form of TEMPLATE_FORMS) {
      const name = `${t.name} ${form}`;
      it(`${name}: ${t.style}`, async () => {
        const scores: Score[] = [];
        for (const p of PLANS) {
          const file = join(dir, `${t.name}-${p.key}-${p.year}-${form}.${formExtension(form)}`);
          writeFileSync(file, await renderTemplate(t, p, form));
          const doc = readPlan(await extractFile(file));
          // budget rows are scored with their column's year and kind, every column of the table
          scores.push({ ...score(templateTruth(t, p), doc), budget: f1(templateBudgetTruth(t, p), doc.budget.map(budgetRowKey)) });
        }
        results.set(name, scores);
        for (const m of METRICS) {
          const mean = scores.reduce((s, x) => s + x[m], 0) / scores.length;
          expect.soft(trunc(mean), `${name} ${m}`).toBeGreaterThanOrEqual(FLOORS[name]?.[m] ?? 0);
        }
      }, 120_000);
    }

  it('keeps outcomes, baselines, target years, the responsible and schedules in words with their own fields', async () => {
    const p = PLANS.find((x) => x.key === 'hemtjanst' && x.year === 2023)!;
    const read = async (name: string, form: 'md' | 'pdf') => {
      const file = join(dir, `fields-${name}.${form}`);
      writeFileSync(file, await renderTemplate(TEMPLATES.find((t) => t.name === name)!, p, form));
      return readPlan(await extractFile(file));
    };
    for (const form of ['md', 'pdf'] as const) {
      const a = await read('kommun-a', form);
      expect(a.indicators[0]).toMatchObject({ targetYear: 2023, outcomes: [{ year: 2021, value: { raw: '60 %', value: 60 } }], baseline: null });
      expect(a.activities[0]).toMatchObject({ responsible: 'Enhetschef', schedule: expect.stringMatching(/^jan 20\d\d – dec 2023$/) });
      const b = await read('forvaltning-b', form);
      expect(b.indicators[0]).toMatchObject({ targetYear: 2023, baseline: { year: null, value: { raw: '50 %' } }, outcomes: [] });
      const c = await read('kommun-c', form);
      expect(c.indicators.every((i) => i.periodicity === 'År' || i.periodicity === 'Tertial')).toBe(true);
      expect(c.activities[0].responsible).toBe('Avdelningschef');
    }
  });

  afterAll(() => {
    const rows = [...results.entries()].map(([name, s]) =>
      [
        name.padEnd(20),
        ...METRICS.map((m) =>
          trunc(s.reduce((a, x) => a + x[m], 0) / s.length)
            .toFixed(3)
            .padStart(10),
        ),
      ].join(' '),
    );
    console.log(`${['template'.padEnd(20), ...METRICS.map((m) => m.padStart(10))].join(' ')}\n${rows.join('\n')}`);
  });
});
