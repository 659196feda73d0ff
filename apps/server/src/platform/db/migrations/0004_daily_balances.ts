// 0004: each account's net movement per currency and business date, kept by postEntry in the same
// transaction as the lines. Balances on a date then read one row per account and day, not every line.
import { type Kysely, sql } from "kysely";
import { type ColumnTypes, columnTypes } from "../column-types.js";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen history and must not follow later schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const t: ColumnTypes = columnTypes(db);
  await db.schema
    .createTable("account_daily_balances")
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("account_id", t.uuid, (c) => c.notNull().references("accounts.id"))
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("business_date", t.date, (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("account_daily_balances_pk", ["account_id", "currency", "business_date"])
    .execute();
  await db.schema
    .createIndex("account_daily_balances_org_date")
    .on("account_daily_balances")
    .columns(["tenant_id", "org_id", "business_date"])
    .execute();
  await sql`insert into account_daily_balances (tenant_id, org_id, account_id, currency, business_date, amount)
    select tenant_id, org_id, account_id, currency, business_date, sum(amount)
    from journal_lines group by tenant_id, org_id, account_id, currency, business_date`.execute(db);
}
