import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CashFlow, disclosedPercent, effectiveAnnualRate } from "./effective-rate.js";

describe("the effective annual rate (ГЭСВ)", () => {
  it("gives 55.95 % for 3.72 % per 30-day period (the reference's check), disclosed as 56.0", () => {
    // One period: receive 100,000.00, pay 103,720.00 after 30 days: R = 1.0372^(365/30) − 1.
    const rate = effectiveAnnualRate([
      { day: 0, minor: 10_000_000n },
      { day: 30, minor: -10_372_000n },
    ]);
    const expected = new Decimal("1.0372").pow(new Decimal(365).div(30)).minus(1);
    expect(rate?.minus(expected).abs().lt("1e-9")).toBe(true);
    expect(rate?.toFixed(4)).toBe("0.5595");
    expect(disclosedPercent(rate ?? new Decimal(0))).toBe("56.0");
  });

  it("is zero for a loan repaid without any charge", () => {
    const rate = effectiveAnnualRate([
      { day: 0, minor: 120_000n },
      { day: 30, minor: -60_000n },
      { day: 61, minor: -60_000n },
    ]);
    expect(rate?.abs().lt("1e-9")).toBe(true);
  });

  it("has no answer when every flow has one sign", () => {
    expect(effectiveAnnualRate([{ day: 0, minor: 100n }])).toBeNull();
  });

  it("reproduces a zero net present value, to 0.01 basis point, for any loan that costs something", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 10_000n, max: 10n ** 10n }),
        fc.array(
          fc.record({ gap: fc.integer({ min: 7, max: 92 }), share: fc.integer({ min: 1, max: 100 }) }),
          { minLength: 1, maxLength: 24 },
        ),
        fc.integer({ min: 0, max: 80 }),
        (principal, parts, markupPercent) => {
          const totalShare = parts.reduce((s, p) => s + p.share, 0);
          const repaid = (principal * BigInt(100 + markupPercent)) / 100n;
          let day = 0;
          const flows: CashFlow[] = [{ day: 0, minor: principal }];
          for (const p of parts) {
            day += p.gap;
            flows.push({ day, minor: -((repaid * BigInt(p.share)) / BigInt(totalShare)) });
          }
          const rate = effectiveAnnualRate(flows);
          if (rate === null) return;
          const npvAt = (i: Decimal) =>
            flows.reduce(
              (sum, f) =>
                sum.plus(new Decimal(f.minor.toString()).div(i.plus(1).pow(new Decimal(f.day).div(365)))),
              new Decimal(0),
            );
          // The root lies within 0.01 basis point of the rate found: the NPV changes sign across it…
          // (relative for absurd rates, e.g. 41 % over a week: tens of millions of percent a year)
          const step = Decimal.max("0.000001", rate.abs().times("1e-9"));
          const below = npvAt(rate.minus(step));
          const above = npvAt(rate.plus(step));
          expect(below.isZero() || above.isZero() || below.isNegative() !== above.isNegative()).toBe(true);
          // …and at the rate itself it is a negligible fraction of the amount lent.
          expect(npvAt(rate).abs().lt(new Decimal(principal.toString()).times("1e-9"))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
