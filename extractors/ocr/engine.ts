// OCR engine facade, offline by construction (Swedish, LSTM only): a pool of tesseract.js workers
// (`wasm`, the default: nothing to install beyond npm), or the native tesseract program, one process per
// page (`native`: its speed, where Debian's tesseract-ocr is installed). Both give the same OcrResult.
// The parts: types.ts, traineddata.ts (language data check), pool.ts, native.ts, tsv.ts, result.ts,
// signals.ts.
import { NativeTesseractEngine } from './native.js';
import { TesseractPool } from './pool.js';
import type { OcrEngine, OcrEngineName, TesseractEngineOptions } from './types.js';

export type { OcrEngine, OcrEngineName, OcrResult, OcrWord, TesseractEngineOptions } from './types.js';
export { defaultLangPath, OcrSetupError } from './traineddata.js';

/** Throws OcrSetupError at once when the language data (or, for `native`, the program) is missing. */
export function createOcrEngine(opts: TesseractEngineOptions & { engine?: OcrEngineName } = {}): OcrEngine {
  return opts.engine === 'native' ? new NativeTesseractEngine(opts) : new TesseractPool(opts);
}
