// The store as `plans sql` sees it: opened READ_ONLY (the file is never written, not even by a SELECT,
// and a file without write permission can be queried), with no file system or network access from SQL
// (COPY, ATTACH, read_csv, INSTALL, LOAD refused), the configuration locked (no SET), and one read-only
// statement per call.
import { type DuckDBConnection, type DuckDBInstance, StatementType } from '@duckdb/node-api';
import { resolve } from 'node:path';
import { mustExist, openDuckDB, type QueryResult, StoreError } from './store.js';
import { jsonRows } from './rows.js';

const READ_ONLY_OPTIONS = {
  access_mode: 'READ_ONLY',
  enable_external_access: 'false',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  lock_configuration: 'true',
};

/** What a read-only query may be: SELECT (also WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE) and EXPLAIN. */
const READING = new Set([StatementType.SELECT, StatementType.EXPLAIN]);

export class ReadOnlyStore {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  static async open(dbPath: string): Promise<ReadOnlyStore> {
    mustExist(dbPath);
    const instance = await openDuckDB(dbPath, resolve(dbPath), READ_ONLY_OPTIONS);
    return new ReadOnlyStore(instance, await instance.connect());
  }

  /** `params` fill `$1`, `$2`, … (values, never SQL text). */
  async query(sql: string, params: Array<string | number | boolean | null> = []): Promise<QueryResult> {
    const statements = await this.conn.extractStatements(sql).catch((e: Error) => {
      throw new StoreError(e.message.split('\n')[0], 'refused');
    });
    if (statements.count !== 1) {
      throw new StoreError(`plans sql runs one statement per call; got ${statements.count}`, 'refused');
    }
    const prepared = await statements.prepare(0).catch(permission);
    if (!READING.has(prepared.statementType)) {
      throw new StoreError(
        `plans sql only reads (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); this is ${StatementType[prepared.statementType]} — the database is written by plans import and plans rebuild`,
        'refused',
      );
    }
    if (params.length) prepared.bind(params);
    const r = await prepared.runAndReadAll().catch(permission);
    return { columns: r.deduplicatedColumnNames(), rows: jsonRows(r) };
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

/** DuckDB refuses file access when a statement is bound or run; say why. */
function permission(e: Error): never {
  const msg = e.message.split('\n')[0];
  throw /^Permission Error/.test(msg) ? new StoreError(`plans sql reads only the database: ${msg}`, 'refused') : e;
}
