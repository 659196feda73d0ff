// The loan engine (pure core so far; products, the lifecycle and storage come with #3).
// Guarantees: a schedule repays exactly its principal, its balance never rises, the rounding residue
// lands in the last installment; the effective annual rate zeroes the borrower's cash flows; a payment
// is allocated in the product's order without losing or inventing a minor unit; days past due count
// from the oldest installment not fully paid.
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
