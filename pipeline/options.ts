// Command-line option parsers shared by the CLI's commands (pipeline/cli.ts, pipeline/queue/cli.ts).
import { InvalidArgumentError, Option } from 'commander';
import { OCR_ENGINES } from '../extractors/ocr/types.js';

/** A number option that must be a positive integer. */
export function positive(flags: string, description: string, fallback?: number): Option {
  const o = new Option(flags, description).argParser((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
    return n;
  });
  return fallback === undefined ? o : o.default(fallback);
}

export const OCR_ENGINE_OPTION = new Option(
  '--ocr-engine <name>',
  'OCR engine: wasm (tesseract.js, built in) or native (the tesseract program, faster; Debian tesseract-ocr)',
)
  .choices(OCR_ENGINES)
  .default('wasm');
