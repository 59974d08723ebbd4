// The HTML report: one self-contained file (uPlot and every style inlined; no network, no CDN) with,
// per unit, target trends as charts, KF-goal coverage and the changes between plans, and a data-quality
// entry per document; every figure and row links to its document and page. Texts from documents are
// escaped (reports/html-escape.ts). A Content-Security-Policy admits only the page's own two scripts
// (by hash) and stylesheet, and no fetch at all, so a text that slipped through could not run or load.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHART_SCRIPT, uplotAssets } from './html-charts.js';
import { html, jsonForScript, trusted } from './html-escape.js';
import { formatNumber } from './html-format.js';
import { SourceLinks } from './html-links.js';
import { documentQuality } from './html-quality.js';
import { PAGE_CSS } from './html-style.js';
import { ChartRegistry, unitSection } from './html-unit.js';
import { ReportData } from './report-data.js';

export { ReportData } from './report-data.js';

/** The report's file name in the folder given to writeHtmlReport. */
export const HTML_REPORT_FILE = 'plans-report.html';

const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The whole report as one HTML document. `data` is validated (ReportData.parse; a ZodError when wrong). */
export function renderHtmlReport(data: ReportData): string {
  const report = ReportData.parse(data);
  const links = new SourceLinks(report.documents);
  const charts = new ChartRegistry();
  const units = report.units.map((u, i) => unitSection(u, `unit-${i + 1}`, links, charts));
  const documents = report.documents.map((d, i) => documentQuality(d, `doc-${i + 1}`, links));
  const { js, css } = uplotAssets();
  const style = `${css}\n${PAGE_CSS}`;
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(js)} ${cspHash(CHART_SCRIPT)}`,
    `style-src ${cspHash(style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const warnings = report.documents.reduce((n, d) => n + d.warnings.length, 0);
  const nav = report.units.map((u, i) => html`<li><a href="#unit-${i + 1}">${u.unitName}</a></li>`);
  const page = html`<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verksamhetsplaner – jämförelse</title>
<style>${trusted(style)}</style>
</head>
<body>
<header>
<h1>Verksamhetsplaner – jämförelse</h1>
<p class="muted">Skapad ${report.generatedAt} ur databasen <code>${report.database}</code> ·
${report.units.length} enheter · ${report.documents.length} dokument · ${charts.charts.length} diagram · ${formatNumber(warnings)} varningar</p>
</header>
<nav><h2>Innehåll</h2><ul>${nav}<li><a href="#datakvalitet">Datakvalitet per dokument</a></li></ul></nav>
<main>
${units}
<section id="datakvalitet">
<h2>Datakvalitet per dokument</h2>
${documents.length === 0 ? html`<p class="muted">Inga dokument.</p>` : html`${documents}`}
</section>
</main>
<script type="application/json" id="report-data">${trusted(jsonForScript({ charts: charts.charts }))}</script>
<script>${trusted(js)}</script>
<script>${trusted(CHART_SCRIPT)}</script>
</body>
</html>
`;
  return page.value;
}

/** Writes the report to DIR/plans-report.html (creating DIR; written whole or not at all); returns its absolute path. */
export function writeHtmlReport(dir: string, data: ReportData): string {
  const path = resolve(join(dir, HTML_REPORT_FILE));
  const text = renderHtmlReport(data);
  mkdirSync(dir, { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, text, 'utf8');
  renameSync(partial, path);
  return path;
}
