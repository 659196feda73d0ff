// How each dated loan event changes the live schedule, as pure steps shared by the commands (an event
// posted in date order) and the replay (a loan's history re-processed by value date): penalties
// accrued to a date, a repayment, a prepayment and its new plan, a reschedule, a write-off.
import { type Allocation, allocatePayment, smaller } from "./allocation.js";
import type { WorkingCalendar } from "./calendar.js";
import { daysBetween } from "./calendar.js";
import {
  accruedInterest,
  accruePenalties,
  applyAllocations,
  arrearsSince,
  type InstallmentState,
  isSettled,
  newPlan,
  owedOf,
  type PenaltyCharge,
  type PlanRequest,
  shortestTerm,
  unpaid,
} from "./engine.js";
import type { LoanProduct } from "./product.js";

/** An allocation (or a penalty charge) on one installment of one plan. */
export interface PlanAllocation {
  plan: number;
  number: number;
  component: Allocation["component"] | "charge";
  minor: bigint;
}

/** Tags allocations with the plan of the installment they fall on (numbers are unique in a live schedule). */
export function onPlans(
  live: readonly InstallmentState[],
  allocations: ReadonlyArray<{ number: number; component: PlanAllocation["component"]; minor: bigint }>,
): PlanAllocation[] {
  return allocations.map((a) => {
    const row = live.find((i) => i.number === a.number);
    if (!row) throw new Error(`no installment ${a.number}`);
    return { plan: row.plan, number: a.number, component: a.component, minor: a.minor };
  });
}

/**
 * The penalties a loan accrues from the day after `from` to `on`, charged onto its live installments
 * (none while no installment is overdue before `on`).
 */
export function chargePenaltiesTo(
  live: InstallmentState[],
  product: LoanProduct,
  principal: bigint,
  from: string,
  on: string,
  chargedThisYear: bigint,
): PenaltyCharge[] {
  if (on <= from) return [];
  const since = arrearsSince(live);
  if (since === null || since >= on) return [];
  const charges = accruePenalties(live, product, principal, from, on, chargedThisYear);
  for (const c of charges) {
    const i = live.find((x) => x.number === c.number);
    if (i) i.penalty += c.minor;
  }
  return charges;
}

/** What a prepayment pays, applied to the live schedule. */
export interface PrepaymentSplit {
  allocations: Allocation[];
  /** Beyond everything it could pay: refused or held as an advance. */
  left: bigint;
  prepaidPrincipal: bigint;
  current: ReturnType<typeof accruedInterest>;
}

/**
 * A prepayment: what is due on or before its date in the product's order, then the current period's
 * interest accrued to the date, then principal over the future installments in order.
 */
export function payPrepayment(
  live: InstallmentState[],
  product: LoanProduct,
  disbursedOn: string,
  on: string,
  amount: bigint,
): PrepaymentSplit {
  const due = live.filter((i) => i.dueDate <= on);
  const first = allocatePayment(amount, owedOf(due), product.allocationOrder);
  const allocations: Allocation[] = [...first.allocations];
  applyAllocations(live, first.allocations);
  let left = first.overpayment;
  const take = (i: InstallmentState, component: "interest" | "principal", max: bigint): bigint => {
    const pay = max > 0n ? smaller(max, left) : 0n;
    if (pay === 0n) return 0n;
    const a: Allocation = { number: i.number, component, minor: pay };
    applyAllocations(live, [a]);
    allocations.push(a);
    left -= pay;
    return pay;
  };
  const future = live.filter((i) => i.dueDate > on);
  const current = accruedInterest(live, disbursedOn, on);
  if (current) take(current.installment, "interest", current.accrued - current.installment.interestPaid);
  let prepaidPrincipal = 0n;
  for (const i of future) prepaidPrincipal += take(i, "principal", unpaid(i, "principal"));
  return { allocations, left, prepaidPrincipal, current };
}

export interface PlanTerms {
  product: LoanProduct;
  currency: string;
  calendar: WorkingCalendar;
}

export type PlanMode = "shorten-term" | "lower-installments" | { installments: number };

/**
 * The installments of a new plan numbered `plan` for `options.principal` (and what it carries) after
 * the kept installments; none when nothing is left to amortise or carry. May throw ScheduleTermsError.
 */
export function planRows(
  terms: PlanTerms,
  plan: number,
  kept: readonly InstallmentState[],
  replaced: readonly InstallmentState[],
  options: Omit<
    PlanRequest,
    "product" | "currency" | "installments" | "plan" | "firstNumber" | "calendar"
  > & {
    mode: PlanMode;
  },
): InstallmentState[] {
  if (options.principal <= 0n && options.carry.interest + options.carry.fee + options.carry.penalty === 0n)
    return [];
  const lastNumber = Math.max(0, ...kept.map((i) => i.number), ...replaced.map((i) => i.number));
  const request: PlanRequest = {
    ...options,
    product: terms.product,
    currency: terms.currency,
    calendar: terms.calendar,
    principal: options.principal > 0n ? options.principal : 0n,
    installments: 1,
    plan,
    firstNumber: lastNumber + 1,
  };
  let count: number;
  if (typeof options.mode === "object") count = options.mode.installments;
  else {
    const oldCount = replaced.length || 1;
    if (options.mode === "lower-installments") count = oldCount;
    else {
      const regular = replaced.find((i) => i.principal > 0n) ?? replaced[0];
      const limit = regular ? regular.principal + regular.interest : 0n;
      count = shortestTerm(request, limit, oldCount);
    }
  }
  if (request.principal > 0n) return newPlan(request, count);
  // Nothing left to amortise: one installment carries what is still owed.
  return [
    {
      plan,
      number: request.firstNumber,
      dueDate: options.firstDueOn,
      principal: 0n,
      interest: options.carry.interest,
      fee: options.carry.fee,
      penalty: options.carry.penalty,
      principalPaid: 0n,
      interestPaid: 0n,
      feePaid: 0n,
      penaltyPaid: 0n,
      plannedOn: options.from,
      replacedOn: null,
    },
  ];
}

/**
 * After a prepayment that paid principal: the unpaid future installments are replaced (marked on the
 * rows) by a new plan on the lower balance, in the product's prepayment mode. Returns the new rows.
 */
export function planAfterPrepayment(
  live: InstallmentState[],
  terms: PlanTerms,
  plan: number,
  on: string,
  split: PrepaymentSplit,
): { rows: InstallmentState[]; kept: InstallmentState[] } | null {
  const current = split.current;
  if (split.prepaidPrincipal <= 0n || !current) return null;
  const replaced = live.filter((i) => i.dueDate > on && !isSettled(i));
  const remaining = replaced.reduce((s, i) => s + unpaid(i, "principal"), 0n);
  for (const i of replaced) i.replacedOn = on;
  const kept = live.filter((i) => i.replacedOn === null);
  const rows = planRows(terms, plan, kept, replaced, {
    from: on,
    principal: remaining,
    firstDueOn: current.installment.dueDate,
    firstInterestShare: {
      days: daysBetween(on, current.installment.dueDate),
      ofDays: daysBetween(current.start, current.installment.dueDate),
    },
    // Penalties already charged on a replaced installment (a reschedule carries them into its plan's
    // first one, due later) stay owed: the books hold them as receivable until paid or written off.
    carry: { interest: 0n, fee: 0n, penalty: replaced.reduce((s, i) => s + unpaid(i, "penalty"), 0n) },
    mode: terms.product.prepayment,
  });
  return { rows, kept };
}

/**
 * A reschedule: the unpaid installments are replaced (marked on the rows) by a new plan from its date;
 * unpaid interest and fees due by then and every unpaid penalty move into its first installment.
 */
export function planAfterReschedule(
  live: InstallmentState[],
  terms: PlanTerms,
  plan: number,
  input: { on: string; installments: number; firstDueOn: string },
): { rows: InstallmentState[]; kept: InstallmentState[]; principal: bigint } {
  const replaced = live.filter((i) => !isSettled(i));
  const carry = { interest: 0n, fee: 0n, penalty: 0n };
  let principal = 0n;
  for (const i of replaced) {
    principal += unpaid(i, "principal");
    carry.penalty += unpaid(i, "penalty");
    if (i.dueDate <= input.on) {
      carry.interest += unpaid(i, "interest");
      carry.fee += unpaid(i, "fee");
    }
    i.replacedOn = input.on;
  }
  const kept = live.filter((i) => i.replacedOn === null);
  const rows = planRows(terms, plan, kept, replaced, {
    from: input.on,
    principal,
    firstDueOn: input.firstDueOn,
    carry,
    mode: { installments: input.installments },
  });
  return { rows, kept, principal };
}

/** What a write-off takes off the books: the principal outstanding and the penalties unpaid. */
export function writeOffAmounts(live: readonly InstallmentState[]): { principal: bigint; penalties: bigint } {
  return {
    principal: live.reduce((s, i) => s + unpaid(i, "principal"), 0n),
    penalties: live.reduce((s, i) => s + unpaid(i, "penalty"), 0n),
  };
}
