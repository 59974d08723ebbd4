// The second reading of numbers (extractors/ocr/numbers.ts): which numbers are read again, and which
// readings are taken. The end-to-end check (a scanned plan's percentages) is in scanned-plan.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { extractImage } from '../extractors/image.js';
import { createOcrEngine, type OcrResult, type OcrWord } from '../extractors/ocr/engine.js';
import { applyReadings, numberSpans } from '../extractors/ocr/numbers.js';
import { renderPages } from '../extractors/ocr/render.js';
import { PLANS, renderPdf } from '../sample/generate.js';
import { pngToTiff } from '../bench/fixtures-scan.js';

/** One OCR line of words, each 30 px high, placed left to right with the given gaps. */
function page(words: Array<[text: string, confidence: number, gapBefore: number]>): OcrResult {
  let x = 100;
  const ws: OcrWord[] = words.map(([text, confidence, gap]) => {
    x += gap;
    const w = { text, confidence, bbox: { x0: x, y0: 500, x1: x + 20 * text.length, y1: 530 }, line: 0 };
    x = w.bbox.x1;
    return w;
  });
  const text = ws.map((w) => w.text).join(' ');
  return {
    page: 1,
    text,
    rawText: text,
    noiseWords: 0,
    confidence: 0.9,
    words: ws,
    lines: [{ text, confidence: 0.9, bbox: { x0: 100, y0: 500, x1: x, y1: 530 }, baselineY: 528, textLine: 1 }],
    numberFixes: [],
    error: null,
    ms: 0,
  };
}

describe('second reading of numbers', () => {
  const row = page([
    ['Andel', 0.96, 0],
    ['nöjda', 0.96, 10],
    ['90', 0.57, 200],
    ['2', 0.57, 10],
    ['2022', 0.96, 200],
    ['96', 0.96, 200],
    ['802', 0.79, 200],
  ]);

  it('reads again only the numbers the Swedish model was unsure of, with a close symbol word beside them', () => {
    const spans = numberSpans(row);
    expect(spans.map((s) => row.words.slice(s.first, s.last + 1).map((w) => w.text))).toEqual([['90', '2'], ['802']]);
  });

  it('joins a letter the model all but ruled out to the number before it (a `%` read as `Z`), not a sure one', () => {
    const r = page([
      ['med', 0.97, 0],
      ['100', 0.86, 10],
      ['Z', 0.0, 10],
      ['År', 0.89, 200],
      ['12', 0.8, 200],
      ['kr', 0.95, 10],
    ]);
    expect(numberSpans(r).map((s) => r.words.slice(s.first, s.last + 1).map((w) => w.text))).toEqual([['100', 'Z'], ['12']]);
    const { result, fixes } = applyReadings(r, numberSpans(r), [['100 %'], ['12']]);
    expect(fixes).toEqual([{ before: '100 Z', after: '100 %', line: 0 }]);
    expect(result.text).toBe('med 100 % År 12 kr');
  });

  it('takes a reading only when it is the same number with a percent sign', () => {
    const spans = numberSpans(row);
    const { result, fixes } = applyReadings(row, spans, [['20 %'], ['(o]', '80 %']]);
    // `20 %` is another number: the Swedish reading stays; `80 %` begins the digits of `802`
    expect(fixes).toEqual([{ before: '802', after: '80 %', line: 0 }]);
    expect(result.text).toBe('Andel nöjda 90 2 2022 96 80 %');
    expect(result.lines[0].text).toBe(result.text);
    const { fixes: none } = applyReadings(row, spans, [['90'], ['802']]);
    expect(none).toEqual([]);
  });

  it('keeps one box per word where the counts agree', () => {
    const spans = numberSpans(row);
    const { result } = applyReadings(row, spans, [['"90 %'], []]);
    expect(result.words.map((w) => w.text)).toEqual(['Andel', 'nöjda', '90', '%', '2022', '96', '802']);
    expect(result.words[3].bbox).toEqual(row.words[3].bbox);
  });
});

describe('second reading of numbers on a page image', () => {
  const engine = createOcrEngine({ workers: 1 });
  afterAll(() => engine.terminate());

  it('puts the % signs of an indicator table back, from a PNG and from a TIFF (cut from tesseract’s own copy)', async () => {
    // page 3 of a made-up plan: an indicator table with `90 %` and `80 %`
    const plan = PLANS.find((p) => p.key === 'hemtjanst' && p.year === 2022)!;
    const [page] = await renderPages(new Uint8Array(await renderPdf(plan)), [3], 200);
    const tiff = await pngToTiff(page.png, 200);
    for (const [name, data] of [
      ['p.png', page.png],
      ['p.tif', tiff],
    ] as const) {
      const { pages, warnings } = await extractImage(name, data, { engine });
      expect(warnings.filter((w) => w.rule === 'ocr-number-reread-failed')).toEqual([]);
      expect(warnings.filter((w) => w.rule === 'ocr-number-reread').length).toBeGreaterThan(0);
      expect(pages[0].text).toMatch(/nöjda med sin insats 90 ?% 90 ?%/);
    }
  }, 60_000);
});
