// Double-entry books: charts of accounts and journal entries, pure core and storage (migration 0002).
// Guarantees: an entry has at least two lines, none zero, summing to zero in each currency; a
// correction is a reversing entry that cancels the original exactly, at most once; balances are sums
// of lines; entries and lines are append-only in the database itself.
export {
  ACCOUNT_TYPES,
  type AccountTemplate,
  type AccountType,
  CHART_TEMPLATES,
  fullNames,
  normalSide,
} from "./accounts.js";
export {
  assertBalanced,
  balancesOf,
  type JournalEntryDraft,
  type JournalLine,
  type JournalProblem,
  problemOf,
  reversalOf,
  totalsByCurrency,
} from "./journal.js";
export { formatLedgerJournal, type LedgerEntry, ledgerAccountName } from "./ledger-format.js";
export {
  accountBalance,
  accountStatement,
  balanceSheet,
  incomeStatement,
  type ReportLine,
  type StatementLine,
} from "./reports.js";
export {
  type Account,
  chartOf,
  journalForExport,
  openBooks,
  type PostedEntry,
  postEntry,
  reverseEntry,
  type TrialBalanceRow,
  trialBalance,
} from "./store.js";
