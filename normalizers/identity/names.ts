// Name normalisation for matching (never for output): indicator names, goal titles and KF goal titles are
// reduced to what survives rewording between plans. `analyseName` folds case and diacritics (after
// stemming, so natural's Swedish Porter stemmer sees å/ä/ö), strips numbering and punctuation, and keeps
// apart what must block a link: numbers with the word before them (`dag 1-14`), scope words (negation,
// gender, age groups) and qualifiers (the part after a spaced dash, and parentheses). `tokenSimilarity`
// is a soft Dice coefficient over stem sets: equal stems count 1, near-equal stems (Jaro-Winkler ≥ 0.92,
// both ≥ 5 letters: OCR damage, compound drift) count their Jaro-Winkler value.
import jaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import stemmer from 'natural/lib/natural/stemmers/porter_stemmer_sv.js';
import { fold } from '../fold.js';
import { identityWords } from '../../data/reference/identity-words.js';

const WORDS = identityWords();

/** Swedish function words (data/reference/identity-words.json): they carry no identity (a rewording adds or drops them freely). */
const STOPWORDS = new Set(WORDS.stopwords.map(fold));

/**
 * Words that change what is measured, not how it is said: present on one side only (or different on
 * each side) they block a link. Keys are folded words; values the group reported in the reason.
 */
const SCOPE_WORDS: Record<string, string> = Object.fromEntries(
  Object.entries(WORDS.scope).flatMap(([group, list]) => list.map((w) => [fold(w), group])),
);

/** Folded word → the word its synonym group is compared as (the group's first). */
const SYNONYM_OF = new Map(WORDS.synonyms.flatMap((group) => group.map((w) => [fold(w), group[0]] as const)));

const DASHES = /[\u2010-\u2015\u2212]/g;
const TOKEN = /\p{L}+|\d+(?:[.,]\d+)?(?:-\d+(?:[.,]\d+)?)?/gu;
const NUMBERING = /^\s*(?:[•*·▪–-]\s*)?(?:\d+(?:\.\d+)*\.?|[a-z][.)])\s+(?=\p{L})/iu;

export interface NumberToken {
  /** the number as printed, folded (`1-14`, `3,5`) */
  value: string;
  /** the word before it, folded (`dag`), or null */
  context: string | null;
}

export interface AnalysedName {
  original: string;
  /** folded, numbering and punctuation removed, spaces collapsed: equality here is 'same normalised name' */
  normalized: string;
  /** folded stems of the content words outside parentheses, deduplicated, in first-seen order */
  main: string[];
  /** folded stems of the content words inside parentheses */
  parenthetical: string[];
  /** folded stems of the words after a spaced dash (` - `), up to a parenthesis */
  dashQualifier: string[];
  /** the dash qualifier and the parenthetical as printed (lower case, spaces collapsed), for reasons */
  dashText: string | null;
  parenText: string | null;
  numbers: NumberToken[];
  /** scope words present (folded), sorted */
  scope: string[];
}

/** Diacritics other than å, ä, ö removed (`é` → `e`): the stemmer's vowels are Swedish ones. */
function foldForeign(word: string): string {
  const swedish = new Set(['a\u030a', 'a\u0308', 'o\u0308']);
  return word
    .normalize('NFD')
    .replace(/(\p{L})(\p{M}+)/gu, (m, base: string) => (swedish.has(m) ? m : base))
    .normalize('NFC');
}

/** One word's folded stem: stemmed with its diacritics (other than å, ä, ö, which the stemmer knows, removed), then folded. */
export function stemWord(word: string): string {
  return fold(stemmer.stem(foldForeign(word.toLowerCase())));
}

/** Lower case, NFC, dashes unified, leading numbering (`1.4 `, `a) `, bullets) removed. */
function prepare(s: string): string {
  return s.normalize('NFC').replace(DASHES, '-').replace(NUMBERING, '').toLowerCase();
}

/** The comparable form of a name: folded, numbering and punctuation removed, spaces collapsed. */
export function normalizeName(s: string): string {
  return (prepare(s).match(TOKEN) ?? []).map(fold).join(' ');
}

function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const t of text.match(TOKEN) ?? []) {
    if (/^\d/.test(t)) continue;
    const f = fold(t);
    if (STOPWORDS.has(f) || SCOPE_WORDS[f]) continue;
    const stem = stemWord(SYNONYM_OF.get(f) ?? t);
    if (!out.includes(stem)) out.push(stem);
  }
  return out;
}

export function analyseName(original: string): AnalysedName {
  const s = prepare(original);
  const parens = [...s.matchAll(/\(([^)]*)\)?/g)].map((m) => m[1]);
  const outside = s.replace(/\([^)]*\)?/g, ' ');
  const dash = outside.match(/\s-\s(.*)$/);
  const tokens = s.match(TOKEN) ?? [];
  const numbers: NumberToken[] = [];
  const scope = new Set<string>();
  tokens.forEach((t, i) => {
    const f = fold(t);
    if (/^\d/.test(t)) numbers.push({ value: f.replace('.', ','), context: i > 0 && !/^\d/.test(tokens[i - 1]) ? fold(tokens[i - 1]) : null });
    else if (SCOPE_WORDS[f]) scope.add(f);
  });
  numbers.sort((a, b) => cmp(a.value, b.value));
  return {
    original,
    normalized: tokens.map(fold).join(' '),
    main: contentStems(outside),
    parenthetical: contentStems(parens.join(' ')),
    dashQualifier: dash ? contentStems(dash[1]) : [],
    dashText: dash ? dash[1].replace(/\s+/g, ' ').trim() : null,
    parenText: parens.length ? parens.join('; ').replace(/\s+/g, ' ').trim() : null,
    numbers,
    scope: [...scope].sort(cmp),
  };
}

/** Plain code-unit comparison: deterministic, independent of the locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const FUZZY_MIN = 0.92;
/** credit for two stems one letter apart (`namnd` / `nemnd`: an OCR'd `ä`) */
const ONE_EDIT = 0.9;

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * How alike two stems are: 1 when equal; for stems of ≥ 5 letters the Jaro-Winkler similarity when
 * ≥ 0.92, or 0.9 when they are one edit apart; else 0.
 */
export function stemSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 5 || b.length < 5) return 0;
  const s = jaroWinkler(a, b);
  if (s >= FUZZY_MIN) return s;
  return editDistance(a, b) === 1 ? ONE_EDIT : 0;
}

/** The stems of `a` without a counterpart in `b` (equal or similar, as `stemSimilarity` judges). */
export function unmatchedStems(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((x) => !b.some((y) => stemSimilarity(x, y) > 0));
}

/**
 * Soft Dice coefficient of two stem sets in [0, 1]: exact matches first, then the remaining stems paired
 * greedily by similarity (ties broken by the stems themselves, so the result does not depend on order).
 */
export function tokenSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const restA = a.filter((t) => !b.includes(t));
  const restB = new Set(b.filter((t) => !a.includes(t)));
  let credit = a.length - restA.length;
  const candidates: [number, string, string][] = [];
  for (const x of restA) for (const y of restB) candidates.push([stemSimilarity(x, y), x, y]);
  candidates.sort((p, q) => q[0] - p[0] || cmp(p[1], q[1]) || cmp(p[2], q[2]));
  const usedA = new Set<string>();
  for (const [s, x, y] of candidates) {
    if (s === 0) break;
    if (usedA.has(x) || !restB.has(y)) continue;
    usedA.add(x);
    restB.delete(y);
    credit += s;
  }
  return (2 * credit) / (a.length + b.length);
}

/** All content stems of a name (main part, dash qualifier and parentheses). */
export function allStems(n: AnalysedName): string[] {
  return [...new Set([...n.main, ...n.parenthetical])];
}

/** A number with its context word, as a reason shows it (`dag 1-14`). */
export function showNumber(n: NumberToken): string {
  return n.context ? `${n.context} ${n.value}` : n.value;
}

/** Round for display and comparison with thresholds (scores are compared at 3 decimals). */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The value at `key`, created by `init` on first use. */
export function entry<K, V>(map: Map<K, V>, key: K, init: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = init();
    map.set(key, v);
  }
  return v;
}
