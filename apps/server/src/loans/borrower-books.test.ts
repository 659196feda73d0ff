import { systemIds } from "@qadam/core/ids";
import { expect, it } from "vitest";
import { openBooks, trialBalance } from "../books/index.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor } from "../testing/fixtures.js";
import { applyForLoan, chargePenalties, decide, disburse, repay, reverseRepayment } from "./commands.js";
import { loadLoan } from "./store.js";
import { groupApplication, kzt, loanWorld, MONTHLY_24 } from "./testing.js";

describeEachDatabase("a loan to a group, in the lender's books and the group's", (use) => {
  it("keeps the group's external-loan balance equal to what the lender says it is owed", async () => {
    const w = await loanWorld(use().db);
    const actor = cliActor(w.t);
    await w.run(null, (trx, ctx) => openBooks(trx, ctx, w.t.groupId));
    const id = await w.run(w.maker, (trx, ctx) => applyForLoan(trx, ctx, groupApplication(w)));
    await w.run(w.checker, (trx, ctx) => decide(trx, ctx, id, { approve: true, on: "2026-01-12" }));
    await w.run(w.maker, (trx, ctx) => disburse(trx, ctx, id, { on: "2026-01-15", channel: "cash" }));

    const group = async (date: string) => {
      const rows = await trialBalance(w.db, actor, w.t.groupId, date);
      expect(rows.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
      const of = (name: string) => rows.find((r) => r.account.endsWith(name))?.balance ?? 0n;
      return {
        cash: of("Cash box"),
        owed: -of("External loans"),
        interest: of("Interest on external loans"),
      };
    };
    const lender = async (date: string) => {
      const rows = await trialBalance(w.db, actor, w.t.mfoId, date);
      const of = (name: string) => rows.find((r) => r.account.endsWith(name))?.balance ?? 0n;
      return of("Group loans") + of("Penalties receivable") + of("Client advances");
    };
    expect(await group("2026-01-15")).toEqual({ cash: 30_000_000n, owed: 30_000_000n, interest: 0n });

    // The first installment paid on time, the second 20 days late with its penalty charged first.
    const loan = await loadLoan(w.db, actor, id);
    expect(loan.principalOutstanding).toBe(30_000_000n);
    const first = await w.run(w.maker, (trx, ctx) =>
      repay(trx, ctx, id, {
        on: "2026-02-16",
        amount: kzt("28368.00"),
        channel: "cash",
        overpayment: "refuse",
      }),
    );
    await w.run(w.maker, (trx, ctx) => chargePenalties(trx, ctx, id, "2026-04-04"));
    await w.run(w.maker, (trx, ctx) =>
      repay(trx, ctx, id, { on: "2026-04-04", amount: kzt("20000"), channel: "bank", overpayment: "refuse" }),
    );
    const after = await group("2026-04-04");
    expect(after.owed).toBe(await lender("2026-04-04"));
    expect(after.interest).toBeGreaterThan(0n);

    // A mistaken repayment reversed: both books go back, and the later one is re-applied.
    await w.run(w.maker, (trx, ctx) =>
      reverseRepayment(trx, ctx, id, first.transactionId, { on: "2026-04-05", reason: "wrong loan" }),
    );
    expect((await group("2026-04-05")).owed).toBe(await lender("2026-04-05"));
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("lends to a group only with the grade the product requires", async () => {
    const w = await loanWorld(use().db, { ...MONTHLY_24, name: "Graded", minGroupGrade: "B" });
    const apply = () => w.run(w.maker, (trx, ctx) => applyForLoan(trx, ctx, groupApplication(w)));
    await expect(apply()).rejects.toMatchObject({
      code: "LOAN_GROUP_GRADE_REQUIRED",
      params: { grade: "—" },
    });
    const grade = async (letter: string, on: string) =>
      w.db
        .insertInto("groupGrades")
        .values({
          id: systemIds.next(),
          tenantId: w.t.tenantId,
          orgId: w.t.groupId,
          gradedOn: on,
          windowFrom: "2025-07-01",
          grade: letter,
          score: letter === "A" ? 90 : letter === "B" ? 80 : 50,
          detail: "{}",
          recordedAt: `${on}T10:00:00Z`,
          recordedBy: null,
        })
        .execute();
    await grade("C", "2025-12-31");
    await expect(apply()).rejects.toMatchObject({
      code: "LOAN_GROUP_GRADE_REQUIRED",
      params: { grade: "C" },
    });
    await grade("B", "2026-01-05");
    await grade("C", "2026-02-01"); // after the application: not what the credit officer saw
    await expect(apply()).resolves.toBeTypeOf("string");
  });
});
