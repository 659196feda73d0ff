// The annual effective rate (Kazakhstan's ГЭСВ): the rate i with Σ CFₖ / (1+i)^(dₖ/365) = 0 over the
// borrower's cash flows (net disbursement received, every payment made; penalties excluded), dₖ in days
// from disbursement. Solved by Newton's method, falling back to bisection inside a bracket, to 1e-12 —
// far below the 0.1 basis point asked for; disclosed as a percent with one decimal, rounded half-up.
// The root is irrational in general, so it is found in binary floating point (amounts are exact in a
// double below 2⁵³ minor units) and handed on as a decimal; contractual rates stay exact decimals.
import { Decimal } from "decimal.js";

export interface CashFlow {
  /** Days from disbursement. */
  day: number;
  /** Minor units; positive when the borrower receives, negative when she pays. */
  minor: bigint;
}

const TOLERANCE = 1e-12;

function npv(flows: ReadonlyArray<{ t: number; cf: number }>, i: number): { value: number; slope: number } {
  const base = 1 + i;
  let value = 0;
  let slope = 0;
  for (const { t, cf } of flows) {
    const discounted = cf * base ** -t;
    value += discounted;
    slope -= (t * discounted) / base;
  }
  return { value, slope };
}

/** The effective annual rate, or null when the flows have no root (all of one sign). */
export function effectiveAnnualRate(input: readonly CashFlow[]): Decimal | null {
  if (!input.some((f) => f.minor > 0n) || !input.some((f) => f.minor < 0n)) return null;
  // Scale to the largest flow so that the sums stay well inside a double's range.
  let largest = 0n;
  for (const f of input) {
    const size = f.minor < 0n ? -f.minor : f.minor;
    if (size > largest) largest = size;
  }
  const flows = input.map((f) => ({ t: f.day / 365, cf: Number(f.minor) / Number(largest) }));
  let lo = -0.999999;
  let hi = 1;
  const signLo = Math.sign(npv(flows, lo).value);
  for (let k = 0; k < 60 && Math.sign(npv(flows, hi).value) === signLo; k++) hi *= 2;
  if (Math.sign(npv(flows, hi).value) === signLo) return null;

  let i = Math.min(Math.max(0.1, lo), hi);
  for (let iteration = 0; iteration < 300; iteration++) {
    const { value, slope } = npv(flows, i);
    if (Math.abs(value) < TOLERANCE) break;
    if (Math.sign(value) === signLo) lo = i;
    else hi = i;
    let next = slope === 0 ? (lo + hi) / 2 : i - value / slope;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - i) < TOLERANCE) {
      i = next;
      break;
    }
    i = next;
  }
  return new Decimal(i.toPrecision(15));
}

/** As the Kazakh rules disclose it: a percent with one decimal, half-up (55.95 % → "56.0"). */
export function disclosedPercent(rate: Decimal): string {
  return rate.times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
}
