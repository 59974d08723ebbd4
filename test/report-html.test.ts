// The HTML report of `plans report html`: a synthetic ReportData full of hostile texts (script tags,
// onerror handlers, `</script>` and U+2028 in what goes into the page's JSON) is rendered, checked as
// text, then opened in headless Chromium (playwright-core, Debian's /usr/bin/chromium): no console or
// page errors, no dialog, no request other than the file itself, the expected number of uPlot charts,
// every hostile text shown as text; a screenshot is written to a temp folder.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonForScript } from '../reports/html-escape.js';
import { HTML_REPORT_FILE, type ReportData, renderHtmlReport, writeHtmlReport } from '../reports/html.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const PWN = '<img src=x onerror="window.__pwned=1">';
const CLOSE = '</script><script>alert(2)</script>\u2028\u2029<!--';
const IFRAME = '<iframe src="https://example.com/x"></iframe>';

const DOC_A = 'a'.repeat(64);
const DOC_B = 'b'.repeat(64);
const DOC_C = 'c'.repeat(64);

function fixture(): ReportData {
  return {
    generatedAt: '2025-03-01T12:00:00.000Z',
    database: `/tmp/plans ${SCRIPT}.duckdb`,
    units: [
      {
        unitKey: 'hemtjanst',
        unitName: `Hemtjänsten ${SCRIPT}`,
        districts: ['Hägersten-Liljeholmen', 'Hägersten-Älvsjö'],
        years: [2019, 2020, 2021],
        trends: [
          {
            indicatorKey: 'nojdhet',
            indicatorName: `Andel nöjda brukare ${IMG}`,
            kfGoal: `1.3 Stöd där behoven är störst ${PWN}`,
            valueUnit: `% ${CLOSE}`,
            points: [
              { year: 2021, unitTargetValue: 88, kfTargetValue: 90, unitTargetRaw: '88 %', kfTargetRaw: '90 %', documentId: DOC_B, page: 4 },
              { year: 2019, unitTargetValue: 85, kfTargetValue: null, unitTargetRaw: '85 %', kfTargetRaw: null, documentId: DOC_A, page: 3 },
              {
                year: 2020,
                unitTargetValue: null,
                kfTargetValue: null,
                unitTargetRaw: 'öka',
                kfTargetRaw: 'Tas fram av nämnd/styrelse',
                documentId: DOC_A,
                page: 5,
              },
            ],
          },
          {
            indicatorKey: 'sjukfranvaro',
            indicatorName: `Sjukfrånvaro ${SCRIPT}`,
            kfGoal: null,
            valueUnit: '%',
            points: [
              { year: 2019, unitTargetValue: 6.5, kfTargetValue: null, unitTargetRaw: '6,5 %', kfTargetRaw: null, documentId: DOC_A, page: 6 },
              {
                year: 2021,
                unitTargetValue: null,
                kfTargetValue: null,
                unitTargetRaw: `minska ${IMG}`,
                kfTargetRaw: null,
                documentId: DOC_B,
                page: 7,
              },
            ],
          },
          {
            indicatorKey: 'vantetid',
            indicatorName: 'Väntetid i dagar',
            kfGoal: null,
            valueUnit: null,
            points: [
              { year: 2020, unitTargetValue: null, kfTargetValue: 30, unitTargetRaw: null, kfTargetRaw: '30 dagar', documentId: DOC_A, page: 8 },
              { year: 2021, unitTargetValue: null, kfTargetValue: 25, unitTargetRaw: null, kfTargetRaw: '25 dagar', documentId: DOC_B, page: null },
            ],
          },
        ],
        coverage: [
          {
            year: 2019,
            kfGoalKey: 'kf-1.3',
            kfGoal: `1.3 Stöd ${SCRIPT}`,
            namndmal: 2,
            enhetsmal: 1,
            indicators: 4,
            activities: 3,
            documentId: DOC_A,
            page: 2,
          },
          {
            year: 2021,
            kfGoalKey: 'kf-1.3',
            kfGoal: `1.3 Stöd ${SCRIPT}`,
            namndmal: 1,
            enhetsmal: 2,
            indicators: 3,
            activities: 0,
            documentId: DOC_B,
            page: 2,
          },
          {
            year: 2021,
            kfGoalKey: 'kf-2.1',
            kfGoal: '2.1 Klimat',
            namndmal: 0,
            enhetsmal: 0,
            indicators: 0,
            activities: 0,
            documentId: DOC_B,
            page: 9,
          },
        ],
        changes: [
          {
            fromYear: 2019,
            toYear: 2021,
            kind: 'indicator-renamed',
            subject: `Andel nöjda brukare ${IMG}`,
            level: null,
            before: `Andel nöjda ${SCRIPT}`,
            after: `Andel nöjda brukare ${IMG}`,
            from: { documentId: DOC_A, page: 3 },
            to: { documentId: DOC_B, page: 4 },
          },
          {
            fromYear: 2019,
            toYear: 2021,
            kind: 'target-moved',
            subject: 'Andel nöjda brukare',
            level: null,
            before: '85 %',
            after: '88 %',
            from: { documentId: DOC_A, page: 3 },
            to: { documentId: DOC_B, page: 4 },
          },
          {
            fromYear: 2019,
            toYear: 2021,
            kind: 'goal-dropped',
            subject: `Trygg hemtjänst ${PWN}`,
            level: 'enhetsmal',
            before: `Trygg hemtjänst ${PWN}`,
            after: null,
            from: { documentId: DOC_A, page: 2 },
            to: null,
          },
        ],
      },
      {
        unitKey: 'fritid-solberga',
        unitName: 'Fritid Solberga',
        districts: [],
        years: [2022, 2023],
        trends: [
          {
            indicatorKey: 'besok',
            indicatorName: 'Antal besök',
            kfGoal: null,
            valueUnit: 'st',
            points: [
              { year: 2022, unitTargetValue: 1200, kfTargetValue: null, unitTargetRaw: '1 200 st', kfTargetRaw: null, documentId: DOC_C, page: 2 },
              {
                year: 2023,
                unitTargetValue: 1350.5,
                kfTargetValue: null,
                unitTargetRaw: '1 350,5 st',
                kfTargetRaw: null,
                documentId: DOC_C,
                page: 2,
              },
            ],
          },
        ],
        coverage: [],
        changes: [],
      },
    ],
    documents: [
      {
        documentId: DOC_A,
        path: `/archive/hemtjänst/2019 ${SCRIPT}.pdf`,
        format: 'pdf',
        unitName: `Hemtjänsten ${SCRIPT}`,
        year: 2019,
        pageCount: 9,
        pages: [
          { page: 1, method: 'text-layer', confidence: null },
          { page: 2, method: 'ocr', confidence: 0.91 },
          { page: 3, method: 'ocr', confidence: 0.52 },
        ],
        warnings: [
          { stage: 'extract', rule: 'ocr-low-confidence', message: `OCR unsure ${IFRAME}`, page: 3, line: null },
          { stage: 'normalize', rule: 'year-inferred', message: `year from body ${PWN}`, page: null, line: 12 },
        ],
        repairs: 17,
        budgetMismatches: [{ budgetTable: 1, label: `Summa kostnader ${SCRIPT}`, printedTkr: 12500, computedTkr: 12450.5, page: 9 }],
      },
      {
        documentId: DOC_B,
        path: '/archive/hemtjänst/2021 #1?.pdf',
        format: 'pdf',
        unitName: 'Hemtjänsten',
        year: 2021,
        pageCount: 9,
        pages: [{ page: 1, method: 'text-layer', confidence: null }],
        warnings: [],
        repairs: 0,
        budgetMismatches: [],
      },
      {
        documentId: DOC_C,
        path: 'relative/fritid-2022.txt',
        format: 'txt',
        unitName: null,
        year: null,
        pageCount: 2,
        pages: [{ page: 1, method: 'text-file', confidence: null }],
        warnings: [],
        repairs: 2,
        budgetMismatches: [],
      },
    ],
  };
}

/** nojdhet (3 years, 2 numeric), vantetid (KF values only) and besok chart; sjukfranvaro (1 numeric) does not */
const EXPECTED_CHARTS = 3;
const HOSTILE = [SCRIPT, IMG, PWN, IFRAME];

const dir = mkdtempSync(join(tmpdir(), 'plans-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderHtmlReport, as text', () => {
  const page = renderHtmlReport(fixture());
  const outsideScripts = page.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');

  it('escapes every text from a document: no hostile tag survives as markup', () => {
    for (const s of HOSTILE) expect(page).not.toContain(s);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page.match(/<script\b/g)).toHaveLength(3);
    expect(outsideScripts).not.toMatch(/<(img|iframe|link)\b/i);
  });

  it('embeds the chart data as JSON that cannot end its element, and gives it back exactly', () => {
    const block = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    expect(block).not.toMatch(/[<>&\u2028\u2029]/);
    const parsed = JSON.parse(block) as { charts: { title: string; unit: string; data: unknown[] }[] };
    expect(parsed.charts).toHaveLength(EXPECTED_CHARTS);
    expect(parsed.charts[0]).toEqual({
      id: 'chart-1',
      title: `Andel nöjda brukare ${IMG}`,
      unit: `% ${CLOSE}`,
      data: [
        [2019, 2020, 2021],
        [85, null, 88],
        [null, null, 90],
      ],
    });
    expect(jsonForScript({ s: CLOSE })).toBe(
      '{"s":"\\u003c/script\\u003e\\u003cscript\\u003ealert(2)\\u003c/script\\u003e\\u2028\\u2029\\u003c!--"}',
    );
  });

  it('loads nothing: no remote src/href, and a CSP that allows no fetch', () => {
    expect(outsideScripts).not.toMatch(/(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-/);
  });

  it('links figures and rows to file:///path#page=N (paths URL-encoded), and relative paths not at all', () => {
    expect(page).toContain('href="file:///archive/hemtj%C3%A4nst/2019%20%3Cscript%3Ealert(1)%3C/script%3E.pdf#page=3"');
    expect(page).toContain('href="file:///archive/hemtj%C3%A4nst/2021%20%231%3F.pdf#page=4"');
    expect(page).toContain('<span class="src" title="relative/fritid-2022.txt (dokument cccc');
  });

  it('refuses data that names a document not in documents', () => {
    const bad = fixture();
    bad.units[1].trends[0].points[0].documentId = 'd'.repeat(64);
    expect(() => renderHtmlReport(bad)).toThrow(/is not in documents/);
  });

  it('writes one file to DIR and returns its path', () => {
    const path = writeHtmlReport(join(dir, 'out'), fixture());
    expect(path).toBe(join(dir, 'out', HTML_REPORT_FILE));
    const kb = statSync(path).size / 1024;
    process.stderr.write(`HTML report: ${path} (${kb.toFixed(1)} KiB)\n`);
    expect(kb).toBeLessThan(200);
  });
});

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
if (!haveChromium && !inCi) {
  process.stderr.write(`\n*** ${CHROMIUM} is missing: the browser tests of test/report-html.test.ts are SKIPPED (apt-get install chromium)\n\n`);
}

describe.skipIf(!haveChromium && !inCi)('the HTML report in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`CI=true and ${CHROMIUM} is missing: the HTML report must be tested in a browser`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders without errors, requests or dialogs, with one chart per trend of 2+ numbers and hostile texts as text', async () => {
    const path = writeHtmlReport(join(dir, 'browser'), fixture());
    const url = pathToFileURL(path).href;
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith('file:') || u.startsWith('data:')) return route.continue();
      problems.push(`network request: ${u}`);
      return route.abort();
    });
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction((n) => document.querySelectorAll('.uplot canvas').length >= n, EXPECTED_CHARTS, { timeout: 10_000 });
      await page.waitForTimeout(300); // a late error (resize, draw) would show here
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
      expect(await page.locator('.uplot').count()).toBe(EXPECTED_CHARTS);
      expect(await page.locator('.uplot canvas').count()).toBe(EXPECTED_CHARTS);
      expect(await page.locator('div.chart').count()).toBe(EXPECTED_CHARTS);

      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        imgs: document.querySelectorAll('img, iframe').length,
        scripts: document.scripts.length,
        label: document.getElementById('chart-1')?.getAttribute('aria-label') ?? null,
        links: [...document.querySelectorAll('a.src')].map((a) => (a as HTMLAnchorElement).href),
      }));
      for (const s of HOSTILE) expect(await page.getByText(s).first().isVisible(), s).toBe(true);
      expect(state.pwned).toBeNull();
      expect(state.imgs).toBe(0);
      expect(state.scripts).toBe(3);
      expect(state.label).toBe(`Andel nöjda brukare ${IMG}`);
      expect(state.links.length).toBeGreaterThan(10);
      for (const href of state.links) expect(href).toMatch(/^file:\/\/\/archive\/.+\.pdf(#page=\d+)?$/);

      // kept after the run (the temp folder of the other files is removed), for a person to look at
      const keep = join(tmpdir(), 'plans-report-html-test');
      mkdirSync(keep, { recursive: true });
      const shot = join(keep, 'plans-report.png');
      await page.screenshot({ path: shot, fullPage: true });
      copyFileSync(path, join(keep, HTML_REPORT_FILE));
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      process.stderr.write(`HTML report screenshot: ${shot}\n`);
    } finally {
      await context.close();
    }
  });
});
