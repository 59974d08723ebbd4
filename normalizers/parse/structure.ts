// The goal hierarchy: KF:s inriktningsmål > KF:s mål för verksamhetsområdet > Nämndmål > Enhetsmål,
// their sections, and the tables that stand under them. Input is the cleaned line stream.
import type { Activity, BudgetLine, DocLine, Goal, GoalLevel, Indicator, Message, SectionKey } from '../../model/document.js';
import { classify, contentText, defaultLabels, type Labels, type LineKind } from './labels.js';
import { parseActivityTable } from './tables/activities.js';
import { continuesBudgetTable, opensBudgetTable, parseBudgetTable } from './tables/budget.js';
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

/**
 * A line of one piece in bold under rows that are not (a PDF's heading after the table's last row, which
 * would otherwise read as the rest of its first cell). Budget tables are left to their own reader, whose
 * group headings and sums may be bold.
 */
function headingAfterRows(lines: DocLine[], header: number, j: number, kind: LineKind): boolean {
  const l = lines[j];
  if (kind.kind === 'budget-header' || !l.bold || (l.cells?.length ?? 1) > 1) return false;
  const rows = lines.slice(header + 1, j).filter((r) => !isBlank(r));
  return rows.length > 0 && rows.every((r) => !r.bold);
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
    // a wrapped title keeps its type: a bold line under a regular one is a heading of its own
    if (parts.length && cand.bold && !lines[j - 1]?.bold) break;
    const last = parts[parts.length - 1] ?? '';
    if (/[.!?:]$/.test(last)) break;
    const adjacent = k === j;
    // a numbered heading (`1.2 Title`) starts a goal of its own; across a blank line only a lower-case
    // start goes on the title (in an export with one paragraph per line the next paragraph is not its rest)
    if (/^(?:\d+|[A-Z])(?:\.\d+)+\.?\s+\p{Lu}/u.test(t)) break;
    const wraps = adjacent ? /^[\p{Ll}\d(]/u.test(t) || (last.length >= 60 && !/^[-•*]/.test(t)) : /^[\p{Ll}(]/u.test(t);
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
  // `1.4 …`, `2. …`, and letter codes with their dot (`A. …`, `B.2 …`): a lone capital without one is a word (`I Stockholm …`)
  const m = /^(\d+(?:\.\d+)*)\.?\s+(.+)$/.exec(title) ?? /^([A-Z](?:\.\d+)+)\.?\s+(.+)$/.exec(title) ?? /^([A-Z])\.\s+(.+)$/.exec(title);
  return m ? { code: m[1], title: m[2] } : { code: null, title };
}

const LEVELS = Object.keys(RANK) as GoalLevel[];
/** a numbered line longer than this is prose (a numbered paragraph), not a heading */
const NUMBERED_HEADING_MAX = 160;

/**
 * A goal by its place in the plan's own numbering, without a level word: a heading whose number extends
 * the number of a goal in hand by one part (`1.2 Title` under `Målområde 1`, `2.1.3` under `2.1`) is a goal
 * one level below it. Only a heading counts: a markdown heading, a bold line, or a short line that does
 * not end a sentence.
 */
function numberedChild(
  line: DocLine,
  text: string,
  current: Partial<Record<GoalLevel, Goal>>,
): { parent: Goal; level: GoalLevel; code: string; rest: string } | null {
  const m = /^((?:\d+|[A-Z])(?:\.\d+)+)\.?\s+(\p{Lu}.*)$/u.exec(text.trim());
  if (!m) return null;
  const headingLike = line.heading !== undefined || line.bold === true || (m[2].length <= NUMBERED_HEADING_MAX && !/[.!?:;,]$/.test(m[2]));
  if (!headingLike) return null;
  const parentCode = m[1].slice(0, m[1].lastIndexOf('.'));
  for (const lvl of [...LEVELS].reverse()) {
    const g = current[lvl];
    if (g?.code !== parentCode) continue;
    const level = LEVELS[RANK[lvl] + 1];
    return level ? { parent: g, level, code: m[1], rest: m[2] } : null;
  }
  return null;
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
    const read = classify(contentText(line), labels);
    // a budget table of the general reader (`Belopp i mnkr  Budget 2022  Prognos 2021`): budget words of the vocabularies
    const kind: LineKind = read.kind === 'text' && opensBudgetTable(lines, i, labels) ? { kind: 'budget-header' } : read;
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
    const child = kind.kind === 'text' && inGoals ? numberedChild(line, contentText(line), current) : null;
    if (child) {
      closeSection();
      const { title, next } = readTitle(lines, i, child.rest, labels);
      for (const lvl of LEVELS) if (RANK[lvl] >= RANK[child.level]) delete current[lvl];
      goal = {
        id: `g${out.goals.length + 1}`,
        level: child.level,
        levelLabel: null,
        code: child.code,
        title,
        parentId: child.parent.id,
        sections: {},
        page: line.page,
        line: line.line,
      };
      current[child.level] = goal;
      out.goals.push(goal);
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
        const read = classify(contentText(lines[j]), labels);
        // a heading is no row: the table ended before it
        if (lines[j].heading || headingAfterRows(lines, i, j, kind)) break;
        const k: LineKind = read.kind === 'text' && opensBudgetTable(lines, j, labels) ? { kind: 'budget-header' } : read;
        // a header repeated on the next page continues the table; a budget table ends with its
        // `Summa netto`, so a budget header after that starts a new table
        const sameHeader =
          k.kind === kind.kind && (kind.kind !== 'budget-header' || continuesBudgetTable(line, lines.slice(i + 1, j), lines[j], labels));
        if (k.kind !== 'text' && !sameHeader) break;
        // a goal numbered under one in hand ends the table as a labelled goal would
        if (k.kind === 'text' && inGoals && numberedChild(lines[j], contentText(lines[j]), current)) break;
        j++;
      }
      const body = lines.slice(i + 1, j);
      const goalId = inGoals ? (goal?.id ?? null) : null;
      let leftover: DocLine[] = [];
      if (kind.kind === 'indicator-header') {
        const r = parseIndicatorTable(line, body, labels);
        r.rows.forEach((row) => out.indicators.push({ id: `i${out.indicators.length + 1}`, goalId, ...row }));
        out.warnings.push(...r.warnings);
        leftover = r.leftover;
      } else if (kind.kind === 'activity-header') {
        const r = parseActivityTable(line, body, labels);
        r.rows.forEach((row) => out.activities.push({ id: `a${out.activities.length + 1}`, goalId, ...row }));
        out.warnings.push(...r.warnings);
        leftover = r.leftover;
      } else {
        const r = parseBudgetTable(body, labels, line);
        if (r.rows.length) {
          budgetTables++;
          r.rows.forEach(({ line: sourceLine, ...row }) => out.budget.push({ table: budgetTables, ...row, line: row.label, sourceLine }));
        }
        out.warnings.push(...r.warnings);
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
