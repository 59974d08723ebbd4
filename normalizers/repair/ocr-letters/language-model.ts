// A small word language model for choosing between repair candidates: unigram and bigram counts over
// lower-cased words (numbers are one class, `<num>`; sentence ends are `<s>`), interpolated with
// Witten–Bell smoothing. Built from a built-in base of common Swedish (base-lm.ts) plus whatever clean
// Swedish the caller passes (in the product: the clean documents already imported), so it adapts to
// each archive; `withKeySequences` layers a document's own trusted words on top without copying the base.
import { BASE_SENTENCES, BASE_VOCABULARY, BASE_WORDS } from './base-lm.js';

export const NUM = '<num>';
export const BOUNDARY = '<s>';

/** Token shape shared by the model and the repair: letters (and what English OCR puts for å/ä/ö:
 * `&`, digits, `|`, `€`, `@`), with a genitive `:s` (`KF:s`) kept on the word. Hyphens split. */
export const TOKEN_RE = /[\p{L}\p{M}&0-9|€@]+(?::s(?![\p{L}\p{M}0-9]))?/gu;
const BOUNDARY_RE = /[.!?;]\s*$/;

/** The model's key for a raw token: lower case, all-digit tokens → `<num>`. */
export function lmKey(token: string): string {
  return /^\d+$/.test(token) ? NUM : token.toLowerCase();
}

/** Keys of a text, with `<s>` between sentences (`.`/`!`/`?`/`;` followed by space or end). */
export function lmKeys(text: string): string[] {
  const keys: string[] = [BOUNDARY];
  let last = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const gap = text.slice(last, m.index);
    if (BOUNDARY_RE.test(gap) || /\n\s*\n/.test(gap)) keys.push(BOUNDARY);
    keys.push(lmKey(m[0]));
    last = m.index + m[0].length;
  }
  keys.push(BOUNDARY);
  return keys;
}

export interface LanguageModelJSON {
  version: 1;
  unigrams: Record<string, number>;
  bigrams: Record<string, number>;
}

/** A model's counts as pairs (no object keys: a word such as `constructor` is a key like any other). */
export interface LanguageModelCounts {
  unigrams: Array<[string, number]>;
  bigrams: Array<[string, number]>;
}

const UNSEEN_VOCAB = 300_000; // hunspell-valid words the model has never seen share this much room
const DELTA = 0.5;

export class LanguageModel {
  private readonly uni = new Map<string, number>();
  private readonly bi = new Map<string, number>(); // "a b"
  private readonly ctxTotal = new Map<string, number>(); // Σ_w c(a w)
  private readonly ctxTypes = new Map<string, number>(); // |{w : c(a w) > 0}|
  private total = 0;

  private constructor(private readonly parent?: LanguageModel) {
    if (parent) this.total = parent.total;
  }

  /** The built-in base plus `texts` (clean Swedish). */
  static fromTexts(texts: string[], options: { base?: boolean } = {}): LanguageModel {
    const lm = new LanguageModel();
    if (options.base !== false) lm.addBase();
    for (const t of texts) lm.addText(t);
    return lm;
  }

  static fromJSON(json: LanguageModelJSON): LanguageModel {
    if (json.version !== 1) throw new Error(`unknown language model version ${String(json.version)}`);
    const lm = new LanguageModel();
    for (const [w, c] of Object.entries(json.unigrams)) lm.addUnigram(w, c);
    for (const [k, c] of Object.entries(json.bigrams)) {
      const sp = k.indexOf(' ');
      lm.addBigram(k.slice(0, sp), k.slice(sp + 1), c);
    }
    return lm;
  }

  /** Adds counts for an already tokenised key sequence (e.g. a document's trusted words). */
  withKeySequences(seqs: string[][], weight = 1): LanguageModel {
    const lm = new LanguageModel(this);
    for (const s of seqs) lm.addKeys(s, weight);
    return lm;
  }

  /**
   * Every count, merged over the parent chain, as [key, count] pairs (bigram keys `a b`): what a worker
   * thread needs to rebuild this very model (`fromCounts`) without the texts it was learnt from.
   */
  counts(): LanguageModelCounts {
    const uni = new Map<string, number>();
    const bi = new Map<string, number>();
    for (let m: LanguageModel | undefined = this; m; m = m.parent) {
      for (const [w, c] of m.uni) uni.set(w, (uni.get(w) ?? 0) + c);
      for (const [k, c] of m.bi) bi.set(k, (bi.get(k) ?? 0) + c);
    }
    return { unigrams: [...uni], bigrams: [...bi] };
  }

  /** The model `counts()` was taken from: the same counts, totals and context types, so the same scores. */
  static fromCounts(counts: LanguageModelCounts): LanguageModel {
    const lm = new LanguageModel();
    for (const [w, c] of counts.unigrams) lm.addUnigram(w, c);
    for (const [k, c] of counts.bigrams) {
      const sp = k.indexOf(' ');
      lm.addBigram(k.slice(0, sp), k.slice(sp + 1), c);
    }
    return lm;
  }

  toJSON(): LanguageModelJSON {
    const unigrams: Record<string, number> = {};
    const bigrams: Record<string, number> = {};
    const chain: LanguageModel[] = [];
    for (let m: LanguageModel | undefined = this; m; m = m.parent) chain.push(m);
    for (const m of chain) {
      for (const [w, c] of m.uni) unigrams[w] = (unigrams[w] ?? 0) + c;
      for (const [k, c] of m.bi) bigrams[k] = (bigrams[k] ?? 0) + c;
    }
    return { version: 1, unigrams, bigrams };
  }

  addText(text: string, weight = 1): void {
    this.addKeys(lmKeys(text), weight);
  }

  private addKeys(keys: string[], weight: number): void {
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== BOUNDARY) this.addUnigram(keys[i], weight);
      if (i > 0) this.addBigram(keys[i - 1], keys[i], weight);
    }
  }

  private addBase(): void {
    const words = BASE_WORDS.split(/\s+/).filter(Boolean);
    // Zipf-like pseudo-counts: rank 1 ≈ 400, rank 300 ≈ 8.
    words.forEach((w, r) => this.addUnigram(w, Math.max(2, Math.round(400 / (r + 1) ** 0.7))));
    for (const w of BASE_VOCABULARY.split(/\s+/)) if (w) this.addUnigram(w, 12);
    this.addText(BASE_SENTENCES, 3);
  }

  private addUnigram(w: string, c: number): void {
    this.uni.set(w, (this.uni.get(w) ?? 0) + c);
    this.total += c;
  }

  private addBigram(a: string, b: string, c: number): void {
    const k = `${a} ${b}`;
    const had = this.bigramCount(a, b) > 0;
    this.bi.set(k, (this.bi.get(k) ?? 0) + c);
    this.ctxTotal.set(a, (this.ctxTotal.get(a) ?? 0) + c);
    if (!had) this.ctxTypes.set(a, (this.ctxTypes.get(a) ?? 0) + 1);
  }

  /** Raw count of a word key. */
  count(w: string): number {
    return (this.uni.get(w) ?? 0) + (this.parent ? this.parent.count(w) : 0);
  }

  bigramCount(a: string, b: string): number {
    return (this.bi.get(`${a} ${b}`) ?? 0) + (this.parent ? this.parent.bigramCount(a, b) : 0);
  }

  private contextTotal(a: string): number {
    return (this.ctxTotal.get(a) ?? 0) + (this.parent ? this.parent.contextTotal(a) : 0);
  }

  private contextTypes(a: string): number {
    return (this.ctxTypes.get(a) ?? 0) + (this.parent ? this.parent.contextTypes(a) : 0);
  }

  get tokens(): number {
    return this.total;
  }

  knows(w: string): boolean {
    return this.count(w) > 0;
  }

  /** log P(w), add-δ over the seen words plus room for unseen (but valid) words. An unseen compound
   * borrows a little from its longest seen tail (`körsbärsträden` from `träden`). */
  logUnigram(w: string): number {
    if (w === BOUNDARY) return Math.log(0.05);
    let c = this.count(w);
    if (c === 0) c = 0.1 * Math.min(20, this.tailCount(w));
    return Math.log((c + DELTA) / (this.total + DELTA * UNSEEN_VOCAB));
  }

  /** Count of the longest seen tail of `w` (≥ 4 letters, after a head of ≥ 3). */
  tailCount(w: string): number {
    const chars = Array.from(w);
    for (let i = 3; i <= chars.length - 4; i++) {
      const c = this.count(chars.slice(i).join(''));
      if (c > 0) return c;
    }
    return 0;
  }

  /** log P(w | prev), Witten–Bell interpolation with the unigram. */
  logBigram(prev: string | undefined, w: string): number {
    const pu = Math.exp(this.logUnigram(w));
    if (prev === undefined) return Math.log(pu);
    const n = this.contextTotal(prev);
    if (n === 0) return Math.log(pu);
    const t = this.contextTypes(prev);
    // Witten–Bell with a heavier escape (3·T): most contexts here are seen a handful of times (the
    // built-in sentences count 3 each), and a thin context must not outvote the unigram.
    const lambda = n / (n + 3 * t);
    return Math.log(lambda * (this.bigramCount(prev, w) / n) + (1 - lambda) * pu);
  }

  /** log P(w | prev) + log P(next | w): how well `w` fits between its neighbours. */
  logInContext(prev: string | undefined, w: string, next: string | undefined): number {
    let s = this.logBigram(prev, w);
    if (next !== undefined) s += this.logBigram(w, next);
    return s;
  }
}
