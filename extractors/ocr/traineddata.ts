// Language data setup check. No network, ever: tesseract.js fetches `<langPath>/swe.traineddata[.gz]`
// from a CDN when `langPath` is unset or a URL, and an unreadable local file makes the worker reject
// outside any promise of ours. So the traineddata file is resolved and checked before any worker
// exists; a missing one is a clear `OcrSetupError`, never a download attempt.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PlanError } from '../../model/message.js';

/** OCR cannot run at all (language data missing or damaged, worker did not start): rule `ocr-setup`. */
export class OcrSetupError extends PlanError {
  constructor(message: string) {
    super('ocr-setup', message);
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
