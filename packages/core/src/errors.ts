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
