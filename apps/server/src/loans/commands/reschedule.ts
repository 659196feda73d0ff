// A reschedule: the unpaid installments replaced by a new plan on new terms.

import { DomainError, phrase } from "@qadam/core/errors";
import { planAfterReschedule } from "@qadam/core/loans/processing";
import { productFrom } from "@qadam/core/loans/product-spec";
import type { CommandContext } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import type { RescheduleTerms } from "../replay-postings.js";
import { isBackdated, reprocess } from "../reprocess.js";
import { insertInstallments, insertTransaction } from "../store.js";
import { activeLoan } from "./guards.js";
import { planTerms, withTerms } from "./terms.js";
import { finishWork, startWork } from "./work.js";

export async function reschedule(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: {
    on: string;
    installments: number;
    firstDueOn: string;
    annualRatePercent?: string | null;
    reason: string;
  },
): Promise<void> {
  if (input.firstDueOn <= input.on)
    throw new DomainError("SCHEDULE_TERMS_INVALID", {
      details: phrase("firstDueNotAfterReschedule"),
    });
  const loan = await activeLoan(trx, ctx, loanId, "loans.approve", input.on);
  const event = {
    installments: input.installments,
    firstDueOn: input.firstDueOn,
    annualRatePercent: input.annualRatePercent || null,
  };
  if (isBackdated(loan, input.on)) {
    await reprocess(trx, ctx, loan, {
      add: { kind: "reschedule", on: input.on, reason: input.reason, ...event },
      on: input.on,
      reason: null,
    });
    return;
  }
  const w = await startWork(trx, ctx, loan, input.on);
  const { live, seq } = w;
  const terms: RescheduleTerms = { ...event, priorRatePercent: loan.spec.annualRatePercent };
  if (event.annualRatePercent) {
    loan.spec = { ...loan.spec, annualRatePercent: event.annualRatePercent };
    loan.product = productFrom(loan.spec);
  }
  const planning = await planTerms(trx, loan);
  const plan = withTerms(() =>
    planAfterReschedule(live, planning, loan.plan + 1, { on: input.on, ...event }),
  );
  loan.plan += 1;
  await insertInstallments(trx, loan.tenantId, loan.id, plan.rows);
  await insertTransaction(trx, ctx, loan, seq, {
    kind: "reschedule",
    valueDate: input.on,
    amount: plan.principal,
    entryId: null,
    note: input.reason,
    terms: JSON.stringify(terms),
  });
  loan.installments = plan.kept.length + plan.rows.length;
  await finishWork(trx, ctx, w, input.on, [...plan.kept, ...plan.rows]);
}
