import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetTotals } from '../sample/model.js';
import { PLANS, findPlan, generateSampleCorpus, renderPdf, renderText } from '../sample/generate.js';

let dir: string;
let files: string[];

async function pdfPages(buf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(buf) });
  try {
    const r = await parser.getText();
    return r.pages.map((p: { text: string }) => p.text);
  } finally {
    await parser.destroy();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sample-corpus-'));
  files = await generateSampleCorpus(dir);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sample plans', () => {
  it('cover three units over three years with the required shape', () => {
    expect(PLANS).toHaveLength(9);
    for (const p of PLANS) {
      const kf = p.directions.flatMap((d) => d.goals);
      const indicators = kf.flatMap((g) => g.indicators);
      const activities = kf.flatMap((g) => g.boardGoals.flatMap((b) => b.activities));
      expect(p.directions.map((d) => d.number)).toEqual([1, 2, 3]);
      expect(kf.length).toBeGreaterThanOrEqual(4);
      expect(kf.length).toBeLessThanOrEqual(7);
      expect(indicators.length).toBeGreaterThanOrEqual(4);
      expect(indicators.length).toBeLessThanOrEqual(10);
      expect(activities.length).toBeGreaterThanOrEqual(3);
      expect(activities.length).toBeLessThanOrEqual(8);
    }
  });

  it('renumber a KF goal between years', () => {
    const numberOf = (year: number) =>
      findPlan('hemtjanst', year)
        .directions.flatMap((d) => d.goals)
        .find((g) => g.title.includes('trygga i sitt närområde'))?.number;
    expect(numberOf(2022)).toBe('1.4');
    expect(numberOf(2023)).toBe('1.3');
  });

  it('have budgets whose sums add up', () => {
    const b = findPlan('bestallare-vuxna', 2023).budget!;
    const t = budgetTotals(b);
    expect(t.net).toBe(t.costs - t.income);
    expect(t.net).toBeGreaterThan(0);
  });
});

describe('generated corpus', () => {
  it('writes one file per plan', () => {
    expect(files).toHaveLength(PLANS.length);
    expect(files.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(5);
    expect(files.some((f) => f.endsWith('.md'))).toBe(true);
    expect(files.some((f) => f.endsWith('-mojibake.txt'))).toBe(true);
  });

  it('the scanned plan has page images and no text layer', async () => {
    const scans = files.filter((x) => x.endsWith('-scan.pdf'));
    expect(scans).toHaveLength(1);
    const pages = await pdfPages(await readFile(scans[0]));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages.join('').trim()).toBe('');
  });

  it('PDFs have a front page, running headers and the goal labels', async () => {
    for (const f of files.filter((x) => x.endsWith('.pdf') && !x.endsWith('-scan.pdf'))) {
      const pages = await pdfPages(await readFile(f));
      expect(pages.length).toBeGreaterThanOrEqual(5);
      expect(pages[0]).toContain('Hägersten-Älvsjö stadsdelsförvaltning');
      expect(pages[0]).toMatch(/Dnr: HÄ \d{4}\/\d+/);
      pages.forEach((text, i) => {
        expect(text).toContain('Tjänsteutlåtande');
        expect(text).toContain(`Sid ${i + 1} (${pages.length})`);
        expect(text).toContain('start.stockholm');
      });
      expect(pages[1]).toContain('Innehållsförteckning');
      expect(pages[1]).toMatch(/\.{4,} \d+/);
      const all = pages.join('\n');
      for (const l of ['KF:s inriktningsmål: 1.', 'KF:s mål för verksamhetsområdet:', 'Nämndmål:', 'Enhetsmål:']) expect(all).toContain(l);
    }
  }, 60_000);

  it('splits an indicator table over a page break (hemtjanst 2023)', async () => {
    const pages = await pdfPages(await readFile(path.join(dir, 'hemtjanst', '2023.pdf')));
    const withHeader = pages.flatMap((t, i) => (/Indikator\s+Årsmål\s+KF:s årsmål\s+Periodicitet/.test(t) ? [i] : []));
    expect(withHeader.some((i) => withHeader.includes(i + 1))).toBe(true);
  }, 30_000);

  it('text exports carry the label lines and table rows', async () => {
    const txt = await readFile(path.join(dir, 'fritid-solberga', '2022.txt'), 'utf8');
    expect(txt).toMatch(/^KF:s inriktningsmål: 1\. /m);
    expect(txt).toMatch(/^KF:s mål för verksamhetsområdet: 1\.4 /m);
    expect(txt).toMatch(/Nämndmål: /);
    expect(txt).toMatch(/Enhetsmål: /);
    expect(txt).toContain('  Indikator Årsmål KF:s årsmål Periodicitet ');
    expect(txt).toContain('Antal platser för feriejobb   Tertial ');
    expect(txt).toMatch(/^ öka År $/m);
    expect(txt).toMatch(/^Sid 3 \(\d+\) $/m);
    const md = await readFile(path.join(dir, 'fritid-solberga', '2024.md'), 'utf8');
    expect(md).toContain('Indikator\tÅrsmål\tKF:s årsmål\tPeriodicitet');
    expect(md).toContain('<i>Summa netto</i>\t');
    const moji = await readFile(path.join(dir, 'bestallare-vuxna', '2022-mojibake.txt'), 'utf8');
    expect(moji).toContain('KF:s inriktningsmÃ¥l: 1.');
    expect(moji).not.toContain('ä');
  });

  it('renders one plan both as PDF and as text with the same labels', async () => {
    const p = findPlan('bestallare-vuxna', 2023);
    const pdf = (await pdfPages(await renderPdf(p))).join('\n').replace(/\s+/g, ' ');
    const txt = renderText(p).replace(/\s+/g, ' ');
    for (const g of p.directions.flatMap((d) => d.goals)) {
      const label = `KF:s mål för verksamhetsområdet: ${g.number} ${g.title}`;
      expect(pdf).toContain(label);
      expect(txt).toContain(label);
    }
  }, 30_000);
});
