// The loan engine's pure core, shared by the server and the browser: schedules, the effective annual
// rate, products and their legal cap, allocation, arrears, and how each dated event changes a loan
// (processing.ts) and its whole history re-processed by value date (replay.ts). The lifecycle's
// commands and storage live in the server's loans domain (apps/server/src/loans), over these functions.
// Guarantees: a schedule repays exactly its principal, its balance never rises, the rounding residue
// lands in the last installment; the effective annual rate zeroes the borrower's cash flows; no product
// allows a loan above the cap in force on its date; a payment is allocated in the product's order
// without losing or inventing a minor unit; days past due count from the oldest installment not fully
// paid; replaying a history in value-date order gives what posting its events in that order gives.
export {
  ALLOCATION_ORDERS,
  type AllocationOrder,
  allocatePayment,
  COMPONENTS,
  type Component,
  type Owed,
} from "./allocation.js";
export { type Arrears, arrearsOn, BUCKETS, type Bucket, bucketOf, portfolioAtRisk } from "./arrears.js";
export { FREQUENCIES, type Frequency, SATURDAY_SUNDAY, type WorkingCalendar } from "./calendar.js";
export { type CashFlow, disclosedPercent, effectiveAnnualRate } from "./effective-rate.js";
export {
  buildSchedule,
  type Installment,
  type Schedule,
  type ScheduleTerms,
  ScheduleTermsError,
} from "./schedule.js";
export {
  type DisbursedLoanState,
  disbursedOn,
  disbursedState,
  isDisbursed,
  type LoanDecision,
  type LoanState,
  type LoanStateColumns,
  loanStateColumns,
  loanStateFrom,
} from "./state.js";
