// Ground truth of a sample plan as the reader should return it, and a score of a read document
// against it: F1 per kind (goals, indicators, activities, budget lines), hierarchy (each goal's,
// indicator's and activity's parent), and unit name, year and district exactly.
import { budgetTotals, type Plan } from '../model.js';

/** what the scorer needs of a read document (a subset of PlanDocument) */
export interface ReadDoc {
  unit: { name: string };
  district: string | null;
  year: number | null;
  goals: Array<{ id: string; level: string; code: string | null; title: string; parentId: string | null }>;
  indicators: Array<{
    goalId: string | null;
    name: string;
    unitTarget: { raw: string } | null;
    kfTarget: { raw: string } | null;
    periodicity: string | null;
  }>;
  activities: Array<{ goalId: string | null; text: string; start: string | null; end: string | null }>;
  budget: Array<{ group: string; label: string; amountTkr: number }>;
}

export interface Truth {
  unit: string;
  district: string;
  year: number;
  goals: string[];
  indicators: string[];
  activities: string[];
  budget: string[];
  /** item key → key of its parent goal ('' for none) */
  parents: Array<[string, string]>;
}

const goalKey = (level: string, code: string | null, title: string) => `${level}|${code ?? ''}|${title}`;

export function truthOf(p: Plan): Truth {
  const t: Truth = { unit: p.unit, district: p.district, year: p.year, goals: [], indicators: [], activities: [], budget: [], parents: [] };
  for (const d of p.directions) {
    const dk = goalKey('kf_inriktningsmal', String(d.number), d.title);
    t.goals.push(dk);
    t.parents.push([dk, '']);
    for (const g of d.goals) {
      const gk = goalKey('kf_verksamhetsmal', g.number, g.title);
      t.goals.push(gk);
      t.parents.push([gk, dk]);
      for (const i of g.indicators) {
        const ik = `i|${i.name}|${i.unitTarget}|${i.kfTarget}|${i.periodicity}`;
        t.indicators.push(ik);
        t.parents.push([ik, gk]);
      }
      for (const b of g.boardGoals) {
        const bk = goalKey('namndmal', null, b.title);
        t.goals.push(bk);
        t.parents.push([bk, gk]);
        for (const a of b.activities) {
          const ak = `a|${a.text}|${a.start}|${a.end}`;
          t.activities.push(ak);
          t.parents.push([ak, bk]);
        }
        for (const u of b.unitGoals) {
          const uk = goalKey('enhetsmal', null, u.title);
          t.goals.push(uk);
          t.parents.push([uk, bk]);
        }
      }
    }
  }
  if (p.budget) {
    const sums = budgetTotals(p.budget);
    const line = (g: string, l: string, n: number) => t.budget.push(`b|${g}|${l}|${n}`);
    for (const l of p.budget.income) line('intakter', l.label, l.amount);
    line('summa', 'Summa intäkter', sums.income);
    for (const l of p.budget.costs) line('kostnader', l.label, l.amount);
    line('summa', 'Summa kostnader', sums.costs);
    line('summa', 'Summa netto', sums.net);
  }
  return t;
}

export interface Keyed {
  goals: string[];
  indicators: string[];
  activities: string[];
  budget: string[];
  parents: Array<[string, string]>;
}

export function keysOf(d: ReadDoc): Keyed {
  const byId = new Map(d.goals.map((g) => [g.id, goalKey(g.level, g.code, g.title)]));
  const parent = (id: string | null) => (id ? (byId.get(id) ?? '') : '');
  const out: Keyed = { goals: [], indicators: [], activities: [], budget: [], parents: [] };
  for (const g of d.goals) {
    const k = byId.get(g.id)!;
    out.goals.push(k);
    out.parents.push([k, parent(g.parentId)]);
  }
  for (const i of d.indicators) {
    const k = `i|${i.name}|${i.unitTarget?.raw ?? ''}|${i.kfTarget?.raw ?? ''}|${i.periodicity ?? ''}`;
    out.indicators.push(k);
    out.parents.push([k, parent(i.goalId)]);
  }
  for (const a of d.activities) {
    const k = `a|${a.text}|${a.start ?? ''}|${a.end ?? ''}`;
    out.activities.push(k);
    out.parents.push([k, parent(a.goalId)]);
  }
  for (const b of d.budget) out.budget.push(`b|${b.group}|${b.label}|${b.amountTkr}`);
  return out;
}

/** F1 of two multisets of keys (1 when both are empty) */
export function f1(expected: string[], got: string[]): number {
  if (expected.length === 0 && got.length === 0) return 1;
  const left = new Map<string, number>();
  for (const k of expected) left.set(k, (left.get(k) ?? 0) + 1);
  let hit = 0;
  for (const k of got) {
    const n = left.get(k) ?? 0;
    if (n > 0) {
      hit++;
      left.set(k, n - 1);
    }
  }
  if (hit === 0) return 0;
  const precision = hit / got.length;
  const recall = hit / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

export interface Score {
  goals: number;
  indicators: number;
  activities: number;
  budget: number;
  hierarchy: number;
  unit: number;
  year: number;
  district: number;
}

export function score(t: Truth, d: ReadDoc): Score {
  const k = keysOf(d);
  const got = new Map<string, string[]>();
  for (const [item, parent] of k.parents) got.set(item, [...(got.get(item) ?? []), parent]);
  let right = 0;
  for (const [item, parent] of t.parents) {
    const list = got.get(item);
    const at = list?.indexOf(parent) ?? -1;
    if (list && at >= 0) {
      right++;
      list.splice(at, 1);
    }
  }
  return {
    goals: f1(t.goals, k.goals),
    indicators: f1(t.indicators, k.indicators),
    activities: f1(t.activities, k.activities),
    budget: f1(t.budget, k.budget),
    hierarchy: t.parents.length ? right / t.parents.length : 1,
    unit: d.unit.name === t.unit ? 1 : 0,
    year: d.year === t.year ? 1 : 0,
    district: d.district === t.district ? 1 : 0,
  };
}
