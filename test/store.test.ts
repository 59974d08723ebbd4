// The DuckDB store against a real database file in a temp dir (no mocks): counts per table, idempotent
// re-load, replacement, one transaction per document (hook and constraint failures leave no rows), the
// Appender inside the transaction, the lock error, storedExtraction round trip, views, migration.
import { DuckDBInstance } from '@duckdb/node-api';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Extraction, PlanDocument } from '../model/document.js';
import { ALL_TABLES, DOCUMENT_TABLES, SCHEMA_VERSION } from '../data/store/schema.js';
import { PlanStore, StoreError } from '../data/store/store.js';
import { readStaged, Staging } from '../pipeline/staging.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function extraction(path: string, content: string): Extraction {
  return Extraction.parse({
    source: { path, sha256: sha(content), format: 'pdf', pages: 2 },
    pages: [
      {
        page: 1,
        num: 1,
        text: 'Verksamhetsplan 2024\nEnheten för Östermalm',
        items: [
          { str: 'Verksamhetsplan 2024', x: 56.7, y: 72.25, width: 180.125, fontSize: 18, bold: true },
          { str: 'Enheten för Östermalm', x: 56.7, y: 96.5, width: 140.3, fontSize: 10.5 },
        ],
        method: 'text-layer',
        confidence: null,
        width: 595.28,
        height: 841.89,
      },
      { page: 2, num: 2, text: `Indikatorer\n${content}`, items: null, method: 'ocr', confidence: 0.62, width: 595.28, height: 841.89 },
    ],
    warnings: [{ stage: 'extract', rule: 'page-ocr', message: 'page 2 has no text layer; OCR used', page: 2, line: null }],
  });
}

function plan(x: Extraction): PlanDocument {
  return PlanDocument.parse({
    source: x.source,
    unit: { name: 'Enheten för Östermalm', key: 'enheten-for-ostermalm' },
    district: 'Östermalm',
    year: 2024,
    dnr: 'SDN 2023/123',
    goals: [
      { id: 'g1', level: 'kf_inriktningsmal', code: '1', title: 'En modern storstad', parentId: null, sections: {}, page: 1, line: 3 },
      { id: 'g2', level: 'kf_verksamhetsmal', code: '1.4', title: 'Stöd i tid', parentId: 'g1', sections: {}, page: 1, line: 5 },
      {
        id: 'g3',
        level: 'namndmal',
        code: null,
        title: 'Invånarna lever ett självständigt liv',
        parentId: 'g2',
        sections: { beskrivning: 'Den enskilde är delaktig.', arbetssatt: 'Vi arbetar med SIP.' },
        page: 1,
        line: 8,
      },
      {
        id: 'g4',
        level: 'enhetsmal',
        code: null,
        title: 'Brukarna är nöjda',
        parentId: 'g3',
        sections: { uppfoljning: 'Tertialvis.' },
        page: 2,
        line: 1,
      },
    ],
    indicators: [
      {
        id: 'i1',
        goalId: 'g2',
        name: 'Andel nöjda brukare',
        unitTarget: { raw: '85 %', kind: 'percent', value: 85, unit: '%', direction: null },
        kfTarget: { raw: '80 %', kind: 'percent', value: 80, unit: '%', direction: null },
        periodicity: 'År',
        page: 2,
        line: 2,
      },
      {
        id: 'i2',
        goalId: 'g2',
        name: 'Antal hemlösa',
        unitTarget: { raw: 'ska minska', kind: 'direction', value: null, unit: null, direction: 'decrease' },
        kfTarget: null,
        periodicity: 'Tertial',
        page: 2,
        line: 3,
      },
    ],
    activities: [
      { id: 'a1', goalId: 'g4', text: 'Brukarenkät', start: '2024-01-01', end: '2024-06-30', page: 2, line: 5 },
      { id: 'a2', goalId: 'g3', text: 'Utbildning i SIP', start: null, end: null, page: 2, line: 6 },
    ],
    budget: [
      { table: 1, group: 'intakter', label: 'Intäkter', line: 'Intäkter', amountTkr: 1200.5, page: 2, sourceLine: 10 },
      { table: 1, group: 'kostnader', label: 'Personalkostnader', line: 'Personalkostnader', amountTkr: -900, page: 2, sourceLine: 11 },
      { table: 1, group: 'summa', label: 'Summa', line: 'Summa', amountTkr: 300.5, page: 2, sourceLine: 12 },
    ],
    warnings: [...x.warnings, { stage: 'parse', rule: 'budget-sum-mismatch', message: 'budget table 1 does not add up', page: 2, line: 12 }],
  });
}

const EXPECTED = { documents: 1, pages: 2, goals: 4, goal_sections: 3, indicators: 2, activities: 2, budget_lines: 3, warnings: 2, repairs: 0 };
const EMPTY = Object.fromEntries(Object.keys(EXPECTED).map((t) => [t, 0]));

async function counts(store: PlanStore, documentId?: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of DOCUMENT_TABLES) {
    const where = documentId ? ` where document_id = '${documentId}'` : '';
    const r = await store.query(`select count(*) from ${t}${where}`);
    out[t] = r.rows[0][0] as number;
  }
  return out;
}

let dir: string;
let dbPath: string;
let store: PlanStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plans-store-'));
  dbPath = join(dir, 'plans.duckdb');
  store = await PlanStore.open(dbPath);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('PlanStore.load', () => {
  it('inserts a document with its rows in every table, JSON-safe from query()', async () => {
    const x = extraction('/plans/ostermalm-2024.pdf', 'v1');
    expect(await store.hasDocument(x.source.sha256)).toBe(false);
    expect(await store.load(x, plan(x), { parserVersion: 'test-1' })).toBe('inserted');
    expect(await store.hasDocument(x.source.sha256)).toBe(true);
    expect(await counts(store)).toEqual(EXPECTED);

    const meta = await store.query(`select value from meta where key = 'schema_version'`);
    expect(meta.rows).toEqual([[String(SCHEMA_VERSION)]]);
    const d = await store.query('select document_id, path, format, page_count, unit_name, year, dnr, parser_version, status from documents');
    expect(d.rows).toEqual([[x.source.sha256, x.source.path, 'pdf', 2, 'Enheten för Östermalm', 2024, 'SDN 2023/123', 'test-1', 'warnings']]);
    const i = await store.query(
      `select indicator_id, unit_target_kind, unit_target_value, unit_target_direction, kf_target_value, periodicity, page, line
       from indicators order by indicator_id`,
    );
    expect(i.rows).toEqual([
      ['i1', 'percent', 85, null, 80, 'År', 2, 2],
      ['i2', 'direction', null, 'decrease', null, 'Tertial', 2, 3],
    ]);
    const a = await store.query('select activity_id, start_date, end_date from activities order by activity_id');
    expect(a.rows).toEqual([
      ['a1', '2024-01-01', '2024-06-30'],
      ['a2', null, null],
    ]);
    const s = await store.query(`select goal_id, section, page, line from goal_sections order by goal_id, section`);
    expect(s.rows).toEqual([
      ['g3', 'arbetssatt', 1, 8],
      ['g3', 'beskrivning', 1, 8],
      ['g4', 'uppfoljning', 2, 1],
    ]);
    // no BigInt anywhere: the result survives JSON
    const big = await store.query(
      'select count(*) as n, sum(amount_tkr) as total, 2::bigint ^ 60 as huge, 9007199254740993::bigint as unsafe from budget_lines',
    );
    expect(big.columns).toEqual(['n', 'total', 'huge', 'unsafe']);
    expect(JSON.parse(JSON.stringify(big.rows))).toEqual([[3, 601, 2 ** 60, '9007199254740993']]);
  });

  it('loads the same content again as unchanged, writing nothing', async () => {
    const x = extraction('/plans/ostermalm-2024.pdf', 'v1');
    await store.load(x, plan(x), { parserVersion: 't' });
    const before = await counts(store);
    const stamp = await store.query('select imported_at from documents');
    expect(await store.load(x, plan(x), { parserVersion: 'other' })).toBe('unchanged');
    expect(await counts(store)).toEqual(before);
    expect(await store.query('select imported_at from documents')).toEqual(stamp);
    expect((await store.query('select parser_version from documents')).rows).toEqual([['t']]);
  });

  it('replaces every row of the old content when the same path comes with new content', async () => {
    const old = extraction('/plans/ostermalm-2024.pdf', 'v1');
    await store.load(old, plan(old));
    const other = extraction('/plans/kungsholmen-2024.pdf', 'k');
    await store.load(other, plan(other));

    const x = extraction('/plans/ostermalm-2024.pdf', 'v2');
    const doc = plan(x);
    doc.indicators.pop();
    doc.goals[2].sections = {};
    expect(await store.load(x, doc)).toBe('replaced');
    expect(await counts(store, old.source.sha256)).toEqual(Object.fromEntries(DOCUMENT_TABLES.map((t) => [t, 0])));
    expect(await counts(store, x.source.sha256)).toEqual({ ...EXPECTED, indicators: 1, goal_sections: 1 });
    expect(await counts(store, other.source.sha256)).toEqual(EXPECTED);
    expect((await store.storedDocuments()).map((d) => d.path)).toEqual(['/plans/kungsholmen-2024.pdf', '/plans/ostermalm-2024.pdf']);
  });

  it('refuses a document parsed from other content than its extraction', async () => {
    const x = extraction('/p.pdf', 'a');
    const doc = plan(extraction('/p.pdf', 'b'));
    await expect(store.load(x, doc)).rejects.toThrow(StoreError);
    expect(await counts(store)).toEqual(EMPTY);
  });
});

describe('one transaction per document', () => {
  it('appended rows are visible inside the transaction and gone after a failure at any table', async () => {
    const x = extraction('/plans/a.pdf', 'a');
    const tables = ['documents', 'pages', 'goals', 'goal_sections', 'indicators', 'activities', 'budget_lines', 'warnings'];
    for (const failAt of tables) {
      const seen: Record<string, number> = {};
      const attempt = store.load(x, plan(x), {
        afterTable: async (t) => {
          // same connection, inside the open transaction: the Appender's rows are already there
          seen[t] = (await store.query(`select count(*) from ${t} where document_id = '${x.source.sha256}'`)).rows[0][0] as number;
          if (t === failAt) throw new Error(`boom at ${t}`);
        },
      });
      await expect(attempt).rejects.toThrow(`boom at ${failAt}`);
      expect(seen[failAt]).toBe((EXPECTED as Record<string, number>)[failAt]);
      expect(await counts(store)).toEqual(EMPTY);
    }
    // the connection is usable afterwards and the document loads whole
    expect(await store.load(x, plan(x))).toBe('inserted');
    expect(await counts(store)).toEqual(EXPECTED);
  });

  it('a row violating a constraint midway rolls the whole document back (Appender error inside the transaction)', async () => {
    const x = extraction('/plans/a.pdf', 'a');
    const doc = plan(x);
    (doc.budget[1] as { line: string | null }).line = null; // budget_lines.label is NOT NULL; goals … indicators are written before
    await expect(store.load(x, doc)).rejects.toThrow(/cannot write budget_lines: .*NOT NULL constraint failed: budget_lines.label/);
    expect(await counts(store)).toEqual(EMPTY);
    expect(await store.load(x, plan(x))).toBe('inserted');
  });

  it('a failed replacement keeps the old document whole (its deletion rolls back too)', async () => {
    const old = extraction('/plans/a.pdf', 'v1');
    await store.load(old, plan(old));
    const x = extraction('/plans/a.pdf', 'v2');
    await expect(store.load(x, plan(x), { failAfter: 'goals' })).rejects.toThrow(/test hook/);
    expect(await counts(store, old.source.sha256)).toEqual(EXPECTED);
    expect(await counts(store)).toEqual(EXPECTED);
    expect(await store.hasDocument(x.source.sha256)).toBe(false);
  });

  it('loads many documents in one transaction: all land, or none', async () => {
    const xs = ['a', 'b', 'c'].map((c) => extraction(`/plans/${c}.pdf`, c));
    const again = extraction('/plans/a-copy.pdf', 'a'); // same content as a
    await expect(
      store.loadMany(xs.map((x, i) => ({ extraction: x, doc: plan(x), opts: i === 2 ? { failAfter: 'indicators' } : {} }))),
    ).rejects.toThrow(/test hook/);
    expect((await store.query('select count(*) from documents')).rows).toEqual([[0]]);
    expect(await store.loadMany([...xs, again].map((x) => ({ extraction: x, doc: plan(x) })))).toEqual([
      'inserted',
      'inserted',
      'inserted',
      'unchanged',
    ]);
    for (const x of xs) expect(await counts(store, x.source.sha256)).toEqual(EXPECTED);
    const v2 = extraction('/plans/b.pdf', 'b2');
    expect(
      await store.loadMany([
        { extraction: xs[0], doc: plan(xs[0]) },
        { extraction: v2, doc: plan(v2) },
      ]),
    ).toEqual(['unchanged', 'replaced']);
    expect(await store.hasDocument(xs[1].source.sha256)).toBe(false);
  });

  it('a failed replaceParsed keeps the parsed rows it was to replace', async () => {
    const x = extraction('/plans/a.pdf', 'a');
    await store.load(x, plan(x));
    const doc = plan(x);
    doc.goals = [];
    await expect(store.replaceParsed(x, doc, { failAfter: 'indicators' })).rejects.toThrow(/test hook/);
    expect(await counts(store)).toEqual(EXPECTED);
  });
});

describe('rebuild support', () => {
  it('storedExtraction round-trips source, pages, items and extract warnings', async () => {
    const x = extraction('/plans/a.pdf', 'a');
    await store.load(x, plan(x));
    expect(await store.storedDocuments()).toEqual([{ documentId: x.source.sha256, path: '/plans/a.pdf', format: 'pdf' }]);
    expect(await store.storedExtraction(x.source.sha256)).toEqual(x);
    await expect(store.storedExtraction('nope')).rejects.toThrow(/no document nope/);
  });

  it('a batch hand-off (items kept as JSON text) loads the same pages, and reads back as the extraction', async () => {
    const staging = await Staging.create();
    try {
      const x = extraction('/plans/a.pdf', 'a');
      const file = await staging.put(x);
      expect(await readStaged(file)).toEqual(x);
      const loadable = await staging.getLoadable(file);
      expect(loadable.pages.map((p) => p.itemsJson)).toEqual([JSON.stringify(x.pages[0].items), null]);
      await store.load(loadable, plan(x));
      expect(await store.storedExtraction(x.source.sha256)).toEqual(x);
      // a hand-off touched on disk is refused, items included
      const touched = JSON.parse(readFileSync(file, 'utf8'));
      touched.pages[0].itemsJson = JSON.stringify([{ str: 'x', x: 'left' }]);
      writeFileSync(file, JSON.stringify(touched));
      await expect(readStaged(file)).rejects.toThrow();
    } finally {
      await staging.close();
    }
  });

  it('replaceParsed rewrites parsed rows and metadata, keeps pages and imported_at', async () => {
    const x = extraction('/plans/a.pdf', 'a');
    await store.load(x, plan(x), { parserVersion: 'p1' });
    const pagesBefore = await store.query('select * from pages order by page');
    const stamp = await store.query('select imported_at from documents');
    const doc = plan(x);
    doc.indicators = doc.indicators.slice(0, 1);
    doc.warnings = doc.warnings.filter((w) => w.stage === 'extract');
    doc.year = 2025;
    await store.replaceParsed(await store.storedExtraction(x.source.sha256), doc, { parserVersion: 'p2' });
    expect(await counts(store)).toEqual({ ...EXPECTED, indicators: 1, warnings: 1 });
    expect(await store.query('select * from pages order by page')).toEqual(pagesBefore);
    expect(await store.query('select imported_at from documents')).toEqual(stamp);
    expect((await store.query('select year, parser_version, status from documents')).rows).toEqual([[2025, 'p2', 'warnings']]);
  });
});

describe('views', () => {
  it('v_goal_tree, v_indicator_targets and v_budget join units, KF goals and inriktningsmål', async () => {
    const x = extraction('/plans/a.pdf', 'a');
    await store.load(x, plan(x));
    const tree = await store.query(`select goal_id, level, inriktningsmal_code, kf_code, kf_goal, namndmal from v_goal_tree order by goal_id`);
    expect(tree.rows).toEqual([
      ['g1', 'kf_inriktningsmal', '1', null, null, null],
      ['g2', 'kf_verksamhetsmal', '1', '1.4', 'Stöd i tid', null],
      ['g3', 'namndmal', '1', '1.4', 'Stöd i tid', 'Invånarna lever ett självständigt liv'],
      ['g4', 'enhetsmal', '1', '1.4', 'Stöd i tid', 'Invånarna lever ett självständigt liv'],
    ]);
    const t = await store.query(
      `select unit_name, year, kf_code, indicator, unit_target_raw, kf_target_raw, periodicity from v_indicator_targets order by indicator`,
    );
    expect(t.rows).toEqual([
      ['Enheten för Östermalm', 2024, '1.4', 'Andel nöjda brukare', '85 %', '80 %', 'År'],
      ['Enheten för Östermalm', 2024, '1.4', 'Antal hemlösa', 'ska minska', null, 'Tertial'],
    ]);
    const b = await store.query(`select year, sum(amount_tkr) filter (where grp = 'summa') from v_budget group by year`);
    expect(b.rows).toEqual([[2024, 300.5]]);
  });
});

describe('opening', () => {
  it('refuses a second PlanStore on the same file in this process', async () => {
    await expect(PlanStore.open(dbPath)).rejects.toThrow(/^database .*plans\.duckdb is in use by another process/);
  });

  it('refuses a second process with a clear error', () => {
    const module = new URL('../data/store/store.ts', import.meta.url).href;
    const script = `import(${JSON.stringify(module)}).then(async ({ PlanStore }) => {
      try { (await PlanStore.open(process.argv[1])).close(); console.log('opened'); }
      catch (e) { console.log(e.message); } })`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script, dbPath], { encoding: 'utf8' });
    expect(out).toMatch(/^database .*plans\.duckdb is in use by another process/);
  });

  it('reopens after close, keeping the data', async () => {
    const x = extraction('/plans/a.pdf', 'a');
    await store.load(x, plan(x));
    store.close();
    store = await PlanStore.open(dbPath);
    expect(await counts(store)).toEqual(EXPECTED);
  });

  it('migrates a schema-1 database (no documents.status)', async () => {
    store.close();
    const old = join(dir, 'v1.duckdb');
    const inst = await DuckDBInstance.create(old);
    const c = await inst.connect();
    await c.run(`CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
      INSERT INTO meta VALUES ('schema_version', '1');
      CREATE TABLE documents (document_id VARCHAR PRIMARY KEY, path VARCHAR NOT NULL, format VARCHAR NOT NULL, page_count INTEGER NOT NULL,
        unit_name VARCHAR NOT NULL, unit_key VARCHAR NOT NULL, district VARCHAR, year INTEGER, dnr VARCHAR,
        parser_version VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL);
      CREATE TABLE warnings (document_id VARCHAR NOT NULL, stage VARCHAR NOT NULL, rule VARCHAR NOT NULL, message VARCHAR NOT NULL, page INTEGER, line INTEGER);
      INSERT INTO documents VALUES ('old', '/old.pdf', 'pdf', 1, 'U', 'u', NULL, 2022, NULL, 'v0', now());`);
    c.closeSync();
    inst.closeSync();
    store = await PlanStore.open(old);
    expect((await store.query(`select value from meta where key = 'schema_version'`)).rows).toEqual([[String(SCHEMA_VERSION)]]);
    expect((await store.query('select document_id, status from documents')).rows).toEqual([['old', 'ok']]);
    // columns are written by name, so the migrated column order (status last, imported_at before parser_version swapped) is harmless
    const x = extraction('/plans/a.pdf', 'a');
    await store.load(x, plan(x), { parserVersion: 'p' });
    expect((await store.query(`select parser_version, status, imported_at is not null from documents where path = '/plans/a.pdf'`)).rows).toEqual([
      ['p', 'warnings', true],
    ]);
  });
});

describe('SCHEMA.md', () => {
  it('documents every table and column', () => {
    const md = readFileSync(new URL('../SCHEMA.md', import.meta.url), 'utf8');
    const missing = ALL_TABLES.flatMap((t) => [t.name, ...t.columns.map((c) => `${t.name}.${c.name}`)]).filter((n) => {
      const [table, column] = n.split('.');
      if (!column) return !md.includes(`\`${table}\``);
      const section = md.split(/^### /m).find((s) => s.startsWith(`\`${table}\``)) ?? '';
      return !section.includes(`\`${column}\``);
    });
    expect(missing).toEqual([]);
  });
});
