// Money as text: decimal strings in major units ("1250.50"), the JSON form
// { "amount": "1250.50", "currency": "KZT" }. Parsing refuses more digits than the minor unit has.
import { type Currency, currency, minorDigits } from "./currency.js";
import { type Money, money } from "./money.js";

// The one way an amount is written: no spaces, no plus, no exponent, no leading zeros, no bare point.
const DECIMAL = /^(-)?(0|[1-9]\d*)(?:\.(\d+))?$/;
/** The same, bounded as requests may send it: at most 15 whole digits and 6 decimals. */
const AMOUNT_TEXT = /^(-)?(0|[1-9]\d{0,14})(?:\.(\d{1,6}))?$/;

/** True for an amount written the canonical way ("1250.50", "-3" when signed; never "-0" or " 10"). */
export function isAmountText(text: string, options: { signed: boolean }): boolean {
  const match = AMOUNT_TEXT.exec(text);
  if (!match) return false;
  if (!match[1]) return true;
  return options.signed && /[1-9]/.test(text);
}

export class MoneyFormatError extends Error {
  constructor(text: string, reason: string) {
    super(`"${text}" is not an amount: ${reason}`);
    this.name = "MoneyFormatError";
  }
}

export function parseMoney(text: string, cur: Currency | string): Money {
  const c = typeof cur === "string" ? currency(cur) : cur;
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyFormatError(text, "expected digits with an optional decimal point");
  const [, minus, whole = "0", fraction = ""] = match;
  if (minus && !/[1-9]/.test(text)) throw new MoneyFormatError(text, "zero has no sign");
  const digits = minorDigits(c);
  if (fraction.length > digits) throw new MoneyFormatError(text, `${c} has ${digits} decimal places`);
  const minor = BigInt(whole + fraction.padEnd(digits, "0"));
  return money(minus ? -minor : minor, c);
}

export function formatMoney(m: Money): string {
  const digits = minorDigits(m.currency);
  const negative = m.minor < 0n;
  const text = (negative ? -m.minor : m.minor).toString().padStart(digits + 1, "0");
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? "" : `.${text.slice(-digits)}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

export interface MoneyJson {
  amount: string;
  currency: string;
}

export function toJson(m: Money): MoneyJson {
  return { amount: formatMoney(m), currency: m.currency };
}

export function fromJson(json: MoneyJson): Money {
  return parseMoney(json.amount, json.currency);
}
