// The journal lines of a loan's money movements in the lender's books (mirrored into a borrowing
// group's own books): one place for the accounts each movement debits and credits.

import type { JournalLine } from "@qadam/core/books/journal";
import type { Allocation } from "@qadam/core/loans/allocation";
import { money } from "@qadam/core/money";
import { describeEntry, type EntryText, postEntry } from "../books/index.js";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { mirrorToBorrowingGroup } from "./borrower-books.js";
import { type LoanAccountRole, type LoanRecord, loanAccounts } from "./store.js";

export type Channel = "cash" | "bank";

export type Line = [LoanAccountRole, bigint];

/** Posts one entry in the lender's books (and its mirror in a borrowing group's); returns its id. */
export async function post(
  trx: Db,
  ctx: CommandContext,
  loan: LoanRecord,
  on: string,
  text: EntryText,
  lines: readonly Line[],
): Promise<string> {
  const description = await describeEntry(trx, ctx, text);
  const accounts = await loanAccounts(trx, loan.org, ctx);
  const journalLines: JournalLine[] = lines
    .filter(([, minor]) => minor !== 0n)
    .map(([role, minor]) => ({ account: accounts[role], amount: money(minor, loan.currency) }));
  const entry = await postEntry(trx, ctx, loan.org, {
    businessDate: on,
    description,
    cause: { type: "loan", id: loan.id },
    lines: journalLines,
  });
  await mirrorToBorrowingGroup(trx, ctx, loan, { businessDate: on, description }, lines);
  return entry.id;
}

export function portfolio(loan: LoanRecord): LoanAccountRole {
  return loan.borrowerType === "group" ? "groupLoans" : "individualLoans";
}

/** The journal lines of money received and split over the components (and an advance). */
export function receiptLines(
  loan: LoanRecord,
  channel: Channel,
  allocations: readonly Allocation[],
  advance: bigint,
): Line[] {
  const by = { principal: 0n, interest: 0n, fee: 0n, penalty: 0n };
  for (const a of allocations) by[a.component] += a.minor;
  const total = by.principal + by.interest + by.fee + by.penalty + advance;
  return [
    [channel, total],
    [portfolio(loan), -by.principal],
    ["interestIncome", -by.interest],
    ["feeIncome", -by.fee],
    ["penaltiesReceivable", -by.penalty],
    ["advances", -advance],
  ];
}

/** The journal lines of penalties charged. */
export function penaltyLines(total: bigint): Line[] {
  return [
    ["penaltiesReceivable", total],
    ["penaltyIncome", -total],
  ];
}

/** The journal lines of a write-off of principal and penalties. */
export function writeOffLines(loan: LoanRecord, principal: bigint, penalties: bigint): Line[] {
  return [
    ["losses", principal + penalties],
    [portfolio(loan), -principal],
    ["penaltiesReceivable", -penalties],
  ];
}
