// Renders a sample plan as a text export in the style of the PDF text dumps among the real plans:
// lines wrapped near 90 characters with a trailing space, running `Tjänsteutlåtande / Sid N (M)`
// blocks at page breaks, table cells joined by single spaces (an empty cell leaves an extra space).
import { boardGoalLabel, directionLabel, districtLine, formatAmount, kfGoalLabel, pageMark, planTitle, tocEntries, unitGoalLabel } from './format.js';
import { budgetTotals, type Activity, type Indicator, type Plan, type Section } from './model.js';

const WIDTH = 90;
const LABEL_WIDTH = 76;
const LINES_PER_PAGE = 52;

export function wrap(text: string, width = WIDTH): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** Body lines, each tagged with the TOC anchor it starts (if any), before pagination. */
interface BodyLine {
  text: string;
  anchor?: string;
}

class Body {
  lines: BodyLine[] = [];
  push(text: string, anchor?: string): void {
    this.lines.push({ text, anchor });
  }
  blank(): void {
    if (this.lines.length && this.lines[this.lines.length - 1].text === '') return;
    this.push('');
  }
  wrapped(text: string, width = WIDTH, prefix = '', anchor?: string): void {
    wrap(text, width).forEach((l, i) => this.push(`${i === 0 ? prefix : ''}${l} `, i === 0 ? anchor : undefined));
  }
  /** A label right after a table starts with a space, as the dumps print it. */
  label(text: string, anchor?: string): void {
    const last = this.lines[this.lines.length - 1]?.text ?? '';
    const afterTable = /\d{4}-\d\d-\d\d $|(År|Tertial) $/.test(last);
    if (!afterTable) this.blank();
    this.wrapped(text, LABEL_WIDTH, afterTable ? ' ' : '', anchor);
    this.blank();
  }
}

function sections(b: Body, list: Section[]): void {
  for (const s of list) {
    b.blank();
    b.push(`${s.heading} `);
    b.blank();
    const plain = (p: string | undefined) => p !== undefined && !/^[-•] /.test(p);
    s.paragraphs.forEach((p, i) => {
      if (plain(p) && plain(s.paragraphs[i - 1])) b.push(' ');
      b.wrapped(p);
    });
  }
}

export const indicatorValues = (r: Indicator): string => `${r.unitTarget} ${r.kfTarget} ${r.periodicity}`;

function indicators(b: Body, rows: Indicator[]): void {
  b.push('  Indikator Årsmål KF:s årsmål Periodicitet ');
  for (const r of rows) {
    b.blank();
    b.push(' ');
    b.blank();
    b.push(' ');
    b.blank();
    const values = indicatorValues(r);
    if (r.name.length <= 70 && r.name.length + 1 + values.length <= WIDTH) b.push(`${r.name} ${values} `);
    else {
      b.wrapped(r.name, 70);
      b.blank();
      b.push(`${values} `);
    }
  }
}

function activities(b: Body, rows: Activity[]): void {
  b.blank();
  b.push('  Aktivitet Startdatum Slutdatum ');
  for (const r of rows) {
    b.blank();
    b.wrapped(r.text, 74, ' ');
    b.blank();
    b.push(`${r.start} ${r.end} `);
  }
}

function body(p: Plan): Body {
  const b = new Body();
  b.push('Inledning ', 'inledning');
  for (const block of p.intro) {
    if (block.heading) b.push(`${block.heading} `);
    block.paragraphs.forEach((para) => b.wrapped(para));
  }
  for (const d of p.directions) {
    b.label(directionLabel(d), `dir-${d.number}`);
    for (const g of d.goals) {
      b.label(kfGoalLabel(g), `kf-${g.number}`);
      if (g.indicators.length) indicators(b, g.indicators);
      for (const bg of g.boardGoals) {
        b.label(boardGoalLabel(bg.title));
        sections(b, bg.sections);
        if (bg.activities.length) activities(b, bg.activities);
        for (const u of bg.unitGoals) {
          b.label(unitGoalLabel(u.title));
          sections(b, u.sections);
        }
      }
    }
  }
  b.blank();
  b.push('Redovisning av ekonomi ', 'ekonomi');
  b.blank();
  b.push('Resursanvändning ', 'resurser');
  p.resources.forEach((para) => b.wrapped(para));
  if (p.budget) {
    const t = budgetTotals(p.budget);
    b.push('  ');
    b.blank();
    b.push(`Budget ${p.year} `, 'budget');
    b.push('Beloppen anges i TKr Budget ');
    b.push('Intäkter ');
    p.budget.income.forEach((l) => b.push(`${l.label} ${formatAmount(l.amount)} `));
    b.push(`Summa intäkter ${formatAmount(t.income)} `);
    b.push('Kostnader ');
    p.budget.costs.forEach((l) => b.push(`${l.label} ${formatAmount(l.amount)} `));
    b.push(`Summa kostnader ${formatAmount(t.costs)} `);
    b.push(`Summa netto ${formatAmount(t.net)} `);
  }
  return b;
}

const runningHeader = (page: number, pages: number): string[] => [
  '',
  '',
  '',
  ' ',
  ' ',
  '',
  ' ',
  ' ',
  '',
  'Tjänsteutlåtande ',
  `${pageMark(page, pages)} `,
  '',
  ' ',
  ' start.stockholm ',
  ' ',
  '',
];

function frontPage(p: Plan, pages: number): string[] {
  return [
    '',
    `${districtLine(p)} `,
    `${p.unit} `,
    '',
    'Tjänsteutlåtande ',
    '',
    `Dnr: ${p.dnr} `,
    `${pageMark(1, pages)} `,
    '',
    `${p.date} `,
    ' ',
    ' ',
    '',
    'start.stockholm ',
    '',
    ' ',
    '',
    `${planTitle(p)}  `,
    `${p.unit}  `,
    '',
    ' ',
    '',
    'Handläggare  Till ',
    `${p.author} ${p.district} stadsdelsnämnd `,
  ];
}

function tocLines(p: Plan, pageOf: Map<string, number>): string[] {
  const out = ['Innehållsförteckning '];
  for (const e of tocEntries(p)) {
    const page = String(pageOf.get(e.id) ?? '');
    const lines = wrap(e.text, 88);
    const last = lines.pop() ?? '';
    const dots = '.'.repeat(Math.max(4, 100 - last.length - page.length));
    out.push(...lines.map((l) => `${l} `), `${last} ${dots}${page} `, '');
  }
  return out;
}

export interface TextRender {
  text: string;
  /** Page of each TOC anchor, as the dump's running headers number them. */
  pageOf: Map<string, number>;
}

export function renderTextDump(p: Plan): TextRender {
  const lines = body(p).lines;
  const bodyPages: BodyLine[][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) bodyPages.push(lines.slice(i, i + LINES_PER_PAGE));
  const pages = bodyPages.length + 2;
  const pageOf = new Map<string, number>();
  bodyPages.forEach((pg, i) => pg.forEach((l) => l.anchor && pageOf.set(l.anchor, i + 3)));
  const out = [...frontPage(p, pages), ...runningHeader(2, pages), ...tocLines(p, pageOf)];
  bodyPages.forEach((pg, i) => out.push(...runningHeader(i + 3, pages), ...pg.map((l) => l.text)));
  return { text: out.join('\n') + '\n', pageOf };
}

export function renderText(p: Plan): string {
  return renderTextDump(p).text;
}
