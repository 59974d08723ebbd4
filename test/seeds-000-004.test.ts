// Seeds 000 (plan 2022, no front page) and 004 (plan 2023, running page headers), read from ../shared.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../model/document.js';
import { countLevels, haveSeeds, parseSeed } from './helpers/seeds.js';

type Row = [name: string, unit: string | null, kf: string | null, period: string];
const rowsOf = (doc: PlanDocument): Row[] =>
  doc.indicators.map((i) => [i.name, i.unitTarget?.raw ?? null, i.kfTarget?.raw ?? null, i.periodicity ?? '']);

describe.skipIf(!haveSeeds)('seed 000: Beställarenheten funktionsnedsättning 2022', () => {
  let doc: PlanDocument;
  beforeAll(async () => {
    doc = await parseSeed('000');
  });

  it('reads the metadata, inferring unit and year from the body with warnings', () => {
    expect(doc.unit).toEqual({ name: 'Beställarenheten funktionsnedsättning', key: 'bestallarenheten-funktionsnedsattning' });
    expect(doc.district).toBe('Hägersten-Älvsjö');
    expect(doc.year).toBe(2022);
    expect(doc.dnr).toBeNull();
    const rules = doc.warnings.map((w) => w.rule);
    expect(rules).toContain('unit-inferred');
    expect(rules).toContain('year-inferred');
  });

  it('has 20 goals: 3 inriktningsmål, 5 KF goals, 6 nämndmål, 6 enhetsmål', () => {
    expect(countLevels(doc)).toEqual({ kf_inriktningsmal: 3, kf_verksamhetsmal: 5, namndmal: 6, enhetsmal: 6 });
    expect(doc.goals.filter((g) => g.code).map((g) => g.code)).toEqual(['1', '1.1', '1.4', '2', '2.5', '3', '3.1', '3.2']);
  });

  it('joins wrapped titles without their labels and links parents', () => {
    const byCode = (c: string) => doc.goals.find((g) => g.code === c)!;
    expect(byCode('1').title).toBe('En modern storstad med möjligheter och valfrihet för alla');
    expect(byCode('1.4').title).toBe('I Stockholm får människor i behov av stöd insatser i tid präglade av hög kvalitet, evidens och rättssäkerhet');
    expect(byCode('1.4').parentId).toBe(byCode('1').id);
    const n = doc.goals.find((g) => g.level === 'namndmal')!;
    expect(n.title).toBe('Invånarna i Hägersten-Älvsjö lever utifrån sina förutsättningar och behov ett självständigt liv');
    expect(n.parentId).toBe(byCode('1.4').id);
    const e = doc.goals.find((g) => g.level === 'enhetsmal')!;
    expect(e.parentId).toBe(n.id);
    expect(e.sections.arbetssatt).toContain('respektfullt och gott bemötande');
    // three nämndmål sit under KF goal 3.2 (a nämndmål may follow another under the same KF goal)
    expect(doc.goals.filter((g) => g.level === 'namndmal' && g.parentId === byCode('3.2').id)).toHaveLength(3);
  });

  it('reads all 13 indicators with both targets and periodicity', () => {
    expect(rowsOf(doc)).toEqual([
      ['Antal tillhandahållna platser för feriejobb', null, null, 'Tertial'],
      ['Andel brukare inom omsorgen för personer med funktionsnedsättning som inte upplever diskriminering', null, 'öka', 'År'],
      ['Andel brukare inom socialpsykiatrin som inte upplever diskriminering', null, 'öka', 'År'],
      [
        'Andel brukare som är nöjd med sin insats - Funktionsnedsättning (stöd och service till personer med funktionsnedsättning)',
        null,
        '80 %',
        'År',
      ],
      [
        'Andel personer med funktionsnedsättning som upplever att de blir väl bemötta av stadens personal (stöd och service till personer med funktionsnedsättning)',
        null,
        '90 %',
        'År',
      ],
      [
        'Andel personer med funktionsnedsättning som upplever att de kan påverka insatsens utformning (stöd och service till personer med funktionsnedsättning)',
        null,
        '79 %',
        'År',
      ],
      [
        'Andel personer som själv upplever att de får en förbättrad situation av insatsen/insatserna de fått från socialtjänsten (socialpsykiatri)',
        null,
        'Tas fram av nämnd',
        'År',
      ],
      ['Andel utredningar av barn och unga där barnet varit delaktigt och fått återkoppling', null, 'Tas fram av nämnd', 'Tertial'],
      ['Andel utredningar av barn och unga i vilka skola/förskola vidtalas', null, 'Tas fram av nämnd', 'Tertial'],
      [
        'Brukarens upplevelse av trygghet - LSS-boende, vuxna och barn (stöd och service till personer med funktionsnedsättning)',
        null,
        'Tas fram av nämnd',
        'År',
      ],
      ['Aktivt Medskapandeindex', null, '83', 'År'],
      ['Sjukfrånvaro', null, 'Tas fram av nämnd/styrelse', 'Tertial'],
      ['Sjukfrånvaro dag 1-14', null, 'Tas fram av nämnd/styrelse', 'Tertial'],
    ]);
    const pct = doc.indicators[3].kfTarget!;
    expect(pct).toEqual({ raw: '80 %', kind: 'percent', value: 80, unit: '%', direction: null });
    expect(doc.indicators[1].kfTarget!.direction).toBe('increase');
    expect(doc.indicators[6].kfTarget!.kind).toBe('pending');
    expect(doc.indicators[0].goalId).toBe(doc.goals.find((g) => g.code === '1.1')!.id);
  });

  it('reads all 6 activities with dates, under their goals', () => {
    expect(doc.activities.map((a) => [a.text.slice(0, 30), a.start, a.end])).toEqual([
      ['Förvaltningen ska fortsätta kv', '2020-01-01', '2022-12-31'],
      ['Förvaltningen ska motverka eko', '2022-01-01', '2022-12-31'],
      ['Förvaltningen ska utveckla int', '2021-01-01', '2022-12-31'],
      ['Förvaltningen ska verka för at', '2020-01-01', '2022-12-31'],
      ['Förvaltningens enheter ska ha ', '2022-01-01', '2022-12-31'],
      ['Förvaltningens verksamheter sk', '2022-01-01', '2022-12-31'],
    ]);
    expect(doc.activities[1].text).toBe('Förvaltningen ska motverka ekonomiska oegentligheter gällande personlig assistans.');
    expect(doc.budget).toEqual([]);
  });

  it('gives every row a page and a file line', () => {
    for (const r of [...doc.goals, ...doc.indicators, ...doc.activities]) {
      expect(r.page).toBeGreaterThan(0);
      expect(r.line).toBeGreaterThan(0);
    }
    expect(doc.goals[0].line).toBe(296);
  });
});

describe.skipIf(!haveSeeds)('seed 004: Stöd- och aktivitetsenheten 2023', () => {
  let doc: PlanDocument;
  beforeAll(async () => {
    doc = await parseSeed('004');
  });

  it('reads the front page', () => {
    expect(doc.unit.name).toBe('Stöd- och aktivitetsenheten');
    expect(doc.district).toBe('Hägersten-Älvsjö');
    expect(doc.year).toBe(2023);
    expect(doc.dnr).toBe('HÄ 2022/753');
    expect(doc.source.pages).toBe(22);
  });

  it('has 23 goals (3, 7, 7, 6) and no TOC line became a goal', () => {
    expect(countLevels(doc)).toEqual({ kf_inriktningsmal: 3, kf_verksamhetsmal: 7, namndmal: 7, enhetsmal: 6 });
    expect(doc.goals.every((g) => !/\.{4,}/.test(g.title))).toBe(true);
    expect(doc.goals[0].line).toBeGreaterThan(150);
    expect(doc.goals.filter((g) => g.level === 'kf_verksamhetsmal').map((g) => g.code)).toEqual(['1.3', '1.5', '2.1', '3.1', '3.4', '3.5', '3.7']);
    const last = doc.goals[doc.goals.length - 1];
    expect(last.level).toBe('namndmal');
    expect(last.title).toBe('Stadsdelsnämnden är öppen, jämställd och demokratisk');
    // a page header inside the enhetsmål's text is not content
    expect(Object.values(doc.goals[10].sections).join(' ')).not.toMatch(/Tjänsteutlåtande|Sid 12/);
  });

  it('reads all 5 indicators: unit target, KF target, periodicity', () => {
    expect(rowsOf(doc)).toEqual([
      ['Andel brukare inom socialpsykiatrin som inte upplever diskriminering', '94 %', 'öka', 'År'],
      [
        'Andel personer som själva upplever att de får en förbättrad situation av insatserna de fått från socialtjänsten (socialpsykiatri)',
        '62 %',
        'Tas fram av nämnd',
        'År',
      ],
      ['Aktivt Medskapandeindex', '83', '83', 'År'],
      ['Sjukfrånvaro', '9 %', 'Tas fram av nämnd/styrelse', 'Tertial'],
      ['Sjukfrånvaro dag 1-14', '3,5 %', 'Tas fram av nämnd/styrelse', 'Tertial'],
    ]);
    expect(doc.indicators[4].unitTarget!.value).toBe(3.5);
  });

  it('reads all 6 activities with dates', () => {
    expect(doc.activities).toHaveLength(6);
    expect(doc.activities.every((a) => a.start === '2023-01-01' && a.end === '2023-12-31')).toBe(true);
    expect(doc.activities[5].text).toBe(
      'Stadsdelsnämndens verksamheter som bedöms vara samhällsviktiga eller är av vikt för dessa ska ha en uppdaterad kontinuitetsplan som är övad',
    );
    expect(doc.budget).toEqual([]);
  });
});
