// Budget tables (`Beloppen anges i TKr`): Intäkter and Kostnader lines and their `Summa …` lines.
import type { DocLine } from '../../../model/document.js';
import { fold } from '../../fold.js';
import { classify, defaultLabels, type Labels } from '../labels.js';
import type { TableResult } from './indicators.js';

export interface BudgetRow {
  group: 'intakter' | 'kostnader' | 'summa';
  label: string;
  amountTkr: number;
  page: number;
  line: number;
}

const AMOUNT_LINE = /^(.*?\S)\s+(-?\d{1,3}(?:[ \u00a0]\d{3})+|-?\d+)$/;

export function parseBudgetTable(body: DocLine[], _labels: Labels = defaultLabels()): TableResult<BudgetRow> {
  const rows: BudgetRow[] = [];
  let group: 'intakter' | 'kostnader' | null = null;
  let i = 0;
  for (; i < body.length; i++) {
    const line = body[i];
    const t = line.text.trim();
    if (!t) continue;
    const f = fold(t);
    if (/^int\S{1,2}kter$/.test(f)) {
      group = 'intakter';
      continue;
    }
    if (/^kostnader$/.test(f)) {
      group = 'kostnader';
      continue;
    }
    if (/^budget( \d{4})?$/.test(f) || classify(t).kind === 'budget-header') continue;
    const m = AMOUNT_LINE.exec(t);
    if (!m || !group) break;
    const label = m[1].replace(/\s+/g, ' ');
    const isSum = /^summa\b/.test(fold(label));
    rows.push({
      group: isSum ? 'summa' : group,
      label,
      amountTkr: Number(m[2].replace(/[ \u00a0]/g, '')),
      page: line.page,
      line: line.line,
    });
    if (/^summa netto/.test(fold(label))) {
      i++;
      break;
    }
  }
  return { rows, leftover: body.slice(i), warnings: [] };
}
