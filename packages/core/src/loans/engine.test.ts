import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../clock.js";
import { divideRounded } from "../money/index.js";
import { accruedInterest, type InstallmentState } from "./engine.js";

const installment = (
  number: number,
  dueDate: string,
  interest: bigint,
  plannedOn: string,
): InstallmentState => ({
  plan: 1,
  number,
  dueDate,
  principal: 1_000_000n,
  interest,
  fee: 0n,
  penalty: 0n,
  principalPaid: 0n,
  interestPaid: 0n,
  feePaid: 0n,
  penaltyPaid: 0n,
  plannedOn,
  replacedOn: null,
});

describe("the interest accrued in the current period", () => {
  it("runs from the previous due date, or from the day a plan made mid-period was made", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 40 }),
        fc.integer({ min: 0, max: 19 }),
        fc.integer({ min: 0, max: 40 }),
        fc.bigInt({ min: 0n, max: 10_000_000n }),
        (length, plannedAfter, elapsed, interest) => {
          const disbursedOn = "2026-01-15";
          const previousDue = "2026-02-16";
          const due = addDays(previousDue, length);
          // The current installment, planned on its period's start or later (a prepayment's new plan).
          const plannedOn = addDays(previousDue, plannedAfter);
          const on = addDays(plannedOn, Math.min(elapsed, daysBetween(plannedOn, due) - 1));
          const live = [
            installment(1, previousDue, 1n, disbursedOn),
            installment(2, due, interest, plannedOn),
          ];
          const got = accruedInterest(live, disbursedOn, on);
          const days = daysBetween(plannedOn, due);
          expect(got?.start).toBe(plannedOn);
          expect(got?.accrued).toBe(
            divideRounded(interest * BigInt(daysBetween(plannedOn, on)), BigInt(days), "half-up"),
          );
          // Nothing accrued on the day the plan is made; never more than the installment's interest.
          if (on === plannedOn) expect(got?.accrued).toBe(0n);
          expect((got?.accrued ?? 0n) <= interest).toBe(true);
        },
      ),
    );
  });
});
