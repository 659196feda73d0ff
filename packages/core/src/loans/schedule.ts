// Repayment schedules, exact to the minor unit: declining-balance or flat interest; equal installments
// (annuity) or equal principal; interest per repayment period (30/360 style) or by actual days
// (actual/365, actual/360); grace on principal and on interest; installments rounded to a multiple
// (e.g. 100 tenge) with the residue in the last one; fees; due dates moved to the next working day;
// a broken first period (shorter or longer than the frequency) pro-rated by its days or charged as a
// full period; and the effective annual rate of the borrower's cash flows.
import { Decimal } from "decimal.js";
import { applyRateToMinor, divideRounded, type Money, money, type Rate } from "../money/index.js";
import {
  daysBetween,
  type Frequency,
  nextWorkingDay,
  nthDueDate,
  PERIODS_PER_YEAR,
  type WorkingCalendar,
} from "./calendar.js";
import { type CashFlow, disclosedPercent, effectiveAnnualRate } from "./effective-rate.js";

export type InterestMethod = "declining" | "flat";
export type Amortization = "equal-installments" | "equal-principal";
export type InterestPeriod = "repayment" | "actual/365" | "actual/360";
/** With interest per repayment period, how a first period shorter or longer than the frequency is charged. */
export type FirstPeriod = "pro-rata" | "full";
export const FIRST_PERIODS = ["pro-rata", "full"] as const satisfies readonly FirstPeriod[];
export type DisbursementFee = { kind: "fixed"; amount: Money } | { kind: "percent"; rate: Rate };

export interface ScheduleTerms {
  principal: Money;
  /** Nominal annual rate as a fraction: 0.24 for 24 %. */
  annualRate: Rate;
  installments: number;
  frequency: Frequency;
  interestMethod: InterestMethod;
  amortization: Amortization;
  interestPeriod: InterestPeriod;
  /** Absent: "pro-rata". Only interest per repayment period reads it (actual days are already days). */
  firstPeriod?: FirstPeriod;
  disbursedOn: string;
  firstDueOn: string;
  /** The first installments that repay no principal. */
  gracePrincipal: number;
  /** The first installments whose interest is deferred to the first installment after them. */
  graceInterest: number;
  /** Installments are rounded to a multiple of this many minor units (1: the minor unit itself). */
  roundingMinor: bigint;
  disbursementFee: DisbursementFee | null;
  installmentFee: Money | null;
  calendar: WorkingCalendar;
}

export interface Installment {
  number: number;
  dueDate: string;
  principal: Money;
  interest: Money;
  fees: Money;
  total: Money;
  /** Principal still owed after this installment. */
  balance: Money;
}

export interface Schedule {
  installments: Installment[];
  totals: { principal: Money; interest: Money; fees: Money; total: Money };
  disbursementFee: Money;
  effectiveAnnualRate: Decimal | null;
  effectiveAnnualRateDisclosed: string | null;
}

export class ScheduleTermsError extends Error {
  constructor(
    readonly field: keyof ScheduleTerms,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = "ScheduleTermsError";
  }
}

function check(terms: ScheduleTerms): void {
  if (terms.principal.minor <= 0n) throw new ScheduleTermsError("principal", "must be positive");
  if (!Number.isInteger(terms.installments) || terms.installments < 1 || terms.installments > 1200)
    throw new ScheduleTermsError("installments", "must be a whole number from 1 to 1200");
  if (terms.annualRate.isNegative()) throw new ScheduleTermsError("annualRate", "must not be negative");
  if (terms.gracePrincipal < 0 || terms.gracePrincipal >= terms.installments)
    throw new ScheduleTermsError(
      "gracePrincipal",
      "must leave at least one installment that repays principal",
    );
  if (terms.graceInterest < 0 || terms.graceInterest >= terms.installments)
    throw new ScheduleTermsError(
      "graceInterest",
      "must leave at least one installment that collects interest",
    );
  if (terms.roundingMinor < 1n)
    throw new ScheduleTermsError("roundingMinor", "must be at least one minor unit");
  if (terms.firstDueOn <= terms.disbursedOn)
    throw new ScheduleTermsError("firstDueOn", "must come after the disbursement");
}

/** Rounds to a multiple of `step` minor units, half-up. */
function toMultiple(minor: bigint, step: bigint): bigint {
  return divideRounded(minor, step, "half-up") * step;
}

/**
 * How many periods of the frequency lie between disbursement and the first due date (before any
 * working-day move): the whole periods counted from disbursement by the calendar (31 January + one
 * month is 28 February), then the broken rest by its days over the days of the period it falls in.
 * 24 days into a 31-day month is 24/31; 59 days from 19 December to 16 February is 1 + 28/31.
 */
export function firstPeriodLength(
  terms: Pick<ScheduleTerms, "disbursedOn" | "firstDueOn" | "frequency">,
): Decimal {
  let whole = 0;
  while (whole < 1200 && nthDueDate(terms.disbursedOn, terms.frequency, whole + 1) <= terms.firstDueOn)
    whole++;
  const from = nthDueDate(terms.disbursedOn, terms.frequency, whole);
  const rest = daysBetween(from, terms.firstDueOn);
  if (rest === 0) return new Decimal(whole);
  const periodDays = daysBetween(from, nthDueDate(terms.disbursedOn, terms.frequency, whole + 1));
  return new Decimal(rest).div(periodDays).plus(whole);
}

/** The interest rate of each period, as exact fractions. */
function periodRates(terms: ScheduleTerms, dueDates: string[]): Decimal[] {
  return dueDates.map((due, k) => {
    if (terms.interestPeriod === "repayment") {
      const rate = terms.annualRate.div(PERIODS_PER_YEAR[terms.frequency]);
      return k === 0 && terms.firstPeriod !== "full" ? rate.times(firstPeriodLength(terms)) : rate;
    }
    const from = k === 0 ? terms.disbursedOn : (dueDates[k - 1] ?? terms.disbursedOn);
    const year = terms.interestPeriod === "actual/365" ? 365 : 360;
    return terms.annualRate.times(daysBetween(from, due)).div(year);
  });
}

/** balance × rate, rounded half-up to the minor unit, exactly. */
function interestOn(balance: bigint, rate: Decimal): bigint {
  return applyRateToMinor(balance, rate, "half-up");
}

/** The level payment that clears the principal over the amortizing periods at their rates. */
function levelPayment(principal: bigint, rates: Decimal[], first: number): bigint {
  const amortizing = rates.slice(first);
  if (amortizing.every((r) => r.isZero())) return divideRounded(principal, BigInt(amortizing.length), "up");
  // Balance after the last period is P·Π(1+r) − A·Σ_j Π_{i>j}(1+r_i) = 0.
  let growth = new Decimal(1);
  let annuityFactor = new Decimal(0);
  for (let j = amortizing.length - 1; j >= 0; j--) {
    annuityFactor = annuityFactor.plus(growth);
    growth = growth.times(new Decimal(1).plus(amortizing[j] ?? 0));
  }
  const payment = new Decimal(principal.toString()).times(growth).div(annuityFactor);
  return BigInt(payment.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}

/** The fee taken at disbursement from a principal, in minor units. */
export function disbursementFeeOn(principal: bigint, fee: DisbursementFee | null): bigint {
  if (fee === null) return 0n;
  return fee.kind === "fixed" ? fee.amount.minor : interestOn(principal, fee.rate);
}

/** The effective annual rate of a loan: the principal less the fee received, each installment's total paid on its day. */
export function effectiveRateOf(
  principal: bigint,
  disbursementFee: bigint,
  disbursedOn: string,
  installments: ReadonlyArray<{ dueDate: string; total: Money }>,
): Decimal | null {
  const flows: CashFlow[] = [
    { day: 0, minor: principal - disbursementFee },
    ...installments.map((i) => ({ day: daysBetween(disbursedOn, i.dueDate), minor: -i.total.minor })),
  ];
  return effectiveAnnualRate(flows);
}

export function buildSchedule(terms: ScheduleTerms): Schedule {
  check(terms);
  const cur = terms.principal.currency;
  const n = terms.installments;
  const dueDates = Array.from({ length: n }, (_, k) =>
    nextWorkingDay(nthDueDate(terms.firstDueOn, terms.frequency, k), terms.calendar),
  );
  const rates = periodRates(terms, dueDates);
  const P = terms.principal.minor;
  const step = terms.roundingMinor;
  const amortizingCount = BigInt(n - terms.gracePrincipal);
  const flatInterest = rates.map((r) => interestOn(P, r));

  let level = 0n;
  if (terms.amortization === "equal-installments") {
    level =
      terms.interestMethod === "declining"
        ? levelPayment(P, rates, terms.gracePrincipal)
        : divideRounded(
            P + flatInterest.slice(terms.gracePrincipal).reduce((s, x) => s + x, 0n),
            amortizingCount,
            "half-up",
          );
    level = toMultiple(level, step) || step;
  }
  // Equal principal: each share rounded down to the step, so the residue is positive and lands last.
  const principalShare = (P / amortizingCount / step) * step;

  const installments: Installment[] = [];
  let balance = P;
  let deferred = 0n;
  const fee = terms.installmentFee?.minor ?? 0n;
  for (let k = 0; k < n; k++) {
    const rate = rates[k] ?? new Decimal(0);
    const accrued = terms.interestMethod === "flat" ? (flatInterest[k] ?? 0n) : interestOn(balance, rate);
    let interest = accrued;
    if (k < terms.graceInterest) {
      deferred += accrued;
      interest = 0n;
    } else if (k === terms.graceInterest) {
      interest += deferred;
      deferred = 0n;
    }
    let principal = 0n;
    const last = k === n - 1;
    if (last) principal = balance;
    else if (k >= terms.gracePrincipal) {
      principal = terms.amortization === "equal-installments" ? level - accrued : principalShare;
      if (principal < 0n) principal = 0n;
      if (principal > balance) principal = balance;
    }
    balance -= principal;
    installments.push({
      number: k + 1,
      dueDate: dueDates[k] ?? terms.firstDueOn,
      principal: money(principal, cur),
      interest: money(interest, cur),
      fees: money(fee, cur),
      total: money(principal + interest + fee, cur),
      balance: money(balance, cur),
    });
  }

  const disbursementFee = disbursementFeeOn(P, terms.disbursementFee);
  const ear = effectiveRateOf(P, disbursementFee, terms.disbursedOn, installments);
  const total = (pick: (i: Installment) => Money) =>
    money(
      installments.reduce((s, i) => s + pick(i).minor, 0n),
      cur,
    );
  return {
    installments,
    totals: {
      principal: total((i) => i.principal),
      interest: total((i) => i.interest),
      fees: total((i) => i.fees),
      total: total((i) => i.total),
    },
    disbursementFee: money(disbursementFee, cur),
    effectiveAnnualRate: ear,
    effectiveAnnualRateDisclosed: ear ? disclosedPercent(ear) : null,
  };
}
