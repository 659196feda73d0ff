// A self-help group's grade (A, B or C) from facts about its own records over a window (six months by
// default; the caller counts the facts), scored with a table a tenant administrator can configure.
// Pure: no database, no clock.
//
// Default table, out of 100 (bands from reference/self-help-groups.md: 85 and up = A, 75–85 = B, else C):
//   meeting regularity  meetings held ÷ expected                    15   ≥95 %: 15, ≥80: 10, ≥60: 5
//   attendance          present, late or represented ÷ member-meetings    15   ≥90: 15, ≥75: 10, ≥60: 5
//   savings regularity  savings paid ÷ due                          15   ≥95: 15, ≥80: 10, ≥60: 5
//   fund on loan        loans outstanding ÷ (loans + fund cash)     10   ≥80: 10, ≥60: 7, ≥40: 4
//   loan rotation       borrowers in the window ÷ members            10   ≥50: 10, ≥30: 6, ≥10: 3
//   repayment on time   installments due, paid by due date ÷ due    20   ≥95: 20, ≥80: 14, ≥60: 7
//   books up to date    meetings recorded ≤ 7 days after ÷ held     10   ≥95: 10, ≥80: 6, ≥50: 3
//   group size          active members                               5   ≥10 members: 5, ≥5: 3
//   bands               score ≥ 85 ⇒ A, ≥ 75 ⇒ B, else C
//
// Choices:
// - Exact ratios: a p % step is met when num × 1000 ≥ (10 p) × den, in bigint arithmetic, so percent
//   thresholds carry at most one decimal. The percent shown is truncated to one decimal, never rounded
//   up, so a group shown at "95.0" always meets a 95 % step and one at 94.96 % is shown "94.9".
// - Nothing measured, nothing earned: a ratio with a zero denominator (no meeting expected, no
//   member-meeting, no saving due, no fund, no member, no installment due, no meeting held) scores 0,
//   with value null and reason "grading.notMeasured.<criterion>". This covers repayment when nothing
//   fell due, whether the group never lent or its loans are not yet due: there is no evidence that it
//   repays, and full marks for not lending would mean a first small loan costs the group 20 points —
//   improving a fact must never lower the grade. A group that never lends is held to 60 of 100 (C).
// - Meetings held beyond those expected count as 100 %, not more. Any other part above its whole
//   (attendances above member-meetings, …) or a negative or fractional count is a caller's bug: RangeError.
// - A table may leave criteria out: they are not scored and the total max shrinks; bands stay absolute
//   scores. Points are whole numbers; steps go from the highest threshold down, a lower step never awards
//   more than the one above, and the first step awards the criterion's max — so the rule "points of the
//   highest step met" is monotone.

import { z } from "zod";

export const GRADING_CRITERIA = [
  "meetingRegularity",
  "attendance",
  "savingsRegularity",
  "fundOnLoan",
  "loanRotation",
  "repaymentOnTime",
  "booksUpToDate",
  "groupSize",
] as const;
export type GradingCriterion = (typeof GRADING_CRITERIA)[number];

export type GradeLetter = "A" | "B" | "C";

/** Counts over the window, as the caller found them in the group's records. */
export interface GradingFacts {
  meetingsExpected: number;
  meetingsHeld: number;
  /** Member-meetings at which the member came (on time or late) or was represented. */
  attendances: number;
  memberMeetings: number;
  savingsPaid: number;
  savingsDue: number;
  /** Minor units, averaged over meetings or taken at the window's end (the caller's choice, both alike). */
  loansOutstanding: bigint;
  loanFundCash: bigint;
  /** Members who borrowed in the window, among `members`. */
  borrowers: number;
  members: number;
  /** Installments due in the window and paid by their due date. */
  repaidOnTime: number;
  repaymentsDue: number;
  /** Meetings held in the window and recorded at most 7 days after. */
  recordedWithinWeek: number;
  activeMembers: number;
}

type CountFact = Exclude<keyof GradingFacts, "loansOutstanding" | "loanFundCash">;

const COUNT_FACTS = [
  "meetingsExpected",
  "meetingsHeld",
  "attendances",
  "memberMeetings",
  "savingsPaid",
  "savingsDue",
  "borrowers",
  "members",
  "repaidOnTime",
  "repaymentsDue",
  "recordedWithinWeek",
  "activeMembers",
] as const satisfies readonly CountFact[];

/** Part ≤ whole; meetings held may exceed those expected, so they are not here. */
const PARTS_OF_WHOLES = [
  ["attendances", "memberMeetings"],
  ["savingsPaid", "savingsDue"],
  ["borrowers", "members"],
  ["repaidOnTime", "repaymentsDue"],
  ["recordedWithinWeek", "meetingsHeld"],
] as const satisfies readonly (readonly [CountFact, CountFact])[];

// ── The scoring table ────────────────────────────────────────────────────────────────────────────

const points = z.number().int().min(0).max(1_000);

const isTenths = (n: number): boolean => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9;

const percentStep = z.strictObject({
  atLeast: z
    .number()
    .min(0)
    .max(100)
    .refine(isTenths, {
      message: "a percent with at most one decimal, such as 66.5",
      params: { check: "tenths" },
    }),
  points,
});
const memberCountStep = z.strictObject({ atLeast: z.number().int().min(0).max(100_000), points });

interface Steps {
  max: number;
  steps: { atLeast: number; points: number }[];
}

function checkSteps(criterion: Steps, ctx: z.RefinementCtx): void {
  // params.check names the translated message (platform/http/validation.ts); `message` is for logs.
  const issue = (path: (string | number)[], message: string, check: string, values: object = {}) =>
    ctx.addIssue({ code: "custom", path: ["steps", ...path], message, params: { check, ...values } });
  criterion.steps.forEach((step, i) => {
    if (step.points > criterion.max)
      issue([i, "points"], `more than the criterion's max (${criterion.max})`, "aboveCriterionMax", {
        max: criterion.max,
      });
    const above = criterion.steps[i - 1];
    if (above === undefined) {
      if (step.points !== criterion.max)
        issue([i, "points"], "the highest step must award the max", "topStepAwardsMax");
      return;
    }
    if (step.atLeast >= above.atLeast)
      issue([i, "atLeast"], "thresholds must go strictly down", "thresholdsGoDown");
    if (step.points > above.points)
      issue([i, "points"], "a lower step cannot award more than the one above", "lowerStepAwardsLess");
  });
}

const ratioCriterion = z
  .strictObject({ max: points, steps: z.array(percentStep).min(1).max(20) })
  .superRefine(checkSteps);
const memberCountCriterion = z
  .strictObject({ max: points, steps: z.array(memberCountStep).min(1).max(20) })
  .superRefine(checkSteps);

export const gradingTableSchema = z
  .strictObject({
    version: z.number().int().min(1).optional(),
    /** Absolute scores: score ≥ A ⇒ A; ≥ B ⇒ B; else C. */
    bands: z.strictObject({ A: z.number().min(0), B: z.number().min(0) }),
    criteria: z.strictObject({
      meetingRegularity: ratioCriterion.optional(),
      attendance: ratioCriterion.optional(),
      savingsRegularity: ratioCriterion.optional(),
      fundOnLoan: ratioCriterion.optional(),
      loanRotation: ratioCriterion.optional(),
      repaymentOnTime: ratioCriterion.optional(),
      booksUpToDate: ratioCriterion.optional(),
      groupSize: memberCountCriterion.optional(),
    } satisfies Record<GradingCriterion, z.ZodType>),
  })
  .superRefine((table, ctx) => {
    const counted = GRADING_CRITERIA.filter((name) => table.criteria[name] !== undefined);
    if (counted.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["criteria"],
        message: "at least one criterion must count",
        params: { check: "oneCriterionCounts" },
      });
    }
    const total = totalMax(table);
    const { A, B } = table.bands;
    if (A < B)
      ctx.addIssue({
        code: "custom",
        path: ["bands", "A"],
        message: `below band B (${B})`,
        params: { check: "bandBelowB", b: B },
      });
    for (const [band, score] of [
      ["A", A],
      ["B", B],
    ] as const) {
      if (score > total) {
        ctx.addIssue({
          code: "custom",
          path: ["bands", band],
          message: `above the total max (${total})`,
          params: { check: "bandAboveTotal", total },
        });
      }
    }
  });
export type GradingTable = z.infer<typeof gradingTableSchema>;

function totalMax(table: GradingTable): number {
  return GRADING_CRITERIA.reduce((sum, name) => sum + (table.criteria[name]?.max ?? 0), 0);
}

const steps = (...pairs: [atLeast: number, points: number][]) => ({
  max: pairs[0]![1],
  steps: pairs.map(([atLeast, points]) => ({ atLeast, points })),
});

export const DEFAULT_GRADING_TABLE: GradingTable = {
  version: 1,
  bands: { A: 85, B: 75 },
  criteria: {
    meetingRegularity: steps([95, 15], [80, 10], [60, 5]),
    attendance: steps([90, 15], [75, 10], [60, 5]),
    savingsRegularity: steps([95, 15], [80, 10], [60, 5]),
    fundOnLoan: steps([80, 10], [60, 7], [40, 4]),
    loanRotation: steps([50, 10], [30, 6], [10, 3]),
    repaymentOnTime: steps([95, 20], [80, 14], [60, 7]),
    booksUpToDate: steps([95, 10], [80, 6], [50, 3]),
    groupSize: steps([10, 5], [5, 3]),
  },
};

// ── Grading ──────────────────────────────────────────────────────────────────────────────────────

export interface CriterionScore {
  name: GradingCriterion;
  score: number;
  max: number;
  /** The measured percent with one decimal (truncated), the member count for groupSize, null if not measured. */
  value: string | null;
  /** For the translation layer: "grading.<criterion>" or "grading.notMeasured.<criterion>". */
  reason: { key: string; values: Record<string, string | number> };
}

export interface Grade {
  grade: GradeLetter;
  score: number;
  max: number;
  /** The table's criteria, in GRADING_CRITERIA order. */
  criteria: CriterionScore[];
}

export function gradeGroup(facts: GradingFacts, table: GradingTable = DEFAULT_GRADING_TABLE): Grade {
  checkFacts(facts);
  const criteria: CriterionScore[] = [];
  for (const name of GRADING_CRITERIA) {
    const rule = table.criteria[name];
    if (rule !== undefined) criteria.push(scoreCriterion(name, rule, facts));
  }
  const score = criteria.reduce((sum, c) => sum + c.score, 0);
  const max = criteria.reduce((sum, c) => sum + c.max, 0);
  const grade = score >= table.bands.A ? "A" : score >= table.bands.B ? "B" : "C";
  return { grade, score, max, criteria };
}

function checkFacts(facts: GradingFacts): void {
  for (const key of COUNT_FACTS) {
    const n = facts[key];
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`${key} must be a whole number ≥ 0, not ${n}`);
    }
  }
  for (const key of ["loansOutstanding", "loanFundCash"] as const) {
    if (facts[key] < 0n) throw new RangeError(`${key} cannot be negative (${facts[key]})`);
  }
  for (const [part, whole] of PARTS_OF_WHOLES) {
    if (facts[part] > facts[whole]) {
      throw new RangeError(`${part} (${facts[part]}) cannot exceed ${whole} (${facts[whole]})`);
    }
  }
}

type Measurement =
  | { kind: "ratio"; num: bigint; den: bigint; values: Record<string, number> }
  | { kind: "count"; count: number; values: Record<string, number> };

function ratio(num: number | bigint, den: number | bigint, values: Record<string, number>): Measurement {
  return { kind: "ratio", num: BigInt(num), den: BigInt(den), values };
}

function measure(name: GradingCriterion, f: GradingFacts): Measurement {
  switch (name) {
    case "meetingRegularity":
      return ratio(Math.min(f.meetingsHeld, f.meetingsExpected), f.meetingsExpected, {
        held: f.meetingsHeld,
        expected: f.meetingsExpected,
      });
    case "attendance":
      return ratio(f.attendances, f.memberMeetings, {
        attendances: f.attendances,
        memberMeetings: f.memberMeetings,
      });
    case "savingsRegularity":
      return ratio(f.savingsPaid, f.savingsDue, { paid: f.savingsPaid, due: f.savingsDue });
    case "fundOnLoan":
      return ratio(f.loansOutstanding, f.loansOutstanding + f.loanFundCash, {});
    case "loanRotation":
      return ratio(f.borrowers, f.members, { borrowers: f.borrowers, members: f.members });
    case "repaymentOnTime":
      return ratio(f.repaidOnTime, f.repaymentsDue, { onTime: f.repaidOnTime, due: f.repaymentsDue });
    case "booksUpToDate":
      return ratio(f.recordedWithinWeek, f.meetingsHeld, {
        recordedWithinWeek: f.recordedWithinWeek,
        held: f.meetingsHeld,
      });
    case "groupSize":
      return { kind: "count", count: f.activeMembers, values: { members: f.activeMembers } };
    default: {
      const unknown: never = name;
      throw new Error(`unknown grading criterion ${unknown}`);
    }
  }
}

/** Truncated, not rounded: the text never shows a threshold the ratio does not reach. */
function percentText(num: bigint, den: bigint): string {
  const tenths = (num * 1000n) / den;
  return `${tenths / 10n}.${tenths % 10n}`;
}

function scoreCriterion(name: GradingCriterion, rule: Steps, facts: GradingFacts): CriterionScore {
  const m = measure(name, facts);
  const { max } = rule;
  if (m.kind === "ratio" && m.den === 0n) {
    const values = { ...m.values, points: 0, max };
    return { name, score: 0, max, value: null, reason: { key: `grading.notMeasured.${name}`, values } };
  }
  const meets =
    m.kind === "ratio"
      ? (atLeast: number) => m.num * 1000n >= BigInt(Math.round(atLeast * 10)) * m.den
      : (atLeast: number) => m.count >= atLeast;
  let highestMet: { atLeast: number; points: number } | undefined;
  for (const step of rule.steps) {
    if (meets(step.atLeast) && (highestMet === undefined || step.atLeast > highestMet.atLeast)) {
      highestMet = step;
    }
  }
  const score = highestMet?.points ?? 0;
  const value = m.kind === "ratio" ? percentText(m.num, m.den) : String(m.count);
  const values = m.kind === "ratio" ? { ...m.values, percent: value } : { ...m.values };
  return {
    name,
    score,
    max,
    value,
    reason: { key: `grading.${name}`, values: { ...values, points: score, max } },
  };
}
