// How many loans a tenant has in each status: the demo's summary, and a glance for an operator.
import type { Db } from "../platform/db/database.js";
import { toCount } from "../platform/db/ints.js";
import type { LoanStatus } from "./store.js";

/** The tenant's loans counted by status (a status with none is absent). */
export async function loanCountsByStatus(
  db: Db,
  tenantId: string,
): Promise<Partial<Record<LoanStatus, number>>> {
  const rows = await db
    .selectFrom("loans")
    .select(["status", (eb) => eb.fn.countAll().as("n")])
    .where("tenantId", "=", tenantId)
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, toCount(r.n)]));
}
