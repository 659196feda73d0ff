// Arrears on a date: what is overdue by component, days past due counted from the oldest installment
// not fully paid, the delinquency bucket, and portfolio at risk over a number of days.

import { COMPONENTS, type Component, type Owed } from "./allocation.js";
import { daysBetween } from "./calendar.js";

export const BUCKETS = ["current", "1-30", "31-60", "61-90", "91-180", "over-180"] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface Arrears {
  overdue: Record<Component, bigint>;
  daysPastDue: number;
  bucket: Bucket;
}

export function bucketOf(daysPastDue: number): Bucket {
  if (daysPastDue <= 0) return "current";
  if (daysPastDue <= 30) return "1-30";
  if (daysPastDue <= 60) return "31-60";
  if (daysPastDue <= 90) return "61-90";
  if (daysPastDue <= 180) return "91-180";
  return "over-180";
}

/** An installment falls overdue the day after its due date. */
export function arrearsOn(date: string, owed: readonly Owed[]): Arrears {
  const overdue = Object.fromEntries(COMPONENTS.map((c) => [c, 0n])) as Record<Component, bigint>;
  let oldest: string | null = null;
  for (const installment of owed) {
    if (installment.dueDate >= date) continue;
    const unpaid = COMPONENTS.some((c) => installment.outstanding[c] > 0n);
    if (!unpaid) continue;
    for (const c of COMPONENTS) overdue[c] += installment.outstanding[c];
    if (oldest === null || installment.dueDate < oldest) oldest = installment.dueDate;
  }
  const daysPastDue = oldest === null ? 0 : daysBetween(oldest, date);
  return { overdue, daysPastDue, bucket: bucketOf(daysPastDue) };
}

export interface LoanAtRisk {
  /** Outstanding principal, all of it (not only the overdue part). */
  principal: bigint;
  daysPastDue: number;
}

/**
 * Portfolio at risk over `days`: the whole outstanding principal of loans more than `days` past due,
 * over the gross portfolio — as an exact fraction, with a ratio rounded to 6 decimals for display.
 */
export function portfolioAtRisk(
  loans: Iterable<LoanAtRisk>,
  days: number,
): { atRisk: bigint; portfolio: bigint; ratio: string } {
  let atRisk = 0n;
  let portfolio = 0n;
  for (const loan of loans) {
    portfolio += loan.principal;
    if (loan.daysPastDue > days) atRisk += loan.principal;
  }
  return { atRisk, portfolio, ratio: ratioText(atRisk, portfolio) };
}

/** part ÷ whole as a decimal fraction with six places, half-up (0 when the whole is 0). */
export function ratioText(part: bigint, whole: bigint): string {
  const millionths = whole === 0n ? 0n : (part * 2_000_000n + whole) / (2n * whole);
  return `${millionths / 1_000_000n}.${(millionths % 1_000_000n).toString().padStart(6, "0")}`;
}
