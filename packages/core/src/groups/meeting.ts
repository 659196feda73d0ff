// A meeting checked against the group's rules and its books, and turned into what must be written:
// the journal lines (one pair or three per money line, each member's lines carrying her as party),
// the internal loans issued and how each repayment splits into interest and principal.
// Pure: the store loads the group's state, this decides, the store writes. Every problem found is
// refused at once, each with a code naming the member and the line (lines are numbered from 1 as
// sent), its path in the body and the member's id; the error's own code is the first problem's.

import { type ErrorCode, type ErrorDetail, type ErrorParams, refuseAll } from "../errors.js";
import { type Money, money } from "../money/index.js";
import {
  InternalLoanError,
  type InternalLoanTerms,
  type InternalRepayment,
  maxInternalLoan,
  splitInternalRepayment,
} from "./internal-loans.js";
import type { FineKind, GroupRules, SocialFundPurpose } from "./rules.js";

export const ATTENDANCE = ["present", "late", "absent", "excused", "represented"] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export type MemberLine =
  | { kind: "savings"; personId: string; amount: bigint }
  | { kind: "voluntarySavings"; personId: string; amount: bigint }
  | { kind: "withdrawal"; personId: string; amount: bigint }
  | {
      kind: "loan";
      personId: string;
      amount: bigint;
      termMonths: number;
      purpose: string | null;
      /** The id of the loan it issues, when the client chose it (a UUIDv7). */
      loanId?: string;
    }
  | { kind: "repayment"; personId: string; loanId: string; amount: bigint }
  | { kind: "fine"; personId: string; amount: bigint; reason: FineKind }
  | { kind: "socialContribution"; personId: string; amount: bigint }
  | { kind: "socialPayout"; personId: string; amount: bigint; purpose: SocialFundPurpose };

export type GroupLine =
  | { kind: "expense"; amount: bigint; detail: string }
  | { kind: "otherIncome"; amount: bigint; detail: string }
  | { kind: "externalLoanReceived"; amount: bigint; detail: string }
  | { kind: "externalLoanRepaid"; amount: bigint; interest: bigint; detail: string }
  /** A repayment on a loan from the federation or the MFO, collected at the meeting: the loan engine
   *  posts it to the lender's books and to the group's, so the meeting itself posts nothing for it. */
  | { kind: "loanRepayment"; loanId: string; amount: bigint }
  /** The group's membership fee to its federation (or cluster), posted in their books too. */
  | { kind: "federationFee"; amount: bigint }
  | { kind: "bankDeposit"; amount: bigint }
  | { kind: "bankWithdrawal"; amount: bigint };

export type MeetingLine = MemberLine | GroupLine;

export interface MeetingInput {
  /** The meeting's id, when the client chose it (a UUIDv7): recording it again records nothing twice. */
  id?: string;
  heldOn: string;
  attendance: ReadonlyArray<{ personId: string; status: Attendance }>;
  lines: readonly MeetingLine[];
  /** Cash in the box at the end, counted; null when it was not counted. */
  cashCounted: bigint | null;
}

export interface OpenLoan {
  id: string;
  personId: string;
  terms: InternalLoanTerms;
  repayments: InternalRepayment[];
}

/** What the books and the records say before the meeting. */
export interface GroupState {
  rules: GroupRules;
  members: ReadonlyArray<{ personId: string; name: string }>;
  /** Each member's savings (minor units). */
  savings: ReadonlyMap<string, bigint>;
  cashBox: bigint;
  bank: bigint;
  socialFund: bigint;
  externalLoans: bigint;
  openLoans: readonly OpenLoan[];
}

/** The SHG chart's accounts by role (codes of the "shg" template). */
export const SHG_ACCOUNTS = {
  cashBox: "11",
  bank: "12",
  loansToMembers: "13",
  socialFundCash: "14",
  savings: "21",
  externalLoans: "22",
  socialFund: "23",
  retainedEarnings: "31",
  interest: "41",
  fines: "42",
  otherIncome: "43",
  expenses: "51",
  externalInterest: "52",
} as const;
export type ShgAccount = keyof typeof SHG_ACCOUNTS;

export interface PlannedLine {
  account: ShgAccount;
  minor: bigint;
  party: string | null;
  memo: string;
}

export interface MeetingPlan {
  lines: PlannedLine[];
  /** Per input line (same order): the interest part of a repayment, null for other kinds. */
  interest: Array<bigint | null>;
  cashAfter: bigint;
}

export function planMeeting(input: MeetingInput, state: GroupState): MeetingPlan {
  const cur = state.rules.currency;
  const show = (minor: bigint): Money => money(minor, cur);
  const names = new Map(state.members.map((m) => [m.personId, m.name]));
  const nameOf = (personId: string): string => names.get(personId) ?? personId;
  const problems: ErrorDetail[] = [];
  const problem = (code: ErrorCode, params: ErrorParams, path: string, memberId?: string): void => {
    problems.push({ code, params, path, ...(memberId !== undefined ? { memberId } : {}) });
  };

  // Attendance: every member once, nobody else.
  const seen = new Set<string>();
  for (const [k, a] of input.attendance.entries()) {
    const at = `attendance.${k}.personId`;
    if (!names.has(a.personId))
      problem("MEETING_ATTENDANCE_NOT_A_MEMBER", { member: a.personId }, at, a.personId);
    else if (seen.has(a.personId))
      problem("MEETING_ATTENDANCE_TWICE", { member: nameOf(a.personId) }, at, a.personId);
    seen.add(a.personId);
  }
  for (const m of state.members)
    if (!seen.has(m.personId))
      problem("MEETING_ATTENDANCE_MISSING", { member: m.name }, "attendance", m.personId);

  const savings = new Map(state.savings);
  const loans = new Map(state.openLoans.map((l) => [l.id, { ...l, repayments: [...l.repayments] }]));
  let cash = state.cashBox;
  let bank = state.bank;
  let socialFund = state.socialFund;
  let external = state.externalLoans;
  const out: PlannedLine[] = [];
  const interest: Array<bigint | null> = [];
  const pair = (debit: ShgAccount, credit: ShgAccount, minor: bigint, party: string | null, memo: string) => {
    out.push({ account: debit, minor, party: debit === "cashBox" || debit === "bank" ? null : party, memo });
    out.push({
      account: credit,
      minor: -minor,
      party: credit === "cashBox" || credit === "bank" ? null : party,
      memo,
    });
  };

  // Savings first, whatever the order sent: a loan's limit counts this meeting's savings.
  const order = input.lines.map((line, i) => ({ line, i }));
  order.sort((a, b) => rank(a.line) - rank(b.line) || a.i - b.i);
  const interestAt = new Map<number, bigint>();

  // A refused line still moves the cash it says it moved, so that the count is judged as sent.
  let cashShortFound = false;
  for (const { line, i } of order) {
    const no = i + 1;
    const memberId = "personId" in line ? line.personId : undefined;
    const refuse = (code: ErrorCode, params: ErrorParams, field = "amount"): void =>
      problem(code, params, `lines.${i}.${field}`, memberId);
    if (line.amount <= 0n) refuse("MEETING_AMOUNT_NOT_POSITIVE", { line: no });
    const memo = `line ${no}: ${line.kind}`;
    if ("personId" in line && !names.has(line.personId))
      refuse("MEETING_NOT_A_MEMBER", { line: no, member: line.personId }, "personId");
    switch (line.kind) {
      case "savings": {
        const c = state.rules.savings.compulsory;
        if (c.kind === "fixed" && line.amount !== c.amount)
          refuse("MEETING_SAVINGS_NOT_RULE", {
            line: no,
            member: nameOf(line.personId),
            rule: show(c.amount),
          });
        if (c.kind === "shares") {
          const shares = line.amount / c.sharePrice;
          if (
            line.amount % c.sharePrice !== 0n ||
            shares < BigInt(c.minShares) ||
            shares > BigInt(c.maxShares)
          )
            refuse("MEETING_SHARES_NOT_RULE", {
              line: no,
              member: nameOf(line.personId),
              price: show(c.sharePrice),
              min: c.minShares,
              max: c.maxShares,
            });
        }
        savings.set(line.personId, (savings.get(line.personId) ?? 0n) + line.amount);
        cash += line.amount;
        pair("cashBox", "savings", line.amount, line.personId, memo);
        break;
      }
      case "voluntarySavings":
        if (!state.rules.savings.voluntary)
          refuse("MEETING_VOLUNTARY_NOT_ALLOWED", { line: no, member: nameOf(line.personId) });
        savings.set(line.personId, (savings.get(line.personId) ?? 0n) + line.amount);
        cash += line.amount;
        pair("cashBox", "savings", line.amount, line.personId, memo);
        break;
      case "withdrawal": {
        if (!state.rules.savings.withdrawals)
          refuse("MEETING_WITHDRAWAL_NOT_ALLOWED", { line: no, member: nameOf(line.personId) });
        const has = savings.get(line.personId) ?? 0n;
        if (line.amount > has)
          refuse("MEETING_WITHDRAWAL_ABOVE_SAVINGS", {
            line: no,
            member: nameOf(line.personId),
            savings: show(has),
          });
        savings.set(line.personId, has - line.amount);
        cash -= line.amount;
        pair("savings", "cashBox", line.amount, line.personId, memo);
        break;
      }
      case "loan": {
        const limit = maxInternalLoan(
          savings.get(line.personId) ?? 0n,
          state.rules.loans.maxMultipleOfSavings,
        );
        if (line.amount > limit)
          refuse("MEETING_LOAN_OVER_LIMIT", { line: no, member: nameOf(line.personId), limit: show(limit) });
        if (line.termMonths < 1 || line.termMonths > state.rules.loans.maxTermMonths)
          refuse(
            "MEETING_LOAN_TERM",
            { line: no, member: nameOf(line.personId), max: state.rules.loans.maxTermMonths },
            "termMonths",
          );
        cash -= line.amount;
        pair("loansToMembers", "cashBox", line.amount, line.personId, memo);
        break;
      }
      case "repayment": {
        const loan = loans.get(line.loanId);
        if (!loan || loan.personId !== line.personId) {
          refuse("MEETING_LOAN_NOT_FOUND", { line: no, member: nameOf(line.personId) }, "loanId");
          cash += line.amount;
          break;
        }
        let split: { interest: bigint; principal: bigint };
        try {
          split = splitInternalRepayment(loan.terms, loan.repayments, input.heldOn, line.amount);
        } catch (error) {
          if (!(error instanceof InternalLoanError) || error.owed === null) throw error;
          refuse("MEETING_REPAYMENT_OVER_OWED", {
            line: no,
            member: nameOf(line.personId),
            owed: show(error.owed),
          });
          cash += line.amount;
          break;
        }
        loan.repayments.push({ on: input.heldOn, ...split });
        interestAt.set(i, split.interest);
        cash += line.amount;
        out.push({ account: "cashBox", minor: line.amount, party: null, memo });
        if (split.principal > 0n)
          out.push({ account: "loansToMembers", minor: -split.principal, party: line.personId, memo });
        if (split.interest > 0n)
          out.push({ account: "interest", minor: -split.interest, party: line.personId, memo });
        break;
      }
      case "fine":
        cash += line.amount;
        pair("cashBox", "fines", line.amount, line.personId, `${memo} (${line.reason})`);
        break;
      case "socialContribution":
        socialFund += line.amount;
        pair("socialFundCash", "socialFund", line.amount, line.personId, memo);
        break;
      case "socialPayout":
        if (!state.rules.socialFund.purposes.includes(line.purpose))
          refuse(
            "MEETING_SOCIAL_PURPOSE",
            { line: no, member: nameOf(line.personId), purpose: line.purpose },
            "purpose",
          );
        if (line.amount > socialFund)
          refuse("MEETING_SOCIAL_FUND_SHORT", {
            line: no,
            member: nameOf(line.personId),
            fund: show(socialFund),
          });
        socialFund -= line.amount;
        pair("socialFund", "socialFundCash", line.amount, line.personId, `${memo} (${line.purpose})`);
        break;
      case "expense":
        cash -= line.amount;
        pair("expenses", "cashBox", line.amount, null, `${memo}: ${line.detail}`);
        break;
      case "otherIncome":
        cash += line.amount;
        pair("cashBox", "otherIncome", line.amount, null, `${memo}: ${line.detail}`);
        break;
      case "externalLoanReceived":
        external += line.amount;
        cash += line.amount;
        pair("cashBox", "externalLoans", line.amount, null, `${memo}: ${line.detail}`);
        break;
      case "externalLoanRepaid": {
        const principal = line.amount - line.interest;
        if (line.interest < 0n || principal < 0n || principal > external) {
          refuse("MEETING_EXTERNAL_REPAYMENT", { line: no, owed: show(external) });
          cash -= line.amount;
          break;
        }
        external -= principal;
        cash -= line.amount;
        if (principal > 0n) out.push({ account: "externalLoans", minor: principal, party: null, memo });
        if (line.interest > 0n)
          out.push({ account: "externalInterest", minor: line.interest, party: null, memo });
        out.push({ account: "cashBox", minor: -line.amount, party: null, memo });
        break;
      }
      case "loanRepayment":
        cash -= line.amount;
        break;
      case "federationFee":
        cash -= line.amount;
        pair("expenses", "cashBox", line.amount, null, memo);
        break;
      case "bankDeposit":
        cash -= line.amount;
        bank += line.amount;
        pair("bank", "cashBox", line.amount, null, memo);
        break;
      case "bankWithdrawal":
        if (line.amount > bank) refuse("MEETING_BANK_SHORT", { line: no, bank: show(bank) });
        bank -= line.amount;
        cash += line.amount;
        pair("cashBox", "bank", line.amount, null, memo);
        break;
      default: {
        const never: never = line;
        throw new Error(`unknown line ${JSON.stringify(never)}`);
      }
    }
    if (cash < 0n && !cashShortFound) {
      cashShortFound = true;
      refuse("MEETING_CASH_SHORT", { line: no, cash: show(cash + line.amount) });
    }
  }
  if (input.cashCounted !== null && input.cashCounted !== cash)
    problem("MEETING_CASH_MISMATCH", { counted: show(input.cashCounted), books: show(cash) }, "cashCounted");
  refuseAll(problems);
  for (let i = 0; i < input.lines.length; i++) interest.push(interestAt.get(i) ?? null);
  return { lines: out, interest, cashAfter: cash };
}

/** Money in before money out: savings, repayments and income come first, so a loan can use them. */
function rank(line: MeetingLine): number {
  switch (line.kind) {
    case "savings":
    case "voluntarySavings":
    case "repayment":
    case "fine":
    case "socialContribution":
    case "otherIncome":
    case "externalLoanReceived":
    case "bankWithdrawal":
      return 0;
    default:
      return 1;
  }
}
