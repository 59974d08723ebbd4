// A scanned PDF, made inside a test: Swedish text + a small table → text PDF (pdfmake, Roboto) →
// 300 dpi page images (pdf-parse getScreenshot) → scan noise (slight rotation, grey paper, speckles;
// @napi-rs/canvas) → an image-only PDF (pdfmake `image`, one page-sized image per page, no text layer).
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { pdfmakeReady } from '../sample/pdfmake-setup.js';
import { renderPages } from '../extractors/ocr/render.js';
import { addScanNoise, imagesToPdf, type ScanNoise } from '../sample/scan.js';

export { addScanNoise, imagesToPdf, type ScanNoise } from '../sample/scan.js';

/** Swedish prose written for these tests (own text, not from any plan). */
export const SCAN_PARAGRAPHS: string[][] = [
  [
    'Vårdcentralen i Östra Hagby öppnade för tjugo år sedan och har i dag nästan åtta tusen listade patienter. Väntetiden till läkare har minskat under året, men många ringer fortfarande när telefonlinjerna öppnar klockan åtta.',
    'Sköterskorna tar emot besök för blodtryck, såromläggning och vaccinationer. Under hösten erbjuds influensavaccin till alla som är över sextiofem år, och kön är ofta lång på måndagar.',
    'Kommunen och regionen samarbetar om en mobil hälsobuss som kör till byarna i norr. Bussen stannar vid skolor, affärer och bygdegårdar, och personalen möter där människor som annars har långt till närmaste mottagning.',
    'Följande tabell visar antalet besök per mottagning under de två senaste åren.',
  ],
  [
    'Äldreboendet Solgläntan har fyrtiotvå lägenheter fördelade på tre våningar. De boende äter lunch tillsammans i matsalen, och på eftermiddagen serveras kaffe med nybakade kakor på terrassen när vädret tillåter.',
    'Personalen har under året gått en utbildning i att förebygga fall. Mattor har tagits bort, belysningen i korridorerna har förbättrats och alla får hjälp att träna balans två gånger i veckan.',
    'Anhöriga är välkomna när som helst på dagen. Varje månad ordnas en träff där de kan ställa frågor till sjuksköterskan och enhetschefen, och många uppskattar att få höra hur vardagen ser ut.',
  ],
];

/** Four more pages of own Swedish prose, for the OCR benchmark (six pages with SCAN_PARAGRAPHS). */
export const BENCH_PARAGRAPHS: string[][] = [
  [
    'Gatukontoret ansvarar för drygt trehundra kilometer gator, gång- och cykelvägar. Under vintern plogas de viktigaste stråken först, och bussgator, skolvägar och backar prioriteras när snön faller tätt.',
    'Sandning och saltning görs efter en fast ordning. Boende kan anmäla hål i vägen, trasiga gatlampor och nedfallna träd via kommunens webbplats eller genom att ringa kontaktcenter, som har öppet vardagar mellan klockan åtta och sjutton.',
    'Nästa år byts belysningen längs Storgatan och Hamnvägen ut mot lampor med lägre energiförbrukning. Arbetet påbörjas efter påsk och väntas pågå till mitten av oktober, och trafiken leds om i etapper.',
  ],
  [
    'Kulturskolan erbjuder kurser i sång, piano, gitarr, dans, teater och bild för barn och unga mellan sex och nitton år. Undervisningen sker efter skoltid, både enskilt och i grupp, och avgiften är densamma i hela kommunen.',
    'Intresset för stråkinstrument har ökat, och kön till fiol och cello är längre än någonsin. Skolan försöker därför anställa ytterligare en lärare och låna ut fler instrument till elever vars familjer inte har råd att köpa egna.',
    'Varje vår hålls en stor konsert i stadshuset där alla grupper medverkar. Föreställningen är gratis, och biljetterna brukar ta slut på några timmar. I år uppträder även en kör från vänorten i Finland.',
  ],
  [
    'Räddningstjänsten har stationer i tre orter och ett värn med deltidsbrandmän i skärgården. Under sommaren ökar antalet larm om bränder i skog och mark, särskilt när det har varit torrt under flera veckor.',
    'Eldningsförbud meddelas på kommunens webbplats, i lokalradion och i en app som allt fler laddar ner. Den som grillar ska alltid ha vatten nära till hands och aldrig lämna elden utan uppsikt, inte ens för en kort stund.',
    'I skolorna besöker brandmän elever i årskurs två och åtta för att prata om brandvarnare, utrymningsvägar och vad man gör vid en olycka. Många barn berättar efteråt att de har testat brandvarnaren hemma tillsammans med sina föräldrar.',
  ],
  [
    'Överförmyndarnämnden granskar hur gode män och förvaltare sköter uppdragen åt personer som inte själva kan bevaka sina intressen. Varje år lämnas en redovisning som visar inkomster, utgifter och tillgångar.',
    'Antalet ärenden har ökat under de senaste fem åren, främst bland äldre med demenssjukdom. Nämnden söker därför fler personer som vill bli gode män och ordnar informationsträffar på biblioteken i början av varje termin.',
    'Den som får ett uppdrag erbjuds en grundutbildning och kan ringa handläggarna med frågor. Arvodet bestäms efter hur omfattande uppdraget är, och det betalas av huvudmannen om denne har tillräckliga inkomster.',
  ],
];

export const SCAN_TABLE: string[][] = [
  ['Mottagning', 'Besök 2023', 'Besök 2024'],
  ['Läkare', '12 480', '13 115'],
  ['Sjuksköterska', '9 872', '10 204'],
  ['Hälsobussen', '1 035', '1 412'],
];

/** The text of page `i` (0-based) in reading order, for CER against OCR output. */
export function scanReference(i: number, pages: string[][] = SCAN_PARAGRAPHS): string {
  const paras = pages[i];
  const parts = [...paras];
  if (i === 0) parts.push(...SCAN_TABLE.map((r) => r.join(' ')));
  return parts.join('\n');
}

/** Only the prose of page `i` (the table's reading order across cells is layout-dependent). */
export function scanProse(i: number): string {
  return SCAN_PARAGRAPHS[i].join('\n');
}

/** The clean text PDF (one A4 page per paragraph group at 11 pt, Roboto, a table after the first group). */
export async function makeTextPdf(paragraphs: string[][] = SCAN_PARAGRAPHS, table = SCAN_TABLE, fontSize = 11): Promise<Uint8Array> {
  const pdfmake = pdfmakeReady();
  const content: unknown[] = [];
  paragraphs.forEach((paras, i) => {
    paras.forEach((p, j) => {
      const last = j === paras.length - 1;
      content.push({ text: p, margin: [0, 0, 0, 10], ...(i > 0 && j === 0 ? { pageBreak: 'before' } : {}) });
      if (i === 0 && last && table.length) {
        content.push({
          table: {
            headerRows: 1,
            widths: [160, 100, 100],
            body: table.map((r, k) => r.map((c, n) => ({ text: c, bold: k === 0, alignment: n === 0 ? 'left' : 'right' }))),
          },
          layout: 'lightHorizontalLines',
          margin: [0, 6, 0, 0],
        });
      }
    });
  });
  const buf = await pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [62, 60, 62, 60],
      defaultStyle: { font: 'Roboto', fontSize, lineHeight: 1.15 },
      content: content as never,
    })
    .getBuffer();
  return new Uint8Array(buf);
}

export interface ScannedDoc {
  textPdf: Uint8Array;
  scanPdf: Uint8Array;
  /** the noisy page images at `scanDpi` */
  pages: Uint8Array[];
  references: string[];
}

/** Text PDF → page images at `scanDpi` → noise → image-only PDF. */
export async function makeScannedPdf(
  scanDpi = 300,
  noise: ScanNoise = {},
  paragraphs: string[][] = SCAN_PARAGRAPHS,
  fontSize = 11,
): Promise<ScannedDoc> {
  const textPdf = await makeTextPdf(paragraphs, SCAN_TABLE, fontSize);
  const rendered = await renderPages(
    textPdf,
    paragraphs.map((_, i) => i + 1),
    scanDpi,
  );
  const pages: Uint8Array[] = [];
  for (const [i, r] of rendered.entries()) pages.push(await addScanNoise(r.png, { seed: 11 + i, ...noise }));
  const scanPdf = await imagesToPdf(pages);
  return { textPdf, scanPdf, pages, references: paragraphs.map((_, i) => scanReference(i, paragraphs)) };
}

export { cer } from './fixtures-cer.js';

// ---- other image formats -------------------------------------------------------------------------

/** PNG → JPEG (quality 0..100) through @napi-rs/canvas. */
export async function pngToJpeg(png: Uint8Array, quality = 85): Promise<Uint8Array> {
  const img = await loadImage(Buffer.from(png));
  const canvas = createCanvas(img.width, img.height);
  canvas.getContext('2d').drawImage(img, 0, 0);
  return new Uint8Array(await canvas.encode('jpeg', quality));
}

/** PNG → baseline TIFF: uncompressed 8-bit greyscale, one strip, little-endian, with a resolution. */
export async function pngToTiff(png: Uint8Array, dpi = 300): Promise<Uint8Array> {
  const img = await loadImage(Buffer.from(png));
  const w = img.width;
  const h = img.height;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const pixels = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) pixels[i] = Math.round(0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2]);
  const tags: Array<[number, number, number, number]> = []; // tag, type, count, value/offset
  const nTags = 11;
  const ifdOffset = 8;
  const ifdSize = 2 + nTags * 12 + 4;
  const resOffset = ifdOffset + ifdSize; // two RATIONALs
  const dataOffset = resOffset + 16;
  tags.push([256, 4, 1, w]); // ImageWidth
  tags.push([257, 4, 1, h]); // ImageLength
  tags.push([258, 3, 1, 8]); // BitsPerSample
  tags.push([259, 3, 1, 1]); // Compression: none
  tags.push([262, 3, 1, 1]); // Photometric: BlackIsZero
  tags.push([273, 4, 1, dataOffset]); // StripOffsets
  tags.push([277, 3, 1, 1]); // SamplesPerPixel
  tags.push([278, 4, 1, h]); // RowsPerStrip
  tags.push([279, 4, 1, w * h]); // StripByteCounts
  tags.push([282, 5, 1, resOffset]); // XResolution
  tags.push([283, 5, 1, resOffset + 8]); // YResolution
  const buf = Buffer.alloc(dataOffset + w * h);
  buf.write('II', 0, 'latin1');
  buf.writeUInt16LE(42, 2);
  buf.writeUInt32LE(ifdOffset, 4);
  buf.writeUInt16LE(nTags, ifdOffset);
  tags.forEach(([tag, type, count, value], i) => {
    const o = ifdOffset + 2 + i * 12;
    buf.writeUInt16LE(tag, o);
    buf.writeUInt16LE(type, o + 2);
    buf.writeUInt32LE(count, o + 4);
    if (type === 3) buf.writeUInt16LE(value, o + 8);
    else buf.writeUInt32LE(value, o + 8);
  });
  buf.writeUInt32LE(0, ifdOffset + 2 + nTags * 12); // no next IFD
  buf.writeUInt32LE(dpi, resOffset);
  buf.writeUInt32LE(1, resOffset + 4);
  buf.writeUInt32LE(dpi, resOffset + 8);
  buf.writeUInt32LE(1, resOffset + 12);
  // ResolutionUnit defaults to inch (2)
  Buffer.from(pixels.buffer).copy(buf, dataOffset);
  return new Uint8Array(buf);
}
