// Renders a sample plan as a markdown export in the style of the converted plans among the real
// ones: `##` headings, `**bold**`, goal labels on a line of their own above their titles, and table
// cells separated by tabs.
import { districtLine, formatAmount, planTitle, tocEntries } from './format.js';
import { budgetTotals, type Plan, type Section } from './model.js';
import { renderTextDump } from './render-text.js';

function sections(out: string[], list: Section[]): void {
  for (const s of list) {
    out.push(`#### ${s.heading}`, '');
    for (const p of s.paragraphs) out.push(p.startsWith('• ') ? `*${p.slice(2)}*` : p, '');
  }
}

export function renderMarkdown(p: Plan): string {
  const { pageOf } = renderTextDump(p);
  const pages = Math.max(...pageOf.values());
  const out: string[] = [
    '',
    `**${districtLine(p)}**`,
    '',
    `**${p.unit}**`,
    '',
    'Tjänsteutlåtande  ',
    `Dnr: ${p.dnr}  `,
    `Sid 1 (${pages})`,
    '',
    'Handläggare  ',
    p.author,
    '',
    `## **${planTitle(p)} för ${p.unit}**`,
    '',
    '## Innehållsförteckning',
    '',
  ];
  for (const e of tocEntries(p)) {
    const page = String(pageOf.get(e.id) ?? '');
    out.push(e.level === 0 ? `<b>${e.text} .....</b>\t<b>${page}</b>` : `${e.text} .....\t${page}`);
  }
  out.push('', '## Inledning', '');
  for (const b of p.intro) {
    if (b.heading) out.push(`### ${b.heading}`, '');
    for (const para of b.paragraphs) out.push(para, '');
  }
  for (const d of p.directions) {
    out.push('KF:s inriktningsmål:', '', `## ${d.number}. ${d.title}`, '');
    for (const g of d.goals) {
      out.push('KF:s mål för verksamhetsområdet:', '', `### ${g.number} ${g.title}`, '');
      if (g.indicators.length) {
        out.push('Indikator\tÅrsmål\tKF:s årsmål\tPeriodicitet');
        for (const r of g.indicators) out.push(` ${r.name}\t${r.unitTarget}\t${r.kfTarget}\t${r.periodicity}`);
        out.push('');
      }
      for (const b of g.boardGoals) {
        out.push('Nämndmål:', '', `**${b.title}**`, '');
        sections(out, b.sections);
        if (b.activities.length) {
          out.push('Aktivitet\tStartdatum\tSlutdatum');
          for (const a of b.activities) out.push(` ${a.text}\t${a.start}\t${a.end}`);
          out.push('');
        }
        for (const u of b.unitGoals) {
          out.push('Enhetsmål:', '', u.title, '');
          sections(out, u.sections);
        }
      }
    }
  }
  out.push('## Redovisning av ekonomi', '', '### Resursanvändning', '');
  for (const para of p.resources) out.push(para, '');
  if (p.budget) {
    const t = budgetTotals(p.budget);
    out.push(`## Budget ${p.year}`, '', `Budgetår: ${p.year}  `, `Enhet: ${p.unit}`, '');
    out.push('<b>Beloppen anges i TKr</b>\tBudget', '<i>Intäkter</i>\t');
    for (const l of p.budget.income) out.push(`${l.label}\t${formatAmount(l.amount)}`);
    out.push(`<i>Summa intäkter</i>\t${formatAmount(t.income)}`, '<i>Kostnader</i>\t');
    for (const l of p.budget.costs) out.push(`${l.label}\t${formatAmount(l.amount)}`);
    out.push(`<i>Summa kostnader</i>\t${formatAmount(t.costs)}`, `<i>Summa netto</i>\t${formatAmount(t.net)}`, '');
  }
  return out.join('\n') + '\n';
}
