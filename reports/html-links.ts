// Links from a figure or row to its document and page: file:///path#page=N (a PDF viewer opens the
// page), shown as the file name and page, with the full path and document id on hover.
import { basename, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { html, type Markup } from './html-escape.js';
import type { DocumentQuality, SourceRef } from './report-data.js';

/** The file URL of a document's page, or null when the stored path is not absolute. */
export function pageUrl(path: string, page: number | null): string | null {
  if (!isAbsolute(path)) return null;
  return pathToFileURL(path).href + (page === null ? '' : `#page=${page}`);
}

export class SourceLinks {
  private readonly byId: Map<string, DocumentQuality>;

  constructor(documents: readonly DocumentQuality[]) {
    this.byId = new Map(documents.map((d) => [d.documentId, d]));
  }

  /** `2023.pdf s. 4`, linked to the page; an unknown document shows its id. */
  link(ref: SourceRef): Markup {
    const doc = this.byId.get(ref.documentId);
    const where = ref.page === null ? '' : ` s. ${ref.page}`;
    if (!doc) return html`<span class="src">${ref.documentId.slice(0, 12)}${where}</span>`;
    const title = `${doc.path} (dokument ${doc.documentId})`;
    const href = pageUrl(doc.path, ref.page);
    const text = `${basename(doc.path)}${where}`;
    return href === null ? html`<span class="src" title="${title}">${text}</span>` : html`<a class="src" href="${href}" title="${title}">${text}</a>`;
  }
}
