// `plans repair FILE`: the extracted text of one input with its damage repaired, for people to read and
// scripts to diff. Text files are repaired as they are, line for line, so clean files stay byte-identical;
// PDFs (text layer or OCR) print the lines rebuilt from their pages.
import { type ExtractOptions, extractFile } from '../extractors/index.js';
import type { RepairRecord } from '../model/document.js';
import { pagesToLines } from '../normalizers/lines/index.js';
import { type RepairContext, repairLines, repairScanText, repairText } from '../normalizers/repair/index.js';

export async function repairFile(file: string, ctx: RepairContext, opts: ExtractOptions = {}): Promise<{ text: string; repairs: RepairRecord[] }> {
  const extraction = await extractFile(file, opts);
  if (extraction.source.format === 'txt' || extraction.source.format === 'md') {
    // text pages are consecutive runs of the file's lines: repair them in place
    const texts: string[] = [];
    const repairs: RepairRecord[] = [];
    let offset = 0;
    for (const page of extraction.pages) {
      const fixed = repairText(page.text, ctx);
      const scan = fixed.ocrDamaged ? repairScanText(fixed.text, ctx) : { text: fixed.text, repairs: [] };
      texts.push(scan.text);
      repairs.push(...[...fixed.repairs, ...scan.repairs].map((r) => ({ ...r, page: page.num, line: offset + r.line })));
      offset += page.text.split('\n').length;
    }
    return { text: texts.join('\n'), repairs };
  }
  const { lines, repairs } = repairLines(pagesToLines(extraction.pages, extraction.source.format), ctx);
  const pages = extraction.pages.map((p) =>
    lines
      .filter((l) => l.page === p.num)
      .map((l) => l.text)
      .join('\n'),
  );
  return { text: `${pages.join('\n\f')}\n`, repairs };
}
