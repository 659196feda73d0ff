// The database as Kysely sees it (camelCase here, snake_case in SQL through CamelCasePlugin).
// 64-bit integers and dates are normalised by the drivers' settings in database.ts:
// dates come back as "YYYY-MM-DD", instants as ISO-8601 UTC strings.
import type { Insertable, Selectable } from "kysely";

/** An instant, written and read as an ISO-8601 UTC string. */
export type Instant = string;
/** A calendar date, written and read as "YYYY-MM-DD". */
export type CalendarDate = string;

export interface TenantsTable {
  id: string;
  tenantId: string;
  slug: string;
  name: string;
  country: string;
  defaultLocale: string;
  createdAt: Instant;
}

export interface OrganisationsTable {
  id: string;
  tenantId: string;
  parentId: string | null;
  kind: string;
  name: string;
  /** The name folded for case-insensitive search (platform/text.ts). */
  nameFolded: string;
  /** Materialised path of ids from the root, "/root/…/self/", for subtree queries by range. */
  path: string;
  depth: number;
  region: string | null;
  district: string | null;
  village: string | null;
  territoryCode: string | null;
  currency: string;
  timeZone: string;
  openedOn: CalendarDate;
  status: string;
  statusChangedOn: CalendarDate | null;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface OrgParentHistoryTable {
  id: string;
  tenantId: string;
  orgId: string;
  parentId: string | null;
  validFrom: CalendarDate;
  validTo: CalendarDate | null;
  recordedAt: Instant;
}

export interface HouseholdsTable {
  id: string;
  tenantId: string;
  orgId: string;
  name: string;
  village: string | null;
  createdAt: Instant;
}

export interface PersonsTable {
  id: string;
  tenantId: string;
  orgId: string;
  familyName: string | null;
  givenName: string | null;
  patronymic: string | null;
  birthDate: CalendarDate | null;
  sex: string | null;
  phone: string | null;
  iin: string | null;
  householdId: string | null;
  village: string | null;
  consentGivenOn: CalendarDate | null;
  consentScope: string | null;
  consentWithdrawnOn: CalendarDate | null;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface PersonSearchTermsTable {
  tenantId: string;
  term: string;
  personId: string;
}

export interface AnonymousCountsTable {
  id: string;
  tenantId: string;
  orgId: string;
  countedOn: CalendarDate;
  count: number;
  sex: string | null;
  note: string | null;
  createdAt: Instant;
}

export interface MembershipsTable {
  id: string;
  tenantId: string;
  personId: string;
  groupId: string;
  role: string;
  joinedOn: CalendarDate;
  leftOn: CalendarDate | null;
  leftReason: string | null;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface UsersTable {
  id: string;
  tenantId: string;
  login: string;
  displayName: string;
  passwordHash: string | null;
  locale: string;
  status: string;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface UserGrantsTable {
  id: string;
  tenantId: string;
  userId: string;
  orgId: string;
  role: string;
  grantedAt: Instant;
  grantedBy: string | null;
  revokedAt: Instant | null;
}

export interface SessionsTable {
  /** SHA-256 of the session token: the token itself is never stored. */
  id: string;
  tenantId: string;
  userId: string;
  createdAt: Instant;
  expiresAt: Instant;
  revokedAt: Instant | null;
  ip: string | null;
  userAgent: string | null;
}

export interface ApiTokensTable {
  id: string;
  tenantId: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: Instant;
  expiresAt: Instant | null;
  revokedAt: Instant | null;
}

export interface LoginFailuresTable {
  id: string;
  tenantId: string;
  userId: string;
  ip: string | null;
  at: Instant;
}

export interface AuditLogTable {
  id: string;
  tenantId: string;
  userId: string | null;
  at: Instant;
  command: string;
  /** JSON array of { type, id }. */
  records: string;
  idempotencyKey: string | null;
  source: string;
}

export interface IdempotencyKeysTable {
  tenantId: string;
  userId: string;
  key: string;
  requestHash: string;
  method: string;
  path: string;
  statusCode: number;
  responseBody: string;
  createdAt: Instant;
}

export interface AccountsTable {
  id: string;
  tenantId: string;
  orgId: string;
  code: string;
  name: string;
  type: string;
  parentId: string | null;
  status: string;
  createdAt: Instant;
}

export interface JournalEntriesTable {
  id: string;
  tenantId: string;
  orgId: string;
  businessDate: CalendarDate;
  description: string;
  causeType: string;
  causeId: string;
  reversesId: string | null;
  postedAt: Instant;
  postedBy: string | null;
}

export interface JournalLinesTable {
  tenantId: string;
  entryId: string;
  lineNo: number;
  orgId: string;
  accountId: string;
  businessDate: CalendarDate;
  currency: string;
  /** Minor units, signed: debit positive. A string from pg, a number or bigint from SQLite: see ints.ts. */
  amount: string | number | bigint;
  memo: string | null;
}

export interface Database {
  tenants: TenantsTable;
  organisations: OrganisationsTable;
  orgParentHistory: OrgParentHistoryTable;
  households: HouseholdsTable;
  persons: PersonsTable;
  personSearchTerms: PersonSearchTermsTable;
  anonymousCounts: AnonymousCountsTable;
  memberships: MembershipsTable;
  users: UsersTable;
  userGrants: UserGrantsTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  loginFailures: LoginFailuresTable;
  auditLog: AuditLogTable;
  idempotencyKeys: IdempotencyKeysTable;
  accounts: AccountsTable;
  journalEntries: JournalEntriesTable;
  journalLines: JournalLinesTable;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type PersonRow = Selectable<PersonsTable>;
export type NewPerson = Insertable<PersonsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type UserRow = Selectable<UsersTable>;
