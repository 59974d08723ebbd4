// Recognises the structural labels of a plan. Patterns work on folded text and tolerate the letters
// an English OCR model puts in place of å/ä/ö (`Namndmal`, `KF:s mal for verksamhetsomradet`).
import type { DocLine, GoalLevel, SectionKey } from '../../model/document.js';
import { fold } from '../fold.js';

// The patterns below are compiled once at import and are constant: none has the g or y flag, so
// exec/test keep no lastIndex between calls.

/** one or two characters where the document has å, ä or ö */
const V = '\\S{1,2}';

const GOAL_LABELS: Array<[GoalLevel, RegExp]> = [
  ['kf_inriktningsmal', new RegExp(`^kf[:;]?s inriktningsm${V}l\\s*[:;]\\s*`)],
  ['kf_verksamhetsmal', new RegExp(`^kf[:;]?s m${V}l f${V}r verksamhetsomr${V}det\\s*[:;]\\s*`)],
  ['namndmal', new RegExp(`^n${V}mndm${V}l\\s*[:;]\\s*`)],
  ['enhetsmal', new RegExp(`^enhetsm${V}l\\s*[:;]\\s*`)],
];

const SECTIONS: Array<[SectionKey, RegExp]> = [
  ['beskrivning', /^beskrivning$/],
  ['forvantatResultat', new RegExp(`^f${V}rv${V}ntat resultat$`)],
  ['arbetssatt', new RegExp(`^arbets{1,2}${V}tt$`)],
  ['resursanvandning', new RegExp(`^resursanv${V}ndning$`)],
  ['uppfoljning', new RegExp(`^uppf${V}ljning$`)],
  ['utveckling', /^utveckling$/],
];

/** Headings after which the goal part of a plan is over. */
const END_OF_GOALS = [
  /^redovisning av ekonomi$/,
  new RegExp(`^uppf${V}ljning av ekonomi$`),
  new RegExp(`^${V}vrigt$`),
  new RegExp(`^${V}vriga fr${V}gor$`),
];

export type LineKind =
  | { kind: 'goal'; level: GoalLevel; rest: string }
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
export function classify(text: string): LineKind {
  const f = labelText(text);
  if (f === '') return { kind: 'text' };
  for (const [level, re] of GOAL_LABELS) {
    const m = re.exec(f);
    if (m) {
      // cut the label off the original text: count folded label length in the original words
      const labelWords = m[0].trim().split(/\s+/).length;
      const rest = text
        .replace(LEAD, '')
        .split(/\s+/)
        .slice(labelWords)
        .join(' ')
        .replace(/^[:;]\s*/, '')
        .replace(/\*+$/, '')
        .trim();
      return { kind: 'goal', level, rest };
    }
  }
  for (const [key, re] of SECTIONS) if (re.test(f)) return { kind: 'section', key };
  if (/^indikator\b/.test(f) && /(rsm\S{1,2}l|periodicitet)/.test(f)) return { kind: 'indicator-header' };
  if (/^aktivitet\b.*startdatum/.test(f)) return { kind: 'activity-header' };
  if (/^beloppen anges i tkr/.test(f)) return { kind: 'budget-header' };
  if (END_OF_GOALS.some((re) => re.test(f))) return { kind: 'end-of-goals' };
  return { kind: 'text' };
}
