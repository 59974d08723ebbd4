// A bounded pool of tesseract.js workers (LSTM only), each page under a time limit.
//
// Why our own pool on p-queue rather than tesseract.js's `createScheduler`: the scheduler cannot take a
// worker out of rotation, so it can neither recycle a worker after N pages (tesseract's WASM heap only
// grows) nor replace a worker that hung past its page timeout. Here p-queue bounds the concurrency to
// the number of slots, each slot owns one worker, and a slot whose worker timed out, failed or reached
// its page budget is terminated and lazily recreated for its next page. A page whose worker failed (or
// whose thread ended) is read once more on the new worker, then reported as failed. The core (WASM) and
// worker script are `require`d locally; the language data is checked first (traineddata.ts).
import { availableParallelism } from 'node:os';
import type { Worker as NodeWorker } from 'node:worker_threads';
import PQueue from 'p-queue';
import Tesseract from 'tesseract.js';
import { isPngOrJpeg, rereadNumbers } from './numbers.js';
import { failedResult, toResult } from './result.js';
import { registerLivePool, unregisterLivePool } from './signals.js';
import { PageStops } from './stops.js';
import { defaultLangPath, OcrSetupError, resolveTraineddata } from './traineddata.js';
import type { OcrEngine, OcrResult, TesseractEngineOptions } from './types.js';

const { createWorker, OEM } = Tesseract;

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

export class TesseractPool implements OcrEngine {
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
  /** one per page in flight: terminate() settles each, as failed */
  private readonly inFlight = new PageStops();

  constructor(opts: TesseractEngineOptions) {
    const lang = opts.lang ?? 'swe';
    const langPath = opts.langPath ?? defaultLangPath(lang);
    this.model = { lang, langPath, gzip: resolveTraineddata(langPath, lang).gzip, parameters: opts.parameters ?? {} };
    const numberLang = opts.numberLang === undefined ? 'eng' : opts.numberLang;
    if (numberLang) {
      const path = opts.numberLangPath ?? defaultLangPath(numberLang);
      // one uniform block of text: the stacked cut-outs (numbers.ts)
      this.numberModel = {
        lang: numberLang,
        langPath: path,
        gzip: resolveTraineddata(path, numberLang).gzip,
        parameters: { tessedit_pageseg_mode: '6' },
      };
    } else this.numberModel = null;
    this.size = Math.max(1, Math.floor(opts.workers ?? availableParallelism()));
    this.recycleAfter = Math.max(1, Math.floor(opts.recycleAfter ?? 50));
    this.pageTimeoutMs = opts.pageTimeoutMs ?? 120_000;
    this.startTimeoutMs = opts.startTimeoutMs ?? 60_000;
    const lane = (): Lane => ({ worker: null, starting: null });
    this.slots = Array.from({ length: this.size }, () => ({ main: lane(), numbers: lane(), pages: 0, busy: false }));
    this.queue = new PQueue({ concurrency: this.size });
    registerLivePool(this);
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
      void starting.then(
        (w) => w.terminate(),
        () => undefined,
      );
      throw new OcrSetupError(`tesseract.js worker could not start: ${errText(e)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private async workerFor(lane: Lane, model: Model): Promise<Tesseract.Worker> {
    this.mustBeOpen();
    if (lane.worker) return lane.worker;
    if (!lane.starting) {
      lane.starting = this.startWorker(model).finally(() => {
        lane.starting = null;
      });
    }
    const worker = await lane.starting;
    // terminated while it started: terminate() stops it; handing it out would post to a dead thread
    this.mustBeOpen();
    lane.worker = worker;
    return worker;
  }

  /**
   * Every call into a tesseract.js worker is made right after this check, with no await between: once
   * terminate() has run, a call on its workers throws from inside tesseract.js as an uncaught exception
   * (`postMessage` of null), which ended the process when a pool was stopped with pages in flight.
   */
  private mustBeOpen(): void {
    if (this.closed) throw new Error('OCR engine is terminated');
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
    const model = this.numberModel;
    if (!model) return result;
    return rereadNumbers(result, image, async (stacked) => {
      try {
        const worker = await this.workerFor(slot.numbers, model);
        this.mustBeOpen();
        const { data } = await worker.recognize(Buffer.from(stacked), {}, { blocks: true });
        return (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.map((l) => ({ text: l.text, y0: l.bbox.y0, y1: l.bbox.y1 }))));
      } catch (e) {
        // a number worker that failed is replaced for the next page
        const w = slot.numbers.worker;
        slot.numbers.worker = null;
        if (w) void w.terminate().catch(() => undefined);
        throw e;
      }
    });
  }

  /** One reading of a page on the slot's worker (started if need be), under the page's time limit. */
  private async readOnce(
    slot: Slot,
    image: Uint8Array,
    pageNum: number,
    dpi: number | undefined,
    t0: number,
    stopped: Promise<'stopped'>,
  ): Promise<OcrResult | 'timeout' | 'stopped' | { failure: string }> {
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
    // tesseract.js leaves a job pending forever when its thread ends (a WebAssembly abort, its heap limit)
    const thread = (worker as unknown as { worker?: NodeWorker }).worker;
    let onExit: (() => void) | undefined;
    const ended = new Promise<{ failure: string }>((res) => {
      onExit = () => res({ failure: 'the OCR worker ended' });
      thread?.once('exit', onExit);
    });
    try {
      const buf = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
      // the cut-outs are made with @napi-rs/canvas, which reads PNG and JPEG (and crashes the process
      // on a TIFF): for other images tesseract's own greyscale copy of the page is cut instead
      const decodable = isPngOrJpeg(image);
      // an image without a resolution of its own: tesseract would guess one (and print a warning)
      if (dpi) await worker.setParameters({ user_defined_dpi: String(dpi) });
      this.mustBeOpen();
      const recognized = worker.recognize(buf, {}, { text: true, blocks: true, imageGrey: !decodable && this.numberModel !== null });
      const resetDpi = async () => {
        if (!this.closed) await worker.setParameters({ user_defined_dpi: '0' });
      };
      if (dpi) void recognized.finally(() => resetDpi().catch(() => undefined)).catch(() => undefined);
      const job = recognized.then((r) => {
        const page = decodable ? image : dataUrlBytes(r.data.imageGrey);
        const res = toResult(pageNum, r.data, t0);
        return page ? this.readNumbers(slot, page, res) : res;
      });
      job.catch(() => undefined); // settled below or abandoned after a timeout
      return await Promise.race([job, timeout, stopped, ended]);
    } catch (e) {
      return { failure: errText(e) };
    } finally {
      clearTimeout(timer);
      if (onExit) thread?.off('exit', onExit);
    }
  }

  recognize(image: Uint8Array, pageNum: number, dpi?: number): Promise<OcrResult> {
    if (this.closed) return Promise.reject(new Error('OCR engine is terminated'));
    if (this.fatal) return Promise.reject(this.fatal);
    // terminate() clears the queue, and p-queue drops cleared pages without settling them: each page still
    // settles, as a failed page (a rejection here would reach callers not yet awaiting it as unhandled)
    const t0 = performance.now();
    const signal = this.inFlight.signal();
    const terminated = signal.stopped.then(() => {
      if (this.fatal) throw this.fatal;
      return failedResult(pageNum, 'ocr-error: OCR engine is terminated', t0);
    });
    const page = this.queue.add(async () => {
      if (this.closed) throw new Error('OCR engine is terminated');
      if (this.fatal) throw this.fatal;
      const slot = this.slots.find((s) => !s.busy)!;
      slot.busy = true;
      const t0 = performance.now();
      try {
        for (let attempt = 1; ; attempt++) {
          const outcome = await this.readOnce(slot, image, pageNum, dpi, t0, signal.stopped);
          if (outcome === 'stopped') return failedResult(pageNum, 'ocr-error: OCR engine is terminated', t0);
          if (outcome === 'timeout') {
            // the only way to stop a running recognition is to kill its worker
            this.retire(slot);
            return failedResult(pageNum, `timeout after ${this.pageTimeoutMs} ms`, t0);
          }
          if ('failure' in outcome) {
            // the worker failed or its thread ended: it is replaced, and the page read once more on the new one
            this.retire(slot);
            if (attempt < 2 && !this.closed) continue;
            return failedResult(pageNum, `ocr-error: ${outcome.failure}${attempt >= 2 ? ', twice' : ''}`, t0);
          }
          slot.pages++;
          if (slot.pages >= this.recycleAfter) this.retire(slot);
          return { ...outcome, ms: performance.now() - t0 };
        }
      } finally {
        slot.busy = false;
      }
    }) as Promise<OcrResult>;
    page.catch(() => undefined);
    return Promise.race([page, terminated]).finally(signal.release);
  }

  async terminate(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.inFlight.stopAll();
    this.queue.clear();
    unregisterLivePool(this);
    // a call made just before (recognize, setParameters) posts its message after tesseract.js's own
    // microtasks; a worker stopped before that post leaves a rejection no one can catch (its send is async)
    await new Promise((resolve) => setImmediate(resolve));
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

function dataUrlBytes(url: string | null | undefined): Uint8Array | null {
  const m = url ? /^data:image\/png;base64,(.*)$/s.exec(url) : null;
  return m ? new Uint8Array(Buffer.from(m[1], 'base64')) : null;
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
