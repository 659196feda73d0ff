// Opens the database named by a URL: "sqlite:<file>" (WAL, foreign keys, busy timeout) or
// "postgres://…" (a pool; optionally pinned to one schema, as the tests do).
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import {
  CamelCasePlugin,
  Kysely,
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
  type SqliteDatabase,
  SqliteDialect,
} from "kysely";
import pg from "pg";
import type { Dialect } from "./column-types.js";
import { type DirectExecutor, executeDirectlyOn, statementName } from "./prepared.js";
import type { Database } from "./schema.js";

export { withinTransaction } from "./prepared.js";

export type Db = Kysely<Database>;

export interface OpenDatabase {
  db: Db;
  dialect: Dialect;
  /** The URL without any password, safe to print. */
  displayUrl: string;
  /** The SQLite file, for backups; null for PostgreSQL and in-memory databases. */
  sqliteFile: string | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: the schema every connection uses (created if missing). */
  schema?: string;
  poolSize?: number;
}

export const DEFAULT_DATABASE_URL = "sqlite:./data/qadam.db";

export function parseDatabaseUrl(url: string): { dialect: Dialect; target: string } {
  if (url.startsWith("sqlite:")) {
    const target = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (!target)
      throw new Error(`DATABASE_URL ${url} names no file (use sqlite:./data/qadam.db or sqlite::memory:)`);
    return { dialect: "sqlite", target };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://"))
    return { dialect: "postgres", target: url };
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${redactUrl(url)}")`);
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

// Dates come back as "YYYY-MM-DD" and instants as ISO strings on both databases; 64-bit integers
// stay strings from pg and are normalised by the stores (platform/db/ints.ts).
const PG_DATE = 1082;
const PG_TIMESTAMP = 1114;
const PG_TIMESTAMPTZ = 1184;
function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === PG_DATE) return (value: string) => value;
      if (oid === PG_TIMESTAMPTZ || oid === PG_TIMESTAMP)
        return (value: string) => new Date(oid === PG_TIMESTAMP ? `${value}Z` : value).toISOString();
      return pg.types.getTypeParser(oid, format as "text");
    }) as pg.CustomTypesConfig["getTypeParser"],
  };
}

/** Kysely's camel-case plugin, its mapping of a column name reachable by the direct executor. */
class CamelCase extends CamelCasePlugin {
  key(column: string): string {
    return this.camelCase(column);
  }
}

/** Transactions between two refreshes of the planner's statistics (withStatementCache). */
export const STATISTICS_EVERY = 500;

/**
 * better-sqlite3 with its prepared statements kept for reuse: Kysely prepares every query it runs, and
 * preparing costs as much as running a small statement. Kysely runs one statement at a time on the
 * connection, so a cached statement is never in use twice. The same statements serve the direct
 * executor of prepared queries (prepared.ts), which runs them synchronously, rows made in camel case
 * as the plugin would make them, without the row objects better-sqlite3 makes first.
 */
function withStatementCache(
  sqlite: SQLite.Database,
  camelCase: CamelCase,
  size = 1000,
): { database: SqliteDatabase; direct: DirectExecutor } {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (text: string) => {
    let statement = cache.get(text);
    if (statement) {
      // Most recently used last, so the oldest is the one dropped when the cache is full.
      cache.delete(text);
    } else {
      statement = sqlite.prepare(text);
      if (cache.size >= size) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
    }
    cache.set(text, statement);
    return statement;
  };
  /**
   * Per reading statement, a function making a row (in camel case) from its cells: an object literal
   * of the columns' names, made once per statement, builds each row in one step with one shape, where
   * setting the keys one by one costs more than reading the row.
   */
  const rowMakers = new WeakMap<SQLite.Statement, (cells: unknown[]) => Record<string, unknown>>();
  const rowMaker = (statement: SQLite.Statement) => {
    const keys = statement.columns().map((c) => camelCase.key(c.name));
    // A column named twice keeps the last cell, as setting the keys in turn would.
    const fields = keys.map((k, i) => `${JSON.stringify(k)}: c[${i}]`);
    return new Function("c", `return { ${fields.join(", ")} };`) as (
      cells: unknown[],
    ) => Record<string, unknown>;
  };
  const run = (text: string, values: readonly unknown[]) => {
    const statement = prepare(text);
    if (!statement.reader) {
      const { changes, lastInsertRowid } = statement.run(values);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    }
    let make = rowMakers.get(statement);
    if (!make) {
      make = rowMaker(statement);
      rowMakers.set(statement, make);
    }
    let raw: unknown[][];
    try {
      raw = statement.raw(true).all(values) as unknown[][];
    } finally {
      statement.raw(false);
    }
    const rows = new Array<Record<string, unknown>>(raw.length);
    for (let r = 0; r < raw.length; r++) rows[r] = make(raw[r] as unknown[]);
    return { rows };
  };
  let transactions = 0;
  /**
   * Refreshes the planner's statistics every STATISTICS_EVERY transactions, in the transaction: SQLite
   * keeps the figures of a table analysed when it was tiny (a new tenant's twelve installments, every
   * one the same loan's) and plans by them, scanning the whole table for one loan's installments long
   * after it holds a million. `optimize` (its default: the tables this connection has queried, each
   * analysed within a limit) re-analyses only the tables that grew or shrank much since: mostly it
   * does nothing, and at most it takes a few milliseconds.
   */
  const committing = () => {
    transactions += 1;
    if (transactions % STATISTICS_EVERY === 0) sqlite.pragma("optimize");
  };
  return {
    database: { close: () => sqlite.close(), prepare },
    direct: { dialect: "sqlite", run, committing },
  };
}

/**
 * A pg pool whose connections run the statements of prepared queries (prepared.ts) as named
 * statements: each connection parses and plans one once, then only binds and executes it. A
 * connection's statements last as long as it does; migrations run before the pool serves anything.
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const query = (text: unknown, values?: readonly unknown[]) => {
      const name = typeof text === "string" ? statementName(text) : undefined;
      if (name) return client.query({ name, text: text as string, values: values ? [...values] : [] });
      return client.query(text as string, values ? [...values] : undefined);
    };
    return {
      query: query as unknown as PostgresPoolClient["query"],
      release: (destroy) => client.release(destroy),
    };
  };
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        w = wrap(client);
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}

/**
 * The settings every SQLite connection of Qadam's is opened with (the benchmarks' hand-written floors
 * open theirs with the same, so that engine and floor are measured alike).
 */
export function configureSqlite(sqlite: SQLite.Database, memory: boolean): void {
  if (!memory) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // A page cache of 64 MiB: index pages of people and search terms stay in memory at 100,000 members.
  sqlite.pragma("cache_size = -65536");
  sqlite.pragma("temp_store = MEMORY");
  // Checkpoint the WAL every 10,000 pages (about 40 MiB) rather than SQLite's 1,000: each checkpoint
  // syncs the database, and a meeting's commit writes about a hundred pages, so with the default a
  // tenth of meetings paid for one (measured: meetings posted 10–25 % faster, the demo 6 %).
  sqlite.pragma("wal_autocheckpoint = 10000");
  // Keep the planner's statistics fresh (SQLite's advice for long-lived connections).
  sqlite.pragma("optimize = 0x10002");
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<OpenDatabase> {
  const { dialect, target } = parseDatabaseUrl(url);
  if (dialect === "sqlite") {
    const memory = target === ":memory:";
    if (!memory) mkdirSync(dirname(target), { recursive: true });
    const sqlite = new SQLite(target);
    configureSqlite(sqlite, memory);
    const camelCase = new CamelCase();
    const statements = withStatementCache(sqlite, camelCase);
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: statements.database }),
      plugins: [camelCase],
    });
    executeDirectlyOn(db, statements.direct);
    return {
      db,
      dialect,
      displayUrl: url,
      sqliteFile: memory ? null : target,
      close: async () => {
        if (sqlite.open) sqlite.pragma("optimize");
        await db.destroy();
      },
    };
  }

  if (options.schema) {
    const admin = new pg.Client({ connectionString: target });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists "${options.schema.replaceAll('"', "")}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: target,
    max: options.poolSize ?? 10,
    types: pgTypes(),
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: preparingPool(pool) }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, dialect, displayUrl: redactUrl(url), sqliteFile: null, close: () => db.destroy() };
}
