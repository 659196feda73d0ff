import { join } from "node:path";
import { daysBetween } from "@qadam/core/loans/calendar";
import { effectiveAnnualRate } from "@qadam/core/loans/effective-rate";
import { currency, parseMoney } from "@qadam/core/money";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../platform/db/database.js";
import { qadam, scratchDir } from "./testing.js";

const TERMS = [
  "loan",
  "schedule",
  "--principal",
  "100000",
  "--annual-rate",
  "24",
  "--installments",
  "12",
  "--disbursed",
  "2026-01-15",
  "--first-due",
  "2026-02-15",
];

describe("qadam loan schedule", () => {
  it("puts the fee at disbursement in its JSON, so that the effective rate can be recomputed from it alone", async () => {
    const res = await qadam([...TERMS, "--fee-disbursement", "2%", "--fee-installment", "150", "--json"]);
    expect(res.code).toBe(0);
    const preview = JSON.parse(res.out);
    expect(preview.disbursementFee).toBe("2000.00");
    expect(preview.disbursedOn).toBe("2026-01-15");
    // The borrower receives the principal less the fee, and pays every installment's total on its day.
    const cur = currency(preview.currency);
    const flows = [
      {
        day: 0,
        minor:
          parseMoney(preview.totals.principal, cur).minor - parseMoney(preview.disbursementFee, cur).minor,
      },
      ...preview.installments.map((i: { dueDate: string; total: string }) => ({
        day: daysBetween(preview.disbursedOn, i.dueDate),
        minor: -parseMoney(i.total, cur).minor,
      })),
    ];
    const recomputed = effectiveAnnualRate(flows);
    expect(recomputed?.minus(new Decimal(preview.effectiveAnnualRate)).abs().lt("1e-8")).toBe(true);
    // Without the fee the rate would be lower: the fee is what the JSON used to leave out.
    const withoutFee = effectiveAnnualRate([{ day: 0, minor: flows[0].minor + 200_000n }, ...flows.slice(1)]);
    expect(withoutFee?.lt(new Decimal(preview.effectiveAnnualRate))).toBe(true);
    expect(preview.warnings).toEqual([]);
  });

  it("warns, with the cap, when the effective rate is above the legal cap", async () => {
    const res = await qadam([...TERMS.map((a) => (a === "24" ? "45" : a)), "--fee-disbursement", "5%"]);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/Legal cap in force on 2026-01-15: 46\.0 %/);
    expect(res.out).toMatch(
      /Warning: The effective annual rate of this schedule is \d+\.\d %, above the legal cap of 46\.0 %/,
    );
    const json = JSON.parse(
      (await qadam([...TERMS.map((a) => (a === "24" ? "45" : a)), "--fee-disbursement", "5%", "--json"])).out,
    );
    expect(json.cap).toEqual({ maxEffectiveRatePercent: "46.0", from: "2025-06-16" });
    expect(json.warnings).toEqual([
      { code: "SCHEDULE_RATE_ABOVE_CAP", message: expect.stringContaining("46.0 %") },
    ]);
  });

  it("refuses a rounding of zero and options the interest period would ignore, instead of changing them", async () => {
    const zero = await qadam([...TERMS, "--rounding", "0"]);
    expect(zero.code).toBe(1);
    expect(zero.err).toMatch(/cannot be rounded to a multiple of 0/);
    const days = await qadam([...TERMS, "--days-in-year", "360"]);
    expect(days.code).toBe(1);
    expect(days.err).toMatch(/--days-in-year has no effect unless --interest-period actual/);
    const first = await qadam([...TERMS, "--interest-period", "actual", "--first-period", "full"]);
    expect(first.code).toBe(1);
    expect(first.err).toMatch(/--first-period has no effect unless --interest-period repayment/);
    const actual = await qadam([...TERMS, "--interest-period", "actual", "--days-in-year", "360", "--json"]);
    expect(actual.code).toBe(0);
    // 100,000 × 24 % × 32/360 from 15 January to 16 February (the 15th is a Sunday): 2,133.33.
    expect(JSON.parse(actual.out).installments[0].interest).toBe("2133.33");
  });

  it("pro-rates a broken first period unless told --first-period full", async () => {
    const broken = TERMS.map((a) =>
      a === "2026-01-15" ? "2026-01-23" : a === "2026-02-15" ? "2026-02-16" : a,
    );
    const proRata = JSON.parse((await qadam([...broken, "--json"])).out);
    // 24 days of a 31-day month: 2,000 × 24/31 = 1,548.39.
    expect(proRata.installments[0].interest).toBe("1548.39");
    const full = JSON.parse((await qadam([...broken, "--first-period", "full", "--json"])).out);
    expect(full.installments[0].interest).toBe("2000.00");
  });

  it("warns against a tenant's own cap, read from the database with --tenant", async () => {
    const url = `sqlite:${join(scratchDir("qadam-loan-cap-"), "cap.db")}`;
    expect(
      (await qadam(["tenant", "create", "--slug", "capped", "--name", "Capped", "--database-url", url])).code,
    ).toBe(0);
    const open = await openDatabase(url);
    try {
      const tenant = await open.db
        .selectFrom("tenants")
        .select("id")
        .where("slug", "=", "capped")
        .executeTakeFirstOrThrow();
      await open.db
        .insertInto("rateCaps")
        .values({ tenantId: tenant.id, validFrom: "2025-01-01", maxEffectiveRate: "25" })
        .execute();
    } finally {
      await open.close();
    }
    // 24 % a month-by-month annuity costs about 26.8 % a year: under Kazakhstan's 46 %, above this tenant's 25 %.
    const kazakh = JSON.parse((await qadam([...TERMS, "--json"])).out);
    expect(kazakh.warnings).toEqual([]);
    const res = await qadam([...TERMS, "--tenant", "capped", "--database-url", url, "--json"]);
    expect(res.code).toBe(0);
    const preview = JSON.parse(res.out);
    expect(preview.cap).toEqual({ maxEffectiveRatePercent: "25.0", from: "2025-01-01" });
    expect(preview.warnings[0].message).toMatch(/above the legal cap of 25\.0 % in force on 2026-01-15/);
    const unknown = await qadam([...TERMS, "--tenant", "nobody", "--database-url", url]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no tenant "nobody"/);
  });
});
