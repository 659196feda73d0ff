// One domain error type with a stable code and parameters. Translation and the HTTP status are
// decided in one place (platform/http/errors.ts and platform/i18n), never where the error is raised.

export const ERROR_STATUS = {
  // request shape and protocol
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  BODY_TOO_DEEP: 400,
  INVALID_CURSOR: 400,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  IDEMPOTENCY_KEY_REUSED: 409,
  CONCURRENT_UPDATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOGIN_RATE_LIMITED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  // organisations
  ORG_PARENT_NOT_ALLOWED: 422,
  ORG_MOVE_INTO_OWN_SUBTREE: 422,
  ORG_NOT_ACTIVE: 422,
  ORG_NOT_A_GROUP: 422,
  ORG_HAS_ACTIVE_CHILDREN: 422,
  ORG_ROOT_CANNOT_MOVE: 422,
  ORG_DATE_BEFORE_OPENING: 422,
  TENANT_SLUG_TAKEN: 409,
  // people and members
  INVALID_IIN: 422,
  IIN_BIRTH_DATE_MISMATCH: 422,
  IIN_SEX_MISMATCH: 422,
  BIRTH_DATE_IN_FUTURE: 422,
  CONSENT_DATE_IN_FUTURE: 422,
  IIN_ALREADY_REGISTERED: 409,
  INVALID_PHONE: 422,
  CONSENT_REQUIRED: 422,
  PERSON_ANONYMISED: 422,
  MEMBER_ALREADY_IN_GROUP: 409,
  MEMBERSHIP_ROLE_TAKEN: 409,
  MEMBERSHIP_ALREADY_ENDED: 422,
  MEMBERSHIP_DATES_INVALID: 422,
  MEMBERSHIP_PERIOD_OVERLAP: 422,
  // users and access
  LOGIN_TAKEN: 409,
  WEAK_PASSWORD: 422,
  USER_DISABLED: 403,
  CURRENT_PASSWORD_WRONG: 422,
  SELF_LOCKOUT: 422,
  // books
  JOURNAL_EMPTY: 422,
  JOURNAL_LINE_ZERO: 422,
  JOURNAL_UNBALANCED: 422,
  BOOKS_ALREADY_OPEN: 409,
  ACCOUNT_CODE_INVALID: 422,
  ACCOUNT_CODE_TAKEN: 409,
  ACCOUNT_NAME_INVALID: 422,
  ACCOUNT_NAME_TAKEN: 409,
  ACCOUNT_CLOSED: 422,
  ACCOUNT_TOP_LEVEL: 422,
  ACCOUNT_HAS_CHILDREN: 422,
  ACCOUNT_NOT_EMPTY: 422,
  JOURNAL_ALREADY_REVERSED: 409,
  JOURNAL_ENTRY_NOT_MANUAL: 422,
  // loans
  SCHEDULE_TERMS_INVALID: 422,
  SCHEDULE_OPTION_UNUSED: 422,
  SCHEDULE_ROUNDING_ZERO: 422,
  SCHEDULE_RATE_ABOVE_CAP: 422,
  PRODUCT_RATE_ABOVE_CAP: 422,
  BOOKS_NOT_OPEN: 422,
  LOAN_LENDER_KIND: 422,
  LOAN_PRODUCT_NAME_TAKEN: 409,
  LOAN_PRODUCT_RETIRED: 422,
  LOAN_OUTSIDE_PRODUCT_LIMITS: 422,
  LOAN_SHARES_INVALID: 422,
  LOAN_WRONG_STATUS: 409,
  LOAN_MAKER_CHECKER: 403,
  LOAN_REQUEST_MAKER_CHECKER: 403,
  LOAN_REQUEST_PENDING: 409,
  LOAN_REQUEST_DECIDED: 409,
  LOAN_WRITE_OFF_REASON_REQUIRED: 422,
  LOAN_DATE_IN_FUTURE: 422,
  LOAN_DATE_BEFORE_DISBURSEMENT: 422,
  LOAN_DATE_BEFORE_APPLICATION: 422,
  LOAN_OVERPAYMENT: 422,
  LOAN_ALREADY_REVERSED: 409,
  LOAN_REVERSAL_BLOCKED: 422,
  LOAN_WRITE_OFF_BACKDATED: 422,
  LOAN_NO_ADVANCE: 422,
  LOAN_GROUP_GRADE_REQUIRED: 422,
  // groups
  RULES_INVALID: 422,
  RULES_BEFORE_LATEST_MEETING: 422,
  MEETING_NO_RULES: 422,
  MEETING_DATE_IN_FUTURE: 422,
  MEETING_DATE_ORDER: 422,
  MEETING_NOT_LATEST: 409,
  MEETING_ALREADY_REVERSED: 409,
  MEETING_ATTENDANCE_NOT_A_MEMBER: 422,
  MEETING_ATTENDANCE_TWICE: 422,
  MEETING_ATTENDANCE_MISSING: 422,
  MEETING_AMOUNT_NOT_POSITIVE: 422,
  MEETING_NOT_A_MEMBER: 422,
  MEETING_SAVINGS_NOT_RULE: 422,
  MEETING_SHARES_NOT_RULE: 422,
  MEETING_VOLUNTARY_NOT_ALLOWED: 422,
  MEETING_WITHDRAWAL_NOT_ALLOWED: 422,
  MEETING_WITHDRAWAL_ABOVE_SAVINGS: 422,
  MEETING_LOAN_OVER_LIMIT: 422,
  MEETING_LOAN_TERM: 422,
  MEETING_LOAN_NOT_FOUND: 422,
  MEETING_REPAYMENT_OVER_OWED: 422,
  MEETING_SOCIAL_PURPOSE: 422,
  MEETING_SOCIAL_FUND_SHORT: 422,
  MEETING_EXTERNAL_REPAYMENT: 422,
  MEETING_BANK_SHORT: 422,
  MEETING_CASH_SHORT: 422,
  MEETING_CASH_MISMATCH: 422,
  SHAREOUT_LOANS_OPEN: 422,
  SHAREOUT_NOTHING_SAVED: 422,
  SHAREOUT_CASH_BELOW_DEBTS: 422,
  SHAREOUT_NET_WORTH_NEGATIVE: 422,
  // shared values
  INVALID_DATE: 422,
  UNKNOWN_CURRENCY: 422,
  UNKNOWN_TIME_ZONE: 422,
  INVALID_AMOUNT: 422,
  PERIOD_INVALID: 422,
  // ids chosen by the client
  INVALID_ID: 422,
  ID_CONFLICT: 409,
} as const satisfies Record<string, number>;

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
/** The phrases of the messages' "problems" section (platform/i18n/messages.ts). */
export type ProblemKey =
  | "memberListedTwice"
  | "memberNotActive"
  | "sharesDoNotSum"
  | "firstDueNotAfterApplication"
  | "firstDueNotAfterReschedule";

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

export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}
