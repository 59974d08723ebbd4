// What the repair's language model learns beyond its built-in base: the pages of clean documents (no
// OCR page, nothing to repair under the base model alone). They are chosen by content hash, so the
// model depends on the set of documents an archive and a batch hold, never on the order they came in;
// its fingerprint names that choice and is stored with every document repaired by it.
import { createHash } from 'node:crypto';
import { BASE_SENTENCES, BASE_VOCABULARY, BASE_WORDS } from './ocr-letters/base-lm.js';

/** Pages the model learns from at most: enough for an archive's own words, bounded in memory and time. */
export const MODEL_PAGE_LIMIT = 5000;

export interface CleanDocument {
  sha256: string;
  pages: string[];
}

export interface RepairModelInput {
  texts: string[];
  /** sha256 of the built-in base and of each document taken (with its number of pages taken) */
  fingerprint: string;
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * Collects clean documents and keeps only those the model will take: the first MODEL_PAGE_LIMIT pages
 * in content-hash order. Memory stays bounded however many documents are offered.
 */
export class CleanDocuments {
  private readonly docs: CleanDocument[] = [];

  add(doc: CleanDocument): void {
    let at = this.docs.findIndex((d) => d.sha256 >= doc.sha256);
    if (at < 0) at = this.docs.length;
    if (this.docs[at]?.sha256 === doc.sha256) return;
    this.docs.splice(at, 0, doc);
    let pages = 0;
    for (let i = 0; i < this.docs.length; i++) {
      if (pages >= MODEL_PAGE_LIMIT) {
        this.docs.length = i;
        break;
      }
      pages += this.docs[i].pages.length;
    }
  }

  input(): RepairModelInput {
    const texts: string[] = [];
    const taken: string[] = [sha(BASE_WORDS + BASE_VOCABULARY + BASE_SENTENCES)];
    for (const d of this.docs) {
      const pages = d.pages.slice(0, MODEL_PAGE_LIMIT - texts.length);
      texts.push(...pages);
      taken.push(`${d.sha256}:${pages.length}`);
    }
    return { texts, fingerprint: sha(taken.join('\n')).slice(0, 16) };
  }
}
