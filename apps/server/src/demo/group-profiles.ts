// How the demo's self-help groups differ: each gets a profile (strong, average, weak, or dormant — it
// stops meeting after about four months) that sets its members' habits, and rules of its own, varied
// around the association's defaults (fixed savings or shares, weekly or monthly, 1.5–3 % a month).
import type { Attendance } from "@qadam/core/groups/meeting";
import type { GroupRulesInput, SocialFundPurpose, Weekday } from "@qadam/core/groups/rules";
import type { DemoRandom } from "./random.js";

export const GROUP_PROFILES = ["strong", "average", "weak", "dormant"] as const;
export type GroupProfile = (typeof GROUP_PROFILES)[number];

/** How a borrower repays: on time, a meeting or two late, in parts, or not at all for months. */
export type LoanBehaviour = "on-time" | "late" | "partial" | "stalled";

export interface ProfileTraits {
  attendance: Record<Attendance, number>;
  /** Chance that a scheduled meeting is not held at all. */
  missMeeting: number;
  /** Chance that the cash box is counted at a meeting. */
  countCash: number;
  /** Chance that a meeting is entered days after it was held, and how many days at most. */
  lateEntry: { chance: number; days: number };
  /** Chance of a new loan at a meeting (a second one at a third of it). */
  newLoan: number;
  /** Chance that a member who came adds voluntary savings. */
  voluntary: number;
  loans: Record<LoanBehaviour, number>;
}

const AVERAGE: ProfileTraits = {
  attendance: { present: 82, late: 6, absent: 4, excused: 5, represented: 3 },
  missMeeting: 0.015,
  countCash: 0.85,
  lateEntry: { chance: 0.1, days: 9 },
  newLoan: 0.5,
  voluntary: 0.03,
  loans: { "on-time": 80, late: 12, partial: 5, stalled: 3 },
};

export const PROFILE_TRAITS: Readonly<Record<GroupProfile, ProfileTraits>> = {
  strong: {
    attendance: { present: 91, late: 3, absent: 1, excused: 3, represented: 2 },
    missMeeting: 0,
    countCash: 0.97,
    lateEntry: { chance: 0.02, days: 3 },
    newLoan: 0.7,
    voluntary: 0.08,
    loans: { "on-time": 92, late: 8, partial: 0, stalled: 0 },
  },
  average: AVERAGE,
  weak: {
    attendance: { present: 58, late: 12, absent: 17, excused: 8, represented: 5 },
    missMeeting: 0.08,
    countCash: 0.55,
    lateEntry: { chance: 0.35, days: 25 },
    newLoan: 0.35,
    voluntary: 0.01,
    loans: { "on-time": 35, late: 35, partial: 15, stalled: 15 },
  },
  dormant: {
    ...AVERAGE,
    attendance: { present: 70, late: 8, absent: 12, excused: 6, represented: 4 },
    missMeeting: 0.1,
  },
};

/** One item by weight (weights are whole numbers). */
export function weighted<K extends string>(random: DemoRandom, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as Array<[K, number]>;
  let roll = random.int(
    1,
    entries.reduce((s, [, w]) => s + w, 0),
  );
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll <= 0) return key;
  }
  throw new Error("weights must add up to more than zero");
}

/**
 * A profile for each group: the ones the tree marked dormant stop meeting; of the others about one in
 * five is strong and one in five weak. With three groups or more there is always at least one strong,
 * one weak and one dormant group (a group that stopped meeting before anyone marked it dormant).
 */
export function assignProfiles(
  random: DemoRandom,
  groups: ReadonlyArray<{ status: "active" | "dormant" }>,
): GroupProfile[] {
  const profiles = groups.map((g): GroupProfile => {
    if (g.status === "dormant") return "dormant";
    return weighted(random, { strong: 20, average: 60, weak: 20 });
  });
  if (groups.length < 3) return profiles;
  const ensure = (profile: GroupProfile) => {
    if (profiles.includes(profile)) return;
    const candidates = profiles.flatMap((p, i) =>
      p === "average" || profiles.filter((q) => q === p).length > 1 ? [i] : [],
    );
    profiles[random.pick(candidates)] = profile;
  };
  ensure("strong");
  ensure("weak");
  ensure("dormant");
  return profiles;
}

const WEEKDAYS_USED: readonly Weekday[] = [
  "wednesday",
  "wednesday",
  "wednesday",
  "tuesday",
  "thursday",
  "saturday",
];
const PURPOSES: readonly SocialFundPurpose[][] = [
  ["illness", "death", "childbirth", "disaster"],
  ["illness", "death", "childbirth", "education"],
  ["illness", "childbirth", "disaster", "other"],
];

/** The group's rules: close to the association's defaults, with the variations groups really choose. */
export function demoRules(random: DemoRandom): GroupRulesInput {
  const monthly = random.chance(0.12);
  const shares = random.chance(0.35);
  const compulsory: GroupRulesInput["savings"]["compulsory"] = shares
    ? { kind: "shares", sharePrice: monthly ? "1000" : "200", minShares: 1, maxShares: 5 }
    : {
        kind: "fixed",
        amount: monthly ? random.pick(["2000", "3000"]) : random.pick(["500", "500", "500", "300", "1000"]),
      };
  return {
    meetings: monthly
      ? { frequency: "monthly", dayOfMonth: random.int(1, 28) }
      : { frequency: "weekly", weekday: random.pick(WEEKDAYS_USED) },
    savings: { compulsory, voluntary: random.chance(0.8), withdrawals: random.chance(0.5) },
    loans: {
      monthlyRatePercent: random.pick(["1.5", "2", "2", "2", "2.5", "3"]),
      method: random.chance(0.7) ? "flat" : "declining",
      maxMultipleOfSavings: random.pick(["2", "3", "3", "4"]),
      maxTermMonths: random.pick([6, 10, 10, 12]),
    },
    fines: {
      absence: random.pick(["100", "100", "200"]),
      lateness: "50",
      lateRepayment: random.pick(["200", "300", "500"]),
    },
    socialFund: { contribution: random.pick(["100", "100", "50", "200"]), purposes: random.pick(PURPOSES) },
    // Every share-out method in use: most groups share in proportion to savings.
    cycle: {
      months: 12,
      shareout: random.pick(["standard", "standard", "standard", "flat", "time-weighted"] as const),
    },
  };
}
