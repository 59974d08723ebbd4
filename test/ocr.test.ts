// OCR: a scanned PDF made here (text PDF → 300 dpi images with scan noise → image-only PDF) read back
// with the tesseract.js pool; the per-page text-layer decision; image files; failure handling (missing
// or broken language data, per-page timeout); and OCR inside a network namespace (no network needed).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractImage, imageInfo } from '../extractors/image.js';
import { decidePage } from '../extractors/ocr/decide.js';
import { createOcrEngine, defaultLangPath, OcrSetupError, type OcrEngine, type OcrResult } from '../extractors/ocr/engine.js';
import { ocrPdfPages, pageFromOcr } from '../extractors/ocr/ocr-pdf.js';
import { DEFAULT_OCR_DPI } from '../extractors/ocr/render.js';
import type { TextItem } from '../model/document.js';
import { cer, makeScannedPdf, pngToJpeg, pngToTiff, scanProse, type ScannedDoc } from '../bench/fixtures-scan.js';

const ROOT = resolve(import.meta.dirname, '..');

/** Text and positioned items of each page, straight from pdf.js (independent of extractors/pdf.ts). */
async function textLayer(data: Uint8Array): Promise<Array<{ text: string; items: TextItem[] }>> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  const out: Array<{ text: string; items: TextItem[] }> = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const height = page.getViewport({ scale: 1 }).height;
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const it of content.items) {
      if (!('str' in it)) continue;
      items.push({
        str: it.str,
        x: it.transform[4],
        y: height - it.transform[5],
        width: it.width,
        fontSize: Math.hypot(it.transform[0], it.transform[1]),
      });
    }
    out.push({ text: items.map((i) => i.str).join(' '), items });
  }
  await doc.destroy();
  return out;
}

/** A crop of a PNG (pixels), as PNG. */
async function crop(png: Uint8Array, x: number, y: number, w: number, h: number): Promise<Uint8Array> {
  const img = await loadImage(Buffer.from(png));
  const c = createCanvas(w, h);
  c.getContext('2d').drawImage(img, x, y, w, h, 0, 0, w, h);
  return new Uint8Array(await c.encode('png'));
}

/** The page tiled 2×2 at double size: a page image tesseract needs many seconds for. */
async function hugePage(png: Uint8Array): Promise<Uint8Array> {
  const img = await loadImage(Buffer.from(png));
  const c = createCanvas(img.width * 2, img.height * 2);
  const ctx = c.getContext('2d');
  for (const [dx, dy] of [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ])
    ctx.drawImage(img, dx * img.width, dy * img.height);
  return new Uint8Array(await c.encode('png'));
}

let doc: ScannedDoc;
let engine: OcrEngine;

beforeAll(async () => {
  doc = await makeScannedPdf();
  engine = createOcrEngine({ workers: 2 });
});

afterAll(async () => {
  await engine?.terminate();
});

describe('OCR of a generated scan', () => {
  it(`reads the image-only PDF at ${DEFAULT_OCR_DPI} dpi with CER ≤ 0.5 %`, async () => {
    const { pages, warnings } = await ocrPdfPages('scan.pdf', doc.scanPdf, [1, 2], engine);
    expect(pages.map((p) => p.num)).toEqual([1, 2]);
    const whole = cer(doc.references.join('\n'), pages.map((p) => p.text).join('\n'));
    const perPage = pages.map((p, i) => cer(doc.references[i], p.text));
    const prose = pages.map((p, i) => cer(scanProse(i), p.text.split(/\n(?=Mottagning)/)[0]));
    console.log(
      `OCR CER at ${DEFAULT_OCR_DPI} dpi: document ${(whole * 100).toFixed(2)} %, pages ${perPage.map((c) => (c * 100).toFixed(2)).join(' / ')} %, prose ${prose.map((c) => (c * 100).toFixed(2)).join(' / ')} %`,
    );
    expect(whole).toBeLessThanOrEqual(0.005);
    for (const c of prose) expect(c).toBeLessThanOrEqual(0.005);
    for (const p of pages) {
      expect(p.method).toBe('ocr');
      expect(p.confidence).toBeGreaterThan(0.8);
      expect(p.width).toBeCloseTo(595.28, 0);
      expect(p.height).toBeCloseTo(841.89, 0);
      expect(p.text).toMatch(/\n/); // tesseract's line breaks are kept
    }
    // positions in points, y from the top: the first word sits at the 62 pt / 60 pt margins, 11 pt text
    const first = pages[0].items![0];
    expect(first.str).toBe('Vårdcentralen');
    expect(first.x).toBeGreaterThan(55);
    expect(first.x).toBeLessThan(70);
    expect(first.y).toBeGreaterThan(60);
    expect(first.y).toBeLessThan(80);
    const sizes = pages[0].items!.map((i) => i.fontSize).sort((a, b) => a - b);
    const med = sizes[Math.floor(sizes.length / 2)];
    expect(med).toBeGreaterThan(9);
    expect(med).toBeLessThan(13);
    // a table row is one line of items (one baseline) with the numbers right of the label
    const row = pages[0].items!.filter((i) => Math.abs(i.y - pages[0].items!.find((j) => j.str === 'Sjuksköterska')!.y) < 0.5);
    expect(row.map((i) => i.str).join(' ')).toMatch(/^Sjuksköterska 9 ?872 10 ?204$/);
    expect(row[1].x).toBeGreaterThan(row[0].x + row[0].width + 50);
    for (const w of warnings) expect(['ocr-low-confidence']).toContain(w.rule);
  });

  it('decidePage: OCR for the image-only pages, the text layer for the text PDF', async () => {
    for (const p of await textLayer(doc.scanPdf)) {
      const d = decidePage(p.text, p.items, 'auto', { images: 1, paths: 0 });
      expect(d.ocr).toBe(true);
      expect(d.reason).toBe('no-text-layer');
    }
    for (const p of await textLayer(doc.textPdf)) {
      const d = decidePage(p.text, p.items, 'auto');
      expect(d).toMatchObject({ ocr: false, reason: 'text-layer-ok' });
      expect(decidePage(p.text, p.items, 'always')).toMatchObject({ ocr: true, reason: 'forced' });
      expect(decidePage('', [], 'never')).toMatchObject({ ocr: false, reason: 'disabled' });
    }
    const item = (str: string): TextItem => ({ str, x: 0, y: 0, width: 10, fontSize: 10 });
    const soup = '#$%& )*+, -./0 1234 5678 9:;< =>?@ ABCD EFGH'.repeat(5);
    expect(decidePage(soup, [item(soup)], 'auto').reason).toBe('garbage-text-layer');
    const fffd = 'Verksamhetsplan f\uFFFDr \uFFFDr 2024 och m\uFFFDl f\uFFFDr enheten \uFFFD\uFFFD\uFFFD';
    expect(decidePage(fffd, [item(fffd)], 'auto').reason).toBe('replacement-chars');
    const mixed = 'V3rk5amh3t5pl4n f0r 3nh3t3n 0ch m4l 2024 V3rk5amh3t5pl4n f0r 3nh3t3n 0ch m4l'.repeat(3);
    expect(decidePage(mixed, [item(mixed)], 'auto').reason).toBe('garbage-text-layer');
    const table = 'Personalkostnader 12 400 12 900\nLokalkostnader 3 100 3 150\nSumma kostnader 15 500 16 050';
    expect(decidePage(table, [item(table)], 'auto').reason).toBe('text-layer-ok');
    expect(decidePage('12', [item('12')], 'auto').reason).toBe('no-text-layer');
  });

  it('extractImage reads PNG, JPEG and TIFF scans of a page', async () => {
    const png = doc.pages[1];
    const jpeg = await pngToJpeg(png, 85);
    const tiff = await pngToTiff(png, 300);
    expect(imageInfo(tiff)).toMatchObject({ format: 'tiff', dpi: 300 });
    expect(imageInfo(jpeg).format).toBe('jpeg');
    const results = await Promise.all([
      extractImage('p.png', png, { engine }),
      extractImage('p.jpg', jpeg, { engine }),
      extractImage('p.tif', tiff, { engine }),
    ]);
    for (const r of results) {
      expect(r.pages).toHaveLength(1);
      expect(r.pages[0].method).toBe('ocr');
      expect(cer(doc.references[1], r.pages[0].text)).toBeLessThanOrEqual(0.01);
      expect(r.pages[0].width).toBeCloseTo(595.28, 0);
    }
    await expect(extractImage('x.gif', new Uint8Array([0x47, 0x49, 0x46, 0x38, 0, 0, 0, 0]), { engine })).rejects.toMatchObject({
      code: 'bad-image',
    });
  });
});

describe('OCR failures', () => {
  it('a missing traineddata file is a clear error before any worker starts (no download, no crash)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ocr-nolang-'));
    expect(() => createOcrEngine({ langPath: empty })).toThrow(OcrSetupError);
    expect(() => createOcrEngine({ langPath: empty })).toThrow(/swe\.traineddata.*not download/);
    expect(() => createOcrEngine({ lang: 'xyz' })).toThrow(/@tesseract\.js-data\/xyz/);
    writeFileSync(join(empty, 'swe.traineddata.gz'), 'not gzip at all'.repeat(100));
    expect(() => createOcrEngine({ langPath: empty })).toThrow(/not gzip data/);
  });

  it('damaged language data is refused up front; a worker that cannot start fails the pool, not the process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocr-badlang-'));
    const file = join(dir, 'swe.traineddata.gz');
    writeFileSync(file, gzipSync(randomBytes(64 * 1024)));
    expect(() => createOcrEngine({ langPath: dir })).toThrow(/damaged/);
    const good = readFileSync(join(defaultLangPath(), 'swe.traineddata.gz'));
    writeFileSync(file, good.subarray(0, good.length >> 1));
    expect(() => createOcrEngine({ langPath: dir })).toThrow(/does not decompress/);
    // a start that does not finish in time: the page's promise rejects with OcrSetupError, later pages too
    const slowStart = createOcrEngine({ workers: 1, startTimeoutMs: 1 });
    try {
      await expect(slowStart.recognize(doc.pages[0], 1)).rejects.toBeInstanceOf(OcrSetupError);
      await expect(slowStart.recognize(doc.pages[0], 2)).rejects.toThrow(/no worker after 1 ms|terminated/);
    } finally {
      await slowStart.terminate();
    }
  });

  it('a page over the time limit is recorded as failed and the next page is read', async () => {
    const slow = await hugePage(doc.pages[0]);
    const line = await crop(doc.pages[0], 150, 220, 2200, 140);
    const pool = createOcrEngine({ workers: 1, pageTimeoutMs: 1500 });
    try {
      const [r1, r2] = await Promise.all([pool.recognize(slow, 1), pool.recognize(line, 2)]);
      expect(r1.error).toMatch(/timeout after 1500 ms/);
      expect(r1.text).toBe('');
      expect(r2.error).toBeNull();
      expect(r2.text).toMatch(/Vårdcentralen/);
      const failed = pageFromOcr(1, r1, { widthPx: 100, heightPx: 100, widthPt: 595, heightPt: 842 });
      expect(failed.page).toMatchObject({ num: 1, text: '', method: 'ocr', confidence: 0 });
      expect(failed.warnings).toMatchObject([{ rule: 'ocr-page-failed', page: 1 }]);
    } finally {
      await pool.terminate();
    }
  });

  it('a page whose worker thread ends is read again on a new worker; one whose worker ends twice is failed', async () => {
    const line = await crop(doc.pages[0], 150, 220, 2200, 140);
    const pool = createOcrEngine({ workers: 1, numberLang: null });
    // the thread of the worker reading the page, once its recognition is under way
    const threadOf = (p: unknown) =>
      (p as { slots: Array<{ main: { worker: { worker: { terminate(): Promise<number> } } | null } }> }).slots[0].main.worker;
    const endSoon = async (before: unknown) => {
      let w = threadOf(pool);
      while (!w || w === before) {
        await new Promise((r) => setTimeout(r, 20));
        w = threadOf(pool);
      }
      await new Promise((r) => setTimeout(r, 150));
      await w.worker.terminate();
      return w;
    };
    try {
      await pool.recognize(line, 0); // the worker is up
      const once = pool.recognize(doc.pages[0], 1);
      await endSoon(null);
      const r1 = await once;
      expect(r1.error).toBeNull();
      expect(r1.text).toMatch(/Vårdcentralen/);
      const twice = pool.recognize(doc.pages[0], 2);
      const first = await endSoon(null);
      await endSoon(first);
      const r2 = await twice;
      expect(r2.error).toBe('ocr-error: the OCR worker ended, twice');
    } finally {
      await pool.terminate();
    }
  });

  it('a pool stopped with pages in flight settles every page as read or failed, and the process runs on', async () => {
    // before the fix, the pages queued behind the first called a stopped worker: an uncaught TypeError
    const line = await crop(doc.pages[0], 150, 220, 2200, 140);
    for (let round = 0; round < 3; round++) {
      const pool = createOcrEngine({ workers: 2 });
      const pages = Array.from({ length: 6 }, (_, k) => pool.recognize(line, k + 1));
      await pages[0];
      await pool.terminate();
      // every page settles, as read or as failed (a rejection would be unhandled until awaited)
      const results = await Promise.all(pages);
      expect(results[0].error).toBeNull();
      for (const r of results) expect(r.error === null || /OCR engine is terminated/.test(r.error)).toBe(true);
      expect(results.some((r) => r.error !== null)).toBe(true);
    }
  });
  it('low-confidence words and bad pages become warnings with page and position', () => {
    const r: OcrResult = {
      page: 3,
      numberFixes: [],
      text: 'Hej xqzv',
      rawText: 'Hej xqzv',
      confidence: 0.45,
      words: [
        { text: 'Hej', confidence: 0.4, bbox: { x0: 100, y0: 100, x1: 160, y1: 130 }, line: 0 },
        { text: 'xqzv', confidence: 0.5, bbox: { x0: 180, y0: 100, x1: 260, y1: 130 }, line: 0 },
      ],
      lines: [{ text: 'Hej xqzv', confidence: 0.45, bbox: { x0: 100, y0: 100, x1: 260, y1: 130 }, baselineY: 125, textLine: 1 }],
      noiseWords: 0,
      error: null,
      ms: 1,
    };
    const { page, warnings } = pageFromOcr(3, r, { widthPx: 1000, heightPx: 1000, widthPt: 500, heightPt: 500 });
    expect(page.items).toEqual([
      expect.objectContaining({ str: 'Hej', x: 50, y: 62.5, width: 30 }),
      expect.objectContaining({ str: 'xqzv', x: 90, y: 62.5, width: 40 }),
    ]);
    expect(warnings.filter((w) => w.rule === 'ocr-low-confidence')).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ page: 3, line: 1 });
    expect(warnings[0].message).toMatch(/"Hej".*0\.40.*x=50 y=50/);
    expect(warnings.some((w) => w.rule === 'ocr-wrong-language-or-bad-scan' && w.page === 3)).toBe(true);
  });
});

const canUnshare = spawnSync('unshare', ['-n', 'true']).status === 0;

describe('no network at run time', () => {
  it.skipIf(!canUnshare)('OCR of a generated page succeeds inside `unshare -n` (no network namespace)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocr-nonet-'));
    const pdfPath = join(dir, 'scan.pdf');
    writeFileSync(pdfPath, doc.scanPdf);
    const script = join(dir, 'ocr-one.mts');
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';
import { createOcrEngine } from ${JSON.stringify(join(ROOT, 'extractors/ocr/engine.ts'))};
import { ocrPdfPages } from ${JSON.stringify(join(ROOT, 'extractors/ocr/ocr-pdf.ts'))};
// the control: this namespace really has no network
const netBlocked = await fetch('https://cdn.jsdelivr.net/npm/@tesseract.js-data/swe/package.json', { signal: AbortSignal.timeout(5000) }).then(() => false, () => true);
const engine = createOcrEngine({ workers: 1 });
try {
  const r = await ocrPdfPages('scan.pdf', new Uint8Array(readFileSync(process.argv[2])), [2], engine);
  process.stdout.write(JSON.stringify({ netBlocked, text: r.pages[0].text, confidence: r.pages[0].confidence }));
} finally {
  await engine.terminate();
}
`,
    );
    const run = spawnSync('unshare', ['-n', process.execPath, '--import', 'tsx', script, pdfPath], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
    expect(run.stderr).not.toMatch(/fetch|ENOTFOUND|EAI_AGAIN|ENETUNREACH/);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { netBlocked: boolean; text: string; confidence: number };
    expect(out.netBlocked).toBe(true);
    expect(cer(doc.references[1], out.text)).toBeLessThanOrEqual(0.01);
  });
});
