// The data-quality part of the HTML report, one entry per document: how its pages were read, OCR
// confidence, warnings, repairs and budget sums that do not add up, each linked to its page.
import { basename } from 'node:path';
import { html, type Markup } from './html-escape.js';
import { formatNumber, methodName } from './html-format.js';
import { pageUrl, type SourceLinks } from './html-links.js';
import type { DocumentQuality } from './report-data.js';

/** OCR'd pages below this mean word confidence are listed as doubtful. */
export const LOW_OCR_CONFIDENCE = 0.75;

function methods(doc: DocumentQuality): string {
  const counts = new Map<string, number>();
  for (const p of doc.pages) counts.set(p.method, (counts.get(p.method) ?? 0) + 1);
  return [...counts].map(([m, n]) => `${methodName(m)} ${n} s.`).join(', ') || '–';
}

function ocr(doc: DocumentQuality, links: SourceLinks): Markup {
  const ocrPages = doc.pages.filter((p) => p.method === 'ocr');
  if (ocrPages.length === 0) return html`ingen sida`;
  const known = ocrPages.flatMap((p) => (p.confidence === null ? [] : [p.confidence]));
  const mean = known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
  const low = ocrPages.filter((p) => p.confidence !== null && p.confidence < LOW_OCR_CONFIDENCE);
  const lowList = low.map(
    (p) => html`<li class="bad">${links.link({ documentId: doc.documentId, page: p.page })}: ${formatNumber(p.confidence ?? 0)}</li>`,
  );
  return html`${ocrPages.length} sidor, medelsäkerhet ${mean === null ? '–' : formatNumber(mean)}${
    low.length === 0 ? '' : html`; osäkra sidor (under ${formatNumber(LOW_OCR_CONFIDENCE)}):<ul>${lowList}</ul>`
  }`;
}

function warnings(doc: DocumentQuality, links: SourceLinks): Markup {
  if (doc.warnings.length === 0) return html`<p class="muted">Inga varningar.</p>`;
  const rows = doc.warnings.map(
    (w) =>
      html`<tr><td><code>${w.rule}</code></td><td>${w.stage}</td><td>${links.link({ documentId: doc.documentId, page: w.page })}${
        w.line === null ? '' : html` r. ${w.line}`
      }</td><td>${w.message}</td></tr>`,
  );
  return html`<table class="warnings"><thead><tr><th>Regel</th><th>Steg</th><th>Plats</th><th>Meddelande</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function budget(doc: DocumentQuality, links: SourceLinks): Markup {
  if (doc.budgetMismatches.length === 0) return html``;
  const rows = doc.budgetMismatches.map(
    (b) =>
      html`<tr class="bad"><td>${b.budgetTable}</td><td>${b.label}</td><td class="num">${formatNumber(b.printedTkr)}</td><td class="num">${formatNumber(
        b.computedTkr,
      )}</td><td class="num">${formatNumber(b.printedTkr - b.computedTkr)}</td><td>${links.link({ documentId: doc.documentId, page: b.page })}</td></tr>`,
  );
  return html`<h4>Budgetsummor som inte går ihop</h4>
<table class="budget"><thead><tr><th>Tabell</th><th>Summarad</th><th>Tryckt (tkr)</th><th>Summa av raderna (tkr)</th><th>Skillnad</th><th>Källa</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** One document's data-quality entry; `anchor` is its element id. */
export function documentQuality(doc: DocumentQuality, anchor: string, links: SourceLinks): Markup {
  const href = pageUrl(doc.path, null);
  const name = basename(doc.path);
  const problems =
    doc.warnings.length > 0 || doc.budgetMismatches.length > 0 || doc.pages.some((p) => p.confidence !== null && p.confidence < LOW_OCR_CONFIDENCE);
  return html`<article class="document${problems ? ' problems' : ''}" id="${anchor}">
<h3>${href === null ? name : html`<a href="${href}">${name}</a>`} <span class="muted">${doc.unitName ?? 'okänd enhet'}, ${doc.year ?? 'okänt år'}</span></h3>
<dl>
<dt>Sökväg</dt><dd><code>${doc.path}</code></dd>
<dt>Dokument-id</dt><dd><code>${doc.documentId}</code></dd>
<dt>Format</dt><dd>${doc.format}, ${doc.pageCount} sidor</dd>
<dt>Lästa sidor</dt><dd>${methods(doc)}</dd>
<dt>OCR</dt><dd>${ocr(doc, links)}</dd>
<dt>Reparationer</dt><dd>${doc.repairs}</dd>
<dt>Varningar</dt><dd>${doc.warnings.length}</dd>
</dl>
${warnings(doc, links)}
${budget(doc, links)}
</article>`;
}
