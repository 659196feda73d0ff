// Queries of a fixed shape compiled once and run again with new arguments: Kysely builds, transforms
// (camel case) and compiles a query tree on every call, which on a hot path such as a repayment (a
// dozen small queries) costs more than the database takes to run them.
import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from "kysely";
import { type Dialect, dialectOf } from "./column-types.js";
import { deferWritesIn, dropDeferredWrites, flushDeferredWrites } from "./deferred-writes.js";
import type { Database } from "./schema.js";

/** database.ts's `Db`, named here so that database.ts (which needs statementName) and this file make no cycle. */
type Db = Kysely<Database>;

/** What arguments may hold: values bound as they are, and arrays and records of them. */
export type Argument =
  | string
  | number
  | bigint
  | null
  | readonly Argument[]
  | { readonly [k: string]: Argument };
type Args = { readonly [k: string]: Argument };

/** A table's row (schema.ts) as an argument: a mapped type, which `Args` accepts where an interface is not. */
export type Row<T> = { [K in keyof T]: T[K] };

/** Stands for one argument while the query is built; it must come out as a bound parameter. */
class Slot {
  constructor(readonly path: readonly (string | number)[]) {}
}

function isRecord(value: unknown): value is { readonly [k: string]: Argument } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Slot);
}

/** The same structure as `value`, every leaf replaced by a slot that remembers where it stands. */
function placeholders(value: Argument, path: (string | number)[], slots: Slot[]): unknown {
  if (Array.isArray(value)) return value.map((v: Argument, i) => placeholders(v, [...path, i], slots));
  if (isRecord(value))
    return Object.fromEntries(
      Object.keys(value).map((k) => [k, placeholders(value[k] as Argument, [...path, k], slots)]),
    );
  const slot = new Slot(path);
  slots.push(slot);
  return slot;
}

/** The shape of the arguments, so that arrays of another length compile another query. */
function shapeOf(value: Argument): string {
  // Concatenation rather than map and join: this runs for every statement of every command.
  if (typeof value !== "object" || value === null) return "";
  if (Array.isArray(value)) {
    let shape = "[";
    for (let i = 0; i < value.length; i++) shape += `${shapeOf(value[i] as Argument)},`;
    return `${shape}]`;
  }
  let shape = "{";
  const record = value as { readonly [k: string]: Argument };
  for (const k in record) shape += `${k}:${shapeOf(record[k] as Argument)},`;
  return `${shape}}`;
}

interface Compiled {
  sql: string;
  /** The bound values, in order, read from the arguments (or constants the query itself holds). */
  values: (args: Args) => unknown[];
}

/**
 * A function reading each bound value straight from where it stands in the arguments: made once per
 * shape, it saves walking every argument's path on every run (a repayment binds some 80 values).
 */
function valuesReader(
  parameters: ReadonlyArray<{ path: readonly (string | number)[] } | { constant: unknown }>,
): (args: Args) => unknown[] {
  const constants: unknown[] = [];
  const reads = parameters.map((p) => {
    if ("constant" in p) {
      constants.push(p.constant);
      return `c[${constants.length - 1}]`;
    }
    // Keys as JSON string literals, indexes as numbers: the text is made of nothing else.
    return `a${p.path.map((k) => `[${typeof k === "number" ? String(k) : JSON.stringify(k)}]`).join("")}`;
  });
  const read = new Function("a", "c", `return [${reads.join(",")}];`) as (a: Args, c: unknown[]) => unknown[];
  return (args) => read(args, constants);
}

/** How many shapes of its arguments one prepared query keeps compiled. */
const MAX_SHAPES = 64;

/** Names of the statements prepared queries compile to, by their text. */
const statementNames = new Map<string, string>();

/**
 * The name a prepared query's text goes by, so that a PostgreSQL connection parses and plans it once
 * (database.ts); undefined for any other text, which is parsed every time.
 */
export function statementName(sql: string): string | undefined {
  return statementNames.get(sql);
}

/**
 * Runs a statement's text with its values at once, on the connection a transaction holds: on SQLite a
 * statement is a synchronous call taking a microsecond or two, and Kysely's executor around it (its
 * connection provider, plugins and promises) costs ten times that. Rows come back in camel case.
 */
export interface DirectExecutor {
  dialect: Dialect;
  run(sql: string, values: readonly unknown[]): QueryResult<unknown>;
  /** Told that a transaction's body is done and it is about to commit (the connection's upkeep). */
  committing?(): void;
}

/** Per database opened (database.ts), its direct executor, if it has one (SQLite). */
const directExecutors = new WeakMap<Db, DirectExecutor>();
/** Per transaction open through inTransaction, and only while its body runs, the direct executor. */
const openTransactions = new WeakMap<Db, DirectExecutor>();

/** Lets prepared queries run in transactions of `db` opened by inTransaction through `executor`. */
export function executeDirectlyOn(db: Db, executor: DirectExecutor): void {
  directExecutors.set(db, executor);
}

/**
 * `db.transaction().execute(body)`, in which prepared queries run directly on the connection the
 * transaction holds (where the database has a direct executor), until `body` settles; a query after
 * that goes through Kysely, which refuses a transaction already committed or rolled back. Writes
 * may wait until the body is done (deferred-writes.ts): they are made before the commit.
 */
export async function inTransaction<T>(db: Db, body: (trx: Db) => Promise<T>): Promise<T> {
  const executor = directExecutors.get(db);
  return db.transaction().execute(async (trx) => {
    if (executor) openTransactions.set(trx, executor);
    deferWritesIn(trx);
    try {
      const result = await body(trx);
      // The writes the body put off (deferred-writes.ts), once each, before the commit.
      await flushDeferredWrites(trx);
      executor?.committing?.();
      return result;
    } finally {
      dropDeferredWrites(trx);
      openTransactions.delete(trx);
    }
  });
}

/**
 * Runs `body` in a transaction: `db`'s own when it already is one, so that front-door calls made inside
 * a command compose into its one transaction; a new one otherwise.
 */
export async function withinTransaction<T>(db: Db, body: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? body(db) : inTransaction(db, body);
}

type RowOf<C> = C extends Compilable<infer O> ? O : never;

export interface PreparedQuery<A extends Args, O> {
  execute(db: Db, args: A): Promise<QueryResult<O>>;
  rows(db: Db, args: A): Promise<O[]>;
  first(db: Db, args: A): Promise<O | undefined>;
  /** Rows inserted, updated or deleted. */
  affected(db: Db, args: A): Promise<number>;
  /** The statement and the values it would run with (to ask the database for its plan, say). */
  compiled(db: Db, args: A): CompiledQuery<O>;
}

/**
 * A query whose text depends only on the dialect and the shape of its arguments (the length of each
 * array), compiled the first time it is met and then reused. `build` gets stand-ins for the
 * arguments: it may place them in the query but not look at them, and every one must end up as a
 * bound parameter (checked at compile time, so a misuse fails the first run, in the tests).
 */
export function prepared<A extends Args, C extends Compilable>(
  build: (db: Db, args: A) => C,
): PreparedQuery<A, RowOf<C>> {
  /** Per dialect, by the shape of the arguments. */
  const compiled = new Map<Dialect, Map<string, Compiled>>();

  function compile(db: Db, args: A, shapes: Map<string, Compiled>, shape: string): Compiled {
    const slots: Slot[] = [];
    const query = build(db, placeholders(args, [], slots) as A).compile();
    const used = new Set<Slot>();
    const parameters = query.parameters.map((p) => {
      if (p instanceof Slot) {
        used.add(p);
        return { path: p.path };
      }
      return { constant: p };
    });
    const unused = slots.filter((s) => !used.has(s));
    if (unused.length > 0)
      throw new Error(`prepared query: argument ${unused[0]?.path.join(".")} is not a bound parameter`);
    const result = { sql: query.sql, values: valuesReader(parameters) };
    // Kept (and named) for the first shapes met only: arrays of ever new lengths, such as the lines
    // of entries of every size, must not grow the caches, here and on the server, without end.
    if (shapes.size < MAX_SHAPES) {
      shapes.set(shape, result);
      if (!statementNames.has(query.sql)) statementNames.set(query.sql, `qadam_${statementNames.size + 1}`);
    }
    return result;
  }

  function compiledFor(db: Db, dialect: Dialect, args: A): Compiled {
    let shapes = compiled.get(dialect);
    if (!shapes) {
      shapes = new Map();
      compiled.set(dialect, shapes);
    }
    const shape = shapeOf(args);
    return shapes.get(shape) ?? compile(db, args, shapes, shape);
  }

  async function execute(db: Db, args: A): Promise<QueryResult<RowOf<C>>> {
    const direct = openTransactions.get(db);
    const query = compiledFor(db, direct ? direct.dialect : dialectOf(db), args);
    const values = query.values(args);
    if (direct) return direct.run(query.sql, values) as QueryResult<RowOf<C>>;
    return db.executeQuery<RowOf<C>>(CompiledQuery.raw(query.sql, values));
  }

  return {
    compiled: (db, args) => {
      const query = compiledFor(db, dialectOf(db), args);
      return CompiledQuery.raw(query.sql, query.values(args)) as CompiledQuery<RowOf<C>>;
    },
    execute,
    rows: async (db, args) => (await execute(db, args)).rows,
    first: async (db, args) => (await execute(db, args)).rows[0],
    affected: async (db, args) => Number((await execute(db, args)).numAffectedRows ?? 0n),
  };
}
