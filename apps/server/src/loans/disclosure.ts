// What a loan's contract discloses from the moment it is applied for: its schedule, the fee at
// disbursement and the effective annual rate (ГЭСВ). Before disbursement they are computed from the
// stored terms as if the loan were disbursed on the application date (the date its cap was checked
// on): disbursing on that date, with the same first due date, produces exactly this schedule. After
// disbursement they are the schedule fixed then (plan 1) and its fee.

import { DomainError } from "@qadam/core/errors";
import { asContracted, contractedInstallments, type InstallmentState } from "@qadam/core/loans/engine";
import {
  buildSchedule,
  disbursementFeeOn,
  effectiveRateOf,
  ScheduleTermsError,
} from "@qadam/core/loans/schedule";
import { isDisbursed } from "@qadam/core/loans/state";
import { money } from "@qadam/core/money";
import type { Decimal } from "decimal.js";
import type { Db } from "../platform/db/database.js";
import { allInstallments, type LoanRecord, tenantCalendar } from "./store.js";

export interface Disclosure {
  /** The disbursement date the schedule and the rate count from. */
  disbursedOn: string;
  /** The schedule as contracted, nothing paid. */
  installments: InstallmentState[];
  disbursementFee: bigint;
  effectiveAnnualRate: Decimal | null;
}

/** The loan's contracted schedule, fee and effective annual rate. */
export async function disclosureOf(db: Db, loan: LoanRecord): Promise<Disclosure> {
  const { state } = loan;
  if (!isDisbursed(state)) {
    const disbursedOn = loan.appliedOn;
    let s: ReturnType<typeof buildSchedule>;
    try {
      s = buildSchedule({
        ...loan.product,
        principal: money(loan.principal, loan.currency),
        installments: loan.installments,
        disbursedOn,
        firstDueOn: loan.firstDueOn,
        calendar: await tenantCalendar(db, loan.tenantId),
      });
    } catch (error) {
      if (error instanceof ScheduleTermsError || error instanceof RangeError)
        throw new DomainError("SCHEDULE_TERMS_INVALID", { details: error.message });
      throw error;
    }
    return {
      disbursedOn,
      installments: contractedInstallments(s, disbursedOn),
      disbursementFee: s.disbursementFee.minor,
      effectiveAnnualRate: s.effectiveAnnualRate,
    };
  }
  const disbursedOn = state.disbursedOn;
  const first = ((await allInstallments(db, [loan.id])).get(loan.id) ?? []).filter((i) => i.plan === 1);
  const fee = disbursementFeeOn(loan.principal, loan.product.disbursementFee);
  return {
    disbursedOn,
    installments: first.map(asContracted),
    disbursementFee: fee,
    effectiveAnnualRate: effectiveRateOf(
      loan.principal,
      fee,
      disbursedOn,
      first.map((i) => ({
        dueDate: i.dueDate,
        total: money(i.principal + i.interest + i.fee, loan.currency),
      })),
    ),
  };
}
