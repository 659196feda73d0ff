// Repayments posted in any order leave a loan exactly as the same repayments posted in value-date
// order: the same installments, penalties and allocations, the same balances, coherent books.
import fc from "fast-check";
import { expect, it } from "vitest";
import { addDays } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { cliActor } from "../testing/fixtures.js";
import { applyForLoan, decide, disburse, repay } from "./commands.js";
import { liveInstallments, loadLoan } from "./store.js";
import { expectLoanCoherent, type LoanWorld, loanWorld } from "./testing.js";

const text = (minor: number) => (minor / 100).toFixed(2);

async function newLoan(w: LoanWorld, installments: number): Promise<string> {
  const id = await w.run(w.maker, (trx, ctx) =>
    applyForLoan(trx, ctx, {
      productId: w.productId,
      borrower: { type: "person", personId: w.personId },
      principal: "50000",
      installments,
      firstDueOn: "2025-02-10",
      appliedOn: "2025-01-05",
    }),
  );
  await w.run(w.checker, (trx, ctx) => decide(trx, ctx, id, { approve: true, on: "2025-01-06" }));
  await w.run(w.maker, (trx, ctx) => disburse(trx, ctx, id, { on: "2025-01-10", channel: "cash" }));
  return id;
}

/** What was paid and charged, by value date, as the transactions in force say. */
async function effects(db: Db, loanId: string) {
  const txs = await db
    .selectFrom("loanTransactions")
    .select(["id", "kind", "valueDate", "amount", "advance", "reversesId"])
    .where("loanId", "=", loanId)
    .execute();
  const reversed = new Set(txs.map((t) => t.reversesId));
  const allocations = await db
    .selectFrom("loanAllocations")
    .select(["transactionId", "number", "component", "amount"])
    .where("loanId", "=", loanId)
    .execute();
  return txs
    .filter((t) => !reversed.has(t.id) && (t.kind === "repayment" || t.kind === "penalty"))
    .map((t) => ({
      kind: t.kind,
      valueDate: t.valueDate,
      amount: BigInt(t.amount),
      advance: BigInt(t.advance),
      allocations: allocations
        .filter((a) => a.transactionId === t.id)
        .map((a) => `${a.number}/${a.component}/${BigInt(a.amount)}`)
        .sort(),
    }))
    .sort((a, b) => (a.valueDate + a.kind < b.valueDate + b.kind ? -1 : 1));
}

async function stateOf(w: LoanWorld, loanId: string) {
  const loan = await loadLoan(w.db, cliActor(w.t), loanId);
  return {
    installments: await liveInstallments(w.db, loanId),
    effects: await effects(w.db, loanId),
    principalOutstanding: loan.principalOutstanding,
    arrearsSince: loan.arrearsSince,
    advance: loan.advance,
    penaltyThrough: loan.penaltyThrough,
    status: loan.status,
  };
}

describeEachDatabase("repayments posted out of value-date order", (use) => {
  it("leave the loan as posting them in value-date order does", async () => {
    const w = await loanWorld(use().db);
    let replayed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 12 }),
        fc.uniqueArray(
          fc.record({
            day: fc.integer({ min: 0, max: 420 }),
            amount: fc.integer({ min: 1, max: 500_000 }),
            order: fc.nat(),
          }),
          { minLength: 1, maxLength: 7, selector: (r) => r.day },
        ),
        async (installments, payments) => {
          const inOrder = await newLoan(w, installments);
          const shuffled = await newLoan(w, installments);
          const post = (loanId: string, p: (typeof payments)[number]) =>
            w.run(w.maker, (trx, ctx) =>
              repay(trx, ctx, loanId, {
                on: addDays("2025-01-10", p.day),
                amount: text(p.amount),
                channel: "cash",
                overpayment: "refuse",
              }),
            );
          for (const p of [...payments].sort((a, b) => a.day - b.day)) await post(inOrder, p);
          const posting = [...payments].sort((a, b) => a.order - b.order || a.day - b.day);
          for (const [k, p] of posting.entries()) {
            if (posting.slice(0, k).some((q) => q.day > p.day)) replayed += 1;
            await post(shuffled, p);
          }
          expect(await stateOf(w, shuffled)).toEqual(await stateOf(w, inOrder));
          await expectLoanCoherent(w, inOrder);
          await expectLoanCoherent(w, shuffled);
        },
      ),
      { numRuns: 30 },
    );
    // The orders must send repayments back in time, not only in date order.
    expect(replayed).toBeGreaterThan(10);
  }, 180_000);
});
