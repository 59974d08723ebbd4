// Candidate spellings of a token under the English-OCR confusion model (data/ocr-confusions.ts): the
// token's confusable spans (`a`, `d`, `é`, `6`, `&`, `é&`, a dropped letter …) are swapped for å/ä/ö in
// combinations, cheapest first (iterative deepening on the summed log-probability), and only the
// spellings hunspell accepts are kept. Bounded: at most `maxEdits` swaps, one dropped letter, and a
// budget of lexicon checks per token.
import { confusionIndex, type Confusion } from '../../data/ocr-confusions.js';
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
  letter: string;
  logP: number;
}

export interface CandidateOptions {
  maxEdits?: number;
  /** Lowest summed log-probability explored. */
  floor?: number;
  /** Lexicon checks allowed for one token. */
  maxChecks?: number;
  /** Allow one dropped letter to be restored. */
  insertions?: boolean;
}

const INDEX = confusionIndex();
const DROPPED = (INDEX.get('') ?? []).filter((c) => c.letter !== 'l');
const JUNK = /[0-9&|€@]/;
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

function editsFor(chars: string[], lower: string[]): Edit[] {
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
        edits.push({ pos: p, len, letter: c.letter, logP: c.logP });
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

/**
 * Valid respellings of `token`, best prior first. The token itself is not included.
 */
export function candidates(token: string, lexicon: Lexicon, options: CandidateOptions = {}): Candidate[] {
  const chars = Array.from(token);
  const lower = chars.map((c) => c.toLowerCase());
  const allCaps = isAllCaps(chars);
  const maxEdits = options.maxEdits ?? (chars.length >= 12 ? 4 : 3);
  const finalFloor = options.floor ?? -16;
  const maxChecks = options.maxChecks ?? 1500;
  const subs = editsFor(chars, lower).sort((a, b) => b.logP - a.logP);
  const ins: Edit[] = [];
  if (options.insertions !== false && chars.length >= 2) {
    for (let p = 0; p <= chars.length; p++) for (const c of DROPPED) ins.push({ pos: p, len: 0, letter: c.letter, logP: c.logP });
  }
  const all = [...subs, ...ins].sort((a, b) => b.logP - a.logP);
  const found = new Map<string, Candidate>();
  const tried = new Set<string>();
  let checks = 0;
  const chosen: Edit[] = [];
  const junkPositions = lower.map((c, i) => (JUNK.test(c) ? i : -1)).filter((i) => i >= 0);

  const covered = (pos: number): boolean => chosen.some((e) => e.len > 0 && pos >= e.pos && pos < e.pos + e.len);
  const overlaps = (e: Edit): boolean =>
    chosen.some((c) =>
      e.len === 0 || c.len === 0
        ? e.len === 0 && c.len === 0
          ? true // one restored letter at most
          : e.len === 0
            ? e.pos > c.pos && e.pos < c.pos + c.len
            : c.pos > e.pos && c.pos < e.pos + e.len
        : e.pos < c.pos + c.len && c.pos < e.pos + e.len,
    );

  const visit = (start: number, logP: number, floor: number): void => {
    if (checks >= maxChecks) return;
    if (chosen.length > 0 && junkPositions.every(covered)) {
      const word = recase(chars, chosen, allCaps);
      if (!tried.has(word)) {
        tried.add(word);
        checks++;
        if (word !== token && lexicon.isWord(word)) {
          const prev = found.get(word);
          if (!prev || prev.logPrior < logP) found.set(word, { word, logPrior: logP, edits: chosen.length });
        }
      }
    }
    if (chosen.length >= maxEdits) return;
    for (let k = start; k < all.length; k++) {
      const e = all[k];
      if (logP + e.logP < floor) break; // sorted: the rest are cheaper still
      if (overlaps(e)) continue;
      chosen.push(e);
      visit(k + 1, logP + e.logP, floor);
      chosen.pop();
      if (checks >= maxChecks) return;
    }
  };

  for (let floor = -3; ; floor -= 3) {
    const f = Math.max(floor, finalFloor);
    const before = found.size;
    visit(0, 0, f);
    // Once something is found, look one level further for rivals, then stop.
    if (f <= finalFloor || checks >= maxChecks) break;
    if (before > 0) break;
  }
  return [...found.values()].sort((a, b) => b.logPrior - a.logPrior);
}
