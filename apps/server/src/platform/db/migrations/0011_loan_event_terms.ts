// 0011: the terms of a loan event that replaying the loan's history needs to make it again (a
// reschedule's installments, first due date and rate, with the rate it replaced), as JSON.
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen history and must not follow later schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("loan_transactions").addColumn("terms", "text").execute();
}
