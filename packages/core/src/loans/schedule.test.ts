import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KZT, money, percent } from "../money/index.js";
import { addDays, daysBetween, FREQUENCIES, SATURDAY_SUNDAY } from "./calendar.js";
import { buildSchedule, type ScheduleTerms } from "./schedule.js";

const base: ScheduleTerms = {
  principal: money(10_000_000n, KZT),
  annualRate: percent("24"),
  installments: 12,
  frequency: "monthly",
  interestMethod: "declining",
  amortization: "equal-installments",
  interestPeriod: "repayment",
  disbursedOn: "2026-01-15",
  firstDueOn: "2026-02-15",
  gracePrincipal: 0,
  graceInterest: 0,
  roundingMinor: 1n,
  disbursementFee: null,
  installmentFee: null,
  calendar: SATURDAY_SUNDAY,
};

const minors = (s: ReturnType<typeof buildSchedule>, field: "principal" | "interest" | "total" | "balance") =>
  s.installments.map((i) => i[field].minor);

describe("schedules, worked by hand", () => {
  it("annuity: 100,000 at 24 % over 12 months pays 9,455.96 a month, 9,455.97 last", () => {
    // A = 100,000 × 0.02 / (1 − 1.02⁻¹²) = 9,455.9597… → 9,455.96; interest 2 % of the balance each month.
    const s = buildSchedule(base);
    expect(minors(s, "total")).toEqual([...Array(11).fill(945_596n), 945_597n]);
    expect(minors(s, "interest").slice(0, 3)).toEqual([200_000n, 185_088n, 169_878n]);
    expect(minors(s, "principal").slice(0, 2)).toEqual([745_596n, 760_508n]);
    expect(s.totals.interest.minor).toBe(1_347_153n);
    expect(s.totals.principal.minor).toBe(10_000_000n);
    // 15 February 2026 is a Sunday: the first installment falls due on Monday the 16th.
    expect(s.installments[0]?.dueDate).toBe("2026-02-16");
    expect(s.installments[2]?.dueDate).toBe("2026-04-15");
    // About (1.02)¹² − 1 = 26.82 %, moved a little by the actual dates.
    expect(Number(s.effectiveAnnualRate?.toFixed(4))).toBeCloseTo(0.2682, 2);
    expect(s.effectiveAnnualRateDisclosed).toMatch(/^2[67]\.\d$/);
  });

  it("equal principal, weekly: 52,000 at 26 % in 4 weeks", () => {
    // r = 0.26 / 52 = 0.5 % a week; principal 13,000 each; interest on 52,000, 39,000, 26,000, 13,000.
    const s = buildSchedule({
      ...base,
      principal: money(5_200_000n, KZT),
      annualRate: percent("26"),
      installments: 4,
      frequency: "weekly",
      amortization: "equal-principal",
      firstDueOn: "2026-01-22",
    });
    expect(minors(s, "principal")).toEqual([1_300_000n, 1_300_000n, 1_300_000n, 1_300_000n]);
    expect(minors(s, "interest")).toEqual([26_000n, 19_500n, 13_000n, 6_500n]);
    expect(s.installments.map((i) => i.dueDate)).toEqual([
      "2026-01-22",
      "2026-01-29",
      "2026-02-05",
      "2026-02-12",
    ]);
  });

  it("flat: 60,000 at 36 % over 6 months charges 1,800 a month on the original principal", () => {
    const s = buildSchedule({
      ...base,
      principal: money(6_000_000n, KZT),
      annualRate: percent("36"),
      installments: 6,
      interestMethod: "flat",
      amortization: "equal-principal",
    });
    expect(minors(s, "interest")).toEqual(Array(6).fill(180_000n));
    expect(minors(s, "total")).toEqual(Array(6).fill(1_180_000n));
  });

  it("grace on principal: two months of interest only, then four of equal principal", () => {
    const s = buildSchedule({
      ...base,
      annualRate: percent("12"),
      installments: 6,
      amortization: "equal-principal",
      gracePrincipal: 2,
    });
    expect(minors(s, "principal")).toEqual([0n, 0n, 2_500_000n, 2_500_000n, 2_500_000n, 2_500_000n]);
    expect(minors(s, "interest")).toEqual([100_000n, 100_000n, 100_000n, 75_000n, 50_000n, 25_000n]);
  });

  it("grace on interest: the deferred interest is collected with the first installment after it", () => {
    const s = buildSchedule({
      ...base,
      annualRate: percent("12"),
      installments: 4,
      amortization: "equal-principal",
      graceInterest: 2,
    });
    // Accrued 1,000.00, 750.00, 500.00, 250.00; the first two collected in the third installment.
    expect(minors(s, "interest")).toEqual([0n, 0n, 225_000n, 25_000n]);
    expect(s.totals.interest.minor).toBe(250_000n);
  });

  it("a fee at disbursement raises the effective rate of an interest-free loan above zero", () => {
    const free = buildSchedule({ ...base, annualRate: percent("0"), installments: 4 });
    expect(free.effectiveAnnualRate?.abs().lt("1e-9")).toBe(true);
    const withFee = buildSchedule({
      ...base,
      annualRate: percent("0"),
      installments: 4,
      disbursementFee: { kind: "percent", rate: percent("2") },
    });
    expect(withFee.disbursementFee.minor).toBe(200_000n);
    expect(withFee.effectiveAnnualRate?.gt("0.05")).toBe(true);
    const perInstallment = buildSchedule({ ...base, installments: 2, installmentFee: money(50_000n, KZT) });
    expect(
      minors(perInstallment, "total").map(
        (t, i) =>
          t -
          (perInstallment.installments[i]?.principal.minor ?? 0n) -
          (perInstallment.installments[i]?.interest.minor ?? 0n),
      ),
    ).toEqual([50_000n, 50_000n]);
  });

  it("a zero rate gives equal principal, the residue in the last installment", () => {
    const s = buildSchedule({ ...base, annualRate: percent("0"), installments: 3 });
    expect(minors(s, "principal")).toEqual([3_333_334n, 3_333_334n, 3_333_332n]);
    expect(s.totals.interest.minor).toBe(0n);
  });

  it("rounds installments to 100 tenge, the residue in the last", () => {
    const s = buildSchedule({ ...base, roundingMinor: 10_000n });
    expect(minors(s, "total").slice(0, 11)).toEqual(Array(11).fill(950_000n));
    expect(s.totals.principal.minor).toBe(10_000_000n);
  });

  it("moves due dates past weekends and public holidays", () => {
    const s = buildSchedule({
      ...base,
      installments: 2,
      firstDueOn: "2026-03-20",
      calendar: { weekend: [6, 7], holidays: ["2026-03-20", "2026-03-23"] },
    });
    // 20 March is a holiday, 21–22 a weekend, 23 March (Nauryz) a holiday: due on the 24th.
    expect(s.installments[0]?.dueDate).toBe("2026-03-24");
  });
});

describe("broken first periods, per repayment period", () => {
  it("pro-rates a 24-day first month by its days (the default)", () => {
    // Disbursed Friday 23 January 2026, first due Monday 16 February: 24 days. The regular first
    // period would end on 23 February, 31 days after disbursement, so the first period is 24/31 of a
    // month: 100,000 × 24 % / 12 × 24/31 = 2,000 × 24/31 = 1,548.387… → 1,548.39.
    const s = buildSchedule({ ...base, disbursedOn: "2026-01-23", firstDueOn: "2026-02-16" });
    expect(s.installments[0]?.interest.minor).toBe(154_839n);
    // The following months are whole: 2 % of the balance left after the first installment.
    const after = s.installments[0]?.balance.minor ?? 0n;
    expect(s.installments[1]?.interest.minor).toBe((after * 2n + 50n) / 100n);
    expect(s.totals.principal.minor).toBe(10_000_000n);
  });

  it("pro-rates a 59-day first period as one month and 28/31 of the next", () => {
    // Disbursed Friday 19 December 2025, first due Monday 16 February 2026: 59 days. One whole month
    // (19 December → 19 January), then 28 days of the month 19 January → 19 February (31 days):
    // 100,000 × 2 % × (1 + 28/31) = 2,000 + 1,806.4516… = 3,806.4516… → 3,806.45.
    const s = buildSchedule({ ...base, disbursedOn: "2025-12-19", firstDueOn: "2026-02-16" });
    expect(s.installments[0]?.interest.minor).toBe(380_645n);
  });

  it("counts whole months by the calendar: 31 January to 28 February is one month", () => {
    const s = buildSchedule({ ...base, disbursedOn: "2026-01-31", firstDueOn: "2026-02-27" });
    // 27 days of the month 31 January → 28 February (28 days): 2,000 × 27/28 = 1,928.571… → 1,928.57.
    expect(s.installments[0]?.interest.minor).toBe(192_857n);
    const whole = buildSchedule({ ...base, disbursedOn: "2026-01-30", firstDueOn: "2026-03-30" });
    // Two whole months (30 Jan → 28 Feb → 30 Mar): 100,000 × 2 % × 2 = 4,000.00.
    expect(whole.installments[0]?.interest.minor).toBe(400_000n);
  });

  it("charges a full period whatever its days when the product says so", () => {
    for (const disbursedOn of ["2026-01-23", "2025-12-19"]) {
      const s = buildSchedule({ ...base, disbursedOn, firstDueOn: "2026-02-16", firstPeriod: "full" });
      expect(s.installments[0]?.interest.minor).toBe(200_000n);
    }
  });

  it("leaves a regular first period and interest by actual days unchanged", () => {
    const regular = buildSchedule(base);
    expect(buildSchedule({ ...base, firstPeriod: "full" }).installments).toEqual(regular.installments);
    const actual = { ...base, interestPeriod: "actual/365" as const, disbursedOn: "2026-01-23" };
    expect(buildSchedule(actual).installments).toEqual(
      buildSchedule({ ...actual, firstPeriod: "full" }).installments,
    );
  });
});

/** The net present value of the borrower's flows at the rate, as a share of the principal. */
function npvShare(terms: ScheduleTerms, s: ReturnType<typeof buildSchedule>): number {
  const rate = Number(s.effectiveAnnualRate?.toString() ?? "0");
  const flows = [
    { day: 0, minor: terms.principal.minor - s.disbursementFee.minor },
    ...s.installments.map((i) => ({ day: daysBetween(terms.disbursedOn, i.dueDate), minor: -i.total.minor })),
  ];
  const npv = flows.reduce((sum, f) => sum + Number(f.minor) * (1 + rate) ** (-f.day / 365), 0);
  return npv / Number(terms.principal.minor);
}

describe("the schedule contract, for every method", () => {
  const terms = fc.record({
    principal: fc.bigInt({ min: 100_000n, max: 10n ** 11n }),
    rate: fc.integer({ min: 0, max: 6000 }).map((bp) => new Decimal(bp).div(10_000)),
    installments: fc.integer({ min: 1, max: 60 }),
    frequency: fc.constantFrom(...FREQUENCIES),
    interestMethod: fc.constantFrom("declining" as const, "flat" as const),
    amortization: fc.constantFrom("equal-installments" as const, "equal-principal" as const),
    interestPeriod: fc.constantFrom("repayment" as const, "actual/365" as const, "actual/360" as const),
    grace: fc.integer({ min: 0, max: 3 }),
    rounding: fc.constantFrom(1n, 100n, 10_000n),
    /** Days from disbursement to the first due date: short, regular or long first periods. */
    firstAfter: fc.integer({ min: 1, max: 130 }),
    firstPeriod: fc.constantFrom("pro-rata" as const, "full" as const),
  });

  it("repays exactly the principal, never raises the balance, and ends at zero", () => {
    fc.assert(
      fc.property(terms, (t) => {
        const grace = Math.min(t.grace, t.installments - 1);
        const terms: ScheduleTerms = {
          ...base,
          principal: money(t.principal, KZT),
          annualRate: t.rate,
          installments: t.installments,
          frequency: t.frequency,
          interestMethod: t.interestMethod,
          amortization: t.amortization,
          interestPeriod: t.interestPeriod,
          gracePrincipal: grace,
          graceInterest: grace,
          roundingMinor: t.rounding,
          firstDueOn: addDays(base.disbursedOn, t.firstAfter),
          firstPeriod: t.firstPeriod,
        };
        const s = buildSchedule(terms);
        expect(s.totals.principal.minor).toBe(t.principal);
        let previous = t.principal;
        for (const i of s.installments) {
          expect(i.principal.minor >= 0n && i.interest.minor >= 0n).toBe(true);
          expect(i.balance.minor <= previous).toBe(true);
          expect(i.total.minor).toBe(i.principal.minor + i.interest.minor + i.fees.minor);
          previous = i.balance.minor;
        }
        expect(previous).toBe(0n);
        const dates = s.installments.map((i) => i.dueDate);
        expect([...dates].sort()).toEqual(dates);
        if (s.totals.interest.minor > 0n) expect(s.effectiveAnnualRate?.gt(0)).toBe(true);
        if (s.effectiveAnnualRate) expect(Math.abs(npvShare(terms, s))).toBeLessThan(1e-7);
      }),
      { numRuns: 150 },
    );
  });
});
