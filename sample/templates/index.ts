// Other templates than Stockholm's ILS, for the general reader (issue 13): the sample plans' content
// written the way other municipalities and förvaltningar write theirs — other level words, numbering,
// table columns in other orders and names, outcome and baseline columns, schedules in words, no
// district, budgets in tkr, mnkr or kr with several year columns (budget.ts) — each rendered as a
// markdown export (pipe tables), a text export (tab-separated tables) and a PDF. The ground truth is the
// plan's own (sample/layouts/truth.ts) without the district, which these templates do not print, and
// with the budget rows of the template's table (one per line and column, with its year and kind).
import { type Truth, truthOf } from '../layouts/truth.js';
import type { Activity, Indicator, Plan } from '../model.js';
import { type Block, toAlignedText, toMarkdown, toPdf, toTabText } from './blocks.js';
import { type BudgetStyle, budgetBlocks, budgetTruth } from './budget.js';

export interface Template {
  name: string;
  /** what sets it apart, for the test's table */
  style: string;
  blocks: (p: Plan) => Block[];
  /** the codes the template prints instead of the plan's (`A`, `A.2` for `1`, `1.2`) */
  code?: (level: 'kf_inriktningsmal' | 'kf_verksamhetsmal', code: string) => string;
  /** the budget, after the goals under its own heading, when the plan has one */
  budget: { heading: string; style: BudgetStyle };
}

const LETTERS = 'ABCDEFGH';
/** `1` → `A`, `1.4` → `A.4` */
const letterCode = (_level: string, code: string) => code.replace(/^\d+/, (n) => LETTERS[Number(n) - 1]);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
/** `2023-01-01` → `jan 2023` */
const monthYear = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

const PERIOD_WORDS: Record<Indicator['periodicity'], { a: string; b: string }> = {
  År: { a: 'Helår', b: 'Årsvis' },
  Tertial: { a: 'Tertialvis', b: 'Tertial' },
};

/** `Verksamhetsplan och budget`, Målområde / Verksamhetsmål / Nämndens mål / Enhetens mål, `Nyckeltal | Utfall | Målvärde | KF:s mål | Frekvens`, `Åtgärd | Ansvarig | Tidplan`. */
const kommunA: Template = {
  name: 'kommun-a',
  style:
    'Målområde N / Verksamhetsmål N.M / Nämndens mål / Enhetens mål; Nyckeltal, Utfall, Målvärde, Frekvens; Åtgärd, Ansvarig, Tidplan; budget in mnkr (−), budget/prognos/utfall, financing',
  budget: {
    heading: 'Ekonomi',
    style: {
      corner: 'Belopp i mnkr',
      unit: 'mnkr',
      columns: (y) => [
        { head: `Budget ${y}`, year: y, kind: 'budget', factor: 1 },
        { head: `Prognos ${y - 1}`, year: y - 1, kind: 'prognos', factor: 0.98 },
        { head: `Utfall ${y - 2}`, year: y - 2, kind: 'utfall', factor: 0.95 },
      ],
      sign: '−',
      order: 'income',
      financing: true,
    },
  },
  blocks: (p) => {
    const out: Block[] = [
      { kind: 'heading', level: 1, text: `Verksamhetsplan och budget ${p.year}` },
      { kind: 'para', text: p.unit },
      { kind: 'para', text: `Diarienummer: ${p.dnr}` },
      { kind: 'heading', level: 2, text: 'Inledning' },
      ...p.intro.flatMap((b) => b.paragraphs.map((text): Block => ({ kind: 'para', text }))),
    ];
    for (const d of p.directions) {
      out.push({ kind: 'heading', level: 2, text: `Målområde ${d.number} ${d.title}` });
      for (const g of d.goals) {
        out.push({ kind: 'heading', level: 3, text: `Verksamhetsmål ${g.number} ${g.title}` });
        if (g.indicators.length)
          out.push({
            kind: 'table',
            header: ['Nyckeltal', `Utfall ${p.year - 2}`, `Målvärde ${p.year}`, 'KF:s mål', 'Frekvens'],
            rows: g.indicators.map((i, k) => [i.name, `${60 + k} %`, i.unitTarget, i.kfTarget, PERIOD_WORDS[i.periodicity].a]),
          });
        for (const b of g.boardGoals) {
          out.push({ kind: 'heading', level: 4, text: `Nämndens mål: ${b.title}` });
          for (const s of b.sections) out.push({ kind: 'para', text: s.heading }, ...s.paragraphs.map((text): Block => ({ kind: 'para', text })));
          if (b.activities.length)
            out.push({
              kind: 'table',
              header: ['Åtgärd', 'Ansvarig', 'Tidplan'],
              rows: b.activities.map((a: Activity) => [
                a.text,
                'Enhetschef',
                `${monthYear(a.start)} – ${monthYear(a.end.replace(/-\d{2}$/, '-01'))}`,
              ]),
            });
          for (const u of b.unitGoals) out.push({ kind: 'heading', level: 4, text: `Enhetens mål: ${u.title}` });
        }
      }
    }
    return out;
  },
};

/** `Mål och budget`, Inriktningsmål / Verksamhetsmål / Nämndsmål / Effektmål, `Indikator | Mål YYYY | Basvärde | Mäts`, `Insats | Start | Klart senast`. */
const forvaltningB: Template = {
  name: 'forvaltning-b',
  style:
    'Inriktningsmål / Verksamhetsmål / Nämndsmål / Effektmål; Indikator, Mål YYYY, Basvärde, Mäts (KF target in the name column order last); Insats, Start, Klart senast; Driftbudget (tkr), (negatives), two budget years and utfall',
  budget: {
    heading: 'Budget',
    style: {
      caption: 'Driftbudget (tkr)',
      corner: 'Verksamhet',
      unit: 'tkr',
      columns: (y) => [
        { head: `Budget ${y}`, year: y, kind: 'budget', factor: 1 },
        { head: `Budget ${y - 1}`, year: y - 1, kind: 'budget', factor: 0.97 },
        { head: `Utfall ${y - 2}`, year: y - 2, kind: 'utfall', factor: 0.93 },
      ],
      sign: '()',
      order: 'income',
      financing: true,
    },
  },
  blocks: (p) => {
    const out: Block[] = [
      { kind: 'heading', level: 1, text: `Mål och budget ${p.year}` },
      { kind: 'para', text: p.unit },
      { kind: 'para', text: `Ärendenummer ${p.dnr}` },
    ];
    for (const d of p.directions) {
      out.push({ kind: 'heading', level: 2, text: `Inriktningsmål ${d.number}. ${d.title}` });
      for (const g of d.goals) {
        out.push({ kind: 'heading', level: 3, text: `Verksamhetsmål ${g.number} ${g.title}` });
        if (g.indicators.length)
          out.push({
            kind: 'table',
            header: ['Indikator', 'Basvärde', `Mål ${p.year}`, 'Mäts', 'KF:s mål'],
            rows: g.indicators.map((i) => [i.name, '50 %', i.unitTarget, PERIOD_WORDS[i.periodicity].b, i.kfTarget]),
          });
        for (const b of g.boardGoals) {
          out.push({ kind: 'heading', level: 4, text: 'Nämndsmål' }, { kind: 'para', text: b.title });
          if (b.activities.length)
            out.push({ kind: 'table', header: ['Insats', 'Start', 'Klart senast'], rows: b.activities.map((a) => [a.text, a.start, a.end]) });
          for (const u of b.unitGoals) out.push({ kind: 'heading', level: 4, text: 'Effektmål' }, { kind: 'para', text: u.title });
        }
      }
    }
    return out;
  },
};

/**
 * `Verksamhetsplan 2023–2025` with a contents list and no `Inledning`; Målområde N. / KF goals by their
 * number alone (`1.2 Title`, no level word) / Förvaltningens mål / Enhetens mål; `Mått | Utgångsvärde |
 * Målnivå | KF-mål | Mätperiod`; `Aktivitet | Start | Slut | Ansvar`.
 */
const kommunC: Template = {
  name: 'kommun-c',
  style:
    'contents, no Inledning; Målområde N. / N.M Title (numbering only) / Förvaltningens mål / Enhetens mål; Mått, Utgångsvärde, Målnivå, Mätperiod; Start, Slut, Ansvar; budget in kr, one column',
  budget: {
    heading: 'Ekonomiska förutsättningar',
    style: {
      corner: 'Belopp i kr',
      unit: 'kr',
      columns: (y) => [{ head: `Budget ${y}`, year: y, kind: 'budget', factor: 1 }],
      sign: 'positive',
      order: 'income',
      financing: false,
    },
  },
  blocks: (p) => {
    const out: Block[] = [
      { kind: 'heading', level: 1, text: `Verksamhetsplan ${p.year}–${p.year + 2}` },
      { kind: 'para', text: p.unit },
      { kind: 'para', text: `Dnr ${p.dnr}` },
      { kind: 'heading', level: 2, text: 'Innehåll' },
      ...p.directions.map(
        (d, k): Block => ({ kind: 'para', text: `Målområde ${d.number}. ${d.title.split(' ').slice(0, 6).join(' ')} ${'.'.repeat(12)} ${k + 2}` }),
      ),
      { kind: 'heading', level: 2, text: 'Vår verksamhet' },
      ...p.intro.flatMap((b) => b.paragraphs.map((text): Block => ({ kind: 'para', text }))),
    ];
    for (const d of p.directions) {
      out.push({ kind: 'heading', level: 2, text: `Målområde ${d.number}. ${d.title}` });
      for (const g of d.goals) {
        out.push({ kind: 'heading', level: 3, text: `${g.number} ${g.title}` });
        if (g.indicators.length)
          out.push({
            kind: 'table',
            header: ['Mått', `Utgångsvärde ${p.year - 1}`, `Målnivå ${p.year}`, 'KF-mål', 'Mätperiod'],
            rows: g.indicators.map((i) => [i.name, '–', i.unitTarget, i.kfTarget, i.periodicity === 'År' ? 'Årligen' : 'Tertialvis']),
          });
        for (const b of g.boardGoals) {
          out.push({ kind: 'heading', level: 4, text: `Förvaltningens mål: ${b.title}` });
          if (b.activities.length)
            out.push({
              kind: 'table',
              header: ['Aktivitet', 'Start', 'Slut', 'Ansvar'],
              rows: b.activities.map((a) => [a.text, a.start, a.end, 'Avdelningschef']),
            });
          for (const u of b.unitGoals) out.push({ kind: 'heading', level: 4, text: `Enhetens mål: ${u.title}` });
        }
      }
    }
    return out;
  },
};

/**
 * `Verksamhetsplan med budget`, letter codes: Strategiskt mål A. / A.4 Title (numbering only) / Nämndens
 * mål (the title below) / Effektmål:; `Resultatmått | Utfall | Mål | KF:s mål | Uppföljning`;
 * `Insatser | Tidplan | Ansvarig` with years (`2023`, `2022–2023`).
 */
const namndD: Template = {
  name: 'namnd-d',
  style:
    'letter codes: Strategiskt mål A. / A.N Title / Nämndens mål / Effektmål; Resultatmått, Utfall, Mål, Uppföljning; Insatser, Tidplan in years, Ansvarig; Resultatbudget, tkr: costs first, incomes negative, budget and plan years',
  budget: {
    heading: 'Resurser',
    style: {
      caption: 'Resultatbudget, tkr',
      corner: '',
      unit: 'tkr',
      columns: (y) => [
        { head: `Budget ${y}`, year: y, kind: 'budget', factor: 1 },
        { head: `Plan ${y + 1}`, year: y + 1, kind: 'plan', factor: 1.02 },
        { head: `Plan ${y + 2}`, year: y + 2, kind: 'plan', factor: 1.04 },
      ],
      sign: '-',
      order: 'costs',
      financing: false,
    },
  },
  code: letterCode,
  blocks: (p) => {
    const out: Block[] = [
      { kind: 'heading', level: 1, text: `Verksamhetsplan med budget ${p.year}` },
      { kind: 'para', text: p.unit },
      { kind: 'para', text: `Ärendenummer: ${p.dnr}` },
      { kind: 'heading', level: 2, text: 'Inledning' },
      ...p.intro.flatMap((b) => b.paragraphs.map((text): Block => ({ kind: 'para', text }))),
    ];
    for (const d of p.directions) {
      out.push({ kind: 'heading', level: 2, text: `Strategiskt mål ${letterCode('', String(d.number))}. ${d.title}` });
      for (const g of d.goals) {
        out.push({ kind: 'heading', level: 3, text: `${letterCode('', g.number)} ${g.title}` });
        if (g.indicators.length)
          out.push({
            kind: 'table',
            header: ['Resultatmått', `Utfall ${p.year - 1}`, 'Mål', 'KF:s mål', 'Uppföljning'],
            rows: g.indicators.map((i, k) => [i.name, `${k + 3}`, i.unitTarget, i.kfTarget, i.periodicity === 'År' ? 'Årsvis' : 'Tertialvis']),
          });
        for (const b of g.boardGoals) {
          out.push({ kind: 'heading', level: 4, text: 'Nämndens mål' }, { kind: 'para', text: b.title });
          if (b.activities.length)
            out.push({
              kind: 'table',
              header: ['Insatser', 'Tidplan', 'Ansvarig'],
              rows: b.activities.map((a) => {
                const [from, to] = [a.start.slice(0, 4), a.end.slice(0, 4)];
                return [a.text, from === to ? to : `${from}–${to}`, 'Nämndsekreterare'];
              }),
            });
          for (const u of b.unitGoals) out.push({ kind: 'heading', level: 4, text: `Effektmål: ${u.title}` });
        }
      }
    }
    return out;
  },
};

export const TEMPLATES: Template[] = [kommunA, forvaltningB, kommunC, namndD];

/** `aligned`: a text export whose tables are columns of spaces (saved as .txt) */
export type TemplateForm = 'md' | 'txt' | 'aligned' | 'pdf';
export const TEMPLATE_FORMS: TemplateForm[] = ['md', 'txt', 'aligned', 'pdf'];
/** the file name ending of a form */
export const formExtension = (form: TemplateForm): string => (form === 'aligned' ? 'txt' : form);

/** A sample plan in a template and form, as the file's bytes. */
/** The plan's blocks in the template, its budget last. */
function blocksOf(t: Template, p: Plan): Block[] {
  const budget: Block[] = p.budget ? [{ kind: 'heading', level: 2, text: t.budget.heading }, ...budgetBlocks(p.budget, t.budget.style, p.year)] : [];
  return [...t.blocks(p), ...budget];
}

export async function renderTemplate(t: Template, p: Plan, form: TemplateForm): Promise<Buffer> {
  const blocks = blocksOf(t, p);
  if (form === 'md') return Buffer.from(toMarkdown(blocks), 'utf8');
  if (form === 'txt') return Buffer.from(toTabText(blocks), 'utf8');
  if (form === 'aligned') return Buffer.from(toAlignedText(blocks), 'utf8');
  return toPdf(blocks, `${blocks[0].kind === 'heading' ? blocks[0].text : ''} ${p.unit}`);
}

/** The budget rows a plan written in a template should give, keyed by budgetRowKey (with year and kind). */
export function templateBudgetTruth(t: Template, p: Plan): string[] {
  return p.budget ? budgetTruth(p.budget, t.budget.style, p.year) : [];
}

/** The ground truth of a plan written in a template: the plan's own with the template's codes; its budget is templateBudgetTruth's. */
export function templateTruth(t: Template, p: Plan): Truth {
  const truth = truthOf({ ...p, budget: undefined });
  const recode = t.code;
  if (!recode) return truth;
  const key = (k: string) => {
    const [level, code, ...rest] = k.split('|');
    return (level === 'kf_inriktningsmal' || level === 'kf_verksamhetsmal') && code ? [level, recode(level, code), ...rest].join('|') : k;
  };
  return { ...truth, goals: truth.goals.map(key), parents: truth.parents.map(([a, b]) => [key(a), key(b)]) };
}
