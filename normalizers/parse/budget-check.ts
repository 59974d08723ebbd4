// Budget sums: `Summa intäkter` and `Summa kostnader` are the sums of their lines, `Summa netto` is
// kostnader − intäkter. A sum that does not add up is kept as printed and warned about.
import type { BudgetLine, Message } from '../../model/document.js';
import { fold } from '../fold.js';

export function checkBudgetSums(lines: BudgetLine[]): Message[] {
  const warnings: Message[] = [];
  const tables = new Set(lines.map((l) => l.table));
  for (const t of tables) {
    const rows = lines.filter((l) => l.table === t);
    const total = (g: 'intakter' | 'kostnader') => rows.filter((r) => r.group === g).reduce((s, r) => s + r.amountTkr, 0);
    const sum = (re: RegExp) => rows.find((r) => r.group === 'summa' && re.test(fold(r.line)));
    const expect: Array<[BudgetLine | undefined, number]> = [
      [sum(/^summa int/), total('intakter')],
      [sum(/^summa kostn/), total('kostnader')],
    ];
    const inc = sum(/^summa int/);
    const cost = sum(/^summa kostn/);
    if (inc && cost) expect.push([sum(/^summa netto/), cost.amountTkr - inc.amountTkr]);
    for (const [row, value] of expect) {
      if (row && Math.abs(row.amountTkr - value) > 0.5) {
        warnings.push({
          stage: 'normalize',
          rule: 'budget-sum-mismatch',
          message: `budget table ${t}: "${row.line}" is ${row.amountTkr} tkr but its lines add up to ${value} tkr`,
          page: row.page,
          line: row.sourceLine,
        });
      }
    }
  }
  return warnings;
}
