// The loan a command may change, locked, in the statuses it takes; and the checks every command
// makes of its dates and amounts.

import { assertCan } from "@qadam/core/auth/actor";
import { businessDate } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import { disbursedOn } from "@qadam/core/loans/state";
import { type Currency, formatMoney, type Money, money } from "@qadam/core/money";
import type { Organisation } from "@qadam/core/orgs/types";
import type { CommandContext } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import { type LoanIn, type LoanRecord, type LoanStatus, loadLoan } from "../store.js";

export function today(ctx: CommandContext, org: Organisation): string {
  return businessDate(new Date(ctx.now), org.timeZone);
}

export function checkValueDate(ctx: CommandContext, loan: LoanRecord, on: string): void {
  if (on > today(ctx, loan.org)) throw new DomainError("LOAN_DATE_IN_FUTURE", { date: on });
  const disbursed = disbursedOn(loan.state);
  if (disbursed !== null && on < disbursed)
    throw new DomainError("LOAN_DATE_BEFORE_DISBURSEMENT", { date: on, disbursed });
}

/** The loan, locked, that the actor may change with `permission`, in one of the statuses given. */
export async function loanToChange<S extends LoanStatus>(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  permission: "loans.write" | "loans.approve",
  ...statuses: [S, ...S[]]
): Promise<LoanIn<S>>;
/** The loan, locked, that the actor may change with `permission`, whatever its status. */
export async function loanToChange(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  permission: "loans.write" | "loans.approve",
): Promise<LoanRecord>;
export async function loanToChange(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  permission: "loans.write" | "loans.approve",
  ...statuses: LoanStatus[]
): Promise<LoanRecord> {
  const loan = await loadLoan(trx, ctx.actor, loanId, true, ctx);
  assertCan(ctx.actor, permission, loan.org.path, "loan");
  if (statuses.length > 0 && !statuses.includes(loan.state.status))
    throw new DomainError("LOAN_WRONG_STATUS", { status: loan.state.status });
  return loan;
}

/** The active loan, locked, for a money command dated `on`. */
export async function activeLoan(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  permission: "loans.write" | "loans.approve",
  on: string,
): Promise<LoanIn<"active">> {
  const loan = await loanToChange(trx, ctx, loanId, permission, "active");
  checkValueDate(ctx, loan, on);
  return loan;
}

/** An amount of a loan, in minor units: in the loan's currency (INVALID_AMOUNT otherwise). */
export function amountIn(amount: Money, cur: Currency): bigint {
  if (amount.currency !== cur)
    throw new DomainError("INVALID_AMOUNT", { amount: formatMoney(amount), currency: cur });
  return amount.minor;
}

/** A payment's amount in minor units: positive, in the loan's currency. */
export function positiveAmount(amount: Money, cur: Currency): bigint {
  const minor = amountIn(amount, cur);
  if (minor <= 0n) throw new DomainError("VALIDATION_FAILED", { details: "amount must be positive" });
  return minor;
}

export function overpayment(loan: LoanRecord, extra: bigint, owed: bigint): DomainError {
  return new DomainError("LOAN_OVERPAYMENT", {
    amount: money(extra, loan.currency),
    owed: money(owed, loan.currency),
  });
}

export const later = (a: string, b: string) => (a > b ? a : b);
