// The repair stage: encoding mojibake, then OCR letter damage, on the text of each page; on OCR'd pages
// (OCR'd here, or text whose letters showed OCR damage) also the word boundaries a scan loses
// (ocr-letters/scan-words.ts). Every change is recorded with its position, before/after, rule and
// confidence. Clean text comes out unchanged.
import { repairMojibake } from './encoding/index.js';
import { LanguageModel } from './ocr-letters/language-model.js';
import { type Lexicon, loadLexicon } from './ocr-letters/lexicon.js';
import { repairOcrLetters } from './ocr-letters/repair.js';
import { repairScanWords } from './ocr-letters/scan-words.js';
import { CleanDocuments, type RepairModelCounts, type RepairModelInput } from './model-input.js';
import type { DocLine, RepairRecord } from '../../model/document.js';
import { type Lines, type Repaired, handOff, Repaired as RepairedShape } from '../../model/stages.js';

export interface RepairContext {
  lexicon: Lexicon;
  model: LanguageModel;
  /** names what the model learnt from (model-input.ts); stored per document */
  fingerprint: string;
}

/**
 * The lexicon is loaded once per process; the language model is the built-in base plus the clean
 * documents the caller has (an archive's and a batch's), so the repair adapts to each archive: from their
 * pages, or from the counts learnt from them already (`CleanDocuments.counts`, the same model).
 */
export async function createRepairContext(input: RepairModelInput | RepairModelCounts = new CleanDocuments().input()): Promise<RepairContext> {
  const lexicon = await loadLexicon();
  const model = 'counts' in input ? LanguageModel.fromCounts(input.counts) : LanguageModel.fromTexts(input.texts);
  return { lexicon, model, fingerprint: input.fingerprint };
}

/** A document the model may learn from: no page was OCR'd and the base model alone finds nothing to repair. */
export function isClean(input: Lines, base: RepairContext): boolean {
  return input.lines.every((l) => l.method !== 'ocr') && repairLines(input.lines, base).repairs.length === 0;
}

/** A page with this many å/ä/ö repairs was OCR'd, whatever file it came in: its word boundaries are
 * OCR's too. */
const OCR_DAMAGE_LETTERS = 2;

/**
 * Repairs one page's text; `line` of each record is 1-based within `text`. `ocrDamaged` tells that the
 * letter repair found OCR damage, so the page's word boundaries are repaired as a scan's too.
 */
function repairText(text: string, ctx: RepairContext): { text: string; repairs: Omit<RepairRecord, 'page'>[]; ocrDamaged: boolean } {
  const moji = repairMojibake(text);
  const letters = repairOcrLetters(moji.text, ctx.model, { lexicon: ctx.lexicon });
  return {
    text: letters.text,
    repairs: [
      ...moji.repairs.map((r) => ({ line: r.line, before: r.before, after: r.after, rule: r.rule, confidence: r.confidence })),
      ...letters.repairs.map((r) => ({ line: r.line, before: r.before, after: r.after, rule: r.rule, confidence: r.confidence })),
    ],
    ocrDamaged: letters.repairs.length >= OCR_DAMAGE_LETTERS,
  };
}

/**
 * The repair stage: Lines → Repaired. Without a context (`--no-repair`) the lines pass through unchanged.
 * The one entry point of `plans import`, `plans extract` and `plans repair`.
 */
export function repair(input: Lines, ctx: RepairContext | undefined): Repaired {
  const { lines, repairs } = ctx ? repairLines(input.lines, ctx) : { lines: input.lines, repairs: [] };
  return handOff(RepairedShape, { ...input, lines, repairs: [...(input.repairs ?? []), ...repairs] }, 'repair');
}

/**
 * Repairs the lines of a document page by page. Line numbers are kept (repairs never add or remove a
 * line); a positioned line's cells get the repaired words back by word count, so columns survive.
 */
export function repairLines(lines: DocLine[], ctx: RepairContext): { lines: DocLine[]; repairs: RepairRecord[] } {
  const out: DocLine[] = [];
  const repairs: RepairRecord[] = [];
  const pages = new Map<number, DocLine[]>();
  for (const l of lines) pages.set(l.page, [...(pages.get(l.page) ?? []), l]);
  for (const [page, pageLines] of pages) {
    const fixed = repairText(pageLines.map((l) => l.text).join('\n'), ctx);
    const texts = fixed.text.split('\n');
    if (texts.length !== pageLines.length) {
      out.push(...pageLines); // a repair that changed the line count is not trusted
      continue;
    }
    for (const r of fixed.repairs) repairs.push({ ...r, page, line: pageLines[r.line - 1]?.line ?? r.line });
    pageLines.forEach((l, i) => {
      const line = texts[i] === l.text ? l : { ...l, text: texts[i], cells: resplitCells(l, texts[i]) };
      if (l.method !== 'ocr' && !fixed.ocrDamaged) return void out.push(line);
      const scan = repairScanLine(line, { before: texts[i - 1], after: texts[i + 1] }, ctx);
      out.push(scan.repairs.length ? scan.line : line);
      for (const r of scan.repairs) repairs.push({ page, line: l.line, before: r.before, after: r.after, rule: r.rule, confidence: r.confidence });
    });
  }
  return { lines: out, repairs };
}

/** Word boundaries of an OCR line, cell by cell where it has cells (a split stays inside its cell). */
function repairScanLine(
  line: DocLine,
  beside: { before?: string; after?: string },
  ctx: RepairContext,
): { line: DocLine; repairs: ReturnType<typeof repairScanWords>['repairs'] } {
  if (!line.cells) {
    const r = repairScanWords(line.text, ctx.lexicon, ctx.model, beside);
    return { line: { ...line, text: r.text }, repairs: r.repairs };
  }
  // only the first cell runs on from the line before
  const fixed = line.cells.map((c, i) => ({
    cell: c,
    ...repairScanWords(c.text, ctx.lexicon, ctx.model, { lineStart: i === 0, before: i === 0 ? beside.before : undefined, after: beside.after }),
  }));
  const cells = fixed.map((f) => ({ ...f.cell, text: f.text }));
  return {
    line: {
      ...line,
      cells,
      text: cells
        .map((c) => c.text)
        .join(' ')
        .trim(),
    },
    repairs: fixed.flatMap((f) => f.repairs),
  };
}

function resplitCells(line: DocLine, text: string): DocLine['cells'] {
  if (!line.cells) return null;
  const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);
  const words = wordsOf(text);
  const counts = line.cells.map((c) => wordsOf(c.text).length);
  if (counts.reduce((a, b) => a + b, 0) !== words.length) return line.cells;
  let at = 0;
  return line.cells.map((c, i) => {
    const cell = { ...c, text: words.slice(at, at + counts[i]).join(' ') };
    at += counts[i];
    return cell;
  });
}
