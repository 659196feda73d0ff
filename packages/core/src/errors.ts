// One domain error type with a stable code and parameters. Translation and the HTTP status are
// decided in one place (platform/http/errors.ts and i18n), never where the error is raised. Each
// domain declares its own codes and their statuses (<domain>/errors.ts); error-status.ts joins them.
import type { ERROR_STATUS } from "./error-status.js";
import type { LoanProblemKey } from "./loans/errors.js";

export type ErrorCode = keyof typeof ERROR_STATUS;
/**
 * An amount as a message parameter (a Money of src/money): the message writes it the way its reader's
 * language writes amounts ("90 000,00 ₸"), so domain code passes the amount, never formatted text.
 */
export interface AmountParam {
  readonly minor: bigint;
  readonly currency: string;
}
/**
 * A phrase of the messages as a parameter (`problems.<key>`, with its own parameters): the message
 * says it in its reader's language, where an English sentence would have been passed before.
 */
export interface PhraseParam {
  readonly phrase: ProblemKey;
  readonly params?: Readonly<Record<string, string | number | AmountParam>>;
}
/** The phrases of the messages' "problems" section (each domain's own, in its messages.ts). */
export type ProblemKey = LoanProblemKey;

export type ErrorParam = string | number | AmountParam | PhraseParam;
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

export function isAmountParam(value: unknown): value is AmountParam {
  return typeof value === "object" && value !== null && typeof (value as AmountParam).minor === "bigint";
}

export function isPhraseParam(value: unknown): value is PhraseParam {
  return typeof value === "object" && value !== null && typeof (value as PhraseParam).phrase === "string";
}

export function phrase(key: ProblemKey, params?: PhraseParam["params"]): PhraseParam {
  return params ? { phrase: key, params } : { phrase: key };
}

/**
 * One of several problems refused together (a meeting with three wrong lines answers all three):
 * where it is in the request body ("lines.2.amount"), its code and parameters, and the member it
 * concerns, if any. The error's own code and parameters are those of the first problem.
 */
export interface ErrorDetail {
  path: string;
  code: ErrorCode;
  params: ErrorParams;
  memberId?: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly details: readonly ErrorDetail[];

  constructor(code: ErrorCode, params: ErrorParams = {}, details: readonly ErrorDetail[] = []) {
    super(
      `${code} ${JSON.stringify(params, (_, v) => (typeof v === "bigint" ? v.toString() : v))}${details.length > 1 ? ` (+${details.length - 1} more)` : ""}`,
    );
    this.name = "DomainError";
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

/** All the problems found, refused as one error whose code is the first one's (none: nothing thrown). */
export function refuseAll(problems: readonly ErrorDetail[]): void {
  const [first] = problems;
  if (first) throw new DomainError(first.code, first.params, problems);
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/**
 * A problem's parameters as JSON: what the server sends beside its message, so that a client keeping
 * the problem (the phone's outbox) can say it again in another language. An amount's minor units are
 * a string (JSON has no bigint).
 */
export type WireParam =
  | string
  | number
  | { readonly minor: string; readonly currency: string }
  | { readonly phrase: string; readonly params?: Readonly<Record<string, WireParam>> };
export type WireParams = Readonly<Record<string, WireParam>>;

export function paramsToWire(params: ErrorParams | PhraseParam["params"] = {}): WireParams {
  const out: Record<string, WireParam> = {};
  for (const [key, value] of Object.entries(params)) {
    if (isAmountParam(value)) out[key] = { minor: value.minor.toString(), currency: value.currency };
    else if (isPhraseParam(value))
      out[key] = value.params
        ? { phrase: value.phrase, params: paramsToWire(value.params) }
        : { phrase: value.phrase };
    else out[key] = value;
  }
  return out;
}

const MINOR = /^-?\d{1,30}$/;

/** The parameters back from JSON; null when `json` is not what paramsToWire writes (an older server, a stranger). */
export function paramsFromWire(json: unknown): ErrorParams | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
  const out: Record<string, ErrorParam> = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) {
      out[key] = value;
      continue;
    }
    if (typeof value !== "object" || value === null) return null;
    const v = value as Record<string, unknown>;
    if (typeof v.minor === "string" && typeof v.currency === "string" && MINOR.test(v.minor)) {
      out[key] = { minor: BigInt(v.minor), currency: v.currency };
    } else if (typeof v.phrase === "string") {
      if (v.params === undefined) {
        out[key] = { phrase: v.phrase as ProblemKey };
        continue;
      }
      const inner = paramsFromWire(v.params);
      if (!inner || Object.values(inner).some(isPhraseParam)) return null;
      out[key] = { phrase: v.phrase as ProblemKey, params: inner as NonNullable<PhraseParam["params"]> };
    } else return null;
  }
  return out;
}
