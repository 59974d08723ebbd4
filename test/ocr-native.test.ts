// The native OCR engine (extractors/ocr/native.ts): the tesseract program, one process per page, read
// through its TSV. The same generated scan as ocr.test.ts, read by both engines: the same accuracy and
// result shape; the number re-reading; failed, crashed, hung and stopped pages; a missing program.
// CI installs Debian's tesseract-ocr (.ci/run); without it these tests are skipped.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractImage } from '../extractors/image.js';
import { createOcrEngine, OcrSetupError, type OcrEngine } from '../extractors/ocr/engine.js';
import { ocrPdfPages } from '../extractors/ocr/ocr-pdf.js';
import { renderPages } from '../extractors/ocr/render.js';
import { treeFromTsv } from '../extractors/ocr/tsv.js';
import { PLANS, renderPdf } from '../sample/generate.js';
import { cer, makeScannedPdf, type ScannedDoc } from '../bench/fixtures-scan.js';

const haveTesseract = spawnSync('tesseract', ['--version']).status === 0;

let doc: ScannedDoc;
let native: OcrEngine;
let wasm: OcrEngine;

beforeAll(async () => {
  if (!haveTesseract) return;
  doc = await makeScannedPdf();
  native = createOcrEngine({ engine: 'native', workers: 2 });
  wasm = createOcrEngine({ workers: 2 });
});

afterAll(async () => {
  await Promise.all([native?.terminate(), wasm?.terminate()]);
});

/** A shell script standing in for the program: `body` runs first, then the real tesseract. */
function fakeProgram(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-tesseract-'));
  const file = join(dir, 'tesseract');
  writeFileSync(file, `#!/bin/sh\n[ "$1" = --version ] && exec tesseract --version\n${body}\nexec tesseract "$@"\n`);
  chmodSync(file, 0o755);
  return file;
}

describe.skipIf(!haveTesseract)('native OCR engine', () => {
  it('reads the generated scan as accurately as tesseract.js, in the same shape', async () => {
    const [n, w] = await Promise.all([ocrPdfPages('scan.pdf', doc.scanPdf, [1, 2], native), ocrPdfPages('scan.pdf', doc.scanPdf, [1, 2], wasm)]);
    const text = (r: typeof n) => r.pages.map((p) => p.text).join('\n');
    const cn = cer(doc.references.join('\n'), text(n));
    const cw = cer(doc.references.join('\n'), text(w));
    console.log(
      `CER native ${(cn * 100).toFixed(2)} %, tesseract.js ${(cw * 100).toFixed(2)} %; between them ${(cer(text(w), text(n)) * 100).toFixed(2)} %`,
    );
    expect(cn).toBeLessThanOrEqual(0.005);
    expect(cer(text(w), text(n))).toBeLessThanOrEqual(0.01);
    for (const [i, p] of n.pages.entries()) {
      const q = w.pages[i];
      expect(p.method).toBe('ocr');
      expect(p.confidence).toBeGreaterThan(0.8);
      // the same lines and word positions (points), within a few points; tesseract.js's tree puts a page's
      // lines in fewer paragraphs than the program's TSV, so the blank lines between them may differ
      const lines = (t: string) => t.split('\n').filter((l) => l.trim() !== '');
      expect(lines(p.text).length).toBe(lines(q.text).length);
      expect(p.items!.length).toBeGreaterThan(0.95 * q.items!.length);
      const [a, b] = [p.items![0], q.items![0]];
      expect(a.str).toBe(b.str);
      expect(Math.abs(a.x - b.x)).toBeLessThan(2);
      expect(Math.abs(a.y - b.y)).toBeLessThan(3);
      expect(Math.abs(a.fontSize - b.fontSize)).toBeLessThan(2);
    }
  }, 120_000);

  it('puts the % signs of an indicator table back with the second model', async () => {
    const plan = PLANS.find((p) => p.key === 'hemtjanst' && p.year === 2022)!;
    const [page] = await renderPages(new Uint8Array(await renderPdf(plan)), [3], 200);
    const { pages, warnings } = await extractImage('p.png', page.png, { engine: native });
    expect(warnings.filter((w) => w.rule === 'ocr-number-reread-failed')).toEqual([]);
    expect(warnings.filter((w) => w.rule === 'ocr-number-reread').length).toBeGreaterThan(0);
    expect(pages[0].text).toMatch(/nöjda med sin insats 90 ?% 90 ?%/);
  }, 60_000);

  it('a file that is no image is a failed page with the program’s reason; the next page is read', async () => {
    const line = (await renderPages(doc.scanPdf, [1], 100))[0].png;
    const [bad, good] = await Promise.all([native.recognize(new TextEncoder().encode('not an image'), 1), native.recognize(line, 2)]);
    expect(bad.error).toMatch(/^ocr-error: tesseract failed \(exit \d+\)/);
    expect(bad.text).toBe('');
    expect(good.error).toBeNull();
    expect(good.text).toMatch(/Vårdcentralen/);
  }, 60_000);

  it('a crashed process is run once more; one that crashes again is a failed page', async () => {
    const img = (await renderPages(doc.scanPdf, [2], 100))[0].png;
    const mark = join(mkdtempSync(join(tmpdir(), 'crash-once-')), 'crashed');
    const once = createOcrEngine({
      engine: 'native',
      workers: 1,
      numberLang: null,
      program: fakeProgram(`[ -e ${mark} ] || { touch ${mark}; kill -SEGV $$; }`),
    });
    const always = createOcrEngine({ engine: 'native', workers: 1, numberLang: null, program: fakeProgram('kill -SEGV $$') });
    try {
      const r1 = await once.recognize(img, 1);
      expect(r1.error).toBeNull();
      expect(r1.text).toMatch(/Äldreboendet/);
      const r2 = await always.recognize(img, 1);
      expect(r2.error).toBe('ocr-error: tesseract died (SIGSEGV), twice');
    } finally {
      await Promise.all([once.terminate(), always.terminate()]);
    }
  }, 60_000);

  it('a page over the time limit is failed; a pool stopped with pages in flight settles every page', async () => {
    const img = (await renderPages(doc.scanPdf, [1], 100))[0].png;
    const hung = createOcrEngine({ engine: 'native', workers: 1, pageTimeoutMs: 500, program: fakeProgram('sleep 30') });
    try {
      const r = await hung.recognize(img, 1);
      expect(r.error).toBe('timeout after 500 ms');
    } finally {
      await hung.terminate();
    }
    const pool = createOcrEngine({ engine: 'native', workers: 2 });
    const pages = Array.from({ length: 6 }, (_, k) => pool.recognize(img, k + 1));
    await pages[0];
    await pool.terminate();
    const results = await Promise.all(pages);
    expect(results[0].error).toBeNull();
    for (const r of results) expect(r.error === null || /OCR engine is terminated/.test(r.error)).toBe(true);
    expect(results.some((r) => r.error !== null)).toBe(true);
  }, 60_000);

  it('without the program, setup fails at once with what to install', () => {
    expect(() => createOcrEngine({ engine: 'native', program: '/nonexistent/tesseract' })).toThrow(OcrSetupError);
    expect(() => createOcrEngine({ engine: 'native', program: '/nonexistent/tesseract' })).toThrow(
      /apt-get install tesseract-ocr.*--ocr-engine wasm/,
    );
  });
});

describe('tesseract TSV', () => {
  it('is read into blocks, paragraphs, lines and words, with a baseline from the words without descenders', () => {
    const rows = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t1000\t1000\t-1\t',
      '2\t1\t1\t0\t0\t0\t10\t10\t500\t100\t-1\t',
      '3\t1\t1\t1\t0\t0\t10\t10\t500\t100\t-1\t',
      '4\t1\t1\t1\t1\t0\t10\t10\t300\t40\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t10\t100\t30\t96.5\tHej',
      '5\t1\t1\t1\t1\t2\t120\t12\t100\t38\t90\tgrupp',
      '5\t1\t1\t1\t1\t3\t230\t11\t80\t29\t91\tdär',
      '3\t1\t1\t2\t0\t0\t10\t60\t500\t40\t-1\t',
      '4\t1\t1\t2\t1\t0\t10\t60\t200\t40\t-1\t',
      '5\t1\t1\t2\t1\t1\t10\t60\t200\t40\t-1\t ',
      '',
    ].join('\n');
    const tree = treeFromTsv(rows);
    expect(tree.blocks).toHaveLength(1);
    const [p1, p2] = tree.blocks![0].paragraphs;
    expect(p1.lines[0].words.map((w) => w.text)).toEqual(['Hej', 'grupp', 'där']);
    expect(p1.lines[0].words[0]).toEqual({ text: 'Hej', confidence: 96.5, bbox: { x0: 10, y0: 10, x1: 110, y1: 40 } });
    expect(p1.lines[0].bbox).toEqual({ x0: 10, y0: 10, x1: 310, y1: 50 });
    // `grupp` reaches below the line; `Hej` and `där` end at 40: the baseline
    expect(p1.lines[0].baseline).toEqual({ y0: 40, y1: 40 });
    expect(p2.lines[0].words[0].confidence).toBe(0);
    expect(tree.text).toBe('Hej grupp där\n\n \n');
    expect(() => treeFromTsv('Hej\n')).toThrow(/not tesseract TSV/);
  });
});
