// Undo UTF-8 that was decoded as Windows-1252 or Latin-1 ("mojibake": `för` → `fÃ¶r`, twice → `fÃƒÂ¶r`).
//
// The method (the idea behind Python's ftfy, written anew): a stretch of text is re-encoded to the bytes
// the wrong decoder must have seen (sloppy Windows-1252, which also covers Latin-1's C1 controls) and
// those bytes are decoded as strict UTF-8. The result replaces the stretch only if
//   1. the round trip is exact — every character has a byte and the bytes are valid UTF-8;
//   2. the result is plausible — no C1 controls, unassigned code points or non-Latin combining marks;
//   3. the badness (see badness.ts) of the surrounding text strictly drops.
// Stretches are tried from the largest down — whole text, paragraph, line, run of non-ASCII
// characters — so that a wholly damaged file is repaired in one piece (ambiguous pairs ride along with
// definite ones), while in a mixed file each damaged run is repaired on its own and clean `ä` beside it
// is left alone. Each stretch is retried up to three times for mojibake applied more than once.
// Newlines are ASCII and never part of a multi-byte sequence, so line numbers survive every repair.
import { badness, mayBeBad } from './badness.js';
import { decodeUtf8Strict, encodeSloppy1252 } from '../../../extractors/encoding/cp1252.js';

export interface Repair {
  /** 1-based line number in the input. */
  line: number;
  /** The changed words of the line, before and after. */
  before: string;
  after: string;
  rule:
    | 'mojibake-cp1252'
    | 'mojibake-latin1'
    | 'mojibake-cp1252-twice'
    | 'mojibake-latin1-twice'
    | 'mojibake-cp1252-thrice'
    | 'mojibake-latin1-thrice';
  confidence: number;
}

export interface RepairResult {
  text: string;
  repairs: Repair[];
}

const MAX_PASSES = 3;

/** A result character no real text decodes to: C1 control, unassigned, or a combining mark outside
 * the Latin diacritics block (e.g. a Hebrew point from `Ö»`). */
const IMPLAUSIBLE = /[\u0080-\u009f\p{Cn}]|(?![\u0300-\u036f])\p{M}/u;

/** Non-ASCII characters a sloppy-1252/Latin-1 decoder can produce: where mojibake lives. */
const RUN =
  /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]+/g;

/** Re-encode as sloppy 1252 and decode as strict UTF-8; null if impossible or unchanged. */
function roundTripRaw(s: string): string | null {
  const bytes = encodeSloppy1252(s);
  if (!bytes) return null;
  const out = decodeUtf8Strict(bytes);
  return out === null || out === s ? null : out;
}

const C1 = /[\u0080-\u009f]/;

/**
 * One repair step: a round trip, continued while the result still holds C1 controls (the middle stage
 * of a double Latin-1/1252 mix, e.g. `Ã¢â‚¬Â\u009d` → `â€\u009d` → `”`). Null unless the final result is
 * plausible. `steps` is the number of decodings made.
 */
function roundTrip(s: string, maxSteps: number): { text: string; steps: number } | null {
  let cur = s;
  for (let steps = 1; steps <= maxSteps; steps++) {
    const out = roundTripRaw(cur);
    if (out === null) return null;
    if (!IMPLAUSIBLE.test(out)) return { text: out, steps };
    if (!C1.test(out) || IMPLAUSIBLE.test(out.replace(/[\u0080-\u009f]/g, ''))) return null;
    cur = out;
  }
  return null;
}

/**
 * Fallback for a run that does not round-trip as a whole (clean `ä` glued to mojibake `Ã¤`): decode
 * each complete UTF-8-shaped sequence inside it. Refused when a leftover byte is a continuation byte
 * or the lead Â/Ã — then the run is not "clean text + mojibake" but something we do not understand
 * (`ÂªÃ`).
 */
function roundTripPieces(s: string): string | null {
  const bytes = encodeSloppy1252(s);
  if (!bytes) return null;
  let out = '';
  let changed = false;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    let ok = need > 0 && i + need < bytes.length;
    for (let j = 1; ok && j <= need; j++) ok = i + j < bytes.length && bytes[i + j] >= 0x80 && bytes[i + j] <= 0xbf;
    const piece = ok ? decodeUtf8Strict(bytes.subarray(i, i + need + 1)) : null;
    if (piece !== null) {
      out += piece;
      changed = true;
      i += need + 1;
      continue;
    }
    if ((b >= 0x80 && b <= 0xbf) || b === 0xc2 || b === 0xc3) return null;
    out += s[i];
    i++;
  }
  if (!changed || IMPLAUSIBLE.test(out)) return null;
  return out;
}

/** Which wrong decoder a stretch went through, as far as its characters tell: 1252 if it holds a 1252
 * typographic character, Latin-1 if it holds C1 controls only, null if it cannot be told (`Ã¤`). */
function encodingOf(s: string): 'cp1252' | 'latin1' | null {
  if (/[\u0152-\u2122]/.test(s)) return 'cp1252';
  if (/[\u0080-\u009f]/.test(s)) return 'latin1';
  return null;
}

interface LineState {
  passes: number;
  latin1: boolean;
  cp1252: boolean;
  pieces: boolean;
}

class Repairer {
  readonly lines: string[];
  readonly state: LineState[];

  constructor(text: string) {
    this.lines = text.split('\n');
    this.state = this.lines.map(() => ({ passes: 0, latin1: false, cp1252: false, pieces: false }));
  }

  /** Record that line `i` went from `prev` through one more decoding pass. */
  private mark(i: number, enc: 'cp1252' | 'latin1' | null, steps: number, pieces = false): void {
    const st = this.state[i];
    st.passes += steps;
    if (enc === 'cp1252') st.cp1252 = true;
    else if (enc === 'latin1') st.latin1 = true;
    if (pieces) st.pieces = true;
  }

  /** Try lines [a, b) as one stretch, up to MAX_PASSES times. */
  fixRange(a: number, b: number): void {
    let cur = this.lines.slice(a, b).join('\n');
    let bad = badness(cur);
    for (let pass = 0; pass < MAX_PASSES && bad > 0; ) {
      const step = roundTrip(cur, MAX_PASSES - pass);
      if (step === null) break;
      const nb = badness(step.text);
      if (nb >= bad) break;
      const before = cur.split('\n');
      const after = step.text.split('\n');
      const enc = encodingOf(cur);
      for (let k = 0; k < after.length; k++) if (after[k] !== before[k]) this.mark(a + k, enc, step.steps);
      cur = step.text;
      bad = nb;
      pass += step.steps;
    }
    const out = cur.split('\n');
    for (let k = 0; k < out.length; k++) this.lines[a + k] = out[k];
  }

  /**
   * Try each run of non-ASCII 1252 characters of line `i` on its own. Badness rules look at most two
   * characters ahead, so a run's effect is judged on the run with two characters of context either side
   * (which keeps a long line linear).
   */
  fixRuns(i: number): void {
    for (let round = 0; round < MAX_PASSES; round++) {
      const line = this.lines[i];
      if (badness(line) === 0) return;
      const parts: string[] = [];
      let last = 0;
      let tail = ''; // last two characters written
      let steps = 0;
      let enc: 'cp1252' | 'latin1' | null = null;
      let usedPieces = false;
      for (const m of line.matchAll(RUN)) {
        const run = m[0];
        const start = m.index;
        const end = start + run.length;
        const gap = line.slice(last, start);
        parts.push(gap);
        tail = (tail + gap).slice(-2);
        last = end;
        const step = roundTrip(run, MAX_PASSES);
        const cand = step?.text ?? roundTripPieces(run);
        const right = line.slice(end, end + 2);
        if (cand === null || badness(tail + cand + right) >= badness(tail + run + right)) {
          parts.push(run);
          tail = (tail + run).slice(-2);
          continue;
        }
        parts.push(cand);
        tail = (tail + cand).slice(-2);
        steps = Math.max(steps, step?.steps ?? 1);
        usedPieces ||= step === null;
        const e = encodingOf(run);
        if (e === 'cp1252' || enc === null) enc = e;
      }
      if (steps === 0) return;
      parts.push(line.slice(last));
      this.mark(i, enc, steps, usedPieces);
      this.lines[i] = parts.join('');
    }
  }
}

/** Paragraphs: maximal ranges of non-blank lines, as [start, end). */
function paragraphs(lines: string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const blank = i === lines.length || lines[i].trim() === '';
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      out.push([start, i]);
      start = -1;
    }
  }
  return out;
}

/** The smallest whitespace-delimited span in which two versions of a line differ. */
function changedSpan(before: string, after: string): { before: string; after: string } {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let sb = before.length;
  let sa = after.length;
  while (sb > p && sa > p && before[sb - 1] === after[sa - 1]) {
    sb--;
    sa--;
  }
  while (p > 0 && !/\s/.test(before[p - 1])) p--;
  while (sb < before.length && !/\s/.test(before[sb])) {
    sb++;
    sa++;
  }
  return { before: before.slice(p, sb), after: after.slice(p, sa) };
}

function ruleOf(st: LineState): Repair['rule'] {
  const enc = st.latin1 && !st.cp1252 ? 'latin1' : 'cp1252';
  const times = st.passes >= 3 ? '-thrice' : st.passes === 2 ? '-twice' : '';
  return `mojibake-${enc}${times}` as Repair['rule'];
}

/** Detect and undo UTF-8 read as Windows-1252/Latin-1, once or repeatedly, wholly or in parts. */
export function repairMojibake(text: string): RepairResult {
  if (!mayBeBad(text) || badness(text) === 0) return { text, repairs: [] };
  const r = new Repairer(text);
  const n = r.lines.length;
  r.fixRange(0, n);
  const paras = paragraphs(r.lines);
  if (paras.length > 1) for (const [a, b] of paras) if (badness(r.lines.slice(a, b).join('\n')) > 0) r.fixRange(a, b);
  for (let i = 0; i < n; i++) if (badness(r.lines[i]) > 0) r.fixRange(i, i + 1);
  for (let i = 0; i < n; i++) if (badness(r.lines[i]) > 0) r.fixRuns(i);

  const original = text.split('\n');
  const repairs: Repair[] = [];
  for (let i = 0; i < n; i++) {
    if (r.lines[i] === original[i]) continue;
    const st = r.state[i];
    const d = badness(original[i]);
    let confidence = d > 0 ? Math.min(0.99, 1 - 0.5 ** (d + 1)) : 0.6;
    if (st.pieces) confidence *= 0.9;
    repairs.push({ line: i + 1, ...changedSpan(original[i], r.lines[i]), rule: ruleOf(st), confidence: Math.round(confidence * 100) / 100 });
  }
  return { text: r.lines.join('\n'), repairs };
}
