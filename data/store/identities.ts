// Recomputes the identity tables (identity-schema.ts) from the stored rows and the overrides file, as a
// whole and in one transaction, after every import and rebuild. The matching is the identity layer's
// (normalizers/identity); this file only reads rows out and writes decisions back, so the tables depend
// on the set of documents and the overrides, never on the order anything was loaded in.
import { DISTRICTS, DISTRICTS_MUNICIPALITY } from '../reference/districts.js';
import { type GoalLevel, GoalLevel as GoalLevels } from '../../model/document.js';
import {
  type IndicatorItem,
  kfGoalFor,
  linkGoals,
  linkIndicators,
  type Overrides,
  resolveUnits,
  NO_OVERRIDES,
} from '../../normalizers/identity/index.js';
import type { Cell, PlanStore } from './store.js';
import { fold, slug } from '../../normalizers/fold.js';

/** Placeholder municipality for documents whose municipality is not known (the identity layer needs a code). */
const UNKNOWN_MUNICIPALITY = '0000';

export interface IdentityCounts {
  units: number;
  indicators: number;
  links: number;
  kfGoals: number;
  goalLinks: number;
  /** overrides that named nothing in the store (a typo, or an indicator not imported yet) */
  unusedOverrides: string[];
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The document's municipality as read from it; rows loaded before the column existed: the city of their district, if one. */
function municipalityOf(code: string | null, district: string | null): string | null {
  if (code !== null && /^\d{4}$/.test(code)) return code;
  return district !== null && DISTRICTS.some((d) => d.name === district) ? DISTRICTS_MUNICIPALITY : null;
}

export async function refreshIdentities(store: PlanStore, overrides: Overrides = NO_OVERRIDES): Promise<IdentityCounts> {
  // rows are streamed into small records: this step reads every goal and indicator of the archive
  const docs: { document_id: string; unit_name: string; district: string | null; year: number | null }[] = [];
  const municipality = new Map<string, string | null>();
  await store.eachRow(`SELECT document_id, unit_name, district, year, municipality_code FROM documents ORDER BY document_id`, (r) => {
    const d = { document_id: String(r[0]), unit_name: String(r[1]), district: str(r[2]), year: num(r[3]) };
    docs.push(d);
    municipality.set(d.document_id, municipalityOf(str(r[4]), d.district));
  });

  // units: a key per municipality; the table's key carries the municipality so keys are unique everywhere
  const resolved = resolveUnits(
    docs.map((d) => ({
      documentId: d.document_id,
      unitName: d.unit_name,
      district: d.district,
      year: d.year,
      municipality: municipality.get(d.document_id) ?? UNKNOWN_MUNICIPALITY,
    })),
    overrides,
  );
  const tableKey = (m: string, key: string) => `${m}:${key}`;
  const known = (m: string) => (m === UNKNOWN_MUNICIPALITY ? null : m);
  const yearOf = new Map(docs.map((d) => [d.document_id, d.year]));
  const years = (ids: string[]) => ids.flatMap((id) => (yearOf.get(id) == null ? [] : [yearOf.get(id) as number]));
  const units: Cell[][] = resolved.units.map((u) => {
    const ys = years(u.documentIds);
    return [
      tableKey(u.municipality, u.key),
      known(u.municipality),
      u.name,
      JSON.stringify(u.names),
      ys.length ? Math.min(...ys) : null,
      ys.length ? Math.max(...ys) : null,
      u.documentIds.length,
    ];
  });
  const unitAliases: Cell[][] = resolved.aliases.map((a) => [a.alias, tableKey(a.municipality, a.key), known(a.municipality), a.reason]);
  const unitDistricts: Cell[][] = resolved.units.flatMap((u) => u.districts.map((d) => [tableKey(u.municipality, u.key), d.year, d.district]));
  const unitOfDoc = new Map<string, string>();
  for (const d of docs) {
    const id = String(d.document_id);
    const m = municipality.get(id) ?? UNKNOWN_MUNICIPALITY;
    unitOfDoc.set(id, tableKey(m, resolved.unitOf[id]));
  }
  const documentUnits: Cell[][] = docs.map((d) => [
    String(d.document_id),
    unitOfDoc.get(String(d.document_id))!,
    municipality.get(String(d.document_id)) ?? null,
  ]);

  // indicators: canonical keys from the printed names of every document
  // (the matcher weighs a name once per document: a name printed twice in one plan adds nothing)
  const items: IndicatorItem[] = [];
  await store.eachRow(`SELECT DISTINCT document_id, name FROM indicators ORDER BY document_id, name`, (r) => {
    const id = String(r[0]);
    items.push({ documentId: id, unitKey: unitOfDoc.get(id)!, year: yearOf.get(id) ?? null, name: String(r[1]) });
  });
  const links = linkIndicators(items, overrides);
  items.length = 0;
  const canonical: Cell[][] = links.indicators.map((c) => [c.key, c.name, JSON.stringify(c.names), c.units.length, c.documents, c.kolada_kpi_id]);
  // every indicator row's key, by its printed name: each canonical indicator lists all the names it has
  const indicatorKeys = `SELECT i.document_id, i.indicator_id, c.indicator_key FROM indicators i
    JOIN (SELECT indicator_key, unnest(from_json(names, '["VARCHAR"]')) AS name FROM canonical_indicators) c ON c.name = i.name
    ORDER BY i.document_id, i.indicator_id`;
  const linkRows: Cell[][] = links.decisions.map((d) => [d.name_a, d.name_b, d.score, d.linked, d.blocked, d.same_indicator, d.reason]);

  // KF goals: each council goal of a plan mapped onto its municipality's taxonomy, where there is one
  const kf: Cell[][] = [];
  const kfAnswers = new Map<string, ReturnType<typeof kfGoalFor>>();
  // and, for the goal links below, each plan's goals
  const byDoc = new Map<string, { id: string; level: GoalLevel; title: string }[]>();
  await store.eachRow(`SELECT document_id, goal_id, level, code, title FROM goals ORDER BY document_id, goal_id`, (r) => {
    const g = { document_id: r[0], goal_id: r[1], level: r[2], code: r[3], title: r[4] };
    const id = String(g.document_id);
    const level = GoalLevels.parse(g.level);
    const list = byDoc.get(id) ?? [];
    list.push({ id: String(g.goal_id), level, title: String(g.title) });
    byDoc.set(id, list);
    if (level !== 'kf_inriktningsmal' && level !== 'kf_verksamhetsmal') return;
    const m = municipality.get(id);
    // an archive prints the same council goals in every plan of a year: each is matched once
    const asked = JSON.stringify([m, level, str(g.code), String(g.title), yearOf.get(id) ?? null]);
    if (m && !kfAnswers.has(asked)) kfAnswers.set(asked, kfGoalFor({ level, code: str(g.code), title: String(g.title) }, yearOf.get(id) ?? null, m));
    const match = m ? kfAnswers.get(asked) : null;
    if (match) kf.push([id, String(g.goal_id), match.period, match.key, match.code, match.title, match.by, match.score]);
    // no taxonomy entry (another municipality, a goal not gathered yet): the goal's own title is its key,
    // so plans that print the same council goal still line up, whatever its number
    else
      kf.push([
        id,
        String(g.goal_id),
        null,
        `${m ?? UNKNOWN_MUNICIPALITY}:${level === 'kf_inriktningsmal' ? 'i' : 'v'}:${slug(fold(String(g.title)))}`,
        str(g.code),
        String(g.title),
        'own title',
        1,
      ]);
  });

  // a unit's own goals, followed from each plan to the next one of the same unit
  const chain = new Map<string, { id: string; year: number }[]>();
  for (const d of docs) {
    if (d.year === null) continue;
    const u = unitOfDoc.get(d.document_id)!;
    const plans = chain.get(u) ?? [];
    plans.push({ id: d.document_id, year: d.year });
    chain.set(u, plans);
  }
  const goalLinks: Cell[][] = [];
  for (const [unit, plans] of [...chain.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    plans.sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1));
    for (let k = 1; k < plans.length; k++) {
      const [prev, next] = [plans[k - 1], plans[k]];
      for (const l of linkGoals(byDoc.get(prev.id) ?? [], byDoc.get(next.id) ?? [])) {
        goalLinks.push([unit, l.level, l.kind, prev.id, l.prevId, l.prevTitle, next.id, l.nextId, l.nextTitle, l.score]);
      }
    }
  }

  await store.replaceTables(
    {
      units,
      unit_aliases: unitAliases,
      unit_districts: unitDistricts,
      document_units: documentUnits,
      canonical_indicators: canonical,
      indicator_links: linkRows,
      goal_kf: kf,
      goal_links: goalLinks,
    },
    { indicator_keys: indicatorKeys },
  );
  return {
    units: units.length,
    indicators: canonical.length,
    links: linkRows.length,
    kfGoals: kf.length,
    goalLinks: goalLinks.length,
    unusedOverrides: links.unusedOverrides,
  };
}
