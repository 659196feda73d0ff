// Column types that differ between SQLite and PostgreSQL, so one migration serves both.
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from "kysely";

type DataTypeExpression = Parameters<ReturnType<Kysely<unknown>["schema"]["createTable"]>["addColumn"]>[1];

export type Dialect = "sqlite" | "postgres";

// biome-ignore lint/suspicious/noExplicitAny: works on any schema
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

export interface ColumnTypes {
  dialect: Dialect;
  uuid: DataTypeExpression;
  date: DataTypeExpression;
  instant: DataTypeExpression;
  /** Compare bytewise, so that a prefix range (">= p and < p+'\uffff'") uses the index on both databases. */
  bytewise(c: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Makes a table append-only: the database itself refuses UPDATE and DELETE. */
  forbidUpdateAndDelete(table: string): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: works on any schema
export function columnTypes(db: Kysely<any>): ColumnTypes {
  const dialect = dialectOf(db);
  if (dialect === "postgres") {
    return {
      dialect,
      uuid: "uuid",
      date: "date",
      instant: "timestamptz",
      bytewise: (c) => c.modifyEnd(sql`collate "C"`),
      async forbidUpdateAndDelete(table) {
        await sql`
          create or replace function qadam_append_only() returns trigger language plpgsql as $$
          begin raise exception 'table % is append-only', tg_table_name using errcode = 'P0001'; end $$`.execute(
          db,
        );
        await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
          for each row execute function qadam_append_only()`.execute(db);
      },
    };
  }
  return {
    dialect,
    uuid: "text",
    date: "text",
    instant: "text",
    bytewise: (c) => c,
    async forbidUpdateAndDelete(table) {
      for (const op of ["update", "delete"] as const) {
        await sql`create trigger ${sql.id(`${table}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(table)}
          begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
      }
    },
  };
}
