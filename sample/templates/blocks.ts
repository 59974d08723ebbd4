// A plan as a list of blocks (headings, paragraphs, tables), so one template renders to a markdown export
// with pipe tables, a text export with tab-separated tables, and a PDF (pdfmake) from the same content.
import { pdfmakeReady, PLAN_TABLE_LAYOUT } from '../pdfmake-setup.js';

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

/** Markdown with `#` headings and pipe tables (`| a | b |` and a rule row). */
export function toMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(`${'#'.repeat(b.level)} ${b.text}`, '');
    else if (b.kind === 'para') out.push(b.text, '');
    else {
      const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
      out.push(row(b.header), `|${b.header.map(() => '---').join('|')}|`, ...b.rows.map(row), '');
    }
  }
  return `${out.join('\n')}\n`;
}

/** Plain text, one paragraph per line, tables tab-separated (as a word processor's text export writes them). */
export function toTabText(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading' || b.kind === 'para') out.push(b.text, '');
    else out.push(b.header.join('\t'), ...b.rows.map((r) => r.join('\t')), '');
  }
  return `${out.join('\n')}\n`;
}

/** the widest a column of an aligned table gets before its cells wrap onto the lines below */
const ALIGNED_WIDTH = 40;

/** `text` wrapped at word gaps into lines of at most `width` characters */
function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const word of text.split(' ')) {
    const last = out[out.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out.length ? out : [''];
}

/**
 * Plain text with tables in space-aligned columns, as `pdftotext -layout` or a fixed-width report writes
 * them: each column as wide as its widest cell up to ALIGNED_WIDTH, three spaces apart, longer cells
 * wrapped onto the lines below (top-aligned, the other columns blank there).
 */
export function toAlignedText(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading' || b.kind === 'para') out.push(b.text, '');
    else {
      const rows = [b.header, ...b.rows];
      const widths = b.header.map((_, k) => Math.min(ALIGNED_WIDTH, Math.max(...rows.map((r) => (r[k] ?? '').length))));
      for (const r of rows) {
        const wrapped = r.map((c, k) => wrapText(c, widths[k]));
        const height = Math.max(...wrapped.map((w) => w.length));
        for (let i = 0; i < height; i++)
          out.push(
            wrapped
              .map((w, k) => (w[i] ?? '').padEnd(Math.max(widths[k], w[i]?.length ?? 0)))
              .join('   ')
              .trimEnd(),
          );
      }
      out.push('');
    }
  }
  return `${out.join('\n')}\n`;
}

const SIZES = { 1: 16, 2: 13, 3: 12, 4: 11 } as const;

/** A PDF: headings bold by level, tables with a repeated header row and the first column wide. */
export async function toPdf(blocks: Block[], title: string): Promise<Buffer> {
  const content = blocks.map((b) => {
    if (b.kind === 'heading') return { text: b.text, bold: true, fontSize: SIZES[b.level], margin: [0, 10, 0, 4] };
    if (b.kind === 'para') return { text: b.text, margin: [0, 0, 0, 6] };
    const widths = b.header.map((_, k) => (k === 0 ? '*' : 78));
    return {
      table: { headerRows: 1, widths, body: [b.header.map((h) => ({ text: h, bold: true })), ...b.rows] },
      layout: PLAN_TABLE_LAYOUT,
      fontSize: 9,
      margin: [0, 4, 0, 10],
    };
  });
  const pdfmake = pdfmakeReady();
  const doc = pdfmake.createPdf({
    info: { title },
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content,
    footer: (page: number, pages: number) => ({ text: `${page} (${pages})`, alignment: 'right', margin: [0, 10, 56, 0], fontSize: 8 }),
  });
  return Buffer.from(await doc.getBuffer());
}
