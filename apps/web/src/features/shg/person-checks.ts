// A person's details checked in the browser exactly as the API checks them at registration: the
// contract's schema, then core's own checks (a name, a birth date not ahead, the phone by libphonenumber,
// the IIN's check digit, its birth date and sex), each worded by core in the reader's language.

import { detailMessage } from "@qadam/core/contract/validation";
import { DomainError } from "@qadam/core/errors";
import { errorMessage, type Locale } from "@qadam/core/i18n";
import { type RegisterPersonBody, registerPersonBody } from "@qadam/core/people/contract";
import { checkIin } from "@qadam/core/people/iin";
import { normalisePhone } from "@qadam/core/people/phone";
import { checkWith, type FieldErrors } from "../../components/issues.js";

export function checkPerson(
  locale: Locale,
  input: unknown,
  today: string,
): { ok: true; value: RegisterPersonBody } | { ok: false; errors: FieldErrors } {
  const checked = checkWith(registerPersonBody, input);
  if (!checked.ok) return checked;
  const d = checked.value;
  const errors: FieldErrors = {};
  if (!d.familyName && !d.givenName)
    errors.familyName = detailMessage(locale, {
      path: "familyName",
      code: "VALIDATION_FAILED",
      params: { check: "nameRequired" },
    });
  if (d.birthDate && d.birthDate > today)
    errors.birthDate = errorMessage(locale, {
      code: "BIRTH_DATE_IN_FUTURE",
      params: { date: d.birthDate, today },
    });
  if (d.phone)
    try {
      normalisePhone(d.phone);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      errors.phone = errorMessage(locale, error);
    }
  if (d.iin) {
    const iin = checkIin(d.iin);
    if (!iin.valid)
      errors.iin = errorMessage(locale, { code: "INVALID_IIN", params: { iin: d.iin, reason: iin.reason } });
    else if (d.birthDate && d.birthDate !== iin.birthDate)
      errors.iin = errorMessage(locale, {
        code: "IIN_BIRTH_DATE_MISMATCH",
        params: { iin: iin.iin, birthDate: d.birthDate },
      });
    else if (d.sex && d.sex !== iin.sex)
      errors.iin = errorMessage(locale, { code: "IIN_SEX_MISMATCH", params: { iin: iin.iin } });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: d };
}

/** The form field an API refusal of a registration or a membership concerns. */
export const FIELD_OF_CODE: Record<string, string> = {
  INVALID_PHONE: "phone",
  INVALID_IIN: "iin",
  IIN_BIRTH_DATE_MISMATCH: "iin",
  IIN_SEX_MISMATCH: "iin",
  IIN_ALREADY_REGISTERED: "iin",
  BIRTH_DATE_IN_FUTURE: "birthDate",
  CONSENT_REQUIRED: "consent",
  CONSENT_DATE_IN_FUTURE: "consent",
  MEMBER_ALREADY_IN_GROUP: "groupId",
  ORG_NOT_A_GROUP: "groupId",
  ORG_NOT_ACTIVE: "groupId",
  MEMBERSHIP_ROLE_TAKEN: "role",
  MEMBERSHIP_PERIOD_OVERLAP: "joinedOn",
  ORG_DATE_BEFORE_OPENING: "joinedOn",
};
