// Test PDFs made on the fly with pdfmake 0.3 (server-side API, bundled Roboto fonts): Swedish prose,
// an indicator table laid out like the real plans, a table that breaks over a page, an encrypted PDF
// and a PDF with vector graphics only (no text layer). All text is written for these tests.
import { PLAN_TABLE_LAYOUT, pdfmakeReady } from '../../sample/pdfmake-setup.js';

type Node = Record<string, unknown> | string;

/** Renders a pdfmake document definition (A4, Roboto 10 pt unless the definition says otherwise). */
export async function makePdf(doc: Record<string, unknown>): Promise<Uint8Array> {
  const pdfmake = pdfmakeReady();
  const def = {
    pageSize: 'A4',
    pageMargins: [62, 60, 62, 60],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    info: { title: 'test', creator: 'plans tests', producer: 'plans tests' },
    ...doc,
  };
  const buf = await pdfmake.createPdf(def).getBuffer();
  return new Uint8Array(buf);
}

export const PARAGRAPHS = [
  'Förskolan Lönnen på Åsvägen har fyra avdelningar och ungefär sjuttio barn. Under våren har pedagogerna arbetat med språkutveckling genom högläsning, sång och samtal i små grupper.',
  'Barnens delaktighet ökar när de själva får välja böcker och berätta om dem för varandra. Vårdnadshavarna bjuds in till öppna dagar två gånger per termin.',
  'Målet är att alla barn ska känna sig trygga, få äta en näringsrik måltid och röra sig utomhus varje dag, även när det regnar eller snöar.',
];

export const INDICATOR_HEADER = ['Indikator', 'Årsmål', 'KF:s årsmål', 'Periodicitet'];

/** A row of the indicator table: name, unit target, KF target, periodicity (empty string = empty cell). */
export type IndicatorRow = [string, string, string, string];

export const INDICATOR_ROWS: IndicatorRow[] = [
  ['Andel nöjda vårdnadshavare', '85 %', '80 %', 'År'],
  ['Antal barn per årsarbetare', '', '5,2', 'Tertial'],
  [
    'Andel förskollärare med legitimation som arbetar i barngrupp under hela dagen och deltar i det systematiska kvalitetsarbetet',
    '40 %',
    '42 %',
    'År',
  ],
  ['Sjukfrånvaro bland medarbetarna', 'Minska', 'Minska', 'Tertial'],
];

export function indicatorTable(rows: IndicatorRow[], opts: { dontBreakRows?: boolean } = {}): Node {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: opts.dontBreakRows ?? true,
      widths: ['*', 60, 90, 70],
      // pdfmake rewrites the body in place: give it copies so the row constants stay strings
      body: [INDICATOR_HEADER.map((h) => ({ text: h, bold: true })), ...rows.map((r) => [...r])],
    },
    layout: PLAN_TABLE_LAYOUT,
    margin: [0, 4, 0, 10],
  };
}

/** One page of Swedish prose with a heading. */
export function paragraphsPdf(): Promise<Uint8Array> {
  return makePdf({
    content: [
      { text: 'Verksamhetsplan för förskolan Lönnen', bold: true, fontSize: 14, margin: [0, 0, 0, 8] },
      ...PARAGRAPHS.map((p) => ({ text: p, margin: [0, 0, 0, 6] })),
    ],
  });
}

/** An intro paragraph and the indicator table. */
export function indicatorTablePdf(rows: IndicatorRow[] = INDICATOR_ROWS): Promise<Uint8Array> {
  return makePdf({
    content: [{ text: 'Indikatorer för nämndmålet', bold: true, fontSize: 12, margin: [0, 0, 0, 6] }, indicatorTable(rows)],
  });
}

/** Numbered indicator rows, enough to fill more than a page when n ≳ 45. */
export function manyRows(n: number): IndicatorRow[] {
  return Array.from(
    { length: n },
    (_, i): IndicatorRow => [`Indikator nummer ${i + 1} för uppföljning`, `${50 + (i % 40)} %`, `${60 + (i % 30)} %`, i % 2 ? 'Tertial' : 'År'],
  );
}

/** A table that starts low on page 1 and continues (header repeated) on page 2. */
export function splitTablePdf(rows = 30): Promise<Uint8Array> {
  return makePdf({
    content: [
      ...PARAGRAPHS.concat(PARAGRAPHS, PARAGRAPHS).map((p) => ({ text: p, margin: [0, 0, 0, 6] })),
      { text: 'Indikatorer', bold: true, fontSize: 12, margin: [0, 0, 0, 6] },
      indicatorTable(manyRows(rows)),
    ],
  });
}

/** A PDF that opens only with a password. */
export function encryptedPdf(): Promise<Uint8Array> {
  return makePdf({
    userPassword: 'hemligt',
    ownerPassword: 'ännu-hemligare',
    permissions: { printing: 'highResolution' },
    content: [{ text: PARAGRAPHS[0] }],
  });
}

/** Vector shapes only, no text anywhere: what a scan without OCR looks like to the text layer. */
export function vectorOnlyPdf(pages = 2): Promise<Uint8Array> {
  const shapes = (i: number): Node => ({
    canvas: [
      { type: 'rect', x: 0, y: 0, w: 300, h: 120, color: '#dddddd' },
      { type: 'line', x1: 0, y1: 140, x2: 400, y2: 140 + 10 * i, lineWidth: 2 },
      { type: 'ellipse', x: 200, y: 260, r1: 80, r2: 40, color: '#888888' },
    ],
    pageBreak: i < pages - 1 ? 'after' : undefined,
  });
  return makePdf({ content: Array.from({ length: pages }, (_, i) => shapes(i)) });
}

/** Page 1 has text, page 2 only shapes: a partly scanned document. */
export function mixedPdf(): Promise<Uint8Array> {
  return makePdf({
    content: [{ text: PARAGRAPHS[0], pageBreak: 'after' }, { canvas: [{ type: 'rect', x: 0, y: 0, w: 300, h: 120, color: '#dddddd' }] }],
  });
}
