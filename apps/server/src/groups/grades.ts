// A group's grade on a date, computed from its own records over a window (6 months by default) with
// the tenant's scoring table in force on that date (or the default one), and kept as history.
// What each criterion counts, over the window [on − months + 1 day, on]:
// - meetings: the dates the rules expected, and the posted meetings that account for them;
// - attendance: member-meetings present, late or represented, of all member-meetings recorded;
// - savings regularity: member-meetings with a compulsory saving, of all member-meetings recorded;
// - fund on loan: internal loans outstanding ÷ (that + cash box + bank), at the window's end;
// - rotation: members who took a loan in the window, of the members on the date;
// - repayment on time: internal-loan installments due in the window and covered by their due date;
// - books up to date: meetings recorded (in the group's time zone) at most 7 days after they were held;
// - group size: members on the date.

import type { Actor } from "@qadam/core/auth/actor";
import { assertCan, canOverWholeTenant } from "@qadam/core/auth/actor";
import { addDays, businessDate, daysBetween } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import {
  type CriterionScore,
  DEFAULT_GRADING_TABLE,
  type GradeLetter,
  type GradingFacts,
  type GradingTable,
  gradeGroup,
  gradingTableSchema,
} from "@qadam/core/groups/grading";
import { addMonths, repaymentPunctuality } from "@qadam/core/groups/internal-loans";
import { missedMeetings } from "@qadam/core/groups/meeting-calendar";
import type { Organisation } from "@qadam/core/orgs/types";
import { gradesOf, type KeptGrade, keepGrade } from "../grades/index.js";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import {
  findGroup,
  groupAccounts,
  groupBalances,
  membersOn,
  repaymentsOf,
  rulesVersions,
  termsOf,
} from "./store.js";

export interface GradeReport {
  groupId: string;
  gradedOn: string;
  windowFrom: string;
  grade: GradeLetter;
  score: number;
  max: number;
  criteria: CriterionScore[];
  facts: GradingFacts;
}

const ATTENDED = new Set(["present", "late", "represented"]);

/** The tenant's scoring table in force on a date, or the default. */
export async function gradingTableOn(db: Db, tenantId: string, on: string): Promise<GradingTable> {
  return (await gradingTableInForce(db, tenantId, on)).table;
}

/** The tenant's scoring table in force on a date and the day it took effect (null: the default table). */
export async function gradingTableInForce(
  db: Db,
  tenantId: string,
  on: string,
): Promise<{ validFrom: string | null; table: GradingTable }> {
  const row = await db
    .selectFrom("gradingTables")
    .select(["spec", "validFrom"])
    .where("tenantId", "=", tenantId)
    .where("validFrom", "<=", on)
    .orderBy("validFrom", "desc")
    .limit(1)
    .executeTakeFirst();
  return row
    ? { validFrom: row.validFrom, table: gradingTableSchema.parse(JSON.parse(row.spec)) }
    : { validFrom: null, table: DEFAULT_GRADING_TABLE };
}

/** The facts grading reads, from the group's records over [from, on]. */
export async function gradingFacts(
  db: Db,
  group: Organisation,
  from: string,
  on: string,
): Promise<GradingFacts> {
  const meetings = await db
    .selectFrom("meetings")
    .select(["id", "heldOn", "recordedAt"])
    .where("tenantId", "=", group.tenantId)
    .where("orgId", "=", group.id)
    .where("status", "=", "posted")
    .where("heldOn", ">=", from)
    .where("heldOn", "<=", on)
    .execute();
  const regularity = missedMeetings(
    await rulesVersions(db, group),
    meetings.map((m) => m.heldOn),
    from,
    on,
  );
  const ids = meetings.map((m) => m.id);
  const attendance = ids.length
    ? await db
        .selectFrom("meetingAttendance")
        .select(["meetingId", "personId", "status"])
        .where("meetingId", "in", ids)
        .execute()
    : [];
  const lines = ids.length
    ? await db
        .selectFrom("meetingLines")
        .select(["meetingId", "personId", "kind"])
        .where("meetingId", "in", ids)
        .where("kind", "in", ["savings", "loan"])
        .execute()
    : [];
  const saved = new Set(lines.filter((l) => l.kind === "savings").map((l) => `${l.meetingId}/${l.personId}`));
  const borrowers = new Set(lines.filter((l) => l.kind === "loan").map((l) => l.personId));
  const members = await membersOn(db, group, on);
  const balances = await groupBalances(db, group, await groupAccounts(db, group), on);
  const loans = await db
    .selectFrom("internalLoans")
    .selectAll()
    .where("tenantId", "=", group.tenantId)
    .where("orgId", "=", group.id)
    .where("status", "<>", "cancelled")
    .where("issuedOn", "<=", on)
    .execute();
  const repayments = await repaymentsOf(
    db,
    group,
    loans.map((l) => l.id),
  );
  let due = 0;
  let onTime = 0;
  for (const l of loans) {
    const p = repaymentPunctuality(termsOf(l), repayments.get(l.id) ?? [], from, on);
    due += p.due;
    onTime += p.onTime;
  }
  return {
    meetingsExpected: regularity.expected.length,
    meetingsHeld: regularity.matched.length,
    attendances: attendance.filter((a) => ATTENDED.has(a.status)).length,
    memberMeetings: attendance.length,
    savingsPaid: attendance.filter((a) => saved.has(`${a.meetingId}/${a.personId}`)).length,
    savingsDue: attendance.length,
    loansOutstanding: balances.account.loansToMembers,
    loanFundCash: balances.account.cashBox + balances.account.bank,
    borrowers: members.filter((m) => borrowers.has(m.personId)).length,
    members: members.length,
    repaidOnTime: onTime,
    repaymentsDue: due,
    recordedWithinWeek: Math.min(
      regularity.matched.length,
      meetings.filter(
        (m) =>
          regularity.matched.some((x) => x.held === m.heldOn) &&
          daysBetween(m.heldOn, businessDate(new Date(m.recordedAt), group.timeZone)) <= 7,
      ).length,
    ),
    activeMembers: members.length,
  };
}

async function computeGrade(
  db: Db,
  group: Organisation,
  on: string,
  windowMonths: number,
): Promise<GradeReport> {
  if (!Number.isInteger(windowMonths) || windowMonths < 1 || windowMonths > 36)
    throw new DomainError("VALIDATION_FAILED", { details: "the window is 1 to 36 months" });
  const windowFrom = addDays(addMonths(on, -windowMonths), 1);
  const facts = await gradingFacts(db, group, windowFrom, on);
  const grade = gradeGroup(facts, await gradingTableOn(db, group.tenantId, on));
  return { groupId: group.id, gradedOn: on, windowFrom, ...grade, facts };
}

/** The grade a group would get on `on`, nothing written. */
export async function gradeOn(
  db: Db,
  actor: Actor,
  groupId: string,
  on: string,
  windowMonths = 6,
): Promise<GradeReport> {
  return computeGrade(db, await findGroup(db, actor, groupId), on, windowMonths);
}

/** Grades the group on a date and keeps the grade in its history. */
export async function recordGrade(
  trx: Db,
  ctx: CommandContext,
  groupId: string,
  on: string,
  windowMonths = 6,
): Promise<GradeReport & { id: string }> {
  const group = await findGroup(trx, ctx.actor, groupId);
  assertCan(ctx.actor, "groups.grade", group.path, "group");
  const report = await computeGrade(trx, group, on, windowMonths);
  const id = ctx.ids.next();
  await keepGrade(trx, {
    id,
    tenantId: group.tenantId,
    groupId: group.id,
    gradedOn: on,
    windowFrom: report.windowFrom,
    grade: report.grade,
    score: report.score,
    max: report.max,
    criteria: report.criteria,
    recordedAt: ctx.now,
    recordedBy: ctx.actor.userId,
  });
  ctx.touched("group_grade", id);
  return { ...report, id };
}

export type GradeHistoryRow = KeptGrade;

/** Every grade the group was given, newest first. */
export async function gradeHistory(db: Db, actor: Actor, groupId: string): Promise<GradeHistoryRow[]> {
  const group = await findGroup(db, actor, groupId);
  return gradesOf(db, group.tenantId, group.id);
}

/** Sets the tenant's scoring table from a date (tenant administrators only). */
export async function setGradingTable(
  trx: Db,
  ctx: CommandContext,
  input: { validFrom: string; table: unknown },
): Promise<{ validFrom: string; table: GradingTable }> {
  // A tenant-wide setting: anyone may be told no, only an administrator of the whole tenant may set it.
  if (!canOverWholeTenant(ctx.actor, "grading.configure")) throw new DomainError("FORBIDDEN");
  const parsed = gradingTableSchema.safeParse(input.table);
  if (!parsed.success)
    throw new DomainError("VALIDATION_FAILED", {
      details: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    });
  await trx
    .deleteFrom("gradingTables")
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("validFrom", "=", input.validFrom)
    .execute();
  await trx
    .insertInto("gradingTables")
    .values({
      tenantId: ctx.actor.tenantId,
      validFrom: input.validFrom,
      spec: JSON.stringify(parsed.data),
      createdAt: ctx.now,
      createdBy: ctx.actor.userId,
    })
    .execute();
  ctx.touched("grading_table", input.validFrom);
  return { validFrom: input.validFrom, table: parsed.data };
}
