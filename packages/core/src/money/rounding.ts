// Rounding, always explicit: every division of money names how it rounds.
export const ROUNDING_MODES = ["half-up", "half-even", "down", "up"] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/**
 * numerator ÷ denominator rounded to an integer. "half-up" and "half-even" are about the half;
 * "down" is towards zero and "up" away from zero, as in accounting.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  if (denominator < 0n) return divideRounded(-numerator, -denominator, mode);
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = n / denominator;
  const r = n % denominator;
  let magnitude = q;
  if (r !== 0n) {
    switch (mode) {
      case "down":
        break;
      case "up":
        magnitude = q + 1n;
        break;
      case "half-up":
        if (2n * r >= denominator) magnitude = q + 1n;
        break;
      case "half-even":
        if (2n * r > denominator || (2n * r === denominator && q % 2n === 1n)) magnitude = q + 1n;
        break;
      default: {
        const never: never = mode;
        throw new Error(`unknown rounding mode ${String(never)}`);
      }
    }
  }
  return negative ? -magnitude : magnitude;
}
