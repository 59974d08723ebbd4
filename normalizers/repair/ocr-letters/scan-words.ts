// Word boundaries on Swedish OCR output. tesseract's Swedish model keeps å/ä/ö, but on a scan it drops
// the space before or after a short word (`tryggai sitt`, `attde kan`, `äruppdaterade`, `Tas framav`) and
// reads a speck between two words as punctuation glued to them (`stöd.och`, `på-arbetsplatsträff`,
// `"Tjänsteutlåtande` at the start of a line). Only for OCR'd text (pages OCR'd here, or an export whose
// letters showed OCR damage): a text layer or a clean export spells its words as the author did.
//
// - `ocr-split`: a word hunspell rejects that is two words it accepts, one of them a short function
//   word (`i`, `att`, `de`, `är`, `av` …), gets its space back; of several splits the language model
//   picks the likeliest. Not a word the archive's clean text uses, nor a split that reads a compound
//   prefix (`med|skapandeindex`) or an inflection ending (`enlighet|en`) as a function word.
// - `ocr-speck`: a `.` between two lower-case words hunspell accepts, where the two are not one word,
//   becomes a space when one of them is a function word or the model has seen the pair; a `-` only
//   after a function word (`på-arbetsplatsträff`).
// - `ocr-lead-speck`: a lone quote, dot or guillemet glued to the first word of a line (before a
//   capital) with no partner on the line or the next is dropped.
// - `ocr-case`: a function word of two letters or more with a capital between two lower-case words
//   (`trygga i Sin närmiljö`; across a line break only `sin`/`sitt`/`sina`) is written in lower case.
// - `ocr-bullet`: a lone `»` opening a line before a capitalised word is a bullet `•` (the Swedish
//   model has no `•` and reads it as `»`; a Swedish quote `»` has no space after it).
import { BOUNDARY, type LanguageModel } from './language-model.js';
import type { Lexicon } from './lexicon.js';

export type ScanWordRule = 'ocr-split' | 'ocr-speck' | 'ocr-lead-speck' | 'ocr-case' | 'ocr-bullet';

export interface ScanWordRepair {
  /** 1-based column (UTF-16 code units) of the word in the text */
  column: number;
  before: string;
  after: string;
  rule: ScanWordRule;
  confidence: number;
}

/** Short words a scan most often glues to a neighbour. */
const FUNCTION_WORDS = new Set(
  'i att de är och på en ett av som för med till om det den vi har kan ska så sin sitt sina inte man när där hur vid mot från efter under över samt eller men han hon dem du jag nu då ut upp in fram'.split(
    ' ',
  ),
);
/** Function words that also begin compounds and particle verbs (`medskapande`, `upprädd`): as the
 * first part of a split they need a function word after them. */
const PREFIX_LIKE = new Set('med till upp in ut fram över under av om på för mot efter vid från'.split(' '));
/** Function words that are also inflection endings (`enlighet|en`, `prata|de`): as the second part of
 * a split they need a function word before them. */
const SUFFIX_LIKE = new Set('en ett de den det dem'.split(' '));
const WORD = /^\p{Ll}+$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
// a comma, colon or semicolon between words is more often real punctuation that lost its space; a hyphen
// joins words in Swedish (`april-oktober`, `hbtq-personer`) unless a function word stands before it
const SPECK_JOIN = /^(\p{Ll}{2,})([.-])(\p{Ll}{2,})([.,:;!?)]*)$/u;
const LEAD_SPECK = /^["'«»„”“‘’.,·]+(?=\p{Lu})/u;

function part(w: string, lexicon: Lexicon): boolean {
  return w === 'i' || (Array.from(w).length >= 2 && lexicon.isWord(w));
}

/** The best split of a rejected lower-case word into two accepted words, one of them a function word. */
function split(word: string, lexicon: Lexicon, lm: LanguageModel, prev: string, next: string): [string, string] | null {
  // a word the archive's clean text uses is a word, whatever the dictionary says
  if (lexicon.isWord(word) || lm.count(word) > 0) return null;
  const chars = Array.from(word);
  let best: [string, string] | null = null;
  let bestScore = -Infinity;
  for (let k = 1; k < chars.length; k++) {
    const a = chars.slice(0, k).join('');
    const b = chars.slice(k).join('');
    const fa = FUNCTION_WORDS.has(a);
    const fb = FUNCTION_WORDS.has(b);
    if (!((fa && (fb || !PREFIX_LIKE.has(a))) || (fb && (fa || !SUFFIX_LIKE.has(b))))) continue;
    if (!part(a, lexicon) || !part(b, lexicon)) continue;
    const score = lm.logBigram(prev, a) + lm.logBigram(a, b) + lm.logBigram(b, next);
    if (score > bestScore) [best, bestScore] = [[a, b], score];
  }
  return best;
}

/** Reflexive possessives: they follow their subject, so they open no sentence and no heading. */
const NEVER_FIRST = new Set(['sin', 'sitt', 'sina']);

/**
 * The word before part `i` on this line; when `i` opens the line, the last word of the line before, but
 * only for a word that cannot open a sentence (a line without a full stop may be a heading: `…
 * verksamheten` / `De lagar …`).
 */
function lastWordBefore(parts: string[], i: number, word: string, before: string | undefined): string {
  if (i < 2 && !NEVER_FIRST.has(word.toLowerCase())) return '';
  const left = i >= 2 ? parts[i - 2] : (before ?? '').trimEnd();
  return left.split(/\s+/).at(-1) ?? '';
}

/**
 * Repairs the word boundaries of one line of OCR text (or one cell of it); `before` and `after` are
 * the lines beside it (a sentence runs on from `before`; a quote opened here may close in `after`).
 */
export function repairScanWords(
  text: string,
  lexicon: Lexicon,
  lm: LanguageModel,
  context: { lineStart?: boolean; before?: string; after?: string } = {},
): { text: string; repairs: ScanWordRepair[] } {
  const repairs: ScanWordRepair[] = [];
  const parts = text.split(/(\s+)/);
  let column = 1;
  const keyOf = (i: number): string => {
    const w = parts[i]?.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').toLowerCase();
    return w ? w : BOUNDARY;
  };
  for (let i = 0; i < parts.length; i++) {
    const raw = parts[i];
    const at = column;
    column += raw.length;
    if (!raw || /^\s+$/.test(raw)) continue;
    let word = raw;
    if (i === 0 && context.lineStart !== false && word === '»' && /^\s+\p{Lu}/u.test(text.slice(1))) {
      repairs.push({ column: at, before: word, after: '•', rule: 'ocr-bullet', confidence: 0.7 });
      word = '•';
    } else if (i === 0 && context.lineStart !== false) {
      const lead = LEAD_SPECK.exec(word);
      const mark = lead?.[0] ?? '';
      // a quote that opens here and closes later on the line, or on the next, is a real quote
      if (
        lead &&
        !/["'«»„”“‘’]/.test(`${text.slice(mark.length)}\n${context.after ?? ''}`) &&
        lexicon.isWord(word.slice(mark.length).replace(/[^\p{L}]+$/u, ''))
      ) {
        repairs.push({ column: at, before: word, after: word.slice(mark.length), rule: 'ocr-lead-speck', confidence: 0.9 });
        word = word.slice(mark.length);
      }
    }
    const trail = /[.,:;!?)]*$/.exec(word)?.[0] ?? '';
    const core = word.slice(0, word.length - trail.length);
    const prev = keyOf(i - 2);
    const next = keyOf(i + 2);
    if (WORD.test(core) && Array.from(core).length >= 3) {
      const s = split(core, lexicon, lm, prev, next);
      if (s) {
        const after = `${s[0]} ${s[1]}${trail}`;
        repairs.push({ column: at, before: word, after, rule: 'ocr-split', confidence: 0.8 });
        word = after;
      }
    } else if (
      CAPITALISED.test(core) &&
      FUNCTION_WORDS.has(core.toLowerCase()) &&
      !trail &&
      WORD.test(lastWordBefore(parts, i, core, context.before)) &&
      /^\p{Ll}/u.test(parts[i + 2] ?? '')
    ) {
      const after = core.toLowerCase();
      repairs.push({ column: at, before: word, after, rule: 'ocr-case', confidence: 0.8 });
      word = after;
    } else {
      const m = SPECK_JOIN.exec(word);
      const [, a, mark, b, tail] = m ?? [];
      if (m && !lexicon.isWord(a + b) && lexicon.isWord(a) && lexicon.isWord(b)) {
        const known = mark === '-' ? FUNCTION_WORDS.has(a) : FUNCTION_WORDS.has(a) || FUNCTION_WORDS.has(b) || lm.bigramCount(a, b) > 0;
        if (known) {
          const after = `${a} ${b}${tail}`;
          repairs.push({ column: at, before: word, after, rule: 'ocr-speck', confidence: 0.8 });
          word = after;
        }
      }
    }
    parts[i] = word;
  }
  return { text: parts.join(''), repairs };
}
