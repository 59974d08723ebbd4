// The analysts' overrides file (default name `plans-overrides.json`, beside the database): decisions a
// person made about identities, which always win over the matchers. Format (every part optional):
//
//   { "$comment": "free text",
//     "indicators": {
//       "link":      [["Nöjda brukare - LSS-boende", "Brukarnas nöjdhet - LSS-boende"]],   // same indicator
//       "keepApart": [["Sjukfrånvaro", "Sjukfrånvaro dag 1-14"]],                          // never merged
//       "kolada":    [{ "indicator": "Sjukfrånvaro", "kolada_kpi_id": "N00090" }] },       // name or key
//     "units": {
//       "aliases":   [{ "alias": "Beställarenhet FN", "unit": "Beställarenheten funktionsnedsättning" }] } }
//
// Indicator names are compared after normalisation (case, diacritics, punctuation: `normalizeName`), so
// an override survives small spelling differences; `kolada[].indicator` may also be a canonical key.
// `units.aliases[].unit` is a unit name or unit key; the alias gets that unit's key (a renamed unit).
// A pair both linked and kept apart, or one indicator given two KPI ids, is refused as malformed.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normalizeName } from './names.js';

const Name = z.string().trim().min(1);
const NamePair = z.tuple([Name, Name]);

/** Kolada KPI ids: one capital letter and five digits (`N00090`, `U00401`). */
export const KoladaKpiId = z.string().regex(/^[A-Z]\d{5}$/, 'a Kolada KPI id is a capital letter and five digits, e.g. N00090');

export const Overrides = z
  .strictObject({
    $comment: z.string().optional(),
    indicators: z
      .strictObject({
        link: z.array(NamePair).default([]),
        keepApart: z.array(NamePair).default([]),
        kolada: z.array(z.strictObject({ indicator: Name, kolada_kpi_id: KoladaKpiId })).default([]),
      })
      .default({ link: [], keepApart: [], kolada: [] }),
    units: z.strictObject({ aliases: z.array(z.strictObject({ alias: Name, unit: Name })).default([]) }).default({ aliases: [] }),
  })
  .superRefine((o, ctx) => {
    const pairKey = ([a, b]: [string, string]) => [normalizeName(a), normalizeName(b)].sort().join('\u0000');
    const linked = new Set(o.indicators.link.map(pairKey));
    for (const p of o.indicators.keepApart) {
      if (linked.has(pairKey(p))) ctx.addIssue({ code: 'custom', message: `"${p[0]}" and "${p[1]}" are both linked and kept apart` });
      if (normalizeName(p[0]) === normalizeName(p[1])) ctx.addIssue({ code: 'custom', message: `"${p[0]}" cannot be kept apart from itself` });
    }
    const kpi = new Map<string, string>();
    for (const k of o.indicators.kolada) {
      const n = normalizeName(k.indicator);
      const seen = kpi.get(n);
      if (seen !== undefined && seen !== k.kolada_kpi_id)
        ctx.addIssue({ code: 'custom', message: `"${k.indicator}" has two Kolada ids: ${seen} and ${k.kolada_kpi_id}` });
      kpi.set(n, k.kolada_kpi_id);
    }
  });
export type Overrides = z.output<typeof Overrides>;

export const DEFAULT_OVERRIDES_FILE = 'plans-overrides.json';

/** No overrides. */
export const NO_OVERRIDES: Overrides = Object.freeze(Overrides.parse({}));

/** Validates parsed JSON; a failure names `source` (the file). */
export function parseOverrides(raw: unknown, source = DEFAULT_OVERRIDES_FILE): Overrides {
  const parsed = Overrides.safeParse(raw);
  if (!parsed.success) throw new Error(`overrides ${source} is malformed:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Reads and validates an overrides file; a missing file is no overrides when `optional` (the default file). */
export function readOverrides(path: string, { optional = false }: { optional?: boolean } = {}): Overrides {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (optional && (e as NodeJS.ErrnoException).code === 'ENOENT') return NO_OVERRIDES;
    throw new Error(`overrides ${path}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`overrides ${path} is not JSON: ${(e as Error).message}`);
  }
  return parseOverrides(raw, path);
}
