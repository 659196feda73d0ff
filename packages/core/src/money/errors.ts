// The errors of amounts and currencies, each with the HTTP status it answers with.

export const MONEY_ERRORS = {
  UNKNOWN_CURRENCY: 422,
  INVALID_AMOUNT: 422,
} as const satisfies Record<string, number>;

export type MoneyErrorCode = keyof typeof MONEY_ERRORS;
