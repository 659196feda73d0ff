// A borrower's loans, for the domains that collect them: a self-help group's meeting lists the group's
// active loans and repays only its own.

import { isUuid } from "@qadam/core/ids";
import type { Db } from "../platform/db/database.js";

export interface Borrower {
  type: "person" | "group";
  id: string;
}

/** Who borrowed the tenant's loan `loanId`; null when no loan of the tenant has that id. */
export async function borrowerOf(db: Db, tenantId: string, loanId: string): Promise<Borrower | null> {
  if (!isUuid(loanId)) return null;
  const row = await db
    .selectFrom("loans")
    .select(["borrowerType", "borrowerId"])
    .where("tenantId", "=", tenantId)
    .where("id", "=", loanId)
    .executeTakeFirst();
  if (!row) return null;
  return { type: row.borrowerType === "group" ? "group" : "person", id: row.borrowerId };
}

/** The ids of the borrower's active loans disbursed on or before `on`, oldest first. */
export async function activeLoansOf(
  db: Db,
  tenantId: string,
  borrower: Borrower,
  on: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("loans")
    .select("id")
    .where("tenantId", "=", tenantId)
    .where("borrowerType", "=", borrower.type)
    .where("borrowerId", "=", borrower.id)
    .where("status", "=", "active")
    .where("disbursedOn", "<=", on)
    .orderBy("disbursedOn")
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}
