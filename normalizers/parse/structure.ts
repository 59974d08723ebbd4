// The goal hierarchy: KF:s inriktningsmål > KF:s mål för verksamhetsområdet > Nämndmål > Enhetsmål,
// their sections, and the tables that stand under them. Input is the cleaned line stream.
import type { Activity, BudgetLine, DocLine, Goal, GoalLevel, Indicator, Message, SectionKey } from '../../model/document.js';
import { classify, contentText, defaultLabels, type Labels, type LineKind } from './labels.js';
import { parseActivityTable } from './tables/activities.js';
import { parseBudgetTable } from './tables/budget.js';
import { parseIndicatorTable } from './tables/indicators.js';

export interface Structure {
  goals: Goal[];
  indicators: Indicator[];
  activities: Activity[];
  budget: BudgetLine[];
  warnings: Message[];
}

const RANK: Record<GoalLevel, number> = { kf_inriktningsmal: 0, kf_verksamhetsmal: 1, namndmal: 2, enhetsmal: 3 };
const MAX_TITLE_LINES = 5;

function isBlank(l: DocLine | undefined): boolean {
  return !l || contentText(l).trim() === '';
}

function nextNonBlank(lines: DocLine[], i: number): number {
  let j = i;
  while (j < lines.length && isBlank(lines[j])) j++;
  return j;
}

function isTableHeader(k: LineKind): boolean {
  return k.kind === 'indicator-header' || k.kind === 'activity-header' || k.kind === 'budget-header';
}

/** Lines of a goal title: the label's rest, or the next line; wrapped lines follow. Returns next index. */
function readTitle(lines: DocLine[], i: number, rest: string, labels: Labels): { title: string; next: number } {
  const parts: string[] = [];
  let j = i + 1;
  if (rest) parts.push(rest);
  else {
    const k = nextNonBlank(lines, j);
    if (k < lines.length && classify(contentText(lines[k]), labels).kind === 'text') {
      parts.push(contentText(lines[k]).trim());
      j = k + 1;
      if (lines[k].heading || lines[k].bold) return { title: clean(parts.join(' ')), next: j };
    }
  }
  while (parts.length < MAX_TITLE_LINES) {
    const k = nextNonBlank(lines, j);
    if (k >= lines.length) break;
    const cand = lines[k];
    const t = contentText(cand).trim();
    if (classify(t, labels).kind !== 'text' || cand.heading) break;
    const last = parts[parts.length - 1] ?? '';
    if (/[.!?:]$/.test(last)) break;
    const adjacent = k === j;
    const wraps = /^[\p{Ll}\d(]/u.test(t) || (adjacent && last.length >= 60 && !/^[-•*]/.test(t));
    if (!wraps) break;
    parts.push(t);
    j = k + 1;
  }
  return { title: clean(parts.join(' ')), next: j };
}

/** Section text: wrapped lines joined, a new line where a sentence or a bullet begins. */
function reflow(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    if (!out) out = p;
    else if (/[.!?:]$/.test(out) || /^[-•*–]\s?/.test(p) || !/^[\p{Ll}\d(]/u.test(p)) out += `\n${p}`;
    else out += ` ${p}`;
  }
  return out.trim();
}

function clean(s: string): string {
  return s.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
}

function splitCode(level: GoalLevel, title: string): { code: string | null; title: string } {
  if (level !== 'kf_inriktningsmal' && level !== 'kf_verksamhetsmal') return { code: null, title };
  const m = /^(\d+(?:\.\d+)*)\.?\s+(.+)$/.exec(title);
  return m ? { code: m[1], title: m[2] } : { code: null, title };
}

export function parseStructure(lines: DocLine[], labels: Labels = defaultLabels()): Structure {
  const out: Structure = { goals: [], indicators: [], activities: [], budget: [], warnings: [] };
  const current: Partial<Record<GoalLevel, Goal>> = {};
  let goal: Goal | null = null;
  let section: { key: SectionKey; parts: string[] } | null = null;
  let inGoals = false;
  let budgetTables = 0;

  const closeSection = () => {
    if (goal && section) {
      const text = reflow(section.parts);
      if (text) goal.sections[section.key] = goal.sections[section.key] ? `${goal.sections[section.key]}\n${text}` : text;
    }
    section = null;
  };
  const addText = (l: DocLine) => {
    if (section) section.parts.push(contentText(l).trim());
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const kind = classify(contentText(line), labels);
    if (kind.kind === 'goal') {
      closeSection();
      const { title: rawTitle, next } = readTitle(lines, i, kind.rest, labels);
      const { code, title } = splitCode(kind.level, rawTitle);
      const rank = RANK[kind.level];
      let parent: Goal | null = null;
      for (const lvl of Object.keys(RANK) as GoalLevel[]) {
        if (RANK[lvl] < rank && current[lvl]) parent = current[lvl]!;
        if (RANK[lvl] >= rank) delete current[lvl];
      }
      goal = {
        id: `g${out.goals.length + 1}`,
        level: kind.level,
        levelLabel: kind.label,
        code,
        title,
        parentId: parent?.id ?? null,
        sections: {},
        page: line.page,
        line: line.line,
      };
      if (!title) {
        out.warnings.push({
          stage: 'parse',
          rule: 'goal-without-title',
          message: `${kind.level} label without a title`,
          page: line.page,
          line: line.line,
        });
      }
      current[kind.level] = goal;
      out.goals.push(goal);
      inGoals = true;
      i = next;
      continue;
    }
    if (kind.kind === 'section') {
      closeSection();
      if (inGoals && goal) section = { key: kind.key, parts: [] };
      i++;
      continue;
    }
    if (kind.kind === 'end-of-goals') {
      closeSection();
      inGoals = false;
      goal = null;
      i++;
      continue;
    }
    if (isTableHeader(kind)) {
      let j = i + 1;
      while (j < lines.length) {
        const k = classify(contentText(lines[j]), labels);
        // a header repeated on the next page continues the table; a budget table ends with its
        // `Summa netto`, so a budget header after that starts a new table
        const sameHeader =
          k.kind === kind.kind && (kind.kind !== 'budget-header' || !lines.slice(i + 1, j).some((l) => /^summa netto\b/i.test(l.text.trim())));
        if (k.kind !== 'text' && !sameHeader) break;
        j++;
      }
      const body = lines.slice(i + 1, j);
      const goalId = inGoals ? (goal?.id ?? null) : null;
      let leftover: DocLine[] = [];
      if (kind.kind === 'indicator-header') {
        const r = parseIndicatorTable(line, body);
        r.rows.forEach((row) => out.indicators.push({ id: `i${out.indicators.length + 1}`, goalId, ...row }));
        out.warnings.push(...r.warnings);
        leftover = r.leftover;
      } else if (kind.kind === 'activity-header') {
        const r = parseActivityTable(line, body);
        r.rows.forEach((row) => out.activities.push({ id: `a${out.activities.length + 1}`, goalId, ...row }));
        leftover = r.leftover;
      } else {
        const r = parseBudgetTable(body, labels);
        if (r.rows.length) {
          budgetTables++;
          r.rows.forEach((row) =>
            out.budget.push({
              table: budgetTables,
              group: row.group,
              label: row.label,
              line: row.label,
              amountTkr: row.amountTkr,
              page: row.page,
              sourceLine: row.line,
            }),
          );
        }
        leftover = r.leftover;
      }
      leftover.forEach(addText);
      i = j;
      continue;
    }
    addText(line);
    i++;
  }
  closeSection();
  return out;
}
