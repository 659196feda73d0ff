// The meeting's running totals, in bigint minor units, as planMeeting moves the cash box: what she
// collected and lent, the social fund's own box, the cash the box should hold at the end.
import type { MeetingKit } from "@qadam/core/groups/meeting-kit";
import { parseAmount } from "@qadam/core/money";
import type { FlowState } from "./state.js";

/** An amount as typed, in minor units; 0 when it is not one (the check names it on its line). */
export function minorOf(text: string, currency: string): bigint {
  try {
    return parseAmount(text.trim(), currency).minor;
  } catch {
    return 0n;
  }
}

export interface Totals {
  present: number;
  members: number;
  savings: bigint;
  withdrawn: bigint;
  repaid: bigint;
  groupLoansRepaid: bigint;
  lent: bigint;
  fines: bigint;
  otherIn: bigint;
  otherOut: bigint;
  socialIn: bigint;
  socialOut: bigint;
  /** Cash into the box from the members and others: savings, repayments, fines, income. */
  collected: bigint;
  /** Cash out of the box: loans, withdrawals, the group's loan repayments, expenses, the bank. */
  paidOut: bigint;
  cashBefore: bigint;
  cashAfter: bigint;
}

/** The running totals, as planMeeting moves the cash box (the social fund has a box of its own). */
export function totalsOf(state: FlowState, cashBefore: bigint, currency: string): Totals {
  const t: Totals = {
    present: state.attendance.filter((a) => a.status !== "absent" && a.status !== "excused").length,
    members: state.attendance.length,
    savings: 0n,
    withdrawn: 0n,
    repaid: 0n,
    groupLoansRepaid: 0n,
    lent: 0n,
    fines: 0n,
    otherIn: 0n,
    otherOut: 0n,
    socialIn: 0n,
    socialOut: 0n,
    collected: 0n,
    paidOut: 0n,
    cashBefore,
    cashAfter: cashBefore,
  };
  for (const { line } of state.lines) {
    const amount = minorOf(line.amount, currency);
    switch (line.kind) {
      case "savings":
      case "voluntarySavings":
        t.savings += amount;
        break;
      case "withdrawal":
        t.withdrawn += amount;
        break;
      case "repayment":
        t.repaid += amount;
        break;
      case "loanRepayment":
        t.groupLoansRepaid += amount;
        break;
      case "loan":
        t.lent += amount;
        break;
      case "fine":
        t.fines += amount;
        break;
      case "socialContribution":
        t.socialIn += amount;
        break;
      case "socialPayout":
        t.socialOut += amount;
        break;
      case "otherIncome":
      case "externalLoanReceived":
      case "bankWithdrawal":
        t.otherIn += amount;
        break;
      case "expense":
      case "externalLoanRepaid":
      case "federationFee":
      case "bankDeposit":
        t.otherOut += amount;
        break;
      default: {
        const never: never = line;
        throw new Error(`unknown line ${JSON.stringify(never)}`);
      }
    }
  }
  t.collected = t.savings + t.repaid + t.fines + t.otherIn;
  t.paidOut = t.lent + t.withdrawn + t.groupLoansRepaid + t.otherOut;
  t.cashAfter = cashBefore + t.collected - t.paidOut;
  return t;
}

/** The cash the box should hold at the end as the books see it (planMeeting's cashAfter when it plans). */
export function expectedCash(state: FlowState, kit: MeetingKit): bigint {
  return totalsOf(state, parseAmount(kit.cashBox, kit.currency).minor, kit.currency).cashAfter;
}

/** Her savings when a loan of this meeting is planned: before the meeting, and this meeting's (saved first). */
export function savingsForLoan(kit: MeetingKit, state: FlowState, personId: string): bigint {
  let total = minorOf(kit.members.find((m) => m.personId === personId)?.savings ?? "0", kit.currency);
  for (const { line } of state.lines)
    if ((line.kind === "savings" || line.kind === "voluntarySavings") && line.personId === personId)
      total += minorOf(line.amount, kit.currency);
  return total;
}
