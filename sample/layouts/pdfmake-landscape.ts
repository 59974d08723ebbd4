// A pdfmake layout unlike the corpus one: no table of contents, every table on a landscape page of
// its own, tables without rulings whose short cells are vertically centred against a wrapped name,
// the page number alone at the top (right on odd pages, left on even) and the district at the bottom.
import { ACTIVITY_HEADER, INDICATOR_HEADER, boardGoalLabel, directionLabel, districtLine, kfGoalLabel, planTitle, unitGoalLabel } from '../format.js';
import type { Activity, Indicator, Plan, Section } from '../model.js';
import { pdfmakeReady } from '../pdfmake-setup.js';
import { budgetTable } from '../render-pdf.js';

type Node = Record<string, unknown> | string;

const UNRULED = { hLineWidth: () => 0, vLineWidth: () => 0, paddingTop: () => 4, paddingBottom: () => 4 };

const heading = (text: string, size = 12): Node => ({ text, bold: true, fontSize: size, margin: [0, 10, 0, 4] });

function paragraph(p: string): Node {
  if (p.startsWith('• ')) return { text: p, bold: true, margin: [0, 4, 0, 2] };
  if (p.startsWith('- ')) return { text: p, margin: [8, 0, 0, 2] };
  return { text: p, margin: [0, 0, 0, 6] };
}

const sections = (list: Section[]): Node[] => list.flatMap((s) => [heading(s.heading, 10.5), ...s.paragraphs.map(paragraph)]);

const middle = (text: string, extra: Record<string, unknown> = {}) => ({ text, verticalAlignment: 'middle', ...extra });

/** a table alone on a landscape page; the text after it goes back to portrait */
function landscape(table: Node, title: string): Node[] {
  return [{ stack: [{ text: title, bold: true, margin: [0, 0, 0, 6] }, table], pageBreak: 'before', pageOrientation: 'landscape' }];
}

function indicatorTable(rows: Indicator[]): Node {
  return {
    table: {
      headerRows: 1,
      widths: [150, 70, 80, 70],
      body: [
        INDICATOR_HEADER.map((h) => ({ text: h, bold: true })),
        ...rows.map((r) => [r.name, middle(r.unitTarget), middle(r.kfTarget), middle(r.periodicity)]),
      ],
    },
    layout: UNRULED,
  };
}

function activityTable(rows: Activity[]): Node {
  return {
    table: {
      headerRows: 1,
      widths: [200, 80, 80],
      body: [ACTIVITY_HEADER.map((h) => ({ text: h, bold: true })), ...rows.map((r) => [r.text, middle(r.start), middle(r.end)])],
    },
    layout: UNRULED,
  };
}

function docDefinition(p: Plan): object {
  const content: Node[] = [
    { text: districtLine(p), fontSize: 9 },
    { text: p.unit, fontSize: 9 },
    { text: `Dnr: ${p.dnr}`, fontSize: 9 },
    { text: p.date, fontSize: 9 },
    { text: planTitle(p), fontSize: 22, bold: true, margin: [0, 120, 0, 4] },
    { text: p.unit, fontSize: 16, margin: [0, 0, 0, 40] },
    { text: `Handläggare: ${p.author}`, pageBreak: 'after' },
    heading('Inledning', 14),
    ...p.intro.flatMap((b) => [...(b.heading ? [heading(b.heading, 11)] : []), ...b.paragraphs.map(paragraph)]),
  ];
  let afterTable = false;
  const push = (n: Node) => {
    if (afterTable && typeof n === 'object') {
      content.push({ ...n, pageBreak: 'before', pageOrientation: 'portrait' });
      afterTable = false;
    } else content.push(n);
  };
  for (const d of p.directions) {
    push(heading(directionLabel(d), 13));
    for (const g of d.goals) {
      push(heading(kfGoalLabel(g)));
      if (g.indicators.length) {
        content.push(...landscape(indicatorTable(g.indicators), 'Indikatorer'));
        afterTable = true;
      }
      for (const b of g.boardGoals) {
        push(heading(boardGoalLabel(b.title)));
        for (const n of sections(b.sections)) push(n);
        if (b.activities.length) {
          content.push(...landscape(activityTable(b.activities), 'Aktiviteter'));
          afterTable = true;
        }
        for (const u of b.unitGoals) {
          push(heading(unitGoalLabel(u.title), 11));
          for (const n of sections(u.sections)) push(n);
        }
      }
    }
  }
  push(heading('Redovisning av ekonomi', 14));
  content.push(heading('Resursanvändning', 12), ...p.resources.map(paragraph));
  if (p.budget) content.push(heading(`Budget ${p.year}`, 12), budgetTable(p.budget, UNRULED, undefined));
  return {
    info: { title: `${planTitle(p)} ${p.unit}` },
    pageSize: 'A4',
    pageMargins: [56, 70, 56, 60],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    header: (page: number): Node =>
      page === 1 ? '' : { text: String(page), alignment: page % 2 ? 'right' : 'left', margin: [56, 30, 56, 0], fontSize: 9 },
    footer: (page: number): Node => (page === 1 ? '' : { text: districtLine(p), alignment: 'center', margin: [56, 20, 56, 0], fontSize: 8 }),
    content,
  };
}

export async function renderPdfmakeLandscape(p: Plan): Promise<Buffer> {
  return pdfmakeReady().createPdf(docDefinition(p)).getBuffer();
}
