// A schedule preview from options already checked, without Zod: turned into ScheduleTerms and answered
// in the JSON shape of issue #3 with amounts as strings, the fee at disbursement and the disbursement
// date (so the effective rate can be recomputed from the answer alone), and a warning when the
// effective rate is above the cap in force. Options that would be silently changed or ignored (a
// rounding of zero, days in the year or a first-period rule that the interest period does not read)
// are refused.
//
// The options' schema is Zod's (previewOptions in preview.ts, which the API checks its query with);
// readPreviewOptions reads plainly valid options without it, so that the command line loads Zod only
// to word a refusal (Zod alone costs a `qadam loan schedule` as much CPU as starting Node).
import { isCalendarDate } from "../clock.js";
import { DomainError } from "../errors.js";
import { isAmountText } from "../money/decimal-string.js";
import { currency, formatMoney, type Money, MoneyFormatError, parseMoney, percent } from "../money/index.js";
import { FREQUENCIES, type Frequency, SATURDAY_SUNDAY } from "./calendar.js";
import { disclosedPercent } from "./effective-rate.js";
import { capOn, type DatedCap } from "./product.js";
import {
  type Amortization,
  buildSchedule,
  type DisbursementFee,
  FIRST_PERIODS,
  type FirstPeriod,
  type InterestMethod,
  type ScheduleTerms,
  ScheduleTermsError,
} from "./schedule.js";

/** The preview's options once checked: what previewOptions (preview.ts) parses them into. */
export interface PreviewTermsOptions {
  principal: string;
  currency: string;
  annualRate: string;
  installments: number;
  frequency: Frequency;
  interest: InterestMethod;
  amortization: Amortization;
  interestPeriod: "repayment" | "actual";
  /** Only with interest per repayment period (absent: pro-rata). */
  firstPeriod?: FirstPeriod | undefined;
  /** Only with interest by actual days (absent: 365). */
  daysInYear?: 365 | 360 | undefined;
  disbursed: string;
  firstDue: string;
  gracePrincipal: number;
  graceInterest: number;
  rounding?: string | undefined;
  feeDisbursement?: string | undefined;
  feeInstallment?: string | undefined;
  holidays?: string | undefined;
}

/** The preview's answer (schedulePreviewSchema in preview.ts is its schema). */
export interface SchedulePreview {
  currency: string;
  /** The disbursement date the day counts of the effective rate start from. */
  disbursedOn: string;
  installments: Array<{
    number: number;
    dueDate: string;
    principal: string;
    interest: string;
    fees: string;
    total: string;
    balance: string;
  }>;
  totals: { principal: string; interest: string; fees: string; total: string };
  disbursementFee: string;
  effectiveAnnualRate: string | null;
  effectiveAnnualRateDisclosed: string | null;
  /** The legal cap on the effective rate in force on the disbursement date, in percent; null: none. */
  cap: { maxEffectiveRatePercent: string; from: string } | null;
  warnings: Array<{ code: string; message: string }>;
}

const INTERESTS = ["declining", "flat"] as const satisfies readonly InterestMethod[];
const AMORTIZATIONS = ["equal-installments", "equal-principal"] as const satisfies readonly Amortization[];
const INTEREST_PERIODS = ["repayment", "actual"] as const;
const DAYS_IN_YEAR: ReadonlyMap<string, 365 | 360> = new Map([
  ["365", 365],
  ["360", 360],
]);
const OPTIONS: ReadonlySet<string> = new Set<keyof PreviewTermsOptions>([
  "principal",
  "currency",
  "annualRate",
  "installments",
  "frequency",
  "interest",
  "amortization",
  "interestPeriod",
  "firstPeriod",
  "daysInYear",
  "disbursed",
  "firstDue",
  "gracePrincipal",
  "graceInterest",
  "rounding",
  "feeDisbursement",
  "feeInstallment",
  "holidays",
]);

/**
 * Options written as text (the command line's flags) read as previewOptions reads them, when each is
 * plainly valid in its usual spelling; null when any is not, or is spelt in a way Zod's coercions
 * might still accept ("012" installments): then previewOptions judges them, and words the refusal.
 * Whatever this accepts, previewOptions accepts too and reads the same (preview.test.ts).
 */
export function readPreviewOptions(raw: Readonly<Record<string, unknown>>): PreviewTermsOptions | null {
  if (
    Object.entries(raw).some(
      ([key, value]) => !OPTIONS.has(key) || (value !== undefined && typeof value !== "string"),
    )
  )
    return null;
  const o = raw as Readonly<Partial<Record<keyof PreviewTermsOptions, string>>>;
  const { principal, annualRate, disbursed, firstDue, firstPeriod, daysInYear } = o;
  const { rounding, feeDisbursement, feeInstallment, holidays } = o;
  const cur = o.currency ?? "KZT";
  const installments = count(o.installments, 1, 1200);
  const gracePrincipal = count(o.gracePrincipal ?? "0", 0, 999_999);
  const graceInterest = count(o.graceInterest ?? "0", 0, 999_999);
  const frequency = oneOf(FREQUENCIES, o.frequency ?? "monthly");
  const interest = oneOf(INTERESTS, o.interest ?? "declining");
  const amortization = oneOf(AMORTIZATIONS, o.amortization ?? "equal-installments");
  const interestPeriod = oneOf(INTEREST_PERIODS, o.interestPeriod ?? "repayment");
  const period = firstPeriod === undefined ? undefined : oneOf(FIRST_PERIODS, firstPeriod);
  const days = daysInYear === undefined ? undefined : (DAYS_IN_YEAR.get(daysInYear) ?? null);
  if (
    principal === undefined ||
    !amount(principal) ||
    !/^[A-Za-z]{3}$/.test(cur) ||
    annualRate === undefined ||
    !/^\d+(\.\d+)?$/.test(annualRate) ||
    installments === null ||
    frequency === null ||
    interest === null ||
    amortization === null ||
    interestPeriod === null ||
    period === null ||
    days === null ||
    disbursed === undefined ||
    !isCalendarDate(disbursed) ||
    firstDue === undefined ||
    !isCalendarDate(firstDue) ||
    gracePrincipal === null ||
    graceInterest === null ||
    (rounding !== undefined && !amount(rounding)) ||
    (feeDisbursement !== undefined && !/^\d+(\.\d+)?%?$/.test(feeDisbursement)) ||
    (feeInstallment !== undefined && !amount(feeInstallment)) ||
    (holidays !== undefined && !holidays.split(",").every(isCalendarDate))
  )
    return null;
  return {
    principal,
    currency: cur,
    annualRate,
    installments,
    frequency,
    interest,
    amortization,
    interestPeriod,
    firstPeriod: period,
    daysInYear: days,
    disbursed,
    firstDue,
    gracePrincipal,
    graceInterest,
    rounding,
    feeDisbursement,
    feeInstallment,
    holidays,
  };
}

/** A whole number written plainly ("12", not "012", "1e1" or " 12"), between least and most; else null. */
function count(text: string | undefined, least: number, most: number): number | null {
  if (text === undefined || !/^(0|[1-9]\d{0,5})$/.test(text)) return null;
  const n = Number(text);
  return n >= least && n <= most ? n : null;
}

function oneOf<T extends string>(words: readonly T[], text: string): T | null {
  return words.find((w) => w === text) ?? null;
}

const amount = (text: string) => isAmountText(text, { signed: false });

/** Refuses options that the terms would ignore or silently change, naming them as the caller does. */
function refuseUnused(options: PreviewTermsOptions, name: OptionNames): void {
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
export type OptionNames = (option: keyof PreviewTermsOptions) => string;
const queryNames: OptionNames = (option) => option;

export function termsFrom(options: PreviewTermsOptions): ScheduleTerms {
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

/** Terms that cannot make a schedule become one domain error, with the reason in its details. */
function scheduleFor(
  options: PreviewTermsOptions,
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
  options: PreviewTermsOptions,
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
