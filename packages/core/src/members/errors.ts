// The errors of memberships in self-help groups, each with the HTTP status it answers with.

export const MEMBER_ERRORS = {
  MEMBER_ALREADY_IN_GROUP: 409,
  MEMBERSHIP_ROLE_TAKEN: 409,
  MEMBERSHIP_ALREADY_ENDED: 422,
  MEMBERSHIP_DATES_INVALID: 422,
  MEMBERSHIP_PERIOD_OVERLAP: 422,
} as const satisfies Record<string, number>;

export type MemberErrorCode = keyof typeof MEMBER_ERRORS;
