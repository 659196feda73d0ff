// The errors of logging in and of permissions, each with the HTTP status it answers with.

export const AUTH_ERRORS = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  LOGIN_RATE_LIMITED: 429,
} as const satisfies Record<string, number>;

export type AuthErrorCode = keyof typeof AUTH_ERRORS;
