// Checks of the values an organisation carries: ISO 4217 currency, IANA time zone, calendar dates.
import { isCalendarDate } from "../clock.js";
import { DomainError } from "../errors.js";

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
const TIME_ZONES = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);

export function checkCurrency(currency: string): string {
  const code = currency.toUpperCase();
  if (!CURRENCIES.has(code)) throw new DomainError("UNKNOWN_CURRENCY", { currency });
  return code;
}

export function checkTimeZone(timeZone: string): string {
  if (!TIME_ZONES.has(timeZone)) throw new DomainError("UNKNOWN_TIME_ZONE", { timeZone });
  return timeZone;
}

export function checkDate(value: string): string {
  if (!isCalendarDate(value)) throw new DomainError("INVALID_DATE", { value });
  return value;
}
