// Front matter: the organisation (unit) and its kind, municipality, district, plan period and Dnr. The
// words come from the vocabularies' `metadata` (data/reference/vocabulary/*.json, merged); the
// municipalities from data/reference/municipalities.json, the districts from districts.json. Several plans
// have no front page; then unit and year are inferred from the body and a warning says so.
import { DISTRICTS, DISTRICTS_MUNICIPALITY, type District, districtExistsIn } from '../../data/reference/districts.js';
import { hasDistricts, type Municipality, municipalities, municipalityByCode } from '../../data/reference/municipalities.js';
import type { MetadataWords } from '../../data/reference/vocabulary-metadata.js';
import { builtinVocabularies, type Vocabulary } from '../../data/reference/vocabulary.js';
import type { RuleId } from '../../model/rules.js';
import type { DocLine, Goal, Message, OrganisationKind } from '../../model/document.js';
import { fold, slug } from '../fold.js';
import { defaultLabels, type Labels } from './labels.js';

export interface Metadata {
  unit: { name: string; key: string };
  district: string | null;
  /** the first year of the plan period */
  year: number | null;
  dnr: string | null;
  organisation: { kind: OrganisationKind; name: string } | null;
  municipality: { code: string; name: string } | null;
  /** the plan period from the title, years inclusive; null when no title names it */
  period: { from: number; to: number } | null;
  warnings: Message[];
}

const FRONT_LINES = 80;
/** a front-page line naming an organisation is short: at most this many words */
const NAME_WORDS = 8;
/** unit names as they open a paragraph: `Beställarenheten funktionsnedsättning utreder …` */
const UNIT_IN_BODY = [
  /^(Best\S{1,3}llarenheten(?:s)?\s+\p{Ll}+)/u,
  /^(Enheten f\S{1,2}r\s+(?:\p{L}+\s+){0,2}?\p{L}+?)(?=\s+(?:i|är|ar|&r|dr|består|bestar|har|ska|utför|utfor|arbetar|erbjuder)\b)/u,
  /^((?:\p{Lu}\p{Ll}+-\s+och\s+)?\p{Lu}?\p{Ll}*enheten)\b(?!\s+f\S{1,2}r)/u,
];
const VERBS = /^(är|ar|&r|dr|utreder|har|ska|kommer|arbetar|består|bestar|erbjuder|utför|organiseras)$/;
/** how specific a kind is: the plan of an enhet names its förvaltning and nämnd too, and is the enhet's */
const KIND_RANK: Record<OrganisationKind, number> = {
  enhet: 0,
  avdelning: 1,
  kontor: 2,
  forvaltning: 3,
  stadsdelsforvaltning: 3,
  bolag: 4,
  namnd: 5,
  kommun: 6,
};
/** kinds of a whole city's bodies: their plans are no district's */
const CITY_WIDE = new Set<OrganisationKind>(['kontor', 'forvaltning', 'bolag', 'namnd', 'kommun']);

function warn(rule: RuleId, message: string, line: DocLine | null): Message {
  return { stage: 'normalize', rule, message, page: line?.page ?? null, line: line?.line ?? null };
}

function cleanName(s: string): string {
  return s
    .replace(/\*+|<\/?b>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A line as a title or name: markdown heading marks, emphasis and bullets gone. */
function cleanLine(s: string): string {
  return cleanName(s.replace(/^\s*#+\s*/, '').replace(/^\s*[-•–]\s+/, ''));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A word as a pattern on printed text: å/ä/ö as one or two characters (OCR, mojibake), spaces as any white space. */
function tolerant(word: string): string {
  let out = '';
  for (const c of word.normalize('NFC').trim()) {
    if (/[åäöÅÄÖ]/.test(c)) out += '\\S{1,2}';
    else if (/\s/.test(c)) out += '\\s+';
    else out += escapeRe(c);
  }
  return out.replace(/(?:\\s\+)+/g, '\\s+');
}

const alternation = (words: readonly string[], f: (w: string) => string) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(f)
    .join('|');

// ---------------------------------------------------------------------------------------------------
// the vocabularies' words, merged and compiled once per vocabulary list

interface Compiled {
  titles: string;
  orgWords: Array<{ kind: OrganisationKind; word: string; exact: boolean }>;
  dnrStart: RegExp | null;
  dnrInLine: RegExp | null;
  municipality: RegExp | null;
  aliases: Array<{ re: RegExp; m: Municipality }>;
  notMunicipality: RegExp | null;
  districtForms: string[];
  frontEnd: RegExp | null;
  recipient: RegExp | null;
  recipientStart: RegExp | null;
}

const compiledFor = new WeakMap<readonly Vocabulary[], Compiled>();

function merged(vocabularies: readonly Vocabulary[]): MetadataWords[] {
  const own = vocabularies.flatMap((v) => (v.metadata ? [v.metadata] : []));
  // a vocabulary list without front-matter words (an analyst's file alone) reads front matter with the built-in words
  return own.length ? own : builtinVocabularies().flatMap((v) => (v.metadata ? [v.metadata] : []));
}

function compile(vocabularies: readonly Vocabulary[]): Compiled {
  const cached = compiledFor.get(vocabularies);
  if (cached) return cached;
  const words = merged(vocabularies);
  const all = <K extends keyof MetadataWords>(k: K) => words.flatMap((w) => (w[k] ?? []) as unknown as string[]);
  const orgWords = words
    .flatMap((w) => w.organisations.flatMap((o) => o.words.map((word) => ({ kind: o.kind, word: fold(word), exact: fold(word).length <= 2 }))))
    .sort((a, b) => b.word.length - a.word.length);
  const dnr = alternation(all('dnrLabels'), (l) => `${tolerant(l)}${/[.:]$/.test(l) ? '' : '(?![\\p{L}])'}`);
  const names = municipalities().map((m) => m.name);
  const nameAlt = alternation(names, escapeRe);
  const forms = all('municipalityForms');
  const municipality = forms.length
    ? new RegExp(`(?<![\\p{L}-])(?:${alternation(forms, (f) => tolerant(f).replace(escapeRe('{name}'), `(${nameAlt})`))})s?(?![\\p{L}])`, 'giu')
    : null;
  const aliases = municipalities().flatMap((m) => m.aliases.map((a) => ({ re: new RegExp(`(?<![\\p{L}-])${tolerant(a)}(?![\\p{L}])`, 'giu'), m })));
  const not = all('notMunicipality');
  const ends = all('frontEnds');
  const recipients = all('recipientLabels');
  const c: Compiled = {
    titles: alternation(all('titles'), tolerant),
    orgWords,
    dnrStart: dnr ? new RegExp(`^\\s*(?:${dnr})\\s*[:.]?\\s*(.*)$`, 'iu') : null,
    dnrInLine: dnr ? new RegExp(`(?:\\s{2,}|\\t)(?:${dnr})\\s*:\\s*(\\S.*)$`, 'iu') : null,
    municipality,
    aliases,
    notMunicipality: not.length ? new RegExp(`(?:^|[^\\p{L}])(?:${alternation(not, tolerant)})\\s+$`, 'iu') : null,
    districtForms: [...new Set(all('districtForms'))],
    frontEnd: ends.length ? new RegExp(`^(?:${alternation(ends, tolerant)})$`, 'iu') : null,
    recipient: recipients.length ? new RegExp(`(?:^|\\s)(?:${alternation(recipients, tolerant)})$`, 'iu') : null,
    recipientStart: recipients.length ? new RegExp(`^(?:${alternation(recipients, tolerant)})\\s+\\S`, 'iu') : null,
  };
  compiledFor.set(vocabularies, c);
  return c;
}

// ---------------------------------------------------------------------------------------------------
// organisation names

/** The kind of organisation a name names (`Socialförvaltningen`: förvaltning), from its first word that carries a kind. */
export function organisationKind(name: string, labels: Labels = defaultLabels()): OrganisationKind | null {
  const { orgWords } = compile(labels.vocabularies);
  for (const token of fold(name).split(/[^\p{L}]+/u)) {
    if (!token) continue;
    const hit = orgWords.find((w) => token === w.word || (!w.exact && token.endsWith(w.word)));
    if (hit) return hit.kind;
  }
  return null;
}

/** Whether `name` is no more than a kind's own word (`Enheten`, `Nämnden`): a generic reference, not a name. */
function generic(name: string, c: Compiled): boolean {
  const tokens = fold(name)
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  return tokens.length === 1 && c.orgWords.some((w) => w.word === tokens[0]);
}

/** A short front-page line that reads as an organisation's name, or null. */
function nameLike(text: string, c: Compiled, labels: Labels): { name: string; kind: OrganisationKind } | null {
  const t = cleanLine(text);
  if (!t || t.length > 80 || t.split(/\s+/).length > NAME_WORDS) return null;
  if (!/^\p{Lu}/u.test(t) || /[:.,;]$/.test(t) || t.includes(':')) return null;
  if (/\b\d{4}\b/.test(t) || /@|www\.|https?:/.test(t)) return null;
  const kind = organisationKind(t, labels);
  if (!kind || generic(t, c)) return null;
  return { name: t, kind };
}

/** A line's fields: a text export puts a front page's columns side by side, three or more spaces apart. */
function fieldsOf(l: DocLine): DocLine[] {
  const parts = l.text.split(/\s{3,}|\t/).filter((p) => p.trim());
  return parts.length > 1 ? parts.map((text) => ({ ...l, text })) : [l];
}

// ---------------------------------------------------------------------------------------------------
// titles and periods

const YEAR = String.raw`(?:19|20)\d{2}`;
/** one year or a range: `2022`, `2021–2023`, `2021-23`, `2021 till 2023` (not a date: `2022-01-30`) */
const PERIOD = String.raw`(${YEAR})(?:\s*(?:[-–—]|till)\s*((?:19|20)?\d{2}))?(?![\d-])`;

function periodOf(from: string, to: string | undefined): { from: number; to: number } {
  const a = Number(from);
  if (!to) return { from: a, to: a };
  const b = to.length === 2 ? Number(from.slice(0, 2) + to) : Number(to);
  return b >= a && b - a <= 10 ? { from: a, to: b } : { from: a, to: a };
}

interface Title {
  period: { from: number; to: number };
  /** the organisation the title names (`… för Kulturförvaltningen`, `Kulturnämndens verksamhetsplan …`) */
  name: string | null;
}

function titleRes(c: Compiled): RegExp[] {
  if (!c.titles) return [];
  const F = `(?:${c.titles})`;
  const FOR = String.raw`f\S{1,2}r`;
  return [
    // [Xs] Verksamhetsplan 2022[–2024] [med plan för 2023–2024] [för X | – X]
    new RegExp(
      String.raw`^(?:(\S.*?)s\s+)?${F}\s+${PERIOD}(?:\s+med\s+plan\s+${FOR}\s+${PERIOD})?(?:\s*,?\s+${FOR}\s+(.+?)|\s+[-–—:]\s+(.+?))?\s*$`,
      'iu',
    ),
    // Verksamhetsplan för X 2022
    new RegExp(String.raw`^${F}\s+${FOR}\s+(.+?)\s+${PERIOD}\s*$`, 'iu'),
    // a front page's `Verksamhetsplan` on a line of its own, the year or period on the next
    new RegExp(`^${F}$`, 'iu'),
    new RegExp(`^${PERIOD}$`, 'u'),
  ];
}

function readTitle(text: string, c: Compiled, res: RegExp[], labels: Labels): Title | null {
  const t = cleanLine(text);
  if (t.length > 140) return null;
  const m1 = res[0]?.exec(t);
  if (m1) {
    const [, genitive, from, to, planFrom, planTo, forName, dashName] = m1;
    const period = periodOf(from, to);
    // `Mål och budget 2022 med plan för 2023–2024`: the plan years are part of the period
    if (planFrom) period.to = Math.max(period.to, periodOf(planFrom, planTo).to);
    let name: string | null = forName ?? dashName ?? null;
    if (genitive !== undefined) {
      // `Kulturnämndens verksamhetsplan 2022`: the name in the genitive (`Nämndens …`: no name), or the title is prose
      const g = cleanName(genitive);
      if (generic(g, c)) {
        /* a title, but no name */
      } else if (/^\p{Lu}/u.test(g) && g.split(/\s+/).length <= 6 && organisationKind(g, labels)) name ??= g;
      else return null;
    }
    return { period, name: name ? cleanName(name) : null };
  }
  const m2 = res[1]?.exec(t);
  if (m2) return { period: periodOf(m2[2], m2[3]), name: cleanName(m2[1]) };
  return null;
}

// ---------------------------------------------------------------------------------------------------

export function readMetadata(raw: DocLine[], goals: Goal[], years: number[], labels: Labels = defaultLabels()): Metadata {
  const c = compile(labels.vocabularies);
  const warnings: Message[] = [];
  const front = frontOf(raw, c, labels);

  // the title: the first line that reads as one, anywhere (a plan without a front page may have it later)
  const res = titleRes(c);
  let title: Title | null = null;
  let titleIndex = -1;
  let named: { name: string; line: DocLine } | null = null;
  for (let i = 0; i < raw.length && (title === null || named === null); i++) {
    let t = readTitle(raw[i].text, c, res, labels);
    let end = i;
    if (!t && i < FRONT_LINES && res[2]?.test(cleanLine(raw[i].text))) {
      const k = raw.findIndex((l, j) => j > i && l.text.trim() !== '');
      const m = k > i && k <= i + 3 ? res[3].exec(cleanLine(raw[k].text)) : null;
      if (m) {
        t = { period: periodOf(m[1], m[2]), name: null };
        end = k;
      }
    }
    if (!t) continue;
    if (title === null) {
      title = t;
      titleIndex = i;
    }
    if (t.name) named ??= { name: t.name, line: raw[i] };
    else if (i < FRONT_LINES && named === null) {
      // the title alone, the organisation on the next line
      const next = raw.slice(end + 1, end + 4).find((l) => l.text.trim());
      const n = next ? nameLike(next.text, c, labels) : null;
      if (next && n) named = { name: n.name, line: next };
    }
  }
  let year = title?.period.from ?? null;
  const period = title?.period ?? null;

  const dnr = readDnr(raw, front.lines, c);

  let unitName: string | null = named?.name ?? null;
  if (unitName === null && front.candidates.length) {
    // the most specific organisation the front page names (the enhet under its förvaltning)
    const best = [...front.candidates].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.index - b.index)[0];
    unitName = best.name;
  }
  if (unitName === null) {
    const bold = raw
      .slice(0, FRONT_LINES)
      .find((l) => (l.bold || l.heading) && /enhet/i.test(l.text) && l.text.trim().split(/\s+/).length <= 5 && !/enhetens/i.test(l.text));
    if (bold) unitName = cleanName(bold.text);
  }

  const municipality = readMunicipality(raw, front, c, year, warnings);

  if (unitName === null && municipality?.printed && title !== null && titleIndex < FRONT_LINES) {
    // `Mål och budget 2021–2023` of a kommun: the municipality itself is the organisation
    unitName = municipality.printed;
  }
  if (unitName === null) {
    const found = unitFromBody(raw);
    if (found) {
      unitName = found.name;
      warnings.push(warn('unit-inferred', `no front page: unit "${found.name}" inferred from the body text`, found.line));
    }
  }
  let organisation: Metadata['organisation'] = null;
  if (unitName === null) {
    unitName = 'okänd enhet';
    warnings.push(warn('unit-missing', 'no unit name found in the document', null));
  } else {
    const kind = unitName === municipality?.printed ? 'kommun' : organisationKind(unitName, labels);
    if (kind) organisation = { kind, name: unitName };
    else
      warnings.push(
        warn(
          'organisation-kind-unknown',
          `"${unitName}" names no organisation kind of the vocabularies (enhet, förvaltning, nämnd …)`,
          named?.line ?? null,
        ),
      );
  }

  if (year === null && years.length) {
    year = mode(years);
    warnings.push(warn('year-inferred', `no plan title with a year: ${year} inferred from dates and headings in the body`, null));
  }

  const cityWide =
    (organisation !== null && CITY_WIDE.has(organisation.kind)) ||
    front.candidates.some((f) => f.kind === 'forvaltning' || f.kind === 'kontor' || f.kind === 'bolag');
  const district = readDistrict(raw, goals, year, front, c, municipality?.code ?? null, cityWide, warnings);
  return {
    unit: { name: unitName, key: slug(unitName) },
    district,
    year,
    dnr,
    organisation,
    municipality: municipality ? { code: municipality.code, name: municipality.name } : null,
    period,
    warnings,
  };
}

interface Front {
  lines: DocLine[];
  /** organisations the front page names as the plan's own (not its recipient's) */
  candidates: Array<{ name: string; kind: OrganisationKind; index: number; line: DocLine }>;
}

/** The front page: the lines before the contents, the introduction or the first goal, at most FRONT_LINES. */
function frontOf(raw: DocLine[], c: Compiled, labels: Labels): Front {
  const lines: DocLine[] = [];
  for (const l of raw.slice(0, FRONT_LINES)) {
    const t = cleanLine(l.text);
    if (t.length > 120) break;
    if (c.frontEnd?.test(t) || labels.goals.some((g) => g.re.test(fold(t)))) break;
    lines.push(l);
  }
  const candidates: Front['candidates'] = [];
  let recipient = 0;
  lines.forEach((l, index) => {
    for (const f of fieldsOf(l)) {
      const t = cleanLine(f.text);
      if (!t) continue;
      if (c.recipient?.test(t)) {
        // `Till` alone (the recipient below it) or ending a line of labels (`Handläggare  Till`)
        recipient = 2;
        continue;
      }
      // `Till Hägersten-Älvsjö stadsdelsnämnd`
      if (c.recipientStart?.test(t)) continue;
      if (recipient > 0) {
        recipient--;
        continue;
      }
      const n = nameLike(t, c, labels);
      if (n) candidates.push({ ...n, index, line: f });
    }
  });
  return { lines, candidates };
}

function readDnr(raw: DocLine[], front: DocLine[], c: Compiled): string | null {
  if (!c.dnrStart) return null;
  const value = (s: string) => {
    const v = cleanName(s.split(/\s{3,}|\t/)[0]).replace(/[.,;]+$/, '');
    return /\d/.test(v) && v.length <= 60 ? v : null;
  };
  const at = (lines: DocLine[], inLine: boolean): string | null => {
    for (let i = 0; i < lines.length; i++) {
      const m = c.dnrStart!.exec(lines[i].text);
      if (m) {
        const v = value(m[1]);
        if (v) return v;
        if (!m[1].trim()) {
          // the label alone, the number on the next line
          const next = lines.slice(i + 1, i + 3).find((l) => l.text.trim());
          const n = next ? value(next.text) : null;
          if (n && !/\s{3,}/.test(next!.text.trim())) return n;
        }
      }
      if (inLine) {
        const mm = c.dnrInLine!.exec(lines[i].text);
        const v = mm ? value(mm[1]) : null;
        if (v) return v;
      }
    }
    return null;
  };
  return at(front, true) ?? at(raw, false);
}

// ---------------------------------------------------------------------------------------------------
// municipality

interface FoundMunicipality extends Municipality {
  /** the municipality as the front page prints it (`Göteborgs Stad`), when it does */
  printed: string | null;
}

function municipalityHits(text: string, c: Compiled): Array<{ m: Municipality; printed: string }> {
  const out: Array<{ m: Municipality; printed: string }> = [];
  const byName = new Map(municipalities().map((m) => [m.name.toLowerCase(), m]));
  if (c.municipality) {
    c.municipality.lastIndex = 0;
    for (const hit of text.matchAll(c.municipality)) {
      const name = hit.slice(1).find((g) => g !== undefined);
      if (!name || !/^\p{Lu}/u.test(name)) continue;
      if (c.notMunicipality?.test(text.slice(Math.max(0, (hit.index ?? 0) - 30), hit.index))) continue;
      const m = byName.get(name.toLowerCase());
      if (m) out.push({ m, printed: hit[0].trim() });
    }
  }
  for (const a of c.aliases) {
    a.re.lastIndex = 0;
    for (const hit of text.matchAll(a.re)) out.push({ m: a.m, printed: hit[0] });
  }
  return out;
}

function readMunicipality(raw: DocLine[], front: Front, c: Compiled, year: number | null, warnings: Message[]): FoundMunicipality | null {
  const districtCity = municipalityByCode(DISTRICTS_MUNICIPALITY);
  // the front page: a municipality named there, or the district administration a unit belongs to
  const frontText = front.lines.map((l) => l.text).join('\n');
  const frontHits = municipalityHits(frontText, c);
  if (frontHits.length) {
    const counts = tally(frontHits.map((h) => h.m.code));
    const code = counts[0][0];
    const printed = frontHits.find((h) => h.m.code === code)!.printed;
    return { ...municipalityByCode(code)!, printed: cleanLine(printed) };
  }
  if (districtCity && ownDistricts(frontText, c, year).length) return { ...districtCity, printed: null };

  // the body: the municipality named most often, a district administration counting for its city
  const body = raw.map((l) => l.text).join('\n');
  const codes = municipalityHits(body, c).map((h) => h.m.code);
  if (districtCity) for (const _ of ownDistricts(body, c, year)) codes.push(districtCity.code);
  if (!codes.length) {
    warnings.push(warn('municipality-missing', 'no municipality named in the document (`X kommun`, `X stad`, a district administration)', null));
    return null;
  }
  const counts = tally(codes);
  const [code, n] = counts[0];
  const m = municipalityByCode(code)!;
  if (counts.length > 1 && counts[1][1] * 2 > n) {
    warnings.push(
      warn(
        'municipality-uncertain',
        `the front page names no municipality; the body names ${m.name} ${n}× and ${municipalityByCode(counts[1][0])!.name} ${counts[1][1]}×: ${m.name} taken`,
        null,
      ),
    );
  }
  return { ...m, printed: null };
}

function tally(values: string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  // most often first, then the first named
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || values.indexOf(a[0]) - values.indexOf(b[0]));
}

// ---------------------------------------------------------------------------------------------------
// district

function districtBody(name: string): string {
  // å/ä/ö may be OCR-damaged: allow one or two other characters in their place
  return name
    .split('')
    .map((ch) => (/[åäöÅÄÖ]/.test(ch) ? '\\S{1,2}' : ch.replace(/[-]/g, '\\s?-\\s?')))
    .join('');
}

function districtPattern(name: string): RegExp {
  return new RegExp(`(^|[^\\p{L}-])(${districtBody(name)})(?![\\p{L}-]\\p{L})`, 'giu');
}

/** Longest names first, so `Hägersten-Älvsjö` is not also counted as `Älvsjö`. */
const DISTRICT_PATTERNS = [...DISTRICTS].sort((a, b) => b.name.length - a.name.length).map((d) => ({ district: d, re: districtPattern(d.name) }));

const ownFormRes = new WeakMap<Compiled, Array<{ district: District; re: RegExp }>>();

/** District administrations named as such (`Skärholmens stadsdelsförvaltning`, `stadsdelsnämnden i Bromma`), one entry per mention. */
function ownDistricts(text: string, c: Compiled, year: number | null): District[] {
  let res = ownFormRes.get(c);
  if (!res) {
    res = DISTRICT_PATTERNS.map(({ district }) => {
      const forms = alternation(c.districtForms, (f) => tolerant(f).replace('\\{name\\}', `(?:${districtBody(district.name)})`));
      return { district, re: new RegExp(`(?<![\\p{L}-])(?:${forms || '(?!)'})(?![\\p{L}])`, 'giu') };
    });
    ownFormRes.set(c, res);
  }
  const out: District[] = [];
  let rest = text;
  for (const { district, re } of res) {
    re.lastIndex = 0;
    const hits = rest.match(re);
    if (!hits) continue;
    if (districtExistsIn(district, year)) for (const _ of hits) out.push(district);
    rest = rest.replace(re, ' ');
  }
  return out;
}

function readDistrict(
  raw: DocLine[],
  goals: Goal[],
  year: number | null,
  front: Front,
  c: Compiled,
  municipality: string | null,
  cityWide: boolean,
  warnings: Message[],
): string | null {
  // only a municipality with district administrations has districts; an unknown one may be Stockholm
  if (municipality !== null && !hasDistricts(municipality)) return null;
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
  const body = raw.map((l) => l.text).join('\n');
  count(body, 1, 0);
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1] || (first.get(a[0]) ?? 0) - (first.get(b[0]) ?? 0)).map(([name]) => name);

  // the document's own district: one it names as its administration, on the front page (its header, the
  // title's `Bromma stadsdelsförvaltning`) or, for a unit without one, in the body (`X stadsdelsnämnd`)
  const pick = (own: Set<string>) => ranked.find((d) => own.has(d)) ?? [...own][0] ?? null;
  const frontOwn = new Set(ownDistricts(front.lines.map((l) => l.text).join('\n'), c, year).map((d) => d.name));
  if (ranked.length && front.lines.some((l) => frontHeader.includes(l))) frontOwn.add(ranked[0]);
  if (frontOwn.size) return pick(frontOwn);
  // a city-wide förvaltning, nämnd or bolag mentions districts without being one
  if (cityWide || municipality === null) return null;
  const bodyOwn = new Set(ownDistricts(body, c, year).map((d) => d.name));
  if (bodyOwn.size) return pick(bodyOwn);
  if (ranked.length) {
    warnings.push(
      warn('district-inferred', `no district administration named as the plan's own: ${ranked[0]}, the district named most, taken`, null),
    );
    return ranked[0];
  }
  warnings.push(warn('district-missing', 'no Stockholm district named in the document', null));
  return null;
}

// ---------------------------------------------------------------------------------------------------

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
