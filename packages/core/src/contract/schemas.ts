// Schema pieces every route module shares, so that a date, an amount or a record id means the same
// everywhere. A date that is not on the calendar answers INVALID_DATE and an amount not written the one
// canonical way answers INVALID_AMOUNT (422, the code carried by the issue: see errors.ts).
import { z } from "zod";
import { isCalendarDate } from "../clock.js";
import { isUuidV7 } from "../ids.js";
import { isAmountText } from "../money/decimal-string.js";

/** The codes a schema issue may carry in its params, making it a 422 of that code rather than a 400. */
export const VALUE_ISSUE_CODES = ["INVALID_DATE", "INVALID_AMOUNT", "INVALID_ID"] as const;
export type ValueIssueCode = (typeof VALUE_ISSUE_CODES)[number];

/** The code a Zod issue's value is refused with (INVALID_DATE…), or null for any other issue. */
export function issueValueCode(issue: { readonly [key: string]: unknown }): ValueIssueCode | null {
  const code = (issue.params as { code?: unknown } | undefined)?.code;
  return (VALUE_ISSUE_CODES as readonly unknown[]).includes(code) ? (code as ValueIssueCode) : null;
}

/**
 * The key under which a value schema names, in its JSON Schema, the code it refuses a value with: the
 * route helper reads it to list that code among an operation's errors.
 */
export const REFUSED_WITH = "x-refused-with";

/** A real calendar date written YYYY-MM-DD (2026-02-30 and 2026-11-31 are refused): INVALID_DATE. */
export const calendarDate = z
  .string()
  .refine(isCalendarDate, { params: { code: "INVALID_DATE" }, abort: true })
  .meta({
    format: "date",
    pattern: "^\\d{4}-\\d{2}-\\d{2}$",
    example: "2026-03-02",
    [REFUSED_WITH]: "INVALID_DATE",
  });

/** Real calendar dates separated by commas ("2026-03-08,2026-03-21"): INVALID_DATE. */
export const calendarDateList = z
  .string()
  .refine((text) => text.split(",").every(isCalendarDate), { params: { code: "INVALID_DATE" }, abort: true })
  .meta({
    pattern: "^\\d{4}-\\d{2}-\\d{2}(,\\d{4}-\\d{2}-\\d{2})*$",
    example: "2026-03-08,2026-03-21",
    [REFUSED_WITH]: "INVALID_DATE",
  });

/**
 * An amount not below zero as a canonical decimal string in major units ("1250.50"): digits, an
 * optional fraction, nothing else — no spaces, sign, exponent, leading zeros or bare point. Whether
 * the fraction fits the currency is judged where the currency is known (also INVALID_AMOUNT).
 */
export const amountText = z
  .string()
  .refine((text) => isAmountText(text, { signed: false }), {
    params: { code: "INVALID_AMOUNT" },
    abort: true,
  })
  .meta({
    pattern: "^(0|[1-9]\\d{0,14})(\\.\\d{1,6})?$",
    example: "1250.50",
    [REFUSED_WITH]: "INVALID_AMOUNT",
  });

/** The same with an optional minus (a journal line: debit positive, credit negative; never "-0"). */
export const signedAmountText = z
  .string()
  .refine((text) => isAmountText(text, { signed: true }), { params: { code: "INVALID_AMOUNT" }, abort: true })
  .meta({
    pattern: "^-?(0|[1-9]\\d{0,14})(\\.\\d{1,6})?$",
    example: "-1250.50",
    [REFUSED_WITH]: "INVALID_AMOUNT",
  });

/** Record ids are matched, not validated: a malformed id is simply not found (404). */
export const recordId = z.string().max(100);

/**
 * The id a client chooses for a record it creates, so that sending the request again can never record
 * it twice: a UUIDv7 (INVALID_ID otherwise), stored in lower case.
 */
export const clientId = z
  .string()
  .refine(isUuidV7, { params: { code: "INVALID_ID" }, abort: true })
  .overwrite((id) => id.toLowerCase())
  .meta({
    format: "uuid",
    example: "019a5f2c-7b3e-7c41-9d2a-5e8f0b1c2d3e",
    [REFUSED_WITH]: "INVALID_ID",
    description:
      "The record's id, chosen by the client (a UUIDv7), or made by the server when left out. The same request sent again under it answers as the first time (201) and records nothing twice; other contents under it answer 409 ID_CONFLICT.",
  });
