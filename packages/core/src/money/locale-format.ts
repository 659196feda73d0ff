// Money for a reader: an amount written the way the reader's language writes it ("90 000,00 ₸" in
// Kazakh, Russian and French, "₸90,000.00" in English), by Intl.NumberFormat over the exact decimal
// string, so that no amount ever passes through a JavaScript number. Chrome (desktop and Android) ships
// without Kazakh's number data and would write "₸ 90,000.00": there, a Kazakh amount is written with
// Russian's separators and symbol place, which are Kazakh's too.
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

/** Languages that write amounts as another does, for a runtime without their own number data. */
const WRITES_AMOUNTS_AS: Readonly<Record<string, string>> = { kk: "ru" };

const ownData = new Map<string, boolean>();

/**
 * Whether this runtime writes the language's numbers from its own data. Chrome knows Kazakh's name
 * (it resolves "kk") but writes its numbers as the root locale does ("1,234.5"), not as Kazakh
 * does ("1 234,5"); so a language counts as known when its numbers differ from English's.
 */
export function intlHasNumberData(locale: string): boolean {
  let has = ownData.get(locale);
  if (has === undefined) {
    const sample = (tag: string) => new Intl.NumberFormat(tag).format(1234.5);
    has = locale.split("-")[0] === "en" || sample(locale) !== sample("en");
    ownData.set(locale, has);
  }
  return has;
}

/**
 * The amount as the reader of `locale` writes it, every minor unit shown. Intl formats a decimal
 * string exactly (ECMA-402 takes it as an exact decimal), whatever its size. `withIntlData` is the
 * runtime's (tests pass false to see what a browser without the language's data writes).
 */
export function formatMoneyFor(
  locale: string,
  money: Money,
  withIntlData = intlHasNumberData(locale),
): string {
  const exact = formatMoney(money) as `${number}`;
  const writing = withIntlData ? locale : (WRITES_AMOUNTS_AS[locale] ?? locale);
  return formatFor(writing, money).format(exact);
}
