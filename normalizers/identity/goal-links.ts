// A unit's own goals (nämndmål, enhetsmål) followed from one plan to the next (the `goal_links` table):
// goals of the same level are paired one to one by title similarity (soft Dice over Swedish stems,
// names.ts), best pairs first. A pair is `same` when the titles are equal after normalisation (case,
// diacritics, punctuation), `reworded` when the similarity reaches REWORDED_MIN; goals left over are
// `added` (only in `next`) or `dropped` (only in `prev`). REWORDED_MIN = 0.5, measured on the seeds
// (000 → 002, 004 → 003, 001 → 000): the pairs a reader makes score 0.50–1.00 (`Enheten bedriver
// verksamheten inom givna ekonomiska ramar` ↔ `… inom sin ekonomiska ram` 0.91, `Enheten erbjuder en god
// arbetsmiljö` ↔ `Enheten är en god arbetsgivare med en god arbetsmiljö` 0.75), and a goal without a
// counterpart scores at most 0.46 with every goal of the other plan it could have been paired with.
import type { GoalLevel } from '../../model/document.js';
import { allStems, analyseName, cmp, round3, tokenSimilarity } from './names.js';

export const REWORDED_MIN = 0.5;

export interface GoalInput {
  id: string;
  level: GoalLevel;
  title: string;
}

export type GoalLinkKind = 'same' | 'reworded' | 'added' | 'dropped';

export interface GoalLink {
  kind: GoalLinkKind;
  level: GoalLevel;
  prevId: string | null;
  nextId: string | null;
  prevTitle: string | null;
  nextTitle: string | null;
  /** title similarity (1 for `same`; for added/dropped the best score it had with any goal of the other plan) */
  score: number;
}

const LINKED_LEVELS: readonly GoalLevel[] = ['namndmal', 'enhetsmal'];

/**
 * Pairs the nämndmål and enhetsmål of two consecutive plans of one unit. KF goals are not linked here
 * (they have their taxonomy, kf-goals.ts). The result does not depend on the order of either list.
 */
export function linkGoals(
  prev: readonly GoalInput[],
  next: readonly GoalInput[],
  { reworded = REWORDED_MIN }: { reworded?: number } = {},
): GoalLink[] {
  const out: GoalLink[] = [];
  const byTitle = (a: GoalInput, b: GoalInput) => cmp(a.title, b.title) || cmp(a.id, b.id);
  for (const level of LINKED_LEVELS) {
    const p = prev.filter((g) => g.level === level).sort(byTitle);
    const n = next.filter((g) => g.level === level).sort(byTitle);
    const ap = p.map((g) => analyseName(g.title));
    const an = n.map((g) => analyseName(g.title));
    const usedP = new Set<number>();
    const usedN = new Set<number>();
    // a plan keeps most goals word for word: those pair first, so only the rest are scored against each other
    const exact = new Map<string, number[]>();
    n.forEach((_, j) => exact.set(an[j].normalized, [...(exact.get(an[j].normalized) ?? []), j]));
    p.forEach((g, i) => {
      const j = exact.get(ap[i].normalized)?.find((k) => !usedN.has(k));
      if (j === undefined) return;
      usedP.add(i);
      usedN.add(j);
      out.push({ kind: 'same', level, prevId: g.id, nextId: n[j].id, prevTitle: g.title, nextTitle: n[j].title, score: 1 });
    });
    const similarity = (i: number, j: number) =>
      ap[i].normalized === an[j].normalized ? 1 : round3(tokenSimilarity(allStems(ap[i]), allStems(an[j])));
    const pairs: { i: number; j: number; score: number; same: boolean }[] = [];
    p.forEach((_, i) => {
      if (usedP.has(i)) return;
      n.forEach((_, j) => {
        if (!usedN.has(j)) pairs.push({ i, j, score: similarity(i, j), same: ap[i].normalized === an[j].normalized });
      });
    });
    pairs.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
    for (const { i, j, score, same } of pairs) {
      if (score < reworded) break;
      if (usedP.has(i) || usedN.has(j)) continue;
      usedP.add(i);
      usedN.add(j);
      out.push({ kind: same ? 'same' : 'reworded', level, prevId: p[i].id, nextId: n[j].id, prevTitle: p[i].title, nextTitle: n[j].title, score });
    }
    // an added or dropped goal: the best score it had with any goal of the other plan
    const bestOf = (scores: number[]) => scores.reduce((a, b) => Math.max(a, b), 0);
    p.forEach((g, i) => {
      if (usedP.has(i)) return;
      out.push({
        kind: 'dropped',
        level,
        prevId: g.id,
        nextId: null,
        prevTitle: g.title,
        nextTitle: null,
        score: bestOf(n.map((_, j) => similarity(i, j))),
      });
    });
    n.forEach((g, j) => {
      if (usedN.has(j)) return;
      out.push({
        kind: 'added',
        level,
        prevId: null,
        nextId: g.id,
        prevTitle: null,
        nextTitle: g.title,
        score: bestOf(p.map((_, i) => similarity(i, j))),
      });
    });
  }
  return out;
}
