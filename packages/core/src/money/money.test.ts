import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRESET_DIGITS } from "./currency.js";
import {
  add,
  allocate,
  applyRate,
  CurrencyMismatchError,
  currency,
  divideRounded,
  formatMoney,
  fromJson,
  KZT,
  MoneyFormatError,
  minorDigits,
  money,
  parseMoney,
  percent,
  ROUNDING_MODES,
  rate,
  sum,
  toJson,
} from "./index.js";

const USD = currency("USD");
const JPY = currency("JPY");
const KWD = currency("KWD");

describe("currencies", () => {
  it("know their minor units", () => {
    expect([minorDigits(KZT), minorDigits(JPY), minorDigits(KWD)]).toEqual([2, 0, 3]);
  });
  it("know the preset ones exactly as ICU does", () => {
    for (const [code, digits] of PRESET_DIGITS)
      expect(
        new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions(),
      ).toMatchObject({ maximumFractionDigits: digits });
  });
  it("refuse unknown codes", () => {
    expect(() => currency("XYZ")).toThrow();
    expect(() => currency("kz")).toThrow();
  });
});

describe("rounding", () => {
  it("rounds halves and the rest as each mode says (worked examples)", () => {
    const cases: Array<[bigint, bigint, Record<string, bigint>]> = [
      [5n, 2n, { "half-up": 3n, "half-even": 2n, down: 2n, up: 3n }], // 2.5
      [7n, 2n, { "half-up": 4n, "half-even": 4n, down: 3n, up: 4n }], // 3.5
      [-5n, 2n, { "half-up": -3n, "half-even": -2n, down: -2n, up: -3n }], // -2.5
      [10n, 3n, { "half-up": 3n, "half-even": 3n, down: 3n, up: 4n }], // 3.33…
      [20n, 3n, { "half-up": 7n, "half-even": 7n, down: 6n, up: 7n }], // 6.66…
      [6n, 3n, { "half-up": 2n, "half-even": 2n, down: 2n, up: 2n }],
    ];
    for (const [n, d, expected] of cases) {
      for (const mode of ROUNDING_MODES)
        expect(divideRounded(n, d, mode), `${n}/${d} ${mode}`).toBe(expected[mode]);
    }
  });
  it("is never more than one unit from the exact quotient, and exact when it divides", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.constantFrom(...ROUNDING_MODES),
        (n, d, mode) => {
          const q = divideRounded(n, d, mode);
          const diff = q * d - n;
          expect(diff < 0n ? -diff : diff).toBeLessThan(d);
          if (n % d === 0n) expect(q).toBe(n / d);
        },
      ),
    );
  });
});

describe("money as text", () => {
  it("parses and formats decimal strings in major units", () => {
    expect(parseMoney("1250.50", "KZT")).toEqual(money(125050n, KZT));
    expect(parseMoney("1250.5", "KZT").minor).toBe(125050n);
    expect(parseMoney("-0.07", "KZT").minor).toBe(-7n);
    expect(formatMoney(money(125050n, KZT))).toBe("1250.50");
    expect(formatMoney(money(-7n, KZT))).toBe("-0.07");
    expect(formatMoney(money(1500n, JPY))).toBe("1500");
    expect(formatMoney(money(1n, KWD))).toBe("0.001");
    expect(toJson(money(99999999999999999n, KZT))).toEqual({ amount: "999999999999999.99", currency: "KZT" });
  });
  it("refuses more decimals than the currency has, and anything that is not a decimal", () => {
    for (const bad of ["1.234", "1e3", "1,5", "", "abc", "1.", ".5", "--1", "0x10", "Infinity"]) {
      expect(() => parseMoney(bad, "KZT"), bad).toThrow(MoneyFormatError);
    }
    expect(() => parseMoney("1.5", "JPY")).toThrow(MoneyFormatError);
  });
  it("round-trips every amount through text and JSON", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.constantFrom(KZT, JPY, KWD, USD),
        (minor, cur) => {
          const m = money(minor, cur);
          expect(parseMoney(formatMoney(m), cur)).toEqual(m);
          expect(fromJson(toJson(m))).toEqual(m);
        },
      ),
    );
  });
});

describe("arithmetic", () => {
  it("refuses to mix currencies", () => {
    expect(() => add(money(1n, KZT), money(1n, USD))).toThrow(CurrencyMismatchError);
    expect(() => sum(KZT, [money(1n, KZT), money(1n, USD)])).toThrow(CurrencyMismatchError);
  });

  it("allocates 100.00 in three equal parts as 33.34, 33.33, 33.33", () => {
    expect(allocate(money(10000n, KZT), [1n, 1n, 1n]).map((m) => m.minor)).toEqual([3334n, 3333n, 3333n]);
  });
  it("allocates by weights with the residue to the largest remainders", () => {
    // 1000 by 1:2:3 → 166.67, 333.33, 500.00 (exact 166.666…, 333.333…, 500)
    expect(allocate(money(100000n, KZT), [1n, 2n, 3n]).map((m) => m.minor)).toEqual([16667n, 33333n, 50000n]);
    expect(allocate(money(-10000n, KZT), [1n, 1n, 1n]).map((m) => m.minor)).toEqual([-3334n, -3333n, -3333n]);
  });
  it("allocates exactly: parts sum to the whole, each within one unit of its exact share", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc
          .array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 30 })
          .filter((w) => w.some((x) => x > 0n)),
        (minor, weights) => {
          const parts = allocate(money(minor, KZT), weights);
          expect(parts.reduce((s, p) => s + p.minor, 0n)).toBe(minor);
          const total = weights.reduce((s, w) => s + w, 0n);
          parts.forEach((p, i) => {
            const exactTimesTotal = minor * (weights[i] ?? 0n);
            const diff = p.minor * total - exactTimesTotal;
            expect(diff < 0n ? -diff : diff).toBeLessThan(total);
          });
        },
      ),
    );
  });

  it("applies exact decimal rates with one explicit rounding", () => {
    // 100,000.00 × 24 % / 12 = 2,000.00 interest for a month
    expect(applyRate(money(10_000_000n, KZT), percent("24").div(12), "half-up").minor).toBe(200_000n);
    // 333.33 × 0.5 % = 1.66665 → 1.67 half-up and half-even (past the half), 1.66 down
    expect(applyRate(money(33333n, KZT), percent("0.5"), "half-up").minor).toBe(167n);
    expect(applyRate(money(33333n, KZT), percent("0.5"), "half-even").minor).toBe(167n);
    expect(applyRate(money(33333n, KZT), percent("0.5"), "down").minor).toBe(166n);
    // 0.1 + 0.2 is exactly 0.3 here
    expect(rate("0.1").plus(rate("0.2")).equals(rate("0.3"))).toBe(true);
    expect(() => rate("1e-3")).toThrow();
  });
});
