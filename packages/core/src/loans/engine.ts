// The loan engine's pure core over a loan's live schedule: what is owed, penalty accrual, allocating a
// payment, and a new plan after a prepayment or a reschedule. Storage (store.ts) loads a LoanState,
// these functions say what changes, and the commands write it with the journal entry in one transaction.
//
// Rules, stated once:
// - A repayment pays installments oldest first, each in the product's component order; what it pays
//   beyond every installment (future ones too) is an overpayment: refused, or held as an advance.
// - Penalties accrue per overdue installment on its unpaid principal and interest, per day past due, at
//   the daily rate for the first `reducedAfterDays` days and the reduced rate after; the penalties
//   charged within one loan year (365 days from disbursement) never exceed the yearly cap × principal.
// - A prepayment pays what is due on or before its date, then the interest of the current period
//   accrued to that date (the period's scheduled interest × elapsed days ÷ period days, half-up), then
//   principal. The rest of the schedule is replaced by a new plan on the lower balance: the same number
//   of installments (lower installments) or the fewest whose installment is not above the old one
//   (shorter term); its first installment charges interest only for the days after the prepayment
//   (by actual days on an actual/365 or actual/360 product, as a share of the period's otherwise).
// - A reschedule replaces the unpaid installments with a new plan from its date; unpaid interest, fees
//   and penalties due by then move into the new plan's first installment.
// - A loan is processed by value date: on each date penalties accrue to it first, then its events in
//   the order recorded. An event dated before one already recorded (or a penalty run), and the
//   reversal of a repayment, replay the loan's history (replay.ts, reprocess.ts).

import { addDays, daysBetween } from "../clock.js";
import { applyRateToMinor, divideRounded, money } from "../money/index.js";
import { type Allocation, allocatePayment, type Component, type Owed } from "./allocation.js";
import type { WorkingCalendar } from "./calendar.js";
import type { LoanProduct } from "./product.js";
import { buildSchedule, type Schedule } from "./schedule.js";

export interface InstallmentState {
  plan: number;
  number: number;
  dueDate: string;
  principal: bigint;
  interest: bigint;
  fee: bigint;
  penalty: bigint;
  principalPaid: bigint;
  interestPaid: bigint;
  feePaid: bigint;
  penaltyPaid: bigint;
  plannedOn: string;
  replacedOn: string | null;
}

const PAID_FIELD = {
  principal: "principalPaid",
  interest: "interestPaid",
  fee: "feePaid",
  penalty: "penaltyPaid",
} as const satisfies Record<Component, keyof InstallmentState>;

/** An installment as it was contracted: nothing paid, no penalty, not replaced. */
export function asContracted(i: InstallmentState): InstallmentState {
  return {
    ...i,
    penalty: 0n,
    principalPaid: 0n,
    interestPaid: 0n,
    feePaid: 0n,
    penaltyPaid: 0n,
    replacedOn: null,
  };
}

/** A schedule's installments as contracted (plan 1, planned on the disbursement date), nothing paid yet. */
export function contractedInstallments(schedule: Schedule, plannedOn: string): InstallmentState[] {
  return schedule.installments.map((i) => ({
    plan: 1,
    number: i.number,
    dueDate: i.dueDate,
    principal: i.principal.minor,
    interest: i.interest.minor,
    fee: i.fees.minor,
    penalty: 0n,
    principalPaid: 0n,
    interestPaid: 0n,
    feePaid: 0n,
    penaltyPaid: 0n,
    plannedOn,
    replacedOn: null,
  }));
}

export function unpaid(i: InstallmentState, c: Component): bigint {
  return i[c] - i[PAID_FIELD[c]];
}

export function isSettled(i: InstallmentState): boolean {
  return (
    unpaid(i, "principal") === 0n &&
    unpaid(i, "interest") === 0n &&
    unpaid(i, "fee") === 0n &&
    unpaid(i, "penalty") === 0n
  );
}

export function owedOf(installments: readonly InstallmentState[]): Owed[] {
  return installments.map((i) => ({
    number: i.number,
    dueDate: i.dueDate,
    outstanding: {
      principal: unpaid(i, "principal"),
      interest: unpaid(i, "interest"),
      fee: unpaid(i, "fee"),
      penalty: unpaid(i, "penalty"),
    },
  }));
}

/** Adds signed allocations to the installments' paid amounts (a reversal passes negative ones). */
export function applyAllocations(installments: InstallmentState[], allocations: readonly Allocation[]): void {
  for (const a of allocations) {
    const i = installments.find((x) => x.number === a.number);
    if (!i) throw new Error(`no installment ${a.number}`);
    i[PAID_FIELD[a.component]] += a.minor;
    if (i[PAID_FIELD[a.component]] < 0n || unpaid(i, a.component) < 0n)
      throw new Error(`installment ${a.number} ${a.component} would be paid beyond what it owes`);
  }
}

/** The due date of the oldest installment not fully paid (null when all are paid). */
export function arrearsSince(installments: readonly InstallmentState[]): string | null {
  let oldest: string | null = null;
  for (const i of installments)
    if (!isSettled(i) && (oldest === null || i.dueDate < oldest)) oldest = i.dueDate;
  return oldest;
}

export function principalOutstanding(installments: readonly InstallmentState[]): bigint {
  return installments.reduce((s, i) => s + unpaid(i, "principal"), 0n);
}

export interface PenaltyCharge {
  number: number;
  minor: bigint;
}

/** Whole days of [from+1, to] (inclusive) falling inside [lo, hi] (inclusive). */
function daysIn(from: string, to: string, lo: string, hi: string | null): number {
  const start = from >= lo ? addDays(from, 1) : lo;
  const end = hi !== null && hi < to ? hi : to;
  return start > end ? 0 : daysBetween(start, end) + 1;
}

/**
 * Penalties accrued from the day after `from` to `to` inclusive, per overdue installment, before the
 * yearly cap; `chargedThisYear` is what the loan year of `to` has charged already.
 */
export function accruePenalties(
  installments: readonly InstallmentState[],
  product: LoanProduct,
  principal: bigint,
  from: string,
  to: string,
  chargedThisYear: bigint,
): PenaltyCharge[] {
  if (to <= from) return [];
  const rule = product.penalty;
  const cap = applyRateToMinor(principal, rule.yearlyCapShare, "down");
  let room = cap - chargedThisYear;
  const charges: PenaltyCharge[] = [];
  for (const i of [...installments].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))) {
    const base = unpaid(i, "principal") + unpaid(i, "interest");
    if (base <= 0n || i.dueDate >= to) continue;
    const firstLate = addDays(i.dueDate, 1);
    const lastFull = addDays(i.dueDate, rule.reducedAfterDays);
    const fullDays = daysIn(from, to, firstLate, lastFull);
    const reducedDays = daysIn(from, to, addDays(lastFull, 1), null);
    const factor = rule.dailyRate.times(fullDays).plus(rule.reducedDailyRate.times(reducedDays));
    let minor = applyRateToMinor(base, factor, "half-up");
    if (minor > room) minor = room;
    if (minor <= 0n) continue;
    room -= minor;
    charges.push({ number: i.number, minor });
  }
  return charges;
}

/** The first day of the loan year that contains `date` (years of 365 days from disbursement). */
export function loanYearStart(disbursedOn: string, date: string): string {
  const years = Math.floor(daysBetween(disbursedOn, date) / 365);
  return addDays(disbursedOn, years * 365);
}

export interface PaymentSplit {
  allocations: Allocation[];
  overpayment: bigint;
}

/** A repayment over every live installment, oldest first, in the product's order. */
export function splitRepayment(
  installments: readonly InstallmentState[],
  product: LoanProduct,
  amount: bigint,
): PaymentSplit {
  return allocatePayment(amount, owedOf(installments), product.allocationOrder);
}

export interface PlanRequest {
  product: LoanProduct;
  currency: string;
  /** The date the new plan starts from (the prepayment or the reschedule). */
  from: string;
  principal: bigint;
  installments: number;
  firstDueOn: string;
  calendar: WorkingCalendar;
  /**
   * With a per-period rate ("repayment"), the first installment charges this share of its scheduled
   * interest (days after `from` over the period's days); a schedule by actual days counts them itself.
   */
  firstInterestShare?: { days: number; ofDays: number };
  carry: { interest: bigint; fee: bigint; penalty: bigint };
  plan: number;
  firstNumber: number;
}

function scheduleFor(req: PlanRequest, installments: number): Schedule {
  return buildSchedule({
    ...req.product,
    principal: money(req.principal, req.currency),
    installments,
    disbursedOn: req.from,
    firstDueOn: req.firstDueOn,
    // A prepayment's plan takes its own share of the current period's interest (firstInterestShare).
    firstPeriod: req.firstInterestShare ? "full" : req.product.firstPeriod,
    gracePrincipal: 0,
    graceInterest: 0,
    disbursementFee: null,
    calendar: req.calendar,
  });
}

export function newPlan(req: PlanRequest, installments: number): InstallmentState[] {
  const s = scheduleFor(req, installments);
  return s.installments.map((i, k) => {
    let interest = i.interest.minor;
    // A schedule by actual days already counts the first period from `from`: only a per-period rate
    // charges a whole period and needs the share of it after `from`.
    const share = req.product.interestPeriod === "repayment" ? req.firstInterestShare : undefined;
    if (k === 0 && share && share.ofDays > 0) {
      interest = divideRounded(interest * BigInt(share.days), BigInt(share.ofDays), "half-up");
    }
    return {
      plan: req.plan,
      number: req.firstNumber + k,
      dueDate: i.dueDate,
      principal: i.principal.minor,
      interest: interest + (k === 0 ? req.carry.interest : 0n),
      fee: i.fees.minor + (k === 0 ? req.carry.fee : 0n),
      penalty: k === 0 ? req.carry.penalty : 0n,
      principalPaid: 0n,
      interestPaid: 0n,
      feePaid: 0n,
      penaltyPaid: 0n,
      plannedOn: req.from,
      replacedOn: null,
    };
  });
}

/** The fewest installments whose regular installment is not above `limit` (at most `max`). */
export function shortestTerm(req: PlanRequest, limit: bigint, max: number): number {
  for (let m = 1; m < max; m++) {
    const s = scheduleFor(req, m);
    const regular = s.installments[0];
    if (regular && regular.principal.minor + regular.interest.minor <= limit) return m;
  }
  return max;
}

/**
 * The interest of the current period accrued to `on`: scheduled interest × elapsed ÷ period days. The
 * period runs from the previous due date (or the disbursement), or from the day the current
 * installment was planned when that is later: a plan made mid-period (after a prepayment, a
 * reschedule) charges its first installment interest from its own date only.
 */
export function accruedInterest(
  installments: readonly InstallmentState[],
  disbursedOn: string,
  on: string,
): { installment: InstallmentState; accrued: bigint; start: string } | null {
  const sorted = [...installments].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  const k = sorted.findIndex((i) => i.dueDate > on);
  const current = sorted[k];
  if (!current) return null;
  const previous = k > 0 ? sorted[k - 1] : undefined;
  let start = previous && previous.dueDate > disbursedOn ? previous.dueDate : disbursedOn;
  if (current.plannedOn > start && current.plannedOn < current.dueDate) start = current.plannedOn;
  const period = daysBetween(start, current.dueDate);
  const elapsed = Math.max(0, daysBetween(start, on));
  const accrued =
    period <= 0
      ? current.interest
      : divideRounded(current.interest * BigInt(elapsed), BigInt(period), "half-up");
  return { installment: current, accrued, start };
}
