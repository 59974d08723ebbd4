// Candidate spellings of a token under the English-OCR confusion model (data/reference/ocr-confusions.json): the
// token's confusable spans (`a`, `d`, `é`, `6`, `&`, `é&`, a dropped letter …) are swapped for å/ä/ö in
// combinations, likeliest first (best-first over the summed log-probability), and only the
// spellings hunspell accepts are kept. Bounded: at most `maxEdits` swaps, one dropped letter, and a
// budget of lexicon checks per token.
import { confusionIndex, type Confusion } from '../../../data/reference/ocr-confusions.js';
import type { Lexicon } from './lexicon.js';

export interface Candidate {
  /** The repaired spelling, in the token's case pattern. */
  word: string;
  /** Σ log P(ocr | letter) over the swaps. */
  logPrior: number;
  edits: number;
}

interface Edit {
  pos: number;
  len: number;
  /** The letter put in; null: a "keep" marker (a suspect character left as written). */
  letter: string | null;
  logP: number;
  /** Search order: logP plus the odds of the letter against the characters being right as written. */
  cost: number;
}

export interface CandidateOptions {
  maxEdits?: number;
  /** Lowest summed log-probability explored. */
  floor?: number;
  /** Lexicon checks allowed for one token. */
  maxChecks?: number;
  /** Allow one dropped letter to be restored. */
  insertions?: boolean;
  /** Search in order of the channel odds (see `searchCost`) instead of the bare confusion prior, with
   * suspect letters (é …) changed unless kept at a cost. */
  channel?: boolean;
}

const INDEX = confusionIndex();
const DROPPED = (INDEX.get('') ?? []).filter((c) => c.letter !== 'l');
const JUNK = /[0-9&|€@]/;
/** Letters that are rare in Swedish, so in a misspelt word mostly OCR damage (`vért`, `méanad`); left
 * as written only at a cost (`arbetsmiljokommittéer` keeps its é). */
const SUSPECT = /[éèêâàáóò]/;
const KEEP_SUSPECT = -4;
/** Letter frequencies of Swedish (%), for the search order: an `a` is usually an `a`, so a swap of it
 * costs the odds log f(å)/f(a) on top of log P(a | å); a suspect or junk character costs nothing. */
const FREQ: Record<string, number> = {
  a: 9.4,
  b: 1.5,
  c: 1.5,
  d: 4.7,
  e: 10.1,
  f: 2,
  g: 2.9,
  h: 2.1,
  i: 5.8,
  j: 0.6,
  k: 3.1,
  l: 5.3,
  m: 3.5,
  n: 8.5,
  o: 4.5,
  p: 1.8,
  q: 0.02,
  r: 8.4,
  s: 6.6,
  t: 7.7,
  u: 1.9,
  v: 2.4,
  w: 0.1,
  x: 0.2,
  y: 0.7,
  z: 0.1,
  å: 1.3,
  ä: 1.8,
  ö: 1.3,
};

function searchCost(ocr: string, letter: string, logP: number): number {
  const f = (ch: string): number => (FREQ[ch] ?? FREQ[letter] ?? 1.3) / 100;
  let c = logP + Math.log(f(letter));
  for (const ch of ocr) c -= Math.log(f(ch));
  return Math.min(0, c);
}
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

function isAllCaps(chars: string[]): boolean {
  let letters = 0;
  for (const c of chars) {
    if (!LETTER.test(c)) continue;
    letters++;
    if (!UPPER.test(c)) return false;
  }
  return letters >= 2;
}

/** May this token be respelt at all? Numbers and codes (`2023`, `E18`, `1.4`) may not. */
export function isRepairable(token: string): boolean {
  const chars = Array.from(token);
  const letters = chars.filter((c) => LETTER.test(c)).length;
  if (letters === 0) return /^&[\p{L}]/u.test(token);
  const digits = chars.filter((c) => /[0-9]/.test(c)).length;
  if (digits > 0) {
    // `6ka`, `I6sningar`, `16per` yes; `E18`, `K2`, `3D`, `AB12` no.
    if (letters < 2 || digits > 2 || isAllCaps(chars)) return false;
  }
  // Short capitals are abbreviations (`KS`, `LSS`, `APT`), not damaged words.
  if (isAllCaps(chars) && letters <= 3) return false;
  return chars.length <= 40;
}

function editsFor(chars: string[], lower: string[], channel: boolean): Edit[] {
  const edits: Edit[] = [];
  for (let p = 0; p < lower.length; p++) {
    for (let len = 1; len <= 2 && p + len <= lower.length; len++) {
      const s = lower.slice(p, p + len).join('');
      const list: Confusion[] | undefined = INDEX.get(s);
      if (!list) continue;
      for (const c of list) {
        // l read as I/1: only a capital I or a digit 1 inside a word (`I6sningar`, `16per`).
        if (c.letter === 'l' && !(len === 1 && (chars[p] === 'I' || chars[p] === '1'))) continue;
        if (c.letter === 'l' && chars[p] === 'I' && p > 0 && !isAllCaps(chars)) continue;
        edits.push({ pos: p, len, letter: c.letter, logP: c.logP, cost: channel ? searchCost(s, c.letter, c.logP) : c.logP });
      }
    }
  }
  return edits;
}

function recase(chars: string[], edits: Edit[], allCaps: boolean): string {
  const sorted = [...edits].sort((a, b) => a.pos - b.pos || a.len - b.len);
  let out = '';
  let i = 0;
  for (const e of sorted) {
    if (e.letter === null) continue;
    out += chars.slice(i, e.pos).join('');
    let letter = e.letter;
    const src = chars.slice(e.pos, e.pos + e.len);
    // A capital A/O/E stands for a capital Å/Ä/Ö only where a capital belongs (start of the word).
    const srcUpper = e.pos === 0 && src.length > 0 && UPPER.test(src[0]) && /[AOEIÉÂ]/.test(src[0]);
    if (allCaps || (srcUpper && e.letter !== 'l')) letter = letter.toUpperCase();
    if (e.len === 0 && e.pos === 0 && chars.length > 1 && UPPER.test(chars[0]) && !allCaps) {
      // `Ldre` → `Äldre`: the capital moves to the restored letter.
      letter = letter.toUpperCase();
      out += letter;
      chars = [chars[0].toLowerCase(), ...chars.slice(1)];
      i = e.pos;
      continue;
    }
    out += letter;
    i = e.pos + e.len;
  }
  out += chars.slice(i).join('');
  return out;
}

/** A search state: indices into the sorted edit list (ascending) and their summed search cost. */
interface State {
  idx: number[];
  /** Summed search cost (the heap order). */
  cost: number;
  /** Summed log P(ocr | letter) of the real swaps. */
  prior: number;
  /** Real swaps (not counting kept suspects). */
  edits: number;
  seq: number;
}

/** Max-heap on cost (ties: first pushed first, so the order is deterministic). */
class Heap {
  private readonly a: State[] = [];
  get size(): number {
    return this.a.length;
  }
  peek(): State | undefined {
    return this.a[0];
  }
  private before(x: State, y: State): boolean {
    return x.cost > y.cost || (x.cost === y.cost && x.seq < y.seq);
  }
  push(s: State): void {
    const a = this.a;
    a.push(s);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): State | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l], a[m])) m = l;
        if (r < a.length && this.before(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

function overlapsAny(e: Edit, chosen: Edit[]): boolean {
  for (const c of chosen) {
    if (e.len === 0 || c.len === 0) {
      if (e.len === 0 && c.len === 0) return true; // one restored letter at most
      if (e.len === 0 ? e.pos > c.pos && e.pos < c.pos + c.len : c.pos > e.pos && c.pos < e.pos + e.len) return true;
    } else if (e.pos < c.pos + c.len && c.pos < e.pos + e.len) return true;
  }
  return false;
}

/**
 * Valid respellings of `token`, best prior first. The token itself is not included.
 *
 * Best first: combinations of swaps are visited in order of falling search cost (the prior, or with
 * `channel` the channel odds; a heap over the sorted swap list, each combination reached from exactly
 * one parent), so the lexicon is asked about the likeliest spellings first and the search can stop as
 * soon as the rest are too unlikely to matter. Hand-written because no maintained package offers this
 * lazy enumeration of subsets in order of their sum, and a generic heap is a dozen lines.
 */
export function candidates(token: string, lexicon: Lexicon, options: CandidateOptions = {}): Candidate[] {
  const chars = Array.from(token);
  const lower = chars.map((c) => c.toLowerCase());
  const allCaps = isAllCaps(chars);
  const channel = options.channel ?? false;
  const maxEdits = options.maxEdits ?? (chars.length >= 12 ? 4 : 3);
  const finalFloor = options.floor ?? -16;
  const maxChecks = options.maxChecks ?? 1500;
  const all = editsFor(chars, lower, channel);
  if (options.insertions !== false && chars.length >= 2) {
    for (let p = 0; p <= chars.length; p++) {
      for (const c of DROPPED)
        all.push({ pos: p, len: 0, letter: c.letter, logP: c.logP, cost: channel ? searchCost('', c.letter, c.logP) : c.logP });
    }
  }
  const suspects = channel ? lower.map((c, i) => (SUSPECT.test(c) ? i : -1)).filter((i) => i >= 0) : [];
  for (const p of suspects) all.push({ pos: p, len: 1, letter: null, logP: 0, cost: KEEP_SUSPECT });
  all.sort((a, b) => b.cost - a.cost);
  const found = new Map<string, Candidate>();
  const tried = new Set<string>();
  let checks = 0;
  const junkPositions = lower.map((c, i) => (JUNK.test(c) ? i : -1)).filter((i) => i >= 0);
  const covers = (chosen: Edit[], pos: number, keepCounts: boolean): boolean =>
    chosen.some((e) => e.len > 0 && (keepCounts || e.letter !== null) && pos >= e.pos && pos < e.pos + e.len);

  // Where to stop: the floor, or once something is found, one 3-wide level below the level it was
  // found on (rivals close to the first find are looked for; far-fetched ones are not).
  let stopAt = finalFloor;
  const heap = new Heap();
  let seq = 0;
  const real = (e: Edit): number => (e.letter === null ? 0 : 1);
  if (all.length > 0 && all[0].cost >= stopAt) heap.push({ idx: [0], cost: all[0].cost, prior: all[0].logP, edits: real(all[0]), seq: seq++ });
  let pops = 0;
  const maxPops = 40 * maxChecks + 1000;
  while (heap.size > 0 && checks < maxChecks && pops < maxPops) {
    const s = heap.pop()!;
    pops++;
    if (s.cost < stopAt) break;
    const chosen = s.idx.map((k) => all[k]);
    const last = chosen[chosen.length - 1];
    const ok = !overlapsAny(last, chosen.slice(0, -1));
    if (
      ok &&
      s.edits > 0 &&
      s.prior >= finalFloor &&
      junkPositions.every((p) => covers(chosen, p, false)) &&
      suspects.every((p) => covers(chosen, p, true))
    ) {
      const word = recase(chars, chosen, allCaps);
      if (word !== token && !tried.has(word)) {
        tried.add(word);
        checks++;
        if (lexicon.isWord(word)) {
          const prev = found.get(word);
          if (!prev || prev.logPrior < s.prior) found.set(word, { word, logPrior: s.prior, edits: s.edits });
          if (found.size === 1) {
            const level = Math.max(finalFloor, -3 * Math.max(1, Math.ceil(-s.cost / 3)));
            stopAt = Math.max(stopAt, level - 3);
          }
        }
      }
    }
    // Successors: swap the last edit for the next one; or (if this one is consistent) add the next.
    const j = s.idx[s.idx.length - 1];
    if (j + 1 < all.length) {
      const next = all[j + 1];
      const replaced = s.cost - all[j].cost + next.cost;
      if (replaced >= stopAt) {
        heap.push({
          idx: [...s.idx.slice(0, -1), j + 1],
          cost: replaced,
          prior: s.prior - all[j].logP + next.logP,
          edits: s.edits - real(all[j]) + real(next),
          seq: seq++,
        });
      }
      const added = s.cost + next.cost;
      if (ok && s.edits + real(next) <= maxEdits && added >= stopAt) {
        heap.push({ idx: [...s.idx, j + 1], cost: added, prior: s.prior + next.logP, edits: s.edits + real(next), seq: seq++ });
      }
    }
  }
  return [...found.values()].sort((a, b) => b.logPrior - a.logPrior);
}
