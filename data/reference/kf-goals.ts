// KF goal taxonomies (the city council's goals per municipality and mandate period), from
// kf-goals/*.json (see README.md). Each file is read on first use and checked: periods do not overlap,
// codes and keys are unique within a period, a key shared by several periods (a goal continuing under a
// new number or wording) keeps its level and is described in `continuations`. A malformed file is named
// in the error. `kfTaxonomies()` lists them; `kfTaxonomyFor(code)` finds a municipality's (or null).
import { z } from 'zod';
import { GoalLevel } from '../../model/document.js';
import { lazyReference, readReference } from './load.js';

/** The taxonomy files, one per municipality (add a file here and in kf-goals/). */
export const KF_GOAL_FILES: readonly string[] = ['kf-goals/stockholm.json'];

const Key = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a key is lower-case ASCII words joined by hyphens');

const KfGoalSchema = z.strictObject({
  level: GoalLevel,
  /** the number as printed without a trailing dot (`1`, `1.4`) */
  code: z.string().regex(/^\d+(?:\.\d+)*$/),
  title: z.string().min(1),
  /** canonical key shared with the goals it continues in other periods; absent: `<period>/<code>` */
  key: Key.optional(),
});

const PeriodSchema = z
  .strictObject({
    id: z.string().regex(/^\d{4}-\d{4}$/),
    from: z.int(),
    until: z.int(),
    goals: z.array(KfGoalSchema).min(1),
  })
  .refine((p) => p.from <= p.until, { message: 'from is after until' })
  .refine((p) => p.id === `${p.from}-${p.until}`, { message: 'id must be "<from>-<until>"' });

export const KfTaxonomySchema = z
  .strictObject({
    $comment: z.string().optional(),
    /** municipality code: 4 digits with the leading zero (`0180`) */
    municipality: z.string().regex(/^\d{4}$/),
    name: z.string().min(1),
    /** the goal levels this council sets (the model's level names) */
    levels: z.array(GoalLevel).min(1),
    periods: z.array(PeriodSchema).min(1),
    continuations: z.array(z.strictObject({ key: Key, note: z.string().min(1) })).default([]),
  })
  .superRefine((t, ctx) => {
    const periods = [...t.periods].sort((a, b) => a.from - b.from);
    for (let i = 1; i < periods.length; i++)
      if (periods[i].from <= periods[i - 1].until)
        ctx.addIssue({ code: 'custom', message: `periods ${periods[i - 1].id} and ${periods[i].id} overlap` });
    const levelOfKey = new Map<string, string>();
    const periodsOfKey = new Map<string, number>();
    for (const p of t.periods) {
      const codes = new Set<string>();
      const keys = new Set<string>();
      for (const g of p.goals) {
        if (!t.levels.includes(g.level)) ctx.addIssue({ code: 'custom', message: `${p.id} ${g.code}: level ${g.level} is not in levels` });
        const c = `${g.level} ${g.code}`;
        if (codes.has(c)) ctx.addIssue({ code: 'custom', message: `${p.id}: ${c} appears twice` });
        codes.add(c);
        if (g.key === undefined) continue;
        if (keys.has(g.key)) ctx.addIssue({ code: 'custom', message: `${p.id}: key ${g.key} appears twice` });
        keys.add(g.key);
        const level = levelOfKey.get(g.key);
        if (level !== undefined && level !== g.level) ctx.addIssue({ code: 'custom', message: `key ${g.key} is used for ${level} and ${g.level}` });
        levelOfKey.set(g.key, g.level);
        periodsOfKey.set(g.key, (periodsOfKey.get(g.key) ?? 0) + 1);
      }
    }
    const described = new Set(t.continuations.map((c) => c.key));
    for (const [key, n] of periodsOfKey)
      if (n > 1 && !described.has(key))
        ctx.addIssue({ code: 'custom', message: `key ${key} continues across periods but has no entry in continuations` });
    for (const key of described) if (!periodsOfKey.has(key)) ctx.addIssue({ code: 'custom', message: `continuation ${key} is used by no goal` });
  });

export type KfTaxonomy = z.output<typeof KfTaxonomySchema>;
export type KfPeriod = KfTaxonomy['periods'][number];
export type KfGoal = KfTaxonomy['periods'][number]['goals'][number];

/** A goal's canonical key within its taxonomy: its `key`, or `<period>/<code>` for a goal that does not continue. */
export function kfGoalKey(period: KfPeriod, goal: KfGoal): string {
  return goal.key ?? `${period.id}/${goal.code}`;
}

/** Reads and checks one taxonomy file (any path); errors name the file. */
export function readKfTaxonomy(path: string): KfTaxonomy {
  return readReference(path, KfTaxonomySchema);
}

const loaders = KF_GOAL_FILES.map((f) => lazyReference(f, KfTaxonomySchema));

/** Every taxonomy in data/reference/kf-goals/, read and checked on first use. */
export function kfTaxonomies(): readonly KfTaxonomy[] {
  const all = loaders.map((load) => load());
  const seen = new Set<string>();
  for (const [i, t] of all.entries()) {
    if (seen.has(t.municipality)) throw new Error(`reference data ${KF_GOAL_FILES[i]}: a second taxonomy for municipality ${t.municipality}`);
    seen.add(t.municipality);
  }
  return all;
}

/** The taxonomy of a municipality (4-digit code), or null when none is on file. */
export function kfTaxonomyFor(municipality: string): KfTaxonomy | null {
  return kfTaxonomies().find((t) => t.municipality === municipality) ?? null;
}
