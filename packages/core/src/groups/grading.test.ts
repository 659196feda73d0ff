import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_GRADING_TABLE,
  GRADING_CRITERIA,
  type Grade,
  type GradingCriterion,
  type GradingFacts,
  type GradingTable,
  gradeGroup,
  gradingTableSchema,
} from "./grading.js";

const scores = (grade: Grade): Partial<Record<GradingCriterion, number>> =>
  Object.fromEntries(grade.criteria.map((c) => [c.name, c.score]));
const values = (grade: Grade): Partial<Record<GradingCriterion, string | null>> =>
  Object.fromEntries(grade.criteria.map((c) => [c.name, c.value]));
const criterion = (grade: Grade, name: GradingCriterion) => grade.criteria.find((c) => c.name === name)!;

/** 15 members, 26 weekly meetings in the six months. */
const groupA: GradingFacts = {
  meetingsExpected: 26,
  meetingsHeld: 26,
  attendances: 360,
  memberMeetings: 390,
  savingsPaid: 380,
  savingsDue: 390,
  loansOutstanding: 85_000_000n,
  loanFundCash: 15_000_000n,
  borrowers: 6,
  members: 15,
  repaidOnTime: 58,
  repaymentsDue: 60,
  recordedWithinWeek: 24,
  activeMembers: 15,
};

/** 12 members, 24 of 26 meetings held; several figures sit exactly on a threshold. */
const groupB: GradingFacts = {
  meetingsExpected: 26,
  meetingsHeld: 24,
  attendances: 216,
  memberMeetings: 288,
  savingsPaid: 285,
  savingsDue: 300,
  loansOutstanding: 700_000n,
  loanFundCash: 300_000n,
  borrowers: 5,
  members: 12,
  repaidOnTime: 57,
  repaymentsDue: 60,
  recordedWithinWeek: 23,
  activeMembers: 12,
};

/** 8 members, 18 of 26 meetings held, books half late. */
const groupC: GradingFacts = {
  meetingsExpected: 26,
  meetingsHeld: 18,
  attendances: 100,
  memberMeetings: 144,
  savingsPaid: 110,
  savingsDue: 144,
  loansOutstanding: 300_000n,
  loanFundCash: 700_000n,
  borrowers: 1,
  members: 8,
  repaidOnTime: 20,
  repaymentsDue: 30,
  recordedWithinWeek: 9,
  activeMembers: 8,
};

/** Perfect records, but the fund sits idle in cash: nobody has borrowed. */
const noLending: GradingFacts = {
  meetingsExpected: 26,
  meetingsHeld: 26,
  attendances: 390,
  memberMeetings: 390,
  savingsPaid: 390,
  savingsDue: 390,
  loansOutstanding: 0n,
  loanFundCash: 1_200_000n,
  borrowers: 0,
  members: 15,
  repaidOnTime: 0,
  repaymentsDue: 0,
  recordedWithinWeek: 26,
  activeMembers: 15,
};

describe("grading a group with the default table", () => {
  it("grades a well-run group A (92 of 100)", () => {
    const grade = gradeGroup(groupA);
    expect(scores(grade)).toEqual({
      meetingRegularity: 15, // 26/26 = 100.0 %
      attendance: 15, // 360/390 = 92.3 %
      savingsRegularity: 15, // 380/390 = 97.4 %
      fundOnLoan: 10, // 85.0 %
      loanRotation: 6, // 6/15 = 40.0 %
      repaymentOnTime: 20, // 58/60 = 96.6 %
      booksUpToDate: 6, // 24/26 = 92.3 %
      groupSize: 5, // 15 members
    });
    expect(values(grade)).toEqual({
      meetingRegularity: "100.0",
      attendance: "92.3",
      savingsRegularity: "97.4",
      fundOnLoan: "85.0",
      loanRotation: "40.0",
      repaymentOnTime: "96.6",
      booksUpToDate: "92.3",
      groupSize: "15",
    });
    expect(grade).toMatchObject({ grade: "A", score: 92, max: 100 });
    expect(grade.criteria.map((c) => c.name)).toEqual([...GRADING_CRITERIA]);
  });

  it("grades a middling group B (83), a figure exactly on a threshold meeting it", () => {
    const grade = gradeGroup(groupB);
    expect(scores(grade)).toEqual({
      meetingRegularity: 10, // 24/26 = 92.3 %
      attendance: 10, // 216/288 = 75.0 %, exactly the 75 % step
      savingsRegularity: 15, // 285/300 = 95.0 %, exactly the 95 % step
      fundOnLoan: 7, // 70.0 %
      loanRotation: 6, // 5/12 = 41.6 %
      repaymentOnTime: 20, // 57/60 = 95.0 %
      booksUpToDate: 10, // 23/24 = 95.8 %
      groupSize: 5,
    });
    expect(grade).toMatchObject({ grade: "B", score: 83, max: 100 });
  });

  it("grades a struggling group C (31)", () => {
    const grade = gradeGroup(groupC);
    expect(scores(grade)).toEqual({
      meetingRegularity: 5, // 18/26 = 69.2 %
      attendance: 5, // 100/144 = 69.4 %
      savingsRegularity: 5, // 110/144 = 76.3 %
      fundOnLoan: 0, // 30.0 %, below the 40 % step
      loanRotation: 3, // 1/8 = 12.5 %
      repaymentOnTime: 7, // 20/30 = 66.6 %
      booksUpToDate: 3, // 9/18 = 50.0 %
      groupSize: 3, // 8 members
    });
    expect(grade).toMatchObject({ grade: "C", score: 31, max: 100 });
  });

  it("treats the bands as inclusive: 75 is B, 74 is C", () => {
    const at75 = gradeGroup({
      ...groupB,
      savingsPaid: 240,
      loansOutstanding: 400_000n,
      loanFundCash: 600_000n,
    });
    expect(at75).toMatchObject({ grade: "B", score: 75 });
    const at74 = gradeGroup({ ...groupB, meetingsHeld: 16, recordedWithinWeek: 15 });
    expect(scores(at74)).toMatchObject({ meetingRegularity: 5, booksUpToDate: 6 });
    expect(at74).toMatchObject({ grade: "C", score: 74 });
  });

  it("explains each score with a translation key and its figures", () => {
    const grade = gradeGroup(groupB);
    expect(criterion(grade, "meetingRegularity").reason).toEqual({
      key: "grading.meetingRegularity",
      values: { held: 24, expected: 26, percent: "92.3", points: 10, max: 15 },
    });
    expect(criterion(grade, "fundOnLoan").reason).toEqual({
      key: "grading.fundOnLoan",
      values: { percent: "70.0", points: 7, max: 10 },
    });
    expect(criterion(grade, "groupSize").reason).toEqual({
      key: "grading.groupSize",
      values: { members: 12, points: 5, max: 5 },
    });
  });

  it("measures exactly and shows the percent truncated, never rounded up past a threshold", () => {
    const justBelow = gradeGroup({ ...groupA, meetingsExpected: 2000, meetingsHeld: 1899 }); // 94.95 %
    expect(criterion(justBelow, "meetingRegularity")).toMatchObject({ score: 10, value: "94.9" });
    const onIt = gradeGroup({ ...groupA, meetingsExpected: 2000, meetingsHeld: 1900 });
    expect(criterion(onIt, "meetingRegularity")).toMatchObject({ score: 15, value: "95.0" });

    const huge = 10n ** 20n;
    const hair = gradeGroup({ ...groupA, loansOutstanding: 4n * huge, loanFundCash: huge + 1n });
    expect(criterion(hair, "fundOnLoan")).toMatchObject({ score: 7, value: "79.9" });
    const exact = gradeGroup({ ...groupA, loansOutstanding: 4n * huge, loanFundCash: huge });
    expect(criterion(exact, "fundOnLoan")).toMatchObject({ score: 10, value: "80.0" });
  });

  it("counts meetings held beyond those expected as 100 %, no more", () => {
    const grade = gradeGroup({ ...groupA, meetingsHeld: 28, recordedWithinWeek: 28 });
    expect(criterion(grade, "meetingRegularity")).toMatchObject({ score: 15, value: "100.0" });
    expect(criterion(grade, "meetingRegularity").reason.values).toMatchObject({ held: 28, expected: 26 });
  });
});

describe("criteria that cannot be measured", () => {
  it("gives no repayment points to a group that never lent: nothing was due (60 of 100, C)", () => {
    const grade = gradeGroup(noLending);
    expect(scores(grade)).toEqual({
      meetingRegularity: 15,
      attendance: 15,
      savingsRegularity: 15,
      fundOnLoan: 0,
      loanRotation: 0,
      repaymentOnTime: 0,
      booksUpToDate: 10,
      groupSize: 5,
    });
    expect(criterion(grade, "fundOnLoan")).toMatchObject({
      value: "0.0",
      reason: { key: "grading.fundOnLoan" },
    });
    expect(criterion(grade, "repaymentOnTime")).toEqual({
      name: "repaymentOnTime",
      score: 0,
      max: 20,
      value: null,
      reason: {
        key: "grading.notMeasured.repaymentOnTime",
        values: { onTime: 0, due: 0, points: 0, max: 20 },
      },
    });
    expect(grade).toMatchObject({ grade: "C", score: 60 });
  });

  it("raises the grade once the group starts lending, even before any installment falls due", () => {
    const grade = gradeGroup({
      ...noLending,
      loansOutstanding: 1_080_000n,
      loanFundCash: 120_000n,
      borrowers: 5,
    });
    expect(scores(grade)).toMatchObject({ fundOnLoan: 10, loanRotation: 6, repaymentOnTime: 0 });
    expect(criterion(grade, "repaymentOnTime").reason.key).toBe("grading.notMeasured.repaymentOnTime");
    expect(grade).toMatchObject({ grade: "B", score: 76 });
    expect(grade.score).toBeGreaterThan(gradeGroup(noLending).score);
  });

  it("scores a group with no records yet only on its size", () => {
    const grade = gradeGroup({
      meetingsExpected: 0,
      meetingsHeld: 0,
      attendances: 0,
      memberMeetings: 0,
      savingsPaid: 0,
      savingsDue: 0,
      loansOutstanding: 0n,
      loanFundCash: 0n,
      borrowers: 0,
      members: 0,
      repaidOnTime: 0,
      repaymentsDue: 0,
      recordedWithinWeek: 0,
      activeMembers: 12,
    });
    expect(grade).toMatchObject({ grade: "C", score: 5, max: 100 });
    for (const c of grade.criteria.filter((c) => c.name !== "groupSize")) {
      expect(c).toMatchObject({ score: 0, value: null, reason: { key: `grading.notMeasured.${c.name}` } });
    }
    expect(criterion(grade, "meetingRegularity").reason.values).toEqual({
      held: 0,
      expected: 0,
      points: 0,
      max: 15,
    });
  });

  it("refuses facts that cannot come from real records", () => {
    expect(() => gradeGroup({ ...groupA, attendances: -1 })).toThrow(RangeError);
    expect(() => gradeGroup({ ...groupA, meetingsHeld: 2.5 })).toThrow(/meetingsHeld/);
    expect(() => gradeGroup({ ...groupA, attendances: 391 })).toThrow(/attendances \(391\) cannot exceed/);
    expect(() => gradeGroup({ ...groupA, recordedWithinWeek: 27 })).toThrow(RangeError);
    expect(() => gradeGroup({ ...groupA, borrowers: 16 })).toThrow(RangeError);
    expect(() => gradeGroup({ ...groupA, loanFundCash: -1n })).toThrow(/loanFundCash/);
  });
});

describe("a tenant's own table", () => {
  const custom = gradingTableSchema.parse(
    JSON.parse(`{
      "version": 2,
      "bands": { "A": 70, "B": 45 },
      "criteria": {
        "meetingRegularity": { "max": 20, "steps": [{ "atLeast": 90, "points": 20 }, { "atLeast": 75, "points": 10 }] },
        "savingsRegularity": { "max": 20, "steps": [{ "atLeast": 90, "points": 20 }, { "atLeast": 66.5, "points": 10 }] },
        "repaymentOnTime": { "max": 30, "steps": [{ "atLeast": 90, "points": 30 }, { "atLeast": 70, "points": 15 }] },
        "booksUpToDate": { "max": 10, "steps": [{ "atLeast": 80, "points": 10 }] }
      }
    }`),
  );

  it("scores only the criteria it keeps, out of their total, against its own bands", () => {
    const b = gradeGroup(groupB, custom);
    expect(b.criteria.map((c) => c.name)).toEqual([
      "meetingRegularity",
      "savingsRegularity",
      "repaymentOnTime",
      "booksUpToDate",
    ]);
    expect(scores(b)).toEqual({
      meetingRegularity: 20,
      savingsRegularity: 20,
      repaymentOnTime: 30,
      booksUpToDate: 10,
    });
    expect(b).toMatchObject({ grade: "A", score: 80, max: 80 });

    const lateRepayer = gradeGroup({ ...groupB, repaidOnTime: 45 }, custom); // 75.0 %
    expect(lateRepayer).toMatchObject({ grade: "B", score: 65 });

    const c = gradeGroup(groupC, custom);
    expect(scores(c)).toEqual({
      meetingRegularity: 0,
      savingsRegularity: 10,
      repaymentOnTime: 0,
      booksUpToDate: 0,
    });
    expect(c).toMatchObject({ grade: "C", score: 10, max: 80 });
  });

  it("meets a threshold with one decimal exactly", () => {
    const met = gradeGroup({ ...groupC, savingsPaid: 133, savingsDue: 200 }, custom); // 66.5 %
    expect(criterion(met, "savingsRegularity")).toMatchObject({ score: 10, value: "66.5" });
    const missed = gradeGroup({ ...groupC, savingsPaid: 1329, savingsDue: 2000 }, custom); // 66.45 %
    expect(criterion(missed, "savingsRegularity")).toMatchObject({ score: 0, value: "66.4" });
  });
});

describe("the table schema", () => {
  const table = (change: (t: GradingTable) => void): unknown => {
    const copy = structuredClone(DEFAULT_GRADING_TABLE);
    change(copy);
    return copy;
  };
  const issues = (input: unknown) => {
    const result = gradingTableSchema.safeParse(input);
    expect(result.success).toBe(false);
    return result.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code }));
  };

  it("accepts the default table as it is and after a trip through JSON", () => {
    expect(gradingTableSchema.parse(DEFAULT_GRADING_TABLE)).toEqual(DEFAULT_GRADING_TABLE);
    expect(gradingTableSchema.parse(JSON.parse(JSON.stringify(DEFAULT_GRADING_TABLE)))).toEqual(
      DEFAULT_GRADING_TABLE,
    );
    const maxes = GRADING_CRITERIA.map((n) => DEFAULT_GRADING_TABLE.criteria[n]!.max);
    expect(maxes.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("refuses a negative max", () => {
    const bad = table((t) => {
      t.criteria.fundOnLoan!.max = -1;
    });
    expect(issues(bad)).toContainEqual(expect.objectContaining({ path: "criteria.fundOnLoan.max" }));
  });

  it("refuses negative or fractional points", () => {
    for (const points of [-1, 2.5]) {
      const bad = table((t) => {
        t.criteria.fundOnLoan!.steps[2]!.points = points;
      });
      expect(issues(bad)).toContainEqual(
        expect.objectContaining({ path: "criteria.fundOnLoan.steps.2.points" }),
      );
    }
  });

  it("refuses points above the criterion's max", () => {
    const bad = table((t) => {
      t.criteria.meetingRegularity!.steps[0]!.points = 16;
    });
    expect(issues(bad)).toContainEqual({
      path: "criteria.meetingRegularity.steps.0.points",
      message: "more than the criterion's max (15)",
      code: "custom",
    });
  });

  it("refuses thresholds that do not go strictly down", () => {
    for (const atLeast of [90, 99]) {
      const bad = table((t) => {
        t.criteria.attendance!.steps[1]!.atLeast = atLeast;
      });
      expect(issues(bad)).toContainEqual({
        path: "criteria.attendance.steps.1.atLeast",
        message: "thresholds must go strictly down",
        code: "custom",
      });
    }
  });

  it("refuses a lower step awarding more than the one above, or a top step short of the max", () => {
    const richerBelow = table((t) => {
      t.criteria.booksUpToDate!.steps[2]!.points = 8;
    });
    expect(issues(richerBelow)).toContainEqual(
      expect.objectContaining({
        path: "criteria.booksUpToDate.steps.2.points",
        message: "a lower step cannot award more than the one above",
      }),
    );
    const unreachableMax = table((t) => {
      t.criteria.booksUpToDate!.max = 12;
    });
    expect(issues(unreachableMax)).toContainEqual(
      expect.objectContaining({
        path: "criteria.booksUpToDate.steps.0.points",
        message: "the highest step must award the max",
      }),
    );
  });

  it("refuses percents above 100 or finer than a tenth, and fractional member counts", () => {
    const cases = [
      ["attendance", 0, 101],
      ["attendance", 1, 66.55],
      ["groupSize", 1, 7.5],
    ] as const;
    for (const [name, i, atLeast] of cases) {
      const bad = table((t) => {
        t.criteria[name]!.steps[i]!.atLeast = atLeast;
      });
      expect(issues(bad)).toContainEqual(
        expect.objectContaining({ path: `criteria.${name}.steps.${i}.atLeast` }),
      );
    }
  });

  it("refuses band A below band B", () => {
    const bad = table((t) => {
      t.bands = { A: 70, B: 75 };
    });
    expect(issues(bad)).toContainEqual({ path: "bands.A", message: "below band B (75)", code: "custom" });
  });

  it("refuses bands above the total max, which shrinks with the criteria left out", () => {
    const tooHigh = table((t) => {
      t.bands.A = 101;
    });
    expect(issues(tooHigh)).toContainEqual(
      expect.objectContaining({ path: "bands.A", message: "above the total max (100)" }),
    );
    const fewer = table((t) => {
      delete t.criteria.repaymentOnTime;
      delete t.criteria.fundOnLoan;
    }); // 70 points left, bands still 85 / 75
    expect(issues(fewer)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "bands.A", message: "above the total max (70)" }),
        expect.objectContaining({ path: "bands.B", message: "above the total max (70)" }),
      ]),
    );
  });

  it("refuses unknown criteria and unknown fields", () => {
    const homogeneity = table((t) => {
      (t.criteria as Record<string, unknown>).homogeneity = { max: 5, steps: [{ atLeast: 50, points: 5 }] };
    });
    expect(issues(homogeneity)).toContainEqual(
      expect.objectContaining({ path: "criteria", code: "unrecognized_keys" }),
    );
    const extra = table((t) => {
      (t.criteria.groupSize!.steps[0] as Record<string, unknown>).label = "large";
    });
    expect(issues(extra)).toContainEqual(expect.objectContaining({ code: "unrecognized_keys" }));
  });

  it("refuses a table with no criteria, or a criterion with no steps", () => {
    expect(issues({ bands: { A: 0, B: 0 }, criteria: {} })).toContainEqual(
      expect.objectContaining({ path: "criteria", message: "at least one criterion must count" }),
    );
    const noSteps = table((t) => {
      t.criteria.groupSize!.steps = [];
    });
    expect(issues(noSteps)).toContainEqual(expect.objectContaining({ path: "criteria.groupSize.steps" }));
  });
});

// ── Properties ───────────────────────────────────────────────────────────────────────────────────

/** Zero often: empty records are where the special cases live. */
const count = (max: number) => fc.oneof(fc.constant(0), fc.nat(max));
const minor = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10n ** 12n }));

/** [part, whole] with part ≤ whole. */
const partOf = (max: number): fc.Arbitrary<[part: number, whole: number]> =>
  fc.tuple(count(max), count(max)).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

const factsArb: fc.Arbitrary<GradingFacts> = fc
  .record({
    meetingsExpected: count(60),
    books: partOf(60),
    attendance: partOf(1_000),
    savings: partOf(1_000),
    loansOutstanding: minor,
    loanFundCash: minor,
    rotation: partOf(40),
    repayment: partOf(200),
    activeMembers: count(40),
  })
  .map((r) => ({
    meetingsExpected: r.meetingsExpected,
    meetingsHeld: r.books[1],
    recordedWithinWeek: r.books[0],
    attendances: r.attendance[0],
    memberMeetings: r.attendance[1],
    savingsPaid: r.savings[0],
    savingsDue: r.savings[1],
    loansOutstanding: r.loansOutstanding,
    loanFundCash: r.loanFundCash,
    borrowers: r.rotation[0],
    members: r.rotation[1],
    repaidOnTime: r.repayment[0],
    repaymentsDue: r.repayment[1],
    activeMembers: r.activeMembers,
  }));

const stepsArb = (thresholds: fc.Arbitrary<number>, scale: number) =>
  fc
    .tuple(
      fc.uniqueArray(thresholds, { minLength: 1, maxLength: 4 }),
      fc.array(fc.nat(25), { minLength: 4, maxLength: 4 }),
    )
    .map(([raw, pts]) => {
      const atLeasts = [...raw].sort((a, b) => b - a).map((t) => t / scale);
      const points = pts.slice(0, atLeasts.length).sort((a, b) => b - a);
      return { max: points[0]!, steps: atLeasts.map((atLeast, i) => ({ atLeast, points: points[i]! })) };
    });
const ratioSteps = stepsArb(fc.integer({ min: 0, max: 1_000 }), 10); // tenths of a percent
const countSteps = stepsArb(fc.integer({ min: 0, max: 30 }), 1);

const tableArb: fc.Arbitrary<GradingTable> = fc.oneof(
  fc.constant(DEFAULT_GRADING_TABLE),
  fc
    .record(
      {
        meetingRegularity: ratioSteps,
        attendance: ratioSteps,
        savingsRegularity: ratioSteps,
        fundOnLoan: ratioSteps,
        loanRotation: ratioSteps,
        repaymentOnTime: ratioSteps,
        booksUpToDate: ratioSteps,
        groupSize: countSteps,
      },
      { requiredKeys: [] },
    )
    .filter((criteria) => Object.keys(criteria).length > 0)
    .chain((criteria) => {
      const total = Object.values(criteria).reduce((sum, c) => sum + c.max, 0);
      return fc
        .tuple(fc.integer({ min: 0, max: total }), fc.integer({ min: 0, max: total }))
        .map(([a, b]) => ({ bands: { A: Math.max(a, b), B: Math.min(a, b) }, criteria }));
    }),
);

const RANK = { A: 0, B: 1, C: 2 } as const;

/** Single changes that only make the records better. */
const IMPROVEMENTS: [string, (f: GradingFacts) => GradingFacts | null][] = [
  [
    "one more meeting held, and recorded within the week",
    (f) => ({ ...f, meetingsHeld: f.meetingsHeld + 1, recordedWithinWeek: f.recordedWithinWeek + 1 }),
  ],
  [
    "one meeting fewer expected",
    (f) => (f.meetingsExpected > 1 ? { ...f, meetingsExpected: f.meetingsExpected - 1 } : null),
  ],
  [
    "one more attendance",
    (f) => (f.attendances < f.memberMeetings ? { ...f, attendances: f.attendances + 1 } : null),
  ],
  [
    "one more saving paid",
    (f) => (f.savingsPaid < f.savingsDue ? { ...f, savingsPaid: f.savingsPaid + 1 } : null),
  ],
  [
    "half the idle cash lent out",
    (f) => {
      const lent = (f.loanFundCash + 1n) / 2n;
      return lent > 0n
        ? { ...f, loansOutstanding: f.loansOutstanding + lent, loanFundCash: f.loanFundCash - lent }
        : null;
    },
  ],
  ["more on loan", (f) => ({ ...f, loansOutstanding: f.loansOutstanding + 1_000n })],
  ["one more borrower", (f) => (f.borrowers < f.members ? { ...f, borrowers: f.borrowers + 1 } : null)],
  [
    "one more installment paid on time",
    (f) => (f.repaidOnTime < f.repaymentsDue ? { ...f, repaidOnTime: f.repaidOnTime + 1 } : null),
  ],
  [
    "one more meeting recorded within the week",
    (f) =>
      f.recordedWithinWeek < f.meetingsHeld ? { ...f, recordedWithinWeek: f.recordedWithinWeek + 1 } : null,
  ],
  ["one more active member", (f) => ({ ...f, activeMembers: f.activeMembers + 1 })],
];

describe("grading properties", () => {
  it("generates only tables the schema accepts (so the properties below cover valid tables)", () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        expect(gradingTableSchema.safeParse(table).success).toBe(true);
      }),
    );
  });

  it("adds up: score = Σ criteria, 0 ≤ each ≤ its max, 0 ≤ score ≤ max, grade from the bands", () => {
    fc.assert(
      fc.property(factsArb, tableArb, (facts, table) => {
        const grade = gradeGroup(facts, table);
        expect(grade.score).toBe(grade.criteria.reduce((sum, c) => sum + c.score, 0));
        expect(grade.max).toBe(grade.criteria.reduce((sum, c) => sum + c.max, 0));
        for (const c of grade.criteria) {
          expect(c.score).toBeGreaterThanOrEqual(0);
          expect(c.score).toBeLessThanOrEqual(c.max);
          expect(c.max).toBe(table.criteria[c.name]!.max);
        }
        expect(grade.score).toBeGreaterThanOrEqual(0);
        expect(grade.score).toBeLessThanOrEqual(grade.max);
        const expected = grade.score >= table.bands.A ? "A" : grade.score >= table.bands.B ? "B" : "C";
        expect(grade.grade).toBe(expected);
      }),
    );
  });

  it("scores the same from the percent it shows as from the exact ratio", () => {
    fc.assert(
      fc.property(factsArb, tableArb, (facts, table) => {
        for (const c of gradeGroup(facts, table).criteria) {
          if (c.name === "groupSize" || c.value === null) continue;
          const shownTenths = Math.round(Number(c.value) * 10);
          const met = table.criteria[c.name]!.steps.filter((s) => shownTenths >= Math.round(s.atLeast * 10));
          expect(c.score).toBe(met[0]?.points ?? 0);
        }
      }),
    );
  });

  it("is monotone: improving any single fact never lowers a criterion, the score or the grade", () => {
    fc.assert(
      fc.property(factsArb, tableArb, fc.constantFrom(...IMPROVEMENTS), (facts, table, [, improve]) => {
        const better = improve(facts);
        if (better === null) return;
        const before = gradeGroup(facts, table);
        const after = gradeGroup(better, table);
        before.criteria.forEach((c, i) => {
          expect(after.criteria[i]!.score).toBeGreaterThanOrEqual(c.score);
        });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(RANK[after.grade]).toBeLessThanOrEqual(RANK[before.grade]);
      }),
      { numRuns: 1_000 },
    );
  });

  it("is deterministic and leaves its inputs alone", () => {
    fc.assert(
      fc.property(factsArb, tableArb, (facts, table) => {
        const factsCopy = { ...facts };
        const tableCopy = structuredClone(table);
        expect(gradeGroup(facts, table)).toEqual(gradeGroup(facts, table));
        expect(facts).toEqual(factsCopy);
        expect(table).toEqual(tableCopy);
      }),
    );
  });
});
