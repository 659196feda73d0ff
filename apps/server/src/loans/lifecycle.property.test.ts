// After any random sequence of repayments, prepayments, reversals, penalty charges, reschedules,
// write-offs and recoveries: the books balance, the loan's balance equals the journal's, and every
// payment is in the books exactly once (cash in the books = money received − money paid out).

import { addDays } from "@qadam/core/clock";
import { isDomainError } from "@qadam/core/errors";
import { KZT, money } from "@qadam/core/money";
import fc from "fast-check";
import { expect, it } from "vitest";
import { trialBalance } from "../books/index.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor } from "../testing/fixtures.js";
import {
  applyForLoan,
  chargePenalties,
  decide,
  disburse,
  prepay,
  recover,
  repay,
  reschedule,
  reverseRepayment,
  writeOff,
} from "./commands.js";
import { journalBalanceOf } from "./queries.js";
import { liveInstallments, loadLoan } from "./store.js";
import { kzt, loanWorld } from "./testing.js";

const op = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("repay" as const),
      amount: fc.integer({ min: 1, max: 2_000_000 }),
      gap: fc.integer({ min: 0, max: 45 }),
      advance: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("prepay" as const),
      amount: fc.integer({ min: 1, max: 6_000_000 }),
      gap: fc.integer({ min: 0, max: 20 }),
      advance: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("reverse" as const),
      pick: fc.nat(),
      gap: fc.integer({ min: 0, max: 5 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("penalties" as const), gap: fc.integer({ min: 0, max: 60 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("reschedule" as const),
      installments: fc.integer({ min: 1, max: 12 }),
      gap: fc.integer({ min: 0, max: 30 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("writeOff" as const), gap: fc.integer({ min: 0, max: 90 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("recover" as const),
      amount: fc.integer({ min: 1, max: 3_000_000 }),
      gap: fc.integer({ min: 0, max: 30 }),
    }),
  },
);

const tiyn = (minor: number) => money(BigInt(minor), KZT);

describeEachDatabase("loan ledger properties", (use) => {
  it("keeps books balanced and the loan equal to its journal after any sequence", async () => {
    const { db } = use();
    const w = await loanWorld(db);
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 12 }),
        fc.array(op, { minLength: 1, maxLength: 14 }),
        async (n, ops) => {
          const id = await w.run(w.maker, (trx, ctx) =>
            applyForLoan(trx, ctx, {
              productId: w.productId,
              borrower: { type: "person", personId: w.personId },
              principal: kzt("50000"),
              installments: n,
              firstDueOn: "2025-02-10",
              appliedOn: "2025-01-05",
            }),
          );
          await w.run(w.checker, (trx, ctx) => decide(trx, ctx, id, { approve: true, on: "2025-01-06" }));
          await w.run(w.maker, (trx, ctx) => disburse(trx, ctx, id, { on: "2025-01-10", channel: "cash" }));
          let day = "2025-01-10";
          const repayments: string[] = [];
          for (const o of ops) {
            day = addDays(day, o.gap);
            try {
              switch (o.kind) {
                case "repay": {
                  const r = await w.run(w.maker, (trx, ctx) =>
                    repay(trx, ctx, id, {
                      on: day,
                      amount: tiyn(o.amount),
                      channel: "cash",
                      overpayment: o.advance ? "advance" : "refuse",
                    }),
                  );
                  repayments.push(r.transactionId);
                  break;
                }
                case "prepay":
                  await w.run(w.maker, (trx, ctx) =>
                    prepay(trx, ctx, id, {
                      on: day,
                      amount: tiyn(o.amount),
                      channel: "cash",
                      overpayment: o.advance ? "advance" : "refuse",
                    }),
                  );
                  break;
                case "reverse": {
                  const target = repayments[o.pick % Math.max(1, repayments.length)];
                  if (target)
                    await w.run(w.maker, (trx, ctx) =>
                      reverseRepayment(trx, ctx, id, target, { on: day, reason: "test" }),
                    );
                  break;
                }
                case "penalties":
                  await w.run(w.maker, (trx, ctx) => chargePenalties(trx, ctx, id, day));
                  break;
                case "reschedule":
                  await w.run(w.checker, (trx, ctx) =>
                    reschedule(trx, ctx, id, {
                      on: day,
                      installments: o.installments,
                      firstDueOn: addDays(day, 30),
                      reason: "test",
                    }),
                  );
                  break;
                case "writeOff":
                  await w.run(w.checker, (trx, ctx) => writeOff(trx, ctx, id, { on: day, reason: "test" }));
                  break;
                case "recover":
                  await w.run(w.maker, (trx, ctx) =>
                    recover(trx, ctx, id, { on: day, amount: tiyn(o.amount), channel: "cash" }),
                  );
                  break;
              }
              outcomes.set(`${o.kind} ok`, (outcomes.get(`${o.kind} ok`) ?? 0) + 1);
            } catch (error) {
              if (!isDomainError(error)) throw error;
              outcomes.set(`${o.kind} ${error.code}`, (outcomes.get(`${o.kind} ${error.code}`) ?? 0) + 1);
            }
          }
          const actor = cliActor(w.t);
          const loan = await loadLoan(db, actor, id);
          const live = await liveInstallments(db, id);
          // The loan's own balance, its schedule and the journal agree.
          expect(await journalBalanceOf(db, loan)).toBe(loan.principalOutstanding);
          if (loan.state.status !== "written_off")
            expect(live.reduce((s, i) => s + i.principal - i.principalPaid, 0n)).toBe(
              loan.principalOutstanding,
            );
          for (const i of live) {
            expect(i.principalPaid).toBeGreaterThanOrEqual(0n);
            expect(i.principalPaid).toBeLessThanOrEqual(i.principal);
            expect(i.interestPaid).toBeLessThanOrEqual(i.interest);
            expect(i.penaltyPaid).toBeLessThanOrEqual(i.penalty);
          }
          // Every payment exactly once: money in minus out equals the loan's cash movements.
          const txs = await db
            .selectFrom("loanTransactions")
            .select(["id", "kind", "amount", "advance", "reversesId"])
            .where("loanId", "=", id)
            .execute();
          // A reversal counts as the negative of what it reverses (a payment, a penalty, a write-off…).
          const kindOf = new Map(txs.map((t) => [t.id, t.kind]));
          let cash = 0n;
          let allocatedAndHeld = 0n;
          for (const t of txs) {
            const amount = BigInt(t.amount);
            const kind = t.kind === "reversal" ? (kindOf.get(t.reversesId ?? "") ?? "") : t.kind;
            if (kind === "disbursement") cash -= amount;
            if (kind === "repayment" || kind === "prepayment" || kind === "recovery") cash += amount;
            if (kind === "refund") cash -= amount;
            if (kind === "repayment" || kind === "prepayment") allocatedAndHeld += amount;
          }
          const allocations = await db
            .selectFrom("loanAllocations")
            .select(["component", "amount"])
            .where("loanId", "=", id)
            .execute();
          const paid = allocations
            .filter((a) => a.component !== "charge")
            .reduce((s, a) => s + BigInt(a.amount), 0n);
          expect(paid + loan.advance).toBe(allocatedAndHeld);
          const lines = await db
            .selectFrom("journalLines as l")
            .innerJoin("journalEntries as e", "e.id", "l.entryId")
            .innerJoin("accounts as a", "a.id", "l.accountId")
            .select(["l.amount"])
            .where("e.causeId", "=", id)
            .where("a.code", "in", ["11", "12"])
            .execute();
          expect(lines.reduce((s, l) => s + BigInt(l.amount), 0n)).toBe(cash);
          const tb = await trialBalance(db, actor, w.t.mfoId, "9999-12-31");
          expect(tb.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
        },
      ),
      { numRuns: Number(process.env.LIFECYCLE_RUNS ?? 50) },
    );
    // The sequences must exercise the engine, not only its refusals.
    for (const kind of ["repay", "prepay", "reverse", "reschedule", "writeOff"])
      expect(outcomes.get(`${kind} ok`) ?? 0, [...outcomes].join("\n")).toBeGreaterThan(0);
    await expectBooksCoherent(w.db, w.t.rootId);
  }, 120_000);
});
