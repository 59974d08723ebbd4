// Renders a sample plan with a second PDF producer: troff source (plain requests, no macro package)
// with tbl tables, typeset by groff into PostScript and turned into PDF by Ghostscript (ps2pdf).
// Options give the layouts of sample/layouts: one or two text columns, page size, Swedish
// hyphenation, justified or ragged text, running furniture, table look.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  ACTIVITY_HEADER,
  BUDGET_HEADER,
  boardGoalLabel,
  directionLabel,
  districtLine,
  formatAmount,
  kfGoalLabel,
  planTitle,
  unitGoalLabel,
} from './format.js';
import { budgetTotals, type Activity, type Budget, type Indicator, type Plan, type Section } from './model.js';

const run = promisify(execFile);

/** Page furniture: `sida` = `Sida N av M` centred at the bottom; `title` = running title with unit and
 * year at the top, page number at the bottom alternating right/left; `corner` = page number alone at
 * the top, alternating right/left, with the district in the footer. */
export type Furniture = 'sida' | 'title' | 'corner';

export interface GroffLayout {
  /** page size in points */
  width: number;
  height: number;
  /** left/right margin, top and bottom margin (points) */
  margin: number;
  columns: 1 | 2;
  /** gap between columns (points) */
  gutter: number;
  fontSize: number;
  /** size of goal headings; large sizes on narrow pages make them wrap */
  headingSize: number;
  /** size of the unit's name on the front page */
  titleSize: number;
  tableSize: number;
  justify: boolean;
  hyphenate: boolean;
  furniture: Furniture;
  /** header cells in narrow columns so that `KF:s årsmål` wraps */
  narrowHeader: boolean;
}

/** troff text: backslashes escaped, a leading control character neutralised */
function esc(s: string): string {
  const t = s.replace(/\\/g, '\\e');
  return /^[.']/.test(t) ? `\\&${t}` : t;
}

class Troff {
  out: string[] = [];
  req(...lines: string[]): void {
    this.out.push(...lines);
  }
  text(s: string): void {
    this.out.push(esc(s));
  }
}

function heading(t: Troff, text: string, size: number, space = 0.8): void {
  t.req(`.sp ${space}v`, '.ne 4v', '.ad l', '.nh', `.ps ${size}`, `.vs ${Math.round(size * 1.2)}p`, '.ft HB');
  t.text(text);
  t.req('.br', '.ft H', '.ps \\n[body]u', '.vs \\n[bodyvs]u', '.ad \\*[adj]', '.hy \\n[hyph]', '.sp 0.3v');
}

function paragraph(t: Troff, p: string): void {
  if (p.startsWith('• ')) {
    t.req('.sp 0.3v', '.ft HB');
    t.text(p);
    t.req('.br', '.ft H');
    return;
  }
  if (p.startsWith('- ')) {
    t.req('.in 1m', '.ti -1m');
    t.text(p);
    t.req('.br', '.in 0');
    return;
  }
  t.text(p);
  t.req('.br', '.sp 0.5v');
}

function sections(t: Troff, list: Section[], l: GroffLayout): void {
  for (const s of list) {
    heading(t, s.heading, l.fontSize + 1, 0.5);
    for (const p of s.paragraphs) paragraph(t, p);
  }
}

const block = (s: string) => `T{\n${esc(s)}\nT}`;

/** A tbl table; `widths` in points for each column but the first, which takes the rest. */
function table(t: Troff, l: GroffLayout, spec: string[], header: string[], rows: string[][]): void {
  t.req('.sp 0.3v', `.ps ${l.tableSize}`, `.vs ${Math.round(l.tableSize * 1.25)}p`, '.nh', '.ad l', '.TS', 'tab(@);');
  t.req(`${spec.join(' ')}.`);
  t.req(header.map((h) => `T{\n\\fB${esc(h)}\\fP\nT}`).join('@'));
  for (const r of rows) t.req(r.map((c) => (c === '' ? '' : block(c))).join('@'));
  t.req('.TE', '.ps \\n[body]u', '.vs \\n[bodyvs]u', '.hy \\n[hyph]', '.ad \\*[adj]', '.sp 0.5v');
}

function columnWidth(l: GroffLayout): number {
  const body = l.width - 2 * l.margin;
  return l.columns === 2 ? (body - l.gutter) / 2 : body;
}

function indicatorTable(t: Troff, l: GroffLayout, rows: Indicator[]): void {
  const w = columnWidth(l);
  // tbl puts 3 ens between columns; `Periodicitet` does not wrap, so its column is at least as wide
  const v = l.narrowHeader ? 40 : Math.min(70, w * 0.17);
  const period = Math.max(v, 5.6 * l.tableSize);
  const name = w - 2 * v - period - 4.5 * l.tableSize;
  table(
    t,
    l,
    [`lw(${name}p)`, `lw(${v}p)`, `lw(${v}p)`, `lw(${period}p)`],
    ['Indikator', 'Årsmål', 'KF:s årsmål', 'Periodicitet'],
    rows.map((r) => [r.name, r.unitTarget, r.kfTarget, r.periodicity]),
  );
}

function activityTable(t: Troff, l: GroffLayout, rows: Activity[]): void {
  const w = columnWidth(l);
  const d = l.narrowHeader ? 46 : 58;
  table(
    t,
    l,
    [`lw(${w - 2 * d - 3 * l.tableSize}p)`, `lw(${d}p)`, `lw(${d}p)`],
    [...ACTIVITY_HEADER],
    rows.map((r) => [r.text, r.start, r.end]),
  );
}

function budgetTable(t: Troff, l: GroffLayout, b: Budget): void {
  const tot = budgetTotals(b);
  const w = columnWidth(l);
  t.req('.sp 0.3v', `.ps ${l.tableSize}`, `.vs ${Math.round(l.tableSize * 1.25)}p`, '.nh', '.TS', 'tab(@);', `lw(${Math.min(200, w - 70)}p) r.`);
  t.req(`\\fB${BUDGET_HEADER[0]}\\fP@\\fB${BUDGET_HEADER[1]}\\fP`);
  const line = (s: string, n: number, bold = false) => t.req(bold ? `\\fB${esc(s)}\\fP@\\fB${formatAmount(n)}\\fP` : `${esc(s)}@${formatAmount(n)}`);
  t.req('\\fIIntäkter\\fP@');
  for (const x of b.income) line(x.label, x.amount);
  line('Summa intäkter', tot.income, true);
  t.req('\\fIKostnader\\fP@');
  for (const x of b.costs) line(x.label, x.amount);
  line('Summa kostnader', tot.costs, true);
  line('Summa netto', tot.net, true);
  t.req('.TE', '.ps \\n[body]u', '.vs \\n[bodyvs]u', '.sp 0.5v');
}

/** Page traps: header at the top, column switch or footer at the bottom. `pages` is the total (2nd pass). */
function setup(t: Troff, p: Plan, l: GroffLayout, pages: number): void {
  const col = columnWidth(l);
  const runningTitle = esc(`${planTitle(p)} – ${p.unit}`);
  t.req(
    '.kern 0',
    `.pl ${l.height}p`,
    `.po ${l.margin}p`,
    `.ll ${col}p`,
    `.lt ${l.width - 2 * l.margin}p`,
    `.nr body ${l.fontSize}p`,
    `.nr bodyvs ${Math.round(l.fontSize * 1.25)}p`,
    `.nr hyph ${l.hyphenate ? 4 : 0}`,
    `.ds adj ${l.justify ? 'b' : 'l'}`,
    '.hla sv',
    '.hpf hyphen.sv',
    '.hym 18p',
    '.hys 2p',
    '.fam H',
    '.ft H',
    '.ps \\n[body]u',
    '.vs \\n[bodyvs]u',
    '.ad \\*[adj]',
    '.hy \\n[hyph]',
    '.nr col 0',
    '.nr TOP 0',
    // header (inside a macro body `\\` delays an escape to the time the macro runs)
    '.de HD',
    "'sp 30p",
    '.ps 8',
    '.ft H',
    String.raw`.po \\n[PO]u`,
  );
  if (l.furniture === 'title') t.req(String.raw`.if \\n%>1 .tl '${runningTitle}'''`);
  if (l.furniture === 'corner') t.req(String.raw`.if \\n%>1 \{ .ie o .tl '''%'`, String.raw`.el .tl '%''' \}`);
  t.req(
    String.raw`.ps \\n[body]u`,
    '.ft H',
    `'sp |${l.margin}p`,
    '.nr col 0',
    '.mk TOP',
    '..',
    // footer, or the switch to the second column
    '.de FO',
    String.raw`.ie (\\n[col]=0)&(\\n[ncol]=2) \{\\`,
    '.nr col 1',
    String.raw`.po \\n[PO]u+${col + l.gutter}p`,
    String.raw`'sp |\\n[TOP]u`,
    String.raw`.\}`,
    String.raw`.el \{\\`,
    String.raw`.po \\n[PO]u`,
    `'sp |${l.height - l.margin + 18}p`,
    '.ps 8',
    '.ft H',
  );
  if (l.furniture === 'sida') t.req(`.tl ''Sida % av ${pages}''`);
  if (l.furniture === 'title') t.req(".ie o .tl '''%'", ".el .tl '%'''");
  if (l.furniture === 'corner') t.req(`.tl '${esc(districtLine(p))}'''`);
  t.req(String.raw`.ps \\n[body]u`, "'bp", String.raw`.\}`, '..', `.nr PO ${l.margin}p`, '.nr ncol 1', '.wh 0 HD', `.wh -${l.margin}p FO`);
}

export function groffSource(p: Plan, l: GroffLayout, pages = 0): string {
  const t = new Troff();
  setup(t, p, l, pages);
  // front page, one column
  t.req('.ps 9', '.nf');
  t.text(districtLine(p));
  t.text(p.unit);
  t.text('Tjänsteutlåtande');
  t.text(`Dnr: ${p.dnr}`);
  t.text(p.date);
  t.req('.fi', '.sp 6v', '.ad l', '.nh', `.ps ${l.titleSize}`, `.vs ${Math.round(l.titleSize * 1.2)}p`, '.ft HB');
  t.text(planTitle(p));
  t.req('.br', '.ft H');
  t.text(p.unit);
  t.req('.br', '.ps \\n[body]u', '.vs \\n[bodyvs]u', '.sp 3v', '.nf');
  t.text(`Handläggare: ${p.author}`);
  t.text(`Till: ${p.district} stadsdelsnämnd`);
  t.req('.fi', '.ad \\*[adj]', '.hy \\n[hyph]', '.bp');
  if (l.columns === 2) t.req('.nr ncol 2');
  heading(t, 'Inledning', l.headingSize + 1, 0);
  for (const b of p.intro) {
    if (b.heading) heading(t, b.heading, l.fontSize + 1, 0.5);
    for (const para of b.paragraphs) paragraph(t, para);
  }
  for (const d of p.directions) {
    heading(t, directionLabel(d), l.headingSize + 1);
    for (const g of d.goals) {
      heading(t, kfGoalLabel(g), l.headingSize);
      if (g.indicators.length) indicatorTable(t, l, g.indicators);
      for (const b of g.boardGoals) {
        heading(t, boardGoalLabel(b.title), l.headingSize);
        sections(t, b.sections, l);
        if (b.activities.length) activityTable(t, l, b.activities);
        for (const u of b.unitGoals) {
          heading(t, unitGoalLabel(u.title), l.headingSize - 1);
          sections(t, u.sections, l);
        }
      }
    }
  }
  heading(t, 'Redovisning av ekonomi', l.headingSize + 1);
  heading(t, 'Resursanvändning', l.fontSize + 1, 0.5);
  for (const para of p.resources) paragraph(t, para);
  if (p.budget) {
    heading(t, `Budget ${p.year}`, l.fontSize + 1, 0.5);
    budgetTable(t, l, p.budget);
  }
  return `${t.out.join('\n')}\n`;
}

async function typeset(src: string, dir: string, l: GroffLayout): Promise<{ ps: string; pages: number }> {
  const tr = path.join(dir, 'plan.tr');
  await writeFile(tr, src, 'utf8');
  // -k: preconv reads the UTF-8 source (å, ä, ö, –, •) into groff's own glyph names
  const { stdout } = await run('groff', ['-k', '-K', 'utf-8', '-t', '-Tps', `-P-p${l.height}p,${l.width}p`, tr], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = Number(/%%Pages: (\d+)/.exec(stdout)?.[1] ?? 0);
  return { ps: stdout, pages };
}

/** groff → PostScript → Ghostscript pdfwrite. Two passes, so `Sida N av M` knows M. */
export async function renderGroff(p: Plan, l: GroffLayout): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plans-groff-'));
  try {
    const first = await typeset(groffSource(p, l, 99), dir, l);
    const { ps } = await typeset(groffSource(p, l, first.pages), dir, l);
    const psFile = path.join(dir, 'plan.ps');
    const pdfFile = path.join(dir, 'plan.pdf');
    await writeFile(psFile, ps);
    await run('ps2pdf', [`-dDEVICEWIDTHPOINTS=${l.width}`, `-dDEVICEHEIGHTPOINTS=${l.height}`, '-dFIXEDMEDIA', psFile, pdfFile]);
    return await readFile(pdfFile);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
