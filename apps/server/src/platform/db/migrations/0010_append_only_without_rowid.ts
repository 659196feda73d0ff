// 0010: on SQLite, the append-only tables a repayment writes to (journal lines, loan transactions, the
// audit log) become WITHOUT ROWID tables, stored in the order of their primary key alone: one B-tree
// a row instead of the table and its key's index, so fewer pages written per commit. Each is rebuilt
// from its own definition as it stands (whatever columns earlier migrations added), keeping its rows,
// indexes and append-only triggers. On PostgreSQL, where tables are heaps anyway, nothing changes.
import { type Kysely, sql } from "kysely";
import { dialectOf } from "../column-types.js";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen history and must not follow later schema types
type AnyDb = Kysely<any>;

export const LEANER_TABLES = ["journal_lines", "loan_transactions", "audit_log"] as const;

export async function up(db: AnyDb): Promise<void> {
  await rebuildAll(db, true);
}

/** Back to ordinary rowid tables (what the test of `up` starts from, on a database with today's columns). */
export async function down(db: AnyDb): Promise<void> {
  await rebuildAll(db, false);
}

async function rebuildAll(db: AnyDb, withoutRowid: boolean): Promise<void> {
  if (dialectOf(db) !== "sqlite") return;
  // SQLite's way to rebuild a table others refer to: foreign keys off (outside any transaction: Kysely
  // runs SQLite migrations outside one, on one connection), the rebuild in one transaction, the keys
  // checked before it commits, and switched back on.
  const keys = (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0]?.foreign_keys;
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      for (const table of LEANER_TABLES) await rebuild(db, table, withoutRowid);
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error(`0010: ${broken.rows.length} rows break a foreign key`);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql.raw(`pragma foreign_keys = ${keys ? "on" : "off"}`).execute(db);
  }
}

async function rebuild(db: AnyDb, table: string, withoutRowid: boolean): Promise<void> {
  const schema = await sql<{ type: string; sql: string }>`
    select type, sql from sqlite_schema where tbl_name = ${table} and sql is not null order by type = 'table' desc, rowid`.execute(
    db,
  );
  const [create, ...others] = schema.rows;
  if (create?.type !== "table") throw new Error(`0010: no table ${table}`);
  const tail = /\s+without\s+rowid\s*$/i;
  if (tail.test(create.sql) === withoutRowid) return;
  const rebuilt = `${table}_0010`;
  const head = /^create\s+table\s+("[^"]+"|\S+)/i;
  if (!head.test(create.sql)) throw new Error(`0010: cannot read the definition of ${table}`);
  const definition = create.sql.replace(tail, "").replace(head, `create table "${rebuilt}"`);
  await sql.raw(withoutRowid ? `${definition} without rowid` : definition).execute(db);
  await sql`insert into ${sql.table(rebuilt)} select * from ${sql.table(table)}`.execute(db);
  // Dropping it drops its indexes and triggers too; its implicit delete fires no trigger.
  await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table ${sql.table(rebuilt)} rename to ${sql.table(table)}`.execute(db);
  for (const other of others) await sql.raw(other.sql).execute(db);
}
