// Parse + normalise stage: Extraction → PlanDocument. Pure: runs from stored pages without re-extracting.
import { pagesToLines } from '../lines/index.js';
import { readMetadata } from './metadata.js';
import { removeNoise } from '../clean/index.js';
import { parseStructure } from './structure.js';
import { checkBudgetSums } from './budget-check.js';
import { type RepairContext, repairLines } from '../repair/index.js';
import {
  type Extraction,
  InputError,
  type Message,
  type PlanDocument,
  PlanDocument as PlanDocumentSchema,
  type RepairRecord,
} from '../../model/document.js';

export const PARSER_VERSION = '1';

/** Years the body mentions in places that name the plan year: activity dates, table headers, headings. */
function bodyYears(text: string, activityEnds: Array<string | null>): number[] {
  const years: number[] = [];
  for (const m of text.matchAll(/\b(?:budget|utvecklingsomr\S{1,3}den|inf\S{1,2}r|under|\S{1,2}r)\s+(20\d{2})\b/gi)) years.push(Number(m[1]));
  for (const d of activityEnds) if (d) years.push(Number(d.slice(0, 4)));
  return years;
}

/**
 * Extraction → PlanDocument. With a repair context, mojibake and OCR letter damage are repaired first
 * (every change recorded); without one the text is parsed as extracted.
 */
/** One message per repair rule, so a reader of `warnings` learns the text was changed and how much. */
function repairSummary(repairs: RepairRecord[]): Message[] {
  const byRule = new Map<RepairRecord['rule'], RepairRecord[]>();
  for (const r of repairs) byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), r]);
  return [...byRule].map(([rule, rs]) => ({
    stage: 'repair',
    rule,
    message: `${rs.length} change${rs.length === 1 ? '' : 's'} (${rule}), e.g. "${rs[0].before}" → "${rs[0].after}"; see repairs`,
    page: rs[0].page,
    line: rs[0].line,
  }));
}

export function parseExtraction(extraction: Extraction, repair?: RepairContext): PlanDocument {
  const extracted = pagesToLines(extraction.pages, extraction.source.format);
  const { lines: raw, repairs } = repair ? repairLines(extracted, repair) : { lines: extracted, repairs: [] };
  const lines = removeNoise(raw);
  const structure = parseStructure(lines);
  const file = extraction.source.path;
  if (structure.goals.length === 0 && structure.indicators.length === 0) {
    throw new InputError(
      file,
      'not a plan: no goal labels (KF:s inriktningsmål, Nämndmål, Enhetsmål) and no indicator table found',
      null,
      'not-a-plan',
    );
  }
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
  );
  const doc: PlanDocument = {
    source: extraction.source,
    unit: meta.unit,
    district: meta.district,
    year: meta.year,
    dnr: meta.dnr,
    goals: structure.goals,
    indicators: structure.indicators,
    activities: structure.activities,
    budget: structure.budget,
    warnings: [...extraction.warnings, ...repairSummary(repairs), ...structure.warnings, ...meta.warnings, ...checkBudgetSums(structure.budget)],
    repairs,
  };
  return PlanDocumentSchema.parse(doc);
}
