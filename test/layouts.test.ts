// The measuring stick of the layout stage (issue 12): every sample plan rendered in every layout of
// sample/layouts, read by the real reader, scored against the plan it was rendered from. Each
// layout's mean score must stay at or above its floor (a ratchet: raise the floors as the reader
// improves, never lower them).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../extractors/index.js';
import type { DocLine, ExtractedPage, TextItem } from '../model/document.js';
import { clean } from '../normalizers/clean/index.js';
import { layOut } from '../normalizers/lines/index.js';
import { createRepairContext } from '../normalizers/repair/index.js';
import { loadLexicon } from '../normalizers/repair/ocr-letters/lexicon.js';
import { readPlan } from '../pipeline/run.js';
import { LAYOUTS } from '../sample/layouts/index.js';
import { type Score, score, truthOf } from '../sample/layouts/truth.js';
import { PLANS } from '../sample/plans.js';

type Metric = keyof Score;
const METRICS: Metric[] = ['goals', 'indicators', 'activities', 'budget', 'hierarchy', 'unit', 'year', 'district'];

/** measured means per layout over the sample plans (before the layout stage: groff-2col goals 0.078,
 * indicators 0.131; see the report of issue 12); a drop below any of them fails */
const FLOORS: Record<string, Partial<Record<Metric, number>>> = {
  pdfmake: { goals: 1, indicators: 1, activities: 1, budget: 1, hierarchy: 1, unit: 1, year: 1, district: 1 },
  'groff-2col': { goals: 1, indicators: 1, activities: 1, budget: 1, hierarchy: 1, unit: 1, year: 1, district: 1 },
  'groff-narrow': { goals: 1, indicators: 1, activities: 1, budget: 1, hierarchy: 1, unit: 1, year: 1, district: 1 },
  'pdfmake-landscape': { goals: 1, indicators: 1, activities: 1, budget: 1, hierarchy: 1, unit: 1, year: 1, district: 1 },
  libreoffice: { goals: 1, indicators: 1, activities: 1, budget: 1, hierarchy: 1, unit: 1, year: 1, district: 1 },
};

const dir = mkdtempSync(join(tmpdir(), 'plans-layouts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const results = new Map<string, Score[]>();

describe('every layout of every sample plan, scored against its ground truth', () => {
  for (const layout of LAYOUTS) {
    it(`${layout.name} (${layout.producer}): ${layout.hazards}`, async () => {
      const files = await Promise.all(
        PLANS.map(async (p) => {
          const file = join(dir, `${layout.name}-${p.key}-${p.year}.pdf`);
          writeFileSync(file, await layout.render(p));
          return file;
        }),
      );
      const scores: Score[] = [];
      for (const [i, p] of PLANS.entries()) scores.push(score(truthOf(p), readPlan(await extractFile(files[i]))));
      results.set(layout.name, scores);
      const mean = meanOf(scores);
      for (const m of METRICS) expect.soft(trunc(mean[m]), `${layout.name} ${m}`).toBeGreaterThanOrEqual(FLOORS[layout.name]?.[m] ?? 0);
    }, 180_000);
  }

  afterAll(() => {
    const rows = [...results.entries()].map(([name, s]) => {
      const mean = meanOf(s);
      return [name.padEnd(18), ...METRICS.map((m) => trunc(mean[m]).toFixed(3).padStart(10))].join(' ');
    });
    console.log(`${['layout'.padEnd(18), ...METRICS.map((m) => m.padStart(10))].join(' ')}\n${rows.join('\n')}`);
  });
});

/** three decimals, cut (not rounded) so that a printed score is a floor the test can use */
const trunc = (x: number) => Math.floor(x * 1000 + 1e-6) / 1000;

function meanOf(scores: Score[]): Score {
  const out = {} as Score;
  for (const m of METRICS) out[m] = scores.reduce((s, x) => s + x[m], 0) / scores.length;
  return out;
}

describe('line-end hyphenation', () => {
  const item = (str: string, y: number): TextItem => ({ str, x: 72, y, width: str.length * 5, fontSize: 10 });
  const page = (texts: string[]): ExtractedPage => ({
    page: 1,
    num: 1,
    text: texts.join('\n'),
    items: texts.map((t, i) => item(t, 100 + 12 * i)),
    method: 'text-layer',
    confidence: null,
    width: 595,
    height: 842,
  });
  const extraction = (texts: string[]) => ({
    source: { path: 'x.pdf', sha256: '0', format: 'pdf' as const, pages: 1 },
    pages: [page(texts)],
    warnings: [],
  });
  const printed = ['Vi bygger gemen-', 'skap. Insatser för social-', 'och kulturell verksamhet dag 1-', '14 i Hägersten-', 'Älvsjö och Älvsjö.'];

  it('joins a word the lexicon knows and keeps real hyphens, with a warning', async () => {
    const lexicon = await loadLexicon();
    const out = layOut(extraction(printed), { lexicon });
    expect(out.lines.map((l) => l.text)).toEqual([
      'Vi bygger gemenskap.',
      'Insatser för social-',
      'och kulturell verksamhet dag 1-',
      '14 i Hägersten-',
      'Älvsjö och Älvsjö.',
    ]);
    expect(out.warnings.map((w) => w.rule)).toEqual(['hyphen-joined']);
    // each join is a repair on record, at the line that ended with the hyphen
    expect(out.repairs).toEqual([{ page: 1, line: 1, before: 'gemen- skap', after: 'gemenskap', rule: 'hyphen-joined', confidence: 1 }]);
  });

  it('keeps every hyphen without a lexicon', () => {
    expect(layOut(extraction(printed)).lines.map((l) => l.text)).toEqual(printed);
  });

  it('is joined when a plan is read with a repair context (imports, `plans extract`), not without', async () => {
    const goal = ['Nämndmål: Vi bygger gemen-', 'skap för social-', 'och kulturell verksamhet dag 1-', '14 i Hägersten-', 'Älvsjö.'];
    const title = (ctx?: Awaited<ReturnType<typeof createRepairContext>>) => readPlan(extraction(goal), ctx).goals[0].title;
    const joined = title(await createRepairContext());
    expect(joined).toContain('Vi bygger gemenskap för social- och kulturell verksamhet dag 1- 14 i Hägersten-');
    expect(title()).toContain('Vi bygger gemen- skap för social- och');
    expect(readPlan(extraction(goal), await createRepairContext()).repairs.filter((r) => r.rule === 'hyphen-joined')).toHaveLength(1);
  }, 60_000);
});

describe('page furniture', () => {
  const line = (page: number, n: number, text: string, furniture?: true): DocLine => ({ page, line: n, text, cells: null, furniture });
  const header = 'Indikator Årsmål KF:s årsmål Periodicitet';
  const pages = [1, 2, 3, 4].flatMap((p) => [
    line(p, 1, header),
    line(p, 2, `Andel nöjda ${p} 90 % 85 % År`),
    line(p, 3, 'Verksamhetsplan 2023 – Enheten för hemtjänst'),
    line(p, 4, `Sida ${p} av 4`, true),
  ]);
  const cleaned = clean({ source: { path: 'x.pdf', sha256: '0', format: 'pdf', pages: 4 }, warnings: [], lines: pages, repairs: [] });

  it('is left out of the body by its label and by repetition, and stays in the lines', () => {
    expect(cleaned.body.map((l) => l.text)).not.toContain('Sida 2 av 4');
    expect(cleaned.body.map((l) => l.text)).not.toContain('Verksamhetsplan 2023 – Enheten för hemtjänst');
    expect(cleaned.lines.filter((l) => l.furniture)).toHaveLength(4);
  });

  it('does not take a table header repeated at the top of each page for a running header', () => {
    expect(cleaned.body.filter((l) => l.text === header)).toHaveLength(4);
  });
});
