// The measuring stick of the layout stage: each sample plan rendered in several layouts by several PDF
// producers, all with the same ground truth (the Plan object; see truth.ts). `pdfmake` is the corpus
// layout itself (sample/render-pdf.ts); the others are laid out the ways real archives are: groff and
// Ghostscript (sample/render-groff.ts), LibreOffice from a Flat ODT (sample/render-libreoffice.ts).
import type { Plan } from '../model.js';
import { type GroffLayout, renderGroff } from '../render-groff.js';
import { renderLibreOffice } from '../render-libreoffice.js';
import { renderPdf } from '../render-pdf.js';
import { renderPdfmakeLandscape } from './pdfmake-landscape.js';

export interface Layout {
  name: string;
  producer: 'pdfmake' | 'groff+ghostscript' | 'libreoffice';
  /** what the layout puts in the reader's way */
  hazards: string;
  render(p: Plan): Promise<Buffer>;
}

const A4 = { width: 595.28, height: 841.89 };

/** A4, two justified columns with Swedish hyphenation, `Sida N av M` at the bottom */
export const TWO_COLUMN: GroffLayout = {
  ...A4,
  margin: 56,
  columns: 2,
  gutter: 20,
  fontSize: 9,
  headingSize: 11,
  titleSize: 20,
  tableSize: 8,
  justify: true,
  hyphenate: true,
  furniture: 'sida',
  narrowHeader: true,
};

/** A5-narrow pages: headings, unit name and header cells wrap; running title with unit and year */
export const NARROW: GroffLayout = {
  width: 340,
  height: 595.28,
  margin: 36,
  columns: 1,
  gutter: 0,
  fontSize: 9.5,
  headingSize: 13,
  titleSize: 28,
  tableSize: 8.5,
  justify: false,
  hyphenate: true,
  furniture: 'title',
  narrowHeader: true,
};

export const LAYOUTS: Layout[] = [
  { name: 'pdfmake', producer: 'pdfmake', hazards: 'the corpus layout: TOC, ruled tables, Sid N (M)', render: renderPdf },
  {
    name: 'groff-2col',
    producer: 'groff+ghostscript',
    hazards: 'two justified columns, hyphenation, Sida N av M, wrapped header cells',
    render: (p) => renderGroff(p, TWO_COLUMN),
  },
  {
    name: 'groff-narrow',
    producer: 'groff+ghostscript',
    hazards: 'narrow page: wrapped headings, unit name, header cells; running title; page numbers alternating',
    render: (p) => renderGroff(p, NARROW),
  },
  {
    name: 'pdfmake-landscape',
    producer: 'pdfmake',
    hazards: 'tables on landscape pages, unruled, cells vertically centred; page number top, alternating',
    render: renderPdfmakeLandscape,
  },
  {
    name: 'libreoffice',
    producer: 'libreoffice',
    hazards:
      'Word-like export: letterhead in the first-page header, justified serif text, TOC page numbers as fields, bordered tables with narrow cell padding, header rows repeated, rows split over pages, Sida N av M',
    render: renderLibreOffice,
  },
];
