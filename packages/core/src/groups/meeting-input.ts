// A meeting as JSON, the form the API and the command line take and give: the same lines as
// MeetingLine, amounts as decimal strings in major units of the group's currency ("500", "150.50").
// Both directions live here, so that a meeting read back can be sent again unchanged. Browser-safe: the
// phone checks a meeting offline with this same code (then planMeeting), as the server does.

import { z } from "zod";
import { amountText, calendarDate, clientId, recordId } from "../contract/schemas.js";
import { DomainError, type ErrorDetail, refuseAll } from "../errors.js";
import { formatMoney, money, parseAmount } from "../money/index.js";
import { ATTENDANCE, type MeetingInput, type MeetingLine } from "./meeting.js";
import { FINE_KINDS, SOCIAL_FUND_PURPOSES } from "./rules.js";

// An amount's form is judged here (INVALID_AMOUNT); its decimals against the currency when converted.
const amount = amountText;
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
    loanId: clientId.optional(),
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
  id: clientId.optional(),
  heldOn: calendarDate,
  attendance: z.array(z.strictObject({ personId, status: z.enum(ATTENDANCE) })).max(500),
  lines: z.array(meetingLineJson).max(2000),
  /** Cash in the box at the end, counted; null (or left out) when it was not counted. */
  cashCounted: amount.nullable().optional(),
});
export type MeetingInputJson = z.output<typeof meetingInputJson>;

/**
 * The meeting in minor units of `currency`. Errors: UNKNOWN_CURRENCY, INVALID_AMOUNT (every amount that
 * does not fit the currency at once, each with its path and member).
 */
export function meetingInputFrom(json: MeetingInputJson, currency: string): MeetingInput {
  const problems: ErrorDetail[] = [];
  const amountAt = (text: string, path: string, memberId?: string): bigint => {
    try {
      return parseAmount(text, currency).minor;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== "INVALID_AMOUNT") throw error;
      problems.push({ code: error.code, params: error.params, path, ...(memberId ? { memberId } : {}) });
      return 0n;
    }
  };
  const input: MeetingInput = {
    ...(json.id === undefined ? {} : { id: json.id }),
    heldOn: json.heldOn,
    attendance: json.attendance.map((a) => ({ personId: a.personId, status: a.status })),
    lines: json.lines.map((line, i) => {
      const memberId = "personId" in line ? line.personId : undefined;
      return meetingLineFrom(line, (text, field) => amountAt(text, `lines.${i}.${field}`, memberId));
    }),
    cashCounted:
      json.cashCounted === null || json.cashCounted === undefined
        ? null
        : amountAt(json.cashCounted, "cashCounted"),
  };
  refuseAll(problems);
  return input;
}

function meetingLineFrom(
  line: MeetingLineJson,
  minor: (text: string, field: "amount" | "interest") => bigint,
): MeetingLine {
  switch (line.kind) {
    case "loan":
      return {
        kind: "loan",
        personId: line.personId,
        amount: minor(line.amount, "amount"),
        termMonths: line.termMonths,
        purpose: line.purpose ? line.purpose : null,
        ...(line.loanId === undefined ? {} : { loanId: line.loanId }),
      };
    case "externalLoanRepaid":
      return { ...line, amount: minor(line.amount, "amount"), interest: minor(line.interest, "interest") };
    default:
      return { ...line, amount: minor(line.amount, "amount") };
  }
}

/** The inverse of meetingInputFrom: amounts as decimal strings in major units of `currency`. */
export function meetingInputJsonOf(input: MeetingInput, currency: string): MeetingInputJson {
  return {
    ...(input.id === undefined ? {} : { id: input.id }),
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
