// A loan product as plain JSON — what the API takes and what the database stores — and its
// conversion to the engine's LoanProduct. Amounts are decimal strings in major units, rates percents.

import type { Decimal } from "decimal.js";
import { z } from "zod";
import { amountText } from "../contract/schemas.js";
import { currency, type Money, parseMoney, percent } from "../money/index.js";
import { ALLOCATION_ORDERS, type AllocationOrder } from "./allocation.js";
import { FREQUENCIES } from "./calendar.js";
import { KAZAKH_PENALTY_LIMITS, type LoanProduct } from "./product.js";
import { type DisbursementFee, FIRST_PERIODS } from "./schedule.js";

const decimal = amountText;
const percentText = z.string().regex(/^\d{1,3}(\.\d{1,8})?$/, "a percent such as 24 or 0.5");

function percentString(r: Decimal): string {
  return r.times(100).toString();
}

export const penaltySpec = z.strictObject({
  dailyRatePercent: percentText,
  reducedDailyRatePercent: percentText,
  reducedAfterDays: z.number().int().min(0).max(3650),
  yearlyCapPercent: percentText,
});

export const productSpec = z.strictObject({
  name: z.string().trim().min(1).max(200),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default("KZT"),
  minPrincipal: decimal,
  maxPrincipal: decimal,
  minInstallments: z.number().int().min(1).max(1200),
  maxInstallments: z.number().int().min(1).max(1200),
  frequency: z.enum(FREQUENCIES),
  annualRatePercent: percentText,
  interestMethod: z.enum(["declining", "flat"]).default("declining"),
  amortization: z.enum(["equal-installments", "equal-principal"]).default("equal-installments"),
  interestPeriod: z.enum(["repayment", "actual/365", "actual/360"]).default("repayment"),
  /** With interest per repayment period, a first period shorter or longer than the frequency. */
  firstPeriod: z.enum(FIRST_PERIODS).default("pro-rata"),
  gracePrincipal: z.number().int().min(0).max(1199).default(0),
  graceInterest: z.number().int().min(0).max(1199).default(0),
  rounding: decimal.nullable().default(null),
  disbursementFee: z
    .discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("fixed"), amount: decimal }),
      z.strictObject({ kind: z.literal("percent"), percent: percentText }),
    ])
    .nullable()
    .default(null),
  installmentFee: decimal.nullable().default(null),
  /** Absent: the Kazakh limits (reference/kazakhstan-microcredit.md). */
  penalty: penaltySpec.nullable().default(null),
  allocationOrder: z
    .enum(Object.keys(ALLOCATION_ORDERS) as [AllocationOrder, ...AllocationOrder[]])
    .default("penalties-fees-interest-principal"),
  prepayment: z.enum(["shorten-term", "lower-installments"]).default("shorten-term"),
  /** A write-off before this many days past due needs a stated reason. */
  writeOffAfterDays: z.number().int().min(0).max(3650).default(90),
  /** A group borrower must hold a recorded grade at least this good on the application date. */
  minGroupGrade: z.enum(["A", "B", "C"]).nullable().default(null),
});
export type ProductSpecInput = z.input<typeof productSpec>;
export type ProductSpec = z.output<typeof productSpec>;

export function productFrom(spec: ProductSpec): LoanProduct {
  const cur = currency(spec.currency);
  const amount = (text: string): Money => parseMoney(text, cur);
  const fee: DisbursementFee | null =
    spec.disbursementFee === null
      ? null
      : spec.disbursementFee.kind === "fixed"
        ? { kind: "fixed", amount: amount(spec.disbursementFee.amount) }
        : { kind: "percent", rate: percent(spec.disbursementFee.percent) };
  return {
    name: spec.name,
    minPrincipal: amount(spec.minPrincipal),
    maxPrincipal: amount(spec.maxPrincipal),
    minInstallments: spec.minInstallments,
    maxInstallments: spec.maxInstallments,
    frequency: spec.frequency,
    annualRate: percent(spec.annualRatePercent),
    interestMethod: spec.interestMethod,
    amortization: spec.amortization,
    interestPeriod: spec.interestPeriod,
    firstPeriod: spec.firstPeriod,
    gracePrincipal: spec.gracePrincipal,
    graceInterest: spec.graceInterest,
    roundingMinor: spec.rounding === null ? 1n : amount(spec.rounding).minor || 1n,
    disbursementFee: fee,
    installmentFee: spec.installmentFee === null ? null : amount(spec.installmentFee),
    penalty:
      spec.penalty === null
        ? KAZAKH_PENALTY_LIMITS
        : {
            dailyRate: percent(spec.penalty.dailyRatePercent),
            reducedDailyRate: percent(spec.penalty.reducedDailyRatePercent),
            reducedAfterDays: spec.penalty.reducedAfterDays,
            yearlyCapShare: percent(spec.penalty.yearlyCapPercent),
          },
    allocationOrder: spec.allocationOrder,
    prepayment: spec.prepayment,
    writeOffAfterDays: spec.writeOffAfterDays,
    minGroupGrade: spec.minGroupGrade,
  };
}

/** The spec with the penalty rule spelled out, as stored on a loan at application. */
export function explicitSpec(spec: ProductSpec): ProductSpec {
  const p = productFrom(spec).penalty;
  return {
    ...spec,
    penalty: spec.penalty ?? {
      dailyRatePercent: percentString(p.dailyRate),
      reducedDailyRatePercent: percentString(p.reducedDailyRate),
      reducedAfterDays: p.reducedAfterDays,
      yearlyCapPercent: percentString(p.yearlyCapShare),
    },
  };
}

export function parseStoredSpec(json: string): ProductSpec {
  return productSpec.parse(JSON.parse(json));
}
