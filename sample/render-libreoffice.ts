// Renders a sample plan with a third PDF producer, the way Word/LibreOffice archives are made: a Flat
// ODT (one XML file, written here) with real paragraph styles (Rubrik 1–5, Brödtext, Innehåll 1–2), a
// first page with a letterhead in its header, a page style whose header holds the district and Dnr and
// whose footer holds `Sida N av M` as page-number/page-count fields, a table of contents whose page
// numbers are bookmark references, and bordered tables whose header row repeats on a page break and
// whose rows may break across pages. LibreOffice (`soffice --headless --convert-to pdf`) lays it out.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import {
  ACTIVITY_HEADER,
  BUDGET_HEADER,
  INDICATOR_HEADER,
  boardGoalLabel,
  directionLabel,
  districtLine,
  formatAmount,
  kfGoalLabel,
  planTitle,
  tocEntries,
  unitGoalLabel,
} from './format.js';
import { budgetTotals, type Activity, type Budget, type Indicator, type Plan, type Section } from './model.js';

const run = promisify(execFile);

const NS = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  meta: 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0',
  dc: 'http://purl.org/dc/elements/1.1/',
  xlink: 'http://www.w3.org/1999/xlink',
};

/** A4 with Word's 2.5 cm side margins; the text block is 16 cm wide */
const BODY_CM = 16;
/** fonts of fonts-urw-base35 (a dependency of ghostscript): Times- and Arial-compatible, the look of a Word export */
const SERIF = 'Nimbus Roman';
const SANS = 'Nimbus Sans';

/** characters XML 1.0 cannot hold (C0 controls but tab, line feed, carriage return; U+FFFE, U+FFFF) left out */
const xmlChars = (s: string) =>
  [...s]
    .filter((c) => {
      const n = c.codePointAt(0)!;
      return n === 9 || n === 10 || n === 13 || (n >= 32 && n !== 0xfffe && n !== 0xffff);
    })
    .join('');

const attr = (s: string) => xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** element text: XML-escaped; tabs, line breaks and runs of spaces as ODF elements (ODF collapses white space) */
function txt(s: string): string {
  return attr(s)
    .replace(/\t/g, '<text:tab/>')
    .replace(/\n/g, '<text:line-break/>')
    .replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`);
}

const p = (style: string, content: string) => `<text:p text:style-name="${style}">${content}</text:p>`;
const h = (style: string, level: number, content: string) => `<text:h text:style-name="${style}" text:outline-level="${level}">${content}</text:h>`;
const bookmark = (id: string) => `<text:bookmark text:name="${attr(id)}"/>`;

function paragraph(s: string): string {
  if (s.startsWith('• ')) return p('Punktrubrik', txt(s));
  if (s.startsWith('- ')) return p('Listpunkt', txt(s));
  return p('Text_20_body', txt(s));
}

const sections = (list: Section[]): string[] => list.flatMap((s) => [h('Heading_20_5', 5, txt(s.heading)), ...s.paragraphs.map(paragraph)]);

let tableCount = 0;

/** A bordered table; `widths` in cm; the header row is a table-header-rows row (repeated on each page). */
function table(kind: string, widths: number[], header: readonly string[], rows: string[][], right: number[] = []): string {
  const name = `${kind}${++tableCount}`;
  const cell = (content: string, style: string) =>
    `<table:table-cell table:style-name="Cell" office:value-type="string">${p(style, content)}</table:table-cell>`;
  const headStyle = (i: number) => (right.includes(i) ? 'Tabellrubrik_20_hoger' : 'Table_20_Heading');
  const bodyStyle = (i: number) => (right.includes(i) ? 'Tabelltext_20_hoger' : 'Table_20_Contents');
  return [
    `<table:table table:name="${name}" table:style-name="${kind}">`,
    ...widths.map((_, i) => `<table:table-column table:style-name="${kind}.${String.fromCharCode(65 + i)}"/>`),
    `<table:table-header-rows><table:table-row table:style-name="Rad">${header.map((x, i) => cell(txt(x), headStyle(i))).join('')}</table:table-row></table:table-header-rows>`,
    ...rows.map((r) => `<table:table-row table:style-name="Rad">${r.map((c, i) => cell(c, bodyStyle(i))).join('')}</table:table-row>`),
    '</table:table>',
  ].join('\n');
}

/** column widths of the three kinds of table (cm); their sums are the table widths of tableStyles */
const WIDTHS = { Indikatorer: [8.4, 2.4, 2.8, 2.4], Aktiviteter: [10, 3, 3], Budget: [9, 3] } as const;

function indicatorTable(rows: Indicator[]): string {
  return table(
    'Indikatorer',
    [...WIDTHS.Indikatorer],
    INDICATOR_HEADER,
    rows.map((r) => [r.name, r.unitTarget, r.kfTarget, r.periodicity].map(txt)),
  );
}

function activityTable(rows: Activity[]): string {
  return table(
    'Aktiviteter',
    [...WIDTHS.Aktiviteter],
    ACTIVITY_HEADER,
    rows.map((r) => [r.text, r.start, r.end].map(txt)),
  );
}

function budgetTable(b: Budget): string {
  const t = budgetTotals(b);
  const line = (l: string, n: number, bold = false) => {
    const span = (s: string) => (bold ? `<text:span text:style-name="Fet">${txt(s)}</text:span>` : txt(s));
    return [span(l), span(formatAmount(n))];
  };
  const group = (l: string) => [`<text:span text:style-name="Kursiv">${txt(l)}</text:span>`, ''];
  const rows = [
    group('Intäkter'),
    ...b.income.map((l) => line(l.label, l.amount)),
    line('Summa intäkter', t.income, true),
    group('Kostnader'),
    ...b.costs.map((l) => line(l.label, l.amount)),
    line('Summa kostnader', t.costs, true),
    line('Summa netto', t.net, true),
  ];
  return table('Budget', [...WIDTHS.Budget], BUDGET_HEADER, rows, [1]);
}

function tableStyles(): string {
  return Object.entries(WIDTHS)
    .map(([kind, w]) => {
      const total = w.reduce((s, x) => s + x, 0);
      const cols = w.map(
        (x, i) =>
          `<style:style style:name="${kind}.${String.fromCharCode(65 + i)}" style:family="table-column"><style:table-column-properties style:column-width="${x}cm"/></style:style>`,
      );
      return [
        `<style:style style:name="${kind}" style:family="table"><style:table-properties style:width="${total}cm" table:align="left" fo:margin-top="0.1cm" fo:margin-bottom="0.35cm"/></style:style>`,
        ...cols,
      ].join('\n');
    })
    .join('\n');
}

const STYLES = `<office:font-face-decls>
<style:font-face style:name="${SERIF}" svg:font-family="'${SERIF}'" style:font-family-generic="roman" style:font-pitch="variable"/>
<style:font-face style:name="${SANS}" svg:font-family="'${SANS}'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/><style:text-properties style:font-name="${SERIF}" fo:font-size="11pt" fo:language="sv" fo:country="SE" fo:hyphenate="false"/></style:default-style>
<style:default-style style:family="table-row"><style:table-row-properties fo:keep-together="auto"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.21cm" fo:line-height="115%" fo:text-align="justify" style:justify-single-word="false" fo:orphans="2" fo:widows="2"/></style:style>
<style:style style:name="Punktrubrik" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:margin-top="0.14cm" fo:margin-bottom="0.07cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Listpunkt" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:margin-left="0.6cm" fo:text-indent="-0.3cm" fo:margin-bottom="0.07cm" fo:text-align="start"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always" fo:text-align="start"/><style:text-properties style:font-name="${SANS}" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"><style:paragraph-properties fo:margin-top="0.6cm"/><style:text-properties fo:font-size="15pt"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"><style:paragraph-properties fo:margin-top="0.5cm"/><style:text-properties fo:font-size="13pt"/></style:style>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text"><style:text-properties fo:font-size="12pt"/></style:style>
<style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="4" style:class="text"><style:text-properties fo:font-size="11.5pt"/></style:style>
<style:style style:name="Heading_20_5" style:display-name="Heading 5" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="5" style:class="text"><style:paragraph-properties fo:margin-top="0.28cm" fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="11pt" fo:font-style="italic"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Subtitle" style:class="chapter"><style:paragraph-properties fo:margin-top="5cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="24pt"/></style:style>
<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:paragraph-properties fo:margin-bottom="2cm"/><style:text-properties style:font-name="${SANS}" fo:font-size="16pt"/></style:style>
<style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Heading" style:class="index"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="15pt"/></style:style>
<style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph" style:parent-style-name="Standard" style:class="index"><style:paragraph-properties fo:margin-top="0.15cm" fo:margin-bottom="0.1cm"><style:tab-stops><style:tab-stop style:position="${BODY_CM}cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Contents_20_2" style:display-name="Contents 2" style:family="paragraph" style:parent-style-name="Standard" style:class="index"><style:paragraph-properties fo:margin-left="0.5cm" fo:margin-right="0cm" fo:text-indent="0cm" fo:margin-bottom="0.1cm"><style:tab-stops><style:tab-stop style:position="${BODY_CM - 0.5}cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="10pt"/></style:style>
<style:style style:name="Tabelltext_20_hoger" style:display-name="Tabelltext höger" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties style:font-name="${SANS}" fo:font-size="9.5pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Tabellrubrik_20_hoger" style:display-name="Tabellrubrik höger" style:family="paragraph" style:parent-style-name="Table_20_Heading" style:class="extra"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="${BODY_CM}cm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties style:font-name="${SANS}" fo:font-size="9pt"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="${SANS}" fo:font-size="9pt"/></style:style>
<style:style style:name="Fet" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Kursiv" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
</office:styles>`;

const AUTOMATIC = `<style:page-layout style:name="Sidlayout">
<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
<style:header-style><style:header-footer-properties fo:min-height="1cm" fo:margin-bottom="0.8cm" fo:padding-bottom="0.1cm" fo:border-bottom="0.5pt solid #000000"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.6cm"/></style:footer-style>
</style:page-layout>
<style:page-layout style:name="Forsta_sidlayout">
<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
<style:header-style><style:header-footer-properties fo:min-height="2cm" fo:margin-bottom="0.8cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.6cm"/></style:footer-style>
</style:page-layout>
<style:style style:name="Forsta" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Forsta_20_sida"/>
<style:style style:name="Ny_20_sida" style:family="paragraph" style:parent-style-name="Contents_20_Heading"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="Rubrik_20_ny_20_sida" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page" fo:margin-top="0cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000" style:vertical-align="top"/></style:style>
<style:style style:name="Rad" style:family="table-row"><style:table-row-properties fo:keep-together="auto"/></style:style>
${tableStyles()}`;

function masterStyles(pl: Plan): string {
  const footer = `<style:footer>${p('Footer', 'Sida <text:page-number text:select-page="current">1</text:page-number> av <text:page-count>1</text:page-count>')}</style:footer>`;
  const letterhead = [
    p('Header', `${txt(districtLine(pl))}<text:tab/>Tjänsteutlåtande`),
    p('Header', `${txt(pl.unit)}<text:tab/>${txt(`Dnr: ${pl.dnr}`)}`),
    p('Header', `<text:tab/>${txt(pl.date)}`),
  ].join('');
  return `<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="Sidlayout"><style:header>${p('Header', `${txt(districtLine(pl))}<text:tab/>${txt(`Dnr: ${pl.dnr}`)}`)}</style:header>${footer}</style:master-page>
<style:master-page style:name="Forsta_20_sida" style:display-name="Första sida" style:page-layout-name="Forsta_sidlayout" style:next-style-name="Standard"><style:header>${letterhead}</style:header>${footer}</style:master-page>
</office:master-styles>`;
}

/** the table of contents: its page numbers are fields (bookmark references) that LibreOffice fills in at layout */
function contents(pl: Plan): string[] {
  const entries = tocEntries(pl).map((e) =>
    p(
      e.level === 0 ? 'Contents_20_1' : 'Contents_20_2',
      `${txt(e.text)}<text:tab/><text:bookmark-ref text:reference-format="page" text:ref-name="${attr(e.id)}">00</text:bookmark-ref>`,
    ),
  );
  return [
    '<text:table-of-content text:name="Innehållsförteckning" text:protected="true">',
    '<text:table-of-content-source text:outline-level="2" text:use-index-marks="false"><text:index-title-template text:style-name="Contents_20_Heading">Innehållsförteckning</text:index-title-template></text:table-of-content-source>',
    '<text:index-body>',
    `<text:index-title text:name="Innehållsförteckning_Head">${p('Ny_20_sida', 'Innehållsförteckning')}</text:index-title>`,
    ...entries,
    '</text:index-body>',
    '</text:table-of-content>',
  ];
}

function body(pl: Plan): string {
  const out: string[] = [
    p('Forsta', ''),
    p('Title', txt(planTitle(pl))),
    p('Subtitle', txt(pl.unit)),
    p('Standard', txt(`Handläggare: ${pl.author}`)),
    p('Standard', txt(`Till: ${pl.district} stadsdelsnämnd`)),
    ...contents(pl),
    h('Rubrik_20_ny_20_sida', 1, `${bookmark('inledning')}Inledning`),
  ];
  for (const b of pl.intro) {
    if (b.heading) out.push(h('Heading_20_5', 5, txt(b.heading)));
    out.push(...b.paragraphs.map(paragraph));
  }
  for (const d of pl.directions) {
    out.push(h('Heading_20_1', 1, `${bookmark(`dir-${d.number}`)}${txt(directionLabel(d))}`));
    for (const g of d.goals) {
      out.push(h('Heading_20_2', 2, `${bookmark(`kf-${g.number}`)}${txt(kfGoalLabel(g))}`));
      if (g.indicators.length) out.push(indicatorTable(g.indicators));
      for (const b of g.boardGoals) {
        out.push(h('Heading_20_3', 3, txt(boardGoalLabel(b.title))), ...sections(b.sections));
        if (b.activities.length) out.push(activityTable(b.activities));
        for (const u of b.unitGoals) out.push(h('Heading_20_4', 4, txt(unitGoalLabel(u.title))), ...sections(u.sections));
      }
    }
  }
  out.push(h('Heading_20_1', 1, `${bookmark('ekonomi')}Redovisning av ekonomi`));
  out.push(h('Heading_20_2', 2, `${bookmark('resurser')}Resursanvändning`));
  out.push(...pl.resources.map(paragraph));
  if (pl.budget) {
    out.push(h('Heading_20_2', 2, `${bookmark('budget')}${txt(`Budget ${pl.year}`)}`));
    out.push(budgetTable(pl.budget));
  }
  return out.join('\n');
}

/** the Flat ODT of a plan */
function fodtSource(pl: Plan): string {
  tableCount = 0;
  const xmlns = Object.entries(NS)
    .map(([k, v]) => `xmlns:${k}="${v}"`)
    .join(' ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${xmlns} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>${txt(`${planTitle(pl)} ${pl.unit}`)}</dc:title><meta:initial-creator>${txt(pl.author)}</meta:initial-creator><dc:language>sv-SE</dc:language></office:meta>
${STYLES}
<office:automatic-styles>
${AUTOMATIC}
</office:automatic-styles>
${masterStyles(pl)}
<office:body><office:text>
${body(pl)}
</office:text></office:body>
</office:document>
`;
}

/** The export's time stamp, file id and checksum, replaced byte for byte (the xref offsets stay) so that a plan renders to the same bytes every time. */
function deterministic(pdf: Buffer, seed: string): Buffer {
  const id = createHash('md5').update(seed).digest('hex').toUpperCase();
  const out = pdf
    .toString('latin1')
    .replace(/\/(CreationDate|ModDate)\(D:\d{14}/g, (_, key: string) => `/${key}(D:20000101000000`)
    .replace(/(\/ID\s*\[\s*<)[0-9A-F]{32}(>\s*<)[0-9A-F]{32}>/g, (_, a: string, b: string) => `${a}${id}${b}${id}>`)
    .replace(/\/DocChecksum \/[0-9A-F]{32}/, `/DocChecksum /${id}`);
  return Buffer.from(out, 'latin1');
}

interface Job {
  fodt: string;
  resolve: (b: Buffer) => void;
  reject: (e: unknown) => void;
}

/** documents waiting for the next soffice run */
let pending: Job[] = [];
/** a run is queued that has not taken its batch yet */
let queued = false;
/** one soffice at a time: the runs of this process follow one another */
let chain: Promise<void> = Promise.resolve();

const SOFFICE = 'soffice';

/** One soffice run for a batch of documents, with a profile of its own (two instances cannot share one). */
async function convert(batch: Job[]): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plans-libreoffice-'));
  try {
    const files = batch.map((_, i) => path.join(dir, `plan-${i}.fodt`));
    await Promise.all(batch.map((j, i) => writeFile(files[i], j.fodt, 'utf8')));
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    try {
      await run(
        SOFFICE,
        [
          '--headless',
          '--norestore',
          '--nolockcheck',
          `-env:UserInstallation=${profile}`,
          '--convert-to',
          'pdf',
          '--outdir',
          path.join(dir, 'pdf'),
          ...files,
        ],
        { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      );
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(`${SOFFICE} (LibreOffice) is not installed: apt-get install --no-install-recommends libreoffice-writer-nogui`);
      }
      throw e;
    }
    await Promise.all(
      batch.map(async (j, i) => {
        const pdf = path.join(dir, 'pdf', `plan-${i}.pdf`);
        try {
          j.resolve(deterministic(await readFile(pdf), j.fodt));
        } catch (e) {
          j.reject(new Error(`LibreOffice wrote no PDF for a plan (${(e as Error).message})`));
        }
      }),
    );
  } catch (e) {
    for (const j of batch) j.reject(e);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Queues a run that takes every document waiting when it starts: the calls of one tick, and all that
 * arrive while an earlier run converts. */
function schedule(): void {
  if (queued) return;
  queued = true;
  chain = chain.then(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    queued = false;
    const batch = pending;
    pending = [];
    await convert(batch).catch((e: unknown) => {
      for (const j of batch) j.reject(e);
    });
  });
}

/**
 * Flat ODT → PDF by LibreOffice. soffice takes seconds to start, so concurrent calls (a `Promise.all`
 * over the plans) share one soffice run.
 */
export function renderLibreOffice(pl: Plan): Promise<Buffer> {
  const fodt = fodtSource(pl);
  return new Promise((resolve, reject) => {
    pending.push({ fodt, resolve, reject });
    schedule();
  });
}
