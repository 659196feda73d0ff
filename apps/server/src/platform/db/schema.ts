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

/** Failed log-ins of one login name (known or not) in the current window; see auth/throttle.ts. */
export interface LoginThrottleTable {
  login: string;
  failures: number;
  windowStartedAt: Instant;
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
  /** The person the line concerns (a member's savings, loan, fine), or null. */
  partyId: string | null;
}

/** 64-bit integers: a string from pg, a number or bigint from SQLite (see ints.ts). */
type Int64 = string | number | bigint;

export interface HolidaysTable {
  tenantId: string;
  date: CalendarDate;
  name: string;
}

export interface RateCapsTable {
  tenantId: string;
  validFrom: CalendarDate;
  /** A percent: "46". */
  maxEffectiveRate: string;
}

export interface LoanProductsTable {
  id: string;
  tenantId: string;
  orgId: string;
  name: string;
  currency: string;
  /** The product's terms as JSON (loans/product-spec.ts). */
  spec: string;
  status: string;
  createdAt: Instant;
}

export interface LoansTable {
  id: string;
  tenantId: string;
  orgId: string;
  productId: string;
  borrowerType: string;
  borrowerId: string;
  currency: string;
  principal: Int64;
  installments: number;
  firstDueOn: CalendarDate;
  disbursedOn: CalendarDate | null;
  purpose: string | null;
  spec: string;
  status: string;
  appliedOn: CalendarDate;
  createdBy: string | null;
  createdAt: Instant;
  decidedBy: string | null;
  decidedOn: CalendarDate | null;
  decisionNote: string | null;
  principalOutstanding: Int64;
  arrearsSince: CalendarDate | null;
  lastActivityOn: CalendarDate | null;
  advance: Int64;
  penaltyThrough: CalendarDate | null;
  plan: number;
  writtenOffOn: CalendarDate | null;
  writtenOff: Int64;
  recovered: Int64;
  closedOn: CalendarDate | null;
  version: number;
}

export interface LoanMembersTable {
  tenantId: string;
  loanId: string;
  personId: string;
  share: Int64;
  /** 1 when every member answers for the whole loan. */
  jointLiability: number;
}

export interface LoanNotesTable {
  id: string;
  tenantId: string;
  loanId: string;
  kind: string;
  text: string;
  author: string | null;
  createdAt: Instant;
}

export interface LoanInstallmentsTable {
  tenantId: string;
  loanId: string;
  plan: number;
  number: number;
  dueDate: CalendarDate;
  principal: Int64;
  interest: Int64;
  fee: Int64;
  penalty: Int64;
  principalPaid: Int64;
  interestPaid: Int64;
  feePaid: Int64;
  penaltyPaid: Int64;
  plannedOn: CalendarDate;
  replacedOn: CalendarDate | null;
}

export interface LoanTransactionsTable {
  id: string;
  tenantId: string;
  loanId: string;
  seq: number;
  kind: string;
  valueDate: CalendarDate;
  amount: Int64;
  advance: Int64;
  entryId: string | null;
  reversesId: string | null;
  replacesId: string | null;
  channel: string | null;
  note: string | null;
  recordedAt: Instant;
  recordedBy: string | null;
  /** A reschedule's terms as JSON (loans/reprocess.ts), to make it again when the history is replayed. */
  terms: string | null;
}

export interface LoanRequestsTable {
  id: string;
  tenantId: string;
  loanId: string;
  kind: string;
  valueDate: CalendarDate;
  terms: string;
  reason: string | null;
  daysPastDue: number;
  status: string;
  requestedBy: string | null;
  requestedAt: Instant;
  decidedBy: string | null;
  decidedAt: Instant | null;
  decisionNote: string | null;
}

export interface LoanAllocationsTable {
  tenantId: string;
  transactionId: string;
  loanId: string;
  plan: number;
  number: number;
  component: string;
  valueDate: CalendarDate;
  amount: Int64;
}

/** An account's net movement on one business date in one currency (kept by postEntry). */
export interface AccountDailyBalancesTable {
  tenantId: string;
  orgId: string;
  accountId: string;
  currency: string;
  businessDate: CalendarDate;
  amount: Int64;
}

export interface GroupRulesTable {
  id: string;
  tenantId: string;
  orgId: string;
  validFrom: CalendarDate;
  spec: string;
  createdAt: Instant;
  createdBy: string | null;
}

export interface MeetingsTable {
  id: string;
  tenantId: string;
  orgId: string;
  seq: number;
  heldOn: CalendarDate;
  status: string;
  cashCounted: Int64 | null;
  entryId: string | null;
  reversalEntryId: string | null;
  replacesId: string | null;
  note: string | null;
  recordedAt: Instant;
  recordedBy: string | null;
}

export interface MeetingAttendanceTable {
  tenantId: string;
  meetingId: string;
  personId: string;
  status: string;
}

export interface InternalLoansTable {
  id: string;
  tenantId: string;
  orgId: string;
  personId: string;
  meetingId: string;
  issuedOn: CalendarDate;
  principal: Int64;
  monthlyRate: string;
  method: string;
  termMonths: number;
  purpose: string | null;
  principalOutstanding: Int64;
  status: string;
}

export interface MeetingLinesTable {
  tenantId: string;
  meetingId: string;
  lineNo: number;
  orgId: string;
  heldOn: CalendarDate;
  personId: string | null;
  kind: string;
  amount: Int64;
  interest: Int64 | null;
  internalLoanId: string | null;
  detail: string | null;
}

export interface ShareoutsTable {
  id: string;
  tenantId: string;
  orgId: string;
  cycleFrom: CalendarDate;
  closedOn: CalendarDate;
  method: string;
  sharedAs: string;
  distributable: Int64;
  entryId: string;
  recordedAt: Instant;
  recordedBy: string | null;
}

export interface ShareoutLinesTable {
  tenantId: string;
  shareoutId: string;
  personId: string;
  savings: Int64;
  /** Her claim on the group's net worth: cash paid + carried_over. */
  payout: Int64;
  /** What stayed in the group as her opening savings of the next cycle (0008). */
  carriedOver: Int64;
}

export interface GradingTablesTable {
  tenantId: string;
  validFrom: CalendarDate;
  spec: string;
  createdAt: Instant;
  createdBy: string | null;
}

export interface GroupGradesTable {
  id: string;
  tenantId: string;
  orgId: string;
  gradedOn: CalendarDate;
  windowFrom: CalendarDate;
  grade: string;
  score: number;
  detail: string;
  recordedAt: Instant;
  recordedBy: string | null;
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
  loginThrottle: LoginThrottleTable;
  auditLog: AuditLogTable;
  idempotencyKeys: IdempotencyKeysTable;
  accounts: AccountsTable;
  journalEntries: JournalEntriesTable;
  journalLines: JournalLinesTable;
  accountDailyBalances: AccountDailyBalancesTable;
  holidays: HolidaysTable;
  rateCaps: RateCapsTable;
  loanProducts: LoanProductsTable;
  loans: LoansTable;
  loanMembers: LoanMembersTable;
  loanNotes: LoanNotesTable;
  loanInstallments: LoanInstallmentsTable;
  loanTransactions: LoanTransactionsTable;
  loanAllocations: LoanAllocationsTable;
  loanRequests: LoanRequestsTable;
  groupRules: GroupRulesTable;
  meetings: MeetingsTable;
  meetingAttendance: MeetingAttendanceTable;
  internalLoans: InternalLoansTable;
  meetingLines: MeetingLinesTable;
  shareouts: ShareoutsTable;
  shareoutLines: ShareoutLinesTable;
  gradingTables: GradingTablesTable;
  groupGrades: GroupGradesTable;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type PersonRow = Selectable<PersonsTable>;
export type NewPerson = Insertable<PersonsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type UserRow = Selectable<UsersTable>;
