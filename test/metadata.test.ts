// Front matter in many municipalities' styles (written here, not copied from any plan): organisation and
// its kind, municipality with its SCB code, district only where the municipality has districts and the
// plan names one as its own, plan period, Dnr in its common forms. The seeds keep their metadata.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasDistricts, municipalities, municipalityByCode } from '../data/reference/municipalities.js';
import { builtinVocabularies, readVocabulary } from '../data/reference/vocabulary.js';
import { extractFile } from '../extractors/index.js';
import { refreshIdentities } from '../data/store/identities.js';
import { PlanStore } from '../data/store/store.js';
import type { Extraction, PlanDocument } from '../model/document.js';
import { clean } from '../normalizers/clean/index.js';
import { layOut } from '../normalizers/lines/index.js';
import { parse } from '../normalizers/parse/index.js';
import { compileLabels, type Labels } from '../normalizers/parse/labels.js';
import { organisationKind } from '../normalizers/parse/metadata.js';
import { createRepairContext, repair } from '../normalizers/repair/index.js';
import { haveSeeds, parseSeed } from './helpers/seeds.js';

const dir = mkdtempSync(join(tmpdir(), 'plans-metadata-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function readWithExtraction(front: string[], body: string[] = [], labels?: Labels): Promise<{ x: Extraction; doc: PlanDocument }> {
  const path = join(dir, `plan-${++n}.txt`);
  const goals = ['Nämndens mål', 'Fler invånare är nöjda med verksamheten', '', 'Beskrivning', 'Vi följer upp målet varje tertial.', ''];
  writeFileSync(path, [...front, '', 'Inledning', ...body, '', ...goals].join('\n'));
  const x = await extractFile(path);
  const repaired = repair(layOut(x), await createRepairContext());
  return { x, doc: parse(clean(repaired), labels) };
}
const readFront = async (front: string[], body: string[] = [], labels?: Labels) => (await readWithExtraction(front, body, labels)).doc;

type Meta = Pick<PlanDocument, 'unit' | 'district' | 'year' | 'dnr' | 'organisation' | 'municipality' | 'period'>;
const meta = (d: PlanDocument): Omit<Meta, 'unit'> & { unit: string } => ({
  unit: d.unit.name,
  organisation: d.organisation,
  municipality: d.municipality,
  district: d.district,
  year: d.year,
  period: d.period,
  dnr: d.dnr,
});
const metaWarnings = (d: PlanDocument) => d.warnings.filter((w) => w.stage === 'normalize' && w.rule !== 'page-furniture').map((w) => w.rule);

describe('municipalities.json', () => {
  it("lists Sweden's 290 municipalities once each, with SCB's codes", () => {
    const all = municipalities();
    expect(all).toHaveLength(290);
    expect(new Set(all.map((m) => m.code)).size).toBe(290);
    expect(new Set(all.map((m) => m.name)).size).toBe(290);
    for (const m of all) expect(m.code).toMatch(/^\d{4}$/);
    const code = (name: string) => all.find((m) => m.name === name)?.code;
    expect([code('Stockholm'), code('Göteborg'), code('Malmö'), code('Uppsala'), code('Sundsvall'), code('Gotland'), code('Kiruna')]).toEqual([
      '0180',
      '1480',
      '1280',
      '0380',
      '2281',
      '0980',
      '2584',
    ]);
    expect(municipalityByCode('0114')?.name).toBe('Upplands Väsby');
    expect(municipalityByCode('0330')?.name).toBe('Knivsta');
  });

  it('has districts only where districts.json says: Stockholm', () => {
    expect(hasDistricts('0180')).toBe(true);
    expect(hasDistricts('1480')).toBe(false);
    expect(hasDistricts(null)).toBe(false);
  });
});

describe('organisation kinds', () => {
  it('reads the kind from the word a name is built on', () => {
    const kinds = [
      'Fritidsenheten Solberga',
      'Enheten för hemtjänst',
      'Stöd- och aktivitetsenheten',
      'Ekonomiavdelningen',
      'Stadsledningskontoret',
      'Socialförvaltningen',
      'Hägersten-Älvsjö stadsdelsförvaltning',
      'Utbildningsnämnden',
      'Kommunstyrelsen',
      'Uppsalahem AB',
      'Stockholms Stadshus AB',
      'Kulturhuset Stadsteatern',
    ].map((name) => organisationKind(name));
    expect(kinds).toEqual([
      'enhet',
      'enhet',
      'enhet',
      'avdelning',
      'kontor',
      'forvaltning',
      'stadsdelsforvaltning',
      'namnd',
      'namnd',
      'bolag',
      'bolag',
      null,
    ]);
  });
});

describe('front matter of other municipalities', () => {
  it('Göteborg: a förvaltning under Göteborgs Stad, Verksamhetsplan och budget, Diarienummer; no Stockholm district', async () => {
    const doc = await readFront(
      ['Göteborgs Stad', 'Äldre samt vård- och omsorgsförvaltningen', '', 'Verksamhetsplan och budget 2022', 'Diarienummer: N123-0456/21'],
      ['Förvaltningen samverkar med Kungsholmens stadsdelsförvaltning i Stockholm och med Bromma om äldreomsorg.'],
    );
    expect(meta(doc)).toEqual({
      unit: 'Äldre samt vård- och omsorgsförvaltningen',
      organisation: { kind: 'forvaltning', name: 'Äldre samt vård- och omsorgsförvaltningen' },
      municipality: { code: '1480', name: 'Göteborg' },
      district: null,
      year: 2022,
      period: { from: 2022, to: 2022 },
      dnr: 'N123-0456/21',
    });
    expect(metaWarnings(doc)).toEqual([]);
  });

  it('Malmö: Mål och budget for a period, Ärendenummer', async () => {
    const doc = await readFront(['Malmö stad', 'Arbetsmarknads- och socialförvaltningen', 'Mål och budget 2021–2023', 'Ärendenummer: ASN-2020-1234']);
    expect(meta(doc)).toMatchObject({
      unit: 'Arbetsmarknads- och socialförvaltningen',
      organisation: { kind: 'forvaltning' },
      municipality: { code: '1280', name: 'Malmö' },
      district: null,
      year: 2021,
      period: { from: 2021, to: 2023 },
      dnr: 'ASN-2020-1234',
    });
  });

  it('Uppsala: a nämnd named in the genitive, Verksamhetsplan med budget, Diarienummer without a colon', async () => {
    const doc = await readFront(['Uppsala kommun', '', 'Utbildningsnämndens verksamhetsplan med budget 2022–2024', 'Diarienummer UBN-2021-01234']);
    expect(meta(doc)).toEqual({
      unit: 'Utbildningsnämnden',
      organisation: { kind: 'namnd', name: 'Utbildningsnämnden' },
      municipality: { code: '0380', name: 'Uppsala' },
      district: null,
      year: 2022,
      period: { from: 2022, to: 2024 },
      dnr: 'UBN-2021-01234',
    });
  });

  it('a small kommun: the municipality itself, Mål och budget med plan för the following years, Dnr without a colon', async () => {
    const doc = await readFront(['Mål och budget 2022 med plan för 2023–2024', 'Ydre kommun', '', 'Dnr KS 2021/45']);
    expect(meta(doc)).toEqual({
      unit: 'Ydre kommun',
      organisation: { kind: 'kommun', name: 'Ydre kommun' },
      municipality: { code: '0512', name: 'Ydre' },
      district: null,
      year: 2022,
      period: { from: 2022, to: 2024 },
      dnr: 'KS 2021/45',
    });
  });

  it('Sundsvall: Verksamhetsplan for a range, Dnr. with a dot', async () => {
    const doc = await readFront(['Sundsvalls kommun', 'Individ- och arbetsmarknadsförvaltningen', 'Verksamhetsplan 2020–2022', 'Dnr. IAN-2019-123']);
    expect(meta(doc)).toMatchObject({
      unit: 'Individ- och arbetsmarknadsförvaltningen',
      organisation: { kind: 'forvaltning' },
      municipality: { code: '2281', name: 'Sundsvall' },
      year: 2020,
      period: { from: 2020, to: 2022 },
      dnr: 'IAN-2019-123',
    });
  });

  it('a bolag named after för, Budget och verksamhetsplan with a short range', async () => {
    const doc = await readFront(['Budget och verksamhetsplan 2023-25 för Uppsalahem AB', 'Uppsala kommun']);
    expect(meta(doc)).toMatchObject({
      unit: 'Uppsalahem AB',
      organisation: { kind: 'bolag', name: 'Uppsalahem AB' },
      municipality: { code: '0380' },
      year: 2023,
      period: { from: 2023, to: 2025 },
      dnr: null,
    });
  });

  it('the title naming the organisation before the year; Region Gotland is the municipality of Gotland', async () => {
    const doc = await readFront(['Region Gotland', 'Verksamhetsplan för Regionstyrelseförvaltningen 2023', 'Ärendenr RS 2022/99']);
    expect(meta(doc)).toMatchObject({
      unit: 'Regionstyrelseförvaltningen',
      organisation: { kind: 'forvaltning' },
      municipality: { code: '0980', name: 'Gotland' },
      period: { from: 2023, to: 2023 },
      dnr: 'RS 2022/99',
    });
  });

  it('a region is no municipality: none found, with a warning', async () => {
    const doc = await readFront(['Region Stockholm', 'Verksamhetsplan 2022 för Hälso- och sjukvårdsförvaltningen']);
    expect(doc.municipality).toBeNull();
    expect(doc.district).toBeNull();
    expect(doc.organisation).toEqual({ kind: 'forvaltning', name: 'Hälso- och sjukvårdsförvaltningen' });
    expect(metaWarnings(doc)).toEqual(['municipality-missing']);
  });
});

describe('Stockholm', () => {
  it('a förvaltning of the city has no district, however many districts its text names', async () => {
    const doc = await readFront(
      ['Socialförvaltningen', 'Stockholms stad', '', 'Verksamhetsplan 2022', 'Dnr: SoF 2021/1234'],
      ['Förvaltningen stöttar Rinkeby-Kista stadsdelsförvaltning och Spånga-Tensta stadsdelsnämnd i arbetet i Rinkeby-Kista.'],
    );
    expect(meta(doc)).toEqual({
      unit: 'Socialförvaltningen',
      organisation: { kind: 'forvaltning', name: 'Socialförvaltningen' },
      municipality: { code: '0180', name: 'Stockholm' },
      district: null,
      year: 2022,
      period: { from: 2022, to: 2022 },
      dnr: 'SoF 2021/1234',
    });
    expect(metaWarnings(doc)).toEqual([]);
  });

  it('an enhet under its stadsdelsförvaltning: the district is the one named as its own, not the one named most', async () => {
    const doc = await readFront(
      [
        'Skärholmens stadsdelsförvaltning',
        'Enheten för ekonomiskt bistånd',
        '',
        'Verksamhetsplan 2023',
        'Handläggare  Till',
        'Anna Andersson Skärholmens stadsdelsnämnd',
      ],
      ['Enheten samarbetar med Farsta, Farsta och Farsta om feriejobb.'],
    );
    expect(meta(doc)).toMatchObject({
      unit: 'Enheten för ekonomiskt bistånd',
      organisation: { kind: 'enhet' },
      municipality: { code: '0180' },
      district: 'Skärholmen',
      period: { from: 2023, to: 2023 },
    });
    expect(metaWarnings(doc)).toEqual([]);
  });

  it('a stadsdelsförvaltning’s own plan: its district, the kind stadsdelsförvaltning', async () => {
    const doc = await readFront(['Verksamhetsplan 2022 för Bromma stadsdelsförvaltning']);
    expect(meta(doc)).toMatchObject({
      unit: 'Bromma stadsdelsförvaltning',
      organisation: { kind: 'stadsdelsforvaltning' },
      municipality: { code: '0180', name: 'Stockholm' },
      district: 'Bromma',
    });
  });

  it('a title split over two lines; the handläggare’s avdelning is not the plan’s organisation', async () => {
    const doc = await readFront([
      'Stockholms stad',
      'Kulturförvaltningen',
      '',
      'Verksamhetsplan',
      '2023–2024',
      '',
      'Handläggare',
      'Eva Ek',
      'Ekonomiavdelningen',
    ]);
    expect(meta(doc)).toMatchObject({
      unit: 'Kulturförvaltningen',
      organisation: { kind: 'forvaltning' },
      municipality: { code: '0180' },
      district: null,
      year: 2023,
      period: { from: 2023, to: 2024 },
    });
  });

  it('the recipient of a front page is not the plan’s organisation', async () => {
    const doc = await readFront(['Stockholms stad', 'Stadsledningskontoret', 'Till', 'Kommunstyrelsen', '', 'Verksamhetsplan 2024']);
    expect(doc.organisation).toEqual({ kind: 'kontor', name: 'Stadsledningskontoret' });
    expect(doc.district).toBeNull();
  });
});

describe('titles', () => {
  it('prose naming a plan and a year is no title', async () => {
    const doc = await readFront(
      ['Malmö stad', 'Fritidsförvaltningen'],
      ['Under året följer förvaltningen upp verksamhetsplan 2022 och budget 2022.'],
    );
    expect(doc.period).toBeNull();
    expect(doc.organisation).toEqual({ kind: 'forvaltning', name: 'Fritidsförvaltningen' });
  });

  it('a date is no period', async () => {
    const doc = await readFront(['Verksamhetsplan 2022-01-30', 'Uppsala kommun']);
    expect(doc.period).toBeNull();
  });

  it('reads an analyst’s own title form and organisation word', async () => {
    const path = join(dir, 'own-metadata.json');
    writeFileSync(
      path,
      JSON.stringify({
        name: 'own',
        metadata: { titles: ['Handlingsplan'], organisations: [{ kind: 'enhet', words: ['verkstad', 'verkstaden'] }], dnrLabels: ['Löpnummer'] },
      }),
    );
    const labels = compileLabels([...builtinVocabularies(), readVocabulary(path)]);
    const doc = await readFront(['Lunds kommun', 'Handlingsplan 2024 för Kulturverkstaden', 'Löpnummer: KN 2023/7'], [], labels);
    expect(meta(doc)).toMatchObject({
      unit: 'Kulturverkstaden',
      organisation: { kind: 'enhet' },
      municipality: { code: '1281', name: 'Lund' },
      period: { from: 2024, to: 2024 },
      dnr: 'KN 2023/7',
    });
  });
});

describe('the store', () => {
  it('keeps organisation, municipality and period in documents and gives identities the document’s municipality', async () => {
    const store = await PlanStore.open(join(dir, 'metadata.duckdb'));
    try {
      const gbg = await readWithExtraction(['Göteborgs Stad', 'Äldre samt vård- och omsorgsförvaltningen', 'Mål och budget 2021–2023']);
      const sthlm = await readWithExtraction(['Skärholmens stadsdelsförvaltning', 'Enheten för hemtjänst', 'Verksamhetsplan 2022']);
      for (const { x, doc } of [gbg, sthlm]) await store.load(x, doc, { parserVersion: 't' });
      await refreshIdentities(store);
      const rows = await store.query(
        `SELECT d.organisation_kind, d.organisation_name, d.municipality_code, d.municipality_name, d.period_from, d.period_to, d.district, u.municipality_id
         FROM documents d JOIN document_units u USING (document_id) ORDER BY d.municipality_code`,
      );
      expect(rows.rows).toEqual([
        ['enhet', 'Enheten för hemtjänst', '0180', 'Stockholm', 2022, 2022, 'Skärholmen', '0180'],
        ['forvaltning', 'Äldre samt vård- och omsorgsförvaltningen', '1480', 'Göteborg', 2021, 2023, null, '1480'],
      ]);
      // a rebuild writes the same metadata
      await store.replaceParsed(gbg.x, { ...gbg.doc, period: { from: 2021, to: 2024 } }, { parserVersion: 't' });
      expect((await store.query(`SELECT period_to FROM documents WHERE municipality_code = '1480'`)).rows).toEqual([[2024]]);
    } finally {
      store.close();
    }
  });
});

describe.skipIf(!haveSeeds)('the seeds keep their metadata', () => {
  const expected: Record<string, [unit: string, district: string, year: number, dnr: string | null]> = {
    '000': ['Beställarenheten funktionsnedsättning', 'Hägersten-Älvsjö', 2022, null],
    '001': ['Beställarenheten funktionsnedsättning', 'Hägersten-Liljeholmen', 2017, '534-2016-1.1'],
    '002': ['Beställarenheten äldre', 'Hägersten-Älvsjö', 2023, null],
    '003': ['Enheten för personligt stöd', 'Hägersten-Älvsjö', 2025, null],
    '004': ['Stöd- och aktivitetsenheten', 'Hägersten-Älvsjö', 2023, 'HÄ 2022/753'],
  };
  const docs = new Map<string, PlanDocument>();
  beforeAll(async () => {
    for (const seed of Object.keys(expected)) docs.set(seed, await parseSeed(seed));
  }, 120_000);

  for (const [seed, [unit, district, year, dnr]] of Object.entries(expected)) {
    it(`seed ${seed}: ${unit}, ${district} ${year}, Stockholm`, () => {
      const doc = docs.get(seed)!;
      expect([doc.unit.name, doc.district, doc.year, doc.dnr]).toEqual([unit, district, year, dnr]);
      expect(doc.municipality).toEqual({ code: '0180', name: 'Stockholm' });
      expect(doc.organisation).toEqual({ kind: 'enhet', name: unit });
      // a title gives the period; plans without a front page have none
      expect(doc.period).toEqual(seed === '001' || seed === '004' ? { from: year, to: year } : null);
    });
  }
});
