// Budget tables as other Swedish municipalities and förvaltningar print them (issue 13): amounts in tkr,
// mnkr or kr, decimals with a comma, negatives with `-`, `−` or parentheses, several year columns
// (budget, plan, prognos, utfall), financing lines after the costs; space-aligned text, PDF cells placed
// by position, pipe tables, two-line headers. Each template is made here, read by the structure reader
// and scored (F1 over its rows) against the rows it should give; the sum checks run per table and column.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeBudgetWords } from '../data/reference/vocabulary-budget.js';
import { builtinVocabularies, VocabularySchema } from '../data/reference/vocabulary.js';
import { PlanStore } from '../data/store/store.js';
import { extractFile } from '../extractors/index.js';
import type { BudgetLine, DocLine } from '../model/document.js';
import { checkBudgetSums } from '../normalizers/parse/budget-check.js';
import { compileLabels, type Labels } from '../normalizers/parse/labels.js';
import { parseStructure } from '../normalizers/parse/structure.js';
import { markPlanYear, parseAmount } from '../normalizers/parse/tables/budget.js';
import { readPlan } from '../pipeline/read-plan.js';

const dir = mkdtempSync(join(tmpdir(), 'plans-budget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** lines of a text export (no positions: columns are spaces, tabs or pipes in the text) */
function textLines(text: string): DocLine[] {
  return text.split('\n').map((t, k) => ({ page: 1, line: k + 1, text: t, cells: null }));
}

/** lines of a PDF text layer: cells `[text, x1]`, amounts right-aligned at their column's right edge */
function pdfLines(rows: Array<Array<[string, number]>>): DocLine[] {
  return rows.map((cells, k) => ({
    page: 3,
    line: k + 1,
    text: cells.map(([t]) => t).join(' '),
    cells: cells.map(([t, x1]) => ({ text: t, x0: x1 - t.length * 5, x1 })),
  }));
}

function budgetOf(lines: DocLine[], labels?: Labels): BudgetLine[] {
  return parseStructure(lines, labels).budget;
}

type Class = NonNullable<BudgetLine['lineClass']>;
/** one expected row: [label, group, class, sumOf, amounts in tkr per column (null: empty cell)] */
type Expected = [string, BudgetLine['group'], Class, BudgetLine['sumOf'] | null, Array<number | null>];
interface Column {
  year: number | null;
  kind: BudgetLine['kind'];
}

type Keyed = Pick<BudgetLine, 'table' | 'label' | 'group' | 'lineClass' | 'sumOf' | 'column' | 'year' | 'kind' | 'amountTkr'>;
const key = (r: Keyed) => [r.table, r.label, r.group, r.lineClass, r.sumOf ?? null, r.column, r.year, r.kind, r.amountTkr].join('|');

function expectedRows(table: number, cols: Column[], rows: Expected[]): string[] {
  return rows.flatMap(([label, group, lineClass, sumOf, amounts]) =>
    amounts.flatMap((a, k) => (a === null ? [] : [key({ table, label, group, lineClass, sumOf, column: k + 1, ...cols[k], amountTkr: a })])),
  );
}

/** F1 of read rows against expected ones (each matched once) */
function f1(read: string[], truth: string[]): number {
  if (!read.length && !truth.length) return 1;
  const left = [...truth];
  let hit = 0;
  for (const r of read) {
    const k = left.indexOf(r);
    if (k >= 0) {
      hit++;
      left.splice(k, 1);
    }
  }
  const p = read.length ? hit / read.length : 0;
  const r = truth.length ? hit / truth.length : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

interface Template {
  name: string;
  style: string;
  lines: DocLine[];
  unit: BudgetLine['unit'];
  cols: Column[];
  rows: Expected[];
  /** the printed amounts of one line, as kept */
  printed?: [string, string[]];
}

const mnkr3: Column[] = [
  { year: 2022, kind: 'budget' },
  { year: 2021, kind: 'prognos' },
  { year: 2020, kind: 'utfall' },
];

const TEMPLATES: Template[] = [
  {
    name: 'göteborg-mnkr',
    style: 'space-aligned text, mnkr with decimals, − (U+2212) negatives, budget/prognos/utfall, financing lines',
    lines: textLines(
      [
        'Ekonomisk översikt',
        '',
        'Belopp i mnkr                 Budget 2022   Prognos 2021   Utfall 2020',
        'Intäkter                             45,2           44,8          43,1',
        'Kostnader                          −512,6         −498,3        −487,9',
        'Nettokostnad                       −467,4         −453,5        −444,8',
        'Kommunbidrag                        467,4          455,0         447,0',
        'Resultat                              0,0            1,5           2,2',
        '',
        'Nämnden räknar med ett litet överskott.',
      ].join('\n'),
    ),
    unit: 'mnkr',
    cols: mnkr3,
    rows: [
      ['Intäkter', 'intakter', 'income', null, [45200, 44800, 43100]],
      ['Kostnader', 'kostnader', 'cost', null, [-512600, -498300, -487900]],
      ['Nettokostnad', 'finansiering', 'financing', 'net', [-467400, -453500, -444800]],
      ['Kommunbidrag', 'finansiering', 'financing', null, [467400, 455000, 447000]],
      ['Resultat', 'finansiering', 'financing', 'result', [0, 1500, 2200]],
    ],
    printed: ['Kostnader', ['−512,6', '−498,3', '−487,9']],
  },
  {
    name: 'uppsala-parenteser',
    style: 'PDF cells, tkr in the caption, (negatives), two budget years and utfall, an empty cell placed by position',
    lines: pdfLines([
      [['Driftbudget (tkr)', 160]],
      [
        ['Verksamhet', 110],
        ['Budget 2023', 330],
        ['Budget 2022', 410],
        ['Utfall 2021', 490],
      ],
      [['Intäkter', 100]],
      [
        ['Avgifter', 100],
        ['4 100', 330],
        ['3 900', 410],
        ['3 720', 490],
      ],
      [
        ['Statsbidrag', 120],
        ['8 300', 330],
        ['8 000', 410],
        ['7 530', 490],
      ],
      [
        ['Summa intäkter', 140],
        ['12 400', 330],
        ['11 900', 410],
        ['11 250', 490],
      ],
      [['Kostnader', 100]],
      [
        ['Personalkostnader', 150],
        ['(71 200)', 330],
        ['(69 000)', 410],
        ['(68 110)', 490],
      ],
      [
        ['Lokalkostnader', 140],
        ['(15 600)', 330],
        ['(15 100)', 410],
        ['(14 870)', 490],
      ],
      [
        ['Tillfälliga lokaler', 150],
        ['(1 900)', 330],
        ['(1 050)', 490],
      ],
      [
        ['Övriga kostnader', 140],
        ['(10 000)', 330],
        ['(11 200)', 410],
        ['(9 950)', 490],
      ],
      [
        ['Summa kostnader', 140],
        ['(98 700)', 330],
        ['(95 300)', 410],
        ['(93 980)', 490],
      ],
      [
        ['Verksamhetens nettokostnad', 190],
        ['(86 300)', 330],
        ['(83 400)', 410],
        ['(82 730)', 490],
      ],
      [
        ['Kommunbidrag', 120],
        ['86 300', 330],
        ['83 400', 410],
        ['82 000', 490],
      ],
      [
        ['Budgetavvikelse', 130],
        ['0', 330],
        ['0', 410],
        ['(730)', 490],
      ],
      [['Avvikelsen 2021 förklaras av höga lokalkostnader.', 300]],
    ]),
    unit: 'tkr',
    cols: [
      { year: 2023, kind: 'budget' },
      { year: 2022, kind: 'budget' },
      { year: 2021, kind: 'utfall' },
    ],
    rows: [
      ['Avgifter', 'intakter', 'income', null, [4100, 3900, 3720]],
      ['Statsbidrag', 'intakter', 'income', null, [8300, 8000, 7530]],
      ['Summa intäkter', 'summa', 'sum', 'income', [12400, 11900, 11250]],
      ['Personalkostnader', 'kostnader', 'cost', null, [-71200, -69000, -68110]],
      ['Lokalkostnader', 'kostnader', 'cost', null, [-15600, -15100, -14870]],
      ['Tillfälliga lokaler', 'kostnader', 'cost', null, [-1900, null, -1050]],
      ['Övriga kostnader', 'kostnader', 'cost', null, [-10000, -11200, -9950]],
      ['Summa kostnader', 'summa', 'sum', 'cost', [-98700, -95300, -93980]],
      ['Verksamhetens nettokostnad', 'finansiering', 'financing', 'net', [-86300, -83400, -82730]],
      ['Kommunbidrag', 'finansiering', 'financing', null, [86300, 83400, 82000]],
      ['Budgetavvikelse', 'finansiering', 'financing', 'result', [0, 0, -730]],
    ],
    printed: ['Budgetavvikelse', ['0', '0', '(730)']],
  },
  {
    name: 'malmö-kr',
    style: 'markdown pipe table, amounts in kr, one budget column, headings with their sums',
    lines: textLines(
      [
        '| Belopp i kr | Budget 2022 |',
        '|---|---:|',
        '| Intäkter | |',
        '| Avgifter | 1 250 000 |',
        '| Statsbidrag | 2 300 500 |',
        '| Summa intäkter | 3 550 500 |',
        '| Kostnader | |',
        '| Personalkostnader | 18 400 000 |',
        '| Lokalkostnader | 2 100 000 |',
        '| Summa kostnader | 20 500 000 |',
        '| Nettokostnad | 16 949 500 |',
        '',
        'Beloppen är avrundade.',
      ].join('\n'),
    ),
    unit: 'kr',
    cols: [{ year: 2022, kind: 'budget' }],
    rows: [
      ['Avgifter', 'intakter', 'income', null, [1250]],
      ['Statsbidrag', 'intakter', 'income', null, [2300.5]],
      ['Summa intäkter', 'summa', 'sum', 'income', [3550.5]],
      ['Personalkostnader', 'kostnader', 'cost', null, [18400]],
      ['Lokalkostnader', 'kostnader', 'cost', null, [2100]],
      ['Summa kostnader', 'summa', 'sum', 'cost', [20500]],
      ['Nettokostnad', 'finansiering', 'financing', 'net', [16949.5]],
    ],
    printed: ['Statsbidrag', ['2 300 500']],
  },
  {
    name: 'stockholm-förvaltning-plan',
    style: 'tab-less aligned text, unit after the caption, two-line header (Budget/Plan over the years), costs first, incomes negative',
    lines: textLines(
      [
        'Resultatbudget, tkr',
        '                  Budget      Plan      Plan',
        '                    2022      2023      2024',
        'Kostnader',
        'Personalkostnader   52 100    53 400    54 700',
        'Lokalkostnader       8 200     8 300     8 400',
        'Summa kostnader     60 300    61 700    63 100',
        'Intäkter',
        'Avgifter            -2 000    -2 050    -2 100',
        'Summa intäkter      -2 000    -2 050    -2 100',
        'Nettokostnad        58 300    59 650    61 000',
        'Budget 2025',
        'Budgeten för 2025 beslutas i november.',
      ].join('\n'),
    ),
    unit: 'tkr',
    cols: [
      { year: 2022, kind: 'budget' },
      { year: 2023, kind: 'plan' },
      { year: 2024, kind: 'plan' },
    ],
    rows: [
      ['Personalkostnader', 'kostnader', 'cost', null, [52100, 53400, 54700]],
      ['Lokalkostnader', 'kostnader', 'cost', null, [8200, 8300, 8400]],
      ['Summa kostnader', 'summa', 'sum', 'cost', [60300, 61700, 63100]],
      ['Avgifter', 'intakter', 'income', null, [-2000, -2050, -2100]],
      ['Summa intäkter', 'summa', 'sum', 'income', [-2000, -2050, -2100]],
      ['Nettokostnad', 'finansiering', 'financing', 'net', [58300, 59650, 61000]],
    ],
  },
  {
    name: 'stockholm-ils',
    style: 'the ILS table: `Beloppen anges i TKr` over one `Budget` column, tab-separated, costs positive',
    lines: textLines(
      [
        'Beloppen anges i TKr\tBudget',
        'Intäkter\t',
        'Taxor och avgifter\t120',
        'Bidrag\t1 000',
        'Summa intäkter\t1 120',
        'Kostnader\t',
        'Personalkostnader\t8 400',
        'Lokalkostnader\t1 300',
        'Summa kostnader\t9 700',
        'Summa netto\t8 580',
        'Budgetår:\t2024',
      ].join('\n'),
    ),
    unit: 'tkr',
    cols: [{ year: null, kind: 'budget' }],
    rows: [
      ['Taxor och avgifter', 'intakter', 'income', null, [120]],
      ['Bidrag', 'intakter', 'income', null, [1000]],
      ['Summa intäkter', 'summa', 'sum', 'income', [1120]],
      ['Personalkostnader', 'kostnader', 'cost', null, [8400]],
      ['Lokalkostnader', 'kostnader', 'cost', null, [1300]],
      ['Summa kostnader', 'summa', 'sum', 'cost', [9700]],
      ['Summa netto', 'summa', 'sum', 'net', [8580]],
    ],
  },
];

const scores: Array<[string, number, number]> = [];

describe('budget tables of several municipalities, scored against their rows', () => {
  for (const t of TEMPLATES) {
    it(`${t.name}: ${t.style}`, () => {
      const budget = budgetOf(t.lines);
      const truth = expectedRows(1, t.cols, t.rows);
      const score = f1(budget.map(key), truth);
      scores.push([t.name, truth.length, score]);
      expect(budget.map(key)).toEqual(truth);
      expect(score).toBe(1);
      expect(new Set(budget.map((b) => b.unit))).toEqual(new Set([t.unit]));
      // the plan year's budget column: the latest `Budget` column, one row per line
      const planCol = t.cols.reduce((best, c, k) => (c.kind === 'budget' && (c.year ?? 0) >= (t.cols[best].year ?? 0) ? k : best), 0) + 1;
      expect(budget.filter((b) => b.planColumn).every((b) => b.column === planCol)).toBe(true);
      expect(budget.filter((b) => b.planColumn).map((b) => b.label)).toEqual(t.rows.filter((r) => r[4][planCol - 1] !== null).map((r) => r[0]));
      if (t.printed) expect(budget.filter((b) => b.label === t.printed![0]).map((b) => b.amountPrinted)).toEqual(t.printed[1]);
      // every sum adds up, in every column
      expect(checkBudgetSums(budget)).toEqual([]);
      // text after the table is not read as a line
      expect(budget.every((b) => b.sourceLine <= t.lines.length - 1)).toBe(true);
    });
  }

  afterAll(() => {
    const rows = scores.map(([n, k, s]) => `${n.padEnd(28)} ${String(k).padStart(5)} ${s.toFixed(3).padStart(7)}`);
    console.log(`${'template'.padEnd(28)} ${'rows'.padStart(5)} ${'F1'.padStart(7)}\n${rows.join('\n')}`);
  });
});

describe('budget amounts', () => {
  it('reads signs, decimals and thousands as printed', () => {
    expect(parseAmount('12,5')).toBe(12.5);
    expect(parseAmount('-1 200')).toBe(-1200);
    expect(parseAmount('−1 200')).toBe(-1200);
    expect(parseAmount('–1 200')).toBe(-1200);
    expect(parseAmount('(1 200)')).toBe(-1200);
    expect(parseAmount('(12,5)')).toBe(-12.5);
    expect(parseAmount('1\u00a0200')).toBe(1200);
    expect(parseAmount('-0')).toBe(0);
    expect(parseAmount('1.200')).toBe(1200);
    expect(parseAmount('12.5')).toBe(12.5);
    expect(parseAmount('tkr')).toBeNull();
  });

  it('splits single-spaced thousands into the header’s columns', () => {
    const budget = budgetOf(
      textLines(
        ['Belopp i tkr Budget 2022 Prognos 2021 Utfall 2020', 'Personalkostnader 5 249 5 100 4 900', 'Lokalkostnader 100 200 300 400 500 600'].join(
          '\n',
        ),
      ),
    );
    expect(budget.map((b) => [b.label, b.column, b.amountTkr])).toEqual([
      ['Personalkostnader', 1, 5249],
      ['Personalkostnader', 2, 5100],
      ['Personalkostnader', 3, 4900],
      ['Lokalkostnader', 1, 100200],
      ['Lokalkostnader', 2, 300400],
      ['Lokalkostnader', 3, 500600],
    ]);
  });

  it('reads a unit after the amount and skips percent columns', () => {
    const budget = budgetOf(
      textLines(
        [
          'Driftbudget        Budget 2022   Budget 2021   Förändring %',
          'Avgifter           1 250 kr      1 200 kr      4,2 %',
          'Bidrag             500 kr        500 kr        0,0 %',
        ].join('\n'),
      ),
    );
    expect(budget.map((b) => [b.label, b.year, b.unit, b.amountTkr])).toEqual([
      ['Avgifter', 2022, 'kr', 1.25],
      ['Avgifter', 2021, 'kr', 1.2],
      ['Bidrag', 2022, 'kr', 0.5],
      ['Bidrag', 2021, 'kr', 0.5],
    ]);
  });
});

describe('a budget table without a unit', () => {
  it('is read in tkr with a warning naming its page and line; a printed unit gives none', () => {
    const table = (caption: string) =>
      parseStructure(
        textLines(
          [caption, 'Personalkostnader    5 249      5 100', 'Lokalkostnader         800        780', 'Summa kostnader      6 049      5 880'].join(
            '\n',
          ),
        ),
      );
    const bare = table('Driftbudget          Budget 2022   Budget 2021');
    expect(bare.budget.map((b) => [b.amountTkr, b.unit])[0]).toEqual([5249, 'tkr']);
    expect(bare.warnings.map((w) => [w.rule, w.page, w.line])).toEqual([['budget-unit-assumed', 1, 2]]);
    const mnkr = table('Driftbudget, mnkr    Budget 2022   Budget 2021');
    expect(mnkr.budget[0]).toMatchObject({ amountTkr: 5249000, unit: 'mnkr' });
    expect(mnkr.warnings).toEqual([]);
  });
});

describe('what opens no budget table', () => {
  it('prose with amounts, a bare `Budget 2025` heading, a unit in a sentence', () => {
    const lines = textLines(
      [
        'Budget 2025',
        'Enheten har en budget om 12 500 tkr för 2025.',
        'Budgeten följs upp varje månad',
        '(mnkr)',
        'Under året ökade kostnaderna med 12,5',
        'Antal platser 2022 2023',
      ].join('\n'),
    );
    expect(budgetOf(lines)).toEqual([]);
  });

  it('keeps two tables apart: an operating budget and an investment table', () => {
    const budget = budgetOf(
      textLines(
        [
          'Belopp i mnkr        Budget 2022   Prognos 2021',
          'Intäkter                    45,2           44,8',
          'Kostnader                 −512,6         −498,3',
          'Nettokostnad              −467,4         −453,5',
          '',
          'Investeringar, mnkr   Budget 2022   Budget 2021',
          'Inventarier                   2,0           1,5',
          'Lokalanpassningar             3,5           4,0',
        ].join('\n'),
      ),
    );
    expect(budget.filter((b) => b.table === 1)).toHaveLength(6);
    expect(budget.filter((b) => b.table === 2).map((b) => [b.label, b.year, b.amountTkr])).toEqual([
      ['Inventarier', 2022, 2000],
      ['Inventarier', 2021, 1500],
      ['Lokalanpassningar', 2022, 3500],
      ['Lokalanpassningar', 2021, 4000],
    ]);
    expect(checkBudgetSums(budget)).toEqual([]);
  });
});

describe('budget sums per table and column', () => {
  it('names the column whose sum does not add up', () => {
    const lines = TEMPLATES[0].lines.map((l) =>
      l.text.startsWith('Resultat') ? { ...l, text: 'Resultat                              0,0            1,5           9,9' } : l,
    );
    const w = checkBudgetSums(budgetOf(lines));
    expect(w.map((x) => x.rule)).toEqual(['budget-sum-mismatch']);
    expect(w[0].message).toMatch(/^budget table 1 \(utfall 2020\): "Resultat" is 9900 tkr but its lines add up to 2200 tkr/);
    expect(w[0].line).toBe(8);
  });

  it('checks an ILS table as before: Summa intäkter, Summa kostnader, Summa netto', () => {
    const lines = TEMPLATES[4].lines.map((l) => (l.text.startsWith('Summa kostnader') ? { ...l, text: 'Summa kostnader\t9 800' } : l));
    const w = checkBudgetSums(budgetOf(lines));
    expect(w.map((x) => x.message)).toEqual([
      'budget table 1: "Summa kostnader" is 9800 tkr but its lines add up to 9700 tkr',
      'budget table 1: "Summa netto" is 8580 tkr but its lines add up to 8680 tkr',
    ]);
  });

  it('reads rows stored before the new fields by their labels', () => {
    const old = (label: string, group: BudgetLine['group'], amountTkr: number): BudgetLine => ({
      table: 1,
      group,
      label,
      line: label,
      amountTkr,
      page: 1,
      sourceLine: 1,
    });
    const rows = [
      old('Avgifter', 'intakter', 100),
      old('Summa intäkter', 'summa', 100),
      old('Löner', 'kostnader', 900),
      old('Summa kostnader', 'summa', 900),
      old('Summa netto', 'summa', 700),
    ];
    expect(checkBudgetSums(rows).map((w) => w.message)).toEqual(['budget table 1: "Summa netto" is 700 tkr but its lines add up to 800 tkr']);
  });
});

describe('the plan year’s column', () => {
  it('is the latest Budget column, or the plan year’s once the plan’s year is known', () => {
    const budget = budgetOf(TEMPLATES[1].lines);
    const planCols = (b: BudgetLine[]) => [...new Set(b.filter((x) => x.planColumn).map((x) => x.year))];
    expect(planCols(budget)).toEqual([2023]);
    // a plan for 2022 that also prints the coming year's budget
    expect(planCols(markPlanYear(budget, 2022))).toEqual([2022]);
    expect(planCols(markPlanYear(budget, 2030))).toEqual([2023]);
    // the ILS `Budget` column takes the plan's year
    const ils = markPlanYear(budgetOf(TEMPLATES[4].lines), 2024);
    expect(new Set(ils.map((b) => [b.year, b.planColumn].join()))).toEqual(new Set(['2024,true']));
  });
});

describe('budget words from vocabularies', () => {
  it('merges the budget words of all vocabularies, an analyst’s file with them', () => {
    const analyst = VocabularySchema.parse({
      name: 'analyst',
      budget: {
        captions: ['Nämndens ekonomi'],
        units: [{ unit: 'mnkr', factor: 1000, words: ['milj. kr'] }],
        lines: [{ lineClass: 'financing', words: ['Nämndbidrag'] }],
      },
    });
    const merged = mergeBudgetWords([...builtinVocabularies(), analyst]);
    expect(merged.captions).toContain('Beloppen anges i');
    expect(merged.captions).toContain('Nämndens ekonomi');
    expect(merged.units.map((u) => u.unit)).toEqual(expect.arrayContaining(['tkr', 'mnkr', 'kr']));
    const lines = textLines(
      [
        'Nämndens ekonomi, milj. kr   Budget 2022   Budget 2021',
        'Nämndbidrag                         12,0          11,5',
        'Verksamhetsstöd                     -8,0          -7,5',
      ].join('\n'),
    );
    expect(budgetOf(lines)).toEqual([]);
    const budget = budgetOf(lines, compileLabels([...builtinVocabularies(), analyst]));
    expect(budget.map((b) => [b.label, b.lineClass, b.group, b.unit, b.amountTkr])).toEqual([
      ['Nämndbidrag', 'financing', 'finansiering', 'mnkr', 12000],
      ['Nämndbidrag', 'financing', 'finansiering', 'mnkr', 11500],
      ['Verksamhetsstöd', 'cost', 'kostnader', 'mnkr', -8000],
      ['Verksamhetsstöd', 'cost', 'kostnader', 'mnkr', -7500],
    ]);
  });
});

describe('a plan with an mnkr budget, read from a file and stored', () => {
  it('keeps the rows, their columns and printed amounts through the store', async () => {
    const file = join(dir, 'plan.txt');
    const text = [
      'Verksamhetsplan 2022 för Kulturförvaltningen',
      '',
      'Nämndens mål: Kulturen når fler',
      '',
      'Ekonomi',
      '',
      ...TEMPLATES[0].lines.slice(2, 8).map((l) => l.text),
      '',
      'Nämnden räknar med ett litet överskott.',
    ].join('\n');
    writeFileSync(file, text);
    const x = await extractFile(file);
    const doc = readPlan(x);
    expect(doc.budget.map((b) => [b.label, b.column, b.kind, b.year, b.amountTkr])).toEqual(
      TEMPLATES[0].rows.flatMap(([label, , , , amounts]) => amounts.map((a, k) => [label, k + 1, mnkr3[k].kind, mnkr3[k].year, a])),
    );
    expect(doc.warnings.filter((w) => w.rule === 'budget-sum-mismatch')).toEqual([]);
    const store = await PlanStore.open(join(dir, 'plans.duckdb'));
    try {
      await store.load(x, doc);
      const r = await store.query(
        `select label, amount_tkr, amount_printed, unit, amount_column, column_year, column_kind, plan_column, line_class, sum_of, grp
         from budget_lines where label = 'Nettokostnad' order by amount_column`,
      );
      expect(r.rows).toEqual([
        ['Nettokostnad', -467400, '−467,4', 'mnkr', 1, 2022, 'budget', true, 'financing', 'net', 'finansiering'],
        ['Nettokostnad', -453500, '−453,5', 'mnkr', 2, 2021, 'prognos', false, 'financing', 'net', 'finansiering'],
        ['Nettokostnad', -444800, '−444,8', 'mnkr', 3, 2020, 'utfall', false, 'financing', 'net', 'finansiering'],
      ]);
    } finally {
      store.close();
    }
  });
});
