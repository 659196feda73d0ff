// A meeting as JSON, the form the API and the command line take and give: the same lines as
// MeetingLine, amounts as decimal strings in major units of the group's currency ("500", "150.50").
// Both directions live here, so that a meeting read back can be sent again unchanged.

import { z } from "zod";
import { lineAmount } from "../books/entries.js";
import { formatMoney, money } from "../money/index.js";
import { calendarDate, recordId } from "../platform/http/schemas.js";
import { ATTENDANCE, type MeetingInput, type MeetingLine } from "./meeting.js";
import { FINE_KINDS, SOCIAL_FUND_PURPOSES } from "./rules.js";

// Amounts are judged when converted (INVALID_AMOUNT names the amount and the currency), not here.
const amount = z.string().max(40);
const detail = z.string().trim().min(1).max(500);
const personId = recordId;

export const meetingLineJson = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("savings"), personId, amount }),
  z.strictObject({ kind: z.literal("voluntarySavings"), personId, amount }),
  z.strictObject({ kind: z.literal("withdrawal"), personId, amount }),
  z.strictObject({
    kind: z.literal("loan"),
    personId,
    amount,
    termMonths: z.number().int().min(1).max(600),
    purpose: z.string().trim().max(500).nullable().optional(),
  }),
  z.strictObject({ kind: z.literal("repayment"), personId, loanId: recordId, amount }),
  z.strictObject({ kind: z.literal("fine"), personId, amount, reason: z.enum(FINE_KINDS) }),
  z.strictObject({ kind: z.literal("socialContribution"), personId, amount }),
  z.strictObject({
    kind: z.literal("socialPayout"),
    personId,
    amount,
    purpose: z.enum(SOCIAL_FUND_PURPOSES),
  }),
  z.strictObject({ kind: z.literal("expense"), amount, detail }),
  z.strictObject({ kind: z.literal("otherIncome"), amount, detail }),
  z.strictObject({ kind: z.literal("externalLoanReceived"), amount, detail }),
  z.strictObject({ kind: z.literal("externalLoanRepaid"), amount, interest: amount, detail }),
  z.strictObject({ kind: z.literal("loanRepayment"), loanId: personId, amount }),
  z.strictObject({ kind: z.literal("federationFee"), amount }),
  z.strictObject({ kind: z.literal("bankDeposit"), amount }),
  z.strictObject({ kind: z.literal("bankWithdrawal"), amount }),
]);
export type MeetingLineJson = z.output<typeof meetingLineJson>;

export const meetingInputJson = z.strictObject({
  heldOn: calendarDate,
  attendance: z.array(z.strictObject({ personId, status: z.enum(ATTENDANCE) })).max(500),
  lines: z.array(meetingLineJson).max(2000),
  /** Cash in the box at the end, counted; null (or left out) when it was not counted. */
  cashCounted: amount.nullable().optional(),
});
export type MeetingInputJson = z.output<typeof meetingInputJson>;

/** The meeting in minor units of `currency`. Errors: UNKNOWN_CURRENCY, INVALID_AMOUNT. */
export function meetingInputFrom(json: MeetingInputJson, currency: string): MeetingInput {
  const minor = (text: string): bigint => lineAmount(text, currency).minor;
  return {
    heldOn: json.heldOn,
    attendance: json.attendance.map((a) => ({ personId: a.personId, status: a.status })),
    lines: json.lines.map((line) => meetingLineFrom(line, minor)),
    cashCounted: json.cashCounted === null || json.cashCounted === undefined ? null : minor(json.cashCounted),
  };
}

function meetingLineFrom(line: MeetingLineJson, minor: (text: string) => bigint): MeetingLine {
  switch (line.kind) {
    case "loan":
      return {
        kind: "loan",
        personId: line.personId,
        amount: minor(line.amount),
        termMonths: line.termMonths,
        purpose: line.purpose ? line.purpose : null,
      };
    case "externalLoanRepaid":
      return { ...line, amount: minor(line.amount), interest: minor(line.interest) };
    default:
      return { ...line, amount: minor(line.amount) };
  }
}

/** The inverse of meetingInputFrom: amounts as decimal strings in major units of `currency`. */
export function meetingInputJsonOf(input: MeetingInput, currency: string): MeetingInputJson {
  return {
    heldOn: input.heldOn,
    attendance: input.attendance.map((a) => ({ personId: a.personId, status: a.status })),
    lines: input.lines.map((line) => meetingLineJsonOf(line, currency)),
    cashCounted: input.cashCounted === null ? null : formatMoney(money(input.cashCounted, currency)),
  };
}

export function meetingLineJsonOf(line: MeetingLine, currency: string): MeetingLineJson {
  const text = (minor: bigint): string => formatMoney(money(minor, currency));
  switch (line.kind) {
    case "externalLoanRepaid":
      return { ...line, amount: text(line.amount), interest: text(line.interest) };
    default:
      return { ...line, amount: text(line.amount) };
  }
}
