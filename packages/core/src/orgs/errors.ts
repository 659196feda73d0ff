// The errors of the organisation tree and its tenants, each with the HTTP status it answers with.

export const ORG_ERRORS = {
  ORG_PARENT_NOT_ALLOWED: 422,
  ORG_MOVE_INTO_OWN_SUBTREE: 422,
  ORG_NOT_ACTIVE: 422,
  ORG_NOT_A_GROUP: 422,
  ORG_HAS_ACTIVE_CHILDREN: 422,
  ORG_ROOT_CANNOT_MOVE: 422,
  ORG_DATE_BEFORE_OPENING: 422,
  TENANT_SLUG_TAKEN: 409,
} as const satisfies Record<string, number>;

export type OrgErrorCode = keyof typeof ORG_ERRORS;
