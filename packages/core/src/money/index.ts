// Money for all of Qadam: bigint minor units with their currency, exact decimal rates, explicit rounding.
// Guarantees: no JavaScript number ever holds an amount; currencies never mix silently; every rounding
// names its mode; allocate() parts always sum exactly to the whole; parse(format(m)) === m.
export { MAX_MINOR, parseAmount } from "./amount.js";
export { type Currency, currency, isCurrency, KZT, minorDigits } from "./currency.js";
export {
  formatMoney,
  fromJson,
  MoneyFormatError,
  type MoneyJson,
  parseMoney,
  toJson,
} from "./decimal-string.js";
export { formatMoneyFor } from "./locale-format.js";
export {
  add,
  allocate,
  CurrencyMismatchError,
  compare,
  isZero,
  type Money,
  minorPerMajor,
  money,
  negate,
  scale,
  subtract,
  sum,
  zero,
} from "./money.js";
export { applyRate, applyRateToMinor, percent, type Rate, rate, rateFraction } from "./rate.js";
export { divideRounded, ROUNDING_MODES, type RoundingMode } from "./rounding.js";
