// The schedule a loan's terms give on the tenant's working calendar, the legal cap it must keep
// under, and the refusal of terms the schedule cannot be built from.

import { DomainError } from "@qadam/core/errors";
import type { PlanTerms } from "@qadam/core/loans/processing";
import { capOn, type LoanProduct, refuseAboveCap } from "@qadam/core/loans/product";
import { buildSchedule, type Schedule, ScheduleTermsError } from "@qadam/core/loans/schedule";
import { money } from "@qadam/core/money";
import type { Db } from "../../platform/db/database.js";
import { type LoanRecord, tenantCalendar, tenantCaps } from "../store.js";

export function scheduleError(error: unknown): never {
  if (error instanceof ScheduleTermsError || error instanceof RangeError)
    throw new DomainError("SCHEDULE_TERMS_INVALID", { details: error.message });
  throw error;
}

/** The schedule the loan's terms give from a disbursement date, on the tenant's working calendar. */
export async function scheduleOf(
  trx: Db,
  tenantId: string,
  product: LoanProduct,
  principal: bigint,
  installments: number,
  disbursedOn: string,
  firstDueOn: string,
): Promise<Schedule> {
  const calendar = await tenantCalendar(trx, tenantId);
  try {
    return buildSchedule({
      ...product,
      principal: money(principal, product.minPrincipal.currency),
      installments,
      disbursedOn,
      firstDueOn,
      calendar,
    });
  } catch (error) {
    scheduleError(error);
  }
}

/** Refuses a schedule whose effective rate is above the tenant's cap in force on its disbursement date. */
export async function checkCap(
  trx: Db,
  tenantId: string,
  schedule: Schedule,
  disbursedOn: string,
): Promise<void> {
  const cap = capOn(await tenantCaps(trx, tenantId), disbursedOn);
  if (cap !== null) refuseAboveCap(schedule.effectiveAnnualRate, cap, disbursedOn);
}

export async function planTerms(trx: Db, loan: LoanRecord): Promise<PlanTerms> {
  return {
    product: loan.product,
    currency: loan.currency,
    calendar: await tenantCalendar(trx, loan.tenantId),
  };
}

/** Runs a plan calculation, its refusal of the terms as SCHEDULE_TERMS_INVALID. */
export function withTerms<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    scheduleError(error);
  }
}
