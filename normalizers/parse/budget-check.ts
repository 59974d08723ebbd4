// Budget sums, per table and per amount column (`Budget 2022`, `Prognos 2021`, `Utfall 2020` each add up
// on their own): `Summa intäkter` and `Summa kostnader` are the sums of their group's lines; the net
// (`Summa netto`, `Nettokostnad`) is kostnader less intäkter, whichever sign each is printed with (costs
// positive or negative, intäkter positive or negative, the net either way); the result (`Resultat`,
// `Budgetavvikelse`) is the financing lines (`Kommunbidrag`) less the net cost. What a line totals is its
// `sumOf` (from the vocabularies' budget words), or for lines read before that field its `Summa …` label.
// A sum that does not add up is kept as printed and warned about.
import type { BudgetLine, Message } from '../../model/document.js';
import { fold } from '../fold.js';
import { decimalsOf, parseAmount } from './tables/budget.js';

type SumOf = NonNullable<BudgetLine['sumOf']>;

function sumOf(l: BudgetLine): SumOf | null {
  if (l.sumOf) return l.sumOf;
  if (l.sumOf === null || l.group !== 'summa') return null;
  const f = fold(l.line);
  if (/^summa int/.test(f)) return 'income';
  if (/^summa kostn/.test(f)) return 'cost';
  if (/^summa netto/.test(f)) return 'net';
  return null;
}

/** How far a computed sum may lie from the printed one: half the printed precision per rounded term. */
function tolerance(rows: BudgetLine[]): number {
  let worst = 0.5;
  let rounded = false;
  for (const r of rows) {
    const printed = r.amountPrinted;
    const value = printed ? parseAmount(printed) : null;
    if (!printed || value === null || value === 0) continue;
    const d = decimalsOf(printed);
    const step = (Math.abs(r.amountTkr) / Math.abs(value)) * 10 ** -d;
    if (d > 0 || step > 1) rounded = true;
    worst = Math.max(worst, step / 2);
  }
  return rounded ? worst * rows.length : worst;
}

const columnKey = (l: BudgetLine) => `${l.table}|${l.column ?? ''}|${l.year ?? ''}|${l.kind ?? ''}`;

export function checkBudgetSums(lines: BudgetLine[]): Message[] {
  const warnings: Message[] = [];
  const columns = new Map<string, BudgetLine[]>();
  for (const l of lines) columns.set(columnKey(l), [...(columns.get(columnKey(l)) ?? []), l]);
  for (const rows of columns.values()) {
    const t = rows[0].table;
    // the column is named where the table has several or its header gives a year (`Prognos 2021`)
    const several = lines.some((l) => l.table === t && (l.column ?? 1) > 1);
    const where = several || rows[0].year ? ` (${[rows[0].kind ?? `column ${rows[0].column ?? 1}`, rows[0].year].filter(Boolean).join(' ')})` : '';
    const detail = (g: BudgetLine['group']) => rows.filter((r) => r.group === g && !sumOf(r));
    const total = (xs: BudgetLine[]) => xs.reduce((s, r) => s + r.amountTkr, 0);
    const sum = (of: SumOf) => rows.find((r) => sumOf(r) === of);
    const checks: Array<{ row: BudgetLine | undefined; value: number; terms: BudgetLine[]; either?: boolean }> = [];
    const income = detail('intakter');
    const cost = detail('kostnader');
    const inc = sum('income');
    const cst = sum('cost');
    if (inc) checks.push({ row: inc, value: total(income), terms: income });
    if (cst) checks.push({ row: cst, value: total(cost), terms: cost });
    const incTotal = inc ? inc.amountTkr : income.length ? total(income) : null;
    const costTotal = cst ? cst.amountTkr : cost.length ? total(cost) : null;
    const net = sum('net');
    // with a `Summa` line the net is checked only against both sums (as the ILS tables print them)
    const netKnown = inc || cst ? inc && cst : incTotal !== null || costTotal !== null;
    if (net && netKnown) {
      const i = incTotal ?? 0;
      const c = costTotal ?? 0;
      const terms = [inc ?? income, cst ?? cost].flat();
      // |net| = |kostnader| − |intäkter| whichever sign each is printed with
      checks.push({ row: net, value: Math.abs(c) - Math.abs(i), terms, either: true });
    }
    const result = sum('result');
    const financing = rows.filter((r) => r.lineClass === 'financing' && !sumOf(r));
    if (result && net && financing.length) {
      checks.push({ row: result, value: total(financing) - Math.abs(net.amountTkr), terms: [net, ...financing] });
    }
    for (const { row, value, terms, either } of checks) {
      if (!row) continue;
      const tol = tolerance([row, ...terms]);
      const off = either ? Math.abs(Math.abs(row.amountTkr) - Math.abs(value)) : Math.abs(row.amountTkr - value);
      if (off > tol) {
        warnings.push({
          stage: 'normalize',
          rule: 'budget-sum-mismatch',
          message: `budget table ${t}${where}: "${row.line}" is ${row.amountTkr} tkr but its lines add up to ${Math.round(value * 1000) / 1000} tkr`,
          page: row.page,
          line: row.sourceLine,
        });
      }
    }
  }
  return warnings;
}
