// What is due at a meeting: the body of a meeting prefilled from the rules in force and the books, which
// records a valid meeting when posted unchanged. Pure: the caller loads the group's state.
//
// Rules (amounts bigint minor units; D the meeting's date, prev the latest meeting held before it):
// - Attendance: every member present (the bookkeeper marks who is not).
// - Compulsory savings: the fixed amount, or the minimum number of shares at the share price (none when
//   the minimum is 0).
// - Social fund: the rules' contribution from every member (none when it is 0).
// - Each open internal loan with an installment due on or before D not fully paid: the principal of the
//   installments due less the principal paid, and all the interest owed on D (a repayment pays interest
//   first, a month begun included, so asking less would leave the installment short); nothing when no
//   installment is due unpaid. Never more than what the loan owes on D.
// - A late-repayment fine (the rules' amount, once a loan) for a loan with an installment that fell due
//   on or before prev and was still unpaid at it: the meeting at which it should have been paid has
//   passed. None before the group's first meeting, or when the rules' fine is 0.
// - Each active loan to the group from the federation or the MFO: what its installments due on or
//   before D still owe (the caller passes it), at most the cash the box holds once the members have paid;
//   nothing when nothing is due or no cash is left.
// - cashCounted: the cash the box should hold at the end, so that the books check the count.
import { addDays } from "../clock.js";
import { internalLoanOn } from "./internal-loans.js";
import type { MeetingInput, MeetingLine, OpenLoan } from "./meeting.js";
import { MEETING_WINDOWS, nextMeeting } from "./meeting-calendar.js";
import { type GroupRules, rulesOn } from "./rules.js";

export interface DraftState {
  heldOn: string;
  /** The latest meeting held before this one, or null before the first. */
  previousMeeting: string | null;
  rules: GroupRules;
  members: ReadonlyArray<{ personId: string; name: string }>;
  cashBox: bigint;
  openLoans: readonly OpenLoan[];
  /** The group's loans from the federation or the MFO, each with what is due on or before heldOn. */
  groupLoans: ReadonlyArray<{ loanId: string; due: bigint }>;
}

export interface DraftLoanDue {
  loanId: string;
  principal: bigint;
  interest: bigint;
  /** Days since the oldest installment due and unpaid fell due (0 when none is late). */
  daysLate: number;
}

export interface DraftMember {
  personId: string;
  name: string;
  savings: bigint;
  socialContribution: bigint;
  loans: DraftLoanDue[];
  fines: bigint;
}

export interface MeetingDraft {
  input: MeetingInput;
  members: DraftMember[];
  groupLoans: Array<{ loanId: string; due: bigint; amount: bigint }>;
  cashBefore: bigint;
}

export function draftMeeting(state: DraftState): MeetingDraft {
  const { heldOn, previousMeeting, rules } = state;
  const lines: MeetingLine[] = [];
  const members: DraftMember[] = [];
  let cash = state.cashBox;
  const loansOf = new Map<string, OpenLoan[]>();
  for (const loan of state.openLoans)
    if (loan.terms.issuedOn <= heldOn)
      loansOf.set(loan.personId, [...(loansOf.get(loan.personId) ?? []), loan]);

  for (const { personId, name } of state.members) {
    const member: DraftMember = { personId, name, savings: 0n, socialContribution: 0n, loans: [], fines: 0n };
    const c = rules.savings.compulsory;
    member.savings = c.kind === "fixed" ? c.amount : c.sharePrice * BigInt(c.minShares);
    if (member.savings > 0n) {
      lines.push({ kind: "savings", personId, amount: member.savings });
      cash += member.savings;
    }
    member.socialContribution = rules.socialFund.contribution;
    if (member.socialContribution > 0n)
      lines.push({ kind: "socialContribution", personId, amount: member.socialContribution });
    let late = false;
    for (const loan of loansOf.get(personId) ?? []) {
      const state = internalLoanOn(loan.terms, loan.repayments, heldOn);
      const due = state.installments.filter((i) => i.dueOn <= heldOn);
      const principal = positive(
        due.reduce((s, i) => s + i.principal, 0n) - (loan.terms.principal - state.principalOutstanding),
      );
      const interestDue = positive(due.reduce((s, i) => s + i.interest, 0n) - state.interestPaid);
      // A repayment pays every interest owed first, a month begun included: ask for all of it, or the
      // installment due would stay short of its principal.
      const interest = principal + interestDue > 0n ? state.interestOwed : 0n;
      const amount = min(principal + interest, state.owed);
      if (previousMeeting !== null && due.some((i) => i.dueOn <= previousMeeting && i.paidOn === null))
        late = true;
      if (amount <= 0n) continue;
      member.loans.push({ loanId: loan.id, principal, interest, daysLate: state.daysLate });
      lines.push({ kind: "repayment", personId, loanId: loan.id, amount });
      cash += amount;
    }
    if (late && rules.fines.lateRepayment > 0n) {
      member.fines = rules.fines.lateRepayment;
      lines.push({ kind: "fine", personId, amount: member.fines, reason: "lateRepayment" });
      cash += member.fines;
    }
    members.push(member);
  }

  const groupLoans: MeetingDraft["groupLoans"] = [];
  for (const { loanId, due } of state.groupLoans) {
    const amount = min(positive(due), positive(cash));
    groupLoans.push({ loanId, due, amount });
    if (amount === 0n) continue;
    lines.push({ kind: "loanRepayment", loanId, amount });
    cash -= amount;
  }
  return {
    input: {
      heldOn,
      attendance: state.members.map((m) => ({ personId: m.personId, status: "present" })),
      lines,
      cashCounted: cash,
    },
    members,
    groupLoans,
    cashBefore: state.cashBox,
  };
}

function positive(x: bigint): bigint {
  return x > 0n ? x : 0n;
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/**
 * The date of the meeting to prepare when none is asked for: the first the rules expect after the
 * latest meeting recorded (or from the first rules and the group's opening), skipping those whose
 * window (meeting-calendar.ts) closed before today: they were missed. Null when there are no rules.
 */
export function nextMeetingDue(
  versions: readonly GroupRules[],
  latest: string | null,
  today: string,
  openedOn: string,
): string | null {
  const first = versions[0]?.validFrom;
  if (first === undefined) return null;
  let after = latest ?? addDays(first > openedOn ? first : openedOn, -1);
  // No window is wider than 14 days: dates before this one are missed whatever the rules say.
  const horizon = addDays(today, -31);
  if (after < horizon) after = horizon;
  for (;;) {
    const candidate = nextMeeting(versions, after);
    if (candidate === null) return null;
    const rules = rulesOn(versions, candidate);
    const window = MEETING_WINDOWS[rules?.meetings.frequency ?? "weekly"];
    if (addDays(candidate, window.after) >= today) return candidate;
    after = candidate;
  }
}
