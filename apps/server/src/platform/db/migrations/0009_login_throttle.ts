// 0009: failed log-ins counted per login name, known or not, in one row that an attempt claims
// atomically before its password is checked (login_failures, per user, is no longer written).
// The row is keyed by the login as typed (normalised), not by tenant: an unknown login has none.
import type { Kysely } from "kysely";
import { type ColumnTypes, columnTypes } from "../column-types.js";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen history and must not follow later schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const t: ColumnTypes = columnTypes(db);
  await db.schema
    .createTable("login_throttle")
    .addColumn("login", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("window_started_at", t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("login_throttle_window")
    .on("login_throttle")
    .column("window_started_at")
    .execute();
}
