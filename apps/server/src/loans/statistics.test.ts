// SQLite plans each query by the statistics ANALYZE last took. Taken when a table was tiny (a new
// tenant's first loan: twelve installments, all of one loan), they say a loan's key picks out every
// row, and SQLite then scans the whole table for one loan's installments, long after it holds a
// million: every repayment slowed by the size of the portfolio. The connection refreshes them as
// tables grow (database.ts, every STATISTICS_EVERY transactions). PostgreSQL keeps its own
// statistics (autovacuum), so this is a SQLite test.
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type OpenDatabase, STATISTICS_EVERY } from "../platform/db/database.js";
import { openTestDatabase } from "../platform/db/testing.js";
import { UNSETTLED_INSTALLMENTS } from "./store.js";
import { disbursedLoan, loanWorld } from "./testing.js";

describe("the planner's statistics on SQLite", () => {
  let open: OpenDatabase | null = null;
  afterEach(async () => {
    await open?.close();
  });

  it("are refreshed as tables grow, so a loan's open installments are found by its key", async () => {
    open = await openTestDatabase({ name: "sqlite", url: "sqlite::memory:" });
    const { db } = open;
    const w = await loanWorld(db);
    const first = await disbursedLoan(w);
    // The query a repayment reads a loan's open installments with (unsettledInstallments).
    const unsettled = UNSETTLED_INSTALLMENTS.compiled(db, { loanId: first });
    const plan = async () =>
      (
        await db.executeQuery<{ detail: string }>({
          ...unsettled,
          sql: `explain query plan ${unsettled.sql}`,
        })
      ).rows
        .map((r) => r.detail)
        .join("; ");
    // The statistics of a tiny table: the plan scans it.
    await sql`analyze`.execute(db);
    expect(await plan()).toMatch(/SCAN loan_installments/);
    // The portfolio grows thirty-fold, and the connection goes on with its commands.
    for (let k = 0; k < 30; k++) await disbursedLoan(w);
    for (let k = 0; k < STATISTICS_EVERY; k++) await w.run(null, async () => undefined);
    expect(await plan()).toMatch(/SEARCH loan_installments USING INDEX/);
  }, 60_000);
});
