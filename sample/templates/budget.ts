// Budget tables the way the templates print them: amounts in tkr, mnkr or kr, several year columns
// (budget, prognos, utfall, plan), costs signed with `−`, `-` or parentheses or printed positive,
// financing lines (Nettokostnad, Kommunbidrag, Resultat) — and the rows the reader should give for each,
// one per line and amount column, with the column's year and kind.
import { formatAmount } from '../format.js';
import type { Budget } from '../model.js';
import type { Block } from './blocks.js';

type Kind = 'budget' | 'prognos' | 'utfall' | 'plan';

export interface BudgetStyle {
  /** a paragraph before the table (`Driftbudget (tkr)`), or none */
  caption?: string;
  /** the header's first cell (`Belopp i mnkr`, `Verksamhet`, '') */
  corner: string;
  unit: 'tkr' | 'mnkr' | 'kr';
  /** the amount columns: header, year and kind, and the plan year's amounts scaled by `factor` */
  columns: (year: number) => Array<{ head: string; year: number; kind: Kind; factor: number }>;
  /** how a negative amount is printed; `positive`: costs are printed without a sign */
  sign: '−' | '-' | '()' | 'positive';
  /** `costs`: costs before incomes, incomes negative (a result budget seen from the cost side) */
  order: 'income' | 'costs';
  /** Nettokostnad, Kommunbidrag and Resultat after the sums, or only a Nettokostnad */
  financing: boolean;
}

/** one read row as the scorer keys it: group, label, class, amount in tkr, year, kind */
export const budgetRowKey = (r: {
  group: string;
  label: string;
  lineClass?: string | null;
  amountTkr: number;
  year?: number | null;
  kind?: string | null;
}) => [r.group, r.label, r.lineClass ?? '', r.amountTkr, r.year ?? '', r.kind ?? ''].join('|');

interface Line {
  label: string;
  group: string;
  lineClass: string;
  /** per column, in the unit's smallest printed step (tenths of mnkr, tkr, kr); null: a heading row */
  steps: number[] | null;
}

/** the printed unit's steps per tkr: mnkr are printed with one decimal */
const STEPS_PER_TKR = { tkr: 1, mnkr: 0.01, kr: 1000 } as const;
const TKR_PER_STEP = { tkr: 1, mnkr: 100, kr: 0.001 } as const;

function linesOf(b: Budget, s: BudgetStyle, year: number): Line[] {
  const cols = s.columns(year);
  const steps = (tkr: number) => cols.map((c) => Math.round(tkr * c.factor * STEPS_PER_TKR[s.unit]));
  const signed = s.sign !== 'positive';
  // signed: incomes positive and costs negative, or the other way round when costs come first
  const costSign = signed ? (s.order === 'costs' ? 1 : -1) : 1;
  const incomeSign = signed && s.order === 'costs' ? -1 : 1;
  const sum = (ls: Line[]) => cols.map((_, k) => ls.reduce((a, l) => a + (l.steps?.[k] ?? 0), 0));
  const income: Line[] = b.income.map((l) => ({
    label: l.label,
    group: 'intakter',
    lineClass: 'income',
    steps: steps(l.amount).map((v) => v * incomeSign),
  }));
  const costs: Line[] = b.costs.map((l) => ({
    label: l.label,
    group: 'kostnader',
    lineClass: 'cost',
    steps: steps(l.amount).map((v) => v * costSign),
  }));
  const incomeBlock: Line[] = [
    { label: 'Intäkter', group: '', lineClass: '', steps: null },
    ...income,
    { label: 'Summa intäkter', group: 'summa', lineClass: 'sum', steps: sum(income) },
  ];
  const costBlock: Line[] = [
    { label: 'Kostnader', group: '', lineClass: '', steps: null },
    ...costs,
    { label: 'Summa kostnader', group: 'summa', lineClass: 'sum', steps: sum(costs) },
  ];
  const inc = sum(income);
  const cost = sum(costs);
  // net cost: signed as the costs are (negative when costs are), positive when nothing is signed
  const net = cols.map((_, k) => (signed ? inc[k] + cost[k] : cost[k] - inc[k]));
  const out = s.order === 'income' ? [...incomeBlock, ...costBlock] : [...costBlock, ...incomeBlock];
  out.push({ label: 'Nettokostnad', group: 'finansiering', lineClass: 'financing', steps: net });
  if (s.financing) {
    // the council's grant covers the net cost and a little more (a surplus of 0,5 mnkr); the result is the grant less the net cost
    const grant = net.map((v) => Math.abs(v) + 500 * STEPS_PER_TKR[s.unit]);
    out.push({ label: 'Kommunbidrag', group: 'finansiering', lineClass: 'financing', steps: grant });
    out.push({ label: 'Resultat', group: 'finansiering', lineClass: 'financing', steps: grant.map((g, k) => g - Math.abs(net[k])) });
  }
  return out;
}

/** `1234` steps → `1 234` (tkr, kr) or `123,4` (mnkr), the sign as the style prints it */
function printed(steps: number, s: BudgetStyle): string {
  const abs = Math.abs(steps);
  const text = s.unit === 'mnkr' ? `${formatAmount(Math.floor(abs / 10))},${abs % 10}` : formatAmount(abs);
  if (steps >= 0) return text;
  if (s.sign === '()') return `(${text})`;
  return `${s.sign === '−' ? '−' : '-'}${text}`;
}

/** the budget as blocks: an optional caption and one table */
export function budgetBlocks(b: Budget, s: BudgetStyle, year: number): Block[] {
  const cols = s.columns(year);
  const rows = linesOf(b, s, year).map((l) => [l.label, ...(l.steps ? l.steps.map((v) => printed(v, s)) : cols.map(() => ''))]);
  return [
    ...(s.caption ? [{ kind: 'para' as const, text: s.caption }] : []),
    { kind: 'table', header: [s.corner, ...cols.map((c) => c.head)], rows },
  ];
}

/** the rows the reader should give for the table, keyed as budgetRowKey keys a read row */
export function budgetTruth(b: Budget, s: BudgetStyle, year: number): string[] {
  const cols = s.columns(year);
  return linesOf(b, s, year).flatMap((l) =>
    l.steps
      ? l.steps.map((v, k) =>
          budgetRowKey({
            group: l.group,
            label: l.label,
            lineClass: l.lineClass,
            amountTkr: Math.round(v * TKR_PER_STEP[s.unit] * 1e6) / 1e6 || 0,
            year: cols[k].year,
            kind: cols[k].kind,
          }),
        )
      : [],
  );
}
