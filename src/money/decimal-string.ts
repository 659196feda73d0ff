// Money as text: decimal strings in major units ("1250.50"), the JSON form
// { "amount": "1250.50", "currency": "KZT" }. Parsing refuses more digits than the minor unit has.
import { type Currency, currency, minorDigits } from "./currency.js";
import { type Money, money } from "./money.js";

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export class MoneyFormatError extends Error {
  constructor(text: string, reason: string) {
    super(`"${text}" is not an amount: ${reason}`);
    this.name = "MoneyFormatError";
  }
}

export function parseMoney(text: string, cur: Currency | string): Money {
  const c = typeof cur === "string" ? currency(cur) : cur;
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new MoneyFormatError(text, "expected digits with an optional decimal point");
  const [, minus, whole = "0", fraction = ""] = match;
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
