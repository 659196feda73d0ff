// The schedule preview's options and answer as Zod schemas (the API's query and response, the web
// app's form): previewOptions checks plain options (the command line's flags, the API's query) and
// words their refusals; the preview itself is schedule-preview.ts, which needs no Zod.
import { z } from "zod";
import { amountText, calendarDateList, calendarDate as date } from "../contract/schemas.js";
import { FREQUENCIES } from "./calendar.js";
import { FIRST_PERIODS } from "./schedule.js";

export {
  type OptionNames,
  type PreviewContext,
  type PreviewTermsOptions,
  previewSchedule,
  readPreviewOptions,
  type SchedulePreview,
  termsFrom,
} from "./schedule-preview.js";

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
