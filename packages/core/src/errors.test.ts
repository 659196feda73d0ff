import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ErrorParam, type ErrorParams, paramsFromWire, paramsToWire, phrase } from "./errors.js";

const leaf = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.record({
    minor: fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
    currency: fc.constantFrom("KZT", "USD"),
  }),
);
const params = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== "__proto__"),
  fc.oneof(
    leaf as fc.Arbitrary<ErrorParam>,
    fc
      .dictionary(
        fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== "__proto__"),
        leaf,
      )
      .map((p) => phrase("notDisbursed" as never, p)),
  ),
) as fc.Arbitrary<ErrorParams>;

describe("a problem's parameters on the wire", () => {
  it("come back from JSON exactly as they were, amounts to the tiyn", () => {
    fc.assert(
      fc.property(params, (p) => {
        expect(paramsFromWire(JSON.parse(JSON.stringify(paramsToWire(p))))).toEqual(p);
      }),
    );
  });

  it("writes an amount's minor units as a string, and refuses what it never writes", () => {
    expect(paramsToWire({ amount: { minor: 9_000_000n, currency: "KZT" }, line: 3 })).toEqual({
      amount: { minor: "9000000", currency: "KZT" },
      line: 3,
    });
    expect(paramsFromWire(null)).toBeNull();
    expect(paramsFromWire([1])).toBeNull();
    expect(paramsFromWire({ amount: { minor: 12, currency: "KZT" } })).toBeNull();
    expect(paramsFromWire({ amount: { minor: "1e5", currency: "KZT" } })).toBeNull();
    expect(paramsFromWire({ x: true })).toBeNull();
  });
});
