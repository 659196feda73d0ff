// 0002: double-entry books — each organisation's chart of accounts and its append-only journal.
import { type Kysely, sql } from "kysely";
import { type ColumnTypes, columnTypes } from "../column-types.js";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen history and must not follow later schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const t: ColumnTypes = columnTypes(db);

  await db.schema
    .createTable("accounts")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) =>
      c.notNull().check(sql`type in ('asset','liability','equity','income','expense')`),
    )
    .addColumn("parent_id", t.uuid, (c) => c.references("accounts.id"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active','closed')`))
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .addUniqueConstraint("accounts_code_per_org", ["org_id", "code"])
    .execute();
  await db.schema.createIndex("accounts_org").on("accounts").columns(["tenant_id", "org_id"]).execute();

  await db.schema
    .createTable("journal_entries")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("business_date", t.date, (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("cause_type", "text", (c) => c.notNull())
    .addColumn("cause_id", "text", (c) => c.notNull())
    .addColumn("reverses_id", t.uuid, (c) => c.references("journal_entries.id"))
    .addColumn("posted_at", t.instant, (c) => c.notNull())
    .addColumn("posted_by", t.uuid, (c) => c.references("users.id"))
    .execute();
  await db.schema
    .createIndex("journal_entries_org_date")
    .on("journal_entries")
    .columns(["tenant_id", "org_id", "business_date"])
    .execute();
  await db.schema
    .createIndex("journal_entries_cause")
    .on("journal_entries")
    .columns(["tenant_id", "cause_type", "cause_id"])
    .execute();
  // An entry is reversed at most once.
  await db.schema
    .createIndex("journal_entries_one_reversal")
    .on("journal_entries")
    .column("reverses_id")
    .unique()
    .where(sql.ref("reverses_id"), "is not", null)
    .execute();

  await db.schema
    .createTable("journal_lines")
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("entry_id", t.uuid, (c) => c.notNull().references("journal_entries.id"))
    .addColumn("line_no", "integer", (c) => c.notNull())
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("account_id", t.uuid, (c) => c.notNull().references("accounts.id"))
    // A copy of the entry's date (entries never change), so that balances on a date read lines only.
    .addColumn("business_date", t.date, (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull().check(sql`amount <> 0`))
    .addColumn("memo", "text")
    .addPrimaryKeyConstraint("journal_lines_pk", ["entry_id", "line_no"])
    .execute();
  await db.schema
    .createIndex("journal_lines_org_date")
    .on("journal_lines")
    .columns(["tenant_id", "org_id", "business_date"])
    .execute();
  await db.schema
    .createIndex("journal_lines_account_date")
    .on("journal_lines")
    .columns(["account_id", "business_date"])
    .execute();

  await t.forbidUpdateAndDelete("journal_entries");
  await t.forbidUpdateAndDelete("journal_lines");
}
