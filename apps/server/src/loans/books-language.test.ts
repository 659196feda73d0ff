import type { Locale } from "@qadam/core/i18n";
import { expect, it } from "vitest";
import { trialBalance } from "../books/index.js";
import type { Db } from "../platform/db/database.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor } from "../testing/fixtures.js";
import { repay, reverseRepayment } from "./commands.js";
import { disbursedLoan, kzt, type LoanWorld, loanWorld } from "./testing.js";

/** The tenant now keeps its books in `language` (as if created so): what the loan posts next follows it. */
async function speak(db: Db, w: LoanWorld, language: Locale): Promise<void> {
  await db.updateTable("tenants").set({ defaultLocale: language }).where("id", "=", w.t.tenantId).execute();
}

async function descriptions(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("journalEntries")
    .select(["description", "postedAt", "id"])
    .where("orgId", "=", orgId)
    .orderBy("postedAt")
    .orderBy("id")
    .execute();
  return rows.map((r) => r.description);
}

async function lifeOfALoan(w: LoanWorld): Promise<void> {
  const id = await disbursedLoan(w);
  const paid = await w.run(w.maker, (trx, ctx) =>
    repay(trx, ctx, id, { on: "2026-02-15", amount: kzt("9455.96"), channel: "cash", overpayment: "refuse" }),
  );
  await w.run(w.maker, (trx, ctx) =>
    reverseRepayment(trx, ctx, id, paid.transactionId, { on: "2026-02-16", reason: "қате сома" }),
  );
  // Months late: the penalties accrued are posted before the repayment.
  await w.run(w.maker, (trx, ctx) =>
    repay(trx, ctx, id, { on: "2026-09-20", amount: kzt("1000"), channel: "cash", overpayment: "refuse" }),
  );
  const rows = await trialBalance(w.db, cliActor(w.t), w.t.mfoId, "9999-12-31");
  expect(rows.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
}

describeEachDatabase("a loan's journal entries in the tenant's language", (use) => {
  it("describes a Kazakh tenant's disbursement, repayments, reversal and penalties in Kazakh", async () => {
    const w = await loanWorld(use().db);
    await speak(use().db, w, "kk");
    await lifeOfALoan(w);
    const written = await descriptions(use().db, w.t.mfoId);
    expect(written).toEqual(
      expect.arrayContaining([
        "Қарыз берілді",
        "Қарызды өтеу",
        "Сторно: қате сома",
        "Мерзімі өткен төлемдер бойынша өсімпұл",
      ]),
    );
    expect(written.filter((d) => /[A-Za-z]/.test(d))).toEqual([]);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("describes a Russian tenant's in Russian", async () => {
    const w = await loanWorld(use().db);
    await speak(use().db, w, "ru");
    await lifeOfALoan(w);
    const written = await descriptions(use().db, w.t.mfoId);
    expect(written).toEqual(
      expect.arrayContaining([
        "Выдача займа",
        "Погашение займа",
        "Сторно: қате сома",
        "Пеня по просроченным взносам",
      ]),
    );
    expect(written.filter((d) => /[A-Za-z]/.test(d))).toEqual([]);
  });
});
