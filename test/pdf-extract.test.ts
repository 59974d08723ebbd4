import { writeFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdf } from '../extractors/pdf.js';
import { pageToLines } from '../extractors/pdf-lines.js';
import { extractFile } from '../extractors/index.js';
import type { DocLine, ExtractedPage, TextItem } from '../model/document.js';
import {
  INDICATOR_ROWS,
  PARAGRAPHS,
  encryptedPdf,
  indicatorTablePdf,
  makePdf,
  mixedPdf,
  paragraphsPdf,
  splitTablePdf,
  vectorOnlyPdf,
} from './helpers/make-pdf.js';
import { planError } from './helpers/plan-error.js';

const linesOf = (pages: ExtractedPage[]): DocLine[] => pages.flatMap(pageToLines);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('extractPdf: prose', () => {
  let pages: ExtractedPage[];
  beforeAll(async () => {
    ({ pages } = await extractPdf('prosa.pdf', await paragraphsPdf()));
  });

  it('returns one text-layer page with size and positioned items', () => {
    expect(pages).toHaveLength(1);
    const p = pages[0];
    expect(p).toMatchObject({ num: 1, method: 'text-layer', confidence: null });
    expect(p.width).toBeCloseTo(595.28, 1);
    expect(p.height).toBeCloseTo(841.89, 1);
    expect(p.items!.length).toBeGreaterThan(50);
    expect(p.items!.every((i) => i.str.trim() !== '')).toBe(true);
    // y from the top: the heading comes first
    const heading = p.items!.find((i) => i.str === 'Verksamhetsplan')!;
    expect(heading.y).toBeLessThan(100);
    expect(heading.fontSize).toBeCloseTo(14, 1);
    expect(heading.bold).toBe(true);
    expect(p.items!.find((i) => i.str === 'Förskolan')!.bold).toBeUndefined();
  });

  it('rebuilds the lines in reading order with å/ä/ö intact', () => {
    const lines = pageToLines(pages[0]);
    expect(lines.map((l) => l.line)).toEqual(lines.map((_, i) => i + 1));
    expect(lines[0]).toMatchObject({ page: 1, line: 1, text: 'Verksamhetsplan för förskolan Lönnen', bold: true });
    expect(lines.slice(1).every((l) => !l.bold)).toBe(true);
    // the paragraphs, re-joined, are exactly the source text
    expect(
      norm(
        lines
          .slice(1)
          .map((l) => l.text)
          .join(' '),
      ),
    ).toBe(norm(PARAGRAPHS.join(' ')));
    expect(lines[1].text.startsWith('Förskolan Lönnen på Åsvägen har fyra avdelningar')).toBe(true);
    // prose is one cell per line
    expect(lines.every((l) => l.cells?.length === 1)).toBe(true);
    // page text = the lines
    expect(pages[0].text).toBe(lines.map((l) => l.text).join('\n'));
  });

  it('joins touching runs without a space and justified prose stays one cell', async () => {
    const { pages: ps } = await extractPdf(
      'runs.pdf',
      await makePdf({
        content: [
          { text: [{ text: 'för' }, { text: 'skole', bold: true }, { text: 'klassen' }, ' i Ödeshög'] },
          { text: PARAGRAPHS.join(' ') + ' ' + PARAGRAPHS.join(' '), alignment: 'justify', margin: [0, 6, 0, 0] },
        ],
      }),
    );
    const lines = linesOf(ps);
    expect(lines[0].text).toBe('förskoleklassen i Ödeshög');
    expect(lines[0].bold).toBeUndefined();
    expect(lines.slice(1).every((l) => l.cells!.length === 1)).toBe(true);
  });
});

describe('extractPdf: indicator table', () => {
  let lines: DocLine[];
  let header: DocLine;
  const col = (name: string) => header.cells!.find((c) => c.text === name)!;
  /** the header cell a cell sits under: the last header cell starting at or left of it */
  const under = (x0: number) => [...header.cells!].reverse().find((h) => h.x0 <= x0 + 1)!.text;

  beforeAll(async () => {
    const { pages } = await extractPdf('tabell.pdf', await indicatorTablePdf());
    lines = linesOf(pages);
    header = lines.find((l) => l.text.startsWith('Indikator '))!;
  });

  it('splits the header into the four columns', () => {
    expect(header.cells!.map((c) => c.text)).toEqual(['Indikator', 'Årsmål', 'KF:s årsmål', 'Periodicitet']);
    expect(header.bold).toBe(true);
    const xs = header.cells!.map((c) => c.x0);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('puts each value under its header cell', () => {
    const row = lines.find((l) => l.text.startsWith('Andel nöjda'))!;
    expect(row.cells!.map((c) => c.text)).toEqual(['Andel nöjda vårdnadshavare', '85 %', '80 %', 'År']);
    expect(row.cells!.map((c) => under(c.x0))).toEqual(['Indikator', 'Årsmål', 'KF:s årsmål', 'Periodicitet']);
  });

  it('a row with only the KF value has it under KF:s årsmål, not Årsmål', () => {
    const row = lines.find((l) => l.text.startsWith('Antal barn per årsarbetare'))!;
    expect(row.cells!.map((c) => c.text)).toEqual(['Antal barn per årsarbetare', '5,2', 'Tertial']);
    const value = row.cells![1];
    expect(under(value.x0)).toBe('KF:s årsmål');
    expect(Math.abs(value.x0 - col('KF:s årsmål').x0)).toBeLessThan(2);
    expect(value.x0).toBeGreaterThan(col('Årsmål').x1);
  });

  it('a wrapped name: values on its first line, the continuation lines are lines of their own under Indikator', () => {
    const i = lines.findIndex((l) => l.text.startsWith('Andel förskollärare'));
    const first = lines[i];
    expect(first.cells!.length).toBe(4);
    expect(first.cells!.slice(1).map((c) => c.text)).toEqual(['40 %', '42 %', 'År']);
    const cont = lines.slice(i + 1, i + 3);
    for (const l of cont) {
      expect(l.cells).toHaveLength(1);
      expect(under(l.cells![0].x0)).toBe('Indikator');
      expect(l.cells![0].x1).toBeLessThan(col('Årsmål').x0);
    }
    expect(norm([first.cells![0].text, ...cont.map((l) => l.text)].join(' '))).toBe(INDICATOR_ROWS[2][0]);
    expect(lines[i + 3].text.startsWith('Sjukfrånvaro')).toBe(true);
    expect(lines.map((l) => l.line)).toEqual(lines.map((_, k) => k + 1));
  });
});

describe('extractPdf: a table over a page break', () => {
  it('has rows on both pages, the header repeated, every row in the four columns', async () => {
    const { pages, warnings } = await extractPdf('lang-tabell.pdf', await splitTablePdf(40));
    expect(warnings).toEqual([]);
    expect(pages).toHaveLength(2);
    const rows = (n: number) => pageToLines(pages[n - 1]).filter((l) => /^Indikator nummer \d+/.test(l.text));
    const [p1, p2] = [rows(1), rows(2)];
    expect(p1.length).toBeGreaterThan(3);
    expect(p2.length).toBeGreaterThan(3);
    expect(p1.length + p2.length).toBe(40);
    const nums = [...p1, ...p2].map((l) => Number(/nummer (\d+)/.exec(l.text)![1]));
    expect(nums).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect([...p1, ...p2].every((l) => l.cells!.length === 4)).toBe(true);
    expect(pageToLines(pages[1])[0].text).toBe('Indikator Årsmål KF:s årsmål Periodicitet');
    expect(p2.every((l) => l.page === 2)).toBe(true);
  });
});

describe('extractPdf: bad input', () => {
  it('0 bytes → empty', async () => {
    const e = await planError(extractPdf('tom.pdf', new Uint8Array()));
    expect(e.code).toBe('empty');
    expect(e.message).toContain('tom.pdf');
  });

  it('a text file renamed .pdf → corrupt, saying it is not a PDF', async () => {
    const e = await planError(extractPdf('text.pdf', new TextEncoder().encode('Verksamhetsplan 2024\nDetta är ingen PDF.\n')));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/^text\.pdf: not a PDF/);
  });

  it('a truncated PDF → corrupt (or, if pdf.js recovers, a normal result)', async () => {
    const data = await paragraphsPdf();
    const e = await planError(extractPdf('trasig.pdf', data.subarray(0, 400)));
    expect(['corrupt', 'needs-ocr']).toContain(e.code);
    expect(e.message).toContain('trasig.pdf');
  });

  it('password-protected → encrypted', async () => {
    const e = await planError(extractPdf('hemlig.pdf', await encryptedPdf()));
    expect(e.code).toBe('encrypted');
    expect(e.message).toBe('hemlig.pdf: PDF is password-protected');
  });

  it('vector graphics only → needs-ocr', async () => {
    const e = await planError(extractPdf('skannad.pdf', await vectorOnlyPdf()));
    expect(e.code).toBe('needs-ocr');
    expect(e.message).toBe('skannad.pdf: no text layer on any page: needs OCR (scanned PDF?)');
  });

  it('some pages without text → empty pages and a warning each', async () => {
    const { pages, warnings } = await extractPdf('blandad.pdf', await mixedPdf());
    expect(pages).toHaveLength(2);
    expect(pages[0].text).toContain('Förskolan Lönnen');
    expect(pages[1]).toMatchObject({ num: 2, text: '', items: [] });
    expect(warnings).toEqual([{ stage: 'extract', rule: 'page-without-text', message: expect.stringContaining('page 2'), page: 2, line: null }]);
  });

  it('does not detach the caller’s buffer', async () => {
    const data = await paragraphsPdf();
    await extractPdf('a.pdf', data);
    expect(data.byteLength).toBeGreaterThan(0);
  });

  describe('through extractFile', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'pdf-extract-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reads a PDF from disk into a valid Extraction', async () => {
      const f = join(dir, 'plan.pdf');
      await writeFile(f, await indicatorTablePdf());
      const x = await extractFile(f);
      expect(x.source.format).toBe('pdf');
      expect(x.source.pages).toBe(1);
      expect(x.pages[0].text).toContain('Antal barn per årsarbetare 5,2 Tertial');
      expect((await readFile(f)).length).toBeGreaterThan(0);
    });

    it('rejects 0-byte and renamed text files naming the file', async () => {
      const empty = join(dir, 'tom.pdf');
      const txt = join(dir, 'anteckning.pdf');
      await writeFile(empty, '');
      await writeFile(txt, 'bara text\n');
      const e1 = await planError(extractFile(empty));
      expect(e1.code).toBe('empty');
      expect(e1.message).toContain(empty);
      const e2 = await planError(extractFile(txt));
      expect(e2.code).toBe('corrupt');
      expect(e2.message).toContain(txt);
      expect(e2.message).toMatch(/not a PDF/);
    });
  });
});

describe('pageToLines on hand-made items', () => {
  const page = (items: TextItem[]): ExtractedPage => ({
    page: 3,
    num: 3,
    text: '',
    items,
    method: 'text-layer',
    confidence: null,
    width: 595,
    height: 842,
  });
  const it10 = (str: string, x: number, y: number, width: number, extra: Partial<TextItem> = {}): TextItem => ({
    str,
    x,
    y,
    width,
    fontSize: 10,
    ...extra,
  });

  it('rows whose cells sit at slightly different baselines stay one line; the order is top-down', () => {
    const lines = pageToLines(
      page([
        it10('Nästa', 66, 130, 25),
        it10('85 %', 293, 101.5, 21),
        it10('Andel', 66, 100, 25),
        it10('nöjda', 93.5, 100, 25),
        it10('År', 459, 99, 10),
      ]),
    );
    expect(lines.map((l) => [l.page, l.line, l.text])).toEqual([
      [3, 1, 'Andel nöjda 85 % År'],
      [3, 2, 'Nästa'],
    ]);
    expect(lines[0].cells!.map((c) => [c.text, c.x0, c.x1])).toEqual([
      ['Andel nöjda', 66, 118.5],
      ['85 %', 293, 314],
      ['År', 459, 469],
    ]);
  });

  it('a word in two touching items has no space; duplicated (fake-bold) text counts once', () => {
    const [l] = pageToLines(
      page([it10('Verksam', 62, 50, 40), it10('hetsplan', 102, 50, 38), it10('hetsplan', 102.3, 50.2, 38), it10('2024', 143, 50, 20)]),
    );
    expect(l.text).toBe('Verksamhetsplan 2024');
    expect(l.cells).toHaveLength(1);
  });

  it('white space inside item strings is a space even without a gap', () => {
    const [l] = pageToLines(page([it10('Summa ', 62, 50, 33), it10('netto', 95, 50, 24)]));
    expect(l.text).toBe('Summa netto');
  });

  it('bold only when every item is bold; no items → no lines', () => {
    const [a, b] = pageToLines(
      page([
        it10('Mål', 62, 50, 18, { bold: true }),
        it10('1', 83, 50, 5, { bold: true }),
        it10('Mål', 62, 70, 18, { bold: true }),
        it10('text', 83, 70, 18),
      ]),
    );
    expect(a.bold).toBe(true);
    expect(b.bold).toBeUndefined();
    expect(pageToLines(page([]))).toEqual([]);
    expect(pageToLines({ ...page([]), items: null })).toEqual([]);
  });
});
