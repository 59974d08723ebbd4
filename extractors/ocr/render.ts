// PDF page → PNG for OCR, through pdf-parse's getScreenshot (pdf.js + @napi-rs/canvas).
import { PDFParse } from 'pdf-parse';

/** Render resolution for OCR; see the dpi measurement in ocr-bench / the OCR report. */
export const DEFAULT_OCR_DPI = 200;

export interface RenderedPage {
  num: number;
  png: Uint8Array;
  /** pixels */
  widthPx: number;
  heightPx: number;
  /** PDF points */
  widthPt: number;
  heightPt: number;
  dpi: number;
}

/**
 * Renders the given 1-based pages at `dpi` (scale = dpi / 72), one page at a time so only one page
 * bitmap is alive. `onPage` gets each page as soon as it is rendered (so OCR can start before the
 * last page is drawn); the pages are also returned unless `keep` is false.
 */
export async function renderPages(
  data: Uint8Array,
  pageNums: number[],
  dpi = DEFAULT_OCR_DPI,
  onPage?: (p: RenderedPage) => void | Promise<void>,
  keep = true,
): Promise<RenderedPage[]> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy
  const parser = new PDFParse({ data: new Uint8Array(data), verbosity: 0 });
  const out: RenderedPage[] = [];
  const scale = dpi / 72;
  try {
    for (const num of pageNums) {
      const shot = await parser.getScreenshot({ partial: [num], scale, imageBuffer: true, imageDataUrl: false });
      const s = shot.pages[0];
      if (!s) throw new Error(`page ${num} could not be rendered`);
      const page: RenderedPage = {
        num,
        png: s.data,
        widthPx: s.width,
        heightPx: s.height,
        widthPt: s.width / scale,
        heightPt: s.height / scale,
        dpi,
      };
      if (onPage) await onPage(page);
      if (keep) out.push(page);
    }
  } finally {
    await parser.destroy();
  }
  return out;
}
