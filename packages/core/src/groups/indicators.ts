// Savings-group indicators for one group or any roll-up of groups (federation, cluster, region), defined
// once in INDICATORS: the code computes from that table and docs/indicators.md states the same rows.
// Pure: no database, no clock. The store counts the additive GroupFacts; this module does the arithmetic.
//
// Choices:
// - A roll-up is the sum of its groups' facts (addFacts); every indicator is a ratio of sums, never an
//   average of the groups' ratios, so a group of 30 members weighs twice one of 15, and rolling up
//   regions gives the same figure as rolling up all their groups at once.
// - Ratios are exact bigint fractions until one final rounding to 6 decimals, half-up on the magnitude
//   (ratioText; a loss keeps its minus sign). Money per member or per loan is minor units rounded
//   half-up (divideRounded). A zero denominator gives value null: nothing to measure.
// - Returns are annualised: (profitInCycle ÷ base) × 52 ÷ (groupWeeks ÷ groups), i.e.
//   profitInCycle × 52 × groups ÷ (base × groupWeeks). groupWeeks sums each group's whole weeks since its
//   cycle began, so groupWeeks ÷ groups is the average cycle age; exact for one group, an approximation
//   for a roll-up of groups at different points of their cycles.
// - Facts are trusted as counted: nothing is capped (meetings held beyond those expected give a
//   regularity above 1), but a count that is not a non-negative integer is a caller's bug: RangeError.

import { ratioText } from "../loans/arrears.js";
import { divideRounded } from "../money/index.js";

/** Additive facts over a period or at a date; counts are integers, money is bigint minor units of one currency. */
export interface GroupFacts {
  /** Groups counted (1 for one group). */
  readonly groups: number;
  /** Groups that held at least one meeting in the period. */
  readonly activeGroups: number;
  /** Members active at the start of the period. */
  readonly membersAtStart: number;
  /** Members active at the date. */
  readonly members: number;
  readonly joined: number;
  readonly left: number;
  /** Registered members summed over the meetings held. */
  readonly memberMeetings: number;
  /** Member-meetings at which the member came (on time or late) or was represented. */
  readonly attendances: number;
  readonly meetingsHeld: number;
  readonly meetingsExpected: number;
  /** Saved since the cycle began. */
  readonly savingsInCycle: bigint;
  /** Members' savings held at the date. */
  readonly savingsTotal: bigint;
  readonly loansOutstandingCount: number;
  readonly loansOutstanding: bigint;
  /** The whole outstanding balance of loans with anything overdue, not only the overdue part. */
  readonly lateLoansOutstanding: bigint;
  readonly loanFundCash: bigint;
  /** Cash of the other funds (social fund, …). */
  readonly otherFundsCash: bigint;
  readonly property: bigint;
  /** Income − expenses since the cycle began; negative for a loss. */
  readonly profitInCycle: bigint;
  /** Whole weeks since each group's cycle began, summed over the groups (÷ groups = average). */
  readonly groupWeeks: number;
  /** Paid out in share-outs in the period. */
  readonly sharedOut: bigint;
  readonly shareouts: number;
}

type FactKind<T> = T extends bigint ? "money" : "count";

/** Every fact and its kind; the type makes the list exhaustive. */
export const FACT_KINDS: { readonly [K in keyof GroupFacts]: FactKind<GroupFacts[K]> } = {
  groups: "count",
  activeGroups: "count",
  membersAtStart: "count",
  members: "count",
  joined: "count",
  left: "count",
  memberMeetings: "count",
  attendances: "count",
  meetingsHeld: "count",
  meetingsExpected: "count",
  savingsInCycle: "money",
  savingsTotal: "money",
  loansOutstandingCount: "count",
  loansOutstanding: "money",
  lateLoansOutstanding: "money",
  loanFundCash: "money",
  otherFundsCash: "money",
  property: "money",
  profitInCycle: "money",
  groupWeeks: "count",
  sharedOut: "money",
  shareouts: "count",
};

const FACTS = Object.keys(FACT_KINDS) as (keyof GroupFacts)[];

/** The facts of no group at all: the identity of addFacts. */
export function emptyFacts(): GroupFacts {
  return Object.fromEntries(
    FACTS.map((k) => [k, FACT_KINDS[k] === "money" ? 0n : 0]),
  ) as unknown as GroupFacts;
}

/** The facts of a roll-up: each fact summed. */
export function addFacts(a: GroupFacts, b: GroupFacts): GroupFacts {
  return Object.fromEntries(
    FACTS.map((k) => [
      k,
      FACT_KINDS[k] === "money" ? (a[k] as bigint) + (b[k] as bigint) : (a[k] as number) + (b[k] as number),
    ]),
  ) as unknown as GroupFacts;
}

const big = BigInt;

function assetsOf(f: GroupFacts): bigint {
  return f.loanFundCash + f.loansOutstanding + f.otherFundsCash + f.property;
}

/** (profit ÷ base) × 52 ÷ (groupWeeks ÷ groups), kept as one exact fraction. */
function annualised(f: GroupFacts, base: bigint): readonly [bigint, bigint] {
  return [f.profitInCycle * 52n * big(f.groups), base * big(f.groupWeeks)];
}

export type IndicatorUnit = "fraction" | "fraction a year" | "minor units";

interface IndicatorDefinition {
  readonly key: string;
  readonly name: string;
  /** In the facts' names; docs/indicators.md repeats it word for word. */
  readonly formula: string;
  readonly unit: IndicatorUnit;
  readonly measure: (f: GroupFacts) => readonly [numerator: bigint, denominator: bigint];
}

export const INDICATORS = [
  {
    key: "attendanceRate",
    name: "attendance rate",
    formula: "attendances ÷ memberMeetings",
    unit: "fraction",
    measure: (f) => [big(f.attendances), big(f.memberMeetings)],
  },
  {
    key: "dropOutRate",
    name: "drop-out rate",
    formula: "left ÷ membersAtStart",
    unit: "fraction",
    measure: (f) => [big(f.left), big(f.membersAtStart)],
  },
  {
    key: "savingsPerMember",
    name: "savings per member",
    formula: "savingsInCycle ÷ members",
    unit: "minor units",
    measure: (f) => [f.savingsInCycle, big(f.members)],
  },
  {
    key: "shareOfMembersWithLoan",
    name: "share of members with a loan",
    formula: "loansOutstandingCount ÷ members",
    unit: "fraction",
    measure: (f) => [big(f.loansOutstandingCount), big(f.members)],
  },
  {
    key: "averageOutstandingLoan",
    name: "average outstanding loan",
    formula: "loansOutstanding ÷ loansOutstandingCount",
    unit: "minor units",
    measure: (f) => [f.loansOutstanding, big(f.loansOutstandingCount)],
  },
  {
    key: "portfolioAtRisk",
    name: "portfolio at risk",
    formula: "lateLoansOutstanding ÷ loansOutstanding",
    unit: "fraction",
    measure: (f) => [f.lateLoansOutstanding, f.loansOutstanding],
  },
  {
    key: "loanFundUtilisation",
    name: "loan-fund utilisation",
    formula: "loansOutstanding ÷ (loansOutstanding + loanFundCash)",
    unit: "fraction",
    measure: (f) => [f.loansOutstanding, f.loansOutstanding + f.loanFundCash],
  },
  {
    key: "assets",
    name: "assets",
    formula: "loanFundCash + loansOutstanding + otherFundsCash + property",
    unit: "minor units",
    measure: (f) => [assetsOf(f), 1n],
  },
  {
    key: "returnOnSavings",
    name: "return on savings, annualised",
    formula: "(profitInCycle ÷ savingsTotal) × 52 ÷ (groupWeeks ÷ groups)",
    unit: "fraction a year",
    measure: (f) => annualised(f, f.savingsTotal),
  },
  {
    key: "returnOnAssets",
    name: "return on assets, annualised",
    formula: "(profitInCycle ÷ assets) × 52 ÷ (groupWeeks ÷ groups)",
    unit: "fraction a year",
    measure: (f) => annualised(f, assetsOf(f)),
  },
  {
    key: "meetingRegularity",
    name: "meeting regularity",
    formula: "meetingsHeld ÷ meetingsExpected",
    unit: "fraction",
    measure: (f) => [big(f.meetingsHeld), big(f.meetingsExpected)],
  },
] as const satisfies readonly IndicatorDefinition[];

export type IndicatorKey = (typeof INDICATORS)[number]["key"];
type UnitOf<K extends IndicatorKey> = Extract<(typeof INDICATORS)[number], { key: K }>["unit"];

/** One indicator: its exact fraction, and the value rounded for display (null when the denominator is 0). */
export interface Measure<V extends string | bigint> {
  readonly value: V | null;
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** Fractions are 6-decimal strings ("0.897436", "-0.060000"); money is bigint minor units. */
export type Indicators = {
  readonly [K in IndicatorKey]: Measure<UnitOf<K> extends "minor units" ? bigint : string>;
};

/** numerator ÷ denominator with 6 decimals, half-up on the magnitude; the sign is kept. */
function fractionText(numerator: bigint, denominator: bigint): string {
  if (denominator < 0n) return fractionText(-numerator, -denominator);
  if (numerator >= 0n) return ratioText(numerator, denominator);
  const magnitude = ratioText(-numerator, denominator);
  return magnitude === "0.000000" ? magnitude : `-${magnitude}`;
}

function checkCounts(f: GroupFacts): void {
  for (const k of FACTS) {
    if (FACT_KINDS[k] === "money") continue;
    const n = f[k] as number;
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`${k} must be a non-negative integer, not ${n}`);
  }
}

/** Every indicator of a group or a roll-up, from its facts. */
export function indicatorsOf(facts: GroupFacts): Indicators {
  checkCounts(facts);
  const entries = INDICATORS.map(({ key, unit, measure }) => {
    const [numerator, denominator] = measure(facts);
    let value: string | bigint | null = null;
    if (denominator !== 0n) {
      value =
        unit === "minor units"
          ? divideRounded(numerator, denominator, "half-up")
          : fractionText(numerator, denominator);
    }
    return [key, { value, numerator, denominator }] as const;
  });
  return Object.fromEntries(entries) as unknown as Indicators;
}
