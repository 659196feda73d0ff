// Repayments posted in any order leave a loan exactly as the same repayments posted in value-date
// order: the same installments, penalties and allocations, the same balances, coherent books. And a
// mistaken repayment reversed after any later repayments, prepayments, penalty runs, reschedules or
// a write-off leaves the loan as if it had never been made.

import { addDays } from "@qadam/core/clock";
import { KZT, money } from "@qadam/core/money";
import fc from "fast-check";
import { expect, it } from "vitest";
import type { Db } from "../platform/db/database.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor } from "../testing/fixtures.js";
import {
  applyForLoan,
  chargePenalties,
  decide,
  disburse,
  prepay,
  repay,
  reschedule,
  reverseRepayment,
  writeOff,
} from "./commands.js";
import { liveInstallments, loadLoan } from "./store.js";
import { kzt, type LoanWorld, loanWorld } from "./testing.js";

const tiyn = (minor: number) => money(BigInt(minor), KZT);

async function newLoan(w: LoanWorld, installments: number): Promise<string> {
  const id = await w.run(w.maker, (trx, ctx) =>
    applyForLoan(trx, ctx, {
      productId: w.productId,
      borrower: { type: "person", personId: w.personId },
      principal: kzt("50000"),
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
    status: loan.state.status,
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
                amount: tiyn(p.amount),
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
          await expectBooksCoherent(w.db, w.t.rootId);
        },
      ),
      { numRuns: 30 },
    );
    // The orders must send repayments back in time, not only in date order.
    expect(replayed).toBeGreaterThan(10);
    await expectBooksCoherent(w.db, w.t.rootId);
  }, 180_000);

  it("reverse a mistaken repayment after anything, as if it had never been made", async () => {
    const w = await loanWorld(use().db);
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 12 }),
        fc.uniqueArray(
          fc.record({
            day: fc.integer({ min: 0, max: 400 }),
            kind: fc.constantFrom("repay", "prepay", "run", "reschedule"),
            amount: fc.integer({ min: 1, max: 300_000 }),
            installments: fc.integer({ min: 1, max: 12 }),
          }),
          { minLength: 1, maxLength: 6, selector: (o) => o.day },
        ),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 300_000 }),
        fc.boolean(),
        async (installments, ops, mistakeDay, mistakeAmount, writtenOff) => {
          fc.pre(!ops.some((o) => o.day === mistakeDay));
          const id = await newLoan(w, installments);
          const twin = await newLoan(w, installments);
          const on = (day: number) => addDays("2025-01-10", day);
          const end = on(410);
          let mistake = "";
          const timeline = [
            ...ops,
            { day: mistakeDay, kind: "mistake" as const, amount: mistakeAmount },
          ].sort((a, b) => a.day - b.day);
          for (const o of timeline) {
            if (o.kind === "mistake") {
              mistake = (
                await w.run(w.maker, (trx, ctx) =>
                  repay(trx, ctx, id, {
                    on: on(o.day),
                    amount: tiyn(o.amount),
                    channel: "cash",
                    overpayment: "advance",
                  }),
                )
              ).transactionId;
              continue;
            }
            kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
            for (const loan of [id, twin])
              switch (o.kind) {
                case "repay":
                case "prepay": {
                  const command = o.kind === "repay" ? repay : prepay;
                  await w.run(w.maker, (trx, ctx) =>
                    command(trx, ctx, loan, {
                      on: on(o.day),
                      amount: tiyn(o.amount),
                      channel: "cash",
                      overpayment: "advance",
                    }),
                  );
                  break;
                }
                case "run":
                  await w.run(w.maker, (trx, ctx) => chargePenalties(trx, ctx, loan, on(o.day)));
                  break;
                case "reschedule":
                  await w.run(w.checker, (trx, ctx) =>
                    reschedule(trx, ctx, loan, {
                      on: on(o.day),
                      installments: o.installments,
                      firstDueOn: addDays(on(o.day), 30),
                      reason: "test",
                    }),
                  );
                  break;
              }
          }
          for (const loan of [id, twin]) {
            await w.run(w.maker, (trx, ctx) => chargePenalties(trx, ctx, loan, end));
            if (writtenOff)
              await w.run(w.checker, (trx, ctx) => writeOff(trx, ctx, loan, { on: end, reason: "test" }));
          }
          await w.run(w.maker, (trx, ctx) =>
            reverseRepayment(trx, ctx, id, mistake, { on: end, reason: "mistake" }),
          );
          const [mine, theirs] = [await stateOf(w, id), await stateOf(w, twin)];
          const withoutPlans = (s: typeof mine) => ({
            ...s,
            installments: s.installments.map(({ plan: _plan, ...rest }) => rest),
            effects: s.effects.map((e) => ({ ...e, allocations: e.allocations })),
          });
          expect(withoutPlans(mine)).toEqual(withoutPlans(theirs));
          await expectBooksCoherent(w.db, w.t.rootId);
        },
      ),
      { numRuns: 25 },
    );
    for (const kind of ["repay", "prepay", "run", "reschedule"])
      expect(kinds.get(kind) ?? 0).toBeGreaterThan(0);
    await expectBooksCoherent(w.db, w.t.rootId);
  }, 240_000);
});
