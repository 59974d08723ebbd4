// OCR engine: a bounded pool of tesseract.js workers (Swedish, LSTM only), offline by construction.
//
// Why our own pool on p-queue rather than tesseract.js's `createScheduler`: the scheduler cannot take a
// worker out of rotation, so it can neither recycle a worker after N pages (tesseract's WASM heap only
// grows) nor replace a worker that hung past its page timeout. Here p-queue bounds the concurrency to
// the number of slots, each slot owns one worker, and a slot whose worker timed out, failed or reached
// its page budget is terminated and lazily recreated for its next page.
//
// No network, ever: tesseract.js fetches `<langPath>/swe.traineddata[.gz]` from a CDN when `langPath` is
// unset or a URL, and an unreadable local file makes the worker reject outside any promise of ours. So
// the traineddata file is resolved and checked before any worker exists; a missing one is a clear
// `OcrSetupError`, never a download attempt. The core (WASM) and worker script are `require`d locally.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import PQueue from 'p-queue';
import Tesseract from 'tesseract.js';
import { keepWords, medianWordHeight } from './clean.js';
import { applyReadings, numberSpans, readingsByRow, stackCrops, type NumberFix } from './numbers.js';

const { createWorker, OEM } = Tesseract;

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  /** pixels of the recognised image, y from the top */
  bbox: OcrBox;
  /** index of the word's line within the page (0-based, reading order) */
  line: number;
}

export interface OcrLine {
  text: string;
  confidence: number;
  bbox: OcrBox;
  /** mean y of the line's baseline in image pixels */
  baselineY: number;
  /** 1-based line number of this line in the result's `text` */
  textLine: number;
}

export interface OcrResult {
  page: number;
  /** tesseract's lines, one per text line, a blank line between paragraphs; noise words dropped */
  text: string;
  /** tesseract's own text, before noise words were dropped */
  rawText: string;
  /** how many noise words (speckles, rules, unsure symbols) were dropped; see clean.ts */
  noiseWords: number;
  /** mean word confidence 0..1 over the kept words (0 when nothing was read) */
  confidence: number;
  words: OcrWord[];
  lines: OcrLine[];
  /** numbers read again by the second model (a `%` the first model cannot write); see numbers.ts */
  numberFixes: NumberFix[];
  /** why the second reading of the numbers could not be made (the page is kept as first read) */
  numberError?: string;
  /** set when the page failed (timeout, unreadable image, worker crash); text is then '' */
  error: string | null;
  ms: number;
}

export interface OcrEngine {
  recognize(image: Uint8Array, pageNum: number): Promise<OcrResult>;
  terminate(): Promise<void>;
  readonly size: number;
}

export interface TesseractEngineOptions {
  /** worker count; default os.availableParallelism() */
  workers?: number;
  /** terminate and recreate a worker after this many pages; default 50 */
  recycleAfter?: number;
  /** per-page limit in ms; a page over it is recorded as failed and its worker replaced; default 120 s */
  pageTimeoutMs?: number;
  /** limit for a worker to load the language data and initialise; default 60 s */
  startTimeoutMs?: number;
  /** directory holding swe.traineddata(.gz); default the @tesseract.js-data/swe package's 4.0.0_best_int */
  langPath?: string;
  lang?: string;
  /** the model that reads the page's numbers a second time (numbers.ts); null: no second reading.
   * Default 'eng' from the @tesseract.js-data/eng package (its 4.0.0_best_int). */
  numberLang?: string | null;
  numberLangPath?: string;
  /** tesseract parameters set on each worker, e.g. { user_defined_dpi: '200' } */
  parameters?: Record<string, string>;
}

export class OcrSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OcrSetupError';
  }
}

const require = createRequire(import.meta.url);

/** The default language directory: the installed @tesseract.js-data/swe package, best_int models. */
export function defaultLangPath(lang = 'swe'): string {
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  } catch {
    throw new OcrSetupError(
      `OCR language data for '${lang}' is not installed: package @tesseract.js-data/${lang} not found (npm install @tesseract.js-data/${lang}); OCR never downloads it`,
    );
  }
  return join(pkgDir, '4.0.0_best_int');
}

const validated = new Map<string, string>(); // file → size:mtime of a copy already checked

/**
 * Checks a traineddata container: an int32 entry count, then int64 offsets (-1 = absent) that increase
 * inside the file, with the LSTM model (entry 17) present. tesseract.js must never see a broken file:
 * its worker then fails initialisation in a way that leaves `createWorker` pending forever and throws
 * an uncaught TypeError from its message handler (tesseract.js 7, worker-script `initialize`).
 */
function checkContainer(data: Buffer, file: string): void {
  const bad = (why: string): never => {
    throw new OcrSetupError(`OCR language data ${file} is damaged (${why}); reinstall the language data package`);
  };
  if (data.length < 4 + 8) bad('too short');
  const n = data.readInt32LE(0);
  if (n < 1 || n > 64 || data.length < 4 + 8 * n) bad(`bad entry count ${n}`);
  let last = 4 + 8 * n - 1;
  let lstm = false;
  for (let i = 0; i < n; i++) {
    const off = Number(data.readBigInt64LE(4 + 8 * i));
    if (off === -1) continue;
    if (off <= last || off >= data.length) bad(`entry ${i} at offset ${off} is out of place`);
    last = off;
    if (i === 17) lstm = true;
  }
  if (!lstm) bad('no LSTM model in it');
}

/**
 * Finds `<dir>/<lang>.traineddata.gz` or `<dir>/<lang>.traineddata` and checks it can be loaded
 * (gunzips and reads the container header: ~20 ms, once per file version); throws OcrSetupError when
 * neither file exists or the one found is damaged.
 */
export function resolveTraineddata(langPath: string, lang = 'swe'): { file: string; gzip: boolean } {
  for (const [name, gzip] of [
    [`${lang}.traineddata.gz`, true],
    [`${lang}.traineddata`, false],
  ] as const) {
    const file = join(langPath, name);
    if (!existsSync(file)) continue;
    const st = statSync(file);
    if (!st.isFile()) throw new OcrSetupError(`OCR language data ${file} is not a file`);
    const stamp = `${st.size}:${st.mtimeMs}`;
    if (validated.get(file) === stamp) return { file, gzip };
    const raw = readFileSync(file);
    let data = raw;
    if (gzip) {
      if (raw[0] !== 0x1f || raw[1] !== 0x8b) throw new OcrSetupError(`OCR language data ${file} is not gzip data`);
      try {
        data = gunzipSync(raw);
      } catch (e) {
        throw new OcrSetupError(`OCR language data ${file} does not decompress (${(e as Error).message}); reinstall the language data package`);
      }
    }
    checkContainer(data, file);
    validated.set(file, stamp);
    return { file, gzip };
  }
  throw new OcrSetupError(
    `OCR language data not found: neither ${lang}.traineddata.gz nor ${lang}.traineddata in ${langPath}; OCR runs offline and will not download it`,
  );
}

// ---- exit handling: every live pool is terminated on SIGINT/SIGTERM/exit -------------------------

const livePools = new Set<TesseractPool>();
let signalsInstalled = false;
function onSignal(sig: NodeJS.Signals): void {
  const pools = [...livePools];
  void Promise.allSettled(pools.map((p) => p.terminate())).finally(() => {
    uninstallSignals();
    process.kill(process.pid, sig);
  });
}
function installSignals(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
function uninstallSignals(): void {
  if (!signalsInstalled) return;
  signalsInstalled = false;
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
}
process.on('exit', () => {
  for (const p of livePools) p.terminateSync();
});

// ---- the pool -----------------------------------------------------------------------------------

/** One worker of the pool: started on first use, retired after its page budget or a failure. */
interface Lane {
  worker: Tesseract.Worker | null;
  starting: Promise<Tesseract.Worker> | null;
}

interface Model {
  lang: string;
  langPath: string;
  gzip: boolean;
  parameters: Record<string, string>;
}

interface Slot {
  /** the page model */
  main: Lane;
  /** the number model (numbers.ts), when there is one */
  numbers: Lane;
  pages: number;
  busy: boolean;
}

class TesseractPool implements OcrEngine {
  readonly size: number;
  private readonly slots: Slot[];
  private readonly queue: PQueue;
  private readonly recycleAfter: number;
  private readonly pageTimeoutMs: number;
  private readonly startTimeoutMs: number;
  private readonly model: Model;
  private readonly numberModel: Model | null;
  private closed = false;
  private fatal: Error | null = null;

  constructor(opts: TesseractEngineOptions) {
    const lang = opts.lang ?? 'swe';
    const langPath = opts.langPath ?? defaultLangPath(lang);
    this.model = { lang, langPath, gzip: resolveTraineddata(langPath, lang).gzip, parameters: opts.parameters ?? {} };
    const numberLang = opts.numberLang === undefined ? 'eng' : opts.numberLang;
    if (numberLang) {
      const path = opts.numberLangPath ?? defaultLangPath(numberLang);
      // one uniform block of text: the stacked cut-outs (numbers.ts)
      this.numberModel = { lang: numberLang, langPath: path, gzip: resolveTraineddata(path, numberLang).gzip, parameters: { tessedit_pageseg_mode: '6' } };
    } else this.numberModel = null;
    this.size = Math.max(1, Math.floor(opts.workers ?? availableParallelism()));
    this.recycleAfter = Math.max(1, Math.floor(opts.recycleAfter ?? 50));
    this.pageTimeoutMs = opts.pageTimeoutMs ?? 120_000;
    this.startTimeoutMs = opts.startTimeoutMs ?? 60_000;
    const lane = (): Lane => ({ worker: null, starting: null });
    this.slots = Array.from({ length: this.size }, () => ({ main: lane(), numbers: lane(), pages: 0, busy: false }));
    this.queue = new PQueue({ concurrency: this.size });
    livePools.add(this);
    installSignals();
  }

  private async startWorker(model: Model): Promise<Tesseract.Worker> {
    // The file may have changed since construction; re-check so tesseract.js never falls back to fetching.
    resolveTraineddata(model.langPath, model.lang);
    // Without an errorHandler tesseract.js rethrows worker rejections from its message handler, i.e.
    // as an uncaught exception. With one, a failed start still leaves createWorker pending: the
    // handler's call is what ends the wait here (or the start timeout).
    let fail: (e: unknown) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    failed.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no worker after ${this.startTimeoutMs} ms`)), this.startTimeoutMs);
    });
    timeout.catch(() => undefined);
    const starting = createWorker(model.lang, OEM.LSTM_ONLY, {
      langPath: model.langPath,
      cacheMethod: 'none',
      gzip: model.gzip,
      errorHandler: (e: unknown) => fail(e),
    });
    try {
      const worker = await Promise.race([starting, failed, timeout]);
      if (Object.keys(model.parameters).length > 0) await worker.setParameters(model.parameters);
      return worker;
    } catch (e) {
      // should the worker come up after all, do not leave it running
      void starting.then((w) => w.terminate(), () => undefined);
      throw new OcrSetupError(`tesseract.js worker could not start: ${errText(e)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private async workerFor(lane: Lane, model: Model): Promise<Tesseract.Worker> {
    if (lane.worker) return lane.worker;
    if (!lane.starting) {
      lane.starting = this.startWorker(model).finally(() => {
        lane.starting = null;
      });
    }
    lane.worker = await lane.starting;
    return lane.worker;
  }

  private retire(slot: Slot): void {
    for (const lane of [slot.main, slot.numbers]) {
      const w = lane.worker;
      lane.worker = null;
      if (w) void w.terminate().catch(() => undefined);
    }
    slot.pages = 0;
  }

  /** The page's numbers read again by the number model (numbers.ts); `image` is a PNG or JPEG. */
  private async readNumbers(slot: Slot, image: Uint8Array, result: OcrResult): Promise<OcrResult> {
    if (!this.numberModel || result.words.length === 0) return result;
    const spans = numberSpans(result);
    if (spans.length === 0) return result;
    try {
      const stacked = await stackCrops(image, spans);
      const worker = await this.workerFor(slot.numbers, this.numberModel);
      const { data } = await worker.recognize(Buffer.from(stacked.png), {}, { blocks: true });
      const lines = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.map((l) => ({ text: l.text, y0: l.bbox.y0, y1: l.bbox.y1 }))));
      const { result: fixed, fixes } = applyReadings(result, spans, readingsByRow(lines, stacked.rows));
      return { ...fixed, numberFixes: fixes };
    } catch (e) {
      // a number worker that failed is replaced for the next page
      const w = slot.numbers.worker;
      slot.numbers.worker = null;
      if (w) void w.terminate().catch(() => undefined);
      return { ...result, numberError: errText(e) };
    }
  }

  recognize(image: Uint8Array, pageNum: number): Promise<OcrResult> {
    if (this.closed) return Promise.reject(new Error('OCR engine is terminated'));
    if (this.fatal) return Promise.reject(this.fatal);
    return this.queue.add(async () => {
      if (this.closed) throw new Error('OCR engine is terminated');
      if (this.fatal) throw this.fatal;
      const slot = this.slots.find((s) => !s.busy)!;
      slot.busy = true;
      const t0 = performance.now();
      try {
        let worker: Tesseract.Worker;
        try {
          worker = await this.workerFor(slot.main, this.model);
        } catch (e) {
          // a worker that cannot start will not start for the next page either: stop the pool
          this.fatal = e instanceof Error ? e : new Error(String(e));
          void this.terminate();
          throw this.fatal;
        }
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((res) => {
          timer = setTimeout(() => res('timeout'), this.pageTimeoutMs);
        });
        const buf = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
        // the cut-outs are made with @napi-rs/canvas, which reads PNG and JPEG (and crashes the process
        // on a TIFF): for other images tesseract's own greyscale copy of the page is cut instead
        const decodable = isPngOrJpeg(image);
        const job = worker
          .recognize(buf, {}, { text: true, blocks: true, imageGrey: !decodable && this.numberModel !== null })
          .then((r) => {
            const page = decodable ? image : dataUrlBytes(r.data.imageGrey);
            const res = toResult(pageNum, r.data, t0);
            return page ? this.readNumbers(slot, page, res) : res;
          });
        job.catch(() => undefined); // settled below or abandoned after a timeout
        let outcome: OcrResult | 'timeout';
        try {
          outcome = await Promise.race([job, timeout]);
        } catch (e) {
          this.retire(slot);
          return failed(pageNum, `ocr-error: ${errText(e)}`, t0);
        } finally {
          clearTimeout(timer);
        }
        if (outcome === 'timeout') {
          // the only way to stop a running recognition is to kill its worker
          this.retire(slot);
          return failed(pageNum, `timeout after ${this.pageTimeoutMs} ms`, t0);
        }
        slot.pages++;
        if (slot.pages >= this.recycleAfter) this.retire(slot);
        return { ...outcome, ms: performance.now() - t0 };
      } finally {
        slot.busy = false;
      }
    }) as Promise<OcrResult>;
  }

  async terminate(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue.clear();
    livePools.delete(this);
    if (livePools.size === 0) uninstallSignals();
    const lanes = this.slots.flatMap((s) => [s.main, s.numbers]);
    const starting = lanes.map((l) => l.starting).filter((p): p is Promise<Tesseract.Worker> => p !== null);
    const workers = lanes.map((l) => l.worker).filter((w): w is Tesseract.Worker => w !== null);
    for (const l of lanes) l.worker = null;
    await Promise.allSettled(workers.map((w) => w.terminate()));
    // workers still booting are terminated once they are up
    await Promise.allSettled(starting.map((p) => p.then((w) => w.terminate())));
  }

  /** for process 'exit': no promises, just stop the threads */
  terminateSync(): void {
    for (const l of this.slots.flatMap((s) => [s.main, s.numbers])) {
      if (l.worker) void l.worker.terminate();
      l.worker = null;
    }
  }
}

function isPngOrJpeg(b: Uint8Array): boolean {
  return (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff);
}

function dataUrlBytes(url: string | null | undefined): Uint8Array | null {
  const m = url ? /^data:image\/png;base64,(.*)$/s.exec(url) : null;
  return m ? new Uint8Array(Buffer.from(m[1], 'base64')) : null;
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function failed(page: number, error: string, t0: number): OcrResult {
  return { page, text: '', rawText: '', confidence: 0, words: [], lines: [], noiseWords: 0, numberFixes: [], error, ms: performance.now() - t0 };
}

function toResult(page: number, data: Tesseract.Page, t0: number): OcrResult {
  // structure first, then drop noise words against the page's median word height
  const all: Array<{ para: number; line: Tesseract.Line; words: Tesseract.Word[] }> = [];
  let para = 0;
  for (const block of data.blocks ?? []) {
    for (const p of block.paragraphs) {
      for (const line of p.lines) all.push({ para, line, words: line.words.filter((w) => w.text.trim() !== '') });
      para++;
    }
  }
  const flat = all.flatMap((l) => l.words.map((w) => ({ text: w.text, confidence: w.confidence / 100, bbox: w.bbox })));
  const h = medianWordHeight(flat);
  const words: OcrWord[] = [];
  const lines: OcrLine[] = [];
  const textLines: string[] = [];
  let lastPara = -1;
  let dropped = 0;
  for (const { para: pi, line, words: ws } of all) {
    const kept = keepWords(
      ws.map((w) => ({ text: w.text, confidence: w.confidence / 100, bbox: w.bbox, w })),
      h,
    ).map((k) => k.w);
    dropped += ws.length - kept.length;
    if (kept.length === 0) continue;
    const idx = lines.length;
    const bl = line.baseline;
    const baselineY = bl && Number.isFinite(bl.y0) && Number.isFinite(bl.y1) ? (bl.y0 + bl.y1) / 2 : line.bbox.y1;
    const text = kept.map((w) => w.text).join(' ');
    const bbox = {
      x0: Math.min(...kept.map((w) => w.bbox.x0)),
      y0: Math.min(...kept.map((w) => w.bbox.y0)),
      x1: Math.max(...kept.map((w) => w.bbox.x1)),
      y1: Math.max(...kept.map((w) => w.bbox.y1)),
    };
    const conf = kept.reduce((s, w) => s + w.confidence, 0) / kept.length / 100;
    if (lastPara !== -1 && pi !== lastPara) textLines.push('');
    lastPara = pi;
    textLines.push(text);
    lines.push({ text, confidence: conf, bbox, baselineY, textLine: textLines.length });
    for (const w of kept) words.push({ text: w.text, confidence: w.confidence / 100, bbox: { ...w.bbox }, line: idx });
  }
  const confidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0;
  return {
    page,
    text: textLines.join('\n'),
    rawText: data.text.replace(/\s+$/, ''),
    confidence,
    words,
    lines,
    noiseWords: dropped,
    numberFixes: [],
    error: null,
    ms: performance.now() - t0,
  };
}

/** A tesseract.js pool. Throws OcrSetupError at once when the language data is missing. */
export function createOcrEngine(opts: TesseractEngineOptions = {}): OcrEngine {
  return new TesseractPool(opts);
}
