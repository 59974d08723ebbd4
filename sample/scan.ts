// A scanned plan: PDF pages rendered to images, with scan noise (grey paper, slight rotation,
// speckles; @napi-rs/canvas), bound into an image-only PDF (pdfmake `image`): no text layer at all.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { pdfmakeReady } from './pdfmake-setup.js';
import { PDFParse } from 'pdf-parse';
import { renderPages } from '../extractors/ocr/render.js';

export interface ScanNoise {
  /** degrees; default 0.4 */
  rotate?: number;
  /** dark speckles per page; default 400 */
  speckles?: number;
  /** paper grey 0..255; default 242 */
  paper?: number;
  /** PRNG seed */
  seed?: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A page image with scan noise: grey paper, slight rotation about the centre, speckles. PNG out. */
export async function addScanNoise(png: Uint8Array, noise: ScanNoise = {}): Promise<Uint8Array> {
  const img = await loadImage(Buffer.from(png));
  const w = img.width;
  const h = img.height;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  const paper = noise.paper ?? 242;
  ctx.fillStyle = `rgb(${paper},${paper},${paper - 4})`;
  ctx.fillRect(0, 0, w, h);
  ctx.save();
  ctx.translate(w / 2, h / 2);
  ctx.rotate(((noise.rotate ?? 0.4) * Math.PI) / 180);
  ctx.translate(-w / 2, -h / 2);
  ctx.globalCompositeOperation = 'multiply';
  ctx.drawImage(img, 0, 0);
  ctx.restore();
  const rnd = mulberry32(noise.seed ?? 7);
  ctx.fillStyle = 'rgb(60,60,60)';
  const n = noise.speckles ?? 400;
  for (let i = 0; i < n; i++) {
    const r = 0.6 + rnd() * 1.6;
    ctx.beginPath();
    ctx.arc(rnd() * w, rnd() * h, r, 0, Math.PI * 2);
    ctx.fill();
  }
  return new Uint8Array(await canvas.encode('png'));
}

/** An image-only PDF: each PNG becomes a full A4 page (no text layer at all). */
export async function imagesToPdf(pngs: Uint8Array[]): Promise<Uint8Array> {
  const pdfmake = pdfmakeReady();
  const content = pngs.map((png, i) => ({
    image: `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
    width: 595.28,
    height: 841.89,
    ...(i > 0 ? { pageBreak: 'before' } : {}),
  }));
  const buf = await pdfmake.createPdf({ pageSize: 'A4', pageMargins: [0, 0, 0, 0], content: content as never }).getBuffer();
  return new Uint8Array(buf);
}

/** A text PDF as a scan: every page rendered at `dpi`, noised, and bound into an image-only PDF. */
export async function scanPdf(pdf: Uint8Array, dpi = 300, seed = 1): Promise<Uint8Array> {
  const parser = new PDFParse({ data: new Uint8Array(pdf), verbosity: 0 });
  const total = await parser
    .getInfo()
    .then((i) => i.total)
    .finally(() => parser.destroy());
  const pages = await renderPages(
    pdf,
    Array.from({ length: total }, (_, i) => i + 1),
    dpi,
  );
  const noisy: Uint8Array[] = [];
  for (const [i, p] of pages.entries()) noisy.push(await addScanNoise(p.png, { seed: seed + i }));
  return imagesToPdf(noisy);
}
