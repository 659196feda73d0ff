import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../clock.js";
import {
  addMonths,
  INTEREST_METHODS,
  InternalLoanError,
  type InternalLoanProblem,
  type InternalLoanTerms,
  type InternalRepayment,
  internalLoanOn,
  maxInternalLoan,
  repaymentPunctuality,
  splitInternalRepayment,
} from "./internal-loans.js";

/** 10,000.00 at 2 % a month, flat, over 5 months, issued 15 January 2026. */
const loan = (over: Partial<InternalLoanTerms> = {}): InternalLoanTerms => ({
  principal: 1_000_000n,
  monthlyRate: new Decimal("0.02"),
  method: "flat",
  termMonths: 5,
  issuedOn: "2026-01-15",
  ...over,
});

const DUE_DATES = ["2026-02-15", "2026-03-15", "2026-04-15", "2026-05-15", "2026-06-15"];

/** Records payments as a treasurer would: each split on its date against what is then owed. */
function repay(terms: InternalLoanTerms, payments: ReadonlyArray<[string, bigint]>): InternalRepayment[] {
  const recorded: InternalRepayment[] = [];
  for (const [on, amount] of payments)
    recorded.push({ on, ...splitInternalRepayment(terms, recorded, on, amount) });
  return recorded;
}

function problemOf(run: () => unknown): InternalLoanProblem | null {
  try {
    run();
  } catch (e) {
    if (e instanceof InternalLoanError) return e.problem;
    throw e;
  }
  return null;
}

describe("addMonths", () => {
  it("keeps the day of month, or clamps it to the month's last day", () => {
    expect(addMonths("2026-01-15", 1)).toBe("2026-02-15");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2025-12-31", 2)).toBe("2026-02-28");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
  });

  it("counts from the original date, so 31 January + 2 months is 31 March", () => {
    expect(addMonths("2024-01-31", 2)).toBe("2024-03-31");
    expect(addMonths("2024-01-31", 3)).toBe("2024-04-30");
  });
});

describe("internal loans, worked by hand", () => {
  it("flat, repaid on schedule: 200.00 of interest each month, 1,000.00 in all", () => {
    const terms = loan();
    const recorded = repay(
      terms,
      DUE_DATES.map((d): [string, bigint] => [d, 220_000n]),
    );
    expect(recorded.map((r) => [r.interest, r.principal])).toEqual(Array(5).fill([20_000n, 200_000n]));
    const end = internalLoanOn(terms, recorded, "2026-06-15");
    expect(end).toMatchObject({
      principalOutstanding: 0n,
      interestCharged: 100_000n,
      owed: 0n,
      closed: true,
    });
    expect(end.installments.map((i) => [i.dueOn, i.principal, i.interest, i.paidOn])).toEqual(
      DUE_DATES.map((d) => [d, 200_000n, 20_000n, d]),
    );
    // No sixth month: the last repayment, on the first day of month 6, came before its interest.
    expect(internalLoanOn(terms, recorded, "2027-01-01").interestCharged).toBe(100_000n);
    expect(repaymentPunctuality(terms, recorded, "2026-01-01", "2026-12-31")).toEqual({ due: 5, onTime: 5 });
  });

  it("declining, repaid on schedule: 200, 160, 120, 80 and 40, 600.00 in all", () => {
    const terms = loan({ method: "declining" });
    const recorded = repay(terms, [
      ["2026-02-15", 220_000n],
      ["2026-03-15", 216_000n],
      ["2026-04-15", 212_000n],
      ["2026-05-15", 208_000n],
      ["2026-06-15", 204_000n],
    ]);
    expect(recorded.map((r) => r.interest)).toEqual([20_000n, 16_000n, 12_000n, 8_000n, 4_000n]);
    expect(recorded.every((r) => r.principal === 200_000n)).toBe(true);
    const end = internalLoanOn(terms, recorded, "2027-01-01");
    expect(end).toMatchObject({ interestCharged: 60_000n, interestPaid: 60_000n, closed: true, daysLate: 0 });
  });

  it("charges the next month's interest only once its first day is over", () => {
    const terms = loan();
    const onDueDate = internalLoanOn(terms, [], "2026-02-15");
    expect(onDueDate).toMatchObject({ interestCharged: 20_000n, owed: 1_020_000n, daysLate: 0 });
    expect(onDueDate.installments[1]?.interest).toBe(0n);
    const dayAfter = internalLoanOn(terms, [], "2026-02-16");
    expect(dayAfter).toMatchObject({
      interestCharged: 40_000n,
      principalOverdue: 200_000n,
      interestOverdue: 20_000n,
      daysLate: 1,
    });
  });

  it("early full repayment in month 2 pays the interest of months 1 and 2 only", () => {
    for (const method of INTEREST_METHODS) {
      const terms = loan({ method });
      expect(internalLoanOn(terms, [], "2026-03-01").owed).toBe(1_040_000n);
      const recorded = repay(terms, [["2026-03-01", 1_040_000n]]);
      expect(recorded).toEqual([{ on: "2026-03-01", interest: 40_000n, principal: 1_000_000n }]);
      const later = internalLoanOn(terms, recorded, "2027-01-01");
      expect(later).toMatchObject({ interestCharged: 40_000n, owed: 0n, closed: true, daysLate: 0 });
      expect(later.installments.map((i) => i.interest)).toEqual([20_000n, 20_000n, 0n, 0n, 0n]);
      expect(later.installments.map((i) => i.paidOn)).toEqual(Array(5).fill("2026-03-01"));
    }
  });

  it("a full repayment on the first due date costs one month of interest", () => {
    const recorded = repay(loan(), [["2026-02-15", 1_020_000n]]);
    expect(recorded).toEqual([{ on: "2026-02-15", interest: 20_000n, principal: 1_000_000n }]);
  });

  it("does not count a prepaid installment as paid before its month's interest is known", () => {
    const recorded = repay(loan(), [["2026-02-15", 420_000n]]); // month 1's interest, two parts of principal
    const paidOn = (on: string) => internalLoanOn(loan(), recorded, on).installments.map((i) => i.paidOn);
    expect(paidOn("2026-02-15")).toEqual(["2026-02-15", null, null, null, null]);
    // A loan returned on its issue day is charged nothing, and every installment is paid that day.
    const returned = repay(loan(), [["2026-01-15", 1_000_000n]]);
    expect(internalLoanOn(loan(), returned, "2026-12-31")).toMatchObject({
      interestCharged: 0n,
      closed: true,
    });
    expect(internalLoanOn(loan(), returned, "2026-01-15").installments[4]?.paidOn).toBe("2026-01-15");
  });

  it("a late flat loan keeps costing 200.00 a month after its term", () => {
    const state = internalLoanOn(loan(), [], "2026-09-01");
    // Months begin on 15 January, 15 February, …, 15 August: eight of them.
    expect(state).toMatchObject({
      interestCharged: 160_000n,
      owed: 1_160_000n,
      principalOverdue: 1_000_000n,
      interestOverdue: 140_000n,
      daysLate: 198,
      closed: false,
    });
    expect(state.installments.slice(5).map((i) => [i.number, i.dueOn, i.principal, i.interest])).toEqual([
      [6, "2026-07-15", 0n, 20_000n],
      [7, "2026-08-15", 0n, 20_000n],
      [8, "2026-09-15", 0n, 20_000n],
    ]);
  });

  it("a late declining loan keeps costing interest on the principal left", () => {
    const terms = loan({ method: "declining" });
    const onTime = repay(terms, [
      ["2026-02-15", 220_000n],
      ["2026-03-15", 216_000n],
      ["2026-04-15", 212_000n],
      ["2026-05-15", 208_000n],
    ]);
    // 2,000.00 left from 15 May: 40.00 for each of months 5, 6, 7 and 8.
    const late = internalLoanOn(terms, onTime, "2026-08-20");
    expect(late).toMatchObject({
      principalOutstanding: 200_000n,
      interestCharged: 72_000n,
      interestOwed: 16_000n,
      owed: 216_000n,
      principalOverdue: 200_000n,
      interestOverdue: 12_000n,
      daysLate: 66,
    });
    const final = splitInternalRepayment(terms, onTime, "2026-08-20", 216_000n);
    expect(final).toEqual({ interest: 16_000n, principal: 200_000n });
    const settled = [...onTime, { on: "2026-08-20", ...final }];
    expect(internalLoanOn(terms, settled, "2027-01-01")).toMatchObject({
      interestCharged: 72_000n,
      closed: true,
    });
    // Installments 1–4 on time, 5–7 late; 8 (interest only, due 15 September) paid before its due date.
    expect(repaymentPunctuality(terms, settled, "2026-01-01", "2026-12-31")).toEqual({ due: 8, onTime: 5 });
  });

  it("a loan issued on 31 January falls due on the last day of shorter months", () => {
    const terms = loan({ principal: 300_000n, termMonths: 3, method: "declining", issuedOn: "2024-01-31" });
    const recorded = repay(terms, [
      ["2024-02-29", 106_000n],
      ["2024-03-31", 104_000n],
      ["2024-04-30", 102_000n],
    ]);
    expect(recorded.map((r) => r.interest)).toEqual([6_000n, 4_000n, 2_000n]);
    const end = internalLoanOn(terms, recorded, "2024-12-31");
    expect(end.installments.map((i) => [i.dueOn, i.paidOn])).toEqual([
      ["2024-02-29", "2024-02-29"],
      ["2024-03-31", "2024-03-31"],
      ["2024-04-30", "2024-04-30"],
    ]);
    expect(end.closed).toBe(true);
    const flat = { ...terms, method: "flat" as const, issuedOn: "2025-01-31" };
    expect(internalLoanOn(flat, [], "2025-03-31").interestCharged).toBe(12_000n);
    expect(internalLoanOn(flat, [], "2025-04-01").interestCharged).toBe(18_000n);
    expect(internalLoanOn(flat, [], "2025-04-01").installments.map((i) => i.dueOn)).toEqual([
      "2025-02-28",
      "2025-03-31",
      "2025-04-30",
    ]);
  });

  it("puts the residue of the principal in the last installment", () => {
    const state = internalLoanOn(loan({ principal: 1_000_003n }), [], "2026-01-15");
    const parts = state.installments.map((i) => i.principal);
    expect(parts).toEqual([...Array(4).fill(200_000n), 200_003n]);
  });

  it("counts an installment paid late as due but not on time", () => {
    const terms = loan();
    const recorded = repay(terms, [
      ["2026-02-15", 220_000n],
      ["2026-03-20", 240_000n], // months 2 and 3 of interest, installment 2's principal, five days late
      ["2026-04-15", 200_000n], // month 4 has not begun: all principal for installment 3
    ]);
    expect(recorded[1]).toMatchObject({ interest: 40_000n, principal: 200_000n });
    expect(recorded[2]).toMatchObject({ interest: 0n, principal: 200_000n });
    expect(repaymentPunctuality(terms, recorded, "2026-01-01", "2026-04-30")).toEqual({ due: 3, onTime: 2 });
    expect(repaymentPunctuality(terms, recorded, "2026-03-01", "2026-03-31")).toEqual({ due: 1, onTime: 0 });
    expect(repaymentPunctuality(terms, recorded, "2025-01-01", "2025-12-31")).toEqual({ due: 0, onTime: 0 });
  });
});

describe("refusals", () => {
  it("refuses a repayment larger than what is owed, naming the amount owed", () => {
    const run = () => splitInternalRepayment(loan(), [], "2026-03-01", 1_040_001n);
    expect(run).toThrow(RangeError);
    expect(run).toThrow(expect.objectContaining({ problem: "over-owed", owed: 1_040_000n }));
    const closed = repay(loan(), [["2026-03-01", 1_040_000n]]);
    expect(problemOf(() => splitInternalRepayment(loan(), closed, "2026-04-01", 1n))).toBe("over-owed");
  });

  it("refuses a repayment of zero or less", () => {
    expect(problemOf(() => splitInternalRepayment(loan(), [], "2026-02-01", 0n))).toBe("invalid-amount");
  });

  it("refuses terms that make no loan", () => {
    const on = "2026-02-01";
    expect(problemOf(() => internalLoanOn(loan({ principal: 0n }), [], on))).toBe("invalid-principal");
    expect(problemOf(() => internalLoanOn(loan({ termMonths: 0 }), [], on))).toBe("invalid-term");
    expect(problemOf(() => internalLoanOn(loan({ termMonths: 1.5 }), [], on))).toBe("invalid-term");
    expect(problemOf(() => internalLoanOn(loan({ monthlyRate: new Decimal(-0.01) }), [], on))).toBe(
      "invalid-rate",
    );
    expect(problemOf(() => internalLoanOn(loan({ issuedOn: "2026-02-30" }), [], on))).toBe("invalid-date");
    expect(problemOf(() => internalLoanOn(loan(), [], "2026-1-5"))).toBe("invalid-date");
    expect(problemOf(() => internalLoanOn(loan(), [], "2026-01-14"))).toBe("before-issue");
    const backwards = () => repaymentPunctuality(loan(), [], "2026-05-01", "2026-04-30");
    expect(problemOf(backwards)).toBe("invalid-period");
  });

  it("refuses repayments that cannot have happened, naming the repayment", () => {
    const on = "2026-12-31";
    const bad = (r: InternalRepayment) => problemOf(() => internalLoanOn(loan(), [r], on));
    expect(bad({ on: "2026-01-14", interest: 0n, principal: 1n })).toBe("before-issue");
    expect(bad({ on: "2026-13-01", interest: 0n, principal: 1n })).toBe("invalid-date");
    expect(bad({ on: "2026-02-01", interest: -1n, principal: 2n })).toBe("negative-repayment");
    expect(bad({ on: "2026-02-01", interest: 0n, principal: 1_000_001n })).toBe("principal-over-outstanding");
    expect(bad({ on: "2026-01-15", interest: 1n, principal: 0n })).toBe("interest-over-owed");
    const twice = [
      { on: "2026-02-01", interest: 0n, principal: 600_000n },
      { on: "2026-02-01", interest: 0n, principal: 600_000n },
    ];
    expect(() => internalLoanOn(loan(), twice, on)).toThrow(expect.objectContaining({ repayment: 1 }));
  });

  it("refuses a repayment dated before one already recorded", () => {
    const recorded = repay(loan(), [["2026-02-15", 220_000n]]);
    expect(problemOf(() => splitInternalRepayment(loan(), recorded, "2026-02-10", 1_000n))).toBe(
      "backdated-repayment",
    );
  });
});

describe("maxInternalLoan", () => {
  it("is savings times the multiple, rounded down", () => {
    expect(maxInternalLoan(150_050n, new Decimal("2.5"))).toBe(375_125n);
    expect(maxInternalLoan(33_333n, new Decimal("1.5"))).toBe(49_999n);
    expect(maxInternalLoan(0n, new Decimal(3))).toBe(0n);
    expect(problemOf(() => maxInternalLoan(-1n, new Decimal(3)))).toBe("negative-input");
  });
});

const issueDates = fc.oneof(
  fc.integer({ min: 0, max: 3_000 }).map((n) => addDays("2020-01-01", n)),
  fc.integer({ min: 0, max: 100 }).map((n) => addDays(addMonths("2020-02-01", n), -1)), // month ends
);

const termsArb: fc.Arbitrary<InternalLoanTerms> = fc.record({
  principal: fc.bigInt({ min: 1n, max: 1_000_000_000n }),
  monthlyRate: fc.integer({ min: 0, max: 1_000 }).map((n) => new Decimal(n).div(10_000)),
  method: fc.constantFrom(...INTEREST_METHODS),
  termMonths: fc.integer({ min: 1, max: 24 }),
  issuedOn: issueDates,
});

const stepsArb = fc.array(
  fc.record({
    gap: fc.integer({ min: 0, max: 70 }),
    perMille: fc.integer({ min: 1, max: 1_000 }),
    whole: fc.boolean(),
  }),
  { maxLength: 12 },
);

const sum = (xs: readonly bigint[]) => xs.reduce((s, x) => s + x, 0n);

describe("internal loans, properties", () => {
  it("any sequence of repayments keeps principal = P − Σ principal paid ≥ 0 and interest owed ≥ 0", () => {
    fc.assert(
      fc.property(termsArb, stepsArb, fc.integer({ min: 0, max: 400 }), (terms, steps, after) => {
        const recorded: InternalRepayment[] = [];
        let on = terms.issuedOn;
        for (const step of steps) {
          on = addDays(on, step.gap);
          const before = internalLoanOn(terms, recorded, on);
          if (before.owed === 0n) break;
          const share = (before.owed * BigInt(step.perMille)) / 1_000n;
          const amount = step.whole ? before.owed : share > 0n ? share : 1n;
          const split = splitInternalRepayment(terms, recorded, on, amount);
          expect(split.interest + split.principal).toBe(amount);
          expect(split.interest).toBe(amount < before.interestOwed ? amount : before.interestOwed);
          recorded.push({ on, ...split });
          const state = internalLoanOn(terms, recorded, on);
          expect(state.principalOutstanding).toBe(terms.principal - sum(recorded.map((r) => r.principal)));
          expect(state.principalOutstanding >= 0n).toBe(true);
          expect(state.interestOwed >= 0n).toBe(true);
          expect(state.owed).toBe(before.owed - amount);
        }
        const later = internalLoanOn(terms, recorded, addDays(on, after));
        expect(later.principalOutstanding).toBe(terms.principal - sum(recorded.map((r) => r.principal)));
        expect(later.interestOwed >= 0n).toBe(true);
        expect(later.closed).toBe(later.owed === 0n);
        expect(later.daysLate > 0).toBe(later.principalOverdue + later.interestOverdue > 0n);
        expect(sum(later.installments.map((i) => i.interest))).toBe(later.interestCharged);
      }),
    );
  });

  it("splits any amount up to what is owed into interest first, then principal", () => {
    fc.assert(
      fc.property(termsArb, fc.integer({ min: 0, max: 900 }), fc.bigInt({ min: 1n }), (terms, days, seed) => {
        const on = addDays(terms.issuedOn, days);
        const state = internalLoanOn(terms, [], on);
        const amount = 1n + (seed % state.owed);
        const split = splitInternalRepayment(terms, [], on, amount);
        expect(split.interest + split.principal).toBe(amount);
        expect(split.interest).toBe(amount < state.interestOwed ? amount : state.interestOwed);
        expect(split.principal >= 0n).toBe(true);
      }),
    );
  });

  it("schedules principal parts that sum to the principal, equal but for the last", () => {
    fc.assert(
      fc.property(termsArb, fc.integer({ min: 0, max: 900 }), (terms, days) => {
        const parts = internalLoanOn(terms, [], addDays(terms.issuedOn, days)).installments.map(
          (i) => i.principal,
        );
        expect(sum(parts)).toBe(terms.principal);
        const scheduled = parts.slice(0, terms.termMonths);
        expect(new Set(scheduled.slice(0, -1)).size <= 1).toBe(true);
        expect(scheduled.every((p) => p >= 0n && p <= scheduled.at(-1)!)).toBe(true);
        expect(parts.slice(terms.termMonths).every((p) => p === 0n)).toBe(true);
      }),
    );
  });

  it("never counts more installments on time than fell due", () => {
    fc.assert(
      fc.property(termsArb, stepsArb, fc.integer({ min: 0, max: 400 }), (terms, steps, span) => {
        const recorded: InternalRepayment[] = [];
        let on = terms.issuedOn;
        for (const step of steps) {
          on = addDays(on, step.gap);
          const owed = internalLoanOn(terms, recorded, on).owed;
          if (owed === 0n) break;
          const amount = step.whole ? owed : 1n + ((owed - 1n) * BigInt(step.perMille)) / 1_000n;
          recorded.push({ on, ...splitInternalRepayment(terms, recorded, on, amount) });
        }
        const from = addDays(terms.issuedOn, span % 60);
        const { due, onTime } = repaymentPunctuality(terms, recorded, from, addDays(from, span));
        expect(onTime).toBeGreaterThanOrEqual(0);
        expect(onTime).toBeLessThanOrEqual(due);
      }),
    );
  });
});
