// Double-entry books: charts of accounts and journal entries (the pure core; storage comes with #3).
// Guarantees: an entry has at least two lines, none zero, summing to zero in each currency; a
// correction is a reversing entry that cancels the original exactly; balances are sums of lines.
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
