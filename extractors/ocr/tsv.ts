// tesseract's TSV output (`tesseract IMG - tsv`) → the page tree tesseract.js gives (types.ts PageTree).
// One row per page, block, paragraph, line and word (`level` 1..5), each with its numbers within the
// level above, a box (left, top, width, height) and, for words, a confidence 0..100.
import type { OcrBox, PageTree, TreeLine } from './types.js';

const COLUMNS = ['level', 'page_num', 'block_num', 'par_num', 'line_num', 'word_num', 'left', 'top', 'width', 'height', 'conf', 'text'];
const WORD = 5;
const LINE = 4;

type Block = NonNullable<PageTree['blocks']>[number];

/** Throws when the text is not tesseract TSV (the header names its columns). */
export function treeFromTsv(tsv: string): PageTree {
  const rows = tsv.split('\n');
  const header = rows[0]?.trim().split('\t') ?? [];
  if (COLUMNS.some((c, i) => header[i] !== c)) throw new Error(`not tesseract TSV: header "${rows[0]?.slice(0, 80) ?? ''}"`);
  const blocks: Block[] = [];
  const paragraphs = new Map<string, { lines: TreeLine[] }>();
  const lines = new Map<string, TreeLine>();
  const blockOf = new Map<string, Block>();
  for (let i = 1; i < rows.length; i++) {
    const f = rows[i].split('\t');
    if (f.length < 11) continue;
    const level = Number(f[0]);
    if (level !== LINE && level !== WORD) continue;
    const [b, p, l] = [f[2], f[3], f[4]];
    const box = boxOf(f);
    const lineKey = `${b}.${p}.${l}`;
    let line = lines.get(lineKey);
    if (!line) {
      const paraKey = `${b}.${p}`;
      let para = paragraphs.get(paraKey);
      if (!para) {
        let block = blockOf.get(b);
        if (!block) {
          block = { paragraphs: [] };
          blockOf.set(b, block);
          blocks.push(block);
        }
        para = { lines: [] };
        paragraphs.set(paraKey, para);
        block.paragraphs.push(para);
      }
      line = { bbox: box, baseline: null, words: [] };
      lines.set(lineKey, line);
      para.lines.push(line);
    }
    if (level === LINE) line.bbox = box;
    else line.words.push({ text: f.slice(11).join('\t'), confidence: Math.max(0, Number(f[10])), bbox: box });
  }
  for (const line of lines.values()) line.baseline = baselineOf(line);
  return { text: textOf(blocks), blocks };
}

/** Letters and marks that reach below the baseline; a word without any sits on it. */
const DESCENDS = /[gjpqyQ,;()[\]{}|/_µ]/u;

/**
 * TSV has no baseline (hOCR and tesseract.js do): the median bottom of the line's words that have no
 * descender, or none when every word has one (toResult then takes the line's bottom).
 */
function baselineOf(line: TreeLine): { y0: number; y1: number } | null {
  const bottoms = line.words
    .filter((w) => /\p{L}|\p{N}/u.test(w.text) && !DESCENDS.test(w.text))
    .map((w) => w.bbox.y1)
    .sort((a, b) => a - b);
  if (bottoms.length === 0) return null;
  const y = bottoms[Math.floor((bottoms.length - 1) / 2)];
  return { y0: y, y1: y };
}

function boxOf(f: string[]): OcrBox {
  const [x, y, w, h] = [Number(f[6]), Number(f[7]), Number(f[8]), Number(f[9])];
  return { x0: x, y0: y, x1: x + w, y1: y + h };
}

/** tesseract's plain text of the tree: a line per line, a blank line after each paragraph. */
function textOf(blocks: Block[]): string {
  const paras = blocks.flatMap((b) => b.paragraphs.map((p) => p.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n')));
  return paras.map((p) => `${p}\n`).join('\n');
}
