// OCR engine facade: a pool of tesseract.js workers (Swedish, LSTM only), offline by construction.
// The parts: types.ts, traineddata.ts (language data check), pool.ts, result.ts, signals.ts.
import { TesseractPool } from './pool.js';
import type { OcrEngine, TesseractEngineOptions } from './types.js';

export type { OcrEngine, OcrResult, OcrWord, TesseractEngineOptions } from './types.js';
export { defaultLangPath, OcrSetupError } from './traineddata.js';

/** A tesseract.js pool. Throws OcrSetupError at once when the language data is missing. */
export function createOcrEngine(opts: TesseractEngineOptions = {}): OcrEngine {
  return new TesseractPool(opts);
}
