// The reversal of a mistaken repayment, whatever came after it.

import { DomainError } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import type { CommandContext } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import { reprocess } from "../reprocess.js";
import { checkValueDate, loanToChange } from "./guards.js";

/**
 * Reverses a mistaken repayment, whatever came after it: the loan's history is replayed by value date
 * without it (reprocess.ts), so the later repayments, prepayments, plans, penalties and any write-off
 * are what they would have been without it; its entry is reversed, and so is every later one whose
 * effect changes, posted again with its new effect. Journal entries of the correction carry the later
 * of the event's value date and the correction's date.
 */
export async function reverseRepayment(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  transactionId: string,
  input: { on: string; reason: string },
): Promise<{ reversed: string[]; reapplied: string[] }> {
  const loan = await loanToChange(trx, ctx, loanId, "loans.write", "active", "closed", "written_off");
  checkValueDate(ctx, loan, input.on);
  const txs = isUuid(transactionId)
    ? await trx
        .selectFrom("loanTransactions")
        .select(["id", "kind", "reversesId", "replacesId"])
        .where("loanId", "=", loan.id)
        .execute()
    : [];
  let target = txs.find((t) => t.id === transactionId);
  if (target?.kind !== "repayment") throw new DomainError("NOT_FOUND", { entity: "record" });
  // A repayment a replay posted again (with a new allocation) is reversed through its latest posting.
  const reversed = new Set(txs.map((t) => t.reversesId));
  while (target && reversed.has(target.id)) {
    const id: string = target.id;
    target = txs.find((t) => t.replacesId === id && t.kind === "repayment");
    if (!target) throw new DomainError("LOAN_ALREADY_REVERSED");
  }
  const done = await reprocess(trx, ctx, loan, { remove: target.id, on: input.on, reason: input.reason });
  return { reversed: done.reversed, reapplied: done.reposted };
}
