// The DuckDB store: one file, one writer. Loads are keyed by content (SHA-256): loading the same bytes
// twice changes nothing; new bytes at a known path replace that document's rows. Each document is
// written in one transaction; rows go through the Appender, inside that transaction.
import { type DuckDBAppender, type DuckDBConnection, DuckDBInstance, dateValue, timestampValue } from '@duckdb/node-api';
import { resolve } from 'node:path';
import { type Extraction, ExtractedPage, type PlanDocument, type Target } from '../model.js';
import { DOCUMENT_TABLES, PARSED_TABLES, SCHEMA_VERSION, TABLES, VIEWS } from './schema.js';

export type LoadResult = 'inserted' | 'replaced' | 'unchanged';

export class StoreError extends Error {}

type Cell = string | number | null | { date: string };

export class PlanStore {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    readonly path: string,
  ) {}

  static async open(dbPath: string): Promise<PlanStore> {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(dbPath);
    } catch (e) {
      const msg = (e as Error).message;
      if (/lock/i.test(msg)) throw new StoreError(`database ${resolve(dbPath)} is in use by another process (${msg.split('\n')[0]})`);
      throw new StoreError(`cannot open database ${resolve(dbPath)}: ${msg}`);
    }
    const conn = await instance.connect();
    const store = new PlanStore(instance, conn, dbPath);
    await conn.run(TABLES);
    await conn.run(VIEWS);
    await conn.run(`INSERT OR REPLACE INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}')`);
    return store;
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }

  async hasDocument(sha256: string): Promise<boolean> {
    const r = await this.conn.runAndReadAll('SELECT 1 FROM documents WHERE document_id = $1', [sha256]);
    return r.currentRowCount > 0;
  }

  /** Loads one document in one transaction. `failAfter` lets tests break a load midway. */
  async load(extraction: Extraction, doc: PlanDocument, opts: { parserVersion: string; failAfter?: string }): Promise<LoadResult> {
    const id = extraction.source.sha256;
    if (await this.hasDocument(id)) return 'unchanged';
    const previous = await this.conn.runAndReadAll('SELECT document_id FROM documents WHERE path = $1', [extraction.source.path]);
    const oldIds = previous.getRowsJson().map((r) => String(r[0]));
    await this.transaction(async () => {
      for (const old of oldIds) await this.deleteDocument(old, DOCUMENT_TABLES);
      await this.appendRows('documents', [
        [id, extraction.source.path, doc.source.format, extraction.pages.length, doc.unit.name, doc.unit.key, doc.district, doc.year, doc.dnr, opts.parserVersion, new Date().toISOString()],
      ]);
      await this.appendRows(
        'pages',
        extraction.pages.map((p) => [id, p.num, p.text, p.items ? JSON.stringify(p.items) : null, p.method, p.confidence, p.width, p.height]),
      );
      if (opts.failAfter === 'pages') throw new Error('load interrupted after pages (test hook)');
      await this.appendParsed(id, doc, opts.failAfter);
    });
    return oldIds.length ? 'replaced' : 'inserted';
  }

  /** Rewrites the parsed rows of a stored document from a new parse of its stored pages. */
  async replaceParsed(extraction: Extraction, doc: PlanDocument, opts: { parserVersion: string }): Promise<void> {
    const id = extraction.source.sha256;
    await this.transaction(async () => {
      await this.deleteDocument(id, PARSED_TABLES);
      await this.conn.run(
        'UPDATE documents SET unit_name = $2, unit_key = $3, district = $4, year = $5, dnr = $6, parser_version = $7 WHERE document_id = $1',
        [id, doc.unit.name, doc.unit.key, doc.district, doc.year, doc.dnr, opts.parserVersion],
      );
      await this.appendParsed(id, doc);
    });
  }

  async storedDocuments(): Promise<Array<{ documentId: string; path: string; format: string }>> {
    const r = await this.conn.runAndReadAll('SELECT document_id, path, format FROM documents ORDER BY path');
    return r.getRowsJson().map(([documentId, path, format]) => ({ documentId: String(documentId), path: String(path), format: String(format) }));
  }

  async storedExtraction(documentId: string): Promise<Extraction> {
    const d = await this.conn.runAndReadAll('SELECT path, format FROM documents WHERE document_id = $1', [documentId]);
    const [row] = d.getRowsJson();
    if (!row) throw new StoreError(`no document ${documentId} in ${this.path}`);
    const p = await this.conn.runAndReadAll(
      'SELECT page, text, items, method, confidence, width, height FROM pages WHERE document_id = $1 ORDER BY page',
      [documentId],
    );
    const pages = p.getRowsJson().map(([num, text, items, method, confidence, width, height]) =>
      ExtractedPage.parse({
        num,
        text,
        items: items === null ? null : JSON.parse(String(items)),
        method,
        confidence,
        width,
        height,
      }),
    );
    return {
      source: { path: String(row[0]), sha256: documentId, format: row[1] as Extraction['source']['format'], pages: pages.length },
      pages,
      warnings: [],
    };
  }

  async query(sql: string): Promise<{ columns: string[]; rows: unknown[][] }> {
    const r = await this.conn.runAndReadAll(sql);
    return { columns: r.deduplicatedColumnNames(), rows: r.getRowsJson() as unknown[][] };
  }

  private async transaction(body: () => Promise<void>): Promise<void> {
    await this.conn.run('BEGIN TRANSACTION');
    try {
      await body();
      await this.conn.run('COMMIT');
    } catch (e) {
      await this.conn.run('ROLLBACK');
      throw e;
    }
  }

  private async deleteDocument(id: string, tables: string[]): Promise<void> {
    for (const t of tables) await this.conn.run(`DELETE FROM ${t} WHERE document_id = $1`, [id]);
  }

  private async appendParsed(id: string, doc: PlanDocument, failAfter?: string): Promise<void> {
    const goalPos = new Map(doc.goals.map((g) => [g.id, g]));
    await this.appendRows('goals', doc.goals.map((g) => [id, g.id, g.level, g.code, g.title, g.parentId, g.page, g.line]));
    await this.appendRows(
      'goal_sections',
      doc.goals.flatMap((g) => Object.entries(g.sections).map(([section, text]) => [id, g.id, section, text ?? '', goalPos.get(g.id)!.page, g.line])),
    );
    if (failAfter === 'goals') throw new Error('load interrupted after goals (test hook)');
    await this.appendRows(
      'indicators',
      doc.indicators.map((i) => [id, i.id, i.goalId, i.name, ...targetCells(i.unitTarget), ...targetCells(i.kfTarget), i.periodicity, i.page, i.line]),
    );
    await this.appendRows(
      'activities',
      doc.activities.map((a) => [id, a.id, a.goalId, a.text, a.start ? { date: a.start } : null, a.end ? { date: a.end } : null, a.page, a.line]),
    );
    await this.appendRows('budget_lines', doc.budget.map((b) => [id, b.table, b.group, b.line, b.amountTkr, b.page, b.sourceLine]));
    await this.appendRows('warnings', doc.warnings.map((w) => [id, w.stage, w.rule, w.message, w.page, w.line]));
  }

  private readonly columnTypes = new Map<string, string[]>();

  private async typesOf(table: string): Promise<string[]> {
    let types = this.columnTypes.get(table);
    if (!types) {
      const r = await this.conn.runAndReadAll(
        'SELECT data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position',
        [table],
      );
      types = r.getRowsJson().map((x) => String(x[0]));
      this.columnTypes.set(table, types);
    }
    return types;
  }

  private async appendRows(table: string, rows: Cell[][]): Promise<void> {
    if (!rows.length) return;
    const types = await this.typesOf(table);
    const appender = await this.conn.createAppender(table);
    try {
      for (const row of rows) {
        row.forEach((v, i) => appendCell(appender, v, types[i]));
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }
}

function targetCells(t: Target | null): Cell[] {
  return t ? [t.raw, t.kind, t.value, t.unit, t.direction] : [null, null, null, null, null];
}

function appendCell(a: DuckDBAppender, v: Cell, type: string): void {
  if (v === null || v === undefined) a.appendNull();
  else if (type === 'INTEGER') a.appendInteger(Number(v));
  else if (type === 'DOUBLE') a.appendDouble(Number(v));
  else if (type === 'DATE' && typeof v === 'object') {
    const [year, month, day] = v.date.split('-').map(Number);
    a.appendDate(dateValue({ year, month, day }));
  } else if (type === 'TIMESTAMP') a.appendTimestamp(timestampValue(BigInt(Date.parse(String(v))) * 1000n));
  else a.appendVarchar(String(v));
}
