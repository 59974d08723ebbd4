// A plan's KF goal → its place in the council's taxonomy (data/reference/kf-goals/): the mandate period
// and the canonical key, which goals continuing across mandates share. Matching is by title first (codes
// are renumbered each mandate, and plans print titles with small rewordings or OCR damage), then by code
// within the period. Nothing is assumed about levels: a municipality without a taxonomy, a level its
// council does not set (nämndmål, enhetsmål), or a year outside every period gives null.
//   1. title in the year's period, similarity ≥ TITLE_MIN (0.6)
//   2. title in another period, similarity ≥ OTHER_PERIOD_MIN (0.85): a plan that still prints the
//      previous mandate's goals
//   3. the same code at the same level in the year's period
// On the seeds every KF goal title scores 1.0 against its own entry and at most 0.67 against any other.
import { type KfTaxonomy, kfGoalKey, kfTaxonomyFor } from '../../data/reference/kf-goals.js';
import type { GoalLevel } from '../../model/document.js';
import { allStems, analyseName, cmp, round3, tokenSimilarity } from './names.js';

export const TITLE_MIN = 0.6;
export const OTHER_PERIOD_MIN = 0.85;
/** a code match counts only when the title is at least this similar to the entry's */
export const CODE_TITLE_MIN = 0.4;

export interface KfGoalQuery {
  level: GoalLevel;
  code: string | null;
  title: string;
}

export interface KfGoalMatch {
  /** municipality code */
  municipality: string;
  /** the mandate period of the matched entry (`2019-2022`) */
  period: string;
  /** `<municipality>:<key>`: one identity per continuing goal, unique across municipalities */
  key: string;
  code: string;
  title: string;
  by: 'title' | 'code';
  /** title similarity with the matched entry */
  score: number;
}

// the taxonomy's titles are stemmed again for every goal asked about: keep each title's stems (a pure function's results)
const stemCache = new Map<string, string[]>();
const stems = (title: string) => {
  let s = stemCache.get(title);
  if (!s) {
    s = allStems(analyseName(title));
    stemCache.set(title, s);
  }
  return s;
};

/**
 * The taxonomy entry of a plan's KF goal, or null. `taxonomy` defaults to the municipality's file;
 * pass one to match against another (tests, a taxonomy being drafted).
 */
export function kfGoalFor(
  goal: KfGoalQuery,
  year: number | null,
  municipalityCode: string,
  taxonomy: KfTaxonomy | null = kfTaxonomyFor(municipalityCode),
): KfGoalMatch | null {
  if (!taxonomy || year === null || !taxonomy.levels.includes(goal.level)) return null;
  const own = taxonomy.periods.find((p) => year >= p.from && year <= p.until);
  if (!own) return null;
  const query = stems(goal.title);
  const scored = taxonomy.periods.flatMap((p) =>
    p.goals.filter((g) => g.level === goal.level).map((g) => ({ period: p, goal: g, score: round3(tokenSimilarity(query, stems(g.title))) })),
  );
  // best first; ties: the year's own period, then the lower code (deterministic)
  scored.sort(
    (a, b) =>
      b.score - a.score || Number(b.period === own) - Number(a.period === own) || cmp(a.period.id, b.period.id) || cmp(a.goal.code, b.goal.code),
  );
  const match = (m: (typeof scored)[number], by: KfGoalMatch['by']): KfGoalMatch => ({
    municipality: taxonomy.municipality,
    period: m.period.id,
    key: `${taxonomy.municipality}:${kfGoalKey(m.period, m.goal)}`,
    code: m.goal.code,
    title: m.goal.title,
    by,
    score: m.score,
  });
  const inOwn = scored.find((m) => m.period === own);
  if (inOwn && inOwn.score >= TITLE_MIN) return match(inOwn, 'title');
  const elsewhere = scored.find((m) => m.period !== own);
  if (elsewhere && elsewhere.score >= OTHER_PERIOD_MIN) return match(elsewhere, 'title');
  const code = goal.code?.replace(/\.$/, '');
  // the code alone is not enough (codes are renumbered, and another municipality's goals share them): the
  // title must still resemble the entry, as a damaged one does (measured: damaged 0.4–0.6, unrelated ≤ 0.37)
  const byCode = code ? scored.find((m) => m.period === own && m.goal.code === code && m.score >= CODE_TITLE_MIN) : undefined;
  return byCode ? match(byCode, 'code') : null;
}
