import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { FREQUENCIES } from "./calendar.js";
import { previewOptions, type schedulePreviewSchema } from "./preview.js";
import { type PreviewTermsOptions, readPreviewOptions, type SchedulePreview } from "./schedule-preview.js";

/** A value of each option as the command line would pass it: the usual spellings, and others. */
const spelt = (usual: fc.Arbitrary<string>, ...others: string[]) =>
  fc.oneof({ arbitrary: usual, weight: 9 }, { arbitrary: fc.constantFrom(...others), weight: 1 });
const amount = fc.stringMatching(/^(0|[1-9]\d{0,14})(\.\d{1,6})?$/);
const date = fc
  .date({ min: new Date("1800-01-01"), max: new Date("2200-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const count = fc.integer({ min: -1, max: 1_201 }).map(String);

const required = {
  principal: spelt(amount, "1e5", " 100", "-5", "01", "1.", ".5", "1.1234567", "", "0x10"),
  annualRate: spelt(fc.stringMatching(/^\d{1,3}(\.\d{1,4})?$/), "24.", ".5", "-1", "1e2", " 24", "", "24%"),
  installments: spelt(
    count,
    "0",
    "1200",
    "1201",
    "012",
    "1e1",
    " 12",
    "12.0",
    "0x10",
    "",
    "1.5",
    "Infinity",
    "99999999999",
  ),
  disbursed: spelt(
    date,
    "2026-02-30",
    "2026-1-5",
    "1799-12-31",
    "0999-01-01",
    "2023-02-29",
    "2026-01-15T00:00",
    "",
  ),
  firstDue: spelt(date, "2026-11-31", "20260215", ""),
};
const optional = {
  currency: spelt(fc.constantFrom("KZT", "usd", "JPY", "Kzt"), "KZ", "KZTT", "K1T", ""),
  frequency: spelt(fc.constantFrom(...FREQUENCIES), "daily", "Monthly", ""),
  interest: spelt(fc.constantFrom("declining", "flat"), "Flat", ""),
  amortization: spelt(fc.constantFrom("equal-installments", "equal-principal"), "annuity"),
  interestPeriod: spelt(fc.constantFrom("repayment", "actual"), "actual/365"),
  firstPeriod: spelt(fc.constantFrom("pro-rata", "full"), "partial", ""),
  daysInYear: spelt(fc.constantFrom("365", "360"), "366", "0", "toString", "0365", "365.0", "3.65e2", ""),
  gracePrincipal: spelt(count, "-1", "00", "1.5", "1e1", "", " 1", "9999999"),
  graceInterest: spelt(count, "01", "-0", "2.0"),
  rounding: spelt(amount, "10.", "+1", "1e2"),
  feeDisbursement: spelt(fc.stringMatching(/^\d{1,4}(\.\d{1,2})?%?$/), "%", "2%%", "-2%", "1e2", " 2%"),
  feeInstallment: spelt(amount, "+1", "1,5"),
  holidays: spelt(
    fc.array(date, { minLength: 1, maxLength: 3 }).map((ds) => ds.join(",")),
    "2026-03-08,",
    "2026-02-30",
    "",
  ),
};
/** Now and then something else: a value left undefined, a number, an option no schema has, one left out. */
const odd = fc.record(
  {
    holidays: fc.constant(undefined),
    rounding: fc.constant(undefined),
    installments: fc.constant(12),
    json: fc.constant(true),
    unknown: fc.constant("1"),
  },
  { requiredKeys: [] },
);
/** Null four times in five. */
const seldom = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary, weight: 1 });
const flags = fc
  .tuple(
    fc.record(required),
    fc.record(optional, { requiredKeys: [] }),
    seldom(odd),
    seldom(fc.constantFrom(...(Object.keys(required) as Array<keyof typeof required>))),
  )
  .map(([r, o, x, left]) => {
    const raw: Record<string, unknown> = { ...r, ...o, ...(x ?? {}) };
    if (left !== null) delete raw[left];
    return raw;
  });

describe("the preview's options read without Zod", () => {
  it("are read as previewOptions reads them, whenever they are read at all", () => {
    let read = 0;
    fc.assert(
      fc.property(flags, (raw) => {
        const plain = readPreviewOptions(raw);
        if (plain === null) return;
        read++;
        const parsed = previewOptions.safeParse(raw);
        expect(parsed.success, JSON.stringify(raw)).toBe(true);
        expect(plain).toEqual(parsed.data);
      }),
      { numRuns: 3000 },
    );
    // Not a property that holds by reading nothing: a good share of the runs were read.
    expect(read).toBeGreaterThan(100);
  });

  it("read every option in its usual spelling (the command line's own path, Zod left unloaded)", () => {
    const usual = fc
      .tuple(
        fc.record({
          principal: amount,
          annualRate: fc.stringMatching(/^\d{1,3}(\.\d{1,4})?$/),
          installments: fc.integer({ min: 1, max: 1200 }).map(String),
          disbursed: date,
          firstDue: date,
        }),
        fc.record(
          {
            currency: fc.constantFrom("KZT", "usd"),
            frequency: fc.constantFrom(...FREQUENCIES),
            gracePrincipal: fc.nat(50).map(String),
            graceInterest: fc.nat(50).map(String),
            rounding: amount,
            feeDisbursement: fc.stringMatching(/^\d{1,4}(\.\d{1,2})?%?$/),
            feeInstallment: amount,
            holidays: date,
          },
          { requiredKeys: [] },
        ),
      )
      .map(([r, o]) => ({ ...r, ...o }));
    fc.assert(
      fc.property(usual, (raw) => {
        const plain = readPreviewOptions(raw);
        expect(plain, JSON.stringify(raw)).not.toBeNull();
        expect(plain).toEqual(previewOptions.parse(raw));
      }),
      { numRuns: 500 },
    );
  });

  it("leave to Zod what only its coercions accept, and anything not an option or not text", () => {
    const terms = {
      principal: "100000",
      annualRate: "24",
      installments: "12",
      disbursed: "2026-01-15",
      firstDue: "2026-02-15",
    };
    expect(readPreviewOptions(terms)).toMatchObject({ installments: 12, currency: "KZT", gracePrincipal: 0 });
    for (const odd of [
      { installments: "012" },
      { installments: "1e1" },
      { installments: " 12" },
      { gracePrincipal: "1.0" },
      { daysInYear: "0360", interestPeriod: "actual" },
      { installments: 12 },
      { json: true },
    ]) {
      expect(readPreviewOptions({ ...terms, ...odd }), JSON.stringify(odd)).toBeNull();
      expect(previewOptions.safeParse({ ...terms, ...odd }).success, JSON.stringify(odd)).toBe(
        !("json" in odd),
      );
    }
  });

  it("and the answer, have the types the schemas give them", () => {
    expectTypeOf<z.output<typeof previewOptions>>().toEqualTypeOf<PreviewTermsOptions>();
    expectTypeOf<z.output<typeof schedulePreviewSchema>>().toEqualTypeOf<SchedulePreview>();
  });
});
