// The parse stage: Cleaned → PlanDocument (goals, indicators, activities, budget, metadata, warnings).
import { readMetadata } from './metadata.js';
import { parseStructure } from './structure.js';
import { checkBudgetSums } from './budget-check.js';
import { markPlanYear } from './tables/budget.js';
import { type Message, PlanDocument, PlanError, type RepairRecord } from '../../model/document.js';
import type { Cleaned } from '../../model/stages.js';
import { defaultLabels, type Labels } from './labels.js';

// 2: the layout stage (columns, furniture, wrapped headings, hyphenation) and goal levels from vocabularies
// 3: tables by column role, outcomes and baselines, goals by numbering, budgets in any unit and column,
//    metadata without Stockholm (municipality, organisation, period), hyphen joins as repairs
// 4: space-aligned text tables by position, tables end at a heading, budgets without a unit warned about,
//    the layout's page grid and tables continued in the next column
export const PARSER_VERSION = '4';

/** Years the body mentions in places that name the plan year: activity dates, table headers, headings. */
function bodyYears(text: string, activityEnds: Array<string | null>): number[] {
  const years: number[] = [];
  for (const m of text.matchAll(/\b(?:budget|utvecklingsomr\S{1,3}den|inf\S{1,2}r|under|\S{1,2}r)\s+(20\d{2})\b/gi)) years.push(Number(m[1]));
  for (const d of activityEnds) if (d) years.push(Number(d.slice(0, 4)));
  return years;
}

/** One message per repair rule, so a reader of `warnings` learns the text was changed and how much. */
function repairSummary(repairs: RepairRecord[]): Message[] {
  const byRule = new Map<RepairRecord['rule'], RepairRecord[]>();
  // the layout's own changes (hyphens joined) have their warning from the layout stage already
  for (const r of repairs) if (r.rule !== 'hyphen-joined') byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), r]);
  return [...byRule].map(([rule, rs]) => ({
    stage: 'repair',
    rule,
    message: `${rs.length} change${rs.length === 1 ? '' : 's'} (${rule}), e.g. "${rs[0].before}" → "${rs[0].after}"; see repairs`,
    page: rs[0].page,
    line: rs[0].line,
  }));
}

/** The metadata is read from all lines (a title page's unit line may repeat as a running header); the
 * structure from the body, with the built-in vocabularies unless `labels` (`compileLabels`) says otherwise. */
export function parse(input: Cleaned, labels: Labels = defaultLabels()): PlanDocument {
  const { source, lines: raw, body, repairs } = input;
  const structure = parseStructure(body, labels);
  const allText = raw.map((l) => l.text).join('\n');
  // a PDF header line holds several fields side by side (`Enheten för hemtjänst   Dnr: HÄ 2022/698`)
  const fields = raw.flatMap((l) => (l.cells && l.cells.length > 1 ? l.cells.map((c) => ({ ...l, text: c.text, cells: null })) : [l]));
  const meta = readMetadata(
    fields,
    structure.goals,
    bodyYears(
      allText,
      structure.activities.map((a) => a.end),
    ),
    labels,
  );
  // a plan in a template the vocabularies do not know is imported with what could be read and a
  // warning; only a document with no sign of being a plan (no goals, no indicators, no plan title) is refused
  // the plan year is known only now: it picks the budget column of that year in a table of several
  const budget = markPlanYear(structure.budget, meta.year);
  const unreadStructure = structure.goals.length === 0 && structure.indicators.length === 0;
  if (unreadStructure && meta.period === null) {
    throw new PlanError(
      'not-a-plan',
      'not a plan: no plan title, no goal label of the vocabularies (data/reference/vocabulary/) and no indicator table found',
      { file: source.path },
      'parse',
    );
  }
  const unknownTemplate: Message[] = unreadStructure
    ? [
        {
          stage: 'parse',
          rule: 'no-goals-found',
          message:
            'a plan by its title, but no goal label or indicator table of the vocabularies was found: imported without goals; add the template’s words with --vocabulary FILE',
          page: null,
          line: null,
        },
      ]
    : [];
  const doc: PlanDocument = {
    source,
    unit: meta.unit,
    district: meta.district,
    year: meta.year,
    dnr: meta.dnr,
    organisation: meta.organisation,
    municipality: meta.municipality,
    period: meta.period,
    goals: structure.goals,
    indicators: structure.indicators,
    activities: structure.activities,
    budget,
    warnings: [...input.warnings, ...repairSummary(repairs), ...unknownTemplate, ...structure.warnings, ...meta.warnings, ...checkBudgetSums(budget)],
    repairs,
  };
  return PlanDocument.parse(doc);
}
