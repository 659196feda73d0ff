import type { Actor } from "@qadam/core/auth/actor";
import { addDays } from "@qadam/core/clock";
import { addMonths } from "@qadam/core/groups/internal-loans";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { meetingRegularity, previewShareout } from "../groups/index.js";
import { portfolioAtRiskFor } from "../loans/index.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { generateDemo } from "./generate.js";

// Whatever day the demo is loaded on, it looks like a working portfolio on that day: loans mostly
// repaid on schedule, groups meeting up to their last expected meeting, and a federation lending.
for (const today of ["2026-12-02", "2027-06-15"])
  describeEachDatabase(`the demo loaded on ${today}`, (use) => {
    it("shows a believable portfolio, groups meeting on schedule and a federation's loans to groups", async () => {
      const { db } = use();
      const summary = await generateDemo(db, { today, seed: 1, members: 300, loans: 80 });
      const moldir = summary.tenants[0];
      if (!moldir) throw new Error("no association");
      const actor = (t: { tenantId: string; rootId: string }): Actor => ({
        tenantId: t.tenantId,
        userId: null,
        locale: "en",
        grants: [{ orgId: t.rootId, orgPath: `/${t.rootId}/`, role: "tenant_admin" }],
        via: "cli",
      });

      const [par] = await portfolioAtRiskFor(db, actor(moldir), moldir.rootId, today);
      if (!par) throw new Error("no portfolio");
      const share = (x: bigint) => Number((x * 10_000n) / par.portfolio) / 100;
      expect(share(par.atRisk.par30)).toBeGreaterThanOrEqual(1);
      expect(share(par.atRisk.par30)).toBeLessThanOrEqual(15);
      expect(share(par.atRisk.par1)).toBeLessThan(25);

      // Groups that meet (held a meeting in the last three months: not the ones that stopped) held their
      // meetings of the last month, up to the last one expected before today.
      // The groups of a tenant that held a meeting since a date.
      const meetingSince = (t: { tenantId: string }, since: string) =>
        db
          .selectFrom("meetings")
          .select("orgId")
          .distinct()
          .where("tenantId", "=", t.tenantId)
          .where("heldOn", ">=", since)
          .execute();
      let meeting = 0;
      let onSchedule = 0;
      for (const t of summary.tenants) {
        for (const g of await meetingSince(t, addMonths(today, -3))) {
          const report = await meetingRegularity(
            db,
            actor(t),
            g.orgId,
            { from: addMonths(today, -1), to: addDays(today, -1) },
            new Date(`${today}T04:00:00Z`),
          );
          meeting += 1;
          if (report.missed.length === 0) onSchedule += 1;
        }
      }
      expect(meeting).toBeGreaterThan(10);
      expect(onSchedule / meeting).toBeGreaterThanOrEqual(0.8);

      // Each method of share-out is in use and applies as chosen: for nearly every group the net worth
      // shared is a profit (a loss is shared as in the standard rule, whatever the method), and the
      // groups at a loss are few (a dormant group's expenses, say), not every one of them.
      const methods = new Set<string>();
      let previews = 0;
      let atALoss = 0;
      for (const t of summary.tenants) {
        for (const g of await meetingSince(t, addMonths(today, -24))) {
          const preview = await previewShareout(db, actor(t), g.orgId, today);
          previews += 1;
          if (preview.members.some((m) => m.profit < 0n)) atALoss += 1;
          else expect(preview.sharedAs).toBe(preview.method);
          methods.add(preview.sharedAs);
        }
      }
      expect(previews).toBeGreaterThan(10);
      expect(atALoss / previews).toBeLessThanOrEqual(0.2);
      expect([...methods].sort()).toEqual(["flat", "standard", "time-weighted"]);

      // A federation lends to groups from its own books, collected at their meetings.
      const federationLoans = await db
        .selectFrom("loans as l")
        .innerJoin("organisations as o", "o.id", "l.orgId")
        .select(["l.id", "l.status", "l.principalOutstanding"])
        .where("o.kind", "=", "federation")
        .where("l.borrowerType", "=", "group")
        .execute();
      expect(federationLoans.filter((l) => l.status === "active").length).toBeGreaterThanOrEqual(2);
      const collected = await db
        .selectFrom("meetingLines")
        .select("meetingId")
        .where("kind", "=", "loanRepayment")
        .execute();
      expect(collected.length).toBeGreaterThan(0);
      // Every entry balances, in every organisation's books.
      const unbalanced = await sql<{ entryId: string }>`
        select entry_id from journal_lines group by entry_id, currency having sum(amount) <> 0`.execute(db);
      expect(unbalanced.rows).toEqual([]);
      await expectBooksCoherent(db);

      // Every group keeping its books here holds in its external loans what its lenders say it owes
      // (loans/borrower-books.ts): principal outstanding and penalties charged, less any advance. The
      // MFO's loans went to groups whose books opened after them, which then held none of the debt.
      const external = await db
        .selectFrom("accounts as a")
        .innerJoin("organisations as o", "o.id", "a.orgId")
        .select(["a.orgId", "a.id"])
        .where("o.kind", "=", "shg")
        .where("a.code", "=", "22")
        .execute();
      expect(external.length).toBeGreaterThan(10);
      for (const account of external) {
        const held = await db
          .selectFrom("accountDailyBalances")
          .select((eb) => eb.fn.sum<string | number | bigint>("amount").as("total"))
          .where("accountId", "=", account.id)
          .executeTakeFirst();
        const loans = await db
          .selectFrom("loans")
          .select(["id", "principalOutstanding", "advance"])
          .where("borrowerType", "=", "group")
          .where("borrowerId", "=", account.orgId)
          .where("status", "=", "active")
          .execute();
        let owed = 0n;
        for (const loan of loans) {
          const penalties = await db
            .selectFrom("loanInstallments")
            .select((eb) => eb.fn.sum<string | number | bigint>(sql`penalty - penalty_paid`).as("unpaid"))
            .where("loanId", "=", loan.id)
            .where("replacedOn", "is", null)
            .executeTakeFirst();
          owed += BigInt(loan.principalOutstanding) + BigInt(penalties?.unpaid ?? 0) - BigInt(loan.advance);
        }
        expect({ group: account.orgId, owes: -BigInt(held?.total ?? 0) }).toEqual({
          group: account.orgId,
          owes: owed,
        });
      }
    }, 300_000);
  });
