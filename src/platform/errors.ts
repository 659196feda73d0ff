// One domain error type with a stable code and parameters. Translation and the HTTP status are
// decided in one place (platform/http/errors.ts and platform/i18n), never where the error is raised.

export const ERROR_STATUS = {
  // request shape and protocol
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
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
  // loans
  SCHEDULE_TERMS_INVALID: 422,
  PRODUCT_RATE_ABOVE_CAP: 422,
  // shared values
  INVALID_DATE: 422,
  UNKNOWN_CURRENCY: 422,
  UNKNOWN_TIME_ZONE: 422,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorParams = Readonly<Record<string, string | number>>;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "DomainError";
    this.code = code;
    this.params = params;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}
