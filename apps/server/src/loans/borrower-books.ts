// A loan to a self-help group lives in two sets of books: the lender's asset and the group's
// liability. Every entry a loan command posts for a group borrower is mirrored, in the same
// transaction, into the group's books (when the group keeps them in Qadam), line by line:
//   lender's portfolio, penalties receivable, advances, recoveries → the group's external loans
//   lender's cash / bank                                          → the group's cash box / bank
//   lender's interest income                                      → the group's interest on external loans
//   lender's fee and penalty income                               → the group's expenses
// each with the opposite sign. So the group's external-loan balance is always what the lender says
// it is owed: principal and penalties charged, less any advance. A write-off is the lender's own
// affair and is not mirrored: the group still owes the money, and recoveries reduce that debt.

import type { JournalLine } from "@qadam/core/books/journal";
import { DomainError } from "@qadam/core/errors";
import { money } from "@qadam/core/money";
import { accountsOf, writeEntry } from "../books/index.js";
import { tenantOrganisation } from "../orgs/index.js";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import type { LoanAccountRole, LoanRecord } from "./store.js";

/** Codes of the "shg" chart template (books/accounts.ts). */
const GROUP_ACCOUNT: Record<Exclude<LoanAccountRole, "losses">, string> = {
  cash: "11",
  bank: "12",
  individualLoans: "22",
  groupLoans: "22",
  penaltiesReceivable: "22",
  advances: "22",
  recoveries: "22",
  interestIncome: "52",
  feeIncome: "51",
  penaltyIncome: "51",
};

export async function mirrorToBorrowingGroup(
  trx: Db,
  ctx: CommandContext,
  loan: LoanRecord,
  entry: { businessDate: string; description: string },
  lines: ReadonlyArray<readonly [LoanAccountRole, bigint]>,
): Promise<void> {
  if (loan.borrowerType !== "group") return;
  if (lines.some(([role, minor]) => role === "losses" && minor !== 0n)) return;
  const group = await tenantOrganisation(trx, loan.tenantId, loan.borrowerId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!group) return;
  const chart = await accountsOf(trx, loan.tenantId, group.id);
  if (chart.length === 0) return; // the group does not keep its books in Qadam
  const idOf = new Map(chart.map((a) => [a.code, a.id]));
  const net = new Map<string, bigint>();
  for (const [role, minor] of lines) {
    if (role === "losses" || minor === 0n) continue;
    const id = idOf.get(GROUP_ACCOUNT[role]);
    if (!id) throw new Error(`the group's chart has no account ${GROUP_ACCOUNT[role]}`);
    net.set(id, (net.get(id) ?? 0n) - minor);
  }
  const mirrored: JournalLine[] = [...net.entries()]
    .filter(([, minor]) => minor !== 0n)
    .map(([account, minor]) => ({ account, amount: money(minor, loan.currency) }));
  if (mirrored.length === 0) return;
  await writeEntry(trx, ctx, group, {
    businessDate: entry.businessDate,
    description: `${entry.description} (${loan.org.name})`,
    cause: { type: "loan", id: loan.id },
    lines: mirrored,
  });
}
