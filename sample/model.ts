// The typed description of a made-up plan; every renderer (PDF, text dump, markdown) reads only this.
/** The city council goals the sample plans work towards (defined in city-goals.ts) */
export type KfId = 'care' | 'youth' | 'safety' | 'culture' | 'climate' | 'economy' | 'staff' | 'preparedness';

/** `Resursanvändning`: only plans converted from a read document use it (sample/layouts/from-document.ts) */
export type SectionHeading = 'Beskrivning' | 'Förväntat resultat' | 'Arbetssätt' | 'Resursanvändning' | 'Uppföljning' | 'Utveckling';

/** A paragraph starting with `• ` is a bulleted sub-heading, one starting with `- ` a list item. */
export interface Section {
  heading: SectionHeading;
  paragraphs: string[];
}

export interface Indicator {
  name: string;
  /** The unit's own target (`Årsmål`); '' leaves the cell empty. */
  unitTarget: string;
  /** The city council's target (`KF:s årsmål`); '' leaves the cell empty. */
  kfTarget: string;
  periodicity: 'År' | 'Tertial';
  /**
   * Ground truth for the identity tests: the name this indicator is printed under in another year when
   * this year's name is a rewording of it (the same indicator). Absent: the name is its own identity.
   */
  same?: string;
}

export interface Activity {
  text: string;
  start: string;
  end: string;
}

export interface UnitGoal {
  title: string;
  sections: Section[];
}

export interface BoardGoal {
  title: string;
  sections: Section[];
  activities: Activity[];
  unitGoals: UnitGoal[];
}

export interface KfGoal {
  /** As printed, e.g. `1.4`. */
  number: string;
  title: string;
  indicators: Indicator[];
  boardGoals: BoardGoal[];
}

export interface Direction {
  number: number;
  title: string;
  goals: KfGoal[];
}

export interface BudgetLine {
  label: string;
  amount: number;
}

/** Amounts in TKr; the sums are computed by the renderers (see budgetTotals). */
export interface Budget {
  income: BudgetLine[];
  costs: BudgetLine[];
}

export interface IntroBlock {
  heading?: string;
  paragraphs: string[];
}

export interface Plan {
  /** Folder name in the corpus. */
  key: string;
  unit: string;
  district: string;
  year: number;
  dnr: string;
  date: string;
  author: string;
  intro: IntroBlock[];
  directions: Direction[];
  resources: string[];
  budget?: Budget;
}

export function budgetTotals(b: Budget): { income: number; costs: number; net: number } {
  const income = b.income.reduce((s, l) => s + l.amount, 0);
  const costs = b.costs.reduce((s, l) => s + l.amount, 0);
  return { income, costs, net: costs - income };
}

/** One unit's part of its plans, per year; sample/plans.ts joins it with the city and board goals. */
export interface UnitSpec {
  key: string;
  unit: string;
  /** The years the unit has a plan (default: sample/plans.ts YEARS). */
  years?: number[];
  /** The unit's district before the 2020 merger, for plans of 2019 and earlier. */
  districtBefore2020?: string;
  /** A new name from `year` on: the same unit, which only an overrides file can tell the matcher. */
  renamed?: { year: number; unit: string };
  author: string;
  dnr: (year: number) => string;
  date: (year: number) => string;
  intro: (year: number) => IntroBlock[];
  goals: (year: number) => UnitGoalSpec[];
  resources: (year: number) => string[];
  budget?: (year: number) => Budget | undefined;
}

export interface UnitGoalSpec {
  kf: KfId;
  indicators: Indicator[];
  /** false: the KF goal has only its indicator table, no nämndmål (as in some real plans). */
  board: boolean;
  unitGoals: UnitGoal[];
}
