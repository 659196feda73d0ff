// The errors of loans, their products, schedules and requests, each with the HTTP status it answers with.

export const LOAN_ERRORS = {
  SCHEDULE_TERMS_INVALID: 422,
  SCHEDULE_OPTION_UNUSED: 422,
  SCHEDULE_ROUNDING_ZERO: 422,
  SCHEDULE_RATE_ABOVE_CAP: 422,
  PRODUCT_RATE_ABOVE_CAP: 422,
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
} as const satisfies Record<string, number>;

export type LoanErrorCode = keyof typeof LOAN_ERRORS;

/**
 * The phrases a loan error takes as a parameter (a PhraseParam of errors.ts: the "problems" section of
 * loans/messages.ts), said in the reader's language where an English sentence would have been passed.
 */
export type LoanProblemKey =
  | "memberListedTwice"
  | "memberNotActive"
  | "sharesDoNotSum"
  | "firstDueNotAfterApplication"
  | "firstDueNotAfterReschedule";
