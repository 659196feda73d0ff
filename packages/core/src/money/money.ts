// Money: an integer count of minor units (bigint, never a JavaScript number) with its currency.
// Arithmetic refuses to mix currencies; splitting is exact, with the residue placed by a stated rule.
import { type Currency, currency, minorDigits } from "./currency.js";
import { divideRounded, type RoundingMode } from "./rounding.js";

export interface Money {
  readonly minor: bigint;
  readonly currency: Currency;
}

export class CurrencyMismatchError extends Error {
  constructor(a: Currency, b: Currency) {
    super(`cannot combine ${a} with ${b}`);
    this.name = "CurrencyMismatchError";
  }
}

export function money(minor: bigint, cur: Currency | string): Money {
  return Object.freeze({ minor, currency: typeof cur === "string" ? currency(cur) : cur });
}

export function zero(cur: Currency): Money {
  return money(0n, cur);
}

function same(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function add(a: Money, b: Money): Money {
  same(a, b);
  return money(a.minor + b.minor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  same(a, b);
  return money(a.minor - b.minor, a.currency);
}

export function negate(a: Money): Money {
  return money(-a.minor, a.currency);
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  same(a, b);
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

export function isZero(a: Money): boolean {
  return a.minor === 0n;
}

export function sum(cur: Currency, amounts: Iterable<Money>): Money {
  let total = 0n;
  for (const m of amounts) {
    if (m.currency !== cur) throw new CurrencyMismatchError(cur, m.currency);
    total += m.minor;
  }
  return money(total, cur);
}

/** amount × numerator ÷ denominator, rounded by `mode`. */
export function scale(a: Money, numerator: bigint, denominator: bigint, mode: RoundingMode): Money {
  return money(divideRounded(a.minor * numerator, denominator, mode), a.currency);
}

/**
 * Splits an amount in proportion to non-negative weights, exactly: the parts always sum to the amount.
 * Each part is first rounded down (towards zero); the minor units left over go one each to the parts
 * with the largest remainders, the earlier part first on a tie (the largest-remainder method).
 */
export function allocate(a: Money, weights: readonly bigint[]): Money[] {
  if (weights.length === 0) throw new RangeError("allocate needs at least one weight");
  if (weights.some((w) => w < 0n)) throw new RangeError("weights must not be negative");
  const total = weights.reduce((s, w) => s + w, 0n);
  if (total === 0n) throw new RangeError("weights must not all be zero");
  const sign = a.minor < 0n ? -1n : 1n;
  const amount = a.minor * sign;
  const parts = weights.map((w) => (amount * w) / total);
  const remainders = weights.map((w, i) => ({ i, r: (amount * w) % total }));
  let left = amount - parts.reduce((s, p) => s + p, 0n);
  remainders.sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => money(p * sign, a.currency));
}

/** The number of minor units in one major unit: 100 for KZT. */
export function minorPerMajor(cur: Currency): bigint {
  return 10n ** BigInt(minorDigits(cur));
}
