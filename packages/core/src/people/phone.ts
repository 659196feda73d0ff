// Phone numbers: validated with libphonenumber (Kazakhstan by default) and kept in E.164 form.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { DomainError } from "../errors.js";

export function normalisePhone(
  input: string,
  defaultCountry: "KZ" | "KG" | "UZ" | "TJ" | "RU" = "KZ",
): string {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed?.isValid()) throw new DomainError("INVALID_PHONE", { phone: input.slice(0, 40) });
  return parsed.number;
}

/** The digits of a query that looks like (part of) a phone number, 4 digits or more, else null. */
export function phoneDigits(query: string): string | null {
  if (!/^[+\d\s()-]+$/.test(query)) return null;
  const digits = query.replace(/\D/g, "");
  return digits.length >= 4 ? digits : null;
}
