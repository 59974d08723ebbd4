// Types shared by the OCR modules; no imports, so every module of the folder can depend on it.

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

/** A number the second model read again (numbers.ts). */
export interface NumberFix {
  before: string;
  after: string;
  /** index of the OCR line (OcrResult.lines) it stands on */
  line: number;
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

/** A recognised word, line, paragraph and block tree: tesseract.js gives it, native TSV is read into it (tsv.ts). */
export interface PageTree {
  /** the engine's own text of the page */
  text: string;
  blocks: Array<{ paragraphs: Array<{ lines: TreeLine[] }> }> | null;
}

export interface TreeLine {
  bbox: OcrBox;
  /** absent where the engine does not give one (TSV): the line's bottom stands in */
  baseline?: { y0: number; y1: number } | null;
  /** confidence 0..100 */
  words: Array<{ text: string; confidence: number; bbox: OcrBox }>;
}

export interface OcrEngine {
  /** `dpi`: the image's resolution when the file does not give one */
  recognize(image: Uint8Array, pageNum: number, dpi?: number): Promise<OcrResult>;
  terminate(): Promise<void>;
  readonly size: number;
}

/** `wasm`: tesseract.js worker threads; `native`: the tesseract program (engine.ts) */
export const OCR_ENGINES = ['wasm', 'native'] as const;
export type OcrEngineName = (typeof OCR_ENGINES)[number];

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
  /** the native engine's program: default $PLANS_TESSERACT, else `tesseract` on PATH */
  program?: string;
  /** tesseract parameters set on each worker, e.g. { user_defined_dpi: '200' } */
  parameters?: Record<string, string>;
}
