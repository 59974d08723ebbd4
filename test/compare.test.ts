// Comparison across years and units (issue 15) through the store: the identity tables recomputed after
// an import, the comparison views on the seeds, overrides winning over the matcher and surviving a
// rebuild, and SCHEMA.md naming every column of every view.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshIdentities } from '../data/store/identities.js';
import { PlanStore } from '../data/store/store.js';
import { parseOverrides } from '../normalizers/identity/index.js';
import { importFiles, rebuildAll } from '../pipeline/run.js';
import { fileNameOf, formatOf, PLANS, renderAs, sampleOverrides } from '../sample/generate.js';
import { haveSeeds, seedPath } from './helpers/seeds.js';

const dir = mkdtempSync(join(tmpdir(), 'plans-compare-'));
let store: PlanStore;

async function objects(sql: string): Promise<Record<string, unknown>[]> {
  const r = await store.query(sql);
  return r.rows.map((row) => Object.fromEntries(r.columns.map((c, k) => [c, row[k]])));
}

describe.skipIf(!haveSeeds)('identities and comparison views on the seeds', () => {
  beforeAll(async () => {
    store = await PlanStore.open(join(dir, 'seeds.duckdb'));
    const outcomes = await importFiles(
      store,
      ['000', '001', '002', '003', '004'].map((s) => seedPath(s)),
    );
    expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('inserted'));
  }, 120_000);
  afterAll(() => store?.close());

  it('the 2017 and 2022 plans of one unit are one unit, across the district merger', async () => {
    const rows = await objects(
      `SELECT u.unit_key, u.documents, list(d.district ORDER BY d.year) AS districts FROM units u JOIN unit_districts d USING (unit_key) GROUP BY ALL ORDER BY u.unit_key`,
    );
    const funk = rows.find((r) => String(r.unit_key).endsWith('bestallarenhet-funktionsnedsattning'));
    expect(funk).toMatchObject({ documents: 2, districts: ['Hägersten-Liljeholmen', 'Hägersten-Älvsjö'] });
    expect(rows).toHaveLength(4);
  });

  it('links shared indicators between the years and keeps near-identical distinct ones apart', async () => {
    const trends = await objects(
      `SELECT indicator_key, list(DISTINCT year ORDER BY year) AS years FROM indicator_trends
       WHERE unit_key LIKE '%bestallarenhet-funktionsnedsattning' GROUP BY ALL`,
    );
    const across = trends.filter((t) => (t.years as number[]).length === 2).map((t) => String(t.indicator_key));
    expect(across).toEqual(expect.arrayContaining(['sjukfranvaro', 'sjukfranvaro-dag-1-14']));
    const keys = await objects(`SELECT DISTINCT indicator_key, printed_name FROM indicator_trends WHERE printed_name LIKE 'Sjukfrånvaro%'`);
    const keyOf = new Map(keys.map((k) => [String(k.printed_name), String(k.indicator_key)]));
    expect(keyOf.get('Sjukfrånvaro')).not.toBe(keyOf.get('Sjukfrånvaro dag 1-14'));
    // the 2022 and 2023 wordings of one indicator (själv / själva upplever …)
    const drift = await objects(
      `SELECT names FROM canonical_indicators WHERE name LIKE 'Andel personer som själv% upplever att de får en förbättrad situation%'`,
    );
    expect(drift).toHaveLength(1);
    expect(JSON.parse(String(drift[0].names))).toHaveLength(2);
  });

  it('maps KF goals onto one key across the three mandates', async () => {
    const rows = await objects(
      `SELECT DISTINCT year, kf_code FROM goal_coverage WHERE kf_goal_key = '0180:stod-och-omsorg' AND kf_level = 'kf_verksamhetsmal' ORDER BY year`,
    );
    expect(rows.map((r) => `${r.year} ${r.kf_code}`)).toEqual(expect.arrayContaining(['2017 4.6', '2022 1.4', '2023 1.3', '2025 1.3']));
  });

  it('tells what changed between consecutive plans of a unit', async () => {
    const changes = await objects(`SELECT change, count(*) AS n FROM indicator_changes GROUP BY ALL`);
    const n = Object.fromEntries(changes.map((c) => [String(c.change), Number(c.n)]));
    expect(n.added).toBeGreaterThan(0);
    expect(n.dropped).toBeGreaterThan(0);
    const goals = await objects(`SELECT DISTINCT change FROM goal_changes ORDER BY change`);
    expect(goals.map((g) => g.change)).toEqual(['added', 'dropped', 'reworded']);
  });

  it('overrides win over the matcher and survive a rebuild', async () => {
    const overrides = parseOverrides({
      indicators: { link: [['Sjukfrånvaro', 'Sjukfrånvaro dag 1-14']], kolada: [{ indicator: 'Aktivt Medskapandeindex', kolada_kpi_id: 'N00001' }] },
    });
    const sameKey = async () => {
      const rows = await objects(
        `SELECT count(DISTINCT indicator_key) AS n FROM indicator_trends WHERE printed_name IN ('Sjukfrånvaro', 'Sjukfrånvaro dag 1-14')`,
      );
      return Number(rows[0].n) === 1;
    };
    expect(await sameKey()).toBe(false);
    await importFiles(store, [seedPath('000')], {}, { overrides });
    expect(await sameKey()).toBe(true);
    const outcomes = await rebuildAll(store, {}, { overrides });
    expect(outcomes.every((o) => o.status === 'replaced')).toBe(true);
    expect(await sameKey()).toBe(true);
    expect(await objects(`SELECT DISTINCT kolada_kpi_id FROM indicator_trends WHERE indicator_name = 'Aktivt Medskapandeindex'`)).toEqual([
      { kolada_kpi_id: 'N00001' },
    ]);
    // without the file the matcher decides again
    await rebuildAll(store);
    expect(await sameKey()).toBe(false);
  }, 120_000);

  it('SCHEMA.md names every column of every comparison view', async () => {
    const md = readFileSync(new URL('../SCHEMA.md', import.meta.url), 'utf8');
    for (const view of ['unit_years', 'indicator_trends', 'goal_coverage', 'budget_trends', 'indicator_changes', 'goal_changes', 'v_goal_tree']) {
      const section = md.split(/^### /m).find((s) => s.startsWith(`\`${view}\``)) ?? '';
      const described = await objects(`DESCRIBE ${view}`);
      const missing = described.map((c) => String(c.column_name)).filter((c) => !section.includes(`\`${c}\``));
      expect(missing, view).toEqual([]);
    }
  });
});

describe('identities on the sample corpus, against its planted ground truth', () => {
  let sample: PlanStore;
  afterAll(() => sample?.close());

  it('finds every planted rewording and merges no planted distinct pair (precision and recall)', async () => {
    const out = join(dir, 'sample');
    const files: string[] = [];
    for (const p of PLANS.filter((p) => formatOf(p) !== 'scan')) {
      const to = join(out, fileNameOf(p));
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, await renderAs(p, formatOf(p)));
      files.push(to);
    }
    sample = await PlanStore.open(join(dir, 'sample.duckdb'));
    await importFiles(sample, files, {}, { overrides: parseOverrides(sampleOverrides()) });
    const r = await sample.query(`SELECT DISTINCT printed_name, indicator_key FROM indicator_trends`);
    const keyOf = new Map(r.rows.map(([name, key]) => [String(name), String(key)]));
    // the truth: a name is its own identity unless the plan says it rewords another
    const truth = new Map<string, string>();
    for (const p of PLANS.filter((p) => formatOf(p) !== 'scan')) {
      for (const d of p.directions) for (const g of d.goals) for (const i of g.indicators) truth.set(i.name, i.same ?? i.name);
    }
    const names = [...truth.keys()].filter((n) => keyOf.has(n)).sort();
    expect(names.length, 'indicators of the model found in the store by name').toBeGreaterThan(truth.size * 0.9);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const missed: string[] = [];
    for (let a = 0; a < names.length; a++) {
      for (let b = a + 1; b < names.length; b++) {
        const planted = truth.get(names[a]) === truth.get(names[b]);
        const linked = keyOf.get(names[a]) === keyOf.get(names[b]);
        if (planted && linked) tp++;
        else if (linked) {
          fp++;
          missed.push(`merged: ${names[a]} / ${names[b]}`);
        } else if (planted) {
          fn++;
          missed.push(`not linked: ${names[a]} / ${names[b]}`);
        }
      }
    }
    const precision = tp / (tp + fp || 1);
    const recall = tp / (tp + fn || 1);
    console.log(
      `sample corpus indicator links: ${tp} planted pairs found, ${fp} wrongly merged, ${fn} missed — precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    expect(tp).toBeGreaterThanOrEqual(5);
    expect(missed).toEqual([]);
  }, 120_000);

  it('keeps a unit through the district merger, and a renamed unit through its overrides file only', async () => {
    const years = async () => {
      const r = await sample.query(
        `SELECT unit_key, list(year || ' ' || district || ' ' || printed_unit_name ORDER BY year) FROM unit_years GROUP BY 1 ORDER BY 1`,
      );
      return Object.fromEntries(r.rows.map(([k, v]) => [String(k), (v as string[]).join(' | ')]));
    };
    const withFile = await years();
    expect(withFile['0180:fritidsenhet-solberga']).toBe(
      '2019 Älvsjö Fritidsenheten Solberga | 2022 Hägersten-Älvsjö Fritidsenheten Solberga | 2023 Hägersten-Älvsjö Fritidsenheten Solberga | 2024 Hägersten-Älvsjö Fritidsenheten Solberga',
    );
    expect(withFile['0180:bestallarenhet-vuxna']).toMatch(/^2022 .* \| 2023 .* \| 2024 Hägersten-Älvsjö Biståndsenheten vuxna$/);
    expect(Object.keys(withFile)).toHaveLength(3);
    // without the file a new name is a new unit: nothing in the plans says otherwise
    await refreshIdentities(sample);
    const without = await years();
    expect(Object.keys(without)).toHaveLength(4);
    expect(without['0180:bistandsenhet-vuxna']).toBe('2024 Hägersten-Älvsjö Biståndsenheten vuxna');
  });
});
