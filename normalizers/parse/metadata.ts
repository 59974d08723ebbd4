// Front matter: unit, district, year and Dnr. Several plans have no front page; then unit and year are
// inferred from the body and a warning says so.
import { DISTRICTS, districtExistsIn } from '../../data/reference/districts.js';
import type { RuleId } from '../../model/rules.js';
import type { DocLine, Goal, Message } from '../../model/document.js';
import { slug } from '../fold.js';
import { defaultLabels, type Labels } from './labels.js';

export interface Metadata {
  unit: { name: string; key: string };
  district: string | null;
  year: number | null;
  dnr: string | null;
  warnings: Message[];
}

const FRONT_LINES = 80;
const PLAN_TITLE = /verksamhetsplan\s+(\d{4})(?:\s+f\S{1,2}r\s+(.+))?$/i;
/** unit names as they open a paragraph: `Beställarenheten funktionsnedsättning utreder …` */
const UNIT_IN_BODY = [
  /^(Best\S{1,3}llarenheten(?:s)?\s+\p{Ll}+)/u,
  /^(Enheten f\S{1,2}r\s+(?:\p{L}+\s+){0,2}?\p{L}+?)(?=\s+(?:i|är|ar|&r|dr|består|bestar|har|ska|utför|utfor|arbetar|erbjuder)\b)/u,
  /^((?:\p{Lu}\p{Ll}+-\s+och\s+)?\p{Lu}?\p{Ll}*enheten)\b(?!\s+f\S{1,2}r)/u,
];
const VERBS = /^(är|ar|&r|dr|utreder|har|ska|kommer|arbetar|består|bestar|erbjuder|utför|organiseras)$/;

function warn(rule: RuleId, message: string, line: DocLine | null): Message {
  return { stage: 'normalize', rule, message, page: line?.page ?? null, line: line?.line ?? null };
}

function cleanName(s: string): string {
  return s
    .replace(/\*+|<\/?b>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function readMetadata(raw: DocLine[], goals: Goal[], years: number[], _labels: Labels = defaultLabels()): Metadata {
  const warnings: Message[] = [];
  const front = raw.slice(0, FRONT_LINES);

  let year: number | null = null;
  let unitName: string | null = null;
  for (let i = 0; i < raw.length && (year === null || unitName === null); i++) {
    const m = PLAN_TITLE.exec(cleanName(raw[i].text));
    if (!m) continue;
    year ??= Number(m[1]);
    if (m[2]) unitName ??= cleanName(m[2]);
    else if (i < FRONT_LINES) {
      const next = raw.slice(i + 1, i + 4).find((l) => l.text.trim());
      if (next && /enhet/i.test(next.text)) unitName ??= cleanName(next.text);
    }
  }

  const dnrLine = raw.find((l) => /^\s*dnr\b/i.test(l.text));
  const dnr = dnrLine ? cleanName(dnrLine.text.replace(/^\s*dnr\s*[:.]?\s*/i, '')) || null : null;

  if (unitName === null) {
    // a front page names the unit just below the district administration
    const idx = front.findIndex((l) => /stadsdelsf\S{1,3}rvaltning\s*$/i.test(l.text.trim()));
    const next = idx >= 0 ? front.slice(idx + 1, idx + 3).find((l) => l.text.trim()) : undefined;
    if (next && /enhet/i.test(next.text)) unitName = cleanName(next.text);
  }
  if (unitName === null) {
    const bold = front.find((l) => (l.bold || l.heading) && /enhet/i.test(l.text) && l.text.trim().split(/\s+/).length <= 5);
    if (bold) unitName = cleanName(bold.text);
  }
  if (unitName === null) {
    const found = unitFromBody(raw);
    if (found) {
      unitName = found.name;
      warnings.push(warn('unit-inferred', `no front page: unit "${found.name}" inferred from the body text`, found.line));
    }
  }
  if (unitName === null) {
    unitName = 'okänd enhet';
    warnings.push(warn('unit-missing', 'no unit name found in the document', null));
  }

  if (year === null && years.length) {
    year = mode(years);
    warnings.push(warn('year-inferred', `no plan title with a year: ${year} inferred from dates and headings in the body`, null));
  }

  const district = readDistrict(raw, goals, year);
  if (!district) warnings.push(warn('district-missing', 'no Stockholm district named in the document', null));
  return { unit: { name: unitName, key: slug(unitName) }, district, year, dnr, warnings };
}

function unitFromBody(raw: DocLine[]): { name: string; line: DocLine } | null {
  for (let i = 0; i < raw.length; i++) {
    const prev = raw[i - 1];
    const p = prev?.text.trim() ?? '';
    const paragraphStart = !prev || p === '' || prev.heading !== undefined || (p.length < 40 && !/[.,]$/.test(p));
    if (!paragraphStart) continue;
    const t = raw[i].text.trim();
    for (const re of UNIT_IN_BODY) {
      const m = re.exec(t);
      if (!m) continue;
      const words = m[1].split(/\s+/);
      if (/^best/i.test(words[0]) && VERBS.test(words[1] ?? '')) continue;
      // `Beställarenhetens äldres målgrupp`: the unit named in the genitive
      const name = words.map((w) => w.replace(/(enheten)s$/i, '$1')).join(' ');
      const genitive = /^best/i.test(words[0]) && /[^s]s$/.test(words[words.length - 1]);
      return { name: genitive ? name.slice(0, -1) : name, line: raw[i] };
    }
  }
  return null;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

function districtPattern(name: string): RegExp {
  // å/ä/ö may be OCR-damaged: allow one or two other characters in their place
  const body = name
    .split('')
    .map((c) => (/[åäöÅÄÖ]/.test(c) ? '\\S{1,2}' : c.replace(/[-]/g, '\\s?-\\s?')))
    .join('');
  return new RegExp(`(^|[^\\p{L}-])(${body})(?![\\p{L}-]\\p{L})`, 'giu');
}

/** Longest names first, so `Hägersten-Älvsjö` is not also counted as `Älvsjö`. */
const DISTRICT_PATTERNS = [...DISTRICTS].sort((a, b) => b.name.length - a.name.length).map((d) => ({ district: d, re: districtPattern(d.name) }));

function readDistrict(raw: DocLine[], goals: Goal[], year: number | null): string | null {
  const candidates = DISTRICT_PATTERNS.filter((p) => districtExistsIn(p.district, year));
  const score = new Map<string, number>();
  const first = new Map<string, number>();
  const count = (text: string, weight: number, pos: number) => {
    let rest = text;
    for (const { district, re } of candidates) {
      re.lastIndex = 0;
      const hits = rest.match(re);
      if (!hits) continue;
      score.set(district.name, (score.get(district.name) ?? 0) + weight * hits.length);
      if (!first.has(district.name)) first.set(district.name, pos + rest.search(re));
      rest = rest.replace(re, '$1');
    }
  };
  const frontHeader = raw.slice(0, FRONT_LINES).filter((l) => /stadsdelsf\S{1,3}rvaltning\s*$/i.test(l.text.trim()));
  count(frontHeader.map((l) => l.text).join('\n'), 100, -1);
  count(goals.map((g) => g.title).join('\n'), 3, -1);
  count(raw.map((l) => l.text).join('\n'), 1, 0);
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1] || (first.get(a[0]) ?? 0) - (first.get(b[0]) ?? 0));
  return ranked.length ? ranked[0][0] : null;
}
