// Double-entry books: charts of accounts and journal entries, pure core and storage (migration 0002).
// Guarantees: an entry has at least two lines, none zero, summing to zero in each currency; a
// correction is a reversing entry that cancels the original exactly, at most once; balances are sums
// of lines; entries and lines are append-only in the database itself; an account closes only when its
// lines sum to zero in every currency and nothing open hangs under it, and then takes no new lines.
export {
  ACCOUNT_TYPES,
  type AccountTemplate,
  type AccountType,
  CHART_TEMPLATES,
  fullNames,
  normalSide,
} from "@qadam/core/books/accounts";
export {
  assertBalanced,
  balancesOf,
  type JournalEntryDraft,
  type JournalLine,
  type JournalProblem,
  problemOf,
  reversalOf,
  totalsByCurrency,
} from "@qadam/core/books/journal";
export { formatLedgerJournal, type LedgerEntry, ledgerAccountName } from "@qadam/core/books/ledger-format";
export {
  accountTotalCausedBy,
  accountTotalPostedBy,
  accountTotals,
  type CodeTotal,
  codeMovementsAfter,
  codeTotals,
  partyTotals,
} from "./balances.js";
export { reverseEntriesCausedElsewhere } from "./caused-elsewhere.js";
export {
  accountCode,
  accountName,
  addAccount,
  closeAccount,
  findAccount,
  renameAccount,
} from "./chart.js";
export { describeEntry, type EntryText, noteTenantLanguage } from "./descriptions.js";
export {
  type JournalEntryView,
  journalEntries,
  journalEntry,
  MANUAL_CAUSE,
  type ManualEntryInput,
  postManualEntry,
  reverseManualEntry,
} from "./entries.js";
export {
  accountBalance,
  accountStatement,
  balanceSheet,
  checkPeriod,
  incomeStatement,
  type ReportLine,
  type StatementLine,
} from "./reports.js";
export { bookRoutes } from "./routes.js";
export {
  ACCOUNT_STATUSES,
  type Account,
  type AccountStatus,
  accountsOf,
  accountsOfCodes,
  type ChartTemplate,
  chartOf,
  journalForExport,
  noteActiveAccounts,
  openBooks,
  type PostedEntry,
  postEntry,
  reverseEntry,
  type TrialBalanceRow,
  trialBalance,
  writeEntry,
} from "./store.js";
