import { systemClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import { KZT, money } from "@qadam/core/money";
import fc from "fast-check";
import { expect, it } from "vitest";
import { executeCommand } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor, seedTenant } from "../testing/fixtures.js";
import { accountTotals } from "./balances.js";
import { openBooks, postEntry, trialBalance } from "./store.js";

/** The cache's rows of the organisation, as "account/currency/day" → amount. */
async function cached(db: Db, orgId: string): Promise<Map<string, bigint>> {
  const rows = await db
    .selectFrom("accountDailyBalances")
    .select(["accountId", "currency", "businessDate", "amount"])
    .where("orgId", "=", orgId)
    .execute();
  return new Map(rows.map((r) => [`${r.accountId}/${r.currency}/${r.businessDate}`, toBigInt(r.amount)]));
}

describeEachDatabase("the daily totals written before the commit", (use) => {
  it("equal the journal after batches of entries, are read inside the transaction, and a rollback leaves nothing", async () => {
    const { db } = use();
    const t = await seedTenant(db, "daily");
    const actor = cliActor(t);
    const run = <T>(body: Parameters<typeof executeCommand<T>>[2]) =>
      executeCommand(
        { db, clock: systemClock, ids: systemIds },
        { actor, name: "books.post", source: "cli" },
        body,
      );
    const chart = await run((trx, ctx) => openBooks(trx, ctx, t.mfoId));
    const id = (code: string) => chart.find((a) => a.code === code)?.id ?? "";
    const accounts = [id("11"), id("12"), id("131"), id("41")];
    const entry = fc.record({
      day: fc.integer({ min: 1, max: 4 }),
      from: fc.integer({ min: 0, max: 3 }),
      to: fc.integer({ min: 0, max: 3 }),
      minor: fc.bigInt({ min: 1n, max: 1_000_000n }),
    });
    const batches = fc.array(
      fc.record({ entries: fc.array(entry, { minLength: 1, maxLength: 12 }), fail: fc.boolean() }),
      {
        minLength: 1,
        maxLength: 4,
      },
    );
    await fc.assert(
      fc.asyncProperty(batches, async (list) => {
        for (const batch of list) {
          const before = await cached(db, t.mfoId);
          const posting = run(async (trx, ctx) => {
            let cash =
              (await accountTotals(trx, { tenantId: t.tenantId, id: t.mfoId }, "2026-03-31")).get(id("11")) ??
              0n;
            for (const e of batch.entries) {
              const [debit, credit] = [accounts[e.from] ?? "", accounts[(e.from + 1 + (e.to % 3)) % 4] ?? ""];
              const businessDate = `2026-03-0${e.day}`;
              await postEntry(trx, ctx, t.mfoId, {
                businessDate,
                description: "Mixed",
                cause: { type: "test", id: "1" },
                lines: [
                  { account: debit, amount: money(e.minor, KZT) },
                  { account: credit, amount: money(-e.minor, KZT) },
                ],
              });
              if (debit === id("11")) cash += e.minor;
              if (credit === id("11")) cash -= e.minor;
              // A reader inside the transaction sees the totals pending in it.
              const totals = await accountTotals(trx, { tenantId: t.tenantId, id: t.mfoId }, "2026-03-31");
              expect(totals.get(id("11")) ?? 0n).toBe(cash);
            }
            const trial = await trialBalance(trx, actor, t.mfoId, "2026-03-31");
            expect(trial.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
            if (batch.fail) throw new Error("rolled back");
          });
          if (batch.fail) {
            await expect(posting).rejects.toThrow("rolled back");
            expect(await cached(db, t.mfoId)).toEqual(before);
          } else await posting;
          await expectBooksCoherent(db, t.mfoId);
        }
      }),
      { numRuns: 15 },
    );
  });
});
