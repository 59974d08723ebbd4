// One unit's part of the HTML report: target trends (a chart and the figures behind it), KF-goal
// coverage (KF goal × year) and the changes between consecutive plans.
import { type ChartSpec, chartSpec } from './html-charts.js';
import { html, type Markup } from './html-escape.js';
import { formatNumber, formatYears, levelName } from './html-format.js';
import type { SourceLinks } from './html-links.js';
import type { ChangeKind, CoverageRow, IndicatorTrend, PlanChange, UnitReport } from './report-data.js';

/** Hands out chart ids across the whole page and collects the charts' data for the JSON block. */
export class ChartRegistry {
  readonly charts: ChartSpec[] = [];
  add(trend: IndicatorTrend): ChartSpec | null {
    const spec = chartSpec(trend, `chart-${this.charts.length + 1}`);
    if (spec) this.charts.push(spec);
    return spec;
  }
}

const target = (raw: string | null, value: number | null) => raw ?? (value === null ? '–' : formatNumber(value));

function trendFigure(trend: IndicatorTrend, links: SourceLinks, charts: ChartRegistry): Markup {
  const spec = charts.add(trend);
  const rows = [...trend.points]
    .sort((a, b) => a.year - b.year)
    .map(
      (p) =>
        html`<tr><td>${p.year}</td><td>${target(p.unitTargetRaw, p.unitTargetValue)}</td><td>${target(p.kfTargetRaw, p.kfTargetValue)}</td><td>${links.link(p)}</td></tr>`,
    );
  const chart = spec
    ? html`<div class="chart" id="${spec.id}" role="img"></div>`
    : html`<p class="muted">För få numeriska målvärden för ett diagram.</p>`;
  return html`<figure class="trend">
<figcaption><strong>${trend.indicatorName}</strong>${trend.kfGoal === null ? '' : html` <span class="muted">· ${trend.kfGoal}</span>`}</figcaption>
${chart}
<table class="points"><thead><tr><th>År</th><th>Årsmål</th><th>KF:s årsmål</th><th>Källa</th></tr></thead><tbody>${rows}</tbody></table>
</figure>`;
}

function coverageCell(rows: CoverageRow[] | undefined, links: SourceLinks): Markup {
  if (!rows || rows.length === 0) return html`<td class="gap">–</td>`;
  const parts = rows.map(
    (r) =>
      html`<div class="counts">${r.namndmal} nm · ${r.enhetsmal} em · ${r.indicators} ind · ${r.activities} akt</div><div>${links.link(r)}</div>`,
  );
  const empty = rows.every((r) => r.namndmal + r.enhetsmal + r.indicators + r.activities === 0);
  return html`<td class="${empty ? 'gap' : ''}">${parts}</td>`;
}

function coverageTable(coverage: readonly CoverageRow[], links: SourceLinks): Markup {
  if (coverage.length === 0) return html`<p class="muted">Inga KF-mål hittade.</p>`;
  const years = [...new Set(coverage.map((c) => c.year))].sort((a, b) => a - b);
  const goals = new Map<string, { label: string; byYear: Map<number, CoverageRow[]> }>();
  for (const c of coverage) {
    const goal = goals.get(c.kfGoalKey) ?? { label: c.kfGoal, byYear: new Map() };
    goals.set(c.kfGoalKey, goal);
    goal.byYear.set(c.year, [...(goal.byYear.get(c.year) ?? []), c]);
  }
  const head = years.map((y) => html`<th>${y}</th>`);
  const body = [...goals.values()].map(
    (g) => html`<tr><th scope="row">${g.label}</th>${years.map((y) => coverageCell(g.byYear.get(y), links))}</tr>`,
  );
  return html`<p class="muted">nm = nämndmål, em = enhetsmål, ind = indikatorer, akt = aktiviteter</p>
<table class="coverage"><thead><tr><th>KF-mål</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const CHANGE_NAMES: Record<ChangeKind, string> = {
  'indicator-added': 'Ny indikator',
  'indicator-dropped': 'Indikator borttagen',
  'indicator-renamed': 'Indikator omdöpt',
  'target-moved': 'Målvärde ändrat',
  'goal-added': 'Nytt mål',
  'goal-dropped': 'Mål borttaget',
  'goal-reworded': 'Mål omformulerat',
};

function changeRow(c: PlanChange, links: SourceLinks): Markup {
  const sources = [c.from ? html`före: ${links.link(c.from)}` : null, c.to ? html`efter: ${links.link(c.to)}` : null].filter((m) => m !== null);
  return html`<tr class="change ${c.kind}">
<td><span class="badge">${CHANGE_NAMES[c.kind]}</span></td>
<td>${c.subject}${c.level === null ? '' : html` <span class="muted">(${levelName(c.level)})</span>`}</td>
<td>${c.before === null ? '' : html`<del>${c.before}</del>`}</td>
<td>${c.after === null ? '' : html`<ins>${c.after}</ins>`}</td>
<td>${sources.map((s, i) => (i === 0 ? s : html`<br>${s}`))}</td>
</tr>`;
}

function changesTable(changes: readonly PlanChange[], links: SourceLinks): Markup {
  if (changes.length === 0) return html`<p class="muted">Inga ändringar mellan planerna.</p>`;
  const groups = new Map<string, PlanChange[]>();
  for (const c of changes) {
    const label = `${c.fromYear ?? '?'} → ${c.toYear}`;
    groups.set(label, [...(groups.get(label) ?? []), c]);
  }
  return html`${[...groups].map(
    ([label, group]) => html`<h4>${label} <span class="muted">(${group.length} ändringar)</span></h4>
<table class="changes"><thead><tr><th>Ändring</th><th>Vad</th><th>Före</th><th>Efter</th><th>Källa</th></tr></thead><tbody>${group.map((c) => changeRow(c, links))}</tbody></table>`,
  )}`;
}

/** The unit's section; `anchor` is its element id. Charts found are added to `charts`. */
export function unitSection(unit: UnitReport, anchor: string, links: SourceLinks, charts: ChartRegistry): Markup {
  const districts = unit.districts.length === 0 ? 'okänd' : unit.districts.join(', ');
  const trends =
    unit.trends.length === 0 ? html`<p class="muted">Inga indikatorer.</p>` : html`${unit.trends.map((t) => trendFigure(t, links, charts))}`;
  return html`<section class="unit" id="${anchor}">
<h2>${unit.unitName}</h2>
<p class="muted">Stadsdelsförvaltning: ${districts} · År: ${formatYears(unit.years)} · Nyckel: <code>${unit.unitKey}</code></p>
<h3>Målvärden över åren</h3>
${trends}
<h3>KF-mål som planen arbetar mot</h3>
${coverageTable(unit.coverage, links)}
<h3>Ändringar mellan planerna</h3>
${changesTable(unit.changes, links)}
</section>`;
}
