// Loan products and the legal cap on their cost. A product may not be offered if any loan it allows
// (any amount and term within its limits) would have an effective annual rate above the cap in force
// on the date: caps are dated settings of a tenant (Kazakhstan: 56 % until 15 June 2025, 46 % for
// microcredits from 16 June 2025), so a change of law is a change of configuration.
import { Decimal } from "decimal.js";
import { DomainError } from "../errors.js";
import { type Money, percent, type Rate } from "../money/index.js";
import type { AllocationOrder } from "./allocation.js";
import { type Frequency, nthDueDate, SATURDAY_SUNDAY, type WorkingCalendar } from "./calendar.js";
import { disclosedPercent } from "./effective-rate.js";
import {
  type Amortization,
  buildSchedule,
  type DisbursementFee,
  type FirstPeriod,
  type InterestMethod,
  type InterestPeriod,
} from "./schedule.js";

export interface PenaltyRule {
  /** Per day on the overdue amount, for the first `reducedAfterDays` days. */
  dailyRate: Rate;
  /** Per day after that. */
  reducedDailyRate: Rate;
  reducedAfterDays: number;
  /** All penalties of a year at most this share of the principal. */
  yearlyCapShare: Rate;
}

/** The Kazakh limits (reference/kazakhstan-microcredit.md): 0.5 %/day for 90 days, then 0.03 %/day, at most 10 % a year. */
export const KAZAKH_PENALTY_LIMITS: PenaltyRule = {
  dailyRate: percent("0.5"),
  reducedDailyRate: percent("0.03"),
  reducedAfterDays: 90,
  yearlyCapShare: percent("10"),
};

export interface LoanProduct {
  name: string;
  minPrincipal: Money;
  maxPrincipal: Money;
  minInstallments: number;
  maxInstallments: number;
  frequency: Frequency;
  annualRate: Rate;
  interestMethod: InterestMethod;
  amortization: Amortization;
  interestPeriod: InterestPeriod;
  /** A broken first period (per repayment period): pro-rated by its days, or charged as a full one. */
  firstPeriod: FirstPeriod;
  gracePrincipal: number;
  graceInterest: number;
  roundingMinor: bigint;
  disbursementFee: DisbursementFee | null;
  installmentFee: Money | null;
  penalty: PenaltyRule;
  allocationOrder: AllocationOrder;
  prepayment: "shorten-term" | "lower-installments";
  /** A write-off before this many days past due needs a stated reason. */
  writeOffAfterDays: number;
  /** A group borrower must hold a recorded grade at least this good (A best); null: no grade needed. */
  minGroupGrade: "A" | "B" | "C" | null;
}

export interface DatedCap {
  /** In force from this date on, until the next one. */
  from: string;
  maxEffectiveRate: Rate;
}

export const KAZAKH_MICROCREDIT_CAPS: readonly DatedCap[] = [
  { from: "1900-01-01", maxEffectiveRate: percent("56") },
  { from: "2025-06-16", maxEffectiveRate: percent("46") },
];

export function capOn(caps: readonly DatedCap[], date: string): Rate | null {
  let found: Rate | null = null;
  for (const cap of [...caps].sort((a, b) => (a.from < b.from ? -1 : 1)))
    if (cap.from <= date) found = cap.maxEffectiveRate;
  return found;
}

/** The highest effective rate among the loans the product allows, at the corners of its limits. */
export function worstEffectiveRate(
  product: LoanProduct,
  disbursedOn: string,
  calendar: WorkingCalendar = SATURDAY_SUNDAY,
): Decimal {
  let worst = new Decimal(0);
  const firstDueOn = nthDueDate(disbursedOn, product.frequency, 1);
  for (const principal of [product.minPrincipal, product.maxPrincipal]) {
    for (const installments of new Set([product.minInstallments, product.maxInstallments])) {
      if (product.gracePrincipal >= installments || product.graceInterest >= installments) continue;
      const s = buildSchedule({ ...product, principal, installments, disbursedOn, firstDueOn, calendar });
      if (s.effectiveAnnualRate?.gt(worst)) worst = s.effectiveAnnualRate;
    }
  }
  return worst;
}

/** Refuses a product that can cost more than the cap in force on the date. */
export function checkProductAgainstCap(
  product: LoanProduct,
  caps: readonly DatedCap[],
  onDate: string,
): void {
  if (product.minPrincipal.minor <= 0n || product.maxPrincipal.minor < product.minPrincipal.minor) {
    throw new DomainError("VALIDATION_FAILED", { details: "principal limits" });
  }
  if (product.minInstallments < 1 || product.maxInstallments < product.minInstallments) {
    throw new DomainError("VALIDATION_FAILED", { details: "term limits" });
  }
  const cap = capOn(caps, onDate);
  if (cap !== null) refuseAboveCap(worstEffectiveRate(product, onDate), cap, onDate);
}

/** PRODUCT_RATE_ABOVE_CAP when an effective rate is above the cap in force on the date. */
export function refuseAboveCap(rate: Decimal | null, cap: Rate, onDate: string): void {
  if (rate?.gt(cap)) {
    throw new DomainError("PRODUCT_RATE_ABOVE_CAP", {
      rate: disclosedPercent(rate),
      cap: disclosedPercent(cap),
      date: onDate,
    });
  }
}
