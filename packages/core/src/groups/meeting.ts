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
  /** The group's balances once the meeting is recorded (its new loans aside: they are its lines). */
  after: {
    savings: ReadonlyMap<string, bigint>;
    bank: bigint;
    socialFund: bigint;
    externalLoans: bigint;
    /** The open loans of before, each with this meeting's repayment added. */
    loans: readonly OpenLoan[];
  };
}

export function planMeeting(input: MeetingInput, state: GroupState): MeetingPlan {
  const p = startPlanning(state);
  checkAttendance(p, input.attendance);
  // Savings first, whatever the order sent: a loan's limit counts this meeting's savings.
  const order = input.lines.map((line, i) => ({ line, i }));
  order.sort((a, b) => rank(a.line) - rank(b.line) || a.i - b.i);
  for (const { line, i } of order) {
    planLine(p, input.heldOn, line, i);
    checkCashShort(p, line, i);
  }
  checkCashCount(p, input.cashCounted);
  refuseAll(p.problems);
  const interest = input.lines.map((_, i) => p.interestAt.get(i) ?? null);
  const after = {
    savings: p.savings,
    bank: p.bank,
    socialFund: p.socialFund,
    externalLoans: p.external,
    loans: [...p.loans.values()],
  };
  return { lines: p.out, interest, cashAfter: p.cash, after };
}

/** The meeting as it is planned line by line: the group's balances as they move, and what is found. */
interface Planning {
  state: GroupState;
  names: ReadonlyMap<string, string>;
  savings: Map<string, bigint>;
  loans: Map<string, OpenLoan>;
  cash: bigint;
  bank: bigint;
  socialFund: bigint;
  external: bigint;
  out: PlannedLine[];
  /** The interest part of each repayment, by its line's index. */
  interestAt: Map<number, bigint>;
  problems: ErrorDetail[];
  cashShortFound: boolean;
}

/** One line being planned: its index and number, its memo, and its refusals (naming its member). */
interface LineAt {
  i: number;
  no: number;
  memo: string;
  refuse(code: ErrorCode, params: ErrorParams, field?: string): void;
}

function startPlanning(state: GroupState): Planning {
  return {
    state,
    names: new Map(state.members.map((m) => [m.personId, m.name])),
    savings: new Map(state.savings),
    loans: new Map(state.openLoans.map((l) => [l.id, { ...l, repayments: [...l.repayments] }])),
    cash: state.cashBox,
    bank: state.bank,
    socialFund: state.socialFund,
    external: state.externalLoans,
    out: [],
    interestAt: new Map(),
    problems: [],
    cashShortFound: false,
  };
}

const show = (p: Planning, minor: bigint): Money => money(minor, p.state.rules.currency);
const nameOf = (p: Planning, personId: string): string => p.names.get(personId) ?? personId;

function problem(p: Planning, code: ErrorCode, params: ErrorParams, path: string, memberId?: string): void {
  p.problems.push({ code, params, path, ...(memberId !== undefined ? { memberId } : {}) });
}

/** A debit and its credit; the cash box and the bank name no member. */
function pair(
  p: Planning,
  debit: ShgAccount,
  credit: ShgAccount,
  minor: bigint,
  party: string | null,
  memo: string,
) {
  p.out.push({ account: debit, minor, party: debit === "cashBox" || debit === "bank" ? null : party, memo });
  p.out.push({
    account: credit,
    minor: -minor,
    party: credit === "cashBox" || credit === "bank" ? null : party,
    memo,
  });
}

/** Attendance: every member once, nobody else. */
function checkAttendance(p: Planning, attendance: MeetingInput["attendance"]): void {
  const seen = new Set<string>();
  for (const [k, a] of attendance.entries()) {
    const at = `attendance.${k}.personId`;
    if (!p.names.has(a.personId))
      problem(p, "MEETING_ATTENDANCE_NOT_A_MEMBER", { member: a.personId }, at, a.personId);
    else if (seen.has(a.personId))
      problem(p, "MEETING_ATTENDANCE_TWICE", { member: nameOf(p, a.personId) }, at, a.personId);
    seen.add(a.personId);
  }
  for (const m of p.state.members)
    if (!seen.has(m.personId))
      problem(p, "MEETING_ATTENDANCE_MISSING", { member: m.name }, "attendance", m.personId);
}

/** One line: checked as any line, then by its kind. A refused line still moves the cash it says it moved. */
function planLine(p: Planning, heldOn: string, line: MeetingLine, i: number): void {
  const no = i + 1;
  const memberId = "personId" in line ? line.personId : undefined;
  const at: LineAt = {
    i,
    no,
    memo: `line ${no}: ${line.kind}`,
    refuse: (code, params, field = "amount") => problem(p, code, params, `lines.${i}.${field}`, memberId),
  };
  if (line.amount <= 0n) at.refuse("MEETING_AMOUNT_NOT_POSITIVE", { line: no });
  if ("personId" in line && !p.names.has(line.personId))
    at.refuse("MEETING_NOT_A_MEMBER", { line: no, member: line.personId }, "personId");
  switch (line.kind) {
    case "savings":
    case "voluntarySavings":
    case "withdrawal":
      planSavings(p, line, at);
      return;
    case "loan":
      planLoan(p, line, at);
      return;
    case "repayment":
      planRepayment(p, heldOn, line, at);
      return;
    case "fine":
      p.cash += line.amount;
      pair(p, "cashBox", "fines", line.amount, line.personId, `${at.memo} (${line.reason})`);
      return;
    case "socialContribution":
    case "socialPayout":
      planSocialFund(p, line, at);
      return;
    case "expense":
    case "otherIncome":
    case "externalLoanReceived":
    case "externalLoanRepaid":
    case "loanRepayment":
    case "federationFee":
    case "bankDeposit":
    case "bankWithdrawal":
      planGroupLine(p, line, at);
      return;
    default: {
      const never: never = line;
      throw new Error(`unknown line ${JSON.stringify(never)}`);
    }
  }
}

type LineOf<K extends MeetingLine["kind"]> = Extract<MeetingLine, { kind: K }>;

/** Savings: compulsory ones as the rules say, voluntary ones and withdrawals where they allow them. */
function planSavings(
  p: Planning,
  line: LineOf<"savings" | "voluntarySavings" | "withdrawal">,
  at: LineAt,
): void {
  const { rules } = p.state;
  const member = nameOf(p, line.personId);
  const has = p.savings.get(line.personId) ?? 0n;
  if (line.kind === "withdrawal") {
    if (!rules.savings.withdrawals) at.refuse("MEETING_WITHDRAWAL_NOT_ALLOWED", { line: at.no, member });
    if (line.amount > has)
      at.refuse("MEETING_WITHDRAWAL_ABOVE_SAVINGS", { line: at.no, member, savings: show(p, has) });
    p.savings.set(line.personId, has - line.amount);
    p.cash -= line.amount;
    pair(p, "savings", "cashBox", line.amount, line.personId, at.memo);
    return;
  }
  if (line.kind === "voluntarySavings") {
    if (!rules.savings.voluntary) at.refuse("MEETING_VOLUNTARY_NOT_ALLOWED", { line: at.no, member });
  } else {
    const c = rules.savings.compulsory;
    if (c.kind === "fixed" && line.amount !== c.amount)
      at.refuse("MEETING_SAVINGS_NOT_RULE", { line: at.no, member, rule: show(p, c.amount) });
    if (c.kind === "shares") {
      const shares = line.amount / c.sharePrice;
      if (line.amount % c.sharePrice !== 0n || shares < BigInt(c.minShares) || shares > BigInt(c.maxShares))
        at.refuse("MEETING_SHARES_NOT_RULE", {
          line: at.no,
          member,
          price: show(p, c.sharePrice),
          min: c.minShares,
          max: c.maxShares,
        });
    }
  }
  p.savings.set(line.personId, has + line.amount);
  p.cash += line.amount;
  pair(p, "cashBox", "savings", line.amount, line.personId, at.memo);
}

/** A new internal loan: within the multiple of her savings and the longest term the rules allow. */
function planLoan(p: Planning, line: LineOf<"loan">, at: LineAt): void {
  const { loans } = p.state.rules;
  const member = nameOf(p, line.personId);
  const limit = maxInternalLoan(p.savings.get(line.personId) ?? 0n, loans.maxMultipleOfSavings);
  if (line.amount > limit)
    at.refuse("MEETING_LOAN_OVER_LIMIT", { line: at.no, member, limit: show(p, limit) });
  if (line.termMonths < 1 || line.termMonths > loans.maxTermMonths)
    at.refuse("MEETING_LOAN_TERM", { line: at.no, member, max: loans.maxTermMonths }, "termMonths");
  p.cash -= line.amount;
  pair(p, "loansToMembers", "cashBox", line.amount, line.personId, at.memo);
}

/** A repayment of her own open loan, split into interest and principal; never more than she owes. */
function planRepayment(p: Planning, heldOn: string, line: LineOf<"repayment">, at: LineAt): void {
  const member = nameOf(p, line.personId);
  p.cash += line.amount;
  const loan = p.loans.get(line.loanId);
  if (!loan || loan.personId !== line.personId) {
    at.refuse("MEETING_LOAN_NOT_FOUND", { line: at.no, member }, "loanId");
    return;
  }
  let split: { interest: bigint; principal: bigint };
  try {
    split = splitInternalRepayment(loan.terms, loan.repayments, heldOn, line.amount);
  } catch (error) {
    if (!(error instanceof InternalLoanError) || error.owed === null) throw error;
    at.refuse("MEETING_REPAYMENT_OVER_OWED", { line: at.no, member, owed: show(p, error.owed) });
    return;
  }
  loan.repayments.push({ on: heldOn, ...split });
  p.interestAt.set(at.i, split.interest);
  p.out.push({ account: "cashBox", minor: line.amount, party: null, memo: at.memo });
  if (split.principal > 0n)
    p.out.push({ account: "loansToMembers", minor: -split.principal, party: line.personId, memo: at.memo });
  if (split.interest > 0n)
    p.out.push({ account: "interest", minor: -split.interest, party: line.personId, memo: at.memo });
}

/** The social fund, in its own box: contributions, and payouts for the rules' purposes from what it holds. */
function planSocialFund(p: Planning, line: LineOf<"socialContribution" | "socialPayout">, at: LineAt): void {
  if (line.kind === "socialContribution") {
    p.socialFund += line.amount;
    pair(p, "socialFundCash", "socialFund", line.amount, line.personId, at.memo);
    return;
  }
  const member = nameOf(p, line.personId);
  if (!p.state.rules.socialFund.purposes.includes(line.purpose))
    at.refuse("MEETING_SOCIAL_PURPOSE", { line: at.no, member, purpose: line.purpose }, "purpose");
  if (line.amount > p.socialFund)
    at.refuse("MEETING_SOCIAL_FUND_SHORT", { line: at.no, member, fund: show(p, p.socialFund) });
  p.socialFund -= line.amount;
  pair(p, "socialFund", "socialFundCash", line.amount, line.personId, `${at.memo} (${line.purpose})`);
}

/** The group's own money: expenses and income, external loans, fees, and the bank. */
function planGroupLine(p: Planning, line: GroupLine, at: LineAt): void {
  const { memo } = at;
  switch (line.kind) {
    case "expense":
      p.cash -= line.amount;
      pair(p, "expenses", "cashBox", line.amount, null, `${memo}: ${line.detail}`);
      return;
    case "otherIncome":
      p.cash += line.amount;
      pair(p, "cashBox", "otherIncome", line.amount, null, `${memo}: ${line.detail}`);
      return;
    case "externalLoanReceived":
      p.external += line.amount;
      p.cash += line.amount;
      pair(p, "cashBox", "externalLoans", line.amount, null, `${memo}: ${line.detail}`);
      return;
    case "externalLoanRepaid": {
      const principal = line.amount - line.interest;
      p.cash -= line.amount;
      if (line.interest < 0n || principal < 0n || principal > p.external) {
        at.refuse("MEETING_EXTERNAL_REPAYMENT", { line: at.no, owed: show(p, p.external) });
        return;
      }
      p.external -= principal;
      if (principal > 0n) p.out.push({ account: "externalLoans", minor: principal, party: null, memo });
      if (line.interest > 0n)
        p.out.push({ account: "externalInterest", minor: line.interest, party: null, memo });
      p.out.push({ account: "cashBox", minor: -line.amount, party: null, memo });
      return;
    }
    case "loanRepayment":
      p.cash -= line.amount;
      return;
    case "federationFee":
      p.cash -= line.amount;
      pair(p, "expenses", "cashBox", line.amount, null, memo);
      return;
    case "bankDeposit":
      p.cash -= line.amount;
      p.bank += line.amount;
      pair(p, "bank", "cashBox", line.amount, null, memo);
      return;
    case "bankWithdrawal":
      if (line.amount > p.bank) at.refuse("MEETING_BANK_SHORT", { line: at.no, bank: show(p, p.bank) });
      p.bank -= line.amount;
      p.cash += line.amount;
      pair(p, "cashBox", "bank", line.amount, null, memo);
      return;
    default: {
      const never: never = line;
      throw new Error(`unknown line ${JSON.stringify(never)}`);
    }
  }
}

/** Cash: the box never below zero after a line (the first line to take it there is named). */
function checkCashShort(p: Planning, line: MeetingLine, i: number): void {
  if (p.cash >= 0n || p.cashShortFound) return;
  p.cashShortFound = true;
  const memberId = "personId" in line ? line.personId : undefined;
  problem(
    p,
    "MEETING_CASH_SHORT",
    { line: i + 1, cash: show(p, p.cash + line.amount) },
    `lines.${i}.amount`,
    memberId,
  );
}

/** Cash: the box as counted at the end, when counted, is what the books say. */
function checkCashCount(p: Planning, counted: bigint | null): void {
  if (counted !== null && counted !== p.cash)
    problem(p, "MEETING_CASH_MISMATCH", { counted: show(p, counted), books: show(p, p.cash) }, "cashCounted");
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
