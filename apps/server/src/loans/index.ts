// Loans from an MFO or a federation to a woman or a group: products, applications, approval by a second
// person, disbursement, repayments, reschedules, write-offs, over the pure engine of @qadam/core/loans.
// Guarantees:
// - every money movement of a loan posts its balanced journal entry in the same transaction as the
//   loan's own records, so a loan's balances equal its accounts in the books;
// - a payment is allocated in the product's order without losing or inventing a minor unit, and an
//   overpayment is refused or kept as an advance, never silently absorbed;
// - transactions and their allocations are append-only: a correction is a reversal that replays the
//   loan from its record; a backdated payment replays what followed it;
// - a loan is approved by someone other than who entered it, and no product or loan exceeds the
//   tenant's legal cap on the effective annual rate in force on its date;
// - concurrent writers to one loan are serialised (a row lock, and an optimistic version check);
// - what a group owes beyond principal on a date (groupDebtChargesOn) is what a payoff that day would
//   ask, read from the record of that date, whoever asks.
export { activeLoansOf, type Borrower, borrowerOf } from "./borrowers.js";
export {
  addNote,
  applyForLoan,
  type Channel,
  chargePenalties,
  createProduct,
  decide,
  disburse,
  type LoanApplication,
  prepay,
  type RepaymentInput,
  type RepaymentResult,
  recover,
  refundAdvance,
  repay,
  reschedule,
  reverseRepayment,
  writeOff,
} from "./commands.js";
export { loanCountsByStatus } from "./counts.js";
export { dueOnDay, installmentsDue } from "./due-list.js";
export { dueListRoutes } from "./due-list-routes.js";
export { type GroupDebtCharges, type GroupLoanCharges, groupDebtChargesOn } from "./group-debts.js";
export { type GroupLoanPosition, groupLoanPositions } from "./group-loans.js";
export { portfolioAtRiskOnDates } from "./portfolio-series.js";
export {
  installmentsOn,
  journalBalanceOf,
  type LoanArrears,
  type LoanView,
  loanArrears,
  type PortfolioReport,
  portfolioAtRiskFor,
  viewLoan,
} from "./queries.js";
export { type LoanDto, loanRoutes } from "./routes.js";
export {
  LOAN_STATUSES,
  type LoanAccountRole,
  type LoanRecord,
  type LoanStatus,
  liveInstallments,
  loadLoan,
  loanAccounts,
  TRANSACTION_KINDS,
  type TransactionKind,
  tenantCaps,
} from "./store.js";
