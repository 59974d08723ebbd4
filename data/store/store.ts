// The DuckDB store: one file, one writer. Loads are keyed by content (SHA-256 of the file's bytes):
// loading the same bytes again writes nothing ('unchanged'); new bytes at a path already stored replace
// that document's rows ('replaced'). Each document is written in ONE transaction (BEGIN … COMMIT, ROLLBACK
// on any error). Rows go in through the DuckDB Appender on the same connection, inside that transaction:
// appended rows are visible to the transaction before COMMIT and vanish on ROLLBACK (checked by
// test/store.test.ts); before COMMIT the load also counts what landed per table and rolls back on a
// mismatch, so a change in that behaviour cannot go unnoticed.
import { PlanError } from '../../model/message.js';
import { type DuckDBAppender, type DuckDBConnection, DuckDBInstance, dateValue, listValue, timestampValue } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { jsonRows, jsonSafe } from './rows.js';
import { resolve } from 'node:path';
import {
  type Extraction,
  ExtractedPage,
  type LoadableExtraction,
  Message,
  type PlanDocument,
  SourceFormat,
  type Target,
} from '../../model/document.js';
import {
  ALL_TABLES,
  type ColumnType,
  DOCUMENT_TABLES,
  MIGRATIONS,
  PARSED_TABLES,
  SCHEMA_VERSION,
  type Table,
  TABLES_SQL,
  VIEWS_SQL,
  createTableSql,
  tableByName,
} from './schema.js';

export type LoadResult = 'inserted' | 'replaced' | 'unchanged';

export interface LoadOptions {
  /** recorded in documents.parser_version */
  parserVersion?: string;
  /** the document is one the repair model learns from (documents.clean) */
  clean?: boolean;
  /** fingerprint of the repair model the document was repaired with (documents.repair_model) */
  repairModel?: string;
  /** Test hook: called after each table's rows are appended, inside the transaction; a throw aborts the load. */
  afterTable?: (table: string) => void | Promise<void>;
  /** Test hook: throw after this table's rows are appended (e.g. 'pages', 'goals'). */
  failAfter?: string;
}

export interface StoredDocument {
  documentId: string;
  path: string;
  format: string;
}

export interface QueryResult {
  columns: string[];
  rows: unknown[][];
}

/** A store failure: a PlanError of stage `load` whose rule is `store-<kind>`. */
export class StoreError extends PlanError {
  constructor(
    message: string,
    readonly kind: 'locked' | 'open' | 'schema' | 'missing' | 'no-database' | 'refused' | 'mismatch' | 'input' = 'open',
  ) {
    super(`store-${kind}`, message, {}, 'load');
    this.name = 'StoreError';
  }
}

/** A value handed to the Appender; dates as 'YYYY-MM-DD', timestamps as Date. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A DuckDB instance on a file, with DuckDB's lock and open errors told as StoreErrors. */
export async function openDuckDB(path: string, shown: string, options?: Record<string, string>): Promise<DuckDBInstance> {
  try {
    return await DuckDBInstance.create(path, options);
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    if (/could not set lock/i.test(msg)) {
      const pid = /PID (\d+)/.exec(msg)?.[1];
      throw new StoreError(`database ${shown} is in use by another process${pid ? ` (PID ${pid})` : ''}; close it and try again`, 'locked');
    }
    throw new StoreError(`cannot open database ${shown}: ${msg.split('\n')[0]}`, 'open');
  }
}

/** A command that reads a database (sql, rebuild, repair --db, report) needs one that exists. */
export function mustExist(dbPath: string): void {
  if (dbPath !== ':memory:' && !existsSync(dbPath)) {
    throw new StoreError(`no database at ${resolve(dbPath)} (create one with plans import)`, 'no-database');
  }
}

/** Paths open in this process. DuckDB's file lock is per process, so a second instance here would not be refused by it. */
const openInThisProcess = new Set<string>();

/** Where loadMany's time went, in ms since the store was opened (for `npm run bench`). */
export interface LoadTimes {
  /** the lookup of stored hashes and paths, replaced rows deleted, the row counts before and after */
  checks: number;
  /** the Appenders */
  append: number;
  /** COMMIT, DuckDB's automatic checkpoints included */
  commit: number;
}

export class PlanStore {
  private closed = false;
  readonly loadTimes: LoadTimes = { checks: 0, append: 0, commit: 0 };
  /** per table: for each column of the table as it is in the file, its index in our declared columns (-1: not ours) */
  private readonly layouts = new Map<string, number[]>();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    /** the path as given */
    readonly path: string,
    private readonly key: string,
  ) {}

  /** Opens (creating if missing) a database file and brings its schema to the current version. */
  static async open(dbPath: string): Promise<PlanStore> {
    const memory = dbPath === ':memory:' || dbPath === '';
    const key = memory ? `:memory:${Math.random()}` : resolve(dbPath);
    const shown = memory ? ':memory:' : resolve(dbPath);
    if (openInThisProcess.has(key)) {
      throw new StoreError(`database ${shown} is in use by another process (already open by another PlanStore in this process)`, 'locked');
    }
    const instance = await openDuckDB(memory ? ':memory:' : dbPath, shown);
    let conn: DuckDBConnection | undefined;
    try {
      conn = await instance.connect();
      const store = new PlanStore(instance, conn, dbPath, key);
      await store.ensureSchema(shown);
      await store.readLayouts();
      openInThisProcess.add(key);
      return store;
    } catch (e) {
      conn?.closeSync();
      instance.closeSync();
      throw e;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    openInThisProcess.delete(this.key);
    this.conn.closeSync();
    this.instance.closeSync();
  }

  async hasDocument(sha256: string): Promise<boolean> {
    const r = await this.conn.runAndReadAll('SELECT 1 FROM documents WHERE document_id = $1', [sha256]);
    return r.currentRowCount > 0;
  }

  /** Which of these content hashes are stored: one query for many files. */
  async storedAmong(sha256s: string[]): Promise<Set<string>> {
    if (!sha256s.length) return new Set();
    const r = await this.conn.runAndReadAll(
      `SELECT d.document_id FROM ${valuesOf(sha256s.length)} v(x) JOIN documents d ON d.document_id = v.x`,
      sha256s,
    );
    return new Set(r.getRowsJson().map((row) => String(row[0])));
  }

  /**
   * Loads one document in one transaction. Same content hash already stored → 'unchanged', nothing written.
   * Same path stored with another hash → that document's rows are deleted and the new ones written ('replaced').
   */
  async load(extraction: Extraction | LoadableExtraction, doc: PlanDocument, opts: LoadOptions = {}): Promise<LoadResult> {
    const [result] = await this.loadMany([{ extraction, doc, opts }]);
    return result;
  }

  /**
   * Loads several documents in one transaction, with one Appender per table and one query per table for
   * what is stored and what landed, however many documents: all of them land, or none. Results in the
   * order given; a content hash stored already, or given twice, is 'unchanged' the second time.
   */
  async loadMany(items: Array<{ extraction: Extraction | LoadableExtraction; doc: PlanDocument; opts?: LoadOptions }>): Promise<LoadResult[]> {
    for (const { extraction, doc } of items) {
      if (doc.source.sha256 !== extraction.source.sha256) {
        throw new StoreError(
          `document ${doc.source.path} was parsed from other content (${doc.source.sha256}) than its extraction (${extraction.source.sha256})`,
          'input',
        );
      }
    }
    const hooks = items.map((i) => hookOf(i.opts ?? {}));
    const hook = async (table: string) => {
      for (const h of hooks) await h(table);
    };
    const times = this.loadTimes;
    let t = performance.now();
    const lap = (phase: keyof LoadTimes) => {
      const now = performance.now();
      times[phase] += now - t;
      t = now;
    };
    const committed = this.transaction(async () => {
      const ids = items.map((i) => i.extraction.source.sha256);
      if (!ids.length) return [];
      const paths = items.map((i) => i.extraction.source.path);
      // one query for what is stored: the batch's content hashes and paths joined against the documents on
      // indexed columns (the primary key, documents_path), so its cost is the batch's, not the store's
      const found = await this.conn.runAndReadAll(
        `SELECT true, d.document_id, d.path FROM ${valuesOf(ids.length)} v(x) JOIN documents d ON d.document_id = v.x
         UNION ALL
         SELECT false, d.document_id, d.path FROM ${valuesOf(paths.length, ids.length)} v(x) JOIN documents d ON d.path = v.x`,
        [...ids, ...paths],
      );
      const stored = new Set<string>();
      const atPath = new Map<string, string[]>();
      for (const [byId, id, path] of found.getRowsJson()) {
        if (byId) stored.add(String(id));
        else atPath.set(String(path), [...(atPath.get(String(path)) ?? []), String(id)]);
      }
      const results: LoadResult[] = [];
      const fresh: typeof items = [];
      for (const item of items) {
        const id = item.extraction.source.sha256;
        if (stored.has(id)) results.push('unchanged');
        else {
          stored.add(id);
          fresh.push(item);
          results.push('inserted');
        }
      }
      if (!fresh.length) {
        lap('checks');
        return results;
      }
      // the documents stored at the paths of the new ones are replaced by them
      const replacedPaths = new Set(fresh.map((i) => i.extraction.source.path).filter((p) => atPath.has(p)));
      const oldIds = [...new Set([...replacedPaths].flatMap((p) => atPath.get(p)!))].sort();
      if (oldIds.length) await this.deleteRowsOf(oldIds, DOCUMENT_TABLES);
      items.forEach((item, k) => {
        if (results[k] === 'inserted' && replacedPaths.has(item.extraction.source.path)) results[k] = 'replaced';
      });
      const before = await this.rowCounts(DOCUMENT_TABLES);
      lap('checks');

      const now = new Date();
      await this.append(
        'documents',
        fresh.map(({ extraction: x, doc, opts = {} }) => [
          x.source.sha256,
          x.source.path,
          x.source.format,
          x.source.pages,
          doc.unit.name,
          doc.unit.key,
          doc.district,
          doc.year,
          doc.dnr,
          now,
          opts.parserVersion ?? 'unknown',
          statusOf(doc),
          opts.clean ?? false,
          opts.repairModel ?? null,
          ...metadataCells(doc),
        ]),
      );
      await hook('documents');
      await this.append(
        'pages',
        fresh.flatMap(({ extraction: x }) =>
          (x.pages as Array<Extraction['pages'][number] | LoadableExtraction['pages'][number]>).map((p) => [
            x.source.sha256,
            p.page,
            p.text,
            'itemsJson' in p ? p.itemsJson : p.items ? JSON.stringify(p.items) : null,
            p.method,
            p.confidence,
            p.width,
            p.height,
          ]),
        ),
      );
      await hook('pages');
      await this.appendParsed(
        fresh.map((i) => ({ id: i.extraction.source.sha256, doc: i.doc })),
        hook,
      );
      lap('append');
      await this.verifyLanded(
        before,
        fresh.map(({ extraction: x, doc }) => ({ documents: 1, pages: x.pages.length, ...parsedCounts(doc) })),
      );
      lap('checks');
      return results;
    });
    try {
      return await committed;
    } finally {
      lap('commit');
    }
  }

  /**
   * Rewrites the parsed rows (goals … warnings) and the document's metadata from a new parse of its stored
   * pages; `documents.imported_at`, `path` and `pages` are kept. One transaction.
   */
  async replaceParsed(extraction: Extraction | LoadableExtraction, doc: PlanDocument, opts: LoadOptions = {}): Promise<void> {
    const id = extraction.source.sha256;
    const hook = hookOf(opts);
    await this.transaction(async () => {
      if (!(await this.hasDocument(id))) throw new StoreError(`no document ${id} in ${this.path}`, 'missing');
      await this.deleteRowsOf([id], PARSED_TABLES);
      const before = await this.rowCounts(PARSED_TABLES);
      await this.conn.run(
        `UPDATE documents SET unit_name = $2, unit_key = $3, district = $4, year = $5, dnr = $6, parser_version = $7, status = $8,
                              clean = $9, repair_model = $10, organisation_kind = $11, organisation_name = $12,
                              municipality_code = $13, municipality_name = $14, period_from = $15, period_to = $16
         WHERE document_id = $1`,
        [
          id,
          doc.unit.name,
          doc.unit.key,
          doc.district,
          doc.year,
          doc.dnr,
          opts.parserVersion ?? 'unknown',
          statusOf(doc),
          opts.clean ?? false,
          opts.repairModel ?? null,
          ...metadataCells(doc),
        ],
      );
      await this.appendParsed([{ id, doc }], hook);
      await this.verifyLanded(before, [parsedCounts(doc)]);
    });
  }

  /** Pages of the clean documents, in content-hash order, at most `limit`: what the repair model learns from. */
  async cleanPages(limit: number): Promise<Array<{ documentId: string; text: string }>> {
    const r = await this.conn.runAndReadAll(
      `SELECT p.document_id, p.text FROM pages p JOIN documents d USING (document_id) WHERE d.clean ORDER BY p.document_id, p.page LIMIT $1`,
      [limit],
    );
    return r.getRowsJson().map(([documentId, text]) => ({ documentId: String(documentId), text: String(text) }));
  }

  async storedDocuments(): Promise<StoredDocument[]> {
    const r = await this.conn.runAndReadAll('SELECT document_id, path, format FROM documents ORDER BY path, document_id');
    return r.getRowsJson().map(([documentId, path, format]) => ({ documentId: String(documentId), path: String(path), format: String(format) }));
  }

  /** The Extraction as it was loaded: source, pages with their positioned items, and the extract-stage warnings. */
  async storedExtraction(documentId: string): Promise<Extraction> {
    const d = await this.conn.runAndReadAll('SELECT path, format, page_count FROM documents WHERE document_id = $1', [documentId]);
    const [row] = d.getRowsJson();
    if (!row) throw new StoreError(`no document ${documentId} in ${this.path}`, 'missing');
    const p = await this.conn.runAndReadAll(
      'SELECT page, text, items, method, confidence, width, height FROM pages WHERE document_id = $1 ORDER BY page',
      [documentId],
    );
    const pages = p.getRowsJson().map(([num, text, items, method, confidence, width, height]) =>
      ExtractedPage.parse({
        page: Number(num),
        num,
        text,
        items: items === null ? null : JSON.parse(String(items)),
        method,
        confidence,
        width,
        height,
      }),
    );
    // Extract-stage warnings travel in the warnings table (the parser copies them into the document); hand
    // them back so a rebuild keeps them.
    const w = await this.conn.runAndReadAll(
      `SELECT stage, rule, message, page, line FROM warnings WHERE document_id = $1 AND stage = 'extract' ORDER BY rowid`,
      [documentId],
    );
    const warnings = w.getRowsJson().map(([stage, rule, message, page, line]) => Message.parse({ stage, rule, message, page, line }));
    return {
      source: { path: String(row[0]), sha256: documentId, format: SourceFormat.parse(row[1]), pages: Number(row[2]) },
      pages,
      warnings,
    };
  }

  /** Replaces whole tables (the derived identity tables) in one transaction: each is emptied, then appended. */
  /**
   * Replaces whole tables in one transaction: `tables` are appended as given, then each `derived` table is
   * filled by its SELECT, which may read the tables just written (rows too many to carry through JavaScript).
   */
  async replaceTables(tables: Record<string, Cell[][]>, derived: Record<string, string> = {}): Promise<void> {
    await this.transaction(async () => {
      for (const [table, rows] of Object.entries(tables)) {
        await this.conn.run(`DELETE FROM ${tableByName(table).name}`);
        await this.append(table, rows);
      }
      for (const [table, select] of Object.entries(derived)) {
        const declared = tableByName(table);
        await this.conn.run(`DELETE FROM ${declared.name}`);
        await this.conn.run(`INSERT INTO ${declared.name} (${declared.columns.map((c) => c.name).join(', ')}) ${select}`);
      }
    });
  }

  /**
   * Runs a query and hands its rows to `visit` one chunk at a time, values JSON-safe as in `query`: the
   * result is never held whole, on either side (for reads that grow with the archive).
   */
  async eachRow(sql: string, visit: (row: unknown[]) => void): Promise<void> {
    const result = await this.conn.stream(sql);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      for (const row of chunk.getRows()) visit(row.map(jsonSafe));
    }
  }

  /** Runs SQL; values come back JSON-safe (integers within ±2^53 as numbers, larger ones and decimals beyond that as strings). */
  async query(sql: string): Promise<QueryResult> {
    const r = await this.conn.runAndReadAll(sql);
    return { columns: r.deduplicatedColumnNames(), rows: jsonRows(r) };
  }

  // ---- internals ------------------------------------------------------------------------------------

  private async ensureSchema(shown: string): Promise<void> {
    await this.transaction(async () => {
      await this.conn.run(createTableSql(tableByName('meta')));
      const r = await this.conn.runAndReadAll(`SELECT value FROM meta WHERE key = 'schema_version'`);
      const found = r.getRowsJson()[0]?.[0];
      const version = found === undefined ? null : Number(found);
      if (version !== null && version > SCHEMA_VERSION) {
        throw new StoreError(
          `database ${shown} has schema version ${version}; this plans understands up to ${SCHEMA_VERSION} — upgrade plans`,
          'schema',
        );
      }
      // tables an old file lacks are created first, so a migration step can read any table
      await this.conn.run(TABLES_SQL);
      if (version !== null) {
        for (let v = version; v < SCHEMA_VERSION; v++) {
          const step = MIGRATIONS[v];
          if (!step) throw new StoreError(`database ${shown}: no migration from schema version ${v}`, 'schema');
          await this.conn.run(step);
        }
      }
      await this.conn.run(VIEWS_SQL);
      // the path of a new document is looked up in every load (a changed file replaces its document)
      await this.conn.run('CREATE INDEX IF NOT EXISTS documents_path ON documents (path)');
      await this.conn.run(`INSERT OR REPLACE INTO meta VALUES ('schema_version', $1)`, [String(SCHEMA_VERSION)]);
    });
  }

  private async readLayouts(): Promise<void> {
    const r = await this.conn.runAndReadAll(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
    );
    const inFile = new Map<string, string[]>();
    for (const [t, c] of r.getRowsJson()) {
      const list = inFile.get(String(t)) ?? [];
      list.push(String(c));
      inFile.set(String(t), list);
    }
    for (const t of ALL_TABLES) {
      const names = t.columns.map((c) => c.name);
      const actual = inFile.get(t.name) ?? [];
      const missing = names.filter((n) => !actual.includes(n));
      if (missing.length) throw new StoreError(`table ${t.name} in ${this.path} lacks column(s) ${missing.join(', ')}`, 'schema');
      this.layouts.set(
        t.name,
        actual.map((n) => names.indexOf(n)),
      );
    }
  }

  /** Runs `body` in one transaction; any error rolls everything back and is rethrown unchanged. */
  private async transaction<T>(body: () => Promise<T>): Promise<T> {
    await this.conn.run('BEGIN TRANSACTION');
    let result: T;
    try {
      result = await body();
    } catch (e) {
      await this.conn.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
    try {
      await this.conn.run('COMMIT');
    } catch (e) {
      // a failed COMMIT has already ended the transaction; make sure nothing stays open
      await this.conn.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
    return result;
  }

  private async appendParsed(docs: Array<{ id: string; doc: PlanDocument }>, hook: (table: string) => Promise<void>): Promise<void> {
    const rows = (f: (id: string, doc: PlanDocument) => Cell[][]) => docs.flatMap(({ id, doc }) => f(id, doc));
    await this.append(
      'goals',
      rows((id, doc) => doc.goals.map((g) => [id, g.id, g.level, g.code, g.title, g.parentId, g.page, g.line, g.levelLabel ?? null])),
    );
    await hook('goals');
    // sections carry no position of their own in the model: they get their goal's page and line
    await this.append(
      'goal_sections',
      rows((id, doc) => doc.goals.flatMap((g) => Object.entries(g.sections).map(([section, text]) => [id, g.id, section, text, g.page, g.line]))),
    );
    await hook('goal_sections');
    await this.append(
      'indicators',
      rows((id, doc) =>
        doc.indicators.map((i) => [
          id,
          i.id,
          i.goalId,
          i.name,
          ...targetCells(i.unitTarget),
          ...targetCells(i.kfTarget),
          i.periodicity,
          i.page,
          i.line,
          i.targetYear,
          // the latest outcome; the document model keeps them all
          ...yearValueCells(i.outcomes.at(-1)),
          ...yearValueCells(i.baseline),
        ]),
      ),
    );
    await hook('indicators');
    await this.append(
      'activities',
      rows((id, doc) => doc.activities.map((a) => [id, a.id, a.goalId, a.text, a.start, a.end, a.page, a.line, a.responsible, a.schedule])),
    );
    await hook('activities');
    await this.append(
      'budget_lines',
      rows((id, doc) =>
        doc.budget.map((b) => [
          id,
          b.table,
          b.group,
          b.line,
          b.amountTkr,
          b.page,
          b.sourceLine,
          b.amountPrinted ?? null,
          b.unit ?? null,
          b.column ?? null,
          b.year ?? null,
          b.kind ?? null,
          b.planColumn ?? null,
          b.lineClass ?? null,
          b.sumOf ?? null,
        ]),
      ),
    );
    await hook('budget_lines');
    await this.append(
      'warnings',
      rows((id, doc) => doc.warnings.map((w) => [id, w.stage, w.rule, w.message, w.page, w.line])),
    );
    await hook('warnings');
    await this.append(
      'repairs',
      rows((id, doc) => doc.repairs.map((r) => [id, r.page, r.line, r.before, r.after, r.rule, r.confidence])),
    );
    await hook('repairs');
  }

  /**
   * Rows per table as this transaction sees them (its own appends included), in one query. `count(*)`
   * without a filter reads no column: DuckDB counts the rows of each row group, so it costs next to nothing
   * however large the table (measured: 0.4 ms on an empty table, 0.8 ms at 3 M rows, 3.4 ms at 30 M), where
   * a filter on document_id scanned the column (64 ms at 3 M rows, per table and load).
   */
  private async rowCounts(tables: string[]): Promise<Map<string, number>> {
    const r = await this.conn.runAndReadAll(tables.map((t) => `SELECT '${tableByName(t).name}', count(*) FROM ${t}`).join(' UNION ALL '));
    return new Map(r.getRowsJson().map(([t, n]) => [String(t), Number(n)]));
  }

  /**
   * Before COMMIT: each table must have grown by exactly the rows the documents put in it (counted since
   * `before`, taken after any replaced document's rows were deleted); a difference rolls the load back.
   */
  private async verifyLanded(before: Map<string, number>, expected: Array<Record<string, number>>): Promise<void> {
    const after = await this.rowCounts([...before.keys()]);
    const wrong: string[] = [];
    for (const [table, had] of before) {
      const want = expected.reduce((n, e) => n + (e[table] ?? 0), 0);
      const got = after.get(table)! - had;
      if (got !== want) wrong.push(`${table}: ${got} rows of ${want}`);
    }
    if (wrong.length) {
      const of = expected.length === 1 ? '' : ` for ${expected.length} documents`;
      throw new StoreError(`load did not land as written (${wrong.join(', ')}${of}); rolled back`, 'mismatch');
    }
  }

  private async deleteRowsOf(ids: string[], tables: string[]): Promise<void> {
    for (const t of tables) await this.conn.run(`DELETE FROM ${t} WHERE list_contains($1, document_id)`, [listValue(ids)]);
  }

  /** Appends rows (values in the declared column order of `table`) through the Appender, on the transaction's connection. */
  private async append(table: string, rows: Cell[][]): Promise<void> {
    if (!rows.length) return;
    const declared: Table = tableByName(table);
    const types: ColumnType[] = declared.columns.map((c) => c.type);
    const layout = this.layouts.get(table)!;
    const appender = await this.conn.createAppender(table);
    try {
      for (const row of rows) {
        for (const k of layout) {
          if (k < 0) appender.appendDefault();
          else appendCell(appender, row[k], types[k]);
        }
        appender.endRow();
      }
      appender.flushSync();
    } catch (e) {
      // after a failed append the transaction is aborted and closing reports that again; keep the first error
      try {
        appender.closeSync();
      } catch {
        /* already reported */
      }
      throw new StoreError(`cannot write ${table}: ${(e as Error).message}`, 'input');
    }
    appender.closeSync();
  }
}

/** `(VALUES ($1), ($2), …)`: a batch's values as a small table to join on (n ≥ 1), parameters from `from + 1`. */
function valuesOf(n: number, from = 0): string {
  return `(VALUES ${Array.from({ length: n }, (_, k) => `($${from + k + 1})`).join(', ')})`;
}

function hookOf(opts: LoadOptions): (table: string) => Promise<void> {
  return async (table) => {
    await opts.afterTable?.(table);
    if (opts.failAfter === table) throw new Error(`load interrupted after ${table} (test hook)`);
  };
}

function statusOf(doc: PlanDocument): string {
  return doc.warnings.length ? 'warnings' : 'ok';
}

/** organisation_kind … period_to of `documents`, in their column order (null where the model has none) */
function metadataCells(doc: PlanDocument): Array<string | number | null> {
  const { organisation: o, municipality: m, period: p } = doc;
  return [o?.kind ?? null, o?.name ?? null, m?.code ?? null, m?.name ?? null, p?.from ?? null, p?.to ?? null];
}

function parsedCounts(doc: PlanDocument): Record<string, number> {
  return {
    goals: doc.goals.length,
    goal_sections: doc.goals.reduce((n, g) => n + Object.keys(g.sections).length, 0),
    indicators: doc.indicators.length,
    activities: doc.activities.length,
    budget_lines: doc.budget.length,
    warnings: doc.warnings.length,
    repairs: doc.repairs.length,
  };
}

function targetCells(t: Target | null): Cell[] {
  return t ? [t.raw, t.kind, t.value, t.unit, t.direction] : [null, null, null, null, null];
}

/** An outcome's or baseline's columns: `*_raw`, `*_value`, `*_year`. */
function yearValueCells(v: { year: number | null; value: Target } | null | undefined): Cell[] {
  return v ? [v.value.raw, v.value.value, v.year] : [null, null, null];
}

function appendCell(a: DuckDBAppender, v: Cell, type: ColumnType): void {
  if (v === null || v === undefined) {
    a.appendNull();
    return;
  }
  switch (type) {
    case 'INTEGER':
      a.appendInteger(Number(v));
      return;
    case 'DOUBLE':
      a.appendDouble(Number(v));
      return;
    case 'BOOLEAN':
      a.appendBoolean(Boolean(v));
      return;
    case 'DATE': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(v));
      if (!m) throw new Error(`not a date: ${String(v)}`);
      a.appendDate(dateValue({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }));
      return;
    }
    case 'TIMESTAMP': {
      const ms = v instanceof Date ? v.getTime() : Date.parse(String(v));
      a.appendTimestamp(timestampValue(BigInt(ms) * 1000n));
      return;
    }
    default:
      a.appendVarchar(String(v));
      return;
  }
}
