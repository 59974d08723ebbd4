// Target-trend charts: uPlot (inlined from node_modules, read at run time so dist/ works too), the data
// of each chart for the page's JSON block, and the small script that draws them in the browser.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IndicatorTrend } from './report-data.js';

/** What the page's script needs for one chart; serialised into the report's JSON block. */
export interface ChartSpec {
  /** id of the chart's container element */
  id: string;
  /** the indicator's name (set as the container's aria-label, never as markup) */
  title: string;
  /** the y axis label: the values' unit */
  unit: string;
  /** uPlot's columns: years, the unit's targets, KF's targets (null: none that year) */
  data: [number[], (number | null)[], (number | null)[]];
}

/** A trend gets a chart when at least this many of its years have a numeric target. */
export const MIN_CHART_POINTS = 2;

/** The chart of a trend, or null when fewer than MIN_CHART_POINTS years have a number (a table only). */
export function chartSpec(trend: IndicatorTrend, id: string): ChartSpec | null {
  const byYear = new Map<number, { unit: number | null; kf: number | null }>();
  for (const p of [...trend.points].sort((a, b) => a.year - b.year)) {
    if (!byYear.has(p.year)) byYear.set(p.year, { unit: p.unitTargetValue, kf: p.kfTargetValue });
  }
  const years = [...byYear.keys()];
  const values = [...byYear.values()];
  if (values.filter((v) => v.unit !== null || v.kf !== null).length < MIN_CHART_POINTS) return null;
  return {
    id,
    title: trend.indicatorName,
    unit: trend.valueUnit ?? '',
    data: [years, values.map((v) => v.unit), values.map((v) => v.kf)],
  };
}

let assets: { js: string; css: string } | undefined;

/** uPlot's minified browser build and its stylesheet, as text (read once). */
export function uplotAssets(): { js: string; css: string } {
  if (!assets) {
    const require = createRequire(import.meta.url);
    const read = (path: string) => readFileSync(path, 'utf8');
    // neither may end its element early: `</script` / `</style` are written so the parser reads on
    assets = {
      js: read(require.resolve('uplot/dist/uPlot.iife.min.js')).replace(/<\/(script)/gi, '<\\/$1'),
      css: read(require.resolve('uplot/dist/uPlot.min.css')).replace(/<\/(style)/gi, '<\\/$1'),
    };
  }
  return assets;
}

/**
 * Draws every chart of the JSON block `#report-data` (`{charts: ChartSpec[]}`) with uPlot. Titles and
 * labels are set with setAttribute and drawn on canvas by uPlot (textContent/fillText), never as HTML.
 */
export const CHART_SCRIPT = `(function () {
  'use strict';
  var spec = JSON.parse(document.getElementById('report-data').textContent);
  var num = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });
  var show = function (u, v) { return v == null ? '–' : num.format(v); };
  spec.charts.forEach(function (c) {
    var box = document.getElementById(c.id);
    if (!box) return;
    box.setAttribute('aria-label', c.title);
    var years = c.data[0];
    var opts = {
      width: Math.max(320, Math.min(760, box.clientWidth || 640)),
      height: 220,
      scales: { x: { time: false, range: [years[0] - 0.5, years[years.length - 1] + 0.5] } },
      axes: [
        { incrs: [1, 2, 5, 10], values: function (u, splits) { return splits.map(function (v) { return Number.isInteger(v) ? String(v) : ''; }); } },
        { label: c.unit, values: function (u, splits) { return splits.map(function (v) { return num.format(v); }); } }
      ],
      series: [
        { label: 'År', value: function (u, v) { return v == null ? '–' : String(v); } },
        { label: 'Årsmål', stroke: '#1f5fa8', width: 2, spanGaps: true, points: { size: 7 }, value: show },
        { label: 'KF:s årsmål', stroke: '#b3261e', width: 2, dash: [6, 4], spanGaps: true, points: { size: 7 }, value: show }
      ]
    };
    new uPlot(opts, c.data, box);
  });
})();`;
