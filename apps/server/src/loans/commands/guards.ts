// The loan a command may change, locked, in the statuses it takes; and the checks every command
// makes of its dates and amounts.

import { assertCan } from "@qadam/core/auth/actor";
import { businessDate } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import { type Currency, parseAmount as lineAmount, money } from "@qadam/core/money";
import type { Organisation } from "@qadam/core/orgs/types";
import type { CommandContext } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import { type LoanRecord, type LoanStatus, loadLoan } from "../store.js";

export function today(ctx: CommandContext, org: Organisation): string {
  return businessDate(new Date(ctx.now), org.timeZone);
}

export function checkValueDate(ctx: CommandContext, loan: LoanRecord, on: string): void {
  if (on > today(ctx, loan.org)) throw new DomainError("LOAN_DATE_IN_FUTURE", { date: on });
  if (loan.disbursedOn && on < loan.disbursedOn)
    throw new DomainError("LOAN_DATE_BEFORE_DISBURSEMENT", { date: on, disbursed: loan.disbursedOn });
}

/** The loan, locked, that the actor may change with `permission`, in one of the statuses given. */
export async function loanToChange(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  permission: "loans.write" | "loans.approve",
  ...statuses: LoanStatus[]
): Promise<LoanRecord> {
  const loan = await loadLoan(trx, ctx.actor, loanId, true);
  assertCan(ctx.actor, permission, loan.org.path, "loan");
  if (statuses.length > 0 && !statuses.includes(loan.status))
    throw new DomainError("LOAN_WRONG_STATUS", { status: loan.status });
  return loan;
}

/** The active loan, locked, for a money command dated `on`. */
export async function activeLoan(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  permission: "loans.write" | "loans.approve",
  on: string,
): Promise<LoanRecord> {
  const loan = await loanToChange(trx, ctx, loanId, permission, "active");
  checkValueDate(ctx, loan, on);
  return loan;
}

export function positiveAmount(text: string, cur: Currency): bigint {
  const amount = parseAmount(text, cur);
  if (amount <= 0n) throw new DomainError("VALIDATION_FAILED", { details: "amount must be positive" });
  return amount;
}

/** An amount in the loan's currency from its text (INVALID_AMOUNT), in minor units. */
export function parseAmount(text: string, cur: Currency): bigint {
  return lineAmount(text, cur).minor;
}

export function overpayment(loan: LoanRecord, extra: bigint, owed: bigint): DomainError {
  return new DomainError("LOAN_OVERPAYMENT", {
    amount: money(extra, loan.currency),
    owed: money(owed, loan.currency),
  });
}

export const later = (a: string, b: string) => (a > b ? a : b);
