// An amount as people and programs write it ("1250.50" in major units) read into Money: the one parser
// at the edge (an HTTP body, a command-line flag, a file); inside, amounts travel as Money.
import { DomainError } from "../errors.js";
import { currency } from "./currency.js";
import { MoneyFormatError, parseMoney } from "./decimal-string.js";
import type { Money } from "./money.js";

/** Amounts are kept below 10^15 minor units, so that sums of many lines stay far inside 64 bits. */
export const MAX_MINOR = 10n ** 15n;

/**
 * The amount `text` writes in the currency `code`. Errors: UNKNOWN_CURRENCY, INVALID_AMOUNT (not a
 * decimal, more decimals than the currency has, or 10^15 minor units or more either way).
 */
export function parseAmount(text: string, code: string): Money {
  const cur = currency(code);
  const refuse = () => new DomainError("INVALID_AMOUNT", { amount: text.slice(0, 40), currency: cur });
  let amount: Money;
  try {
    amount = parseMoney(text, cur);
  } catch (error) {
    if (error instanceof MoneyFormatError) throw refuse();
    throw error;
  }
  if (amount.minor >= MAX_MINOR || amount.minor <= -MAX_MINOR) throw refuse();
  return amount;
}
