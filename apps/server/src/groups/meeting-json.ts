// A self-help group's meetings, rules and passbooks as JSON, the form the API and the command line
// give (@qadam/core/groups/meeting-input holds the form they take): amounts as decimal strings in major units of the
// group's currency, beside it. The shapes are the contract's schemas (@qadam/core/groups/contract).

import type { Actor } from "@qadam/core/auth/actor";
import type {
  MeetingDto,
  MeetingSummaryDto,
  PassbookDto,
  RecordedMeetingDto,
  RulesVersionDto,
} from "@qadam/core/groups/contract";
import { type MeetingInputJson, meetingInputFrom, meetingLineJsonOf } from "@qadam/core/groups/meeting-input";
import { formatMoney, money } from "@qadam/core/money";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { correctLatestMeeting, type RecordedMeeting, recordMeeting } from "./commands.js";
import { type MeetingRecord, type MeetingSummary, meetingRecord } from "./meeting-records.js";
import type { Passbook } from "./queries.js";
import { adoptedRules, findGroup } from "./store.js";

/** Every version of the group's rules as adopted, oldest first. */
export async function rulesVersionsJson(db: Db, actor: Actor, groupId: string): Promise<RulesVersionDto[]> {
  const group = await findGroup(db, actor, groupId);
  return (await adoptedRules(db, group)).map((r) => ({
    groupId: group.id,
    validFrom: r.validFrom,
    rules: r.spec,
  }));
}

export function summaryDto(m: MeetingSummary, currency: string): MeetingSummaryDto {
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

export function meetingDto(m: MeetingRecord): MeetingDto {
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
export async function recordedDto(
  db: Db,
  actor: Actor,
  groupId: string,
  r: RecordedMeeting,
): Promise<RecordedMeetingDto> {
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

export function passbookDto(book: Passbook): PassbookDto {
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
