// The errors of user accounts and passwords, each with the HTTP status it answers with.

export const USER_ERRORS = {
  LOGIN_TAKEN: 409,
  WEAK_PASSWORD: 422,
  USER_DISABLED: 403,
  CURRENT_PASSWORD_WRONG: 422,
  SELF_LOCKOUT: 422,
} as const satisfies Record<string, number>;

export type UserErrorCode = keyof typeof USER_ERRORS;
