// Line-end hyphenation: `gemen-` at the end of a line and `skap` at the start of the next are one word,
// `gemenskap`, when the Swedish lexicon (hunspell sv, the repair stage's) knows the joined word; the
// rest of the word (with its punctuation) moves up to the line that holds its start. Kept as printed:
// a hyphen before a capital or a digit (`Hägersten-` `Älvsjö`, `1-` `14`), a joined form the lexicon
// does not know (`social-` `och`: `socialoch`), anything when no lexicon is given
// (layOut is given a lexicon by its caller: `layOut(extraction, { lexicon })`; without one the
// hyphens stay as printed).
import type { Message, RepairRecord } from '../../model/document.js';
import type { Placed } from './geometry.js';

/** what is needed of a lexicon: the repair stage's hunspell lexicon (normalizers/repair/ocr-letters) is one */
export interface WordCheck {
  isWord(word: string): boolean;
}

type Warn = (rule: Message['rule'], message: string, page: number | null, line?: number | null) => void;

const HEAD = /(^|\s)(\p{L}{2,})-$/u;
const TAIL = /^(\p{Ll}{2,})([.,;:!?)]*)(?=\s|$)/u;

function known(lex: WordCheck, w: string): boolean {
  return lex.isWord(w) || lex.isWord(w.toLowerCase());
}

/** Joins words hyphenated at line ends; each join is told to `record` as a repair (the line keeps its number). */
export function joinHyphenated(pages: Placed[][], lex: WordCheck | undefined, warn: Warn, record: (r: RepairRecord) => void = () => {}): Placed[][] {
  if (!lex) return pages;
  const joined: string[] = [];
  let first: Placed | null = null;
  const out = pages.map((lines) => {
    const res = [...lines];
    for (let i = 0; i + 1 < res.length; i++) {
      const a = res[i];
      const b = res[i + 1];
      if (a.line.method !== 'text-layer' || (a.line.cells?.length ?? 1) > 1 || (b.line.cells?.length ?? 1) > 1) continue;
      if (Math.abs(a.x0 - b.x0) > 3 * a.size || b.y <= a.y) continue;
      const h = HEAD.exec(a.line.text.trimEnd());
      const t = TAIL.exec(b.line.text.trimStart());
      if (!h || !t) continue;
      const word = h[2] + t[1];
      if (!known(lex, word)) continue;
      const aText = a.line.text.trimEnd().slice(0, -1) + t[0];
      const bText = b.line.text.trimStart().slice(t[0].length).trimStart();
      res[i] = { ...a, line: { ...a.line, text: aText, cells: a.line.cells ? [{ ...a.line.cells[0], text: aText }] : null } };
      res[i + 1] = { ...b, line: { ...b.line, text: bText, cells: b.line.cells ? [{ ...b.line.cells[0], text: bText }] : null } };
      if (joined.length < 3) joined.push(`${h[2]}- ${t[1]} → ${word}`);
      record({ page: a.line.page, line: a.line.line, before: `${h[2]}- ${t[1]}`, after: word, rule: 'hyphen-joined', confidence: 1 });
      first ??= a;
    }
    return res.filter((p) => p.line.text !== '' || p.items.length === 0);
  });
  if (first) {
    const f = first as Placed;
    warn(
      'hyphen-joined',
      `words hyphenated at line ends joined where the lexicon knows the whole word, e.g. ${joined.join(', ')}`,
      f.line.page,
      f.line.line,
    );
  }
  return out;
}
