// Approval or rejection of an application, by another user than its maker.

import { DomainError } from "@qadam/core/errors";
import type { CommandContext } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import { enterState, saveLoan } from "../store.js";
import { loanToChange } from "./guards.js";

/** Approval or rejection, by a user other than the one who created the application (maker–checker). */
export async function decide(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  decision: { approve: boolean; on: string; note?: string | null },
): Promise<void> {
  const loan = await loanToChange(trx, ctx, loanId, "loans.approve", "applied");
  if (loan.createdBy !== null && loan.createdBy === ctx.actor.userId)
    throw new DomainError("LOAN_MAKER_CHECKER");
  if (decision.on < loan.appliedOn)
    throw new DomainError("LOAN_DATE_BEFORE_APPLICATION", { date: decision.on, applied: loan.appliedOn });
  enterState(loan, {
    status: decision.approve ? "approved" : "rejected",
    decision: { by: ctx.actor.userId, on: decision.on, note: decision.note ?? null },
  });
  await saveLoan(trx, loan, loan.version + 1);
  ctx.touched("loan", loan.id);
}
