// Per page: read the text layer, or OCR the page image?
//
// A text layer is trusted when it looks like Swedish prose or a Swedish table: enough letters, most
// tokens made of letters (or numbers), a fair share of common Swedish function words, and no
// replacement characters. It is distrusted (→ OCR) when it is missing, nearly empty while the page is
// not, or garbage — the typical failures being fonts without a ToUnicode map (glyph soup, U+FFFD,
// private-use code points) and scanners' own bad OCR layers.
import type { TextItem } from '../../model/document.js';

export type OcrMode = 'auto' | 'always' | 'never';

export type DecideReason = 'forced' | 'disabled' | 'no-text-layer' | 'text-as-curves' | 'garbage-text-layer' | 'replacement-chars' | 'text-layer-ok';

export interface Decision {
  ocr: boolean;
  reason: DecideReason;
  /** the measures behind the decision, for logs and tests */
  stats: TextLayerStats;
}

export interface TextLayerStats {
  chars: number;
  letters: number;
  tokens: number;
  /** share of tokens that are letters only (a trailing punctuation mark allowed) or numbers */
  wordLike: number;
  /** share of tokens that are common Swedish function words */
  functionWords: number;
  /** share of U+FFFD, private-use and control characters among non-space characters */
  bad: number;
}

export interface PageHints {
  /** path constructions the page draws (a page of text drawn as curves builds hundreds) */
  paths?: number;
  /** images the page paints (a scanned page paints one) */
  images?: number;
}

/**
 * A page without text that builds at least this many paths and paints no image is text drawn as
 * curves (glyph outlines: ghostscript's NoOutputFonts, "convert text to outlines" in design tools make
 * one path per glyph, hundreds per page); a few shapes or table rules stay well under it.
 */
export const CURVE_PATHS = 100;

/** Common Swedish function words (lower case); a real Swedish page has many of them. */
export const SWEDISH_FUNCTION_WORDS = new Set(
  (
    'och i att det som en på är av för med till den har de inte om ett var jag men vi så från ' +
    'kan eller när ska skall sig sin sina sitt under efter vid mot hos genom samt även också där ' +
    'detta dessa denna alla andra mer mest bör får per inom utan mellan varje både än nu då hur ' +
    'vad vilka vilken vilket vara blir bli blev finns har hade ha sina deras dess man ut upp in över ' +
    'åt år kr tkr mål'
  ).split(' '),
);

const LETTER = /\p{L}/u;
const BAD_CHAR = /[\uFFFD\p{Co}\p{Cc}]/u;
const WORD_LIKE = /^[("'«»”“]*(?:\p{L}+(?:[-'’]\p{L}+)*|[-+−–]?\d[\d\s.,:%]*)[)"'«»”“.,;:!?%]*$/u;

/** Dot leaders of a table of contents (`Inledning ........ 3`): layout, not text, so not counted. */
const LEADERS = /(?:[.…·_]\s?){4,}/g;

export function textLayerStats(raw: string): TextLayerStats {
  const text = raw.replace(LEADERS, ' ');
  const chars = Array.from(text.replace(/\s+/g, ''));
  let letters = 0;
  let bad = 0;
  for (const c of chars) {
    if (LETTER.test(c)) letters++;
    if (BAD_CHAR.test(c)) bad++;
  }
  const tokens = text.split(/\s+/).filter((t) => t.length > 0);
  let wordLike = 0;
  let fn = 0;
  for (const t of tokens) {
    if (WORD_LIKE.test(t)) wordLike++;
    if (SWEDISH_FUNCTION_WORDS.has(t.toLowerCase().replace(/[.,;:!?)]+$/, ''))) fn++;
  }
  const n = Math.max(1, tokens.length);
  return {
    chars: chars.length,
    letters,
    tokens: tokens.length,
    wordLike: wordLike / n,
    functionWords: fn / n,
    bad: bad / Math.max(1, chars.length),
  };
}

/** Fewer non-space characters than this is "no text layer" (a page number, a stray header). */
export const MIN_CHARS = 20;

/**
 * Decide whether a page needs OCR. `items` are the page's positioned text items from the PDF text
 * layer (null when the source had none). Thresholds are deliberately loose: a table page is mostly
 * numbers and short labels, so few function words alone never condemns a page with word-like tokens.
 */
export function decidePage(textLayerText: string, items: TextItem[] | null, mode: OcrMode = 'auto', hints: PageHints = {}): Decision {
  const stats = textLayerStats(textLayerText);
  if (mode === 'always') return { ocr: true, reason: 'forced', stats };
  if (mode === 'never') return { ocr: false, reason: 'disabled', stats };
  // items === null: the caller has the text only (no positions); judge by the text
  const itemCount = items === null ? null : items.filter((i) => i.str.trim() !== '').length;
  if (stats.chars < MIN_CHARS || itemCount === 0) {
    // nothing readable: many paths and no image is text drawn as curves; otherwise a scan or a blank page
    const curves = (hints.images ?? 0) === 0 && (hints.paths ?? 0) >= CURVE_PATHS;
    return { ocr: true, reason: curves ? 'text-as-curves' : 'no-text-layer', stats };
  }
  if (stats.bad > 0.02) return { ocr: true, reason: 'replacement-chars', stats };
  const letterShare = stats.letters / Math.max(1, stats.chars);
  const garbage =
    letterShare < 0.35 || // glyph soup, symbol fonts
    stats.wordLike < 0.5 || // tokens mixing letters, digits and symbols
    (stats.tokens >= 40 && stats.functionWords < 0.03 && stats.wordLike < 0.8); // long text that is not Swedish
  if (garbage) return { ocr: true, reason: 'garbage-text-layer', stats };
  return { ocr: false, reason: 'text-layer-ok', stats };
}
