// OCR speed and accuracy on a generated scan (six A4 pages of Swedish prose and a small table, rendered
// at 300 dpi, grey paper, 0.4° skew and speckles, then an image-only PDF — test/helpers/scan.ts):
// - tesseract.js (the pool of extractors/ocr/engine.ts, 2 workers) against native `tesseract IMG - -l
//   swe --oem 1` with OMP_THREAD_LIMIT=1, two processes at a time, on the same page images rendered at
//   200 dpi, and with the same model (the tesseract.js package's swe.traineddata, gunzipped for the
//   native binary): seconds/page, pages/s, the ratio, and CER of each;
// - the render resolution: CER and seconds/page (render + OCR) of tesseract.js at 150/200/250/300 dpi.
// Needs the Debian tesseract-ocr package for the native half (skipped, with NaN, when missing).
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFParse } from 'pdf-parse';
import { gunzipSync } from 'node:zlib';
import { createOcrEngine, defaultLangPath, type OcrEngine } from '../../extractors/ocr/engine.js';
import { DEFAULT_OCR_DPI, renderPages, type RenderedPage } from '../../extractors/ocr/render.js';
import { BENCH_PARAGRAPHS, SCAN_PARAGRAPHS, cer, makeScannedPdf } from '../../test/helpers/scan.js';

const run = promisify(execFile);

async function timeAll<T>(items: T[], concurrency: number, fn: (item: T) => Promise<string>): Promise<{ seconds: number; texts: string[] }> {
  const texts: string[] = new Array(items.length);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        texts[i] = await fn(items[i]);
      }
    }),
  );
  return { seconds: (performance.now() - t0) / 1000, texts };
}

function docCer(refs: string[], texts: string[]): number {
  return cer(refs.join('\n'), texts.join('\n'));
}

async function pageCount(pdf: Uint8Array): Promise<number> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getInfo()).total;
  } finally {
    await parser.destroy();
  }
}

const r3 = (v: number): number => Math.round(v * 1000) / 1000;
const r5 = (v: number): number => Math.round(v * 100000) / 100000;

export interface OcrBenchOptions {
  dpis?: number[];
  /** print a report to stdout; default true */
  print?: boolean;
}

export async function runOcrBench(opts: OcrBenchOptions = {}): Promise<Record<string, number>> {
  const print = opts.print ?? true;
  const dpis = opts.dpis ?? [150, 200, 250, 300];
  const paragraphs = [...SCAN_PARAGRAPHS, ...BENCH_PARAGRAPHS];
  const doc = await makeScannedPdf(300, {}, paragraphs);
  const pageNums = paragraphs.map((_, i) => i + 1);
  const refs = doc.references;
  const out: Record<string, number> = { pages: pageNums.length };

  const engine: OcrEngine = createOcrEngine({ workers: 2 });
  const dir = mkdtempSync(join(tmpdir(), 'ocr-bench-'));
  try {
    // warm the pool (worker start and model load are a one-off per worker, not per page)
    const tStart = performance.now();
    const [warm] = await renderPages(doc.scanPdf, [1], 72);
    await Promise.all([engine.recognize(warm.png, 0), engine.recognize(warm.png, 0)]);
    out.tesseractjs_warmup_s = r3((performance.now() - tStart) / 1000);

    // ---- tesseract.js vs native on the same 200 dpi images ----
    const pages: RenderedPage[] = await renderPages(doc.scanPdf, pageNums, DEFAULT_OCR_DPI);
    const paths = pages.map((p) => {
      const f = join(dir, `page-${p.num}.png`);
      writeFileSync(f, p.png);
      return f;
    });
    const js = await timeAll(pages, 2, async (p) => (await engine.recognize(p.png, p.num)).text);
    const jsRaw = await timeAll(pages, 2, async (p) => (await engine.recognize(p.png, p.num)).rawText);
    out.tesseractjs_s_per_page = r3(js.seconds / pages.length);
    out.tesseractjs_pages_per_s = r3(pages.length / js.seconds);
    out.tesseractjs_cer = r5(docCer(refs, js.texts));
    out.tesseractjs_raw_cer = r5(docCer(refs, jsRaw.texts));

    const haveNative = spawnSync('tesseract', ['--version']).status === 0;
    if (haveNative) {
      const tessdata = join(dir, 'tessdata');
      spawnSync('mkdir', ['-p', tessdata]);
      writeFileSync(join(tessdata, 'swe.traineddata'), gunzipSync(readFileSync(join(defaultLangPath(), 'swe.traineddata.gz'))));
      const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
      const native = (model: string[]) => (f: string) =>
        run('tesseract', [f, '-', '-l', 'swe', '--oem', '1', ...model], { env, maxBuffer: 1 << 24 }).then((r) => r.stdout);
      const nat = await timeAll(paths, 2, native(['--tessdata-dir', tessdata]));
      out.native_s_per_page = r3(nat.seconds / pages.length);
      out.native_pages_per_s = r3(pages.length / nat.seconds);
      out.native_cer = r5(docCer(refs, nat.texts));
      out.tesseractjs_vs_native_time_ratio = r3(js.seconds / nat.seconds);
      // the Debian package's own model (tesseract-ocr-swe), for reference
      const deb = await timeAll(paths, 2, native([]));
      out.native_debian_model_s_per_page = r3(deb.seconds / pages.length);
      out.native_debian_model_cer = r5(docCer(refs, deb.texts));
    } else {
      out.native_s_per_page = Number.NaN;
    }

    // ---- render resolution: render + OCR per page, and CER; 11 pt body text and 8 pt small print ----
    const small = await makeScannedPdf(300, {}, paragraphs, 8);
    for (const [label, d] of [['', doc], ['small8pt_', small]] as const) {
      const nums = Array.from({ length: await pageCount(d.scanPdf) }, (_, i) => i + 1);
      for (const dpi of dpis) {
        const t0 = performance.now();
        const texts: string[] = [];
        const pending: Array<Promise<void>> = [];
        await renderPages(d.scanPdf, nums, dpi, (p) => {
          pending.push(engine.recognize(p.png, p.num).then((r) => void (texts[p.num - 1] = r.text)));
        }, false);
        await Promise.all(pending);
        const s = (performance.now() - t0) / 1000;
        out[`${label}dpi${dpi}_s_per_page`] = r3(s / nums.length);
        out[`${label}dpi${dpi}_cer`] = r5(docCer([refs.join('\n')], [texts.join('\n')]));
      }
    }
  } finally {
    await engine.terminate();
    rmSync(dir, { recursive: true, force: true });
  }

  if (print) {
    const pct = (v: number): string => `${(v * 100).toFixed(2)} %`;
    console.log(`OCR bench: ${out.pages} generated scan pages (Swedish prose + table), images at ${DEFAULT_OCR_DPI} dpi`);
    console.log(`  tesseract.js pool (2 workers): ${out.tesseractjs_s_per_page} s/page, ${out.tesseractjs_pages_per_s} pages/s, CER ${pct(out.tesseractjs_cer)} (raw, before noise-word filter: ${pct(out.tesseractjs_raw_cer)}); warm-up ${out.tesseractjs_warmup_s} s`);
    if (Number.isFinite(out.native_s_per_page)) {
      console.log(`  native tesseract (2 processes, OMP_THREAD_LIMIT=1, same model): ${out.native_s_per_page} s/page, ${out.native_pages_per_s} pages/s, CER ${pct(out.native_cer)}`);
      console.log(`  native, Debian tesseract-ocr-swe model: ${out.native_debian_model_s_per_page} s/page, CER ${pct(out.native_debian_model_cer)}`);
      console.log(`  time ratio tesseract.js / native: ${out.tesseractjs_vs_native_time_ratio}`);
    } else console.log('  native tesseract not installed: skipped');
    for (const dpi of dpis) {
      console.log(`  ${dpi} dpi: render+OCR ${out[`dpi${dpi}_s_per_page`]} s/page, CER ${pct(out[`dpi${dpi}_cer`])}; 8 pt print: ${out[`small8pt_dpi${dpi}_s_per_page`]} s/page, CER ${pct(out[`small8pt_dpi${dpi}_cer`])}`);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runOcrBench().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
