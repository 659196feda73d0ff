// 0008: a share-out values the group's net worth, loans outstanding included; what a member is not
// paid in cash stays in the group as her opening savings of the next cycle. Each share-out line keeps
// that carried-over amount beside her claim (payout): cash paid = payout − carried_over. Lines
// written before this migration were paid wholly in cash, so 0 is their true value.
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen history and must not follow later schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("shareout_lines")
    .addColumn("carried_over", "bigint", (c) => c.notNull().defaultTo(0))
    .execute();
}
