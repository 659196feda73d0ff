import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addFacts,
  emptyFacts,
  FACT_KINDS,
  type GroupFacts,
  INDICATORS,
  type IndicatorKey,
  indicatorsOf,
} from "./indicators.js";

const values = (facts: GroupFacts): Record<IndicatorKey, string | bigint | null> =>
  Object.fromEntries(Object.entries(indicatorsOf(facts)).map(([k, m]) => [k, m.value])) as Record<
    IndicatorKey,
    string | bigint | null
  >;

/** 15 members, 52 weekly meetings, a year into its cycle. */
const groupA: GroupFacts = {
  ...emptyFacts(),
  groups: 1,
  activeGroups: 1,
  membersAtStart: 16,
  members: 15,
  joined: 1,
  left: 2,
  memberMeetings: 780,
  attendances: 700,
  meetingsHeld: 52,
  meetingsExpected: 52,
  savingsInCycle: 1_000_000n,
  savingsTotal: 1_200_000n,
  loansOutstandingCount: 6,
  loansOutstanding: 900_000n,
  lateLoansOutstanding: 90_000n,
  loanFundCash: 300_000n,
  otherFundsCash: 50_000n,
  property: 25_000n,
  profitInCycle: 120_000n,
  groupWeeks: 52,
};

/** 8 members, 10 of 13 meetings held, 26 weeks into its cycle, both its loans late. */
const groupB: GroupFacts = {
  ...emptyFacts(),
  groups: 1,
  activeGroups: 1,
  membersAtStart: 10,
  members: 8,
  left: 2,
  memberMeetings: 80,
  attendances: 40,
  meetingsHeld: 10,
  meetingsExpected: 13,
  savingsInCycle: 200_000n,
  savingsTotal: 400_000n,
  loansOutstandingCount: 2,
  loansOutstanding: 100_000n,
  lateLoansOutstanding: 100_000n,
  loanFundCash: 300_000n,
  profitInCycle: 20_000n,
  groupWeeks: 26,
};

describe("indicators of one group, worked by hand", () => {
  it("computes every indicator of a 15-member group a year into its cycle", () => {
    expect(values(groupA)).toEqual({
      attendanceRate: "0.897436", // 700 ÷ 780 = 0.8974358…
      dropOutRate: "0.125000", // 2 ÷ 16
      savingsPerMember: 66_667n, // 1 000 000 ÷ 15 = 66 666.67, half-up
      shareOfMembersWithLoan: "0.400000", // 6 ÷ 15
      averageOutstandingLoan: 150_000n, // 900 000 ÷ 6
      portfolioAtRisk: "0.100000", // 90 000 ÷ 900 000
      loanFundUtilisation: "0.750000", // 900 000 ÷ 1 200 000
      assets: 1_275_000n, // 300 000 + 900 000 + 50 000 + 25 000
      returnOnSavings: "0.100000", // 120 000 ÷ 1 200 000 × 52 ÷ 52
      returnOnAssets: "0.094118", // 120 000 ÷ 1 275 000 = 0.0941176…
      meetingRegularity: "1.000000", // 52 ÷ 52
    });
  });

  it("keeps the exact fraction beside the rounded value", () => {
    const { attendanceRate, returnOnSavings, assets } = indicatorsOf(groupA);
    expect(attendanceRate).toEqual({ value: "0.897436", numerator: 700n, denominator: 780n });
    expect(returnOnSavings).toEqual({
      value: "0.100000",
      numerator: 120_000n * 52n,
      denominator: 1_200_000n * 52n,
    });
    expect(assets).toEqual({ value: 1_275_000n, numerator: 1_275_000n, denominator: 1n });
  });

  it("shows meetings held beyond those expected as a regularity above 1", () => {
    expect(indicatorsOf({ ...groupA, meetingsHeld: 55 }).meetingRegularity.value).toBe("1.057692");
  });
});

describe("annualised returns", () => {
  const halfYear: GroupFacts = {
    ...emptyFacts(),
    groups: 1,
    savingsTotal: 1_000_000n,
    loansOutstanding: 800_000n,
    loanFundCash: 300_000n,
    profitInCycle: 60_000n,
    groupWeeks: 26,
  };

  it("doubles the return of a 26-week cycle", () => {
    const got = indicatorsOf(halfYear);
    expect(got.returnOnSavings.value).toBe("0.120000"); // 60 000 ÷ 1 000 000 × 52 ÷ 26
    expect(got.returnOnAssets.value).toBe("0.109091"); // 60 000 ÷ 1 100 000 × 2 = 0.1090909…
  });

  it("reports a loss as a negative return", () => {
    const got = indicatorsOf({ ...halfYear, profitInCycle: -30_000n });
    expect(got.returnOnSavings.value).toBe("-0.060000");
    expect(got.returnOnAssets.value).toBe("-0.054545"); // −30 000 ÷ 1 100 000 × 2 = −0.0545454…
  });

  it("rounds once, after annualising, not before", () => {
    // 1 ÷ 7 × 52 ÷ 13 = 4 ÷ 7 = 0.5714285…; rounding 1 ÷ 7 first would give 0.142857 × 4 = 0.571428.
    const got = indicatorsOf({ ...halfYear, profitInCycle: 1n, savingsTotal: 7n, groupWeeks: 13 });
    expect(got.returnOnSavings.value).toBe("0.571429");
  });

  it("rounds a half away from zero for a gain and for a loss", () => {
    // ±1 ÷ 1 000 000 × 52 ÷ 104 = ±0.0000005 exactly.
    const tiny = { ...halfYear, savingsTotal: 1_000_000n, groupWeeks: 104 };
    expect(indicatorsOf({ ...tiny, profitInCycle: 1n }).returnOnSavings.value).toBe("0.000001");
    expect(indicatorsOf({ ...tiny, profitInCycle: -1n }).returnOnSavings.value).toBe("-0.000001");
    expect(
      indicatorsOf({ ...tiny, profitInCycle: -1n, savingsTotal: 3_000_000n }).returnOnSavings.value,
    ).toBe("0.000000");
  });

  it("annualises a roll-up by the groups' average weeks in cycle", () => {
    // 140 000 ÷ 1 600 000 × 52 ÷ ((52 + 26) ÷ 2) = 0.0875 × 4 ÷ 3 = 0.1166666…
    expect(indicatorsOf(addFacts(groupA, groupB)).returnOnSavings.value).toBe("0.116667");
  });
});

describe("a roll-up of groups", () => {
  const both = addFacts(groupA, groupB);

  it("computes ratios of summed facts", () => {
    expect(values(both)).toEqual({
      attendanceRate: "0.860465", // 740 ÷ 860
      dropOutRate: "0.153846", // 4 ÷ 26
      savingsPerMember: 52_174n, // 1 200 000 ÷ 23 = 52 173.91
      shareOfMembersWithLoan: "0.347826", // 8 ÷ 23
      averageOutstandingLoan: 125_000n, // 1 000 000 ÷ 8
      portfolioAtRisk: "0.190000", // 190 000 ÷ 1 000 000
      loanFundUtilisation: "0.625000", // 1 000 000 ÷ 1 600 000
      assets: 1_675_000n,
      returnOnSavings: "0.116667",
      returnOnAssets: "0.111443", // 140 000 × 104 ÷ (1 675 000 × 78)
      meetingRegularity: "0.953846", // 62 ÷ 65
    });
  });

  it("differs from the average of the groups' ratios", () => {
    // Averaging 0.897436 and 0.500000 would give 0.698718, as if 8 members weighed as much as 15.
    expect(indicatorsOf(groupB).attendanceRate.value).toBe("0.500000");
    expect(indicatorsOf(both).attendanceRate.value).toBe("0.860465");
    // Averaging PAR 0.1 and 1.0 would give 0.55; the late money is 19 % of the money lent.
    expect(indicatorsOf(both).portfolioAtRisk.value).toBe("0.190000");
  });

  it("gives a federation the same figures whichever way its groups are grouped", () => {
    const groupC = { ...groupB, members: 20, attendances: 70 };
    const byCluster = addFacts(addFacts(groupA, groupB), groupC);
    const allAtOnce = [groupA, groupB, groupC].reduce(addFacts, emptyFacts());
    expect(indicatorsOf(byCluster)).toEqual(indicatorsOf(allAtOnce));
  });
});

describe("nothing to measure", () => {
  it("gives null for every ratio of no group, and no assets", () => {
    expect(values(emptyFacts())).toEqual({
      attendanceRate: null,
      dropOutRate: null,
      savingsPerMember: null,
      shareOfMembersWithLoan: null,
      averageOutstandingLoan: null,
      portfolioAtRisk: null,
      loanFundUtilisation: null,
      assets: 0n,
      returnOnSavings: null,
      returnOnAssets: null,
      meetingRegularity: null,
    });
  });

  it("gives null for loan averages and PAR of a group that has not lent, but zero utilisation", () => {
    const got = indicatorsOf({
      ...groupA,
      loansOutstandingCount: 0,
      loansOutstanding: 0n,
      lateLoansOutstanding: 0n,
    });
    expect(got.averageOutstandingLoan.value).toBeNull();
    expect(got.portfolioAtRisk.value).toBeNull();
    expect(got.loanFundUtilisation.value).toBe("0.000000");
  });

  it("gives null returns for a cycle begun this week", () => {
    const got = indicatorsOf({ ...groupA, groupWeeks: 0 });
    expect(got.returnOnSavings.value).toBeNull();
    expect(got.returnOnAssets.value).toBeNull();
  });
});

it("refuses a count that is not a non-negative integer, naming it", () => {
  expect(() => indicatorsOf({ ...groupA, members: 1.5 })).toThrow(/members/);
  expect(() => indicatorsOf({ ...groupA, left: -1 })).toThrow(RangeError);
});

it("documents every indicator in docs/indicators.md with the same formula and unit", () => {
  const lines = readFileSync(new URL("../../../../docs/indicators.md", import.meta.url), "utf8").split("\n");
  for (const { key, formula, unit } of INDICATORS) {
    const row = lines.find((line) => line.includes(`\`${key}\``));
    expect(row, key).toBeDefined();
    expect(row, key).toContain(formula);
    expect(row, key).toContain(unit);
  }
});

// ── Properties ───────────────────────────────────────────────────────────────────────────────────

const anyFacts: fc.Arbitrary<GroupFacts> = fc.record(
  Object.fromEntries(
    Object.entries(FACT_KINDS).map(([k, kind]) => [
      k,
      kind === "money" ? fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }) : fc.nat(1_000_000),
    ]),
  ),
) as unknown as fc.Arbitrary<GroupFacts>;

const money = (max: bigint) => fc.bigInt({ min: 0n, max });

/** One group whose facts agree with each other: parts never exceed their wholes. */
const consistentGroup: fc.Arbitrary<GroupFacts> = fc
  .record({
    membersAtStart: fc.nat(40),
    members: fc.nat(40),
    meetingsHeld: fc.nat(60),
    loansOutstanding: money(10n ** 9n),
    loanFundCash: money(10n ** 9n),
  })
  .chain((g) =>
    fc
      .record({
        left: fc.nat(g.membersAtStart),
        attendances: fc.nat(g.members * g.meetingsHeld),
        lateLoansOutstanding: money(g.loansOutstanding),
      })
      .map((parts) => ({
        ...emptyFacts(),
        ...g,
        ...parts,
        groups: 1,
        memberMeetings: g.members * g.meetingsHeld,
      })),
  );

/** A decimal string as an exact count of millionths, for comparing. */
const millionths = (text: string): bigint => BigInt(text.replace(".", ""));

describe("properties", () => {
  it("rolls up with addFacts associatively and commutatively, emptyFacts the identity", () => {
    fc.assert(
      fc.property(anyFacts, anyFacts, anyFacts, (a, b, c) => {
        expect(addFacts(a, addFacts(b, c))).toEqual(addFacts(addFacts(a, b), c));
        expect(addFacts(a, b)).toEqual(addFacts(b, a));
        expect(addFacts(a, emptyFacts())).toEqual(a);
        expect(addFacts(emptyFacts(), a)).toEqual(a);
      }),
    );
  });

  const bounded = ["attendanceRate", "dropOutRate", "portfolioAtRisk", "loanFundUtilisation"] as const;

  it("keeps attendance, drop-out, PAR and utilisation between 0 and 1 for consistent groups", () => {
    fc.assert(
      fc.property(fc.array(consistentGroup, { maxLength: 8 }), (groups) => {
        const got = indicatorsOf(groups.reduce(addFacts, emptyFacts()));
        for (const key of bounded) {
          const { value, denominator } = got[key];
          expect(value === null).toBe(denominator === 0n);
          if (value === null) continue;
          expect(millionths(value)).toBeGreaterThanOrEqual(0n);
          expect(millionths(value)).toBeLessThanOrEqual(1_000_000n);
        }
      }),
    );
  });

  it("puts a roll-up's ratio between the smallest and largest of its groups' ratios", () => {
    fc.assert(
      fc.property(fc.array(consistentGroup, { minLength: 1, maxLength: 8 }), (groups) => {
        const got = indicatorsOf(groups.reduce(addFacts, emptyFacts()));
        for (const key of bounded) {
          const own = groups.map((g) => indicatorsOf(g)[key].value).filter((v) => v !== null);
          const value = got[key].value;
          if (value === null) continue;
          const parts = own.map(millionths);
          expect(parts.some((p) => p <= millionths(value))).toBe(true);
          expect(parts.some((p) => p >= millionths(value))).toBe(true);
        }
      }),
    );
  });

  it("gives returns the sign of the profit", () => {
    fc.assert(
      fc.property(
        consistentGroup,
        fc.bigInt({ min: -(10n ** 8n), max: 10n ** 8n }),
        fc.nat(104),
        (g, profit, weeks) => {
          const got = indicatorsOf({
            ...g,
            profitInCycle: profit,
            savingsTotal: 10n ** 8n,
            groupWeeks: weeks,
          });
          const value = got.returnOnSavings.value;
          expect(value === null).toBe(weeks === 0);
          if (value === null) return;
          const rounded = millionths(value);
          if (profit > 0n) expect(rounded).toBeGreaterThanOrEqual(0n);
          if (profit < 0n) expect(rounded).toBeLessThanOrEqual(0n);
          if (profit === 0n) expect(value).toBe("0.000000");
        },
      ),
    );
  });
});
