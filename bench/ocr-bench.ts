// OCR speed and accuracy on a generated scan (six A4 pages of Swedish prose and a small table, rendered
// at 300 dpi, grey paper, 0.4° skew and speckles, then an image-only PDF — bench/fixtures-scan.ts):
// - tesseract.js (the pool of extractors/ocr/engine.ts, 2 workers) against native `tesseract IMG - -l
//   swe --oem 1` with OMP_THREAD_LIMIT=1, two processes at a time, on the same page images rendered at
//   200 dpi, and with the same model (the tesseract.js package's swe.traineddata, gunzipped for the
//   native binary): seconds/page, pages/s, the ratio, and CER of each;
// - the render resolution: CER and seconds/page (render + OCR) of tesseract.js at 150/200/250/300 dpi.
// Needs the Debian tesseract-ocr package for the native half (skipped, with NaN, when missing).
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFParse } from 'pdf-parse';
import { gunzipSync } from 'node:zlib';
import { createOcrEngine, defaultLangPath, type OcrEngine } from '../extractors/ocr/engine.js';
import { DEFAULT_OCR_DPI, renderPages, type RenderedPage } from '../extractors/ocr/render.js';
import { BENCH_PARAGRAPHS, SCAN_PARAGRAPHS, cer, makeScannedPdf } from './fixtures-scan.js';

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
  const out: Record<string, number> = { 'ocr.pages': pageNums.length };

  const engine: OcrEngine = createOcrEngine({ workers: 2 });
  const dir = mkdtempSync(join(tmpdir(), 'ocr-bench-'));
  try {
    // warm the pool (worker start and model load are a one-off per worker, not per page)
    const tStart = performance.now();
    const [warm] = await renderPages(doc.scanPdf, [1], 72);
    await Promise.all([engine.recognize(warm.png, 0), engine.recognize(warm.png, 0)]);
    out['ocr.tesseractjs_warmup_s'] = r3((performance.now() - tStart) / 1000);

    // ---- tesseract.js vs native on the same 200 dpi images ----
    const pages: RenderedPage[] = await renderPages(doc.scanPdf, pageNums, DEFAULT_OCR_DPI);
    const paths = pages.map((p) => {
      const f = join(dir, `page-${p.num}.png`);
      writeFileSync(f, p.png);
      return f;
    });
    const haveNative = spawnSync('tesseract', ['--version']).status === 0;
    const tessdata = join(dir, 'tessdata');
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const native = (model: string[]) => (f: string) =>
      run('tesseract', [f, '-', '-l', 'swe', '--oem', '1', ...model], { env, maxBuffer: 1 << 24 }).then((r) => r.stdout);
    if (haveNative) {
      mkdirSync(tessdata, { recursive: true });
      writeFileSync(join(tessdata, 'swe.traineddata'), gunzipSync(readFileSync(join(defaultLangPath(), 'swe.traineddata.gz'))));
    }
    // two interleaved rounds (tesseract.js, native, tesseract.js, native), the faster round of each
    // counts: the machine is shared, and interleaving exposes both to the same background load
    let js = { seconds: Infinity, texts: [] as string[] };
    let nat = { seconds: Infinity, texts: [] as string[] };
    let jsRaw: string[] = [];
    for (let round = 0; round < 2; round++) {
      const raw: string[] = [];
      const j = await timeAll(pages, 2, async (p) => {
        const r = await engine.recognize(p.png, p.num);
        raw[p.num - 1] = r.rawText;
        return r.text;
      });
      if (j.seconds < js.seconds) [js, jsRaw] = [j, raw];
      if (haveNative) {
        const n = await timeAll(paths, 2, native(['--tessdata-dir', tessdata]));
        if (n.seconds < nat.seconds) nat = n;
      }
    }
    out['ocr.tesseractjs_s_per_page'] = r3(js.seconds / pages.length);
    out['ocr.tesseractjs_pages_per_s'] = r3(pages.length / js.seconds);
    out['ocr.cer_tesseractjs'] = r5(docCer(refs, js.texts));
    out['ocr.cer_tesseractjs_raw'] = r5(docCer(refs, jsRaw));
    if (haveNative) {
      out['ocr.native_s_per_page'] = r3(nat.seconds / pages.length);
      out['ocr.native_pages_per_s'] = r3(pages.length / nat.seconds);
      out['ocr.cer_native'] = r5(docCer(refs, nat.texts));
      out['ocr.throughput_vs_native'] = r3(nat.seconds / js.seconds);
      out['ocr.time_ratio_vs_native'] = r3(js.seconds / nat.seconds);
      // the Debian package's own model (tesseract-ocr-swe), for reference, where it is installed
      if (spawnSync('tesseract', ['--list-langs']).stdout?.toString().split('\n').includes('swe')) {
        const deb = await timeAll(paths, 2, native([]));
        out['ocr.native_debian_model_s_per_page'] = r3(deb.seconds / pages.length);
        out['ocr.cer_native_debian_model'] = r5(docCer(refs, deb.texts));
      }
    }

    // ---- render resolution: render + OCR per page, and CER; 11 pt body text and 8 pt small print ----
    const small = await makeScannedPdf(300, {}, paragraphs, 8);
    for (const [label, d] of [
      ['', doc],
      ['small8pt_', small],
    ] as const) {
      const nums = Array.from({ length: await pageCount(d.scanPdf) }, (_, i) => i + 1);
      for (const dpi of dpis) {
        const t0 = performance.now();
        const texts: string[] = [];
        const pending: Array<Promise<void>> = [];
        await renderPages(
          d.scanPdf,
          nums,
          dpi,
          (p) => {
            pending.push(
              engine.recognize(p.png, p.num).then((r) => {
                texts[p.num - 1] = r.text;
              }),
            );
          },
          false,
        );
        await Promise.all(pending);
        const s = (performance.now() - t0) / 1000;
        out[`ocr.${label}dpi${dpi}_s_per_page`] = r3(s / nums.length);
        out[`ocr.${label}dpi${dpi}_cer`] = r5(docCer([refs.join('\n')], [texts.join('\n')]));
      }
    }
  } finally {
    await engine.terminate();
    rmSync(dir, { recursive: true, force: true });
  }

  if (print) {
    const pct = (v: number): string => `${(v * 100).toFixed(2)} %`;
    const o = (k: string): number => out[`ocr.${k}`];
    console.log(`OCR bench: ${o('pages')} generated scan pages (Swedish prose + table), images at ${DEFAULT_OCR_DPI} dpi`);
    console.log(
      `  tesseract.js pool (2 workers): ${o('tesseractjs_s_per_page')} s/page, ${o('tesseractjs_pages_per_s')} pages/s, CER ${pct(o('cer_tesseractjs'))} (before the noise-word filter: ${pct(o('cer_tesseractjs_raw'))}); warm-up ${o('tesseractjs_warmup_s')} s`,
    );
    if (o('native_s_per_page') !== undefined) {
      console.log(
        `  native tesseract (2 processes, OMP_THREAD_LIMIT=1, same model): ${o('native_s_per_page')} s/page, ${o('native_pages_per_s')} pages/s, CER ${pct(o('cer_native'))}`,
      );
      if (o('native_debian_model_s_per_page') !== undefined) {
        console.log(
          `  native, Debian tesseract-ocr-swe model: ${o('native_debian_model_s_per_page')} s/page, CER ${pct(o('cer_native_debian_model'))}`,
        );
      } else console.log('  native, Debian tesseract-ocr-swe model: not installed, skipped');
      console.log(`  tesseract.js / native: time ${o('time_ratio_vs_native')}, throughput ${o('throughput_vs_native')}`);
    } else console.log('  native tesseract not installed: skipped');
    for (const dpi of dpis) {
      console.log(
        `  ${dpi} dpi: render+OCR ${o(`dpi${dpi}_s_per_page`)} s/page, CER ${pct(o(`dpi${dpi}_cer`))}; 8 pt print: ${o(`small8pt_dpi${dpi}_s_per_page`)} s/page, CER ${pct(o(`small8pt_dpi${dpi}_cer`))}`,
      );
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
