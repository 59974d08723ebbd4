// A scanned page as an image file (PNG, JPEG, TIFF) → one OCR'd page. tesseract.js (Leptonica) reads
// all three itself; this module only reads the header for the pixel size and resolution, so that OCR
// positions can be given in points like a PDF page's.
import { PlanError, type ExtractedPage, type Message } from '../model/document.js';
import { createOcrEngine, type OcrEngine } from './ocr/engine.js';
import { pageFromOcr, type OcrPagesOptions } from './ocr/ocr-pdf.js';

export type ImageFormat = 'png' | 'jpeg' | 'tiff';

export interface ImageInfo {
  format: ImageFormat;
  widthPx: number;
  heightPx: number;
  /** dots per inch from the file, null when it does not say */
  dpi: number | null;
}

/** Points per A4 width (8.27 in), for images that carry no resolution. */
const A4_WIDTH_PT = 595.28;

export function imageFormat(data: Uint8Array): ImageFormat | null {
  if (data.length >= 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (
    data.length >= 8 &&
    ((data[0] === 0x49 && data[1] === 0x49 && data[2] === 42 && data[3] === 0) ||
      (data[0] === 0x4d && data[1] === 0x4d && data[2] === 0 && data[3] === 42))
  )
    return 'tiff';
  return null;
}

function pngInfo(b: Buffer): ImageInfo {
  const widthPx = b.readUInt32BE(16);
  const heightPx = b.readUInt32BE(20);
  let dpi: number | null = null;
  for (let o = 8; o + 8 <= b.length; ) {
    const len = b.readUInt32BE(o);
    const type = b.toString('latin1', o + 4, o + 8);
    if (type === 'pHYs' && len >= 9 && b[o + 16] === 1) dpi = Math.round(b.readUInt32BE(o + 8) * 0.0254);
    if (type === 'IDAT' || type === 'IEND') break;
    o += 12 + len;
  }
  return { format: 'png', widthPx, heightPx, dpi };
}

function jpegInfo(b: Buffer): ImageInfo {
  let dpi: number | null = null;
  for (let o = 2; o + 4 <= b.length; ) {
    if (b[o] !== 0xff) {
      o++;
      continue;
    }
    const marker = b[o + 1];
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      o += 2;
      continue;
    }
    const len = b.readUInt16BE(o + 2);
    if (marker === 0xe0 && b.toString('latin1', o + 4, o + 9) === 'JFIF\0') {
      const unit = b[o + 11];
      const x = b.readUInt16BE(o + 12);
      if (unit === 1 && x > 1) dpi = x;
      else if (unit === 2 && x > 1) dpi = Math.round(x * 2.54);
    }
    // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { format: 'jpeg', heightPx: b.readUInt16BE(o + 5), widthPx: b.readUInt16BE(o + 7), dpi };
    }
    o += 2 + len;
  }
  throw new Error('no JPEG frame header');
}

function tiffInfo(b: Buffer): ImageInfo {
  const le = b[0] === 0x49;
  const u16 = (o: number): number => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number): number => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const ifd = u32(4);
  const n = u16(ifd);
  let widthPx = 0;
  let heightPx = 0;
  let xres: number | null = null;
  let unit = 2;
  for (let i = 0; i < n; i++) {
    const o = ifd + 2 + i * 12;
    const tag = u16(o);
    const type = u16(o + 2);
    const val = type === 3 ? u16(o + 8) : u32(o + 8);
    if (tag === 256) widthPx = val;
    else if (tag === 257) heightPx = val;
    else if (tag === 296) unit = val;
    else if (tag === 282 && type === 5) {
      const den = u32(val + 4);
      xres = den ? u32(val) / den : null;
    }
  }
  if (!widthPx || !heightPx) throw new Error('TIFF without image size');
  const dpi = xres && xres > 1 ? (unit === 3 ? Math.round(xres * 2.54) : unit === 2 ? Math.round(xres) : null) : null;
  return { format: 'tiff', widthPx, heightPx, dpi };
}

/** Format, pixel size and resolution from the file header; throws on anything else. */
export function imageInfo(data: Uint8Array): ImageInfo {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const format = imageFormat(data);
  if (format === 'png') return pngInfo(b);
  if (format === 'jpeg') return jpegInfo(b);
  if (format === 'tiff') return tiffInfo(b);
  throw new Error('not a PNG, JPEG or TIFF image');
}

export interface ExtractImageOptions extends OcrPagesOptions {
  /** a shared OCR pool; without one a one-worker pool is made for this image and closed after */
  engine?: OcrEngine;
}

/**
 * OCR of one scanned page image. Positions are in points: from the file's own resolution, or, when it
 * gives none, as if the image were an A4-wide page. Multi-page TIFFs: only the first page is read.
 */
export async function extractImage(
  file: string,
  data: Uint8Array,
  opts: ExtractImageOptions = {},
): Promise<{ pages: ExtractedPage[]; warnings: Message[] }> {
  let info: ImageInfo;
  try {
    info = imageInfo(data);
  } catch (e) {
    throw new PlanError('bad-image', `unreadable image: ${e instanceof Error ? e.message : String(e)}`, { file });
  }
  const ptPerPx = info.dpi ? 72 / info.dpi : A4_WIDTH_PT / info.widthPx;
  const geometry = { widthPx: info.widthPx, heightPx: info.heightPx, widthPt: info.widthPx * ptPerPx, heightPt: info.heightPx * ptPerPx };
  const engine = opts.engine ?? createOcrEngine({ workers: 1 });
  try {
    const result = await engine.recognize(data, 1, info.dpi ? undefined : Math.round(info.widthPx / (A4_WIDTH_PT / 72)));
    if (result.error !== null && /read image/i.test(result.error)) {
      throw new PlanError('bad-image', `the OCR engine could not read this ${info.format.toUpperCase()} image (${result.error})`, { file, page: 1 });
    }
    const { page, warnings } = pageFromOcr(1, result, geometry, opts);
    if (!info.dpi) {
      warnings.unshift({
        stage: opts.stage ?? 'extract',
        rule: 'image-without-resolution',
        message: `${file}: the image gives no resolution; positions assume an A4-wide page`,
        page: 1,
        line: null,
      });
    }
    return { pages: [page], warnings };
  } finally {
    if (!opts.engine) await engine.terminate();
  }
}
