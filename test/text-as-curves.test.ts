// Text drawn as curves: a text PDF whose glyphs ghostscript turned into outlines (`-dNoOutputFonts`,
// what "convert text to outlines" produces) has no text layer at all, yet is no scan. The per-page
// decision must say so (`text-as-curves`, not `no-text-layer`), and OCR must read it back.
// Needs Debian ghostscript (installed by .ci/run).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrEngine, type OcrEngine } from '../extractors/ocr/engine.js';
import { readPdfPages } from '../extractors/pdf.js';
import { extractPdfWithOcr } from '../extractors/scan.js';
import { PlanError } from '../model/document.js';
import { vectorOnlyPdf } from './helpers/make-pdf.js';
import { cer, makeScannedPdf, makeTextPdf, scanReference, SCAN_PARAGRAPHS } from '../bench/fixtures-scan.js';

const dir = mkdtempSync(join(tmpdir(), 'curves-'));

/** The same PDF with every glyph drawn as a filled path (ghostscript pdfwrite, NoOutputFonts). */
function outline(pdf: Uint8Array): Uint8Array {
  const src = join(dir, 'in.pdf');
  const out = join(dir, 'out.pdf');
  writeFileSync(src, pdf);
  const r = spawnSync('gs', ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-sDEVICE=pdfwrite', '-dNoOutputFonts', `-sOutputFile=${out}`, src], {
    encoding: 'utf8',
  });
  if (r.error || r.status !== 0) throw new Error(`ghostscript failed (apt-get install ghostscript): ${r.error?.message ?? r.stderr}`);
  return new Uint8Array(readFileSync(out));
}

let engine: OcrEngine;
let textPdf: Uint8Array;
let curvesPdf: Uint8Array;
const pagesUsed = SCAN_PARAGRAPHS.slice(0, 2);

beforeAll(async () => {
  engine = createOcrEngine({ workers: 2 });
  textPdf = await makeTextPdf(pagesUsed);
  curvesPdf = outline(textPdf);
}, 60_000);

afterAll(async () => {
  await engine?.terminate();
  rmSync(dir, { recursive: true, force: true });
});

describe('text drawn as curves', () => {
  it('has no text layer, and its pages draw hundreds of paths and no image', async () => {
    const { pages, drawing } = await readPdfPages('konturer.pdf', curvesPdf);
    expect(pages).toHaveLength(2);
    for (const p of pages) {
      expect(p.items).toEqual([]);
      expect(drawing.get(p.num)!.images).toBe(0);
      expect(drawing.get(p.num)!.paths).toBeGreaterThan(300);
    }
  });

  it('goes to OCR as text-as-curves and reads back within 1 % CER of the text', async () => {
    const { pages, warnings } = await extractPdfWithOcr('konturer.pdf', curvesPdf, { mode: 'auto', engine: () => engine });
    const reasons = warnings.filter((w) => w.rule === 'page-ocr').map((w) => w.message);
    expect(reasons).toEqual(['page 1: OCR (text-as-curves)', 'page 2: OCR (text-as-curves)']);
    expect(warnings.some((w) => w.rule === 'page-without-text')).toBe(false);
    for (const [i, p] of pages.entries()) {
      expect(p.method).toBe('ocr');
      expect(cer(scanReference(i, pagesUsed), p.text)).toBeLessThan(0.01);
    }
  }, 120_000);

  it('a scanned page (an image) and a page of a few shapes stay no-text-layer', async () => {
    const scan = await makeScannedPdf(150, {}, pagesUsed.slice(0, 1));
    const s = await readPdfPages('skannad.pdf', scan.scanPdf);
    expect(s.drawing.get(1)!.images).toBe(1);
    const shapes = await readPdfPages('former.pdf', await vectorOnlyPdf(1));
    expect(shapes.drawing.get(1)!.paths).toBeLessThan(20);
    for (const [name, pdf] of [
      ['skannad.pdf', scan.scanPdf],
      ['former.pdf', await vectorOnlyPdf(1)],
    ] as const) {
      const r = await extractPdfWithOcr(name, pdf, { mode: 'auto', engine: () => engine });
      expect(r.warnings.find((w) => w.rule === 'page-ocr')?.message).toBe('page 1: OCR (no-text-layer)');
    }
  }, 120_000);

  it('with --ocr never a curves-only PDF is refused as needs-ocr, naming the file', async () => {
    const e = await extractPdfWithOcr('konturer.pdf', curvesPdf, { mode: 'never', engine: () => engine }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PlanError);
    expect(e).toMatchObject({ file: 'konturer.pdf', code: 'needs-ocr' });
  });
});
