// 0007: loan controls — a write-off or a reschedule is a request by one user that another approves or
// rejects (maker–checker). At most one request per loan waits for a decision at a time.
import { type Kysely, sql } from "kysely";
import { type ColumnTypes, columnTypes } from "../column-types.js";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen history and must not follow later schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const t: ColumnTypes = columnTypes(db);
  await db.schema
    .createTable("loan_requests")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("loan_id", t.uuid, (c) => c.notNull().references("loans.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('write_off','reschedule')`))
    .addColumn("value_date", t.date, (c) => c.notNull())
    // The command's own terms as JSON (a reschedule's installments, first due date and rate).
    .addColumn("terms", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("days_past_due", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pending','approved','rejected')`))
    .addColumn("requested_by", t.uuid, (c) => c.references("users.id"))
    .addColumn("requested_at", t.instant, (c) => c.notNull())
    .addColumn("decided_by", t.uuid, (c) => c.references("users.id"))
    .addColumn("decided_at", t.instant)
    .addColumn("decision_note", "text")
    .execute();
  await db.schema.createIndex("loan_requests_loan").on("loan_requests").column("loan_id").execute();
  await db.schema
    .createIndex("loan_requests_one_pending")
    .on("loan_requests")
    .column("loan_id")
    .unique()
    .where(sql.ref("status"), "=", "pending")
    .execute();
}
