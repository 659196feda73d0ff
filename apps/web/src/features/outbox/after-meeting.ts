// After the meeting, from the meeting as saved on the phone and the group's kit kept on it: the one-screen
// summary the group reads aloud (members present, savings, repayments, new loans, fines, social fund, the
// cash box before and after) and each member's passbook page (her lines, her savings and her loans'
// balance before and after). Pure, in bigint minor units of the group's currency; no connection needed.
//
// The kit is the group as the phone last read it. Before the meeting is sent, it is the group before the
// meeting ("before"); once the meeting is recorded and the kit read again, it may already include the
// meeting ("after": the balances before are then the ones after, less the meeting). When neither holds
// (later meetings recorded since), only the meeting's own amounts are shown.

import { type InternalRepayment, splitInternalRepayment } from "@qadam/core/groups/internal-loans";
import type { Attendance } from "@qadam/core/groups/meeting";
import type { MeetingInputJson, MeetingLineJson } from "@qadam/core/groups/meeting-input";
import type { MeetingKit } from "@qadam/core/groups/meeting-kit";
import { parseAmount, rate } from "@qadam/core/money";

/** What the kit says relative to this meeting (see the head of this file). */
export type KitBasis = "before" | "after" | "none";

/** A member's line at this meeting, as her passbook shows it. */
export interface PassbookLine {
  kind:
    | "savings"
    | "voluntarySavings"
    | "withdrawal"
    | "repayment"
    | "loan"
    | "fine"
    | "socialContribution"
    | "socialPayout";
  amount: bigint;
}

export interface MemberPage {
  personId: string;
  name: string;
  attendance: Attendance | null;
  lines: PassbookLine[];
  /** Her savings in the group's books before and after this meeting (null when the kit cannot tell). */
  savingsBefore: bigint | null;
  savingsAfter: bigint | null;
  /** What she owes on her internal loans (principal), before and after (null when the kit cannot tell). */
  loanBefore: bigint | null;
  loanAfter: bigint | null;
}

export interface MeetingSummary {
  heldOn: string;
  currency: string;
  basis: KitBasis;
  members: number;
  /** Present, late or represented. */
  present: number;
  savings: bigint;
  withdrawals: bigint;
  repaid: bigint;
  loansIssued: bigint;
  loansCount: number;
  fines: bigint;
  socialIn: bigint;
  socialOut: bigint;
  cashBefore: bigint | null;
  /** The cash box after the meeting as the books say (cash before and the meeting's lines). */
  cashAfter: bigint | null;
  cashCounted: bigint | null;
  pages: MemberPage[];
}

const PRESENT: ReadonlySet<Attendance> = new Set(["present", "late", "represented"]);

/** How a line moves the cash box, as planMeeting moves it (the social fund keeps its own box). */
export function cashEffect(line: MeetingLineJson, minor: (text: string) => bigint): bigint {
  const amount = minor(line.amount);
  switch (line.kind) {
    case "savings":
    case "voluntarySavings":
    case "repayment":
    case "fine":
    case "otherIncome":
    case "externalLoanReceived":
    case "bankWithdrawal":
      return amount;
    case "withdrawal":
    case "loan":
    case "expense":
    case "externalLoanRepaid":
    case "loanRepayment":
    case "federationFee":
    case "bankDeposit":
      return -amount;
    case "socialContribution":
    case "socialPayout":
      return 0n;
  }
}

/** How a line moves its member's savings. */
function savingsEffect(line: MeetingLineJson, amount: bigint): bigint {
  if (line.kind === "savings" || line.kind === "voluntarySavings") return amount;
  if (line.kind === "withdrawal") return -amount;
  return 0n;
}

/** Whether the kit, read at `kitFetchedAt`, already includes a meeting the server recorded at `sentAt`. */
export function kitBasis(kit: MeetingKit, heldOn: string, sentAt: string | null): KitBasis {
  const includes =
    sentAt !== null && kit.fetchedAt >= sentAt && kit.latestMeeting !== null && kit.latestMeeting >= heldOn;
  if (!includes) return "before";
  return kit.latestMeeting === heldOn ? "after" : "none";
}

type KitLoan = MeetingKit["openLoans"][number];

export function afterMeeting(kit: MeetingKit, body: MeetingInputJson, basis: KitBasis): MeetingSummary {
  const minor = (text: string): bigint => {
    try {
      return parseAmount(text, kit.currency).minor;
    } catch {
      return 0n;
    }
  };
  const outstanding = (loan: KitLoan): bigint =>
    minor(loan.principal) - loan.repayments.reduce((s, r) => s + minor(r.principal), 0n);
  const repaymentsOf = (loan: KitLoan): InternalRepayment[] =>
    loan.repayments.map((r) => ({ on: r.on, interest: minor(r.interest), principal: minor(r.principal) }));
  const loans = new Map(kit.openLoans.map((l) => [l.id, l]));

  // The principal part of each repayment line: from the kit's own record of it once it includes the
  // meeting, else split as the server will split it (interest first); the whole amount when unknown.
  const principalOf = new Map<number, bigint>();
  const splitting = new Map<string, InternalRepayment[]>();
  body.lines.forEach((line, i) => {
    if (line.kind !== "repayment") return;
    const amount = minor(line.amount);
    const loan = loans.get(line.loanId);
    if (!loan) {
      principalOf.set(i, amount);
      return;
    }
    if (basis === "after") {
      const at = loan.repayments.filter((r) => r.on === body.heldOn);
      principalOf.set(
        i,
        at.length > 0 ? at.reduce((s, r) => s + minor(r.principal), 0n) / BigInt(at.length) : amount,
      );
      return;
    }
    const repayments = splitting.get(loan.id) ?? repaymentsOf(loan);
    try {
      const split = splitInternalRepayment(
        {
          principal: minor(loan.principal),
          monthlyRate: rate(loan.monthlyRate),
          method: loan.method,
          termMonths: loan.termMonths,
          issuedOn: loan.issuedOn,
        },
        repayments,
        body.heldOn,
        amount,
      );
      repayments.push({ on: body.heldOn, ...split });
      principalOf.set(i, split.principal);
    } catch {
      principalOf.set(i, amount);
    }
    splitting.set(loan.id, repayments);
  });

  const known = basis !== "none";
  const attendance = new Map(body.attendance.map((a) => [a.personId, a.status]));
  const inKit = new Map(kit.members.map((m) => [m.personId, m]));
  const ids = [
    ...new Set([
      ...body.attendance.map((a) => a.personId),
      ...body.lines.flatMap((l) => ("personId" in l ? [l.personId] : [])),
    ]),
  ];
  const pages: MemberPage[] = ids.map((personId) => {
    const lines: PassbookLine[] = [];
    let savingsMove = 0n;
    let loanMove = 0n;
    body.lines.forEach((line, i) => {
      if (!("personId" in line) || line.personId !== personId) return;
      const amount = minor(line.amount);
      lines.push({ kind: line.kind, amount });
      savingsMove += savingsEffect(line, amount);
      if (line.kind === "loan") loanMove += amount;
      if (line.kind === "repayment") loanMove -= principalOf.get(i) ?? amount;
    });
    const kitSavings = inKit.has(personId) ? minor(inKit.get(personId)?.savings ?? "0") : 0n;
    const kitLoans = kit.openLoans
      .filter((l) => l.personId === personId)
      .reduce((s, l) => s + outstanding(l), 0n);
    return {
      personId,
      name: inKit.get(personId)?.name ?? personId,
      attendance: attendance.get(personId) ?? null,
      lines,
      savingsBefore: !known ? null : basis === "before" ? kitSavings : kitSavings - savingsMove,
      savingsAfter: !known ? null : basis === "before" ? kitSavings + savingsMove : kitSavings,
      loanBefore: !known ? null : basis === "before" ? kitLoans : kitLoans - loanMove,
      loanAfter: !known ? null : basis === "before" ? kitLoans + loanMove : kitLoans,
    };
  });
  // Members in the kit's order (the group's register), anyone else after.
  const order = new Map(kit.members.map((m, i) => [m.personId, i]));
  pages.sort((a, b) => (order.get(a.personId) ?? 1e9) - (order.get(b.personId) ?? 1e9));

  const sum = (kinds: readonly MeetingLineJson["kind"][]) =>
    body.lines.reduce((s, l) => (kinds.includes(l.kind) ? s + minor(l.amount) : s), 0n);
  const cashMove = body.lines.reduce((s, l) => s + cashEffect(l, minor), 0n);
  const cashBox = minor(kit.cashBox);
  return {
    heldOn: body.heldOn,
    currency: kit.currency,
    basis,
    members: body.attendance.length,
    present: body.attendance.filter((a) => PRESENT.has(a.status)).length,
    savings: sum(["savings", "voluntarySavings"]),
    withdrawals: sum(["withdrawal"]),
    repaid: sum(["repayment"]),
    loansIssued: sum(["loan"]),
    loansCount: body.lines.filter((l) => l.kind === "loan").length,
    fines: sum(["fine"]),
    socialIn: sum(["socialContribution"]),
    socialOut: sum(["socialPayout"]),
    cashBefore: !known ? null : basis === "before" ? cashBox : cashBox - cashMove,
    cashAfter: !known ? null : basis === "before" ? cashBox + cashMove : cashBox,
    cashCounted: body.cashCounted ? minor(body.cashCounted) : null,
    pages,
  };
}
