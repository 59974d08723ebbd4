// What the repair's language model learns beyond its built-in base: the pages of clean documents (no
// OCR page, nothing to repair under the base model alone). They are chosen by content hash, so the
// model depends on the set of documents an archive and a batch hold, never on the order they came in;
// its fingerprint names that choice and is stored with every document repaired by it.
import { createHash } from 'node:crypto';
import { BASE_SENTENCES, BASE_VOCABULARY, BASE_WORDS } from './ocr-letters/base-lm.js';
import { LanguageModel, type LanguageModelCounts } from './ocr-letters/language-model.js';

/** Pages the model learns from at most: enough for an archive's own words, bounded in memory and time. */
export const MODEL_PAGE_LIMIT = 5000;

export interface CleanDocument {
  sha256: string;
  pages: string[];
}

/** A clean document whose pages are read only when the model is built (`CleanDocuments.counts`). */
export interface LaterCleanDocument {
  sha256: string;
  /** how many pages it has */
  pageCount: number;
  pages: () => Promise<string[]>;
}

export interface RepairModelInput {
  texts: string[];
  /** sha256 of the built-in base and of each document taken (with its number of pages taken) */
  fingerprint: string;
}

/** The same model as its input, learnt already: the counts (small), not the pages (a batch's worth). */
export interface RepairModelCounts {
  counts: LanguageModelCounts;
  fingerprint: string;
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

interface Entry {
  sha256: string;
  pageCount: number;
  pages: string[] | (() => Promise<string[]>);
}

/**
 * Collects clean documents and keeps only those the model will take: the first MODEL_PAGE_LIMIT pages
 * in content-hash order. Memory stays bounded however many documents are offered; a document added
 * with `addLater` is held by its hash and page count only, its pages read when the model is built.
 */
export class CleanDocuments {
  private readonly docs: Entry[] = [];

  add(doc: CleanDocument): void {
    this.insert({ sha256: doc.sha256, pageCount: doc.pages.length, pages: doc.pages });
  }

  addLater(doc: LaterCleanDocument): void {
    this.insert({ sha256: doc.sha256, pageCount: doc.pageCount, pages: doc.pages });
  }

  private insert(doc: Entry): void {
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
      pages += this.docs[i].pageCount;
    }
  }

  /** The pages taken, document by document (each with its share of MODEL_PAGE_LIMIT), and the fingerprint naming them. */
  private taken(): { docs: Array<{ entry: Entry; take: number }>; fingerprint: string } {
    const docs: Array<{ entry: Entry; take: number }> = [];
    const taken: string[] = [sha(BASE_WORDS + BASE_VOCABULARY + BASE_SENTENCES)];
    let texts = 0;
    for (const entry of this.docs) {
      const take = Math.max(0, Math.min(entry.pageCount, MODEL_PAGE_LIMIT - texts));
      texts += take;
      docs.push({ entry, take });
      taken.push(`${entry.sha256}:${take}`);
    }
    return { docs, fingerprint: sha(taken.join('\n')).slice(0, 16) };
  }

  /** The pages themselves; every document must have been added with its pages (`add`). */
  input(): RepairModelInput {
    const { docs, fingerprint } = this.taken();
    const texts: string[] = [];
    for (const { entry, take } of docs) {
      if (typeof entry.pages === 'function') throw new Error('CleanDocuments.input(): a document was added without its pages; use counts()');
      texts.push(...entry.pages.slice(0, take));
    }
    return { texts, fingerprint };
  }

  /**
   * The model learnt here, as counts: pages read one document at a time and dropped once counted, so
   * neither this thread nor the workers that rebuild the model hold the pages. The same model as
   * `createRepairContext(input())` builds, with the same fingerprint.
   */
  async counts(): Promise<RepairModelCounts> {
    const { docs, fingerprint } = this.taken();
    const lm = LanguageModel.fromTexts([]);
    for (const { entry, take } of docs) {
      if (!take) continue;
      const pages = typeof entry.pages === 'function' ? await entry.pages() : entry.pages;
      for (const page of pages.slice(0, take)) lm.addText(page);
    }
    return { counts: lm.counts(), fingerprint };
  }
}
