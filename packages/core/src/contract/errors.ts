// The errors of the API's contract itself (a request's shape, the protocol, paging, limits) and of the
// values every domain shares (dates, periods, time zones), each with the HTTP status it answers with.

export const CONTRACT_ERRORS = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  BODY_TOO_DEEP: 400,
  INVALID_CURSOR: 400,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  IDEMPOTENCY_KEY_REUSED: 409,
  CONCURRENT_UPDATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  INVALID_DATE: 422,
  UNKNOWN_TIME_ZONE: 422,
  PERIOD_INVALID: 422,
  // ids chosen by the client
  INVALID_ID: 422,
  ID_CONFLICT: 409,
} as const satisfies Record<string, number>;

export type ContractErrorCode = keyof typeof CONTRACT_ERRORS;
