// The words a plan's structure is recognised by (goal levels, section headings, where the goals end), from
// data/reference/vocabulary/*.json (see README.md). Stockholm's ILS is one vocabulary, general Swedish
// another; an analyst's own file is read with `readVocabulary`.
import { z } from 'zod';
import { GoalLevel, Periodicity, SectionKey } from '../../model/document.js';
import { lazyReference, readReference } from './load.js';
import { BudgetWords } from './vocabulary-budget.js';
import { MetadataWords } from './vocabulary-metadata.js';

const Words = z.array(z.string().trim().min(1)).min(1);

const LevelWords = z.strictObject({
  $comment: z.string().optional(),
  /** the model's level these words stand for */
  level: GoalLevel,
  /** the level's names as printed (`Nämndens mål`); matched ignoring case, with å/ä/ö as one or two other characters */
  labels: Words,
  /**
   * `required`: the label is followed by `:` and the title (`Nämndmål: …`, or the title on the next line);
   * `optional` (default): also the label alone on a line, the title below it, or the label, a number
   * (`1.`, `1.1`) and the title on one line. A label followed by other words without a colon is prose.
   */
  colon: z.enum(['required', 'optional']).default('optional'),
});

const SectionWords = z.strictObject({ $comment: z.string().optional(), key: SectionKey, headings: Words });

/** What a column of an indicator table holds. */
export const IndicatorRole = z.enum(['name', 'unitTarget', 'kfTarget', 'outcome', 'baseline', 'periodicity']);
export type IndicatorRole = z.infer<typeof IndicatorRole>;

const ColumnWords = z.strictObject({
  $comment: z.string().optional(),
  role: IndicatorRole,
  /** header texts naming the column (`Målvärde`, `Utfall`); a year may follow (`Utfall 2021`), matched ignoring case and diacritics */
  headers: Words,
});

/** What a column of an activity table holds; `schedule` is a period in words (`Tidplan`: `ht 2023`). */
export const ActivityRole = z.enum(['text', 'start', 'end', 'schedule', 'responsible']);
export type ActivityRole = z.infer<typeof ActivityRole>;

const ActivityColumnWords = z.strictObject({ $comment: z.string().optional(), role: ActivityRole, headers: Words });

const PeriodicityWords = z.strictObject({ $comment: z.string().optional(), value: Periodicity, words: Words });

export const VocabularySchema = z.strictObject({
  $comment: z.string().optional(),
  /** a short name for messages (`stockholm-ils`) */
  name: z.string().min(1),
  levels: z.array(LevelWords).default([]),
  sections: z.array(SectionWords).default([]),
  /** headings after which the goal part of a plan is over (`Redovisning av ekonomi`) */
  endOfGoals: z.array(z.string().trim().min(1)).default([]),
  /** indicator tables: a table's header starts with a `name` header and names at least one other role */
  indicatorColumns: z.array(ColumnWords).default([]),
  /** activity tables: a table's header starts with a `text` header and names at least one other role */
  activityColumns: z.array(ActivityColumnWords).default([]),
  /** how often an indicator is measured, as the table prints it (`Helår`, `Tertialvis`) */
  periodicities: z.array(PeriodicityWords).default([]),
  /** budget tables: amount units, line classes, year-column kinds (vocabulary-budget.ts) */
  budget: BudgetWords.optional(),
  /** front matter: title forms, organisation kinds, Dnr labels (vocabulary-metadata.ts) */
  metadata: MetadataWords.optional(),
});

export type Vocabulary = z.output<typeof VocabularySchema>;

/** The vocabularies every plan is read with, in this order. */
export const BUILTIN_VOCABULARY_FILES = ['stockholm-ils.json', 'general.json'] as const;

const builtin = BUILTIN_VOCABULARY_FILES.map((f) => lazyReference(`vocabulary/${f}`, VocabularySchema));

/** The built-in vocabularies (Stockholm ILS, general Swedish), read and checked on first use. */
export function builtinVocabularies(): Vocabulary[] {
  return builtin.map((load) => load());
}

/** An analyst's vocabulary file (same format); a malformed file fails naming it. */
export function readVocabulary(path: string): Vocabulary {
  return readReference(path, VocabularySchema);
}
