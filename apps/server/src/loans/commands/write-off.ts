// A write-off of what a loan still owes, and the recoveries of it afterwards.

import { DomainError } from "@qadam/core/errors";
import { writeOffAmounts } from "@qadam/core/loans/processing";
import type { Money } from "@qadam/core/money";
import type { CommandContext } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import { type Channel, post, writeOffLines } from "../postings.js";
import { isBackdated } from "../reprocess.js";
import { enterState, insertTransaction, saveLoan } from "../store.js";
import { activeLoan, checkValueDate, later, loanToChange, overpayment, positiveAmount } from "./guards.js";
import { finishWork, noteActivity, startWork } from "./work.js";

export async function writeOff(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: { on: string; reason: string },
): Promise<{ principal: bigint; penalties: bigint }> {
  const loan = await activeLoan(trx, ctx, loanId, "loans.approve", input.on);
  if (isBackdated(loan, input.on))
    throw new DomainError("LOAN_WRITE_OFF_BACKDATED", {
      date: input.on,
      last: later(loan.penaltyThrough ?? input.on, loan.lastActivityOn ?? input.on),
    });
  const w = await startWork(trx, ctx, loan, input.on);
  const { live, seq } = w;
  const { principal, penalties } = writeOffAmounts(live);
  const entryId = await post(
    trx,
    ctx,
    loan,
    input.on,
    { key: "loanWrittenOff", params: { reason: input.reason } },
    writeOffLines(loan, principal, penalties),
  );
  await insertTransaction(trx, ctx, loan, seq, {
    kind: "write_off",
    valueDate: input.on,
    amount: principal + penalties,
    entryId,
    note: input.reason,
    terms: JSON.stringify({ principal: principal.toString(), penalties: penalties.toString() }),
  });
  enterState(loan, {
    status: "written_off",
    decision: loan.state.decision,
    disbursedOn: loan.state.disbursedOn,
    writtenOffOn: input.on,
  });
  loan.writtenOff = principal + penalties;
  await finishWork(trx, ctx, w, input.on);
  return { principal, penalties };
}

export async function recover(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: { on: string; amount: Money; channel: Channel },
): Promise<void> {
  const loan = await loanToChange(trx, ctx, loanId, "loans.write", "written_off");
  checkValueDate(ctx, loan, input.on);
  const amount = positiveAmount(input.amount, loan.currency);
  const left = loan.writtenOff - loan.recovered;
  if (amount > left) throw overpayment(loan, amount - left, left);
  const entryId = await post(trx, ctx, loan, input.on, "loanRecovery", [
    [input.channel, amount],
    ["recoveries", -amount],
  ]);
  const seq = loan.version + 1;
  await insertTransaction(trx, ctx, loan, seq, {
    kind: "recovery",
    valueDate: input.on,
    amount,
    channel: input.channel,
    entryId,
  });
  loan.recovered += amount;
  noteActivity(loan, input.on);
  await saveLoan(trx, loan, seq);
  ctx.touched("loan", loan.id);
}
