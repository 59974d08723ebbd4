// Damaged PDFs that pdf.js cannot read are rebuilt by qpdf and read again, with a `pdf-repaired`
// warning; what qpdf cannot rebuild stays `corrupt`, saying repair was tried. The damage is done to a
// PDF made here, in two ways pdf.js does not survive and qpdf does (by experiment: pdf.js itself survives
// a wrong startxref, wrong xref offsets, missing endobj and wrong stream lengths; a file cut short loses
// pdfmake's catalog and trailer, written last, which neither can rebuild).
// Needs Debian qpdf (installed by .ci/run).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../extractors/index.js';
import type { Extraction } from '../model/document.js';
import { makePdf, PARAGRAPHS } from './helpers/make-pdf.js';
import { planError } from './helpers/plan-error.js';

const latin1 = (data: Uint8Array) => Buffer.from(data).toString('latin1');

/**
 * NUL bytes before every object header: the xref offsets all miss, and pdf.js's scan for objects (which
 * takes only space, tab, CR and LF for white space) finds none; for qpdf NUL is white space, as in the
 * PDF spec.
 */
const nulBeforeObjects = (pdf: Uint8Array) => Buffer.from(latin1(pdf).replace(/\n(\d+ 0 obj)/g, '\n\0\0\0$1'), 'latin1');

/** Every `endstream` blanked out: pdf.js opens the file but reads no page; qpdf rebuilds the streams. */
const withoutEndstream = (pdf: Uint8Array) => Buffer.from(latin1(pdf).replaceAll('endstream', ' '.repeat(9)), 'latin1');

/** A PDF header and then bytes of no PDF at all (a fixed pseudo-random sequence). */
function junkPdf(): Buffer {
  let x = 2463534242;
  const bytes = Array.from({ length: 4096 }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
  return Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), Buffer.from(bytes)]);
}

/** Runs `f` with qpdf gone from PATH, as on a machine without the package. */
async function withoutQpdf<T>(f: () => Promise<T>): Promise<T> {
  const path = process.env.PATH;
  process.env.PATH = dir;
  try {
    return await f();
  } finally {
    process.env.PATH = path;
  }
}

let dir: string;
let clean: Extraction;
let files: { nul: string; endstream: string; junk: string };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pdf-repair-'));
  const pdf = await makePdf({
    content: [
      { text: 'Verksamhetsplan för förskolan Lönnen', bold: true, fontSize: 14, margin: [0, 0, 0, 8] },
      { text: PARAGRAPHS[0], pageBreak: 'after' },
      { text: PARAGRAPHS[1] },
    ],
  });
  const original = join(dir, 'plan.pdf');
  await writeFile(original, pdf);
  clean = await extractFile(original);
  files = { nul: join(dir, 'nul.pdf'), endstream: join(dir, 'endstream.pdf'), junk: join(dir, 'junk.pdf') };
  await writeFile(files.nul, nulBeforeObjects(pdf));
  await writeFile(files.endstream, withoutEndstream(pdf));
  await writeFile(files.junk, junkPdf());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a damaged PDF qpdf can rebuild', () => {
  it('the undamaged PDF reads without a repair', () => {
    expect(clean.pages).toHaveLength(2);
    expect(clean.pages[0].text).toContain('Förskolan Lönnen på Åsvägen');
    expect(clean.warnings).toEqual([]);
  });

  it('NUL bytes before the objects: pdf.js cannot open it, the rebuilt file reads as the original', async () => {
    const x = await extractFile(files.nul);
    expect(x.pages.map((p) => p.text)).toEqual(clean.pages.map((p) => p.text));
    expect(x.warnings).toEqual([
      {
        stage: 'extract',
        rule: 'pdf-repaired',
        message: expect.stringMatching(/^qpdf rebuilt the file structure of a damaged PDF \(corrupt PDF: .+\).*text may be missing$/),
        page: null,
        line: null,
      },
    ]);
  });

  it('no endstream: pdf.js opens it but reads no page, the rebuilt file reads as the original', async () => {
    const x = await extractFile(files.endstream);
    expect(x.pages.map((p) => p.text)).toEqual(clean.pages.map((p) => p.text));
    expect(x.warnings.map((w) => w.rule)).toEqual(['pdf-repaired']);
    expect(x.warnings[0].message).toMatch(/damaged PDF \(no page could be read: page 1 could not be read: /);
  });

  it('without qpdf, both stay corrupt, saying qpdf is not installed', async () => {
    const e1 = await withoutQpdf(() => planError(extractFile(files.nul)));
    expect(e1.rule).toBe('corrupt');
    expect(e1.reason).toMatch(/^corrupt PDF: .+ \(no repair tried: qpdf is not installed/);
    const e2 = await withoutQpdf(() => planError(extractFile(files.endstream, { ocr: 'never' })));
    expect(e2.rule).toBe('corrupt');
    expect(e2.reason).toMatch(/^no page could be read: page 1 could not be read: .+ \(no repair tried: qpdf is not installed/);
  });
});

describe('damage qpdf cannot rebuild', () => {
  it('random bytes after a PDF header stay corrupt, saying repair was tried', async () => {
    const e = await planError(extractFile(files.junk));
    expect(e.rule).toBe('corrupt');
    expect(e.file).toBe(files.junk);
    expect(e.reason).toMatch(/^corrupt PDF: .+ \(qpdf repair tried: .+\)$/);
    expect(e.reason).not.toContain(dir);
  });
});
