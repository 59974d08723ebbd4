// Dates and periods as plans print them in activity tables, as the span of days they cover:
// `2023-06-30`, `2023-01-01 – 2023-12-31`, `2023-06`, `juni 2023`, `jan–jun 2023`, `vt 2023`/`hösten 2023`,
// `Q2 2023`/`kvartal 2 2023`, `T1 2023`/`tertial 3 2024`, `2023`, `2023–2024`. The month and season names
// are the Swedish language's, not one template's wording, so they live here rather than in a vocabulary.
export interface DateSpan {
  /** first day, `YYYY-MM-DD` */
  start: string;
  /** last day, `YYYY-MM-DD` */
  end: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
/** between two dates or periods: a spaced hyphen, an en or em dash, `till`/`t.o.m.`; a bare hyphen only between letters or two years */
const DASH = String.raw`\s+-\s+|\s*[–—]\s*|\s+(?:till|t\.?o\.?m\.?)\s+|(?<=\p{L})-(?=\p{L})|(?<=^\d{4})-(?=\d{4}$)`;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const months = (y: number, from: number, to: number): DateSpan => ({ start: day(y, from, 1), end: day(y, to, lastDay(y, to)) });

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const k = MONTHS.indexOf(w.slice(0, 3));
  // `mars`, `maj`, `juni`, `augusti` …: the word must be a prefix of the month's name, not just share three letters
  const names = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
  return k >= 0 && names[k].startsWith(w) ? k + 1 : null;
}

function isDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

/** One date or period; null when the text is none of the forms above. */
function single(t: string): DateSpan | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return isDate(+m[1], +m[2], +m[3]) ? { start: t, end: t } : null;
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) return +m[2] >= 1 && +m[2] <= 12 ? months(+m[1], +m[2], +m[2]) : null;
  m = /^((?:19|20)\d{2})$/.exec(t);
  if (m) return months(+m[1], 1, 12);
  m = /^(?:(vt|v\S{1,2}r|v\S{1,2}ren|v\S{1,2}rterminen)|(ht|h\S{1,2}st|h\S{1,2}sten|h\S{1,2}stterminen))\s*((?:19|20)\d{2})$/i.exec(t);
  if (m) return m[1] ? months(+m[3], 1, 6) : months(+m[3], 7, 12);
  m = /^(?:q|kv\.?|kvartal)\s*([1-4])\s*((?:19|20)\d{2})$/i.exec(t);
  if (m) return months(+m[2], 3 * +m[1] - 2, 3 * +m[1]);
  m = /^((?:19|20)\d{2})\s*(?:q|kv\.?|kvartal)\s*([1-4])$/i.exec(t);
  if (m) return months(+m[1], 3 * +m[2] - 2, 3 * +m[2]);
  m = /^(?:t|tertial)\s*([1-3])\s*((?:19|20)\d{2})$/i.exec(t);
  if (m) return months(+m[2], 4 * +m[1] - 3, 4 * +m[1]);
  m = /^(\p{L}+\.?)\s+((?:19|20)\d{2})$/u.exec(t);
  if (m) {
    const k = monthOf(m[1]);
    return k ? months(+m[2], k, k) : null;
  }
  return null;
}

/** The span a printed date or period covers (`jan–jun 2023`, `2023-01-01 – 2023-06-30`, `vt 2023`); null when it is not one. */
export function dateSpan(text: string): DateSpan | null {
  const t = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(?:senast|klart|från|fr\.?o\.?m\.?)\s+/i, '');
  if (!t) return null;
  const one = single(t);
  if (one) return one;
  const parts = t.split(new RegExp(DASH, 'iu'));
  if (parts.length !== 2) return null;
  const [a, b] = parts.map((p) => p.trim());
  // `jan–jun 2023`: the year printed once, after the second month
  const year = /((?:19|20)\d{2})$/.exec(b)?.[1];
  const first = single(a) ?? (year && monthOf(a) ? single(`${a} ${year}`) : null);
  const second = single(b);
  if (!first || !second || first.start > second.end) return null;
  return { start: first.start, end: second.end };
}
