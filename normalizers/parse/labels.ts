// Recognises the structural labels of a plan. The words come from the vocabularies in
// data/reference/vocabulary/; patterns work on folded text and tolerate the letters an English OCR
// model puts in place of å/ä/ö (`Namndmal`, `KF:s mal for verksamhetsomradet`).
import { builtinVocabularies, type Vocabulary } from '../../data/reference/vocabulary.js';
import type { DocLine, GoalLevel, SectionKey } from '../../model/document.js';
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

/** a goal number printed after a level label: `1.`, `1.1`, `2.3.1` */
const GOAL_NUMBER = String.raw`\d+(?:\.\d+)*\.?`;

/** The compiled vocabulary: what `classify` matches lines against. */
export interface Labels {
  /** the vocabularies compiled here, in their order: the budget and metadata readers take their words from them */
  vocabularies: readonly Vocabulary[];
  goals: Array<{ level: GoalLevel; re: RegExp }>;
  sections: Array<{ key: SectionKey; re: RegExp }>;
  endOfGoals: RegExp[];
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
  return { vocabularies, goals: goals.map(({ level, re }) => ({ level, re })), sections, endOfGoals };
}

let builtinLabels: Labels | null = null;

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
  if (/^indikator\b/.test(f) && /(rsm\S{1,2}l|periodicitet)/.test(f)) return { kind: 'indicator-header' };
  if (/^aktivitet\b.*startdatum/.test(f)) return { kind: 'activity-header' };
  if (/^beloppen anges i tkr/.test(f)) return { kind: 'budget-header' };
  if (labels.endOfGoals.some((re) => re.test(f))) return { kind: 'end-of-goals' };
  return { kind: 'text' };
}
