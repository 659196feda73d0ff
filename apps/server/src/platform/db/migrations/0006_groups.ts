// 0006: self-help groups' own books — dated rules, meetings (attendance, money lines, the cash
// counted), internal loans to members, share-outs and grades with their history — and a party on
// journal lines, so that a member's passbook can be read from the journal itself.
import { type Kysely, sql } from "kysely";
import { type ColumnTypes, columnTypes } from "../column-types.js";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen history and must not follow later schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const t: ColumnTypes = columnTypes(db);

  // The person a line concerns (a member's savings, loan, fine); null for the organisation's own.
  await db.schema.alterTable("journal_lines").addColumn("party_id", t.uuid).execute();
  await db.schema
    .createIndex("journal_lines_party")
    .on("journal_lines")
    .columns(["party_id", "account_id"])
    .where(sql.ref("party_id"), "is not", null)
    .execute();

  await db.schema
    .createTable("group_rules")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("valid_from", t.date, (c) => c.notNull())
    .addColumn("spec", "text", (c) => c.notNull())
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .addColumn("created_by", t.uuid, (c) => c.references("users.id"))
    .addUniqueConstraint("group_rules_one_per_date", ["org_id", "valid_from"])
    .execute();

  await db.schema
    .createTable("meetings")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    // Meetings of a group in the order recorded; a correction is recorded as the next one.
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("held_on", t.date, (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('posted','reversed')`))
    .addColumn("cash_counted", "bigint")
    .addColumn("entry_id", t.uuid, (c) => c.references("journal_entries.id"))
    .addColumn("reversal_entry_id", t.uuid, (c) => c.references("journal_entries.id"))
    .addColumn("replaces_id", t.uuid, (c) => c.references("meetings.id"))
    .addColumn("note", "text")
    .addColumn("recorded_at", t.instant, (c) => c.notNull())
    .addColumn("recorded_by", t.uuid, (c) => c.references("users.id"))
    .addUniqueConstraint("meetings_seq", ["org_id", "seq"])
    .execute();
  await db.schema
    .createIndex("meetings_held")
    .on("meetings")
    .columns(["tenant_id", "org_id", "held_on"])
    .execute();

  await db.schema
    .createTable("meeting_attendance")
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("meeting_id", t.uuid, (c) => c.notNull().references("meetings.id"))
    .addColumn("person_id", t.uuid, (c) => c.notNull().references("persons.id"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('present','late','absent','excused','represented')`),
    )
    .addPrimaryKeyConstraint("meeting_attendance_pk", ["meeting_id", "person_id"])
    .execute();

  await db.schema
    .createTable("internal_loans")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("person_id", t.uuid, (c) => c.notNull().references("persons.id"))
    .addColumn("meeting_id", t.uuid, (c) => c.notNull().references("meetings.id"))
    .addColumn("issued_on", t.date, (c) => c.notNull())
    .addColumn("principal", "bigint", (c) => c.notNull().check(sql`principal > 0`))
    .addColumn("monthly_rate", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull().check(sql`method in ('flat','declining')`))
    .addColumn("term_months", "integer", (c) => c.notNull())
    .addColumn("purpose", "text")
    // Cached from the meeting lines by every meeting command, in the same transaction.
    .addColumn("principal_outstanding", "bigint", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open','repaid','cancelled')`))
    .execute();
  await db.schema
    .createIndex("internal_loans_group")
    .on("internal_loans")
    .columns(["tenant_id", "org_id", "status"])
    .execute();

  await db.schema
    .createTable("meeting_lines")
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("meeting_id", t.uuid, (c) => c.notNull().references("meetings.id"))
    .addColumn("line_no", "integer", (c) => c.notNull())
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("held_on", t.date, (c) => c.notNull())
    .addColumn("person_id", t.uuid, (c) => c.references("persons.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull().check(sql`amount > 0`))
    // Of a repayment: the interest part (the rest is principal).
    .addColumn("interest", "bigint")
    .addColumn("internal_loan_id", t.uuid, (c) => c.references("internal_loans.id"))
    .addColumn("detail", "text")
    .addPrimaryKeyConstraint("meeting_lines_pk", ["meeting_id", "line_no"])
    .execute();
  await db.schema
    .createIndex("meeting_lines_person")
    .on("meeting_lines")
    .columns(["person_id", "held_on"])
    .execute();
  await db.schema
    .createIndex("meeting_lines_loan")
    .on("meeting_lines")
    .columns(["internal_loan_id"])
    .where(sql.ref("internal_loan_id"), "is not", null)
    .execute();

  await db.schema
    .createTable("shareouts")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("cycle_from", t.date, (c) => c.notNull())
    .addColumn("closed_on", t.date, (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("shared_as", "text", (c) => c.notNull())
    .addColumn("distributable", "bigint", (c) => c.notNull())
    .addColumn("entry_id", t.uuid, (c) => c.notNull().references("journal_entries.id"))
    .addColumn("recorded_at", t.instant, (c) => c.notNull())
    .addColumn("recorded_by", t.uuid, (c) => c.references("users.id"))
    .addUniqueConstraint("shareouts_one_per_day", ["org_id", "closed_on"])
    .execute();
  await db.schema
    .createTable("shareout_lines")
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("shareout_id", t.uuid, (c) => c.notNull().references("shareouts.id"))
    .addColumn("person_id", t.uuid, (c) => c.notNull().references("persons.id"))
    .addColumn("savings", "bigint", (c) => c.notNull())
    .addColumn("payout", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("shareout_lines_pk", ["shareout_id", "person_id"])
    .execute();

  // The tenant's scoring table, versioned by date like every rule.
  await db.schema
    .createTable("grading_tables")
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("valid_from", t.date, (c) => c.notNull())
    .addColumn("spec", "text", (c) => c.notNull())
    .addColumn("created_at", t.instant, (c) => c.notNull())
    .addColumn("created_by", t.uuid, (c) => c.references("users.id"))
    .addPrimaryKeyConstraint("grading_tables_pk", ["tenant_id", "valid_from"])
    .execute();
  await db.schema
    .createTable("group_grades")
    .addColumn("id", t.uuid, (c) => c.primaryKey())
    .addColumn("tenant_id", t.uuid, (c) => c.notNull().references("tenants.id"))
    .addColumn("org_id", t.uuid, (c) => c.notNull().references("organisations.id"))
    .addColumn("graded_on", t.date, (c) => c.notNull())
    .addColumn("window_from", t.date, (c) => c.notNull())
    .addColumn("grade", "text", (c) => c.notNull().check(sql`grade in ('A','B','C')`))
    .addColumn("score", "integer", (c) => c.notNull())
    .addColumn("detail", "text", (c) => c.notNull())
    .addColumn("recorded_at", t.instant, (c) => c.notNull())
    .addColumn("recorded_by", t.uuid, (c) => c.references("users.id"))
    .execute();
  await db.schema
    .createIndex("group_grades_group")
    .on("group_grades")
    .columns(["tenant_id", "org_id", "graded_on"])
    .execute();

  await t.forbidUpdateAndDelete("meeting_lines");
  await t.forbidUpdateAndDelete("meeting_attendance");
  await t.forbidUpdateAndDelete("shareout_lines");
  await t.forbidUpdateAndDelete("group_grades");
}
