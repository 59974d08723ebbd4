// Recognises the structural labels of a plan. The words come from the vocabularies in
// data/reference/vocabulary/; patterns work on folded text and tolerate the letters an English OCR
// model puts in place of å/ä/ö (`Namndmal`, `KF:s mal for verksamhetsomradet`).
import { type ActivityRole, builtinVocabularies, type IndicatorRole, type Vocabulary } from '../../data/reference/vocabulary.js';
import type { DocLine, GoalLevel, Periodicity, SectionKey } from '../../model/document.js';
import { fold } from '../fold.js';

/** one or two characters where the document has å, ä or ö */
const V = '\\S{1,2}';

/**
 * A word of the vocabulary as a pattern on folded text: case and diacritics ignored, å/ä/ö as one or
 * two characters (OCR and mojibake), a colon inside a word (`KF:s`) as `:`, `;` or nothing.
 */
function wordPattern(word: string): string {
  let out = '';
  for (const c of word.normalize('NFC').trim().replace(/\s+/g, ' ')) {
    if (/[åäöÅÄÖ]/.test(c)) out += V;
    else if (c === ':' || c === ';') out += '[:;]?';
    else out += fold(c).replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&') || ' ';
  }
  return out;
}

/** a year after a column header (`Mål 2023`, `Utfall 2021`), captured; `år 2023` too */
const YEAR = String.raw`(?:\S{1,2}r\s+)?((?:19|20)\d{2})`;

/** a goal number printed after a level label: `1.`, `1.1`, `2.3.1`, or a letter code with its dot (`A.`, `B.2`); on folded text */
const GOAL_NUMBER = String.raw`(?:\d+(?:\.\d+)*\.?|[a-z](?:\.\d+)*\.)`;

/** The compiled vocabulary: what `classify` matches lines against. */
export interface Labels {
  /** the vocabularies compiled here, in their order: the budget and metadata readers take their words from them */
  vocabularies: readonly Vocabulary[];
  goals: Array<{ level: GoalLevel; re: RegExp }>;
  sections: Array<{ key: SectionKey; re: RegExp }>;
  endOfGoals: RegExp[];
  /** header texts of indicator table columns, longest first; group 1 of a match is a year after the header (`Utfall 2021`) */
  indicatorColumns: Array<{ role: IndicatorRole; re: RegExp; word: string }>;
  /** header texts of activity table columns, longest first */
  activityColumns: Array<{ role: ActivityRole; re: RegExp; word: string }>;
  /** periodicity words, longest first, each matching a whole folded cell */
  periodicities: Array<{ value: Periodicity; re: RegExp; word: string }>;
}

/**
 * Patterns from vocabularies (data/reference/vocabulary/), compiled once per call: none has the g or y
 * flag, so exec/test keep no lastIndex between calls. Longer labels are tried first, so a label that
 * begins another (`Kommunfullmäktiges mål`, `Kommunfullmäktiges målområde`) never cuts it short.
 */
export function compileLabels(vocabularies: readonly Vocabulary[]): Labels {
  const goals: Array<{ level: GoalLevel; re: RegExp; length: number }> = [];
  const sections: Labels['sections'] = [];
  const endOfGoals: RegExp[] = [];
  for (const v of vocabularies) {
    for (const l of v.levels) {
      for (const label of l.labels) {
        const w = wordPattern(label);
        // with a colon: `Nämndmål: title` (or the title on the next line); without: the label alone,
        // or followed by a goal number and the title; a label followed by prose is no label
        const end = l.colon === 'required' ? String.raw`\s*[:;]\s*` : String.raw`(?:\s*[:;]\s*|\s*$|\s+(?=${GOAL_NUMBER}\s+\S))`;
        goals.push({ level: l.level, re: new RegExp(`^${w}${end}`), length: fold(label).length });
      }
    }
    for (const s of v.sections) for (const h of s.headings) sections.push({ key: s.key, re: new RegExp(`^${wordPattern(h)}$`) });
    for (const h of v.endOfGoals) endOfGoals.push(new RegExp(`^${wordPattern(h)}$`));
  }
  // a stable sort: among labels of one length, the vocabularies' order
  goals.sort((a, b) => b.length - a.length);
  const periods = new Map<string, { value: Periodicity; re: RegExp; word: string; length: number }>();
  for (const v of vocabularies)
    for (const p of v.periodicities)
      for (const w of p.words)
        if (!periods.has(fold(w))) periods.set(fold(w), { value: p.value, re: new RegExp(`^${wordPattern(w)}$`), word: w, length: fold(w).length });
  const byLength = <T extends { length: number }>(m: Map<string, T>) => [...m.values()].sort((a, b) => b.length - a.length);
  return {
    vocabularies,
    goals: goals.map(({ level, re }) => ({ level, re })),
    sections,
    endOfGoals,
    indicatorColumns: headerPatterns(vocabularies.map((v) => v.indicatorColumns)),
    activityColumns: headerPatterns(vocabularies.map((v) => v.activityColumns)),
    periodicities: byLength(periods).map(({ value, re, word }) => ({ value, re, word })),
  };
}

/** Column header patterns, each header once (its first vocabulary's role), longest first; group 1 is a year after the header. */
function headerPatterns<R extends string>(
  lists: ReadonlyArray<ReadonlyArray<{ role: R; headers: readonly string[] }>>,
): Array<{ role: R; re: RegExp; word: string }> {
  const seen = new Map<string, { role: R; re: RegExp; word: string }>();
  for (const list of lists)
    for (const c of list)
      for (const h of c.headers) {
        const word = fold(h);
        if (!seen.has(word)) seen.set(word, { role: c.role, word, re: new RegExp(`^${wordPattern(h)}(?:\\s*[:;]?\\s*(?:${YEAR}))?(?![a-z])`) });
      }
  return [...seen.values()].sort((a, b) => b.word.length - a.word.length);
}

let builtinLabels: Labels | null = null;

/** The built-in vocabularies and an analyst's (read after them); the built-in labels when there are none. */
export function labelsWith(extra: readonly Vocabulary[]): Labels {
  return extra.length ? compileLabels([...builtinVocabularies(), ...extra]) : defaultLabels();
}

/** The built-in vocabularies (Stockholm ILS, general Swedish), compiled on first use. */
export function defaultLabels(): Labels {
  builtinLabels ??= compileLabels(builtinVocabularies());
  return builtinLabels;
}

export type LineKind =
  | { kind: 'goal'; level: GoalLevel; rest: string /** the level's name as printed (`Nämndens mål`) */; label: string }
  | { kind: 'section'; key: SectionKey }
  | { kind: 'indicator-header' }
  | { kind: 'activity-header' }
  | { kind: 'budget-header' }
  | { kind: 'end-of-goals' }
  | { kind: 'text' };

/**
 * What may stand before a label: markdown markup, and on scans a speckle read as a quote, a dot or a
 * bar glued to the first word (`"Indikator`, `«KF:s inriktningsmål`, `.Nämndmål`).
 */
const LEAD = /^[\s*#"'«»“”„‘’`´.,:;|¦·]+/;

function labelText(text: string): string {
  return fold(text.replace(LEAD, '').replace(/[\s*]+$/, ''));
}

/** A cell that is scan debris, not text: no letter or digit, or a scrap of at most three letters. */
function isScrap(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  if (!/[\p{L}\p{N}]/u.test(t)) return true;
  // a periodicity (`År`) and numbers are what short table cells hold
  return Array.from(t).length <= 3 && !/\d/.test(t) && !/^[AÅÄ]r$/i.test(t);
}

/**
 * The text of a line as the structure reader sees it. On an OCR'd page, scan specks that tesseract
 * read as short words (`Förväntat resultat el`, `… generationer a`, `… resurserna =.`) stand apart from
 * the text, in cells of their own: they are left out when the line has real text besides them, and a
 * line of nothing but such scraps is empty. Other lines are read as they are.
 */
export function contentText(line: DocLine): string {
  if (!line.cells || line.cells.length === 0 || line.method !== 'ocr') return line.text;
  const scraps = line.cells.map((c) => isScrap(c.text));
  if (!scraps.some(Boolean)) return line.text;
  const kept = line.cells.filter((_, i) => !scraps[i]);
  if (kept.length === 0) return '';
  if (!kept.some((c) => (c.text.match(/\p{L}/gu)?.length ?? 0) >= 4)) return line.text;
  return kept
    .map((c) => c.text)
    .join(' ')
    .trim();
}

/** At most this many words of a header line may be none of the vocabulary's headers (a header cell wrapped: `KF:s` / `årsmål`). */
const HEADER_STRAYS = 2;

/** The column role of a folded header cell and the year it names (`utfall 2021` → outcome, 2021); null when no header word starts it. */
export function columnRole(f: string, labels: Labels = defaultLabels()): { role: IndicatorRole; year: number | null; length: number } | null {
  return headerAt(f, labels.indicatorColumns);
}

/** The column role of a folded activity-table header cell; null when no header word starts it. */
export function activityRole(f: string, labels: Labels = defaultLabels()): { role: ActivityRole; year: number | null; length: number } | null {
  return headerAt(f, labels.activityColumns);
}

function headerAt<R extends string>(
  f: string,
  patterns: ReadonlyArray<{ role: R; re: RegExp }>,
): { role: R; year: number | null; length: number } | null {
  for (const { role, re } of patterns) {
    const m = re.exec(f);
    if (m) return { role, year: m[1] ? Number(m[1]) : null, length: m[0].length };
  }
  return null;
}

/**
 * A table's header row: it starts with the lead column's header (`Indikator`, `Nyckeltal`; `Aktivitet`,
 * `Åtgärd`) and the rest of it is other column headers, all but HEADER_STRAYS words, at least one of
 * them (so `Indikatorer som mäts varje tertial` is prose, not a header).
 */
function isTableHeader<R extends string>(f: string, patterns: ReadonlyArray<{ role: R; re: RegExp }>, lead: R): boolean {
  const first = headerAt(f, patterns);
  if (first?.role !== lead) return false;
  let rest = f.slice(first.length).trim();
  let others = 0;
  let strays = 0;
  while (rest) {
    const r = headerAt(rest, patterns);
    if (r && r.role !== lead) {
      others++;
      rest = rest.slice(r.length).trim();
    } else {
      if (++strays > HEADER_STRAYS) return false;
      rest = rest.replace(/^\S+\s*/, '');
    }
  }
  return others > 0;
}

/** What a line is. */
export function classify(text: string, labels: Labels = defaultLabels()): LineKind {
  const f = labelText(text);
  if (f === '') return { kind: 'text' };
  for (const { level, re } of labels.goals) {
    const m = re.exec(f);
    if (m) {
      // cut the label off the original text: count folded label length in the original words
      const labelWords = m[0].trim().split(/\s+/).length;
      const words = text.replace(LEAD, '').split(/\s+/);
      const label = words
        .slice(0, labelWords)
        .join(' ')
        .replace(/[\s*:;]+$/, '')
        .replace(/\*+/g, '');
      const rest = words
        .slice(labelWords)
        .join(' ')
        .replace(/^[:;]\s*/, '')
        .replace(/\*+$/, '')
        .trim();
      return { kind: 'goal', level, rest, label };
    }
  }
  for (const { key, re } of labels.sections) if (re.test(f)) return { kind: 'section', key };
  if (isTableHeader(f, labels.indicatorColumns, 'name')) return { kind: 'indicator-header' };
  if (isTableHeader(f, labels.activityColumns, 'text')) return { kind: 'activity-header' };
  if (/^beloppen anges i tkr/.test(f)) return { kind: 'budget-header' };
  if (labels.endOfGoals.some((re) => re.test(f))) return { kind: 'end-of-goals' };
  return { kind: 'text' };
}
