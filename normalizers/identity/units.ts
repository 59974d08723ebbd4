// Unit identities: one key per unit (enhet) across years, spellings and district mergers.
// `unitKey(name)` is a readable key that survives case, hyphens and dashes, spacing, lost diacritics
// and the definite form (`Beställarenheten` / `Beställarenhet` → `bestallarenhet-…`). The district is
// never part of it, so a unit keeps its key when Hägersten-Liljeholmen and Älvsjö become Hägersten-Älvsjö.
// `resolveUnits(docs)` groups the documents of each municipality into units: names whose keys differ by
// OCR-sized damage (one wrong letter per word, in one word; digits never) join the key printed most often;
// override aliases map a name to another unit (a renamed unit). A unit identity is (municipality, key).
// When one key is printed by two districts in the same year, those are different units: each gets the
// district in its key (`key--district`) and the clash is listed in `conflicts`.
import { z } from 'zod';
import { fold, slug } from '../fold.js';
import { cmp, editDistance, entry } from './names.js';
import { NO_OVERRIDES, type Overrides } from './overrides.js';

export const UnitDoc = z.object({
  documentId: z.string().min(1),
  unitName: z.string().min(1),
  district: z.string().nullable(),
  year: z.number().int().nullable(),
  /** municipality code, 4 digits with the leading zero (`0180` Stockholm) */
  municipality: z.string().regex(/^\d{4}$/),
});
export type UnitDoc = z.input<typeof UnitDoc>;

export interface Unit {
  key: string;
  municipality: string;
  /** the name printed by most documents (then the latest, then the first in code order) */
  name: string;
  names: string[];
  districts: { year: number; district: string }[];
  documentIds: string[];
}

export interface UnitAlias {
  municipality: string;
  alias: string;
  key: string;
  reason: 'canonical name' | 'same key' | 'near spelling' | 'override';
}

export interface UnitConflict {
  municipality: string;
  key: string;
  year: number;
  districts: string[];
}

export interface ResolvedUnits {
  units: Unit[];
  aliases: UnitAlias[];
  /** documentId → unit key */
  unitOf: Record<string, string>;
  conflicts: UnitConflict[];
}

/** A word's indefinite form as far as unit names need it: `enheten` → `enhet`, `hemtjänsten` → `hemtjänst`, `boendet` → `boende`. */
function indefinite(word: string): string {
  if (word.length < 6 || word.endsWith('het')) return word;
  if (word.endsWith('endet')) return word.slice(0, -1);
  return word.replace(/(?<=[^aeiouyåäöé])(en|et)$/, '');
}

/** The key of a unit name: folded, definite forms made indefinite, words joined by hyphens. */
export function unitKey(name: string): string {
  const words = name
    .normalize('NFC')
    .toLowerCase()
    .match(/\p{L}+|\d+/gu);
  return slug((words ?? []).map((w) => fold(indefinite(w))).join(' '));
}

/** Whether two keys differ only by OCR-sized damage: same words but one, that one ≥ 5 letters and one edit away. */
export function nearKeys(a: string, b: string): boolean {
  const x = a.split('-');
  const y = b.split('-');
  if (x.length !== y.length || a === b) return false;
  const differing = x.map((w, i) => [w, y[i]]).filter(([p, q]) => p !== q);
  if (differing.length !== 1) return false;
  const [p, q] = differing[0];
  return !/\d/.test(p + q) && Math.min(p.length, q.length) >= 5 && editDistance(p, q) === 1;
}

/** Groups documents into units per municipality; the result does not depend on the order of `docs`. */
export function resolveUnits(input: readonly UnitDoc[], overrides: Overrides = NO_OVERRIDES): ResolvedUnits {
  const docs = input.map((d) => UnitDoc.parse(d)).sort((a, b) => cmp(a.documentId, b.documentId));
  const aliasOverride = new Map(overrides.units.aliases.map((a) => [unitKey(a.alias), a.unit]));
  const units: Unit[] = [];
  const aliases: UnitAlias[] = [];
  const conflicts: UnitConflict[] = [];
  const unitOf: Record<string, string> = {};

  for (const municipality of [...new Set(docs.map((d) => d.municipality))].sort(cmp)) {
    const mdocs = docs.filter((d) => d.municipality === municipality);
    // 1. override aliases, then near spellings joined to the key printed most often
    const base = new Map<string, { key: string; reason: UnitAlias['reason'] }>();
    for (const d of mdocs) {
      const k = unitKey(d.unitName);
      const target = aliasOverride.get(k);
      if (target !== undefined) base.set(d.unitName, { key: unitKey(target), reason: 'override' });
    }
    const counts = new Map<string, number>();
    for (const d of mdocs) {
      const k = base.get(d.unitName)?.key ?? unitKey(d.unitName);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const byWeight = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || cmp(a, b));
    const nearOf = new Map<string, string>();
    for (const k of byWeight) {
      if (nearOf.has(k)) continue;
      const home = byWeight.find((h) => h !== k && !nearOf.has(h) && nearKeys(h, k) && byWeight.indexOf(h) < byWeight.indexOf(k));
      if (home) nearOf.set(k, home);
    }
    const keyOfDoc = (d: (typeof mdocs)[number]) => {
      const b = base.get(d.unitName);
      if (b) return { key: nearOf.get(b.key) ?? b.key, reason: b.reason };
      const k = unitKey(d.unitName);
      const near = nearOf.get(k);
      return near ? { key: near, reason: 'near spelling' as const } : { key: k, reason: 'same key' as const };
    };

    // 2. one key, two districts in one year: different units
    const perKey = new Map<string, { doc: (typeof mdocs)[number]; reason: UnitAlias['reason'] }[]>();
    for (const d of mdocs) {
      const { key, reason } = keyOfDoc(d);
      entry(perKey, key, () => []).push({ doc: d, reason });
    }
    const finalKey = new Map<string, string>();
    for (const [key, list] of perKey) {
      const byYear = new Map<number, Set<string>>();
      for (const { doc } of list)
        if (doc.year !== null && doc.district !== null) {
          entry(byYear, doc.year, () => new Set<string>()).add(doc.district);
        }
      const clash = [...byYear].filter(([, s]) => s.size > 1).sort((a, b) => a[0] - b[0]);
      for (const [year, s] of clash) conflicts.push({ municipality, key, year, districts: [...s].sort(cmp) });
      for (const { doc } of list) finalKey.set(doc.documentId, clash.length && doc.district ? `${key}--${slug(doc.district)}` : key);
    }

    // 3. the units
    const members = new Map<string, typeof mdocs>();
    for (const d of mdocs) {
      const k = finalKey.get(d.documentId)!;
      unitOf[d.documentId] = k;
      entry(members, k, () => []).push(d);
    }
    for (const [key, list] of [...members].sort((a, b) => cmp(a[0], b[0]))) {
      const nameCount = new Map<string, { n: number; latest: number }>();
      for (const d of list) {
        const c = nameCount.get(d.unitName) ?? { n: 0, latest: -1 };
        nameCount.set(d.unitName, { n: c.n + 1, latest: Math.max(c.latest, d.year ?? -1) });
      }
      const names = [...nameCount.keys()].sort(cmp);
      const name = [...names].sort(
        (a, b) => nameCount.get(b)!.n - nameCount.get(a)!.n || nameCount.get(b)!.latest - nameCount.get(a)!.latest || cmp(a, b),
      )[0];
      const districts = new Map<number, Set<string>>();
      for (const d of list)
        if (d.year !== null && d.district !== null) {
          entry(districts, d.year, () => new Set<string>()).add(d.district);
        }
      units.push({
        key,
        municipality,
        name,
        names,
        districts: [...districts].sort((a, b) => a[0] - b[0]).flatMap(([year, s]) => [...s].sort(cmp).map((district) => ({ year, district }))),
        documentIds: list.map((d) => d.documentId),
      });
      for (const alias of names) {
        const reasons = list.filter((d) => d.unitName === alias).map((d) => keyOfDoc(d).reason);
        const reason = alias === name ? 'canonical name' : (reasons.sort(cmp)[0] ?? 'same key');
        aliases.push({ municipality, alias, key, reason });
      }
    }
  }
  aliases.sort((a, b) => cmp(a.municipality, b.municipality) || cmp(a.alias, b.alias) || cmp(a.key, b.key));
  conflicts.sort((a, b) => cmp(a.municipality, b.municipality) || cmp(a.key, b.key) || a.year - b.year);
  return { units, aliases, unitOf, conflicts };
}
