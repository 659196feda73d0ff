// Currencies: ISO 4217 codes and their minor-unit digits (KZT 2, JPY 0, KWD 3), from the ICU data
// that Node ships, so that every currency a partner uses works without a table of our own.
import { DomainError } from "../errors.js";

declare const currencyBrand: unique symbol;
export type Currency = string & { readonly [currencyBrand]: true };

const KNOWN = new Set(Intl.supportedValuesOf("currency"));
// The currencies Qadam's partners keep books in, known without asking ICU: building the first
// Intl.NumberFormat loads its currency data, a good part of a short command's start.
const digitsCache = new Map<string, number>([
  ["KZT", 2],
  ["RUB", 2],
  ["KGS", 2],
  ["USD", 2],
  ["EUR", 2],
]);

/** The currencies whose minor-unit digits are known without ICU (a test holds them to ICU's). */
export const PRESET_DIGITS: ReadonlyMap<string, number> = new Map(digitsCache);

export function currency(code: string): Currency {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper) || !KNOWN.has(upper))
    throw new DomainError("UNKNOWN_CURRENCY", { currency: code });
  return upper as Currency;
}

export function isCurrency(code: string): code is Currency {
  return /^[A-Z]{3}$/.test(code) && KNOWN.has(code);
}

/** How many digits the minor unit has: 2 for KZT (1 ₸ = 100 tiyn). */
export function minorDigits(c: Currency): number {
  let digits = digitsCache.get(c);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat("en", { style: "currency", currency: c }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsCache.set(c, digits);
  }
  return digits;
}

export const KZT = currency("KZT");
