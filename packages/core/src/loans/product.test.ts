import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors.js";
import { KZT, money, percent } from "../money/index.js";
import {
  capOn,
  checkProductAgainstCap,
  KAZAKH_MICROCREDIT_CAPS,
  KAZAKH_PENALTY_LIMITS,
  type LoanProduct,
  worstEffectiveRate,
} from "./product.js";

const product: LoanProduct = {
  name: "Business microcredit",
  minPrincipal: money(5_000_000n, KZT),
  maxPrincipal: money(100_000_000n, KZT),
  minInstallments: 6,
  maxInstallments: 24,
  frequency: "monthly",
  annualRate: percent("24"),
  interestMethod: "declining",
  amortization: "equal-installments",
  interestPeriod: "repayment",
  firstPeriod: "pro-rata",
  gracePrincipal: 0,
  graceInterest: 0,
  roundingMinor: 1n,
  disbursementFee: null,
  installmentFee: null,
  penalty: KAZAKH_PENALTY_LIMITS,
  allocationOrder: "penalties-fees-interest-principal",
  writeOffAfterDays: 90,
  prepayment: "shorten-term",
  minGroupGrade: null,
};

function refusal(p: LoanProduct, date: string): Record<string, unknown> | null {
  try {
    checkProductAgainstCap(p, KAZAKH_MICROCREDIT_CAPS, date);
    return null;
  } catch (error) {
    if (isDomainError(error) && error.code === "PRODUCT_RATE_ABOVE_CAP") return { ...error.params };
    throw error;
  }
}

describe("legal caps on a product's effective rate", () => {
  it("knows the Kazakh caps by date: 56 % until 15 June 2025, 46 % from the 16th", () => {
    expect(capOn(KAZAKH_MICROCREDIT_CAPS, "2025-06-15")?.toString()).toBe("0.56");
    expect(capOn(KAZAKH_MICROCREDIT_CAPS, "2025-06-16")?.toString()).toBe("0.46");
  });

  it("accepts a 24 % declining-balance product", () => {
    expect(refusal(product, "2026-01-15")).toBeNull();
    expect(worstEffectiveRate(product, "2026-01-15").toNumber()).toBeGreaterThan(0.26);
  });

  it("refuses a 40 % product after the cap fell to 46 %, but not before", () => {
    const dear = { ...product, annualRate: percent("40") };
    expect(refusal(dear, "2025-06-01")).toBeNull();
    expect(refusal(dear, "2025-07-01")).toMatchObject({ cap: "46.0" });
  });

  it("finds the worst case at the smallest loan when a fixed fee is charged", () => {
    const withFee = {
      ...product,
      minInstallments: 6,
      maxInstallments: 6,
      disbursementFee: { kind: "fixed" as const, amount: money(500_000n, KZT) },
    };
    // 5,000 tenge on 50,000 over 6 months weighs far more than on 1,000,000.
    const refused = refusal(withFee, "2026-01-15");
    expect(refused).not.toBeNull();
    expect(Number(refused?.rate)).toBeGreaterThan(46);
  });
});
