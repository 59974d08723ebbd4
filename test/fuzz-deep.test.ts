// Fuzzing ("Safe by default"): damaged seed and sample plans and junk PDFs, read from disk the whole way
// (extract → lines → repair → clean → parse). Whatever the damage, reading a file must end in a document
// inside the model or in a registered PlanError (`not-a-plan`, or an extract-stage refusal), and soon.
// The seeds are read by path from ../shared/seeds; fast-check runs with fixed seeds, so failures reproduce.
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../extractors/index.js';
import { type Extraction, PlanDocument, PlanError } from '../model/document.js';
import { RULE_IDS, RULES } from '../model/rules.js';
import { createRepairContext, type RepairContext } from '../normalizers/repair/index.js';
import { readPlan } from '../pipeline/run.js';
import { PLANS, renderMarkdown, renderText, toMojibake } from '../sample/generate.js';
import { indicatorTablePdf } from './helpers/make-pdf.js';
import { haveSeeds, seedPath } from './helpers/seeds.js';

/** One run (one file read) may take this long; a slower run is a failure like a crash. */
const RUN_MS = 5_000;
// FUZZ_SCALE=10 runs ten times as many cases (and FUZZ_SEED another sequence) for a deeper look
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const TEST_MS = 30_000 * SCALE;
const runs = (n: number, seed: number) => ({ numRuns: n * SCALE, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) + seed : seed });

let ctx: RepairContext;
let dir: string;
/** per kind of input: the slowest run and how the runs ended (printed with FUZZ_STATS=1) */
const stats: Record<string, { slowestMs: number; ends: Record<string, number> }> = {};

beforeAll(async () => {
  ctx = await createRepairContext();
  dir = await mkdtemp(join(tmpdir(), 'plans-fuzz-'));
});
afterAll(async () => {
  if (process.env.FUZZ_STATS) console.log(JSON.stringify(stats, null, 1));
  await rm(dir, { recursive: true, force: true });
});

// --- the checks ------------------------------------------------------------------------------------

/** A refusal the contract allows: the file is not a plan, or the extractor refused it with a registered rule. */
function allowedRefusal(e: unknown): e is PlanError {
  return e instanceof PlanError && RULE_IDS.includes(e.rule) && (e.rule === 'not-a-plan' || RULES[e.rule].stage === 'extract');
}

function expectInModel(doc: PlanDocument, extraction: Extraction): void {
  const parsed = PlanDocument.safeParse(doc);
  expect(parsed.error?.issues ?? []).toEqual([]);
  const pages = doc.source.pages;
  const rows = [
    ...doc.goals.map((r) => ({ row: `goal ${r.id}`, page: r.page, line: r.line })),
    ...doc.indicators.map((r) => ({ row: `indicator ${r.id}`, page: r.page, line: r.line })),
    ...doc.activities.map((r) => ({ row: `activity ${r.id}`, page: r.page, line: r.line })),
    ...doc.budget.map((r) => ({ row: `budget ${r.table}/${r.label}`, page: r.page, line: r.sourceLine })),
  ];
  // on a page the source has, and one the extraction holds
  const held = new Set(extraction.pages.map((p) => p.page));
  expect(
    rows.filter((r) => !(r.page >= 1 && r.line >= 1 && r.page <= pages && held.has(r.page))),
    `pages: ${doc.source.pages}`,
  ).toEqual([]);
  const ids = new Set(doc.goals.map((g) => g.id));
  const refs = [
    ...doc.goals.map((g) => ({ row: `goal ${g.id}`, ref: g.parentId })),
    ...doc.indicators.map((i) => ({ row: `indicator ${i.id}`, ref: i.goalId })),
    ...doc.activities.map((a) => ({ row: `activity ${a.id}`, ref: a.goalId })),
  ];
  expect(refs.filter((r) => r.ref !== null && !ids.has(r.ref))).toEqual([]);
}

/**
 * Reads a file as `plans import` does (OCR off: junk must not start the OCR engine) and checks the
 * outcome: a document inside the model or an allowed refusal, within `limitMs`.
 */
async function readChecked(what: string, name: string, data: Uint8Array, opts: { limitMs?: number } = {}): Promise<void> {
  const file = join(dir, name);
  await writeFile(file, data);
  const t0 = performance.now();
  let out: { doc: PlanDocument; extraction: Extraction } | null = null;
  let end = 'document';
  try {
    const extraction = await extractFile(file, { ocr: 'never' });
    out = { doc: readPlan(extraction, ctx), extraction };
  } catch (e) {
    if (allowedRefusal(e)) end = e.rule;
    else throw e;
  }
  const ms = performance.now() - t0;
  stats[what] ??= { slowestMs: 0, ends: {} };
  const st = stats[what];
  st.slowestMs = Math.max(st.slowestMs, Math.round(ms));
  st.ends[end] = (st.ends[end] ?? 0) + 1;
  expect(ms).toBeLessThan(opts.limitMs ?? RUN_MS);
  if (out) expectInModel(out.doc, out.extraction);
}

// --- text damage -----------------------------------------------------------------------------------

/** A place in the text as a fraction of its length, so an edit stays meaningful as the text shrinks. */
const at = fc.noBias(fc.integer({ min: 0, max: 9999 })).map((k) => k / 10_000);
const span = fc.integer({ min: 1, max: 40 });

type Edit =
  | { op: 'delete-lines'; at: number; n: number }
  | { op: 'duplicate-lines'; at: number; n: number; to: number }
  | { op: 'delete-chars'; at: number; n: number }
  | { op: 'reflow'; at: number; n: number; width: number }
  | { op: 'encoding'; at: number; n: number; how: 'cp1252' | 'cp1252-twice' | 'latin1' | 'ascii' }
  | { op: 'page-mark'; at: number; mark: string }
  | { op: 'noise'; at: number; text: string };

const pageNo = fc.integer({ min: 0, max: 1000 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('delete-lines' as const), at, n: span }),
  fc.record({ op: fc.constant('duplicate-lines' as const), at, n: span, to: at }),
  fc.record({ op: fc.constant('delete-chars' as const), at, n: fc.integer({ min: 1, max: 300 }) }),
  // width 0: the span joined into one line
  fc.record({ op: fc.constant('reflow' as const), at, n: span, width: fc.oneof(fc.constant(0), fc.integer({ min: 5, max: 200 })) }),
  fc.record({
    op: fc.constant('encoding' as const),
    at,
    n: span,
    how: fc.constantFrom('cp1252' as const, 'cp1252-twice' as const, 'latin1' as const, 'ascii' as const),
  }),
  fc.record({
    op: fc.constant('page-mark' as const),
    at,
    mark: fc.oneof(
      fc.constant('\f'),
      fc.tuple(pageNo, pageNo).map(([k, m]) => `-- ${k} of ${m} --`),
      fc.tuple(pageNo, pageNo).map(([k, m]) => `Tjänsteutlåtande\nSid ${k} (${m})`),
      fc.constant(' '),
    ),
  }),
  fc.record({ op: fc.constant('noise' as const), at, text: fc.string({ unit: 'binary', maxLength: 12 }) }),
);

const wrap = (words: string[], width: number): string[] => {
  const out: string[] = [];
  for (const w of words) {
    const last = out.length - 1;
    if (last >= 0 && (width === 0 || out[last].length + 1 + w.length <= width)) out[last] += ` ${w}`;
    else out.push(w);
  }
  return out;
};

const damageEncoding: Record<Extract<Edit, { op: 'encoding' }>['how'], (s: string) => string> = {
  cp1252: toMojibake,
  'cp1252-twice': (s) => toMojibake(toMojibake(s)),
  latin1: (s) => Buffer.from(s, 'utf8').toString('latin1'),
  // English OCR without the Swedish letters
  ascii: (s) => s.replace(/[åä]/g, 'a').replace(/[ÅÄ]/g, 'A').replace(/ö/g, 'o').replace(/Ö/g, 'O'),
};

function applyEdit(text: string, e: Edit): string {
  const lines = text.split('\n');
  const i = Math.floor(e.at * lines.length);
  const c = Math.floor(e.at * text.length);
  switch (e.op) {
    case 'delete-lines':
      lines.splice(i, e.n);
      break;
    case 'duplicate-lines':
      lines.splice(Math.floor(e.to * lines.length), 0, ...lines.slice(i, i + e.n));
      break;
    case 'delete-chars':
      return text.slice(0, c) + text.slice(c + e.n);
    case 'reflow':
      lines.splice(
        i,
        e.n,
        ...wrap(
          lines
            .slice(i, i + e.n)
            .join(' ')
            .split(/\s+/)
            .filter(Boolean),
          e.width,
        ),
      );
      break;
    case 'encoding':
      lines.splice(i, e.n, ...damageEncoding[e.how](lines.slice(i, i + e.n).join('\n')).split('\n'));
      break;
    case 'page-mark':
      // ' ': a line starting with one space, pdf.js's trace of a page break
      if (e.mark === ' ') lines[i] = ` ${lines[i]?.trimStart() ?? ''}`;
      else lines.splice(i, 0, e.mark);
      break;
    case 'noise':
      return text.slice(0, c) + e.text + text.slice(c);
  }
  return lines.join('\n');
}

type Encoding = 'utf8' | 'utf8-bom' | 'crlf' | 'cp1252' | 'utf16le';
const encode = (text: string, enc: Encoding): Buffer => {
  switch (enc) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.from(`\uFEFF${text}`, 'utf8');
    case 'crlf':
      return Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8');
    case 'cp1252':
      return iconv.encode(text, 'win1252');
    case 'utf16le':
      return Buffer.from(`\uFEFF${text}`, 'utf16le');
  }
};

/** Edits, then the bytes' encoding, then truncation of the bytes (possibly mid-character). */
const damage = fc.record({
  edits: fc.array(edit, { minLength: 1, maxLength: 8 }),
  encoding: fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8', 'utf8-bom', 'crlf', 'cp1252', 'utf16le'),
  cut: fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: at, weight: 1 }),
});
type Damage = typeof damage extends fc.Arbitrary<infer D> ? D : never;

function damaged(text: string, d: Damage): Buffer {
  const bytes = encode(d.edits.reduce(applyEdit, text), d.encoding);
  return d.cut === null ? bytes : bytes.subarray(0, Math.floor(d.cut * bytes.length));
}

// --- PDFs ------------------------------------------------------------------------------------------

// A PDF written here from random parts: a page tree that may lie about its pages, boxes and font
// sizes from zero to huge, text matrices that turn or squash, text of goal labels and indicator rows
// or noise, an xref table that is right, missing or wrong: pdf.js gets far enough to read pages.
interface BuiltPdf {
  pages: number;
  /** the page tree's /Count; null: the true count */
  count: number | null;
  box: readonly string[];
  rotate: number;
  content: string[];
  xref: 'right' | 'missing' | 'wrong';
  tail: Uint8Array;
}

// a number as the PDF writes it: small, fractional, huge, or too large for a double
const num = fc.oneof(
  fc.integer({ min: -10, max: 1000 }).map(String),
  fc.constantFrom('0', '0.001', '-0.5', '1000000000', '-1000000000', '0.000000001', '595.28', '841.89', '9'.repeat(400)),
);
const say = fc.oneof(
  fc.constantFrom(
    'Nämndmål: Tryggheten ökar i stadsdelen',
    'Enhetsmål: Alla barn läser varje dag',
    'KF:s inriktningsmål 1 En stad som håller ihop',
    'Indikator Årsmål KF:s årsmål Periodicitet',
    'Andel nöjda brukare 85 % 80 % År',
    'Summa kostnader 1 200',
  ),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }),
);
const pdfString = (t: string) => `(${t.replace(/[\\()]/g, (c) => `\\${c}`)})`;
const show = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 8, max: 14 }), fc.integer({ min: 50, max: 300 }), fc.integer({ min: 40, max: 800 }), say)
      .map(([size, x, y, t]) => `BT /F1 ${size} Tf ${x} ${y} Td ${pdfString(t)} Tj ET`),
    weight: 4,
  },
  fc.tuple(num, num, num, say).map(([size, x, y, t]) => `BT /F1 ${size} Tf ${x} ${y} Td ${pdfString(t)} Tj ET`),
  fc.tuple(fc.array(num, { minLength: 6, maxLength: 6 }), say).map(([m, t]) => `BT /F1 10 Tf ${m.join(' ')} Tm ${pdfString(t)} Tj ET`),
  fc
    .tuple(num, fc.array(fc.oneof(say.map(pdfString), num), { maxLength: 6 }))
    .map(([tz, parts]) => `BT /F1 9 Tf ${tz} Tz 60 700 Td [${parts.join(' ')}] TJ ET`),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
);
const builtPdf: fc.Arbitrary<BuiltPdf> = fc.record({
  pages: fc.integer({ min: 0, max: 4 }),
  count: fc.option(fc.integer({ min: -1, max: 10 })),
  box: fc.oneof({ arbitrary: fc.constant(['0', '0', '595.28', '841.89']), weight: 3 }, fc.array(num, { minLength: 4, maxLength: 4 })),
  rotate: fc.constantFrom(0, 0, 0, 90, 180, 270, 45),
  content: fc.array(show, { maxLength: 12 }),
  xref: fc.constantFrom<BuiltPdf['xref']>('right', 'missing', 'wrong'),
  tail: fc.uint8Array({ maxLength: 256 }),
});
function writePdf(p: BuiltPdf): Buffer {
  const stream = p.content.join('\n');
  const kids = Array.from({ length: p.pages }, (_, i) => `${5 + i} 0 R`).join(' ');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${p.count ?? p.pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    ...Array.from(
      { length: p.pages },
      () =>
        `<< /Type /Page /Parent 2 0 R /MediaBox [${p.box.join(' ')}] /Rotate ${p.rotate} /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>`,
    ),
  ];
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xrefAt = body.length;
  const entry = (o: number) => `${String(p.xref === 'wrong' ? (o * 7) % 997 : o).padStart(10, '0')} 00000 n \n`;
  if (p.xref !== 'missing') body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map(entry).join('')}`;
  body += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(body, 'latin1'), p.tail]);
}

// --- the properties --------------------------------------------------------------------------------

describe('fuzz: damaged sample plans', () => {
  const forms = {
    txt: (i: number) => ({ name: 'plan.txt', text: renderText(PLANS[i]) }),
    md: (i: number) => ({ name: 'plan.md', text: renderMarkdown(PLANS[i]) }),
    mojibake: (i: number) => ({ name: 'plan.txt', text: toMojibake(renderText(PLANS[i])) }),
  };

  it(
    'reads every damaged text or markdown export into the model, or refuses it with a registered rule',
    async () => {
      const prop = fc.asyncProperty(
        fc.integer({ min: 0, max: PLANS.length - 1 }),
        fc.constantFrom<keyof typeof forms>('txt', 'md', 'mojibake'),
        damage,
        async (plan, form, d) => {
          const { name, text } = forms[form](plan);
          await readChecked('sample text', name, damaged(text, d));
        },
      );
      await fc.assert(prop, runs(30, 42));
    },
    TEST_MS,
  );
});

describe.skipIf(!haveSeeds)('fuzz: damaged seeds', () => {
  const seeds = ['000', '001', '002', '003', '004'];
  const texts = new Map<string, string>();
  // Each seed read whole first: they must pass too, and the lexicon's per-word cache gets warm, so the
  // runs below time the damage, not the first sight of seed 002's OCR vocabulary (about 100 000
  // hunspell checks, 4–8 s cold).
  beforeAll(async () => {
    for (const s of seeds) {
      const data = await readFile(seedPath(s));
      texts.set(s, data.toString('utf8'));
      await readChecked('seed as is', 'seed.txt', data, { limitMs: 20_000 });
    }
  }, 60_000);

  it(
    'reads every damaged seed into the model, or refuses it with a registered rule',
    async () => {
      const prop = fc.asyncProperty(fc.constantFrom(...seeds), damage, async (seed, d) => {
        await readChecked('seed', 'seed.txt', damaged(texts.get(seed)!, d));
      });
      await fc.assert(prop, runs(25, 43));
    },
    TEST_MS,
  );
});

describe('fuzz: junk PDFs', () => {
  const HEADER = Buffer.from('%PDF-1.7\n', 'latin1');

  it(
    'random bytes after a PDF header: a PlanError or pages, never another exception',
    async () => {
      const prop = fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        await readChecked('pdf bytes', 'junk.pdf', Buffer.concat([HEADER, bytes]));
      });
      await fc.assert(prop, runs(40, 44));
    },
    TEST_MS,
  );

  it(
    'a PDF built from random parts: a PlanError, or pages read into the model',
    async () => {
      const prop = fc.asyncProperty(builtPdf, async (p) => {
        await readChecked('pdf built', 'built.pdf', writePdf(p));
      });
      await fc.assert(prop, runs(40, 45));
    },
    TEST_MS,
  );

  let pdf: Buffer;
  beforeAll(async () => {
    pdf = Buffer.from(await indicatorTablePdf());
  });

  const pdfDamage = fc.array(
    fc.oneof(
      fc.record({ op: fc.constant('overwrite' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
      fc.record({ op: fc.constant('delete' as const), at, n: fc.integer({ min: 1, max: 2000 }) }),
      fc.record({ op: fc.constant('duplicate' as const), at, n: fc.integer({ min: 1, max: 2000 }), to: at }),
      fc.record({ op: fc.constant('truncate' as const), at }),
    ),
    { minLength: 1, maxLength: 4 },
  );

  it(
    'a damaged real PDF: a PlanError, or pages read into the model',
    async () => {
      const prop = fc.asyncProperty(pdfDamage, async (edits) => {
        let b = pdf;
        for (const e of edits) {
          const i = Math.floor(e.at * b.length);
          if (e.op === 'overwrite') b = Buffer.concat([b.subarray(0, i), e.bytes, b.subarray(i + e.bytes.length)]);
          else if (e.op === 'delete') b = Buffer.concat([b.subarray(0, i), b.subarray(i + e.n)]);
          else if (e.op === 'duplicate') {
            const j = Math.floor(e.to * b.length);
            b = Buffer.concat([b.subarray(0, j), b.subarray(i, i + e.n), b.subarray(j)]);
          } else b = b.subarray(0, i);
        }
        await readChecked('pdf damaged', 'damaged.pdf', b);
      });
      await fc.assert(prop, runs(25, 46));
    },
    TEST_MS,
  );
});

// two bugs the fuzzing found, each fixed: page numbers past source.pages, and NaN/Infinity from pdf.js
describe('found by fuzzing', () => {
  it('a text dump numbered from a `Sid N (M)` header keeps its rows within source.pages', async () => {
    // one page, numbered 2 from its header: the goal is on page 2 of a source of 1 page
    await readChecked('found by fuzzing', 'sid.txt', Buffer.from('Sid 2 (2)\nNämndmål: Tryggheten ökar\n'));
  });

  // a number of 400 digits is Infinity as a double
  const huge = '9'.repeat(400);
  const a4: BuiltPdf = { pages: 1, count: null, box: ['0', '0', '595.28', '841.89'], rotate: 0, content: [], xref: 'right', tail: new Uint8Array() };

  it('a text item at a position too large for a double is a PlanError or left out', async () => {
    const pdf = writePdf({ ...a4, content: [`BT /F1 10 Tf 72 ${huge} Td (Hej) Tj ET`] });
    await readChecked('found by fuzzing', 'huge-y.pdf', pdf);
  });

  it('a page box too large for a double is a PlanError or a page without a size', async () => {
    const pdf = writePdf({ ...a4, box: ['0', '0', huge, '40'], content: ['BT /F1 8 Tf 50 20 Td (Hej) Tj ET'] });
    await readChecked('found by fuzzing', 'huge-box.pdf', pdf);
  });
});
