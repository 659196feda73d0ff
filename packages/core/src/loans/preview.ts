// A schedule preview from plain options (the command line's flags, the API's query): validated with
// Zod, turned into ScheduleTerms, and answered in the JSON shape of issue #3 with amounts as strings,
// the fee at disbursement and the disbursement date (so the effective rate can be recomputed from the
// answer alone), and a warning when the effective rate is above the cap in force. Options that would
// be silently changed or ignored (a rounding of zero, days in the year or a first-period rule that
// the interest period does not read) are refused.
import { z } from "zod";
import { amountText, calendarDateList, calendarDate as date } from "../contract/schemas.js";
import { DomainError } from "../errors.js";
import { currency, formatMoney, type Money, MoneyFormatError, parseMoney, percent } from "../money/index.js";
import { FREQUENCIES, SATURDAY_SUNDAY } from "./calendar.js";
import { disclosedPercent } from "./effective-rate.js";
import { capOn, type DatedCap } from "./product.js";
import {
  buildSchedule,
  type DisbursementFee,
  FIRST_PERIODS,
  type ScheduleTerms,
  ScheduleTermsError,
} from "./schedule.js";

const decimal = z.string().regex(/^\d+(\.\d+)?$/, "a decimal number such as 1250.50");

export const previewOptions = z.strictObject({
  principal: amountText,
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .default("KZT"),
  annualRate: decimal.describe("nominal annual rate in percent, e.g. 24"),
  installments: z.coerce.number().int().min(1).max(1200),
  frequency: z.enum(FREQUENCIES).default("monthly"),
  interest: z.enum(["declining", "flat"]).default("declining"),
  amortization: z.enum(["equal-installments", "equal-principal"]).default("equal-installments"),
  interestPeriod: z.enum(["repayment", "actual"]).default("repayment"),
  /** Only with interest per repayment period (absent: pro-rata). */
  firstPeriod: z.enum(FIRST_PERIODS).optional(),
  /** Only with interest by actual days (absent: 365). */
  daysInYear: z.coerce
    .number()
    .refine((d) => d === 365 || d === 360, { params: { check: "daysInYear" } })
    .optional(),
  disbursed: date,
  firstDue: date,
  gracePrincipal: z.coerce.number().int().min(0).default(0),
  graceInterest: z.coerce.number().int().min(0).default(0),
  rounding: amountText.describe("installments rounded to a multiple of this amount, e.g. 100").optional(),
  feeDisbursement: z
    .string()
    .regex(/^\d+(\.\d+)?%?$/, "an amount, or a percent such as 2%")
    .optional(),
  feeInstallment: amountText.optional(),
  holidays: calendarDateList.optional(),
});
export type PreviewOptions = z.input<typeof previewOptions>;

/** Refuses options that the terms would ignore or silently change, naming them as the caller does. */
function refuseUnused(options: z.output<typeof previewOptions>, name: OptionNames): void {
  if (options.daysInYear !== undefined && options.interestPeriod !== "actual")
    throw new DomainError("SCHEDULE_OPTION_UNUSED", {
      option: name("daysInYear"),
      requires: `${name("interestPeriod")} actual`,
    });
  if (options.firstPeriod !== undefined && options.interestPeriod !== "repayment")
    throw new DomainError("SCHEDULE_OPTION_UNUSED", {
      option: name("firstPeriod"),
      requires: `${name("interestPeriod")} repayment`,
    });
}

/** How the caller names an option: the API's query parameter, or the command line's flag. */
export type OptionNames = (option: keyof z.output<typeof previewOptions>) => string;
const queryNames: OptionNames = (option) => option;

export function termsFrom(options: z.output<typeof previewOptions>): ScheduleTerms {
  const cur = currency(options.currency);
  const fee = options.feeDisbursement;
  const disbursementFee: DisbursementFee | null = !fee
    ? null
    : fee.endsWith("%")
      ? { kind: "percent", rate: percent(fee.slice(0, -1)) }
      : { kind: "fixed", amount: parseMoney(fee, cur) };
  return {
    principal: parseMoney(options.principal, cur),
    annualRate: percent(options.annualRate),
    installments: options.installments,
    frequency: options.frequency,
    interestMethod: options.interest,
    amortization: options.amortization,
    interestPeriod:
      options.interestPeriod === "repayment"
        ? "repayment"
        : options.daysInYear === 360
          ? "actual/360"
          : "actual/365",
    firstPeriod: options.firstPeriod ?? "pro-rata",
    disbursedOn: options.disbursed,
    firstDueOn: options.firstDue,
    gracePrincipal: options.gracePrincipal,
    graceInterest: options.graceInterest,
    roundingMinor: options.rounding === undefined ? 1n : roundingOf(options.rounding, cur),
    disbursementFee,
    installmentFee: options.feeInstallment ? parseMoney(options.feeInstallment, cur) : null,
    calendar: { ...SATURDAY_SUNDAY, holidays: options.holidays ? options.holidays.split(",") : [] },
  };
}

/** A rounding step in minor units: zero (or less than one minor unit) is refused, not replaced. */
function roundingOf(text: string, cur: ReturnType<typeof currency>): bigint {
  const step = parseMoney(text, cur).minor;
  if (step < 1n) throw new DomainError("SCHEDULE_ROUNDING_ZERO", { rounding: text });
  return step;
}

export const schedulePreviewSchema = z.object({
  currency: z.string(),
  /** The disbursement date the day counts of the effective rate start from. */
  disbursedOn: z.string(),
  installments: z.array(
    z.object({
      number: z.number().int(),
      dueDate: z.string(),
      principal: z.string(),
      interest: z.string(),
      fees: z.string(),
      total: z.string(),
      balance: z.string(),
    }),
  ),
  totals: z.object({ principal: z.string(), interest: z.string(), fees: z.string(), total: z.string() }),
  disbursementFee: z.string(),
  effectiveAnnualRate: z.string().nullable(),
  effectiveAnnualRateDisclosed: z.string().nullable(),
  /** The legal cap on the effective rate in force on the disbursement date, in percent; null: none. */
  cap: z.object({ maxEffectiveRatePercent: z.string(), from: z.string() }).nullable(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type SchedulePreview = z.infer<typeof schedulePreviewSchema>;

/** Terms that cannot make a schedule become one domain error, with the reason in its details. */
function scheduleFor(
  options: z.output<typeof previewOptions>,
  name: OptionNames,
): {
  terms: ScheduleTerms;
  s: ReturnType<typeof buildSchedule>;
} {
  refuseUnused(options, name);
  try {
    const terms = termsFrom(options);
    return { terms, s: buildSchedule(terms) };
  } catch (error) {
    if (
      error instanceof ScheduleTermsError ||
      error instanceof MoneyFormatError ||
      error instanceof RangeError
    ) {
      throw new DomainError("SCHEDULE_TERMS_INVALID", { details: error.message });
    }
    throw error;
  }
}

export interface PreviewContext {
  /** The tenant's dated caps on the effective rate (reference/kazakhstan-microcredit.md). */
  caps: readonly DatedCap[];
  /**
   * A warning's message in the caller's language (platform/i18n's errorMessage): passed in, so that the
   * command line loads the translations only for a warning to show.
   */
  message: (warning: Pick<DomainError, "code" | "params">) => string;
  /** How the caller names the options in its refusals (default: the API's query parameters). */
  optionNames?: OptionNames;
}

export function previewSchedule(
  options: z.output<typeof previewOptions>,
  // Without caps there is no warning to word.
  context: PreviewContext = { caps: [], message: (warning) => warning.code },
): SchedulePreview {
  const { terms, s } = scheduleFor(options, context.optionNames ?? queryNames);
  const text = (m: Money) => formatMoney(m);
  const capRate = capOn(context.caps, terms.disbursedOn);
  const capFrom = [...context.caps]
    .filter((c) => c.from <= terms.disbursedOn)
    .sort((a, b) => (a.from < b.from ? 1 : -1))[0]?.from;
  const warnings: SchedulePreview["warnings"] = [];
  if (capRate !== null && s.effectiveAnnualRate?.gt(capRate)) {
    const warning = {
      code: "SCHEDULE_RATE_ABOVE_CAP" as const,
      params: {
        rate: disclosedPercent(s.effectiveAnnualRate),
        cap: disclosedPercent(capRate),
        date: terms.disbursedOn,
      },
    };
    warnings.push({ code: warning.code, message: context.message(warning) });
  }
  return {
    currency: terms.principal.currency,
    disbursedOn: terms.disbursedOn,
    installments: s.installments.map((i) => ({
      number: i.number,
      dueDate: i.dueDate,
      principal: text(i.principal),
      interest: text(i.interest),
      fees: text(i.fees),
      total: text(i.total),
      balance: text(i.balance),
    })),
    totals: {
      principal: text(s.totals.principal),
      interest: text(s.totals.interest),
      fees: text(s.totals.fees),
      total: text(s.totals.total),
    },
    disbursementFee: text(s.disbursementFee),
    effectiveAnnualRate: s.effectiveAnnualRate ? s.effectiveAnnualRate.toFixed(8) : null,
    effectiveAnnualRateDisclosed: s.effectiveAnnualRateDisclosed,
    cap:
      capRate === null || capFrom === undefined
        ? null
        : { maxEffectiveRatePercent: disclosedPercent(capRate), from: capFrom },
    warnings,
  };
}
