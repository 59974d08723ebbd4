// Seeds 001 (markdown conversion, 2017, two budget tables), 002 (English-model OCR, 2023) and
// 003 (PDF text, 2025, no front page), read from ../shared.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../model/document.js';
import { countLevels, haveSeeds, parseSeed } from './helpers/seeds.js';

const rows = (doc: PlanDocument) => doc.indicators.map((i) => [i.name, i.unitTarget?.raw ?? null, i.kfTarget?.raw ?? null, i.periodicity]);

describe.skipIf(!haveSeeds)('seed 001: markdown conversion of the 2017 plan', () => {
  let doc: PlanDocument;
  beforeAll(async () => {
    doc = await parseSeed('001');
  });

  it('is recognised as markdown and reads the front matter', () => {
    expect(doc.source.format).toBe('md');
    expect(doc.unit.name).toBe('Beställarenheten funktionsnedsättning');
    expect(doc.year).toBe(2017);
    expect(doc.dnr).toBe('534-2016-1.1');
    // before 2020 the district was Hägersten-Liljeholmen; Älvsjö and Skärholmen are named in the text too
    expect(doc.district).toBe('Hägersten-Liljeholmen');
  });

  it('reads labels standing alone with the title as a heading or in bold', () => {
    expect(countLevels(doc)).toEqual({ kf_inriktningsmal: 4, kf_verksamhetsmal: 9, namndmal: 9, enhetsmal: 12 });
    const kf = doc.goals.filter((g) => g.level === 'kf_verksamhetsmal');
    expect(kf.map((g) => g.code)).toEqual(['1.2', '2.1', '3.5', '4.1', '4.2', '4.3', '4.4', '4.5', '4.6']);
    expect(kf[0].title).toBe('Tidiga sociala insatser skapar jämlika livschanser för alla');
    const n = doc.goals.find((g) => g.level === 'namndmal' && g.title.startsWith('Hägersten-Liljeholmen'))!;
    expect(n.title).toBe('Hägersten-Liljeholmen är ett stadsdelsområde där ingen behöver vara rädd för våld');
    expect(doc.goals.find((g) => g.id === n.parentId)!.code).toBe('4.5');
    // the table of contents (`1.2 Tidiga … ..... 6`) gave no goals
    expect(doc.goals[0].line).toBeGreaterThan(100);
    // `Arbetsätt` (misspelt) is the Arbetssätt section
    expect(doc.goals.find((g) => g.level === 'enhetsmal')!.sections.arbetssatt).toMatch(/miljöeffekterna/);
  });

  it('reads tab-separated indicator rows, a row split by a repeated header, and a duplicate row', () => {
    expect(doc.indicators).toHaveLength(16);
    const r = rows(doc);
    expect(r[0]).toEqual(['Andel av utredningar inom IoF, socialpsykiatri där metoden DUR används', null, null, 'År']);
    expect(r[1]).toEqual(['Andel enskilda som har fått stöd i enlighet med sitt beslut inom socialpsykiatri', '80 %', 'tas fram av nämnden', 'År']);
    expect(r[3]).toEqual(['Nämndens budgetföljsamhet efter resultatöverföringar', '100 %', '100 %', 'Tertial']);
    expect(r[5]).toEqual(['Sjukfrånvaro dag 1-14', '2,5 %', 'tas fram av nämnden', 'Tertial']);
    expect(r[8]).toEqual([
      'Andel personer med funktionsnedsättning som upplever att stadens inne och utemiljö är tillgänglig och användbar. (Stöd och service till personer med funktionsnedsättning)',
      '60 %',
      'tas fram av nämnden',
      'År',
    ]);
    expect(r[9]).toEqual([
      'Andel personer som upplever att de varit delaktiga i upprättandet av genomförandeplaner',
      '65 %',
      'Fastställs 2017',
      'År',
    ]);
    expect(r[12][2]).toBe('87 %');
    expect(r[14]).toEqual(r[15].map((v, i) => (i === 1 ? '87 %' : v)));
    expect(r[15][1]).toBeNull();
  });

  it('reads 13 activities with dates', () => {
    expect(doc.activities).toHaveLength(13);
    expect(doc.activities.find((a) => a.text.startsWith('Nyrekrytering'))).toMatchObject({ start: '2014-01-01', end: '2017-12-31' });
    expect(doc.activities.find((a) => a.text.startsWith('Bedriva verksamhet'))).toMatchObject({ start: '2015-01-01', end: '2017-06-30' });
  });

  it('reads both budget tables with their sums, which add up', () => {
    const table = (t: number) => doc.budget.filter((b) => b.table === t).map((b) => [b.group, b.line, b.amountTkr]);
    expect(table(1)).toEqual([
      ['intakter', 'Taxor och avgifter', 0],
      ['intakter', 'Hysesintäkter', 2000],
      ['intakter', 'Bidrag', 0],
      ['intakter', 'Försäljning', 350],
      ['intakter', 'Övriga externa intäkter', 750],
      ['summa', 'Summa intäkter', 3100],
      ['kostnader', 'Personalkostnader', 5249],
      ['kostnader', 'Övriga personalkostnader', 100],
      ['kostnader', 'Lokalkostnader', 2935],
      ['kostnader', 'Entreprenader och köp av verksamhet', 40806],
      ['kostnader', 'Övriga kostnader', 760],
      ['summa', 'Summa kostnader', 49850],
      ['summa', 'Summa netto', 46750],
    ]);
    const t2 = table(2);
    expect(t2).toHaveLength(13);
    expect(t2.filter((r) => r[0] === 'summa')).toEqual([
      ['summa', 'Summa intäkter', 15284],
      ['summa', 'Summa kostnader', 318261],
      ['summa', 'Summa netto', 302977],
    ]);
    expect(doc.warnings.filter((w) => w.rule === 'budget-sum-mismatch')).toEqual([]);
  });
});

describe.skipIf(!haveSeeds)('seed 002: English-model OCR of a Swedish plan', () => {
  let doc: PlanDocument;
  beforeAll(async () => {
    doc = await parseSeed('002');
  });

  it('recognises the damaged labels: Namndmal, Enhetsmal, KF:s mal for verksamhetsomradet', () => {
    expect(countLevels(doc)).toEqual({ kf_inriktningsmal: 3, kf_verksamhetsmal: 7, namndmal: 7, enhetsmal: 4 });
    expect(doc.goals.filter((g) => g.level === 'kf_verksamhetsmal').map((g) => g.code)).toEqual(['1.4', '2.1', '3.1', '3.4', '3.5', '3.6', '3.7']);
    expect(doc.goals[2].sections.beskrivning).toBeTruthy();
    expect(doc.year).toBe(2023);
    expect(doc.district).toBe('Hägersten-Älvsjö');
  });

  it('reads the indicator table with its cut KF wording and the budget', () => {
    expect(rows(doc)).toEqual([
      ['Aktivt Medskapandeindex', '83', '83', 'År'],
      ['Sjukfrånvaro', '9 %', 'Tas fram av nämnd/styrelse', 'Tertial'],
      ['Sjukfrånvaro dag 1-14', '3.5 %', 'Tas fram av nämnd/styrelse', 'Tertial'],
    ]);
    expect(doc.indicators[1].kfTarget!.kind).toBe('pending');
    expect(doc.indicators[2].unitTarget!.value).toBe(3.5);
    expect(doc.activities).toHaveLength(10);
    expect(doc.activities[9].text).toMatch(/utsattas för vald\.$/);
    expect(doc.budget.filter((b) => b.group === 'summa').map((b) => b.amountTkr)).toEqual([26500, 878600, 852100]);
    expect(doc.warnings.filter((w) => w.rule === 'budget-sum-mismatch')).toEqual([]);
  });
});

describe.skipIf(!haveSeeds)('seed 003: Enheten för personligt stöd 2025', () => {
  let doc: PlanDocument;
  beforeAll(async () => {
    doc = await parseSeed('003');
  });

  it('infers unit and year from the body and warns', () => {
    expect(doc.unit.name).toBe('Enheten för personligt stöd');
    expect(doc.year).toBe(2025);
    expect(doc.warnings.map((w) => w.rule)).toEqual(expect.arrayContaining(['unit-inferred', 'year-inferred']));
  });

  it('reads 24 goals, a nämndmål with two enhetsmål and one with none', () => {
    expect(countLevels(doc)).toEqual({ kf_inriktningsmal: 3, kf_verksamhetsmal: 7, namndmal: 7, enhetsmal: 7 });
    const klimat = doc.goals.find((g) => g.title === 'Stadsdelsnämndens verksamheter är klimatsmarta')!;
    expect(doc.goals.filter((g) => g.parentId === klimat.id)).toHaveLength(2);
    const mangfald = doc.goals.find((g) => g.title.startsWith('Stadsdelsnämndens verksamheter bidrar till att öka'))!;
    expect(doc.goals.filter((g) => g.parentId === mangfald.id)).toHaveLength(0);
  });

  it('reads 7 indicators, one value placed by its leading space', () => {
    expect(rows(doc)).toEqual([
      ['Klimatpåverkan från upphandlade livsmedel', null, '1,5 kg CO2 per kg livsmedel', 'År'],
      ['Andel inköpta ekologiska livsmedel i kronor', null, '70 %', 'År'],
      ['Aktivt Medskapandeindex', null, '83', 'År'],
      ['Andel heltidsanställningar av totalt antal tillsvidareanställningar inom omsorg om funktionsnedsatta', null, '90 %', 'År'],
      [
        'Andelen arbetade timmar av timavlönad personal i förhållande till samtliga arbetade timmar inom stöd och service till personer med funktionsnedsättning',
        '19',
        'Tas fram av nämnd/styrelse',
        'Tertial',
      ],
      ['Sjukfrånvaro', null, 'Tas fram av nämnd/styrelse', 'Tertial'],
      ['Sjukfrånvaro dag 1-14', null, 'Tas fram av nämnd/styrelse', 'Tertial'],
    ]);
    expect(doc.indicators[0].kfTarget).toEqual({
      raw: '1,5 kg CO2 per kg livsmedel',
      kind: 'number',
      value: 1.5,
      unit: 'kg CO2 per kg livsmedel',
      direction: null,
    });
  });

  it('reads 11 activities, one-line and wrapped, and no budget table under a bare `Budget 2025`', () => {
    expect(doc.activities).toHaveLength(11);
    expect(doc.activities[0]).toMatchObject({ text: 'Genomförandeplaner ska finnas i alla ärenden', start: '2025-01-01', end: '2025-12-31' });
    expect(doc.activities[1]).toMatchObject({ start: '2024-01-01', end: '2025-12-31' });
    expect(doc.budget).toEqual([]);
  });
});
