// The errors of the books (chart of accounts, journal entries), each with the HTTP status it answers with.

export const BOOKS_ERRORS = {
  BOOKS_NOT_OPEN: 422,
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
} as const satisfies Record<string, number>;

export type BooksErrorCode = keyof typeof BOOKS_ERRORS;
