// A recognised page (tesseract.js's tree, or native TSV read into the same shape) → OcrResult: lines and
// paragraphs in reading order, noise words dropped (clean.ts).
import { keepWords, medianWordHeight } from './clean.js';
import type { OcrLine, OcrResult, OcrWord, PageTree, TreeLine } from './types.js';

/** A page that failed (timeout, unreadable image, worker crash): no text, `error` says why. */
export function failedResult(page: number, error: string, t0: number): OcrResult {
  return { page, text: '', rawText: '', confidence: 0, words: [], lines: [], noiseWords: 0, numberFixes: [], error, ms: performance.now() - t0 };
}

export function toResult(page: number, data: PageTree, t0: number): OcrResult {
  // structure first, then drop noise words against the page's median word height
  const all: Array<{ para: number; line: TreeLine; words: TreeLine['words'] }> = [];
  let para = 0;
  for (const block of data.blocks ?? []) {
    for (const p of block.paragraphs) {
      for (const line of p.lines) all.push({ para, line, words: line.words.filter((w) => w.text.trim() !== '') });
      para++;
    }
  }
  const flat = all.flatMap((l) => l.words.map((w) => ({ text: w.text, confidence: w.confidence / 100, bbox: w.bbox })));
  const h = medianWordHeight(flat);
  const words: OcrWord[] = [];
  const lines: OcrLine[] = [];
  const textLines: string[] = [];
  let lastPara = -1;
  let dropped = 0;
  for (const { para: pi, line, words: ws } of all) {
    const kept = keepWords(
      ws.map((w) => ({ text: w.text, confidence: w.confidence / 100, bbox: w.bbox, w })),
      h,
    ).map((k) => k.w);
    dropped += ws.length - kept.length;
    if (kept.length === 0) continue;
    const idx = lines.length;
    const bl = line.baseline;
    const baselineY = bl && Number.isFinite(bl.y0) && Number.isFinite(bl.y1) ? (bl.y0 + bl.y1) / 2 : line.bbox.y1;
    const text = kept.map((w) => w.text).join(' ');
    const bbox = {
      x0: Math.min(...kept.map((w) => w.bbox.x0)),
      y0: Math.min(...kept.map((w) => w.bbox.y0)),
      x1: Math.max(...kept.map((w) => w.bbox.x1)),
      y1: Math.max(...kept.map((w) => w.bbox.y1)),
    };
    const conf = kept.reduce((s, w) => s + w.confidence, 0) / kept.length / 100;
    if (lastPara !== -1 && pi !== lastPara) textLines.push('');
    lastPara = pi;
    textLines.push(text);
    lines.push({ text, confidence: conf, bbox, baselineY, textLine: textLines.length });
    for (const w of kept) words.push({ text: w.text, confidence: w.confidence / 100, bbox: { ...w.bbox }, line: idx });
  }
  const confidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0;
  return {
    page,
    text: textLines.join('\n'),
    rawText: data.text.replace(/\s+$/, ''),
    confidence,
    words,
    lines,
    noiseWords: dropped,
    numberFixes: [],
    error: null,
    ms: performance.now() - t0,
  };
}
