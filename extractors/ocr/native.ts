// The native tesseract program as an OCR engine: one `tesseract` process per page (the Debian package
// tesseract-ocr), at most one per core, reading the page image from stdin and writing TSV (tsv.ts).
//
// Why: tesseract.js is the same engine built to WebAssembly, and reaches ~0.9x the native program's
// speed per page (128-bit WASM SIMD against AVX2; bench/results.md). Where the program is installed,
// `--ocr-engine native` gives its speed with the same model files (the @tesseract.js-data packages,
// gunzipped once into a cache folder) and the same result shape, noise filter and number re-reading.
// Why a process per page, not a wrapper package: tesseract's CLI is the stable interface, a page that
// crashes or hangs takes only its own process with it, and memory is returned after every page.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import PQueue from 'p-queue';
import { rereadNumbers } from './numbers.js';
import { failedResult, toResult } from './result.js';
import { registerLivePool, unregisterLivePool } from './signals.js';
import { PageStops } from './stops.js';
import { defaultLangPath, OcrSetupError, resolveTraineddata } from './traineddata.js';
import { treeFromTsv } from './tsv.js';
import type { OcrEngine, OcrResult, TesseractEngineOptions } from './types.js';

interface NativeModel {
  lang: string;
  /** a folder holding `<lang>.traineddata`, uncompressed, for --tessdata-dir */
  dir: string;
  args: string[];
}

/** `<lang>.traineddata` of `langPath` as a plain file the program can load, made once per content. */
function tessdataDir(langPath: string, lang: string): string {
  const { file, gzip } = resolveTraineddata(langPath, lang);
  const raw = readFileSync(file);
  const dir = join(tmpdir(), 'plans-tessdata', `${lang}-${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`);
  const target = join(dir, `${lang}.traineddata`);
  if (!existsSync(target)) {
    mkdirSync(dir, { recursive: true });
    // written aside and renamed: a process reading the folder never sees half a file
    const part = `${target}.${process.pid}.part`;
    writeFileSync(part, gzip ? gunzipSync(raw) : raw);
    renameSync(part, target);
  }
  return dir;
}

function checkProgram(program: string): void {
  const r = spawnSync(program, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new OcrSetupError(
      `the native OCR engine needs the tesseract program (${program}: ${r.error?.message ?? `exit ${r.status}`}); install it (Debian: apt-get install tesseract-ocr) or use --ocr-engine wasm`,
    );
  }
}

/** What one run of the program gave. `signal`: it was killed, by us (timeout, stop) or by a crash. */
interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export class NativeTesseractEngine implements OcrEngine {
  readonly size: number;
  private readonly queue: PQueue;
  private readonly pageTimeoutMs: number;
  private readonly model: NativeModel;
  private readonly numberModel: NativeModel | null;
  private readonly program: string;
  private readonly running = new Set<ChildProcess>();
  /** one per page in flight: terminate() settles each, as failed */
  private readonly inFlight = new PageStops();
  private closed = false;

  constructor(opts: TesseractEngineOptions) {
    // a path to an own build of the program, or its name on PATH
    this.program = opts.program ?? (process.env.PLANS_TESSERACT || 'tesseract');
    checkProgram(this.program);
    const lang = opts.lang ?? 'swe';
    const params = Object.entries(opts.parameters ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
    this.model = { lang, dir: tessdataDir(opts.langPath ?? defaultLangPath(lang), lang), args: params };
    const numberLang = opts.numberLang === undefined ? 'eng' : opts.numberLang;
    this.numberModel = numberLang
      ? { lang: numberLang, dir: tessdataDir(opts.numberLangPath ?? defaultLangPath(numberLang), numberLang), args: ['--psm', '6'] }
      : null;
    this.size = Math.max(1, Math.floor(opts.workers ?? availableParallelism()));
    this.pageTimeoutMs = opts.pageTimeoutMs ?? 120_000;
    this.queue = new PQueue({ concurrency: this.size });
    registerLivePool(this);
  }

  /** One run of the program on `image`; killed when over `deadline` (ms since the epoch of performance.now). */
  private run(model: NativeModel, image: Uint8Array, dpi: number | undefined, deadline: number): Promise<Run> {
    const args = ['-', '-', '-l', model.lang, '--oem', '1', '--tessdata-dir', model.dir, ...(dpi ? ['--dpi', String(dpi)] : []), ...model.args];
    args.push('-c', 'tessedit_create_tsv=1', '-c', 'tessedit_create_txt=0');
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('OCR engine is terminated'));
      // one thread per process: the pool runs one process per core (OpenMP would oversubscribe them)
      // its own process group, so that a kill reaches whatever it started (a wrapper script's children)
      const child = spawn(this.program, args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
      this.running.add(child);
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      const timer = setTimeout(() => killGroup(child), Math.max(1, deadline - performance.now()));
      child.on('error', (e) => {
        clearTimeout(timer);
        this.running.delete(child);
        reject(e);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        this.running.delete(child);
        resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
      });
      // a program that died before reading all of stdin: its exit status tells what happened
      child.stdin.on('error', () => undefined);
      child.stdin.end(image);
    });
  }

  /** The page read once; a crashed process is tried once more, as a worker that dies in pool.ts is replaced. */
  private async readPage(image: Uint8Array, pageNum: number, dpi: number | undefined, t0: number): Promise<OcrResult> {
    const deadline = t0 + this.pageTimeoutMs;
    for (let attempt = 1; ; attempt++) {
      const r = await this.run(this.model, image, dpi, deadline);
      if (this.closed) return failedResult(pageNum, 'ocr-error: OCR engine is terminated', t0);
      if (r.code === 0) {
        const res = toResult(pageNum, treeFromTsv(r.stdout), t0);
        return this.readNumbers(image, res, deadline);
      }
      if (performance.now() >= deadline) return failedResult(pageNum, `timeout after ${this.pageTimeoutMs} ms`, t0);
      if (!r.signal || attempt >= 2) return failedResult(pageNum, `ocr-error: ${failureOf(r)}${attempt >= 2 ? ', twice' : ''}`, t0);
    }
  }

  /** The page's numbers read again by the number model (numbers.ts); PNG and JPEG pages only. */
  private async readNumbers(image: Uint8Array, result: OcrResult, deadline: number): Promise<OcrResult> {
    const model = this.numberModel;
    if (!model) return result;
    return rereadNumbers(result, image, async (stacked) => {
      const r = await this.run(model, stacked, undefined, deadline);
      if (r.code !== 0) throw new Error(failureOf(r));
      return (treeFromTsv(r.stdout).blocks ?? []).flatMap((b) =>
        b.paragraphs.flatMap((p) => p.lines.map((l) => ({ text: l.words.map((w) => w.text).join(' '), y0: l.bbox.y0, y1: l.bbox.y1 }))),
      );
    });
  }

  recognize(image: Uint8Array, pageNum: number, dpi?: number): Promise<OcrResult> {
    if (this.closed) return Promise.reject(new Error('OCR engine is terminated'));
    const t0 = performance.now();
    const signal = this.inFlight.signal();
    const stopped = signal.stopped.then(() => failedResult(pageNum, 'ocr-error: OCR engine is terminated', t0));
    const page = this.queue.add(async () => {
      const start = performance.now();
      try {
        const res = await this.readPage(image, pageNum, dpi, start);
        return { ...res, ms: performance.now() - start };
      } catch (e) {
        return failedResult(pageNum, `ocr-error: ${e instanceof Error ? e.message : String(e)}`, start);
      }
    }) as Promise<OcrResult>;
    page.catch(() => undefined);
    return Promise.race([page, stopped]).finally(signal.release);
  }

  async terminate(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.inFlight.stopAll();
    this.queue.clear();
    unregisterLivePool(this);
    this.terminateSync();
  }

  terminateSync(): void {
    for (const child of this.running) killGroup(child);
  }
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** Why a run did not succeed: the signal that ended it, or its exit status and the last line it printed. */
function failureOf(r: Run): string {
  if (r.signal) return `tesseract died (${r.signal})`;
  const last =
    r.stderr
      .split('\n')
      .filter((l) => l.trim() !== '')
      .pop() ?? '';
  return `tesseract failed (exit ${r.code}): ${last.trim().slice(0, 200)}`;
}
