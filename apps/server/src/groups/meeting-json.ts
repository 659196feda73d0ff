// A self-help group's meetings, rules and passbooks as JSON, the form the API and the command line
// give (@qadam/core/groups/meeting-input holds the form they take): amounts as decimal strings in major units of the
// group's currency, beside it. Each shape is a Zod schema, so the API documents it.

import type { Actor } from "@qadam/core/auth/actor";
import { type MeetingInputJson, meetingInputFrom, meetingLineJsonOf } from "@qadam/core/groups/meeting-input";
import { groupRulesSpec } from "@qadam/core/groups/rules";
import { formatMoney, money } from "@qadam/core/money";
import { z } from "zod";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { correctLatestMeeting, type RecordedMeeting, recordMeeting } from "./commands.js";
import { type MeetingRecord, type MeetingSummary, meetingRecord } from "./meeting-records.js";
import type { Passbook } from "./queries.js";
import { adoptedRules, findGroup } from "./store.js";

const text = z.string();
const int = z.number().int();

export const rulesVersionSchema = z.object({ groupId: text, validFrom: text, rules: groupRulesSpec });

/** Every version of the group's rules as adopted, oldest first. */
export async function rulesVersionsJson(
  db: Db,
  actor: Actor,
  groupId: string,
): Promise<Array<z.infer<typeof rulesVersionSchema>>> {
  const group = await findGroup(db, actor, groupId);
  return (await adoptedRules(db, group)).map((r) => ({
    groupId: group.id,
    validFrom: r.validFrom,
    rules: r.spec,
  }));
}

export const meetingSummarySchema = z.object({
  id: text,
  seq: int,
  heldOn: text,
  status: z.enum(["posted", "reversed"]),
  cashCounted: text.nullable(),
  replacesId: text.nullable(),
  recordedAt: text,
});

/** A line as sent (see @qadam/core/groups/meeting-input), with its number; a loan line also names the loan it issued. */
const meetingLineSchema = z.object({
  lineNo: int,
  kind: text,
  personId: text.optional(),
  amount: text,
  /** The loan issued (loan) or repaid (repayment). */
  loanId: text.nullable().optional(),
  /** The interest part of a repayment, or the interest of an external loan repaid. */
  interest: text.nullable().optional(),
  termMonths: int.optional(),
  purpose: text.nullable().optional(),
  reason: text.optional(),
  detail: text.optional(),
});

export const meetingSchema = meetingSummarySchema.extend({
  groupId: text,
  currency: text,
  attendance: z.array(z.object({ personId: text, status: text })),
  lines: z.array(meetingLineSchema),
});

export const recordedMeetingSchema = meetingSchema.extend({
  entryId: text.nullable(),
  /** Cash in the box after the meeting, as the books hold it. */
  cashAfter: text,
  loansIssued: z.array(text),
});

export function summaryDto(m: MeetingSummary, currency: string): z.infer<typeof meetingSummarySchema> {
  return {
    id: m.id,
    seq: m.seq,
    heldOn: m.heldOn,
    status: m.status,
    cashCounted: m.cashCounted === null ? null : formatMoney(money(m.cashCounted, currency)),
    replacesId: m.replacesId,
    recordedAt: m.recordedAt,
  };
}

export function meetingDto(m: MeetingRecord): z.infer<typeof meetingSchema> {
  const cur = m.currency;
  return {
    ...summaryDto(m, cur),
    groupId: m.groupId,
    currency: cur,
    attendance: m.attendance,
    lines: m.lines.map((l) => ({
      lineNo: l.lineNo,
      ...meetingLineJsonOf(l.line, cur),
      ...(l.line.kind === "loan" ? { loanId: l.loanId } : {}),
      ...(l.line.kind === "repayment"
        ? { interest: l.interest === null ? null : formatMoney(money(l.interest, cur)) }
        : {}),
    })),
  };
}

/** A meeting just recorded, read back with what its recording produced. */
export async function recordedDto(db: Db, actor: Actor, groupId: string, r: RecordedMeeting) {
  const record = await meetingRecord(db, actor, groupId, r.meetingId);
  return {
    ...meetingDto(record),
    entryId: r.entryId,
    cashAfter: formatMoney(money(r.cashAfter, record.currency)),
    loansIssued: r.loansIssued,
  };
}

/** Records a meeting sent as JSON (amounts in the group's currency) and reads it back. */
export async function recordMeetingJson(
  trx: Db,
  ctx: CommandContext,
  groupId: string,
  json: MeetingInputJson,
) {
  const group = await findGroup(trx, ctx.actor, groupId);
  const recorded = await recordMeeting(trx, ctx, group.id, meetingInputFrom(json, group.currency));
  return recordedDto(trx, ctx.actor, group.id, recorded);
}

/** Corrects the group's latest meeting, the replacement (if any) sent as JSON; both read back. */
export async function correctMeetingJson(
  trx: Db,
  ctx: CommandContext,
  groupId: string,
  meetingId: string,
  replacement: MeetingInputJson | null,
) {
  const group = await findGroup(trx, ctx.actor, groupId);
  const input = replacement ? meetingInputFrom(replacement, group.currency) : null;
  const done = await correctLatestMeeting(trx, ctx, group.id, meetingId, input);
  return {
    reversed: meetingDto(await meetingRecord(trx, ctx.actor, group.id, done.reversed)),
    replacement: done.replacement ? await recordedDto(trx, ctx.actor, group.id, done.replacement) : null,
  };
}

export const passbookSchema = z.object({
  groupId: text,
  personId: text,
  currency: text,
  savings: text,
  loans: text,
  finesPaid: text,
  socialContributions: text,
  socialPayouts: text,
  lines: z.array(
    z.object({
      heldOn: text,
      meetingId: text,
      lineNo: int,
      kind: text,
      amount: text,
      interest: text.nullable(),
      loanId: text.nullable(),
      detail: text.nullable(),
      savings: text,
      loans: text,
    }),
  ),
});

export function passbookDto(book: Passbook): z.infer<typeof passbookSchema> {
  const m = (minor: bigint) => formatMoney(money(minor, book.currency));
  return {
    groupId: book.groupId,
    personId: book.personId,
    currency: book.currency,
    savings: m(book.savings),
    loans: m(book.loans),
    finesPaid: m(book.finesPaid),
    socialContributions: m(book.socialContributions),
    socialPayouts: m(book.socialPayouts),
    lines: book.lines.map((l) => ({
      heldOn: l.heldOn,
      meetingId: l.meetingId,
      lineNo: l.lineNo,
      kind: l.kind,
      amount: m(l.amount),
      interest: l.interest === null ? null : m(l.interest),
      loanId: l.loanId,
      detail: l.detail,
      savings: m(l.savings),
      loans: m(l.loans),
    })),
  };
}

export const meetingListSchema = z.object({
  groupId: text,
  currency: text,
  items: z.array(meetingSummarySchema),
});

export const regularitySchema = z.object({
  groupId: text,
  from: text,
  to: text,
  expected: z.array(text),
  held: z.array(text),
  matched: z.array(z.object({ expected: text, held: text })),
  missed: z.array(text),
  extra: z.array(text),
});
