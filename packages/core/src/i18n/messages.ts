// Every domain's messages, assembled: each domain keeps its keys with their kk/ru/en/fr texts beside
// its code (<domain>/messages.ts); this file only joins them into the catalogue i18next reads.
import { type AuthMessages, authMessages } from "../auth/messages.js";
import { type BooksMessages, booksMessages } from "../books/messages.js";
import { type FieldMessages, fieldMessages } from "../contract/fields.js";
import { type ContractMessages, contractMessages } from "../contract/messages.js";
import { type GroupMessages, groupMessages } from "../groups/messages.js";
import { type LoanMessages, loanMessages } from "../loans/messages.js";
import { type MemberMessages, memberMessages } from "../members/messages.js";
import { type MoneyMessages, moneyMessages } from "../money/messages.js";
import { type OrgMessages, orgMessages } from "../orgs/messages.js";
import { type PeopleMessages, peopleMessages } from "../people/messages.js";
import { type UserMessages, userMessages } from "../users/messages.js";
import { type InLocale, inLocale, type Locale, mergeCatalogues } from "./texts.js";

export type { FieldName } from "../contract/fields.js";
export { FIELD_NAMES } from "../contract/fields.js";

/** Every domain's messages, each key with its four texts. */
export type AllMessages = ContractMessages &
  FieldMessages &
  AuthMessages &
  UserMessages &
  OrgMessages &
  PeopleMessages &
  MemberMessages &
  MoneyMessages &
  BooksMessages &
  LoanMessages &
  GroupMessages;

export const MESSAGES: AllMessages = mergeCatalogues(
  contractMessages,
  fieldMessages,
  authMessages,
  userMessages,
  orgMessages,
  peopleMessages,
  memberMessages,
  moneyMessages,
  booksMessages,
  loanMessages,
  groupMessages,
);

/** The messages as one language reads them: the shape every language fills, key for key. */
export type Messages = InLocale<AllMessages>;

/** The catalogue of one language, as i18next takes it. */
export function messagesIn(locale: Locale): Messages {
  return inLocale(MESSAGES, locale);
}

/** The kinds of record a message names ("No such {{entity}}"), each domain naming its own. */
export type Entity = keyof AllMessages["entities"];
/** The descriptions of the journal entries Qadam writes itself, each domain naming its own. */
export type JournalTextKey = keyof AllMessages["journal"];
