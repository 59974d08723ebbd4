// The budget words of a vocabulary (`budget` in data/reference/vocabulary/*.json): amount units, line
// classes and year-column kinds. See data/reference/README.md. The budget reader
// (normalizers/parse/tables/budget.ts) merges the words of every vocabulary it is given (`mergeBudgetWords`).
import { z } from 'zod';
import { BudgetColumnKind, BudgetLineClass, BudgetSumOf, BudgetUnit } from '../../model/document.js';

const Word = z.string().trim().min(1);
const Words = z.array(Word).min(1);

const UnitWords = z.strictObject({
  $comment: z.string().optional(),
  unit: BudgetUnit,
  /** what one of this unit is in tkr (`mnkr`: 1000, `kr`: 0.001) */
  factor: z.number().positive(),
  /** the unit as printed (`mnkr`, `mkr`, `miljoner kronor`), a word of its own */
  words: Words,
});

const GroupWords = z.strictObject({
  $comment: z.string().optional(),
  group: z.enum(['intakter', 'kostnader', 'finansiering']),
  /** the group's heading, alone on its line (`Intäkter`); with amounts it is a line of the group's class */
  headings: Words,
});

const LineWords = z.strictObject({
  $comment: z.string().optional(),
  lineClass: BudgetLineClass,
  /** for a line that totals others: what it totals (the sum checks use it) */
  sumOf: BudgetSumOf.optional(),
  /**
   * the line's label, or how it begins (`Kommunbidrag` also in `Kommunbidrag/budgetram`); a word written
   * `-kostnader` is a compound's end (`Personalkostnader`, `Övriga kostnader`)
   */
  words: Words,
  /** the table's last line (`Summa netto`): after it only lines these words know continue the table */
  last: z.boolean().optional(),
});

const ColumnWords = z.strictObject({
  $comment: z.string().optional(),
  kind: BudgetColumnKind,
  /** the column header's word, alone or followed by a year (`Budget`, `Budget 2022`, `Utfall 2020`) */
  words: Words,
});

export const BudgetWords = z.strictObject({
  $comment: z.string().optional(),
  /**
   * captions of a budget table (`Beloppen anges i`, `Belopp i`, `Driftbudget`): a line that is a caption
   * with a unit (`Belopp i mnkr`, `Driftbudget (tkr)`), or a caption or unit followed by column headers,
   * opens a table when amount lines follow
   */
  captions: z.array(Word).default([]),
  units: z.array(UnitWords).default([]),
  groups: z.array(GroupWords).default([]),
  lines: z.array(LineWords).default([]),
  columns: z.array(ColumnWords).default([]),
  /** headers of columns that hold no amounts of the line (`Förändring`, `Avvikelse %`): their values are skipped */
  otherColumns: z.array(Word).default([]),
});
export type BudgetWords = z.output<typeof BudgetWords>;

/** The budget words of all vocabularies, in their order (an analyst's file among them): the lists joined. */
export function mergeBudgetWords(vocabularies: ReadonlyArray<{ budget?: BudgetWords }>): BudgetWords {
  const out: BudgetWords = { captions: [], units: [], groups: [], lines: [], columns: [], otherColumns: [] };
  for (const v of vocabularies) {
    if (!v.budget) continue;
    out.captions.push(...v.budget.captions);
    out.units.push(...v.budget.units);
    out.groups.push(...v.budget.groups);
    out.lines.push(...v.budget.lines);
    out.columns.push(...v.budget.columns);
    out.otherColumns.push(...v.budget.otherColumns);
  }
  return out;
}
