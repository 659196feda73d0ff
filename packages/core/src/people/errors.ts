// The errors of people's records (IIN, phone, consent), each with the HTTP status it answers with.

export const PEOPLE_ERRORS = {
  INVALID_IIN: 422,
  IIN_BIRTH_DATE_MISMATCH: 422,
  IIN_SEX_MISMATCH: 422,
  BIRTH_DATE_IN_FUTURE: 422,
  CONSENT_DATE_IN_FUTURE: 422,
  IIN_ALREADY_REGISTERED: 409,
  INVALID_PHONE: 422,
  CONSENT_REQUIRED: 422,
  PERSON_ANONYMISED: 422,
} as const satisfies Record<string, number>;

export type PeopleErrorCode = keyof typeof PEOPLE_ERRORS;
