// OCR letter repair (å/ä/ö after an English OCR model): quality and speed.
// - quality: CER of English-OCR'd text (made by bench/fixtures-ocr-damage.ts: pdfmake → pdftoppm →
//   tesseract -l eng; needs poppler-utils and tesseract-ocr, cached under .tmp/ocr-fixtures) before and
//   after repair, and the share of errors removed — on seed excerpts (model from the other seeds) and
//   on text not from any plan;
// - speed: repair throughput (words/s) on seed 002 with a cold lexicon cache, against the reference of
//   plain hunspell spell-checking of the same words, measured in the same run.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LanguageModel, TOKEN_RE } from '../normalizers/repair/ocr-letters/language-model.js';
import { freshLexicon, loadLexicon } from '../normalizers/repair/ocr-letters/lexicon.js';
import { repairOcrLetters } from '../normalizers/repair/ocr-letters/repair.js';
import { HELD_OUT_TEXT, OWN_TEXTS, cer, letterErrors, ocrFixtures, seedExcerpt } from './fixtures-ocr-damage.js';

/** The seeds live beside the project (../shared/seeds from the project root); PLANS_SEEDS_DIR overrides. */
function seedPath(prefix: string): string {
  const dir = process.env.PLANS_SEEDS_DIR ?? resolve(process.cwd(), '../shared/seeds');
  const name = readdirSync(dir).find((f) => f.startsWith(`${prefix}_`));
  if (!name) throw new Error(`no seed ${prefix}_… in ${dir}`);
  return join(dir, name);
}

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

export async function runRepairBench(): Promise<Record<string, number>> {
  await loadLexicon();
  const read = (p: string): string => readFileSync(seedPath(p), 'utf8');
  const lmSeeds = (except: string): LanguageModel => LanguageModel.fromTexts(['000', '003', '004'].filter((p) => p !== except).map(read));
  const lmAll = lmSeeds('');
  const items = [
    { name: 'seed-000', clean: seedExcerpt(seedPath('000'), 0, 45), lm: lmSeeds('000'), seed: true },
    { name: 'seed-004', clean: seedExcerpt(seedPath('004'), 222, 275), lm: lmSeeds('004'), seed: true },
    { ...OWN_TEXTS[0], lm: lmAll, seed: false },
    { ...OWN_TEXTS[1], lm: lmAll, seed: false },
    { ...HELD_OUT_TEXT, lm: lmAll, seed: false },
  ];
  const fixtures = await ocrFixtures(items.map(({ name, clean }) => ({ name, clean })));
  const sums = { seed: [0, 0, 0, 0, 0], other: [0, 0, 0, 0, 0] }; // chars, errBefore, errAfter, letterBefore, letterAfter
  fixtures.forEach((f, i) => {
    const out = repairOcrLetters(f.ocr, items[i].lm).text;
    const n = f.clean.replace(/\s+/g, ' ').trim().length;
    const s = items[i].seed ? sums.seed : sums.other;
    s[0] += n;
    s[1] += cer(f.clean, f.ocr) * n;
    s[2] += cer(f.clean, out) * n;
    s[3] += letterErrors(f.clean, f.ocr);
    s[4] += letterErrors(f.clean, out);
  });

  // Speed on a real damaged plan, cold caches.
  const text = read('002');
  const words = [...text.matchAll(TOKEN_RE)].map((m) => m[0]);
  const refLex = await freshLexicon();
  let t0 = process.hrtime.bigint();
  let valid = 0;
  for (const w of words) if (refLex.isWord(w)) valid++;
  const referenceMs = ms(t0);
  const lex = await freshLexicon();
  t0 = process.hrtime.bigint();
  const out = repairOcrLetters(text, lmAll, { lexicon: lex });
  const repairMs = ms(t0);
  t0 = process.hrtime.bigint();
  repairOcrLetters(text, lmAll, { lexicon: lex });
  const warmMs = ms(t0);

  const r: Record<string, number> = {};
  for (const [k, s] of Object.entries(sums)) {
    r[`repair.${k}.cer_before`] = s[1] / s[0];
    r[`repair.${k}.cer_after`] = s[2] / s[0];
    r[`repair.${k}.error_reduction_pct`] = 100 * (1 - s[2] / s[1]);
    r[`repair.${k}.letter_error_reduction_pct`] = 100 * (1 - s[4] / s[3]);
  }
  r['repair.seed002.words'] = words.length;
  r['repair.seed002.valid_words'] = valid;
  r['repair.seed002.repairs'] = out.repairs.length;
  r['repair.words_per_s'] = words.length / (repairMs / 1000);
  r['repair.warm_words_per_s'] = words.length / (warmMs / 1000);
  r['repair.reference_spellcheck_words_per_s'] = words.length / (referenceMs / 1000);
  r['repair.slowdown_vs_spellcheck'] = repairMs / referenceMs;
  return r;
}
