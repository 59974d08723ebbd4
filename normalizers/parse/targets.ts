// Target values of indicator tables: `80 %`, `3,5 %`, `öka`, `Tas fram av nämnd/styrelse`,
// `1,5 kg CO2 per kg livsmedel`. `raw` keeps the document's wording with spaces normalised.
import type { Target } from '../../model/document.js';
import { collapseSpaces, fold } from '../fold.js';

const NUMBER = String.raw`\d{1,3}(?:[ \u00a0]\d{3})+(?:[,.]\d+)?|\d+(?:[,.]\d+)?`;
const V = '\\S{1,2}';
/** words that start the unit of a numeric target: `1,5 kg CO2 per kg livsmedel` */
const UNIT_WORD = '(?:kg|st|dagar|timmar|kr|tkr|mnkr|procent)';
/** the OCR stand-ins for ö at the start of `öka` */
const O = '[öoóò6ø0éeèd]';

/** KF wordings meaning "the council sets this later"; partial forms occur where a cell wraps. */
export const PENDING = new RegExp(
  `^(tas ?fram ?av(?: ?n${V}mnd(?:en)?(?: ?/ ?(?:styrelse|styrel|styr|s)?)?)?|fastst${V}lls(?: (?:\\d{4}|av n${V}mnd(?:en)?))?|tas fram|ej fastst${V}llt)$`,
);
const INCREASE = new RegExp(`^(${O}ka[rs]?|h${V}ja|h${V}gre|${O}kning)$`);
const DECREASE = new RegExp(`^(minska[rs]?|s${V}nka|l${V}gre|minskning)$`);

function toNumber(s: string): number {
  return Number(s.replace(/[ \u00a0]/g, '').replace(',', '.'));
}

export function normaliseRaw(s: string): string {
  return collapseSpaces(s).replace(PERCENT_NO_SPACE, '$1 %');
}

const PERCENT_ONLY = new RegExp(`^(${NUMBER}) ?%$`);
const NUMBER_WITH_UNIT = new RegExp(`^(${NUMBER})(?: (.+))?$`);
const PERCENT_NO_SPACE = new RegExp(`^(${NUMBER})%$`);

export function parseTarget(input: string): Target | null {
  const raw = normaliseRaw(input);
  if (raw === '' || raw === '-' || raw === '–') return null;
  const f = fold(raw);
  const percent = PERCENT_ONLY.exec(raw);
  if (percent) return { raw, kind: 'percent', value: toNumber(percent[1]), unit: '%', direction: null };
  const num = NUMBER_WITH_UNIT.exec(raw);
  if (num) return { raw, kind: 'number', value: toNumber(num[1]), unit: num[2] ?? null, direction: null };
  if (INCREASE.test(f)) return { raw, kind: 'direction', value: null, unit: null, direction: 'increase' };
  if (DECREASE.test(f)) return { raw, kind: 'direction', value: null, unit: null, direction: 'decrease' };
  if (PENDING.test(f)) return { raw, kind: 'pending', value: null, unit: null, direction: null };
  return { raw, kind: 'text', value: null, unit: null, direction: null };
}

/** Cell values as they end a line, longest known form first. */
const TARGET_FORMS = [
  // pending wordings, possibly cut by a wrap
  new RegExp(`(?:^|\\s)((?:[Tt]as ?fram ?av(?: ?n${V}mnd(?:en)?(?:/\\S*)?)?|[Ff]astst${V}lls(?: \\d{4})?|[Ee]j fastst${V}llt))$`),
  new RegExp(`(?:^|\\s)((?:${NUMBER}) ?%)$`),
  new RegExp(`(?:^|\\s)((?:${NUMBER})(?: ${UNIT_WORD}\\b(?:(?!\\s(?:${NUMBER}) ${UNIT_WORD}\\b)[^%])*)?)$`),
  new RegExp(`(?:^|\\s)(${O}ka|minska|${O}kning|minskning)$`, 'i'),
];

/** A cell value at the end of `s`: returns [value, rest] or null. */
export function takeTargetFromEnd(s: string): [string, string] | null {
  for (const re of TARGET_FORMS) {
    const m = re.exec(s);
    if (m) return [m[1], s.slice(0, s.length - m[1].length)];
  }
  return null;
}
