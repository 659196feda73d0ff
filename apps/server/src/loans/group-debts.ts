// What a self-help group owes beyond principal on its loans from the federation or the MFO, on a date,
// as a payoff quote of that date would ask it: read at system level, since the group's debt is the
// group's whoever reads its books (its bookkeeper may not be allowed to see the lender's loan).

import { allocatedTo, COMPONENTS } from "@qadam/core/loans/allocation";
import type { LoanStatus } from "@qadam/core/loans/contract";
import { type InstallmentState, unpaid } from "@qadam/core/loans/engine";
import { payPrepayment } from "@qadam/core/loans/processing";
import { isDisbursed, loanStateFrom } from "@qadam/core/loans/state";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { type LoanOnRecord, loanInstallmentsOn, penaltyPendingOn } from "./queries.js";
import { storedSpec } from "./store.js";

/** One loan's charges beyond principal on the date (minor units of the loan's currency). */
export interface GroupLoanCharges {
  loanId: string;
  /**
   * Interest a payoff on the date would pay: unpaid interest of the installments due on or before it,
   * and the current period's interest accrued to it (scheduled interest × elapsed ÷ period days, as a
   * prepayment computes it) less what was paid of it already.
   */
  interest: bigint;
  /** Unpaid fees of the installments due on or before the date. */
  fee: bigint;
  /** Penalties charged and unpaid (the group's books already hold them in its external loans). */
  penaltyCharged: bigint;
  /** Penalties accrued by the date and not yet charged (known on the loan's current record only). */
  penaltyPending: bigint;
}

export interface GroupDebtCharges {
  loans: GroupLoanCharges[];
  interest: bigint;
  fee: bigint;
  penaltyCharged: bigint;
  penaltyPending: bigint;
}

/**
 * The interest, fees and penalties a group owes on `on` on its loans in `currency` (loans in another
 * currency are left out) that were disbursed by then and were neither closed nor written off by then.
 * Whoever asks: no actor's visibility applies.
 */
export async function groupDebtChargesOn(
  db: Db,
  group: { tenantId: string; id: string; currency: string },
  on: string,
): Promise<GroupDebtCharges> {
  const rows = await db
    .selectFrom("loans")
    .select([
      "id",
      "status",
      "decidedBy",
      "decidedOn",
      "decisionNote",
      "disbursedOn",
      "closedOn",
      "writtenOffOn",
      "spec",
      "principal",
      "lastActivityOn",
      "penaltyThrough",
    ])
    .where("tenantId", "=", group.tenantId)
    .where("borrowerType", "=", "group")
    .where("borrowerId", "=", group.id)
    .where("currency", "=", group.currency)
    .where("status", "in", ["active", "closed", "written_off"])
    .where("disbursedOn", "<=", on)
    .where((eb) => eb.or([eb("closedOn", "is", null), eb("closedOn", ">", on)]))
    .where((eb) => eb.or([eb("writtenOffOn", "is", null), eb("writtenOffOn", ">", on)]))
    .orderBy("disbursedOn")
    .orderBy("id")
    .execute();
  const out: GroupDebtCharges = { loans: [], interest: 0n, fee: 0n, penaltyCharged: 0n, penaltyPending: 0n };
  for (const row of rows) {
    const state = loanStateFrom({ ...row, status: row.status as LoanStatus });
    if (!isDisbursed(state)) continue;
    // A loan closed or written off after `on` was active on it; its record of that date is what counts.
    const loan: LoanOnRecord = {
      id: row.id,
      state: { status: "active", decision: state.decision, disbursedOn: state.disbursedOn },
      lastActivityOn: row.lastActivityOn,
      penaltyThrough: row.penaltyThrough,
      product: storedSpec(row.spec).product,
      principal: toBigInt(row.principal),
    };
    const installments = await loanInstallmentsOn(db, loan, on);
    const charges = {
      loanId: loan.id,
      ...payoffCharges(installments, loan, state.disbursedOn, on),
      penaltyCharged: installments.reduce((s, i) => s + unpaid(i, "penalty"), 0n),
      penaltyPending: await penaltyPendingOn(db, loan, installments, on),
    };
    out.loans.push(charges);
    out.interest += charges.interest;
    out.fee += charges.fee;
    out.penaltyCharged += charges.penaltyCharged;
    out.penaltyPending += charges.penaltyPending;
  }
  return out;
}

/** The interest and fees of a payoff on `on`: a prepayment of everything, on a copy of the schedule. */
function payoffCharges(
  installments: readonly InstallmentState[],
  loan: LoanOnRecord,
  disbursedOn: string,
  on: string,
): { interest: bigint; fee: bigint } {
  const copy = installments.map((i) => ({ ...i }));
  // Enough to pay every installment whole: the split then takes all a payoff would, and leaves the rest.
  const everything = copy.reduce((s, i) => s + COMPONENTS.reduce((t, c) => t + unpaid(i, c), 0n), 1n);
  const { allocations } = payPrepayment(copy, loan.product, disbursedOn, on, everything);
  return { interest: allocatedTo(allocations, "interest"), fee: allocatedTo(allocations, "fee") };
}
