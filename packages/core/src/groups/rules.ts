// A self-help group's rules (its constitution) as plain JSON — what the API takes and the database
// stores, one version per date from which it applies — and their parsed form with amounts in minor
// units of the group's currency. Amounts are decimal strings in major units; rates are percents.

import type { Decimal } from "decimal.js";
import { z } from "zod";
import { amountText } from "../contract/schemas.js";
import { type Currency, parseMoney, percent, rate } from "../money/index.js";
import { SHAREOUT_METHODS, type ShareoutMethod } from "./shareout.js";

const amount = amountText;
const percentText = z.string().regex(/^\d{1,3}(\.\d{1,6})?$/, "a percent such as 2 or 1.5");
const multiple = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, "a multiple such as 3 or 2.5");

export const WEEKDAYS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const SOCIAL_FUND_PURPOSES = [
  "illness",
  "death",
  "childbirth",
  "education",
  "disaster",
  "other",
] as const;
export type SocialFundPurpose = (typeof SOCIAL_FUND_PURPOSES)[number];

export const FINE_KINDS = ["absence", "lateness", "lateRepayment", "other"] as const;
export type FineKind = (typeof FINE_KINDS)[number];

export const groupRulesSpec = z.strictObject({
  meetings: z.discriminatedUnion("frequency", [
    z.strictObject({ frequency: z.literal("weekly"), weekday: z.enum(WEEKDAYS) }),
    z.strictObject({ frequency: z.literal("fortnightly"), weekday: z.enum(WEEKDAYS) }),
    z.strictObject({ frequency: z.literal("monthly"), dayOfMonth: z.number().int().min(1).max(28) }),
  ]),
  savings: z.strictObject({
    compulsory: z.discriminatedUnion("kind", [
      /** The same amount at every meeting. */
      z.strictObject({ kind: z.literal("fixed"), amount }),
      /** Shares at a price fixed for the cycle, between a minimum and a maximum per meeting. */
      z.strictObject({
        kind: z.literal("shares"),
        sharePrice: amount,
        minShares: z.number().int().min(0).max(100),
        maxShares: z.number().int().min(1).max(100),
      }),
    ]),
    voluntary: z.boolean().default(true),
    withdrawals: z.boolean().default(false),
  }),
  loans: z.strictObject({
    monthlyRatePercent: percentText,
    method: z.enum(["flat", "declining"]),
    maxMultipleOfSavings: multiple,
    maxTermMonths: z.number().int().min(1).max(60),
  }),
  fines: z.strictObject({ absence: amount, lateness: amount, lateRepayment: amount }),
  socialFund: z.strictObject({
    contribution: amount,
    purposes: z.array(z.enum(SOCIAL_FUND_PURPOSES)).min(1),
  }),
  cycle: z.strictObject({
    months: z.number().int().min(3).max(36),
    shareout: z.enum(SHAREOUT_METHODS),
  }),
});
export type GroupRulesInput = z.input<typeof groupRulesSpec>;
export type GroupRulesSpec = z.output<typeof groupRulesSpec>;

export type MeetingSchedule =
  | { frequency: "weekly" | "fortnightly"; weekday: Weekday }
  | { frequency: "monthly"; dayOfMonth: number };

export type CompulsorySavings =
  | { kind: "fixed"; amount: bigint }
  | { kind: "shares"; sharePrice: bigint; minShares: number; maxShares: number };

/** The rules in force from `validFrom`, amounts in minor units of `currency`. */
export interface GroupRules {
  validFrom: string;
  currency: Currency;
  meetings: MeetingSchedule;
  savings: { compulsory: CompulsorySavings; voluntary: boolean; withdrawals: boolean };
  loans: {
    monthlyRate: Decimal;
    method: "flat" | "declining";
    maxMultipleOfSavings: Decimal;
    maxTermMonths: number;
  };
  fines: Record<Exclude<FineKind, "other">, bigint>;
  socialFund: { contribution: bigint; purposes: SocialFundPurpose[] };
  cycle: { months: number; shareout: ShareoutMethod };
}

/** Refusals the schema cannot express; each is a field path and the check it fails (validation.checks). */
export function rulesProblems(spec: GroupRulesSpec): Array<{ path: string; check: string }> {
  const problems: Array<{ path: string; check: string }> = [];
  const c = spec.savings.compulsory;
  if (c.kind === "shares" && c.minShares > c.maxShares)
    problems.push({ path: "savings.compulsory.minShares", check: "sharesMinAboveMax" });
  if (c.kind === "shares" && Number(c.sharePrice) <= 0)
    problems.push({ path: "savings.compulsory.sharePrice", check: "sharePricePositive" });
  return problems;
}

export function rulesFrom(spec: GroupRulesSpec, validFrom: string, cur: Currency): GroupRules {
  const minor = (text: string) => parseMoney(text, cur).minor;
  const c = spec.savings.compulsory;
  return {
    validFrom,
    currency: cur,
    meetings: spec.meetings,
    savings: {
      compulsory:
        c.kind === "fixed"
          ? { kind: "fixed", amount: minor(c.amount) }
          : {
              kind: "shares",
              sharePrice: minor(c.sharePrice),
              minShares: c.minShares,
              maxShares: c.maxShares,
            },
      voluntary: spec.savings.voluntary,
      withdrawals: spec.savings.withdrawals,
    },
    loans: {
      monthlyRate: percent(spec.loans.monthlyRatePercent),
      method: spec.loans.method,
      maxMultipleOfSavings: rate(spec.loans.maxMultipleOfSavings),
      maxTermMonths: spec.loans.maxTermMonths,
    },
    fines: {
      absence: minor(spec.fines.absence),
      lateness: minor(spec.fines.lateness),
      lateRepayment: minor(spec.fines.lateRepayment),
    },
    socialFund: { contribution: minor(spec.socialFund.contribution), purposes: spec.socialFund.purposes },
    cycle: spec.cycle,
  };
}

/** The version in force on `date` (versions sorted by validFrom), or null before the first. */
export function rulesOn<T extends { validFrom: string }>(versions: readonly T[], date: string): T | null {
  let found: T | null = null;
  for (const v of versions) if (v.validFrom <= date) found = v;
  return found;
}

/** The rules most Kazakh groups of the association start from: weekly, 500 tenge, 2 % a month flat. */
export const DEFAULT_RULES: GroupRulesInput = {
  meetings: { frequency: "weekly", weekday: "wednesday" },
  savings: { compulsory: { kind: "fixed", amount: "500" }, voluntary: true, withdrawals: false },
  loans: { monthlyRatePercent: "2", method: "flat", maxMultipleOfSavings: "3", maxTermMonths: 10 },
  fines: { absence: "100", lateness: "50", lateRepayment: "200" },
  socialFund: { contribution: "100", purposes: ["illness", "death", "childbirth", "disaster"] },
  cycle: { months: 12, shareout: "standard" },
};
