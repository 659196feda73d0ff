import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ALLOCATION_ORDERS,
  type AllocationOrder,
  allocatePayment,
  COMPONENTS,
  type Owed,
} from "./allocation.js";
import { arrearsOn, bucketOf, portfolioAtRisk } from "./arrears.js";

const owe = (
  number: number,
  dueDate: string,
  penalty: bigint,
  fee: bigint,
  interest: bigint,
  principal: bigint,
): Owed => ({
  number,
  dueDate,
  outstanding: { penalty, fee, interest, principal },
});

describe("allocating a repayment", () => {
  const owed = [
    owe(2, "2026-03-16", 0n, 0n, 1_850n, 7_605n),
    owe(1, "2026-02-16", 50n, 100n, 2_000n, 7_455n),
  ];

  it("pays the oldest installment first, penalties → fees → interest → principal", () => {
    expect(allocatePayment(10_000n, owed, "penalties-fees-interest-principal")).toEqual({
      allocations: [
        { number: 1, component: "penalty", minor: 50n },
        { number: 1, component: "fee", minor: 100n },
        { number: 1, component: "interest", minor: 2_000n },
        { number: 1, component: "principal", minor: 7_455n },
        { number: 2, component: "interest", minor: 395n },
      ],
      overpayment: 0n,
    });
  });

  it("can put principal first, and keeps any overpayment", () => {
    const result = allocatePayment(20_000n, owed, "principal-interest-fees-penalties");
    expect(result.allocations[0]).toEqual({ number: 1, component: "principal", minor: 7_455n });
    expect(result.overpayment).toBe(20_000n - 19_060n);
  });

  it("never loses or invents money, never pays more than owed, and respects the order", () => {
    const owedArb = fc.array(
      fc.record({
        day: fc.integer({ min: 1, max: 28 }),
        parts: fc.tuple(
          fc.bigInt({ min: 0n, max: 10_000n }),
          fc.bigInt({ min: 0n, max: 10_000n }),
          fc.bigInt({ min: 0n, max: 10_000n }),
          fc.bigInt({ min: 0n, max: 10_000n }),
        ),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        owedArb,
        fc.bigInt({ min: 1n, max: 200_000n }),
        fc.constantFrom(...(Object.keys(ALLOCATION_ORDERS) as AllocationOrder[])),
        (rows, amount, order) => {
          const list = rows.map((r, i) =>
            owe(i + 1, `2026-02-${String(r.day).padStart(2, "0")}`, ...r.parts),
          );
          const { allocations, overpayment } = allocatePayment(amount, list, order);
          const paid = allocations.reduce((s, a) => s + a.minor, 0n);
          expect(paid + overpayment).toBe(amount);
          for (const a of allocations) {
            const inst = list.find((l) => l.number === a.number);
            expect(a.minor > 0n && a.minor <= (inst?.outstanding[a.component] ?? 0n)).toBe(true);
          }
          // Everything before the last allocation was paid in full.
          allocations.slice(0, -1).forEach((a) => {
            expect(a.minor).toBe(list.find((l) => l.number === a.number)?.outstanding[a.component]);
          });
          if (overpayment > 0n) {
            const owedTotal = list.reduce(
              (s, l) => s + COMPONENTS.reduce((t, c) => t + l.outstanding[c], 0n),
              0n,
            );
            expect(paid).toBe(owedTotal);
          }
        },
      ),
    );
  });
});

describe("arrears", () => {
  const owed = [
    owe(1, "2026-02-16", 0n, 0n, 0n, 0n),
    owe(2, "2026-03-16", 0n, 0n, 1_000n, 5_000n),
    owe(3, "2026-04-15", 0n, 0n, 900n, 5_100n),
  ];

  it("counts days past due from the oldest installment not fully paid", () => {
    expect(arrearsOn("2026-03-16", owed)).toMatchObject({ daysPastDue: 0, bucket: "current" });
    expect(arrearsOn("2026-03-17", owed)).toMatchObject({
      daysPastDue: 1,
      bucket: "1-30",
      overdue: { interest: 1_000n, principal: 5_000n },
    });
    expect(arrearsOn("2026-04-20", owed)).toMatchObject({
      daysPastDue: 35,
      bucket: "31-60",
      overdue: { interest: 1_900n, principal: 10_100n },
    });
  });

  it("puts days past due in the usual buckets", () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, 180, 181].map(bucketOf)).toEqual([
      "current",
      "1-30",
      "1-30",
      "31-60",
      "31-60",
      "61-90",
      "61-90",
      "91-180",
      "91-180",
      "over-180",
    ]);
  });

  it("computes PAR30 on the whole outstanding principal of late loans", () => {
    const par = portfolioAtRisk(
      [
        { principal: 100_000n, daysPastDue: 0 },
        { principal: 50_000n, daysPastDue: 31 },
        { principal: 50_000n, daysPastDue: 30 },
      ],
      30,
    );
    expect(par).toEqual({ atRisk: 50_000n, portfolio: 200_000n, ratio: "0.250000" });
    expect(portfolioAtRisk([], 30).ratio).toBe("0.000000");
  });
});
