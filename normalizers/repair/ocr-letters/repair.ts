// Repairs å/ä/ö (and the word `i`) in text that an English OCR model read: `Namndmal` → `Nämndmål`,
// `&r` → `är`, `6ka` → `öka`, `1` → `i`, `for` → `för` (by context only).
//
// 1. Words hunspell rejects get candidates from the confusion model (candidates.ts); the valid ones
//    are ranked by a word/bigram language model in context plus the confusion prior (rule `ocr-letter`).
//    Words nothing fixes (names, English, codes) are left as they are.
// 2. Valid words that are also damaged spellings of another word (`for`/`för`, `ar`/`år`/`är`,
//    `mal`/`mål`, `pa` …) are changed only when the context model is strongly in favour (`ocr-context`).
// 3. A lone `1` (or `|`, `i1`) between words becomes `i` when the model prefers `i` to a number there
//    (`ocr-word-i`).
// All of this only where the text looks English-OCR damaged: per page (form feed), a page whose words
// with å/ä/ö outnumber half its repairable misspellings is clean and is returned byte for byte.
// Numbers, dates and codes are never touched; only the token is replaced, never the text around it.
import { candidates, isRepairable, type Candidate } from './candidates.js';
import { BOUNDARY, type LanguageModel, NUM, TOKEN_RE, lmKey } from './language-model.js';
import { loadedLexicon, type Lexicon } from './lexicon.js';

export type LetterRule = 'ocr-letter' | 'ocr-context' | 'ocr-word-i';

export interface LetterRepair {
  /** 1-based line of the token in the input. */
  line: number;
  /** 1-based column (UTF-16 code units) of the token in its line. */
  column: number;
  before: string;
  after: string;
  rule: LetterRule;
  /** 0..1: how sure the model is of the choice. */
  confidence: number;
}

export interface LetterRepairResult {
  text: string;
  repairs: LetterRepair[];
}

export interface LetterRepairOptions {
  /** Defaults to the process-wide hunspell lexicon (`await loadLexicon()` first). */
  lexicon?: Lexicon;
  /** Add the document's own trusted words (valid, unambiguous) to the model. Default true. */
  adaptToDocument?: boolean;
  /** log-odds a valid word's rival must win by (ocr-context). Default ln 12. */
  contextMargin?: number;
  /** log-odds `i` must beat a number by (ocr-word-i). Default 0: a lone `1` between two words is
   * rarely a number in prose, and the model already knows `den 1 januari`, `tertial 1`. */
  wordIMargin?: number;
}

type Kind = 'word' | 'num' | 'one' | 'pipe' | 'i1' | 'other';

interface Tok {
  start: number;
  end: number;
  raw: string;
  kind: Kind;
  valid: boolean;
  cands: Candidate[];
  /** A boundary (sentence end, blank line) between this token and the previous one. */
  boundaryBefore: boolean;
  lineStart: boolean;
  block: number;
  choice: string;
  rule?: LetterRule;
  confidence: number;
}

const SWEDISH = /[åäöÅÄÖ]/;
const LETTERS_ONLY = /^[\p{L}\p{M}]+$/u;
const BOUNDARY_GAP = /[.!?;]\s*$|\n\s*\n/;

const candCache = new WeakMap<Lexicon, Map<string, Candidate[]>>();
function cachedCandidates(lexicon: Lexicon, raw: string, valid: boolean): Candidate[] {
  let m = candCache.get(lexicon);
  if (!m) {
    m = new Map();
    candCache.set(lexicon, m);
  }
  const key = (valid ? 'v\0' : 'x\0') + raw;
  let c = m.get(key);
  if (c === undefined) {
    c = valid
      ? // A valid word's rivals: few, cheap swaps to å/ä/ö only (`for` → `för`), no restored letters.
        candidates(raw, lexicon, { maxEdits: 2, floor: -6, insertions: false, maxChecks: 200 }).filter((x) => SWEDISH.test(x.word))
      : // A misspelt word: searched in channel order (an `é` or `6` is likelier damage than an `a`).
        candidates(raw, lexicon, { maxChecks: 800, floor: -13, channel: true });
    if (m.size > 100_000) m.clear();
    m.set(key, c);
  }
  return c;
}

function kindOf(raw: string): Kind {
  if (/^\d+$/.test(raw)) return raw === '1' ? 'one' : 'num';
  if (raw === '|') return 'pipe';
  if (/^i1$/i.test(raw)) return 'i1';
  return isRepairable(raw) ? 'word' : 'other';
}

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let last = 0;
  let block = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const gap = text.slice(last, m.index);
    for (const ch of gap) if (ch === '\f') block++;
    const raw = m[0];
    toks.push({
      start: m.index,
      end: m.index + raw.length,
      raw,
      kind: kindOf(raw),
      valid: false,
      cands: [],
      boundaryBefore: toks.length === 0 || BOUNDARY_GAP.test(gap),
      lineStart: toks.length === 0 || gap.includes('\n'),
      block,
      choice: raw,
      confidence: 0,
    });
    last = m.index + raw.length;
  }
  return toks;
}

function softmax(scores: number[]): number[] {
  const mx = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - mx));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

export function repairOcrLetters(text: string, model: LanguageModel, options: LetterRepairOptions = {}): LetterRepairResult {
  const lexicon = options.lexicon ?? loadedLexicon();
  if (!lexicon) throw new Error('repairOcrLetters: no lexicon — `await loadLexicon()` first or pass options.lexicon');
  const contextMargin = options.contextMargin ?? Math.log(12);
  const wordIMargin = options.wordIMargin ?? 0;
  const toks = tokenize(text);

  // Lexicon verdicts and candidates.
  for (const t of toks) {
    if (t.kind !== 'word') continue;
    t.valid = lexicon.isWord(t.raw);
    t.cands = cachedCandidates(lexicon, t.raw, t.valid);
  }

  // Which pages look English-OCR damaged?
  const blocks = toks.length ? toks[toks.length - 1].block + 1 : 0;
  const swedish = new Array<number>(blocks).fill(0);
  const fixable = new Array<number>(blocks).fill(0);
  for (const t of toks) {
    if (SWEDISH.test(t.raw)) swedish[t.block]++;
    if (t.kind === 'word' && !t.valid && t.cands.length > 0) fixable[t.block]++;
  }
  const damaged = swedish.map((a, b) => fixable[b] >= 1 && 2 * a < fixable[b]);
  if (!damaged.some(Boolean)) return { text, repairs: [] };

  // The document's own trusted words (valid and with no rival spelling, or already with å/ä/ö).
  let lm = model;
  if (options.adaptToDocument !== false) {
    const seqs: string[][] = [];
    let cur: string[] = [];
    for (const t of toks) {
      const trusted = t.kind === 'num' || (t.kind === 'word' && t.valid && (t.cands.length === 0 || SWEDISH.test(t.raw)));
      if (!trusted || t.boundaryBefore) {
        if (cur.length > 1) seqs.push(cur);
        cur = [];
      }
      if (trusted) cur.push(lmKey(t.raw));
    }
    if (cur.length > 1) seqs.push(cur);
    lm = model.withKeySequences(seqs);
  }

  const keyOf = (t: Tok): string => lmKey(t.choice);
  const prevKey = (i: number): string | undefined => (i === 0 || toks[i].boundaryBefore ? BOUNDARY : keyOf(toks[i - 1]));
  const nextKey = (i: number): string | undefined => (i + 1 >= toks.length || toks[i + 1].boundaryBefore ? BOUNDARY : keyOf(toks[i + 1]));
  const isWordLike = (t: Tok | undefined): boolean => !!t && LETTERS_ONLY.test(t.choice) && t.kind !== 'other';

  // Context-free first guess for misspelt words, so neighbours have something to condition on.
  for (const t of toks) {
    if (!damaged[t.block] || t.kind !== 'word' || t.valid || t.cands.length === 0) continue;
    let best = t.cands[0];
    let bestScore = -Infinity;
    for (const c of t.cands) {
      const s = lm.logUnigram(lmKey(c.word)) + c.logPrior;
      if (s > bestScore) [best, bestScore] = [c, s];
    }
    t.choice = best.word;
  }

  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (!damaged[t.block]) continue;
      const p = prevKey(i);
      const n = nextKey(i);
      if (t.kind === 'word' && t.cands.length > 0) {
        const opts = t.cands.map((c) => ({ word: c.word, score: lm.logInContext(p, lmKey(c.word), n) + c.logPrior }));
        if (t.valid) {
          const own = lm.logInContext(p, lmKey(t.raw), n);
          const best = opts.reduce((a, b) => (b.score > a.score ? b : a));
          const probs = softmax([own, ...opts.map((o) => o.score)]);
          if (best.score - own > contextMargin) {
            t.choice = best.word;
            t.rule = 'ocr-context';
            t.confidence = probs[1 + opts.indexOf(best)];
          } else {
            t.choice = t.raw;
            t.rule = undefined;
          }
        } else {
          // Short or all-capital tokens are weak evidence: only words the model has seen.
          const weak = t.raw.length <= 3 || t.raw === t.raw.toUpperCase();
          const usable = weak ? opts.filter((o) => lm.knows(lmKey(o.word))) : opts;
          if (usable.length === 0) {
            t.choice = t.raw;
            t.rule = undefined;
            continue;
          }
          const probs = softmax(usable.map((o) => o.score));
          let k = 0;
          for (let j = 1; j < usable.length; j++) if (usable[j].score > usable[k].score) k = j;
          t.choice = usable[k].word;
          t.rule = 'ocr-letter';
          t.confidence = probs[k] * (lm.knows(lmKey(usable[k].word)) ? 0.95 : 0.7);
        }
      } else if (t.kind === 'one' || t.kind === 'i1') {
        const before = toks[i - 1];
        const after = toks[i + 1];
        if (t.boundaryBefore || !before || !after || after.boundaryBefore) continue;
        if (!isWordLike(before) || !isWordLike(after)) continue;
        const asI = lm.logInContext(p, 'i', n);
        const asNum = lm.logInContext(p, NUM, n);
        const margin = t.kind === 'i1' ? 0 : wordIMargin;
        if (asI - asNum > margin) {
          t.choice = 'i';
          t.rule = 'ocr-word-i';
          t.confidence = softmax([asI, asNum])[0];
        } else {
          t.choice = t.raw;
          t.rule = undefined;
        }
      } else if (t.kind === 'pipe') {
        // `| ar` for `I år`: a lone bar opening a line or sentence, before a lower-case word, the only
        // bar on its line (tables use several).
        const after = toks[i + 1];
        if (!after || after.boundaryBefore || !isWordLike(after) || !/^\p{Ll}/u.test(after.choice)) continue;
        if (!(t.lineStart || t.boundaryBefore)) continue;
        const lineFrom = text.lastIndexOf('\n', t.start) + 1;
        const lineTo = text.indexOf('\n', t.start);
        const line = text.slice(lineFrom, lineTo < 0 ? text.length : lineTo);
        if ((line.match(/\|/g) ?? []).length !== 1) continue;
        t.choice = 'I';
        t.rule = 'ocr-word-i';
        t.confidence = 0.8;
      }
    }
  }

  // Apply.
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const repairs: LetterRepair[] = [];
  let out = '';
  let last = 0;
  for (const t of toks) {
    if (!t.rule || t.choice === t.raw) continue;
    out += text.slice(last, t.start) + t.choice;
    last = t.end;
    const line = lineOf(t.start);
    repairs.push({
      line: line + 1,
      column: t.start - lineStarts[line] + 1,
      before: t.raw,
      after: t.choice,
      rule: t.rule,
      confidence: Math.round(Math.min(1, Math.max(0, t.confidence)) * 1000) / 1000,
    });
  }
  out += text.slice(last);
  return { text: out, repairs };
}
