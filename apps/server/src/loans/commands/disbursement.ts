// Disbursement: the schedule fixed from the day, the money paid out and booked.

import { DomainError } from "@qadam/core/errors";
import { contractedInstallments, type InstallmentState } from "@qadam/core/loans/engine";
import { formatMoney } from "@qadam/core/money";
import type { CommandContext } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import { type Channel, portfolio, post } from "../postings.js";
import { enterState, insertInstallments, insertTransaction, saveLoan } from "../store.js";
import { checkValueDate, loanToChange } from "./guards.js";
import { checkCap, scheduleOf } from "./terms.js";
import { refresh } from "./work.js";

export async function disburse(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: { on: string; firstDueOn?: string | null; channel: Channel },
): Promise<void> {
  const loan = await loanToChange(trx, ctx, loanId, "loans.write", "approved");
  checkValueDate(ctx, loan, input.on);
  if (input.on < loan.appliedOn)
    throw new DomainError("LOAN_DATE_BEFORE_APPLICATION", { date: input.on, applied: loan.appliedOn });
  const firstDueOn = input.firstDueOn ?? loan.firstDueOn;
  const schedule = await scheduleOf(
    trx,
    loan.tenantId,
    loan.product,
    loan.principal,
    loan.installments,
    input.on,
    firstDueOn,
  );
  await checkCap(trx, loan.tenantId, schedule, input.on);
  const rows: InstallmentState[] = contractedInstallments(schedule, input.on);
  await insertInstallments(trx, loan.tenantId, loan.id, rows);
  const fee = schedule.disbursementFee.minor;
  const entryId = await post(trx, ctx, loan, input.on, "loanDisbursed", [
    [portfolio(loan), loan.principal],
    [input.channel, -(loan.principal - fee)],
    ["feeIncome", -fee],
  ]);
  const seq = loan.version + 1;
  await insertTransaction(trx, ctx, loan, seq, {
    kind: "disbursement",
    valueDate: input.on,
    channel: input.channel,
    amount: loan.principal,
    entryId,
    note: fee > 0n ? `fee ${formatMoney(schedule.disbursementFee)}` : null,
  });
  enterState(loan, { status: "active", decision: loan.state.decision, disbursedOn: input.on });
  loan.firstDueOn = firstDueOn;
  loan.plan = 1;
  loan.penaltyThrough = input.on;
  refresh(loan, rows, input.on);
  await saveLoan(trx, loan, seq);
  ctx.touched("loan", loan.id);
}
