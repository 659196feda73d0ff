// Money for a reader: an amount written the way the reader's language writes it ("90 000,00 ₸" in
// Kazakh, Russian and French, "₸90,000.00" in English), by Intl.NumberFormat over the exact decimal
// string, so that no amount ever passes through a JavaScript number.
import { minorDigits } from "./currency.js";
import { formatMoney } from "./decimal-string.js";
import type { Money } from "./money.js";

const formats = new Map<string, Intl.NumberFormat>();

function formatFor(locale: string, money: Money): Intl.NumberFormat {
  const key = `${locale} ${money.currency}`;
  let format = formats.get(key);
  if (!format) {
    const digits = minorDigits(money.currency);
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: money.currency,
      currencyDisplay: "narrowSymbol",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * The amount as the reader of `locale` writes it, every minor unit shown. Intl formats a decimal
 * string exactly (ECMA-402 takes it as an exact decimal), whatever its size.
 */
export function formatMoneyFor(locale: string, money: Money): string {
  const exact = formatMoney(money) as `${number}`;
  return formatFor(locale, money).format(exact);
}
