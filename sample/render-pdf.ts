// Renders a sample plan as a PDF laid out like the real ones: front page, dot-leader TOC, running
// header `Tjänsteutlåtande / Sid N (M)`, footer `start.stockholm`, and real tables with fixed columns.
import { PLAN_TABLE_LAYOUT, pdfmakeReady } from './pdfmake-setup.js';
import {
  ACTIVITY_HEADER,
  BUDGET_HEADER,
  INDICATOR_HEADER,
  boardGoalLabel,
  directionLabel,
  districtLine,
  formatAmount,
  kfGoalLabel,
  pageMark,
  planTitle,
  tocEntries,
  unitGoalLabel,
} from './format.js';
import { budgetTotals, type Activity, type Budget, type Indicator, type Plan, type Section } from './model.js';
import { lastLineWidth, roughWidth } from './text-width.js';

type Node = Record<string, unknown> | string;

const PAGE_WIDTH = 595.28;
const MARGIN_X = 62;
const BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const TOC_FONT = 10;

const label = (text: string, id?: string, size = 12): Node => ({
  text,
  id,
  bold: true,
  fontSize: size,
  margin: [0, 12, 0, 6],
});

const heading = (text: string): Node => ({ text, bold: true, fontSize: 11, margin: [0, 8, 0, 4] });

function paragraph(p: string): Node {
  if (p.startsWith('• ')) return { text: p, bold: true, margin: [0, 4, 0, 2] };
  if (p.startsWith('- ')) return { text: p, margin: [0, 0, 0, 2] };
  return { text: p, margin: [0, 0, 0, 6] };
}

const sections = (list: Section[]): Node[] => list.flatMap((s) => [heading(s.heading), ...s.paragraphs.map(paragraph)]);

function indicatorTable(rows: Indicator[]): Node {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 60, 90, 70],
      body: [INDICATOR_HEADER.map((h) => ({ text: h, bold: true })), ...rows.map((r) => [r.name, r.unitTarget, r.kfTarget, r.periodicity])],
    },
    layout: PLAN_TABLE_LAYOUT,
    margin: [0, 4, 0, 10],
  };
}

function activityTable(rows: Activity[]): Node {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 70, 70],
      body: [ACTIVITY_HEADER.map((h) => ({ text: h, bold: true })), ...rows.map((r) => [r.text, r.start, r.end])],
    },
    layout: PLAN_TABLE_LAYOUT,
    margin: [0, 4, 0, 10],
  };
}

/** The budget table; `layout` and `margin` are the layout's own (pdfmake-landscape has no rulings, no margin). */
export function budgetTable(b: Budget, layout: object = PLAN_TABLE_LAYOUT, margin: number[] | undefined = [0, 4, 0, 10]): Node {
  const t = budgetTotals(b);
  const line = (l: string, n: number, bold = false) => [
    { text: l, bold },
    { text: formatAmount(n), alignment: 'right', bold },
  ];
  const group = (l: string) => [{ text: l, italics: true }, ''];
  return {
    table: {
      headerRows: 1,
      widths: [260, 80],
      body: [
        [
          { text: BUDGET_HEADER[0], bold: true },
          { text: BUDGET_HEADER[1], bold: true, alignment: 'right' },
        ],
        group('Intäkter'),
        ...b.income.map((l) => line(l.label, l.amount)),
        line('Summa intäkter', t.income, true),
        group('Kostnader'),
        ...b.costs.map((l) => line(l.label, l.amount)),
        line('Summa kostnader', t.costs, true),
        line('Summa netto', t.net, true),
      ],
    },
    layout,
    ...(margin ? { margin } : {}),
  };
}

function tocLine(text: string, page: string, bold: boolean): Node {
  const dotWidth = roughWidth('.', TOC_FONT);
  const tail = roughWidth(` ${page}  `, TOC_FONT) + 6;
  let entry = text;
  let free = BODY_WIDTH - lastLineWidth(text, BODY_WIDTH, TOC_FONT) - tail;
  if (free < 8 * dotWidth) {
    // No room for a leader: move the last word down, as a word processor would.
    const cut = text.lastIndexOf(' ');
    entry = `${text.slice(0, cut)}\n${text.slice(cut + 1)}`;
    free = BODY_WIDTH - roughWidth(text.slice(cut + 1), TOC_FONT) - tail;
  }
  const dots = Math.floor((free * 0.92) / dotWidth);
  return { text: `${entry} ${'.'.repeat(dots)} ${page}`, margin: [0, 0, 0, 5], fontSize: TOC_FONT, bold };
}

function frontPage(p: Plan): Node[] {
  return [
    { text: planTitle(p), fontSize: 20, bold: true, margin: [0, 140, 0, 4] },
    { text: p.unit, fontSize: 16, margin: [0, 0, 0, 60] },
    {
      columns: [
        { stack: ['Handläggare', p.author], width: '*' },
        { stack: ['Till', `${p.district} stadsdelsnämnd`], width: '*' },
      ],
      pageBreak: 'after',
    },
  ];
}

function goals(p: Plan): Node[] {
  const out: Node[] = [];
  for (const d of p.directions) {
    out.push(label(directionLabel(d), `dir-${d.number}`, 13));
    for (const g of d.goals) {
      out.push(label(kfGoalLabel(g), `kf-${g.number}`));
      if (g.indicators.length) out.push(indicatorTable(g.indicators));
      for (const b of g.boardGoals) {
        out.push(label(boardGoalLabel(b.title)), ...sections(b.sections));
        if (b.activities.length) out.push(activityTable(b.activities));
        for (const u of b.unitGoals) out.push(label(unitGoalLabel(u.title), undefined, 11), ...sections(u.sections));
      }
    }
  }
  return out;
}

/** `pages` maps heading ids to page numbers; without it the TOC prints `00` (the layout pass). */
export function pdfDocDefinition(p: Plan, pages?: Map<string, number>): object {
  const content: Node[] = [
    ...frontPage(p),
    { text: 'Innehållsförteckning', fontSize: 14, bold: true, margin: [0, 0, 0, 10] },
    ...tocEntries(p).map((e) => tocLine(e.text, String(pages?.get(e.id) ?? '00'), e.level === 0)),
    { text: ' ', pageBreak: 'after' },
    { text: 'Inledning', id: 'inledning', fontSize: 14, bold: true, margin: [0, 0, 0, 6] },
    ...p.intro.flatMap((b) => [...(b.heading ? [heading(b.heading)] : []), ...b.paragraphs.map(paragraph)]),
    ...goals(p),
    { text: 'Redovisning av ekonomi', id: 'ekonomi', fontSize: 14, bold: true, margin: [0, 16, 0, 6] },
    { text: 'Resursanvändning', id: 'resurser', bold: true, fontSize: 12, margin: [0, 6, 0, 4] },
    ...p.resources.map(paragraph),
  ];
  if (p.budget) {
    content.push({ text: `Budget ${p.year}`, id: 'budget', bold: true, fontSize: 12, margin: [0, 10, 0, 4] });
    content.push(budgetTable(p.budget));
  }
  return {
    info: { title: `${planTitle(p)} ${p.unit}`, author: p.author },
    pageSize: 'A4',
    pageMargins: [MARGIN_X, 96, MARGIN_X, 60],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    header: (page: number, pages: number): Node =>
      page === 1
        ? {
            columns: [
              { stack: [districtLine(p), p.unit], width: '*' },
              { stack: ['Tjänsteutlåtande', `Dnr: ${p.dnr}`, pageMark(1, pages), p.date], width: 150 },
            ],
            margin: [MARGIN_X, 30, MARGIN_X, 0],
            fontSize: 9,
          }
        : {
            stack: ['Tjänsteutlåtande', pageMark(page, pages)],
            alignment: 'right',
            margin: [MARGIN_X, 36, MARGIN_X, 0],
            fontSize: 9,
          },
    footer: (): Node => ({ text: 'start.stockholm', margin: [MARGIN_X, 20, MARGIN_X, 0], fontSize: 8 }),
    content,
  };
}

/** Two passes: the first only records on which page each heading lands, for the TOC of the second. */
export async function renderPdf(p: Plan): Promise<Buffer> {
  const pdfmake = pdfmakeReady();
  const pages = new Map<string, number>();
  const layout = {
    ...pdfDocDefinition(p),
    pageBreakBefore: (node: { id?: string; pageNumbers: number[] }) => {
      if (node.id) pages.set(node.id, node.pageNumbers[0]);
      return false;
    },
  };
  await pdfmake.createPdf(layout).getBuffer();
  return pdfmake.createPdf(pdfDocDefinition(p, pages)).getBuffer();
}
