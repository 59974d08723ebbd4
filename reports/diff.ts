// `plans diff A B`: what changed between two plans — goals added, dropped or reworded, indicators added,
// dropped, renamed or with a moved target, KF goals taken up or left — a quality officer's first question
// about a new plan. A plan is named by path, document id (or a unique prefix of one) or UNIT@YEAR.
import { resolve } from 'node:path';
import type { ReadOnlyStore } from '../data/store/read-only.js';
import { PlanError } from '../model/message.js';
import { GoalLevel } from '../model/document.js';
import { linkGoals } from '../normalizers/identity/index.js';

export interface PlanRef {
  documentId: string;
  unitName: string;
  year: number | null;
  path: string;
}

export interface DiffEntry {
  what: 'goal' | 'indicator' | 'kf-goal';
  change: 'added' | 'dropped' | 'reworded' | 'renamed' | 'target moved';
  /** goal level, or the KF goal's level */
  level: string | null;
  before: string | null;
  after: string | null;
  /** for a moved target: the indicator's name */
  subject: string | null;
  score: number | null;
  beforePage: number | null;
  afterPage: number | null;
}

export interface PlanDiff {
  from: PlanRef;
  to: PlanRef;
  entries: DiffEntry[];
}

async function objects(db: ReadOnlyStore, sql: string, params: Array<string | number | null>): Promise<Record<string, unknown>[]> {
  const r = await db.query(sql, params);
  return r.rows.map((row) => Object.fromEntries(r.columns.map((c, k) => [c, row[k]])));
}

/** The document a reference names; an unknown or ambiguous one is an error that says what was found. */
export async function findPlan(db: ReadOnlyStore, ref: string): Promise<PlanRef> {
  const at = /^(.+)@(\d{4})$/.exec(ref);
  const found = at
    ? await objects(
        db,
        `SELECT d.document_id, d.unit_name, d.year, d.path FROM documents d JOIN unit_years u USING (document_id)
         WHERE d.year = $2 AND (u.unit_key = $1 OR u.unit_key LIKE '%:' || $1 OR lower(u.unit_name) = lower($1) OR lower(d.unit_name) = lower($1))
         ORDER BY d.document_id`,
        [at[1], Number(at[2])],
      )
    : await objects(
        db,
        `SELECT document_id, unit_name, year, path FROM documents WHERE path = $1 OR document_id = $2 OR (length($2) >= 8 AND starts_with(document_id, $2)) ORDER BY document_id`,
        [resolve(ref), ref.toLowerCase()],
      );
  if (found.length === 0)
    throw new PlanError('diff-no-plan', `no plan ${ref} in the database (name one by path, document id or UNIT@YEAR)`, {}, 'load');
  if (found.length > 1) {
    const which = found.map((d) => `${String(d.document_id).slice(0, 12)} ${d.path}`).join('; ');
    throw new PlanError('diff-no-plan', `${ref} names ${found.length} plans: ${which}; name one by its document id`, {}, 'load');
  }
  const d = found[0];
  return { documentId: String(d.document_id), unitName: String(d.unit_name), year: d.year === null ? null : Number(d.year), path: String(d.path) };
}

export async function diffPlans(db: ReadOnlyStore, from: PlanRef, to: PlanRef): Promise<PlanDiff> {
  const entries: DiffEntry[] = [];
  // indicators by canonical key: added, dropped, renamed, target moved
  const indicators = await objects(
    db,
    `WITH per AS (
       SELECT i.document_id, k.indicator_key, min(i.name) AS name, min(i.page) AS page,
              string_agg(DISTINCT i.unit_target_raw, ' | ' ORDER BY i.unit_target_raw) AS target
       FROM indicators i JOIN indicator_keys k ON k.document_id = i.document_id AND k.indicator_id = i.indicator_id
       WHERE i.document_id IN ($1, $2) GROUP BY ALL
     )
     SELECT a.name AS before, b.name AS after, a.target AS before_target, b.target AS after_target, a.page AS before_page, b.page AS after_page
     FROM (SELECT * FROM per WHERE document_id = $1) a FULL JOIN (SELECT * FROM per WHERE document_id = $2) b USING (indicator_key)
     ORDER BY coalesce(b.name, a.name)`,
    [from.documentId, to.documentId],
  );
  for (const r of indicators) {
    const page = {
      beforePage: r.before_page === null ? null : Number(r.before_page),
      afterPage: r.after_page === null ? null : Number(r.after_page),
    };
    const base = { what: 'indicator' as const, level: null, score: null, ...page };
    if (r.before === null)
      entries.push({
        ...base,
        change: 'added',
        before: null,
        after: String(r.after),
        subject: r.after_target === null ? null : String(r.after_target),
      });
    else if (r.after === null) entries.push({ ...base, change: 'dropped', before: String(r.before), after: null, subject: null });
    else {
      if (r.before !== r.after) entries.push({ ...base, change: 'renamed', before: String(r.before), after: String(r.after), subject: null });
      if (r.before_target !== r.after_target) {
        entries.push({
          ...base,
          change: 'target moved',
          subject: String(r.after),
          before: r.before_target as string | null,
          after: r.after_target as string | null,
        });
      }
    }
  }
  // the unit's own goals, paired by title similarity
  const goals = await objects(
    db,
    `SELECT document_id, goal_id, level, title, page FROM goals WHERE document_id IN ($1, $2) ORDER BY document_id, goal_id`,
    [from.documentId, to.documentId],
  );
  const of = (id: string) =>
    goals.filter((g) => g.document_id === id).map((g) => ({ id: String(g.goal_id), level: GoalLevel.parse(g.level), title: String(g.title) }));
  const pageOf = new Map(goals.map((g) => [`${g.document_id}/${g.goal_id}`, Number(g.page)]));
  for (const l of linkGoals(of(from.documentId), of(to.documentId))) {
    if (l.kind === 'same') continue;
    entries.push({
      what: 'goal',
      change: l.kind,
      level: l.level,
      before: l.prevTitle,
      after: l.nextTitle,
      subject: null,
      score: l.score,
      beforePage: l.prevId ? (pageOf.get(`${from.documentId}/${l.prevId}`) ?? null) : null,
      afterPage: l.nextId ? (pageOf.get(`${to.documentId}/${l.nextId}`) ?? null) : null,
    });
  }
  // KF goals the plan works towards (canonical keys): taken up or left
  const kf = await objects(
    db,
    `WITH k AS (SELECT k.document_id, k.kf_goal_key, g.level, min(coalesce(k.kf_code || ' ', '') || k.kf_title) AS title, min(g.page) AS page
                FROM goal_kf k JOIN goals g ON g.document_id = k.document_id AND g.goal_id = k.goal_id
                WHERE k.document_id IN ($1, $2) GROUP BY ALL)
     SELECT a.title AS before, b.title AS after, coalesce(a.level, b.level) AS level, a.page AS before_page, b.page AS after_page
     FROM (SELECT * FROM k WHERE document_id = $1) a FULL JOIN (SELECT * FROM k WHERE document_id = $2) b USING (kf_goal_key, level)
     WHERE a.title IS NULL OR b.title IS NULL ORDER BY coalesce(b.title, a.title)`,
    [from.documentId, to.documentId],
  );
  for (const r of kf) {
    entries.push({
      what: 'kf-goal',
      change: r.before === null ? 'added' : 'dropped',
      level: String(r.level),
      before: r.before as string | null,
      after: r.after as string | null,
      subject: null,
      score: null,
      beforePage: r.before_page === null ? null : Number(r.before_page),
      afterPage: r.after_page === null ? null : Number(r.after_page),
    });
  }
  return { from, to, entries };
}

const LEVEL: Record<string, string> = {
  kf_inriktningsmal: 'inriktningsmål',
  kf_verksamhetsmal: 'KF-mål',
  namndmal: 'nämndmål',
  enhetsmal: 'enhetsmål',
};

/** The diff as text for a terminal: one line per change, grouped, with pages in each plan. */
export function formatDiff(d: PlanDiff): string {
  const name = (p: PlanRef) => `${p.unitName} ${p.year ?? '?'} (${p.documentId.slice(0, 12)})`;
  const pg = (p: number | null) => (p === null ? '' : ` [s. ${p}]`);
  const lines = [`${name(d.from)} → ${name(d.to)}`];
  const section = (title: string, what: DiffEntry['what']) => {
    const es = d.entries.filter((e) => e.what === what);
    lines.push('', `${title}: ${es.length === 0 ? 'no changes' : `${es.length} change${es.length === 1 ? '' : 's'}`}`);
    for (const e of es) {
      const lvl = e.level ? `${LEVEL[e.level] ?? e.level}: ` : '';
      if (e.change === 'added') lines.push(`  + ${lvl}${e.after}${e.subject ? ` (target ${e.subject})` : ''}${pg(e.afterPage)}`);
      else if (e.change === 'dropped') lines.push(`  - ${lvl}${e.before}${pg(e.beforePage)}`);
      else if (e.change === 'target moved') lines.push(`  ~ target of ${e.subject}: ${e.before ?? '–'} → ${e.after ?? '–'}${pg(e.afterPage)}`);
      else
        lines.push(
          `  ~ ${lvl}${e.change}: ${e.before}${pg(e.beforePage)}\n      → ${e.after}${pg(e.afterPage)}${e.score === null ? '' : ` (similarity ${e.score.toFixed(2)})`}`,
        );
    }
  };
  section('Goals', 'goal');
  section('Indicators', 'indicator');
  section('KF goals', 'kf-goal');
  return `${lines.join('\n')}\n`;
}
