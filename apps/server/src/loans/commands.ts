// The loan lifecycle as commands, each run in the caller's transaction (one command, one transaction):
// product → application → appraisal notes → approval by another user or rejection → disbursement →
// repayments, prepayments, reversals, reschedules → write-off and recoveries → closure. Every money
// movement posts its journal entry beside the loan's own records, so the books and the loan agree.
// One module per operation under commands/; this one gathers them for the routes, the CLI and the demo.

export { refundAdvance } from "./commands/advance.js";
export { addNote, applyForLoan, type LoanApplication } from "./commands/application.js";
export { decide } from "./commands/decision.js";
export { disburse } from "./commands/disbursement.js";
export { chargePenalties } from "./commands/penalties.js";
export { createProduct } from "./commands/product.js";
export { prepay, type RepaymentInput, type RepaymentResult, repay } from "./commands/repayment.js";
export { reschedule } from "./commands/reschedule.js";
export { reverseRepayment } from "./commands/reversal.js";
export { recover, writeOff } from "./commands/write-off.js";
export type { Channel } from "./postings.js";
