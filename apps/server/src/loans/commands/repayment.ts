// Repayments and prepayments: allocated over what is owed, booked, and replayed when back-dated.

import type { Allocation } from "@qadam/core/loans/allocation";
import { applyAllocations, splitRepayment } from "@qadam/core/loans/engine";
import { onPlans, payPrepayment, planAfterPrepayment } from "@qadam/core/loans/processing";
import type { Money } from "@qadam/core/money";
import type { CommandContext } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import { type Channel, post, receiptLines } from "../postings.js";
import { isBackdated, reprocess } from "../reprocess.js";
import { insertInstallments, insertTransaction, type LoanIn, type LoanStatus } from "../store.js";
import { activeLoan, overpayment, positiveAmount } from "./guards.js";
import { planTerms, withTerms } from "./terms.js";
import { finishWork, startWork } from "./work.js";

export interface RepaymentInput {
  on: string;
  amount: Money;
  channel: Channel;
  /** What to do with money beyond everything owed. */
  overpayment: "refuse" | "advance";
}

export interface RepaymentResult {
  transactionId: string;
  allocations: Allocation[];
  advance: bigint;
  status: LoanStatus;
}

/**
 * A payment dated before something already recorded (a later payment, penalty run or plan): the
 * loan's history is replayed by value date with it (reprocess.ts).
 */
async function backdatedPayment(
  trx: Db,
  ctx: CommandContext,
  loan: LoanIn<"active">,
  kind: "repayment" | "prepayment",
  input: RepaymentInput,
): Promise<RepaymentResult> {
  const amount = positiveAmount(input.amount, loan.currency);
  const done = await reprocess(trx, ctx, loan, {
    add: { kind, on: input.on, amount, channel: input.channel, refuse: input.overpayment === "refuse" },
    on: input.on,
    reason: null,
  });
  if (!done.added) throw new Error("the back-dated payment was not posted");
  return { ...done.added, status: loan.state.status };
}

export async function repay(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: RepaymentInput,
): Promise<RepaymentResult> {
  const loan = await activeLoan(trx, ctx, loanId, "loans.write", input.on);
  if (isBackdated(loan, input.on)) return backdatedPayment(trx, ctx, loan, "repayment", input);
  const w = await startWork(trx, ctx, loan, input.on, { unsettledOnly: true });
  const { live, seq } = w;
  const amount = positiveAmount(input.amount, loan.currency);
  const split = splitRepayment(live, loan.product, amount);
  if (split.overpayment > 0n && input.overpayment === "refuse")
    throw overpayment(loan, split.overpayment, amount - split.overpayment);
  applyAllocations(live, split.allocations);
  const entryId = await post(
    trx,
    ctx,
    loan,
    input.on,
    "loanRepayment",
    receiptLines(loan, input.channel, split.allocations, split.overpayment),
  );
  const transactionId = await insertTransaction(trx, ctx, loan, seq, {
    kind: "repayment",
    valueDate: input.on,
    amount,
    advance: split.overpayment,
    channel: input.channel,
    entryId,
    allocations: onPlans(live, split.allocations),
  });
  loan.advance += split.overpayment;
  await finishWork(trx, ctx, w, input.on);
  return {
    transactionId,
    allocations: split.allocations,
    advance: split.overpayment,
    status: loan.state.status,
  };
}

export async function prepay(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: RepaymentInput,
): Promise<RepaymentResult> {
  const loan = await activeLoan(trx, ctx, loanId, "loans.write", input.on);
  if (isBackdated(loan, input.on)) return backdatedPayment(trx, ctx, loan, "prepayment", input);
  const w = await startWork(trx, ctx, loan, input.on);
  const { live, seq } = w;
  const amount = positiveAmount(input.amount, loan.currency);
  const split = payPrepayment(live, loan.product, loan.state.disbursedOn, input.on, amount);
  const { allocations, left } = split;
  if (left > 0n && input.overpayment === "refuse") throw overpayment(loan, left, amount - left);
  const entryId = await post(
    trx,
    ctx,
    loan,
    input.on,
    "loanPrepayment",
    receiptLines(loan, input.channel, allocations, left),
  );
  const transactionId = await insertTransaction(trx, ctx, loan, seq, {
    kind: "prepayment",
    valueDate: input.on,
    amount,
    advance: left,
    channel: input.channel,
    entryId,
    allocations: onPlans(live, allocations),
  });
  let finalLive = live;
  // A new plan on the lower balance replaces the unpaid future installments.
  const terms = split.prepaidPrincipal > 0n ? await planTerms(trx, loan) : null;
  const plan = terms && withTerms(() => planAfterPrepayment(live, terms, loan.plan + 1, input.on, split));
  if (plan) {
    loan.plan += 1;
    await insertInstallments(trx, loan.tenantId, loan.id, plan.rows);
    finalLive = [...plan.kept, ...plan.rows];
    loan.installments = finalLive.length;
  }
  loan.advance += left;
  await finishWork(trx, ctx, w, input.on, finalLive);
  return { transactionId, allocations, advance: left, status: loan.state.status };
}
