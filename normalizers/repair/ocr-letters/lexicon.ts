// Swedish lexicon: hunspell (WebAssembly, hunspell-asm) with the dictionary-sv affix/dictionary files.
// Hunspell knows compounds (`verksamhetsområdet`) and inflections, and rejects garbage — unlike the
// pure-JS spell checkers, which accept nearly any string with this dictionary. Loaded once per process
// (`loadLexicon()` returns the same instance) and cached per word.
import { loadModule, type Hunspell } from 'hunspell-asm';

export interface Lexicon {
  /** True when hunspell accepts the word as written (case matters as hunspell defines it). */
  isWord(word: string): boolean;
  /** Hunspell's suggestions (slow: milliseconds; not used on the hot path). */
  suggest(word: string): string[];
  /** Words checked by hunspell so far (cache misses) and lookups answered from the cache. */
  stats(): { checks: number; cacheHits: number; cached: number };
}

const MAX_CACHE = 200_000;

class HunspellLexicon implements Lexicon {
  private readonly cache = new Map<string, boolean>();
  private checks = 0;
  private hits = 0;
  constructor(private readonly hunspell: Hunspell) {}

  isWord(word: string): boolean {
    const c = this.cache.get(word);
    if (c !== undefined) {
      this.hits++;
      return c;
    }
    this.checks++;
    const ok = word.length > 0 && word.length < 100 && this.hunspell.spell(word);
    if (this.cache.size >= MAX_CACHE) this.cache.clear();
    this.cache.set(word, ok);
    return ok;
  }

  suggest(word: string): string[] {
    return this.hunspell.suggest(word);
  }

  stats(): { checks: number; cacheHits: number; cached: number } {
    return { checks: this.checks, cacheHits: this.hits, cached: this.cache.size };
  }
}

let shared: Promise<Lexicon> | undefined;
let sharedHunspell: Hunspell | undefined;
let loaded: Lexicon | undefined;

/** The process-wide lexicon if `loadLexicon()` has finished, else undefined. */
export function loadedLexicon(): Lexicon | undefined {
  return loaded;
}

/** The process-wide Swedish lexicon (loaded on first call, ~0.2 s). */
export function loadLexicon(): Promise<Lexicon> {
  shared ??= (async () => {
    // dictionary-sv reads its index.aff / index.dic when imported.
    const [factory, { default: sv }] = await Promise.all([loadModule(), import('dictionary-sv')]);
    const aff = factory.mountBuffer(sv.aff, 'sv-SE.aff');
    const dic = factory.mountBuffer(sv.dic, 'sv-SE.dic');
    sharedHunspell = factory.create(aff, dic);
    loaded = new HunspellLexicon(sharedHunspell);
    return loaded;
  })();
  return shared;
}

/** A new view of the loaded hunspell with its own, empty cache (benchmarks: cold lookups). */
export async function freshLexicon(): Promise<Lexicon> {
  await loadLexicon();
  return new HunspellLexicon(sharedHunspell!);
}
