// 0003: the loan engine's records — products, loans (with cached state for fast portfolio queries),
// their schedules by plan, append-only transactions, allocations and penalty charges, group-loan
// shares, appraisal notes, and the tenant's calendar and dated legal caps.
import { type Kysely, sql } from "kysely";
import { type ColumnTypes, columnTypes } from "../column-types.js";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen history and must not follow later schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const t: ColumnTypes = columnTypes(db);

  await db.schema
    .createTable("holidays")
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("date", t.date, (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("holidays_pk", ["tenant_id", "date"])
    .execute();

  await db.schema
    .createTable("rate_caps")
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("valid_from", t.date, (c) => c.notNull())
    .addColumn("max_effective_rate", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("rate_caps_pk", ["tenant_id", "valid_from"])
    .execute();

  await db.schema
    .createTable("loan_products")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("spec", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active','retired')`))
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .addUniqueConstraint("loan_products_name_per_org", ["org_id", "name"])
    .execute();

  await db.schema
    .createTable("loans")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("product_id", t.uuid, (c) => c.notNull().references("loan_products.id"))
    .addColumn("borrower_type", "text", (c) => c.notNull().check(sql`borrower_type in ('person','group')`))
    .addColumn("borrower_id", t.uuid, (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("principal", "bigint", (c) => c.notNull().check(sql`principal > 0`))
    .addColumn("installments", "integer", (c) => c.notNull())
    .addColumn("first_due_on", t.date, (c) => c.notNull())
    .addColumn("disbursed_on", t.date)
    .addColumn("purpose", "text")
    .addColumn("spec", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('applied','approved','rejected','active','closed','written_off')`),
    )
    .addColumn("applied_on", t.date, (c) => c.notNull())
    .addColumn("created_by", t.uuid, (c) => c.references("users.id"))
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .addColumn("decided_by", t.uuid, (c) => c.references("users.id"))
    .addColumn("decided_on", t.date)
    .addColumn("decision_note", "text")
    // Cached state, kept by every command in the same transaction: the portfolio queries read only these.
    .addColumn("principal_outstanding", "bigint", (c) => c.notNull())
    .addColumn("arrears_since", t.date)
    .addColumn("last_activity_on", t.date)
    .addColumn("advance", "bigint", (c) => c.notNull())
    .addColumn("penalty_through", t.date)
    .addColumn("plan", "integer", (c) => c.notNull())
    .addColumn("written_off_on", t.date)
    .addColumn("written_off", "bigint", (c) => c.notNull())
    .addColumn("recovered", "bigint", (c) => c.notNull())
    .addColumn("closed_on", t.date)
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("loans_org_status")
    .on("loans")
    .columns(["tenant_id", "org_id", "status"])
    .execute();
  await db.schema.createIndex("loans_borrower").on("loans").columns(["tenant_id", "borrower_id"]).execute();

  await db.schema
    .createTable("loan_members")
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("loan_id", t.uuid, (c) => c.notNull().references("loans.id"))
    .addColumn("person_id", t.uuid, (c) => c.notNull().references("persons.id"))
    .addColumn("share", "bigint", (c) => c.notNull().check(sql`share > 0`))
    .addColumn("joint_liability", "integer", (c) => c.notNull().check(sql`joint_liability in (0, 1)`))
    .addPrimaryKeyConstraint("loan_members_pk", ["loan_id", "person_id"])
    .execute();

  await db.schema
    .createTable("loan_notes")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("loan_id", t.uuid, (c) => c.notNull().references("loans.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("author", t.uuid, (c) => c.references("users.id"))
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("loan_notes_loan").on("loan_notes").column("loan_id").execute();

  // The plan: a schedule version. A reschedule or a prepayment replaces the unpaid installments with
  // a new plan from its date; the replaced rows stay, so arrears on an earlier date use the plan then.
  await db.schema
    .createTable("loan_installments")
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("loan_id", t.uuid, (c) => c.notNull().references("loans.id"))
    .addColumn("plan", "integer", (c) => c.notNull())
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("due_date", t.date, (c) => c.notNull())
    .addColumn("principal", "bigint", (c) => c.notNull())
    .addColumn("interest", "bigint", (c) => c.notNull())
    .addColumn("fee", "bigint", (c) => c.notNull())
    .addColumn("penalty", "bigint", (c) => c.notNull())
    .addColumn("principal_paid", "bigint", (c) => c.notNull())
    .addColumn("interest_paid", "bigint", (c) => c.notNull())
    .addColumn("fee_paid", "bigint", (c) => c.notNull())
    .addColumn("penalty_paid", "bigint", (c) => c.notNull())
    .addColumn("planned_on", t.date, (c) => c.notNull())
    .addColumn("replaced_on", t.date)
    .addPrimaryKeyConstraint("loan_installments_pk", ["loan_id", "plan", "number"])
    .execute();

  // What happened to a loan, in order (seq is unique per loan: two writers cannot both take the next).
  await db.schema
    .createTable("loan_transactions")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("loan_id", t.uuid, (c) => c.notNull().references("loans.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('disbursement','repayment','prepayment','penalty','reversal','reschedule','write_off','recovery','refund')`,
        ),
    )
    .addColumn("value_date", t.date, (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("advance", "bigint", (c) => c.notNull())
    .addColumn("entry_id", t.uuid, (c) => c.references("journal_entries.id"))
    .addColumn("reverses_id", t.uuid, (c) => c.references("loan_transactions.id"))
    .addColumn("replaces_id", t.uuid, (c) => c.references("loan_transactions.id"))
    .addColumn("channel", "text", (c) => c.check(sql`channel in ('cash','bank')`))
    .addColumn("note", "text")
    .addColumn("recorded_at", t.instant, (c) => c.notNull())
    .addColumn("recorded_by", t.uuid, (c) => c.references("users.id"))
    .addUniqueConstraint("loan_transactions_seq", ["loan_id", "seq"])
    .execute();
  await db.schema
    .createIndex("loan_transactions_one_reversal")
    .on("loan_transactions")
    .column("reverses_id")
    .unique()
    .where(sql.ref("reverses_id"), "is not", null)
    .execute();

  // Signed: a reversal allocates the negative of what it undoes, on the original value date.
  await db.schema
    .createTable("loan_allocations")
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("transaction_id", t.uuid, (c) => c.notNull().references("loan_transactions.id"))
    .addColumn("loan_id", t.uuid, (c) => c.notNull().references("loans.id"))
    .addColumn("plan", "integer", (c) => c.notNull())
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("component", "text", (c) =>
      c.notNull().check(sql`component in ('penalty','fee','interest','principal','charge')`),
    )
    .addColumn("value_date", t.date, (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("loan_allocations_loan")
    .on("loan_allocations")
    .columns(["loan_id", "value_date"])
    .execute();

  await t.forbidUpdateAndDelete("loan_transactions");
  await t.forbidUpdateAndDelete("loan_allocations");
}
