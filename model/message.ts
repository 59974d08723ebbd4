// One message type for warnings and errors, after vfile-message: a reason, a rule id from the registry
// (rules.ts), the stage that raised it, a place (page, line) and, for errors, the file. A warning travels
// as data in the document; an error is the same message thrown as a PlanError, which stops one file
// (never the batch).
import { z } from 'zod';
import { RULE_IDS, type RuleId } from './rules.js';

export const Stage = z.enum(['extract', 'repair', 'parse', 'normalize', 'load']);
export type Stage = z.infer<typeof Stage>;

export const RuleIdSchema = z.enum(RULE_IDS);

export const Message = z.object({
  stage: Stage,
  rule: RuleIdSchema,
  message: z.string(),
  page: z.number().int().nullable(),
  line: z.number().int().nullable(),
});
export type Message = z.infer<typeof Message>;

export interface Place {
  file?: string | null;
  page?: number | null;
  line?: number | null;
}

/** A fatal message: the file it names is reported with the reason and skipped. */
export class PlanError extends Error {
  readonly fatal = true;
  readonly file: string | null;
  readonly page: number | null;
  readonly line: number | null;

  constructor(
    readonly rule: RuleId,
    readonly reason: string,
    place: Place = {},
    readonly stage: Stage = 'extract',
  ) {
    super(`${place.file ? `${place.file}${place.page ? ` (page ${place.page})` : ''}: ` : ''}${reason}`);
    this.name = 'PlanError';
    this.file = place.file ?? null;
    this.page = place.page ?? null;
    this.line = place.line ?? null;
  }

  /** @deprecated the rule id, under the name the former InputError/StoreError gave it */
  get code(): RuleId {
    return this.rule;
  }

  toMessage(): Message {
    return { stage: this.stage, rule: this.rule, message: this.reason, page: this.page, line: this.line };
  }
}
