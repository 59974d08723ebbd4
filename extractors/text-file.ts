// Text and markdown exports → pages. A text dump has lost its page boundaries except for traces:
// form feeds, pdf-parse's `-- N of M --` markers, running `Sid N (M)` headers, and pdf.js's habit of
// starting a page's first line with a single space right after the previous page's last line.
import type { ExtractedPage, Message } from '../model/document.js';

const PAGE_MARKER = /^\s*--\s*(\d+)\s+of\s+\d+\s*--\s*$/;
const SID_HEADER = /\bSid\s+(\d+)\s*\(\s*\d+\s*\)/;

function isBlank(s: string | undefined): boolean {
  return s === undefined || s.trim() === '';
}

/** Splits text into pages; each page's text is the exact run of file lines it holds (markers kept). */
export function splitTextPages(text: string, format: 'txt' | 'md'): ExtractedPage[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const pages: string[][] = [[]];
  const startPage = () => pages.push([]);
  const current = () => pages.length;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const here = pages[pages.length - 1];
    if (line.includes('\f')) {
      // a form feed ends the page; keep the rest of the line on the next one
      const [before, ...rest] = line.split('\f');
      here.push(before);
      for (const part of rest) {
        startPage();
        line = part;
      }
      if (rest.length) pages[pages.length - 1].push(line);
      continue;
    }
    const marker = PAGE_MARKER.exec(line);
    if (marker) {
      here.push(line);
      startPage();
      continue;
    }
    if (format === 'txt' && here.length > 0) {
      const sid = SID_HEADER.exec(line);
      if (sid && Number(sid[1]) > current()) {
        // the header block (`Tjänsteutlåtande` just above) belongs to the new page too
        const carried: string[] = [];
        while (here.length && !isBlank(here[here.length - 1]) && carried.length < 2) carried.unshift(here.pop()!);
        startPage();
        pages[pages.length - 1].push(...carried, line);
        continue;
      }
      const prev = lines[i - 1];
      if (/^ [^\s]/.test(line) && !isBlank(prev) && !/^\s/.test(prev) && here.length >= 15) {
        startPage();
      }
    }
    pages[pages.length - 1].push(line);
  }
  const out: ExtractedPage[] = [];
  pages.forEach((pageLines, idx) => {
    // a trailing marker leaves an empty last page: its lines go back to the page before
    if (idx === pages.length - 1 && pageLines.every((l) => l.trim() === '') && idx > 0) {
      out[out.length - 1].text += '\n' + pageLines.join('\n');
      return;
    }
    out.push({
      page: out.length + 1,
      num: out.length + 1,
      text: pageLines.join('\n'),
      items: null,
      method: 'text-file',
      confidence: null,
      width: null,
      height: null,
    });
  });
  return numberFromHeaders(out);
}

/**
 * A dump that starts after the front page and table of contents numbers its first page 1; a running
 * `Sid N (M)` header tells the real number, and the offset it gives holds for every page.
 */
function numberFromHeaders(pages: ExtractedPage[]): ExtractedPage[] {
  const offsets = new Map<number, number>();
  for (const p of pages) {
    const m = SID_HEADER.exec(p.text);
    if (m) offsets.set(Number(m[1]) - p.num, (offsets.get(Number(m[1]) - p.num) ?? 0) + 1);
  }
  const best = [...offsets.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best || best[0] <= 0) return pages;
  return pages.map((p) => ({ ...p, page: p.num + best[0], num: p.num + best[0] }));
}

export interface TextExtraction {
  pages: ExtractedPage[];
  warnings: Message[];
}

export function extractTextFile(text: string, format: 'txt' | 'md'): TextExtraction {
  return { pages: splitTextPages(text, format), warnings: [] };
}
