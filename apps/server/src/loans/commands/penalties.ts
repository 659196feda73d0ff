// A penalty run: the penalties accrued up to a date charged without a payment (month-end).

import type { CommandContext } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import { activeLoan } from "./guards.js";
import { finishWork, startWork } from "./work.js";

/** Charges penalties accrued up to a date (month-end), without a payment. */
export async function chargePenalties(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  on: string,
): Promise<void> {
  const w = await startWork(trx, ctx, await activeLoan(trx, ctx, loanId, "loans.write", on), on, {
    run: true,
  });
  // No transaction of its own: the version moves past the penalty run's, if it recorded one.
  await finishWork(trx, ctx, w, on, w.live, w.loan.version + 1);
}
