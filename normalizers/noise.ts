// Layout clean-up: running page headers/footers and the table of contents are not content.
import type { DocLine } from '../pipeline/model.js';
import { fold } from './fold.js';

const RUNNING = [
  /^tj\S{1,3}nsteutl\S{1,3}tande$/, // Tjänsteutlåtande (also OCR-damaged)
  /\bsid \d+ ?\(\d+\)$/, // Sid 20 (28), sometimes behind OCR debris
  /^start\.stockholm$/,
  /^stockholm\.se$/,
  /^-- \d+ of \d+ --$/,
  /^innehallsforteckning$|^innehall$/,
];
const DOT_LEADER = /(\.{4,}|…{2,}|(\. ){4,})\s*\d+\s*$/;

export function isRunningLine(text: string): boolean {
  const f = fold(text);
  return f !== '' && RUNNING.some((re) => re.test(f));
}

export function isTocLine(text: string): boolean {
  return DOT_LEADER.test(text.trim());
}

/**
 * Drops running headers/footers and table-of-contents entries. A TOC entry may wrap: the lines just
 * above a dot-leader line (up to two, without a blank between) belong to the same entry.
 */
export function removeNoise(lines: DocLine[]): DocLine[] {
  const drop = new Set<number>();
  lines.forEach((l, i) => {
    if (isRunningLine(l.text)) drop.add(i);
    if (isTocLine(l.text)) {
      drop.add(i);
      for (let j = i - 1, n = 0; j >= 0 && n < 2; j--, n++) {
        const prev = lines[j].text.trim();
        if (prev === '' || isTocLine(prev) || drop.has(j)) break;
        drop.add(j);
      }
    }
  });
  for (const i of repeatedPageEdges(lines)) drop.add(i);
  return lines.filter((_, i) => !drop.has(i));
}

/** Lines printed at the top or bottom of many pages (unit and district lines of a running header). */
function repeatedPageEdges(lines: DocLine[]): number[] {
  const byPage = new Map<number, number[]>();
  lines.forEach((l, i) => {
    if (l.text.trim() === '') return;
    const list = byPage.get(l.page) ?? [];
    list.push(i);
    byPage.set(l.page, list);
  });
  if (byPage.size < 3) return [];
  const edges = new Map<string, number[]>();
  for (const idxs of byPage.values()) {
    for (const i of [...idxs.slice(0, 3), ...idxs.slice(-2)]) {
      const key = fold(lines[i].text);
      if (key.length > 80 || /^\d+$/.test(key)) continue;
      edges.set(key, [...(edges.get(key) ?? []), i]);
    }
  }
  const minPages = Math.max(3, Math.ceil(byPage.size / 2));
  return [...edges.values()].filter((idxs) => new Set(idxs.map((i) => lines[i].page)).size >= minPages).flat();
}
