// A read document (the reader's PlanDocument) as a sample Plan, so that a real plan read from its text
// export can be rendered in every layout of sample/layouts and scored against itself (test/seed-layouts.test.ts).
// Strings are kept as the reader returned them. What the Plan cannot hold is left out of the plan, and so
// out of its ground truth (truth.ts reads only the Plan), and listed in `dropped`:
// - goals outside the chain inriktningsmål → KF goal → nämndmål → enhetsmål (a goal under a parent of the
//   wrong level or under nothing), an inriktningsmål without a whole-number code, a KF goal without a code,
//   and everything under a dropped goal;
// - indicators not under a KF goal, or with a periodicity other than År and Tertial (sample/templates maps
//   every periodicity of the Plan to words, so the type is not widened);
// - activities not under a nämndmål (e.g. a table printed under the KF goal, before its nämndmål);
// - budget lines of every table but the first, of other columns than the plan year's, financing lines; the
//   sums are not taken over: the renderers print the sums of the lines (budgetTotals).
// The document holds no date, author, introduction or resources text: they are left empty.
import type { Activity as DocActivity, Goal, Indicator as DocIndicator, PlanDocument, SectionKey } from '../../model/document.js';
import type { Activity, BoardGoal, Budget, Direction, Indicator, KfGoal, Plan, Section, SectionHeading, UnitGoal } from '../model.js';

const HEADINGS: Record<SectionKey, SectionHeading> = {
  beskrivning: 'Beskrivning',
  forvantatResultat: 'Förväntat resultat',
  arbetssatt: 'Arbetssätt',
  resursanvandning: 'Resursanvändning',
  uppfoljning: 'Uppföljning',
  utveckling: 'Utveckling',
};

export interface Converted {
  plan: Plan;
  /** what the Plan could not hold, one line each (left out of the plan and so of its truth) */
  dropped: string[];
}

function sectionsOf(g: Goal): Section[] {
  const out: Section[] = [];
  for (const [key, text] of Object.entries(g.sections) as [SectionKey, string | undefined][]) {
    const paragraphs = (text ?? '')
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean);
    if (paragraphs.length) out.push({ heading: HEADINGS[key], paragraphs });
  }
  return out;
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

export function fromDocument(doc: PlanDocument, key = doc.unit.key): Converted {
  if (doc.year === null) throw new Error(`${doc.source.path}: the reader found no year`);
  if (doc.district === null) throw new Error(`${doc.source.path}: the reader found no district`);
  const dropped: string[] = [];
  const directions: Direction[] = [];
  // the goals of the plan by the document's goal id, one map per level that can have children
  const dirs = new Map<string, Direction>();
  const kfGoals = new Map<string, KfGoal>();
  const boardGoals = new Map<string, BoardGoal>();
  for (const g of doc.goals) {
    const parent = g.parentId ?? '';
    const why = (reason: string) => dropped.push(`goal ${g.level} ${g.code ?? ''} "${short(g.title)}": ${reason}`);
    if (g.level === 'kf_inriktningsmal') {
      if (parent) why('an inriktningsmål under another goal');
      else if (!g.code || !/^\d+$/.test(g.code)) why('an inriktningsmål without a whole-number code');
      else {
        const d: Direction = { number: Number(g.code), title: g.title, goals: [] };
        directions.push(d);
        dirs.set(g.id, d);
      }
    } else if (g.level === 'kf_verksamhetsmal') {
      const d = dirs.get(parent);
      if (!d) why('a KF goal not under an inriktningsmål of the plan');
      else if (!g.code) why('a KF goal without a code');
      else {
        const kf: KfGoal = { number: g.code, title: g.title, indicators: [], boardGoals: [] };
        d.goals.push(kf);
        kfGoals.set(g.id, kf);
      }
    } else if (g.level === 'namndmal') {
      const kf = kfGoals.get(parent);
      if (!kf) why('a nämndmål not under a KF goal of the plan');
      else {
        const b: BoardGoal = { title: g.title, sections: sectionsOf(g), activities: [], unitGoals: [] };
        kf.boardGoals.push(b);
        boardGoals.set(g.id, b);
      }
    } else {
      const b = boardGoals.get(parent);
      if (!b) why('an enhetsmål not under a nämndmål of the plan');
      else {
        const u: UnitGoal = { title: g.title, sections: sectionsOf(g) };
        b.unitGoals.push(u);
      }
    }
  }
  for (const i of doc.indicators) {
    const kf = kfGoals.get(i.goalId ?? '');
    const ind = indicatorOf(i);
    if (!kf) dropped.push(`indicator "${short(i.name)}": not under a KF goal of the plan`);
    else if (!ind) dropped.push(`indicator "${short(i.name)}": periodicity ${i.periodicity ?? '(none)'}`);
    else kf.indicators.push(ind);
  }
  for (const a of doc.activities) {
    const b = boardGoals.get(a.goalId ?? '');
    if (!b) {
      const level = doc.goals.find((g) => g.id === a.goalId)?.level ?? 'no goal';
      dropped.push(`activity "${short(a.text)}": under ${level}, not a nämndmål`);
    } else b.activities.push(activityOf(a));
  }
  return {
    plan: {
      key,
      unit: doc.unit.name,
      district: doc.district,
      year: doc.year,
      dnr: doc.dnr ?? '',
      date: '',
      author: '',
      intro: [],
      directions,
      resources: [],
      budget: budgetOf(doc, dropped),
    },
    dropped,
  };
}

function indicatorOf(i: DocIndicator): Indicator | null {
  if (i.periodicity !== 'År' && i.periodicity !== 'Tertial') return null;
  return { name: i.name, unitTarget: i.unitTarget?.raw ?? '', kfTarget: i.kfTarget?.raw ?? '', periodicity: i.periodicity };
}

const activityOf = (a: DocActivity): Activity => ({ text: a.text, start: a.start ?? '', end: a.end ?? '' });

function budgetOf(doc: PlanDocument, dropped: string[]): Budget | undefined {
  if (!doc.budget.length) return undefined;
  const first = Math.min(...doc.budget.map((l) => l.table));
  const out: Budget = { income: [], costs: [] };
  const others = new Map<string, number>();
  const skip = (why: string) => others.set(why, (others.get(why) ?? 0) + 1);
  for (const l of doc.budget) {
    if (l.table !== first) skip(`of table ${l.table} (the Plan holds one table)`);
    else if (l.planColumn === false) skip('of another column than the plan year');
    else if (l.group === 'intakter') out.income.push({ label: l.label, amount: l.amountTkr });
    else if (l.group === 'kostnader') out.costs.push({ label: l.label, amount: l.amountTkr });
    else if (l.group === 'finansiering') skip('of financing');
  }
  for (const [why, n] of others) dropped.push(`${n} budget lines ${why}`);
  return out.income.length || out.costs.length ? out : undefined;
}
