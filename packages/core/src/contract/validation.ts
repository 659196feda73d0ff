// Zod's issues in the reader's language: each becomes { path, code, message }, the message built from
// our own keys ("validation.*") with the field's translated label ("fields.*"), never Zod's English.
// The HTTP error handler and the command line's JSON input both use it.
import type { DomainError, ErrorCode, ErrorDetail } from "../errors.js";
import { errorMessage, type Locale, translate, translationExists } from "../i18n/index.js";
import { issueValueCode as valueCode } from "./schemas.js";

/** A Zod issue as Zod gives it, or as fastify-type-provider-zod passes it on (code, path, the rest). */
export interface RawIssue {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  [key: string]: unknown;
}

export interface TranslatedIssue {
  path: string;
  code: ErrorCode;
  message: string;
}

const KINDS = new Set(["string", "number", "int", "boolean", "object", "array", "null", "date", "bigint"]);

/** The value at `path` in the input, undefined where there is none. */
function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** The translated label of the field at `path`: its last named segment ("lines.2.amount": amount). */
export function fieldLabel(locale: Locale, path: ReadonlyArray<PropertyKey>): string {
  const name = [...path].reverse().find((k): k is string => typeof k === "string" && !/^\d+$/.test(k));
  if (name === undefined) return translate(locale, "validation.theRequest");
  const key = `fields.${name}`;
  return translationExists(locale, key) ? translate(locale, key) : translate(locale, "validation.aField");
}

function shown(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The message key and parameters of one issue (the field's label is added by the caller). */
function keyOf(
  locale: Locale,
  issue: RawIssue,
  value: unknown,
): { key: string; params: Record<string, unknown> } {
  const origin = issue.origin;
  const sized = (string: string, number: string, array: string) =>
    origin === "string" ? string : origin === "array" || origin === "set" ? array : number;
  // A field left out is "required", whatever the schema expected of it (a type, a word, a form).
  if (value === undefined && ["invalid_type", "invalid_value", "invalid_union"].includes(issue.code))
    return { key: "required", params: {} };
  switch (issue.code) {
    case "invalid_type": {
      const expected = String(issue.expected);
      return {
        key: "type",
        params: { kind: translate(locale, `validation.kinds.${KINDS.has(expected) ? expected : "other"}`) },
      };
    }
    case "too_small":
      return {
        key: sized("tooShort", issue.inclusive === false ? "tooLowExclusive" : "tooLow", "tooFew"),
        params: { limit: String(issue.minimum) },
      };
    case "too_big":
      return {
        key: sized("tooLong", issue.inclusive === false ? "tooHighExclusive" : "tooHigh", "tooMany"),
        params: { limit: String(issue.maximum) },
      };
    case "invalid_format":
      return { key: "format", params: { value: shown(value) } };
    case "not_multiple_of":
      return { key: "multipleOf", params: { divisor: String(issue.divisor) } };
    case "unrecognized_keys":
      return {
        key: "unknownKeys",
        params: { keys: ((issue.keys as string[] | undefined) ?? []).join(", ") },
      };
    case "invalid_value":
      return {
        key: "oneOf",
        params: { values: ((issue.values as unknown[] | undefined) ?? []).map((v) => String(v)).join(", ") },
      };
    case "invalid_union":
      return { key: "union", params: {} };
    case "custom": {
      const code = valueCode(issue);
      if (code === "INVALID_DATE") return { key: "date", params: { value: shown(value) } };
      if (code === "INVALID_AMOUNT") return { key: "amount", params: { value: shown(value) } };
      if (code === "INVALID_ID") return { key: "id", params: { value: shown(value) } };
      // A schema's own check names its message: { params: { check: "bandBelowB", b: 80 } }.
      const params = (issue.params ?? {}) as Record<string, unknown>;
      if (typeof params.check === "string" && translationExists(locale, `validation.checks.${params.check}`))
        return { key: `checks.${params.check}`, params };
      return { key: "invalid", params: {} };
    }
    default:
      return { key: "invalid", params: {} };
  }
}

/** Each issue with its path ("body.lines.2.amount" under `prefix` "body"), code and translated message. */
export function translateIssues(
  locale: Locale,
  issues: readonly RawIssue[],
  input: unknown,
  prefix = "",
): TranslatedIssue[] {
  return issues.map((issue) => {
    const value = valueAt(input, issue.path);
    const { key, params } = keyOf(locale, issue, value);
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== "").join(".");
    return {
      path,
      code: valueCode(issue) ?? "VALIDATION_FAILED",
      message: translate(locale, `validation.${key}`, { ...params, field: fieldLabel(locale, issue.path) }),
    };
  });
}

/** The code that sums the issues up: a value's own code (422) only when every issue is about a value. */
export function summaryCode(issues: readonly TranslatedIssue[]): ErrorCode {
  return issues.every((i) => i.code !== "VALIDATION_FAILED") && issues[0]
    ? issues[0].code
    : "VALIDATION_FAILED";
}

/**
 * One problem of a domain error, in `locale`: a check of the validation catalogue when its params name
 * one ({ check: "nameRequired" }, the field shown by its label), else the message of its code.
 */
export function detailMessage(locale: Locale, detail: ErrorDetail): string {
  const check = detail.params.check;
  if (typeof check === "string" && translationExists(locale, `validation.checks.${check}`))
    return translate(locale, `validation.checks.${check}`, {
      ...detail.params,
      field: fieldLabel(locale, detail.path.split(".")),
    });
  return errorMessage(locale, detail);
}

/** A domain error's message; one whose text lists its problems ({{details}}) gets them translated. */
export function domainErrorMessage(locale: Locale, error: DomainError): string {
  if (error.details.length === 0 || !("details" in error.params)) return errorMessage(locale, error);
  const details = error.details.map((d) => detailMessage(locale, d)).join("; ");
  return errorMessage(locale, { code: error.code, params: { ...error.params, details } });
}
