// Headings wrapped over several lines, joined into one: a KF heading broken right after its number,
// a nämndmål title over three lines, the unit's name in large type on a title page. Two lines are one
// heading when they look alike (same size, both bold, or both in type well above the body size), sit
// one line height apart at the same left edge, and the first line was broken because the next word
// did not fit (its right edge plus that word reaches the column's right edge). Body text is left alone:
// the parser reflows paragraphs itself.
import type { Message } from '../../model/document.js';
import type { Placed } from './geometry.js';

type Warn = (rule: Message['rule'], message: string, page: number | null, line?: number | null) => void;

/** baselines of a wrapped heading's lines are at most this many em apart */
const MAX_LEADING = 1.8;
/** a heading's next line is at most this many times its leading below its last one */
const LEADING_SLACK = 1.15;
/** type this much larger than the body counts as a heading even when not bold */
const LARGE = 1.3;

/** width of the first word of a line, from its first item's width */
function firstWordWidth(p: Placed): number {
  const first = [...p.items].sort((a, b) => a.x - b.x)[0];
  const word = first.str.trim().split(/\s+/)[0] ?? '';
  const len = first.str.length || 1;
  return (first.width * word.length) / len;
}

function headingLike(p: Placed, body: number): boolean {
  if ((p.line.cells?.length ?? 1) > 1) return false;
  return (!!p.line.bold && p.size >= body - 0.5) || p.size >= LARGE * body;
}

export function joinWrappedHeadings(lines: Placed[], body: number, warn: Warn): Placed[] {
  if (lines.length < 2) return lines;
  const out: Placed[] = [];
  let lastY = Number.NaN;
  let lastX1 = Number.NaN;
  /** baseline distance of the heading in hand's lines, once it has two */
  let leading = Number.NaN;
  for (const p of lines) {
    const prev = out[out.length - 1];
    if (prev && headingLike(prev, body) && headingLike(p, body) && joins(prev, p, lastY, lastX1, lines, leading)) {
      leading = p.y - lastY;
      const text = `${prev.line.text} ${p.line.text}`;
      out[out.length - 1] = {
        ...prev,
        x1: Math.max(prev.x1, p.x1),
        items: [...prev.items, ...p.items],
        line: { ...prev.line, text, cells: prev.line.cells ? [{ text, x0: prev.line.cells[0].x0, x1: Math.max(prev.x1, p.x1) }] : null },
      };
      lastY = p.y;
      lastX1 = p.x1;
      continue;
    }
    if (prev && headingLike(prev, body) && /(:\s*\d+(\.\d+)*\.?|[-–:])$/.test(prev.line.text.trim()) && prev.line.text.trim().length > 3) {
      warn(
        'heading-looks-cut',
        `page ${prev.line.page}: heading "${prev.line.text.slice(0, 60)}" seems to go on, but no next line was found to join`,
        prev.line.page,
        prev.line.line,
      );
    }
    // the heading ends here: a blank line says so to the parser, which otherwise takes a long
    // heading's next line (the top of the next column or page) for its continuation
    if (prev && headingLike(prev, body) && prev.line.method === 'text-layer' && prev.line.text !== '') out.push(blankAfter(prev));
    out.push(p);
    lastY = p.y;
    lastX1 = p.x1;
    leading = Number.NaN;
  }
  const last = out[out.length - 1];
  if (last && headingLike(last, body) && last.line.method === 'text-layer' && last.line.text !== '') out.push(blankAfter(last));
  return out;
}

function blankAfter(p: Placed): Placed {
  return { ...p, items: [], line: { page: p.line.page, line: p.line.line, text: '', cells: null, method: p.line.method } };
}

/**
 * `aY`, `aX1`: baseline and right edge of the last printed line of `a` (which may be joined already);
 * `leading`: the distance of its lines when it has two or more (NaN: one line)
 */
function joins(a: Placed, b: Placed, aY: number, aX1: number, page: Placed[], leading: number): boolean {
  if (a.line.page !== b.line.page) return false;
  if (Math.abs(a.size - b.size) > 0.3 || !!a.line.bold !== !!b.line.bold) return false;
  const lead = b.y - aY;
  if (!(lead > 0.8 * a.size && lead <= MAX_LEADING * a.size)) return false;
  // the lines of one heading are one leading apart: a wider space after its second line or a later one
  // is the space before the next heading (`Arbetssätt` under a nämndmål title)
  if (lead > LEADING_SLACK * leading) return false;
  if (Math.abs(a.x0 - b.x0) > 2) return false;
  // the column's right edge: the widest line starting at the same left edge
  let colRight = aX1;
  for (const q of page)
    if ((q.line.cells?.length ?? 1) <= 1 && Math.abs(q.x0 - a.x0) <= 3 && q.x1 > colRight && Math.abs(q.y - a.y) < 400) colRight = q.x1;
  const space = 0.28 * a.size;
  return aX1 + space + firstWordWidth(b) >= colRight - a.size;
}
