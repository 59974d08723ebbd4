// One document from its extraction: lines → repair → clean → parse. Without a repair context the text
// is read as extracted; with one, its lexicon also lets the layout join words hyphenated at line ends.
import type { Extraction, PlanDocument } from '../model/document.js';
import { layOut } from '../normalizers/lines/index.js';
import { repair, type RepairContext } from '../normalizers/repair/index.js';
import { clean } from '../normalizers/clean/index.js';
import { parse } from '../normalizers/parse/index.js';
import { defaultLabels, type Labels } from '../normalizers/parse/labels.js';

/** `labels`: the vocabularies to read with (compileLabels), by default the built-in ones. */
export function readPlan(extraction: Extraction, repairCtx?: RepairContext, labels: Labels = defaultLabels()): PlanDocument {
  const lines = layOut(extraction, { lexicon: repairCtx?.lexicon });
  const repaired = repair(lines, repairCtx);
  const cleaned = clean(repaired);
  return parse(cleaned, labels);
}
