import { addDays } from "@qadam/core/clock";
import { SATURDAY_SUNDAY } from "@qadam/core/loans/calendar";
import { contractedInstallments, type InstallmentState } from "@qadam/core/loans/engine";
import { productFrom, productSpec } from "@qadam/core/loans/product-spec";
import { type ReplayEvent, type ReplayStart, replayLoan } from "@qadam/core/loans/replay";
import { buildSchedule } from "@qadam/core/loans/schedule";
import { money } from "@qadam/core/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MONTHLY_24 } from "./testing.js";

const spec = productSpec.parse(MONTHLY_24);
const product = productFrom(spec);
const calendar = { ...SATURDAY_SUNDAY, holidays: [] };

/** 100 000 at 24 % over 12 months from 15 January 2026, as disbursed. */
function start(over: Partial<ReplayStart> = {}): ReplayStart {
  const schedule = buildSchedule({
    ...product,
    principal: money(10_000_000n, "KZT"),
    installments: 12,
    disbursedOn: "2026-01-15",
    firstDueOn: "2026-02-15",
    calendar,
  });
  const rows: InstallmentState[] = contractedInstallments(schedule, "2026-01-15");
  return {
    spec,
    product,
    currency: "KZT",
    calendar,
    principal: 10_000_000n,
    disbursedOn: "2026-01-15",
    schedule: rows,
    storedPlans: [],
    nextPlan: 2,
    penaltyRuns: [],
    penaltyThrough: "2026-01-15",
    ...over,
  };
}

describe("replaying a loan's history by value date", () => {
  it("charges a later penalty run nothing when the installment was paid on its due date", () => {
    const runs = { penaltyRuns: ["2026-02-28"], penaltyThrough: "2026-02-28" };
    const onTime = replayLoan(start(runs), [
      { key: "a", kind: "repayment", on: "2026-02-16", amount: 945_596n },
    ]);
    expect(onTime.charges).toEqual([]);
    expect(onTime.events[0]?.allocations.map((a) => a.component)).toEqual(["interest", "principal"]);
    // Paid on 28 February instead: the run of that day charges 12 days × 0.5 % × 9 455.96 first.
    const late = replayLoan(start(runs), [
      { key: "a", kind: "repayment", on: "2026-02-28", amount: 945_596n },
    ]);
    expect(late.charges).toEqual([
      { on: "2026-02-28", charges: [{ plan: 1, number: 1, component: "charge", minor: 56_736n }] },
    ]);
    expect(late.events[0]?.allocations[0]).toEqual({
      plan: 1,
      number: 1,
      component: "penalty",
      minor: 56_736n,
    });
  });

  it("keeps the number of a stored plan it makes again, and numbers a different one afresh", () => {
    const prepay: ReplayEvent = { key: "p", kind: "prepayment", on: "2026-03-02", amount: 3_000_000n };
    const first = replayLoan(start(), [prepay]);
    const made = first.rows.filter((r) => r.plan === 2);
    expect(made.length).toBeGreaterThan(0);
    const stored = { storedPlans: [{ plan: 7, plannedOn: "2026-03-02", rows: made }], nextPlan: 8 };
    expect(new Set(replayLoan(start(stored), [prepay]).rows.map((r) => r.plan))).toEqual(new Set([1, 7]));
    const other = replayLoan(start(stored), [{ ...prepay, amount: 2_000_000n }]);
    expect(new Set(other.rows.map((r) => r.plan))).toEqual(new Set([1, 8]));
  });

  it("neither loses nor invents a tiyn, whatever order the events come in", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            day: fc.integer({ min: 0, max: 500 }),
            amount: fc.bigInt({ min: 1n, max: 3_000_000n }),
            prepay: fc.boolean(),
          }),
          { minLength: 1, maxLength: 8, selector: (e) => e.day },
        ),
        fc.integer({ min: 0, max: 500 }),
        (list, run) => {
          const events: ReplayEvent[] = list.map((e, k) => ({
            key: String(k),
            kind: e.prepay ? "prepayment" : "repayment",
            on: addDays("2026-01-15", e.day),
            amount: e.amount,
          }));
          const runs = { penaltyRuns: [addDays("2026-01-15", run)] };
          const forward = replayLoan(start(runs), events);
          const backward = replayLoan(start(runs), [...events].reverse());
          expect(backward).toEqual(forward);
          const paid = forward.events.reduce(
            (s, e) => s + e.advance + e.allocations.reduce((t, a) => t + a.minor, 0n),
            0n,
          );
          expect(paid).toBe(list.reduce((s, e) => s + e.amount, 0n));
          const charged = forward.charges.reduce(
            (s, c) => s + c.charges.reduce((t, a) => t + a.minor, 0n),
            0n,
          );
          expect(forward.rows.reduce((s, r) => s + r.penalty, 0n)).toBe(charged);
        },
      ),
    );
  });
});
