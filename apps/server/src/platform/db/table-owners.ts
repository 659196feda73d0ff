// Which domain owns each table of schema.ts: only that domain's files read or write it; everyone else
// goes through the domain's front door (its index.ts). table-ownership.test.ts holds the code to it.
import type { Database } from "./schema.js";

/** The server's domains that own tables, and the platform (plumbing every domain shares). */
export type TableOwner = "orgs" | "people" | "users" | "books" | "loans" | "groups" | "grades" | "platform";

/** Every table of the Database interface, with its owner (a table missing here does not compile). */
export const TABLE_OWNERS: { readonly [T in keyof Database]: TableOwner } = {
  tenants: "orgs",
  organisations: "orgs",
  orgParentHistory: "orgs",
  households: "people",
  persons: "people",
  personSearchTerms: "people",
  anonymousCounts: "people",
  memberships: "people",
  users: "users",
  userGrants: "users",
  sessions: "users",
  apiTokens: "users",
  loginFailures: "users",
  loginThrottle: "platform",
  auditLog: "platform",
  idempotencyKeys: "platform",
  accounts: "books",
  journalEntries: "books",
  journalLines: "books",
  accountDailyBalances: "books",
  holidays: "loans",
  rateCaps: "loans",
  loanProducts: "loans",
  loans: "loans",
  loanMembers: "loans",
  loanNotes: "loans",
  loanInstallments: "loans",
  loanTransactions: "loans",
  loanAllocations: "loans",
  loanRequests: "loans",
  groupRules: "groups",
  meetings: "groups",
  meetingAttendance: "groups",
  internalLoans: "groups",
  meetingLines: "groups",
  shareouts: "groups",
  shareoutLines: "groups",
  gradingTables: "groups",
  groupGrades: "grades",
};
