// CSV writers of `plans report`: exact bytes of both dialects (BOM, separator, decimal mark, quoting,
// CRLF), OWASP formula neutralising of text while numbers (negative ones too) stay numbers, values as
// @duckdb/node-api returns them, and pivotYears.
import { DuckDBDecimalValue, DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../reports/csv-cell.js';
import { formatCsv, writeCsv } from '../reports/csv.js';
import { pivotYears } from '../reports/pivot.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const columns = ['namn', 'värde', 'antal', 'not'];
const rows: Record<string, unknown>[] = [
  { namn: '=SUM(A1)', värde: -12.5, antal: 3n, not: null },
  { namn: '+46 8 508 000 00', värde: 1234.5, antal: 0, not: 'a;b "c"' },
  { namn: '-x', värde: 1e-7, antal: -3, not: 'rad 1\nrad 2' },
  { namn: '@x', värde: new DuckDBDecimalValue(-1250n, 6, 2), not: '\tTAB' },
  { namn: 'Målvärde 3,5 %', värde: Number.NaN, antal: true, not: '-' },
];

const dir = mkdtempSync(join(tmpdir(), 'plans-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeCsv, dialect sv (Swedish Excel)', () => {
  it('writes BOM, `;`, decimal comma, CRLF; neutralises formula text and keeps numbers', () => {
    const path = writeCsv(join(dir, 'sub', 'sv.csv'), columns, rows, 'sv');
    const expected = Buffer.concat([
      BOM,
      Buffer.from(
        [
          'namn;värde;antal;not',
          "'=SUM(A1);-12,5;3;",
          `'+46 8 508 000 00;1234,5;0;"a;b ""c"""`,
          `'-x;0,0000001;-3;"rad 1\nrad 2"`,
          "'@x;-12,50;;'\tTAB",
          "Målvärde 3,5 %;;true;'-",
          '',
        ].join('\r\n'),
        'utf8',
      ),
    ]);
    expect(readFileSync(path)).toEqual(expected);
  });

  it('is the default dialect, and formatCsv gives the same text (BOM as U+FEFF)', () => {
    const text = formatCsv(columns, rows);
    expect(text.startsWith('\uFEFFnamn;värde;antal;not\r\n')).toBe(true);
    expect(Buffer.from(text, 'utf8')).toEqual(readFileSync(writeCsv(join(dir, 'default.csv'), columns, rows)));
  });
});

describe('writeCsv, dialect rfc', () => {
  it('writes no BOM, `,`, decimal point, CRLF, and quotes cells with commas', () => {
    const path = writeCsv(join(dir, 'rfc.csv'), columns, rows, 'rfc');
    const expected = [
      'namn,värde,antal,not',
      "'=SUM(A1),-12.5,3,",
      `'+46 8 508 000 00,1234.5,0,"a;b ""c"""`,
      `'-x,0.0000001,-3,"rad 1\nrad 2"`,
      "'@x,-12.50,,'\tTAB",
      `"Målvärde 3,5 %",,true,'-`,
      '',
    ].join('\r\n');
    expect(readFileSync(path)).toEqual(Buffer.from(expected, 'utf8'));
  });
});

describe('cells', () => {
  it('neutralises text starting with = + - @ tab CR (and their full-width forms), nothing else', () => {
    for (const s of ['=1+1', '+46701234567', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '\uFF1D1']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['', 'Sjukfrånvaro', '80 %', "'quoted", ' =1']) expect(neutraliseFormula(s)).toBe(s);
  });

  it('neutralises the header row too, and number-like strings stay text', () => {
    expect(formatCsv(['=x', 'y'], [{ '=x': '-12', y: -12 }], 'rfc')).toBe("'=x,y\r\n'-12,-12\r\n");
  });

  it('writes a header alone for no rows, and large and small numbers without exponent', () => {
    expect(formatCsv(['a'], [], 'rfc')).toBe('a\r\n');
    expect(formatCsv(['a', 'b'], [{ a: 1e21, b: -2.5e-8 }], 'sv')).toBe('\uFEFFa;b\r\n1000000000000000000000;-0,000000025\r\n');
  });

  it('takes rows as @duckdb/node-api returns them (DOUBLE, DECIMAL, BIGINT, HUGEINT, DATE, NULL)', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const result = await connection.runAndReadAll(
        "select -12.5::double d, 1234.50::decimal(10,2) amount, 3::bigint b, 12345678901234567890::hugeint h, date '2024-01-31' dt, '=HYPERLINK(\"x\")' s, null::varchar z",
      );
      const cols = result.columnNames();
      const expected = '\uFEFFd;amount;b;h;dt;s;z\r\n-12,5;1234,50;3;12345678901234567890;2024-01-31;"\'=HYPERLINK(""x"")";\r\n';
      expect(formatCsv(cols, result.getRowObjects(), 'sv')).toBe(expected);
      // the JS variant gives DECIMAL as a double and DATE as a Date at UTC midnight
      expect(formatCsv(cols, result.getRowObjectsJS(), 'sv')).toBe(expected.replace('1234,50', '1234,5'));
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('pivotYears', () => {
  const long = [
    { unit: 'Hemtjänst', indicator: 'Sjukfrånvaro', year: 2019, value: 8 },
    { unit: 'Hemtjänst', indicator: 'Sjukfrånvaro', year: 2017, value: 9.5 },
    { unit: 'Hemtjänst', indicator: 'Nöjdhet', year: 2018n, value: 80 },
    { unit: 'Fritid', indicator: 'Sjukfrånvaro', year: '2019', value: null },
    { unit: 'Fritid', indicator: 'Sjukfrånvaro', year: null, value: 1 },
  ];

  it('makes one row per entity (first-seen order) and a column per year, ascending', () => {
    expect(pivotYears(long, { key: ['unit', 'indicator'], year: 'year', value: 'value' })).toEqual({
      columns: ['unit', 'indicator', '2017', '2018', '2019'],
      rows: [
        { unit: 'Hemtjänst', indicator: 'Sjukfrånvaro', 2017: 9.5, 2018: null, 2019: 8 },
        { unit: 'Hemtjänst', indicator: 'Nöjdhet', 2017: null, 2018: 80, 2019: null },
        { unit: 'Fritid', indicator: 'Sjukfrånvaro', 2017: null, 2018: null, 2019: null },
      ],
    });
  });

  it('adds the requested years as empty columns and writes as CSV in column order', () => {
    const p = pivotYears(long.slice(0, 2), { key: ['indicator'], year: 'year', value: 'value', years: [2016, 2020] });
    expect(p.columns).toEqual(['indicator', '2016', '2017', '2019', '2020']);
    expect(formatCsv(p.columns, p.rows, 'sv')).toBe('\uFEFFindicator;2016;2017;2019;2020\r\nSjukfrånvaro;;9,5;8;\r\n');
  });

  it('throws on two rows for one entity and year unless told which to keep', () => {
    const dup = [
      { k: 'a', year: 2020, v: 1 },
      { k: 'a', year: 2020, v: 2 },
    ];
    expect(() => pivotYears(dup, { key: ['k'], year: 'year', value: 'v' })).toThrow(/two rows for \["a"\] in 2020/);
    expect(pivotYears(dup, { key: ['k'], year: 'year', value: 'v', onDuplicate: 'first' }).rows).toEqual([{ k: 'a', 2020: 1 }]);
    expect(pivotYears(dup, { key: ['k'], year: 'year', value: 'v', onDuplicate: 'last' }).rows).toEqual([{ k: 'a', 2020: 2 }]);
  });

  it('refuses a year that is not an integer', () => {
    expect(() => pivotYears([{ k: 'a', year: '20x0', v: 1 }], { key: ['k'], year: 'year', value: 'v' })).toThrow(/not a year/);
  });
});
