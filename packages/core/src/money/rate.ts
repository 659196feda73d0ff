// Rates as exact decimals (decimal.js), never floats: "0.24" a year, "0.005" a day.
// Applying a rate to money multiplies exactly and rounds once, by the mode the caller names.
import { Decimal } from "decimal.js";
import { type Money, money } from "./money.js";
import { divideRounded, type RoundingMode } from "./rounding.js";

export type Rate = Decimal;

const RATE_TEXT = /^-?\d+(\.\d+)?$/;

export function rate(text: string): Rate {
  if (!RATE_TEXT.test(text.trim())) throw new RangeError(`"${text}" is not a decimal rate`);
  return new Decimal(text.trim());
}

/** A percentage as a rate: percent("24") is 0.24. */
export function percent(text: string): Rate {
  return rate(text).div(100);
}

/** The rate as an exact fraction of two integers. */
export function rateFraction(r: Rate): { numerator: bigint; denominator: bigint } {
  const [n, d] = r.toFraction();
  if (!n || !d) throw new Error("decimal.js returned no fraction");
  return { numerator: BigInt(n.toFixed(0)), denominator: BigInt(d.toFixed(0)) };
}

/** minor × rate in minor units, exact until the one rounding. */
export function applyRateToMinor(minor: bigint, r: Rate, mode: RoundingMode): bigint {
  const { numerator, denominator } = rateFraction(r);
  return divideRounded(minor * numerator, denominator, mode);
}

/** amount × rate, exact until the one rounding to the minor unit. */
export function applyRate(a: Money, r: Rate, mode: RoundingMode): Money {
  return money(applyRateToMinor(a.minor, r, mode), a.currency);
}
