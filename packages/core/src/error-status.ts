// The HTTP status each error code answers with: the domains' own tables (<domain>/errors.ts) joined
// into one, which platform/http/errors.ts reads. Apart from errors.ts, so that code which only raises
// a DomainError (a schedule preview on the command line) does not load every domain's table.
import { AUTH_ERRORS } from "./auth/errors.js";
import { BOOKS_ERRORS } from "./books/errors.js";
import { CONTRACT_ERRORS } from "./contract/errors.js";
import { GROUP_ERRORS } from "./groups/errors.js";
import { LOAN_ERRORS } from "./loans/errors.js";
import { MEMBER_ERRORS } from "./members/errors.js";
import { MONEY_ERRORS } from "./money/errors.js";
import { ORG_ERRORS } from "./orgs/errors.js";
import { PEOPLE_ERRORS } from "./people/errors.js";
import { USER_ERRORS } from "./users/errors.js";

type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void
  ? I
  : never;

/** The domains' tables of codes as one; a code two domains both declare is refused when the module loads. */
export function joinErrorTables<T extends readonly Readonly<Record<string, number>>[]>(
  ...tables: T
): Intersection<T[number]> {
  const joined: Record<string, number> = {};
  for (const table of tables)
    for (const [code, status] of Object.entries(table)) {
      if (code in joined) throw new Error(`The error code ${code} is declared by two domains`);
      joined[code] = status;
    }
  return joined as Intersection<T[number]>;
}

export const ERROR_STATUS = joinErrorTables(
  CONTRACT_ERRORS,
  AUTH_ERRORS,
  USER_ERRORS,
  ORG_ERRORS,
  PEOPLE_ERRORS,
  MEMBER_ERRORS,
  MONEY_ERRORS,
  BOOKS_ERRORS,
  LOAN_ERRORS,
  GROUP_ERRORS,
);

export function statusOf(code: keyof typeof ERROR_STATUS): number {
  return ERROR_STATUS[code];
}
