import { DomainError } from "@qadam/core/errors";
import type { CommandContext } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import { type Channel, post } from "../postings.js";
import { insertTransaction, saveLoan } from "../store.js";
import { checkValueDate, loanToChange } from "./guards.js";

export async function refundAdvance(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: { on: string; channel: Channel },
): Promise<bigint> {
  const loan = await loanToChange(trx, ctx, loanId, "loans.write");
  checkValueDate(ctx, loan, input.on);
  if (loan.advance <= 0n) throw new DomainError("LOAN_NO_ADVANCE");
  const refund = loan.advance;
  const entryId = await post(trx, ctx, loan, input.on, "loanAdvanceRefunded", [
    ["advances", refund],
    [input.channel, -refund],
  ]);
  const seq = loan.version + 1;
  await insertTransaction(trx, ctx, loan, seq, {
    kind: "refund",
    valueDate: input.on,
    amount: refund,
    channel: input.channel,
    entryId,
  });
  loan.advance = 0n;
  await saveLoan(trx, loan, seq);
  ctx.touched("loan", loan.id);
  return refund;
}
