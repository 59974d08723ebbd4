// The budget words of a vocabulary (`budget` in data/reference/vocabulary/*.json): amount units, line
// classes and year-column kinds. See data/reference/README.md.
import { z } from 'zod';

export const BudgetWords = z.strictObject({
  $comment: z.string().optional(),
});
export type BudgetWords = z.output<typeof BudgetWords>;
