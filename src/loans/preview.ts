// A schedule preview from plain options (the command line's flags, the API's query): validated with
// Zod, turned into ScheduleTerms, and answered in the JSON shape of issue #3 with amounts as strings.
import { z } from "zod";
import { currency, formatMoney, type Money, MoneyFormatError, parseMoney, percent } from "../money/index.js";
import { DomainError } from "../platform/errors.js";
import { amountText, calendarDateList, calendarDate as date } from "../platform/http/schemas.js";
import { FREQUENCIES, SATURDAY_SUNDAY } from "./calendar.js";
import { buildSchedule, type DisbursementFee, type ScheduleTerms, ScheduleTermsError } from "./schedule.js";

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
  daysInYear: z.coerce
    .number()
    .refine((d) => d === 365 || d === 360, { params: { check: "daysInYear" } })
    .default(365),
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
    disbursedOn: options.disbursed,
    firstDueOn: options.firstDue,
    gracePrincipal: options.gracePrincipal,
    graceInterest: options.graceInterest,
    roundingMinor: options.rounding ? parseMoney(options.rounding, cur).minor || 1n : 1n,
    disbursementFee,
    installmentFee: options.feeInstallment ? parseMoney(options.feeInstallment, cur) : null,
    calendar: { ...SATURDAY_SUNDAY, holidays: options.holidays ? options.holidays.split(",") : [] },
  };
}

export const schedulePreviewSchema = z.object({
  currency: z.string(),
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
});
export type SchedulePreview = z.infer<typeof schedulePreviewSchema>;

/** Terms that cannot make a schedule become one domain error, with the reason in its details. */
function scheduleFor(options: z.output<typeof previewOptions>): {
  terms: ScheduleTerms;
  s: ReturnType<typeof buildSchedule>;
} {
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

export function previewSchedule(options: z.output<typeof previewOptions>): SchedulePreview {
  const { terms, s } = scheduleFor(options);
  const text = (m: Money) => formatMoney(m);
  return {
    currency: terms.principal.currency,
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
  };
}
