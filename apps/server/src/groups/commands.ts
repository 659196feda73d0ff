// A self-help group's bookkeeping as commands, each in the caller's transaction: adopt rules from a
// date, record a meeting (checked, then posted to the group's books with its attendance, lines and
// internal loans), and correct the latest meeting by reversal and re-entry. Older meetings are closed.

import { assertCan } from "@qadam/core/auth/actor";
import { businessDate } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import { internalLoanOn } from "@qadam/core/groups/internal-loans";
import { type MeetingInput, planMeeting } from "@qadam/core/groups/meeting";
import { type GroupRulesInput, groupRulesSpec, rulesOn, rulesProblems } from "@qadam/core/groups/rules";
import { money } from "@qadam/core/money";
import type { Organisation } from "@qadam/core/orgs/types";
import { describeEntry, postEntry, reverseEntry } from "../books/index.js";
import { borrowerOf, repay, reverseRepayment } from "../loans/index.js";
import type { CommandContext } from "../platform/commands.js";
import { holdClientId } from "../platform/db/client-ids.js";
import { isUniqueViolation } from "../platform/db/constraint-errors.js";
import type { Db } from "../platform/db/database.js";
import { prepared, type Row } from "../platform/db/prepared.js";
import type {
  InternalLoansTable,
  MeetingAttendanceTable,
  MeetingLinesTable,
  MeetingsTable,
} from "../platform/db/schema.js";
import { postFederationFees, reverseFederationFees } from "./federation-books.js";
import { meetingAlreadyRecorded, refuseTakenLoanIds } from "./meeting-replay.js";
import {
  findGroup,
  groupAccounts,
  groupBalances,
  latestMeeting,
  membersOn,
  nextMeetingSeq,
  openLoansOf,
  repaymentsOf,
  rulesVersions,
  termsOf,
} from "./store.js";

async function groupToChange(trx: Db, ctx: CommandContext, groupId: string): Promise<Organisation> {
  const group = await findGroup(trx, ctx.actor, groupId);
  assertCan(ctx.actor, "meetings.write", group.path, "group");
  return group;
}

/** Adopts rules from a date; a version for the same date is replaced only if no meeting used it. */
export async function adoptRules(
  trx: Db,
  ctx: CommandContext,
  groupId: string,
  input: { validFrom: string; rules: GroupRulesInput },
): Promise<{ groupId: string; validFrom: string }> {
  const group = await groupToChange(trx, ctx, groupId);
  const parsed = groupRulesSpec.safeParse(input.rules);
  if (!parsed.success)
    throw new DomainError("RULES_INVALID", {
      details: parsed.error.issues.map((i) => i.path.join(".")).join(", "),
    });
  const problems = rulesProblems(parsed.data);
  if (problems.length > 0)
    throw new DomainError(
      "RULES_INVALID",
      { details: problems.map((p) => p.path).join(", ") },
      problems.map((p) => ({ path: p.path, code: "RULES_INVALID", params: { check: p.check } })),
    );
  const latest = await latestMeeting(trx, group);
  if (latest && latest.heldOn >= input.validFrom)
    throw new DomainError("RULES_BEFORE_LATEST_MEETING", { date: input.validFrom, latest: latest.heldOn });
  await trx
    .deleteFrom("groupRules")
    .where("orgId", "=", group.id)
    .where("validFrom", "=", input.validFrom)
    .execute();
  const id = ctx.ids.next();
  await trx
    .insertInto("groupRules")
    .values({
      id,
      tenantId: group.tenantId,
      orgId: group.id,
      validFrom: input.validFrom,
      spec: JSON.stringify(parsed.data),
      createdAt: ctx.now,
      createdBy: ctx.actor.userId,
    })
    .execute();
  ctx.touched("group_rules", id);
  return { groupId: group.id, validFrom: input.validFrom };
}

export interface RecordedMeeting {
  meetingId: string;
  seq: number;
  entryId: string | null;
  cashAfter: bigint;
  loansIssued: string[];
}

const INSERT_MEETING = prepared((db, a: { row: Row<MeetingsTable> }) =>
  db.insertInto("meetings").values(a.row),
);
const INSERT_ATTENDANCE = prepared((db, a: { rows: ReadonlyArray<Row<MeetingAttendanceTable>> }) =>
  db.insertInto("meetingAttendance").values(a.rows),
);
const INSERT_LOANS = prepared((db, a: { rows: ReadonlyArray<Row<InternalLoansTable>> }) =>
  db.insertInto("internalLoans").values(a.rows),
);
const INSERT_LINES = prepared((db, a: { rows: ReadonlyArray<Row<MeetingLinesTable>> }) =>
  db.insertInto("meetingLines").values(a.rows),
);
const LOANS_BY_ID = prepared((db, a: { ids: readonly string[] }) =>
  db.selectFrom("internalLoans").selectAll().where("id", "in", a.ids),
);
const UPDATE_LOAN = prepared((db, a: { id: string; principalOutstanding: string; status: string }) =>
  db
    .updateTable("internalLoans")
    .set({ principalOutstanding: a.principalOutstanding, status: a.status })
    .where("id", "=", a.id),
);

/**
 * Records a meeting in one go. Errors: NOT_FOUND, FORBIDDEN, ORG_NOT_A_GROUP, BOOKS_NOT_OPEN,
 * MEETING_NO_RULES, MEETING_DATE_IN_FUTURE, MEETING_DATE_ORDER, every MEETING_* refusal of planMeeting,
 * CONCURRENT_UPDATE (another meeting of the group recorded at the same moment), ID_CONFLICT.
 * Under an id chosen by the client, the same meeting sent again is answered as recorded, changing
 * nothing (meeting-replay.ts); the loans it issues may carry the client's ids too.
 */
export async function recordMeeting(
  trx: Db,
  ctx: CommandContext,
  groupId: string,
  input: MeetingInput,
  replaces: string | null = null,
): Promise<RecordedMeeting> {
  const group = await groupToChange(trx, ctx, groupId);
  if (input.id !== undefined) {
    await holdClientId(trx, input.id);
    const recorded = await meetingAlreadyRecorded(trx, ctx, group, { ...input, id: input.id }, replaces);
    if (recorded) return recorded;
  }
  await refuseTakenLoanIds(trx, input);
  if (input.heldOn > businessDate(new Date(ctx.now), group.timeZone))
    throw new DomainError("MEETING_DATE_IN_FUTURE", { date: input.heldOn });
  if (input.heldOn < group.openedOn)
    throw new DomainError("ORG_DATE_BEFORE_OPENING", { date: input.heldOn, openedOn: group.openedOn });
  const latest = await latestMeeting(trx, group);
  if (latest && input.heldOn < latest.heldOn)
    throw new DomainError("MEETING_DATE_ORDER", { date: input.heldOn, latest: latest.heldOn });
  const rules = rulesOn(await rulesVersions(trx, group), input.heldOn);
  if (!rules) throw new DomainError("MEETING_NO_RULES", { name: group.name, date: input.heldOn });
  const accounts = await groupAccounts(trx, group);
  const [members, balances, openLoans] = [
    await membersOn(trx, group, input.heldOn),
    // Savings matter to a meeting only for members who borrow or withdraw.
    await groupBalances(
      trx,
      group,
      accounts,
      null,
      input.lines.flatMap((l) => (l.kind === "loan" || l.kind === "withdrawal" ? [l.personId] : [])),
    ),
    await openLoansOf(trx, group),
  ];
  const plan = planMeeting(input, {
    rules,
    members,
    savings: balances.savings,
    cashBox: balances.account.cashBox,
    bank: balances.account.bank,
    socialFund: -balances.account.socialFund,
    externalLoans: -balances.account.externalLoans,
    openLoans,
  });

  const meetingId = input.id ?? ctx.ids.next();
  const seq = await nextMeetingSeq(trx, group);
  const entry =
    plan.lines.length === 0
      ? null
      : await postEntry(trx, ctx, group, {
          businessDate: input.heldOn,
          description: await describeEntry(trx, ctx, { key: "meeting", params: { date: input.heldOn } }),
          cause: { type: "meeting", id: meetingId },
          lines: plan.lines.map((l) => ({
            account: accounts[l.account],
            amount: money(l.minor, rules.currency),
            memo: l.memo,
            ...(l.party ? { party: l.party } : {}),
          })),
        });
  try {
    await INSERT_MEETING.execute(trx, {
      row: {
        id: meetingId,
        tenantId: group.tenantId,
        orgId: group.id,
        seq,
        heldOn: input.heldOn,
        status: "posted",
        cashCounted: input.cashCounted === null ? null : input.cashCounted.toString(),
        entryId: entry?.id ?? null,
        reversalEntryId: null,
        replacesId: replaces,
        note: null,
        recordedAt: ctx.now,
        recordedBy: ctx.actor.userId,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONCURRENT_UPDATE");
    throw error;
  }
  if (input.attendance.length > 0)
    await INSERT_ATTENDANCE.execute(trx, {
      rows: input.attendance.map((a) => ({
        tenantId: group.tenantId,
        meetingId,
        personId: a.personId,
        status: a.status,
      })),
    });

  // Repayments of the federation's or the MFO's loans go through the loan engine, which posts both books.
  const collected = new Map<number, string>();
  for (const [i, line] of input.lines.entries())
    if (line.kind === "loanRepayment")
      collected.set(i, await collectLoanRepayment(trx, ctx, group, line, i + 1, input.heldOn));

  await postFederationFees(
    trx,
    ctx,
    group,
    { id: meetingId, heldOn: input.heldOn },
    input.lines.flatMap((l) => (l.kind === "federationFee" ? [l.amount] : [])),
  );

  // New loans first: their ids go on the lines.
  const loanIds = input.lines.map((line) => (line.kind === "loan" ? (line.loanId ?? ctx.ids.next()) : null));
  const newLoans = input.lines.flatMap((line, i) =>
    line.kind === "loan"
      ? [
          {
            id: loanIds[i] ?? "",
            tenantId: group.tenantId,
            orgId: group.id,
            personId: line.personId,
            meetingId,
            issuedOn: input.heldOn,
            principal: line.amount.toString(),
            monthlyRate: rules.loans.monthlyRate.toString(),
            method: rules.loans.method,
            termMonths: line.termMonths,
            purpose: line.purpose,
            principalOutstanding: line.amount.toString(),
            status: "open",
          },
        ]
      : [],
  );
  if (newLoans.length > 0) await INSERT_LOANS.execute(trx, { rows: newLoans });
  if (input.lines.length > 0)
    await INSERT_LINES.execute(trx, {
      rows: input.lines.map((line, i) => ({
        tenantId: group.tenantId,
        meetingId,
        lineNo: i + 1,
        orgId: group.id,
        heldOn: input.heldOn,
        personId: "personId" in line ? line.personId : null,
        kind: line.kind,
        amount: line.amount.toString(),
        interest:
          line.kind === "externalLoanRepaid"
            ? line.interest.toString()
            : (plan.interest[i]?.toString() ?? null),
        internalLoanId: line.kind === "repayment" ? line.loanId : (loanIds[i] ?? null),
        detail: detailOf(line, collected.get(i) ?? null),
      })),
    });
  await refreshLoans(
    trx,
    group,
    input.lines.flatMap((l) => (l.kind === "repayment" ? [l.loanId] : [])),
    input.heldOn,
  );
  ctx.touched("meeting", meetingId);
  return {
    meetingId,
    seq,
    entryId: entry?.id ?? null,
    cashAfter: plan.cashAfter,
    loansIssued: loanIds.filter((id): id is string => id !== null),
  };
}

/** A repayment on a loan to this group, through the loan engine; refusals name the meeting's line. */
async function collectLoanRepayment(
  trx: Db,
  ctx: CommandContext,
  group: Organisation,
  line: { loanId: string; amount: bigint },
  no: number,
  on: string,
): Promise<string> {
  const borrower = await borrowerOf(trx, group.tenantId, line.loanId);
  if (borrower?.type !== "group" || borrower.id !== group.id)
    throw new DomainError("MEETING_LOAN_NOT_FOUND", { line: no, member: group.name });
  try {
    const paid = await repay(trx, ctx, line.loanId, {
      on,
      amount: money(line.amount, group.currency),
      channel: "cash",
      overpayment: "refuse",
    });
    return paid.transactionId;
  } catch (error) {
    if (error instanceof DomainError && error.code === "LOAN_OVERPAYMENT")
      throw new DomainError("MEETING_EXTERNAL_REPAYMENT", {
        line: no,
        owed: error.params.owed ?? "",
      });
    throw error;
  }
}

function detailOf(line: MeetingInput["lines"][number], transactionId: string | null): string | null {
  switch (line.kind) {
    case "loanRepayment":
      return JSON.stringify({ loanId: line.loanId, transactionId });
    case "loan":
      return JSON.stringify({ termMonths: line.termMonths, purpose: line.purpose });
    case "fine":
      return line.reason;
    case "socialPayout":
      return line.purpose;
    case "expense":
    case "otherIncome":
    case "externalLoanReceived":
    case "externalLoanRepaid":
      return line.detail;
    default:
      return null;
  }
}

/** Recomputes the cached outstanding principal and status of the given loans from their repayments. */
async function refreshLoans(
  trx: Db,
  group: Organisation,
  loanIds: readonly string[],
  on: string,
): Promise<void> {
  if (loanIds.length === 0) return;
  const ids = [...new Set(loanIds)];
  const repayments = await repaymentsOf(trx, group, ids);
  const rows = await LOANS_BY_ID.rows(trx, { ids });
  for (const l of rows) {
    const state = internalLoanOn(termsOf(l), repayments.get(l.id) ?? [], on);
    await UPDATE_LOAN.execute(trx, {
      id: l.id,
      principalOutstanding: state.principalOutstanding.toString(),
      status: state.principalOutstanding === 0n ? "repaid" : "open",
    });
  }
}

/**
 * Corrects the group's latest meeting: its entry is reversed, the loans it issued are cancelled, and
 * the replacement (if any) is recorded in its place. Errors: MEETING_NOT_LATEST, MEETING_ALREADY_REVERSED,
 * and those of recordMeeting for the replacement.
 */
export async function correctLatestMeeting(
  trx: Db,
  ctx: CommandContext,
  groupId: string,
  meetingId: string,
  replacement: MeetingInput | null,
): Promise<{ reversed: string; replacement: RecordedMeeting | null }> {
  const group = await groupToChange(trx, ctx, groupId);
  const meeting = await trx
    .selectFrom("meetings")
    .select(["id", "status", "heldOn", "entryId", "seq"])
    .where("tenantId", "=", group.tenantId)
    .where("orgId", "=", group.id)
    .where("id", "=", meetingId)
    .executeTakeFirst();
  if (!meeting) throw new DomainError("NOT_FOUND", { entity: "meeting" });
  if (meeting.status === "reversed") throw new DomainError("MEETING_ALREADY_REVERSED");
  const latest = await latestMeeting(trx, group);
  if (latest?.id !== meeting.id) throw new DomainError("MEETING_NOT_LATEST", { date: meeting.heldOn });
  const issued = await trx
    .selectFrom("internalLoans")
    .select("id")
    .where("meetingId", "=", meeting.id)
    .execute();
  if (issued.length > 0) {
    const repaid = await trx
      .selectFrom("meetingLines as l")
      .innerJoin("meetings as m", "m.id", "l.meetingId")
      .select("l.internalLoanId")
      .where("l.kind", "=", "repayment")
      .where("m.status", "=", "posted")
      .where("m.id", "<>", meeting.id)
      .where(
        "l.internalLoanId",
        "in",
        issued.map((l) => l.id),
      )
      .executeTakeFirst();
    // Only the latest meeting can be corrected, so no later meeting can have repaid these loans.
    if (repaid) throw new DomainError("CONCURRENT_UPDATE");
  }
  // Loan repayments it collected are reversed in the loan engine (and so in both books).
  const collected = await trx
    .selectFrom("meetingLines")
    .select("detail")
    .where("meetingId", "=", meeting.id)
    .where("kind", "=", "loanRepayment")
    .execute();
  for (const c of collected) {
    const { loanId, transactionId } = JSON.parse(c.detail ?? "{}") as {
      loanId?: string;
      transactionId?: string;
    };
    if (loanId && transactionId)
      await reverseRepayment(trx, ctx, loanId, transactionId, {
        on: meeting.heldOn,
        reason: await describeEntry(trx, ctx, { key: "meetingCorrected", params: { date: meeting.heldOn } }),
      });
  }
  await reverseFederationFees(trx, ctx, group, { id: meeting.id, heldOn: meeting.heldOn });
  let reversalEntryId: string | null = null;
  if (meeting.entryId) {
    const reversal = await reverseEntry(trx, ctx, meeting.entryId, {
      businessDate: meeting.heldOn,
      description: await describeEntry(trx, ctx, {
        key: "meetingCorrection",
        params: { date: meeting.heldOn },
      }),
    });
    reversalEntryId = reversal.id;
  }
  const changed = await trx
    .updateTable("meetings")
    .set({ status: "reversed", reversalEntryId })
    .where("id", "=", meeting.id)
    .where("status", "=", "posted")
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) throw new DomainError("CONCURRENT_UPDATE");
  if (issued.length > 0)
    await trx
      .updateTable("internalLoans")
      .set({ status: "cancelled", principalOutstanding: "0" })
      .where("meetingId", "=", meeting.id)
      .execute();
  const repaidLoans = await trx
    .selectFrom("meetingLines")
    .select("internalLoanId")
    .where("meetingId", "=", meeting.id)
    .where("kind", "=", "repayment")
    .execute();
  await refreshLoans(
    trx,
    group,
    repaidLoans.flatMap((r) => (r.internalLoanId ? [r.internalLoanId] : [])),
    meeting.heldOn,
  );
  ctx.touched("meeting", meeting.id);
  const next = replacement ? await recordMeeting(trx, ctx, group.id, replacement, meeting.id) : null;
  return { reversed: meeting.id, replacement: next };
}
