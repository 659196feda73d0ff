// A self-help group's internal loans to its members: interest per month begun, the schedule, what is
// owed and overdue on a date, the split of a repayment, the largest loan savings allow, and punctuality
// for grading. Pure: no database, no clock.
//
// Rules (amounts bigint minor units, dates YYYY-MM-DD; P principal, T termMonths, I issuedOn):
// - Month k (k = 1, 2, …) runs from addMonths(I, k − 1) to the day before addMonths(I, k). addMonths
//   keeps the day of month where it exists, else the month's last day, always counting from I:
//   31 Jan + 1 month = 28/29 Feb, 31 Jan + 2 months = 31 Mar.
// - Interest per month begun: as the first day of month k closes, if principal is still outstanding after
//   the repayments dated on or before that day, month k's interest is charged: flat = P × monthlyRate,
//   declining = that outstanding principal × monthlyRate, rounded half-up to the minor unit. It goes on
//   after the term while principal is outstanding. So a repayment on a due date (the first day of the
//   next month) comes before that month's interest, and a loan returned on its issue day costs nothing.
// - Schedule: installment k ≤ T is due on addMonths(I, k), principal floor(P ÷ T) with the residue in
//   the last, plus month k's interest. A month after the term is an installment of interest only.
// - The loan on a date D is as a repayment made on D finds it: repayments dated ≤ D counted (later ones
//   ignored), the interest of months whose first day is before D charged. Owed = principal outstanding +
//   interest charged − interest paid. A repayment pays interest owed first, then principal.
// - Installment k is paid on the first date by which interest paid ≥ the interest of months 1…k and
//   principal paid ≥ the principal of installments 1…k (oldest first). While principal is outstanding, a
//   month not yet begun is never paid: its interest is still to come. Overdue = what fell due before D,
//   unpaid; daysLate counts from the due date of the oldest installment due before D and not paid.
// - Refused with an InternalLoanError (a RangeError with a `problem` code): P ≤ 0, a negative rate,
//   T < 1 or fractional, a date that is not YYYY-MM-DD, a date or repayment before I, a negative part,
//   a repayment's principal above the principal outstanding or its interest above the interest owed.
import type { Decimal } from "decimal.js";
import { daysBetween, isCalendarDate } from "../clock.js";
import { applyRateToMinor } from "../money/rate.js";

export const INTEREST_METHODS = ["flat", "declining"] as const;
export type InterestMethod = (typeof INTEREST_METHODS)[number];

export interface InternalLoanTerms {
  principal: bigint;
  /** A fraction a month: 0.02 is 2 %. */
  monthlyRate: Decimal;
  method: InterestMethod;
  termMonths: number;
  issuedOn: string;
}

/** A repayment as recorded, already split between interest and principal. */
export interface InternalRepayment {
  on: string;
  interest: bigint;
  principal: bigint;
}

export interface InternalInstallment {
  number: number;
  dueOn: string;
  principal: bigint;
  /** Interest charged for the month; 0 while the month has not begun, or when it was not charged. */
  interest: bigint;
  /** The date payments, counted cumulatively, first covered this installment and all before it. */
  paidOn: string | null;
}

export interface InternalLoanState {
  principalOutstanding: bigint;
  interestCharged: bigint;
  interestPaid: bigint;
  interestOwed: bigint;
  owed: bigint;
  principalOverdue: bigint;
  interestOverdue: bigint;
  daysLate: number;
  installments: InternalInstallment[];
  /** Nothing outstanding and nothing more to charge. */
  closed: boolean;
}

export const INTERNAL_LOAN_PROBLEMS = [
  "invalid-principal",
  "invalid-rate",
  "invalid-term",
  "invalid-date",
  "before-issue",
  "negative-repayment",
  "principal-over-outstanding",
  "interest-over-owed",
  "backdated-repayment",
  "invalid-amount",
  "over-owed",
  "invalid-period",
  "negative-input",
] as const;
export type InternalLoanProblem = (typeof INTERNAL_LOAN_PROBLEMS)[number];

export class InternalLoanError extends RangeError {
  /** What is owed, for "over-owed". */
  readonly owed: bigint | null;
  /** Index of the offending repayment in the caller's list, for problems about one repayment. */
  readonly repayment: number | null;

  constructor(
    readonly problem: InternalLoanProblem,
    message: string,
    params: { owed?: bigint; repayment?: number } = {},
  ) {
    super(params.repayment === undefined ? message : `repayment ${params.repayment}: ${message}`);
    this.name = "InternalLoanError";
    this.owed = params.owed ?? null;
    this.repayment = params.repayment ?? null;
  }
}

/** A calendar date moved by whole months, the day clamped to the target month's last day. */
export function addMonths(date: string, n: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  if (!Number.isInteger(n)) throw new RangeError(`${n} is not a whole number of months`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The loan as a repayment made on `on` finds it. Repayments dated after `on` are ignored. */
export function internalLoanOn(
  terms: InternalLoanTerms,
  repayments: readonly InternalRepayment[],
  on: string,
): InternalLoanState {
  const { charges, counted } = replay(terms, repayments, on);
  const principalPaid = counted.reduce((s, r) => s + r.principal, 0n);
  const interestPaid = counted.reduce((s, r) => s + r.interest, 0n);
  const interestCharged = charges.reduce((s, c) => s + c, 0n);
  const principalOutstanding = terms.principal - principalPaid;
  const interestOwed = interestCharged - interestPaid;

  const installments = schedule(terms, charges);
  markPaid(installments, counted, terms.issuedOn, principalOutstanding, charges.length);

  const fallenDue = installments.filter((i) => i.dueOn < on);
  const principalDue = fallenDue.reduce((s, i) => s + i.principal, 0n);
  const interestDue = fallenDue.reduce((s, i) => s + i.interest, 0n);
  const oldestUnpaid = fallenDue.find((i) => i.paidOn === null);
  return {
    principalOutstanding,
    interestCharged,
    interestPaid,
    interestOwed,
    owed: principalOutstanding + interestOwed,
    principalOverdue: atLeastZero(principalDue - principalPaid),
    interestOverdue: atLeastZero(interestDue - interestPaid),
    daysLate: oldestUnpaid ? daysBetween(oldestUnpaid.dueOn, on) : 0,
    installments,
    closed: principalOutstanding === 0n && interestOwed === 0n,
  };
}

/**
 * How a repayment of `amount` made on `on` splits: interest owed first, then principal. Refuses an
 * amount ≤ 0 ("invalid-amount"), above what is owed ("over-owed", with `owed`), or dated before a
 * repayment already recorded ("backdated-repayment": it would change what the later ones found).
 */
export function splitInternalRepayment(
  terms: InternalLoanTerms,
  repayments: readonly InternalRepayment[],
  on: string,
  amount: bigint,
): { interest: bigint; principal: bigint } {
  const state = internalLoanOn(terms, repayments, on);
  const later = repayments.findIndex((r) => r.on > on);
  if (later >= 0)
    throw new InternalLoanError("backdated-repayment", `dated after ${on}, the new one's date`, {
      repayment: later,
    });
  if (amount <= 0n) throw new InternalLoanError("invalid-amount", "a repayment must be above zero");
  if (amount > state.owed)
    throw new InternalLoanError("over-owed", `${amount} is more than the ${state.owed} owed on ${on}`, {
      owed: state.owed,
    });
  const interest = amount < state.interestOwed ? amount : state.interestOwed;
  return { interest, principal: amount - interest };
}

/** The largest loan a member may take: her savings × the group's multiple, rounded down. */
export function maxInternalLoan(savings: bigint, multiple: Decimal): bigint {
  if (savings < 0n || !multiple.isFinite() || multiple.isNegative())
    throw new InternalLoanError("negative-input", "savings and the multiple must be zero or more");
  return applyRateToMinor(savings, multiple, "down");
}

/**
 * Installments due in [from, to], and how many were paid (interest and principal, cumulatively) on or
 * before their due date: the facts for "repayment on time" in grading.
 */
export function repaymentPunctuality(
  terms: InternalLoanTerms,
  repayments: readonly InternalRepayment[],
  from: string,
  to: string,
): { due: number; onTime: number } {
  checkDate(from);
  checkDate(to);
  if (from > to)
    throw new InternalLoanError("invalid-period", `the period ${from}…${to} ends before it starts`);
  checkTerms(terms);
  if (to < terms.issuedOn) return { due: 0, onTime: 0 };
  const due = internalLoanOn(terms, repayments, to).installments.filter(
    (i) => from <= i.dueOn && i.dueOn <= to,
  );
  const onTime = due.filter((i) => i.paidOn !== null && i.paidOn <= i.dueOn).length;
  return { due: due.length, onTime };
}

/** Interest charged month by month (index k − 1 for month k) and the repayments counted, by date. */
function replay(
  terms: InternalLoanTerms,
  repayments: readonly InternalRepayment[],
  on: string,
): { charges: bigint[]; counted: InternalRepayment[] } {
  checkTerms(terms);
  checkDate(on);
  if (on < terms.issuedOn)
    throw new InternalLoanError("before-issue", `${on} is before the loan was issued on ${terms.issuedOn}`);
  repayments.forEach(checkRepaymentShape(terms.issuedOn));
  // Array.prototype.sort is stable: repayments of one day keep the caller's order.
  const counted = repayments
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => r.on <= on)
    .sort((a, b) => (a.r.on < b.r.on ? -1 : a.r.on > b.r.on ? 1 : 0));

  const { principal, monthlyRate, method, issuedOn } = terms;
  const charges: bigint[] = [];
  let outstanding = principal;
  let interestOwed = 0n;
  let next = 0;
  const payUntil = (date: string) => {
    for (; next < counted.length && counted[next]!.r.on <= date; next++) {
      const { r, index } = counted[next]!;
      if (r.interest > interestOwed)
        throw new InternalLoanError(
          "interest-over-owed",
          `pays ${r.interest} of interest, ${interestOwed} owed`,
          {
            repayment: index,
          },
        );
      if (r.principal > outstanding)
        throw new InternalLoanError(
          "principal-over-outstanding",
          `pays ${r.principal} of principal, ${outstanding} outstanding`,
          { repayment: index },
        );
      interestOwed -= r.interest;
      outstanding -= r.principal;
    }
  };
  for (let k = 1; ; k++) {
    const firstDay = addMonths(issuedOn, k - 1);
    if (firstDay >= on) break;
    payUntil(firstDay);
    // Principal never rises again, so once repaid no month is charged any more.
    if (outstanding === 0n) break;
    const charge = applyRateToMinor(method === "flat" ? principal : outstanding, monthlyRate, "half-up");
    charges.push(charge);
    interestOwed += charge;
  }
  payUntil(on);
  return { charges, counted: counted.map(({ r }) => r) };
}

/** Installments 1…max(T, months charged), not yet marked paid. */
function schedule(terms: InternalLoanTerms, charges: readonly bigint[]): InternalInstallment[] {
  const { principal, termMonths, issuedOn } = terms;
  const part = principal / BigInt(termMonths);
  const last = principal - part * BigInt(termMonths - 1);
  const count = Math.max(termMonths, charges.length);
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    dueOn: addMonths(issuedOn, i + 1),
    principal: i + 1 < termMonths ? part : i + 1 === termMonths ? last : 0n,
    interest: charges[i] ?? 0n,
    paidOn: null,
  }));
}

/** Sets paidOn from the repayments counted (sorted by date), oldest installment first. */
function markPaid(
  installments: InternalInstallment[],
  counted: readonly InternalRepayment[],
  issuedOn: string,
  principalOutstanding: bigint,
  monthsCharged: number,
): void {
  let interestNeeded = 0n;
  let principalNeeded = 0n;
  let interestPaid = 0n;
  let principalPaid = 0n;
  let used = 0;
  for (const installment of installments) {
    interestNeeded += installment.interest;
    principalNeeded += installment.principal;
    const notYetBegun = principalOutstanding > 0n && installment.number > monthsCharged;
    if (notYetBegun) return;
    while (used < counted.length && (interestPaid < interestNeeded || principalPaid < principalNeeded)) {
      interestPaid += counted[used]!.interest;
      principalPaid += counted[used]!.principal;
      used++;
    }
    if (interestPaid < interestNeeded || principalPaid < principalNeeded) return;
    installment.paidOn = used === 0 ? issuedOn : counted[used - 1]!.on;
  }
}

function checkTerms(terms: InternalLoanTerms): void {
  if (terms.principal <= 0n)
    throw new InternalLoanError("invalid-principal", `a principal of ${terms.principal} is not above zero`);
  if (!terms.monthlyRate.isFinite() || terms.monthlyRate.isNegative())
    throw new InternalLoanError("invalid-rate", `${String(terms.monthlyRate)} is not a rate of zero or more`);
  if (!Number.isInteger(terms.termMonths) || terms.termMonths < 1)
    throw new InternalLoanError("invalid-term", `${terms.termMonths} is not a whole number of months ≥ 1`);
  checkDate(terms.issuedOn);
}

function checkDate(date: string): void {
  if (!isCalendarDate(date))
    throw new InternalLoanError("invalid-date", `"${date}" is not a YYYY-MM-DD date`);
}

function checkRepaymentShape(issuedOn: string) {
  return (r: InternalRepayment, index: number): void => {
    if (!isCalendarDate(r.on))
      throw new InternalLoanError("invalid-date", `"${r.on}" is not a YYYY-MM-DD date`, { repayment: index });
    if (r.on < issuedOn)
      throw new InternalLoanError("before-issue", `${r.on} is before the loan was issued on ${issuedOn}`, {
        repayment: index,
      });
    if (r.interest < 0n || r.principal < 0n)
      throw new InternalLoanError("negative-repayment", "a part of a repayment is below zero", {
        repayment: index,
      });
  };
}

function atLeastZero(x: bigint): bigint {
  return x > 0n ? x : 0n;
}
