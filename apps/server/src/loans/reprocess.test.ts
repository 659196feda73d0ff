import type { InstallmentState } from "@qadam/core/loans/engine";
import { type Money, money } from "@qadam/core/money";
import { expect, it } from "vitest";
import { openBooks, trialBalance } from "../books/index.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor } from "../testing/fixtures.js";
import {
  applyForLoan,
  chargePenalties,
  decide,
  disburse,
  prepay,
  refundAdvance,
  repay,
  reschedule,
  reverseRepayment,
  writeOff,
} from "./commands.js";
import { loanArrears } from "./queries.js";
import { liveInstallments, loadLoan } from "./store.js";
import { disbursedLoan, groupApplication, kzt, type LoanWorld, loanWorld } from "./testing.js";

const pay = (w: LoanWorld, id: string, on: string, amount: string | Money) =>
  w.run(w.maker, (trx, ctx) =>
    repay(trx, ctx, id, {
      on,
      amount: typeof amount === "string" ? kzt(amount) : amount,
      channel: "cash",
      overpayment: "refuse",
    }),
  );

/** What a schedule says and what has been paid of it, without the plan numbers that name it. */
const shape = (rows: readonly InstallmentState[]) => rows.map(({ plan: _plan, ...rest }) => rest);

/** The loan as a borrower and an auditor see it: schedule, balances, status. */
async function stateOf(w: LoanWorld, id: string) {
  const loan = await loadLoan(w.db, cliActor(w.t), id);
  return {
    installments: shape(await liveInstallments(w.db, id)),
    status: loan.state.status,
    principalOutstanding: loan.principalOutstanding,
    arrearsSince: loan.arrearsSince,
    advance: loan.advance,
    writtenOff: loan.writtenOff,
  };
}

describeEachDatabase("a loan processed by value date", (use) => {
  it("a repayment dated on its due date pays no penalty charged by a later run, and leaves no arrears", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w);
    // The run of 28 February finds installment 1 (due 16 February) unpaid: 12 days × 0.5 % × 9 455.96.
    await w.run(w.maker, (trx, ctx) => chargePenalties(trx, ctx, id, "2026-02-28"));
    expect((await liveInstallments(w.db, id))[0]?.penalty).toBe(56_736n);
    // The borrower had paid on time: the payment is entered late, with its value date.
    const paid = await pay(w, id, "2026-02-16", "9455.96");
    expect(paid.allocations).toEqual([
      { number: 1, component: "interest", minor: 200_000n },
      { number: 1, component: "principal", minor: 745_596n },
    ]);
    const [first] = await liveInstallments(w.db, id);
    expect(first).toMatchObject({
      penalty: 0n,
      penaltyPaid: 0n,
      principalPaid: 745_596n,
      interestPaid: 200_000n,
    });
    const loan = await loadLoan(w.db, cliActor(w.t), id);
    expect(loan.arrearsSince).toBe("2026-03-16");
    const arrears = await loanArrears(w.db, loan, "2026-02-28");
    expect(arrears.daysPastDue).toBe(0);
    expect(arrears.overdue).toEqual({ penalty: 0n, fee: 0n, interest: 0n, principal: 0n });
    // The penalty's entry is reversed (none is left to collect), the run stays recorded with nothing
    // charged, and the books agree with the loan.
    const penalties = await w.db
      .selectFrom("loanTransactions")
      .select(["kind", "amount", "reversesId"])
      .where("loanId", "=", id)
      .where("kind", "in", ["penalty", "reversal"])
      .orderBy("seq")
      .execute();
    expect(penalties.map((t) => [t.kind, BigInt(t.amount)])).toEqual([
      ["penalty", 56_736n],
      ["reversal", -56_736n],
      ["penalty", 0n],
    ]);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  for (const [what, after] of [
    [
      "a later prepayment",
      (w: LoanWorld, id: string) =>
        w.run(w.maker, (trx, ctx) =>
          prepay(trx, ctx, id, {
            on: "2026-03-20",
            amount: kzt("30000"),
            channel: "cash",
            overpayment: "refuse",
          }),
        ),
    ],
    [
      "a later reschedule",
      (w: LoanWorld, id: string) =>
        w.run(w.checker, (trx, ctx) =>
          reschedule(trx, ctx, id, {
            on: "2026-03-20",
            installments: 18,
            firstDueOn: "2026-04-20",
            reason: "Lost her harvest",
          }),
        ),
    ],
    [
      "a later write-off",
      (w: LoanWorld, id: string) =>
        w.run(w.checker, (trx, ctx) =>
          writeOff(trx, ctx, id, { on: "2026-03-20", reason: "Left the country" }),
        ),
    ],
  ] as const) {
    it(`reverses a repayment after ${what}, as if the repayment had never been made`, async () => {
      const w = await loanWorld(use().db);
      // The same loan twice: with a mistaken repayment reversed afterwards, and without it.
      const id = await disbursedLoan(w);
      const twin = await disbursedLoan(w);
      for (const loan of [id, twin]) await pay(w, loan, "2026-02-16", "9455.96");
      const wrong = await pay(w, id, "2026-03-02", "5000");
      for (const loan of [id, twin]) await after(w, loan);
      const reversal = await w.run(w.maker, (trx, ctx) =>
        reverseRepayment(trx, ctx, id, wrong.transactionId, { on: "2026-03-25", reason: "Wrong loan" }),
      );
      expect(reversal.reversed.length).toBeGreaterThanOrEqual(1);
      expect(await stateOf(w, id)).toEqual(await stateOf(w, twin));
      await expectBooksCoherent(w.db, w.t.rootId);
      await expect(
        w.run(w.maker, (trx, ctx) =>
          reverseRepayment(trx, ctx, id, wrong.transactionId, { on: "2026-03-25", reason: "again" }),
        ),
      ).rejects.toMatchObject({ code: "LOAN_ALREADY_REVERSED" });
      await expectBooksCoherent(w.db, w.t.rootId);
    });
  }

  it("reverses a repayment that a back-dated one re-posted, by the id it was first given", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w);
    const twin = await disbursedLoan(w);
    const later = await pay(w, id, "2026-03-16", "9455.96");
    // Entered late: the payment of 16 February. The one of 16 March now pays installment 2.
    for (const loan of [id, twin]) await pay(w, loan, "2026-02-16", "9455.96");
    const moved = await w.run(w.maker, (trx, ctx) =>
      reverseRepayment(trx, ctx, id, later.transactionId, { on: "2026-03-25", reason: "Not hers" }),
    );
    expect(moved.reversed).toHaveLength(1);
    expect(await stateOf(w, id)).toEqual(await stateOf(w, twin));
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("mirrors the replay into a borrowing group's own books", async () => {
    const w = await loanWorld(use().db);
    const actor = cliActor(w.t);
    await w.run(null, (trx, ctx) => openBooks(trx, ctx, w.t.groupId));
    const id = await w.run(w.maker, (trx, ctx) => applyForLoan(trx, ctx, groupApplication(w)));
    await w.run(w.checker, (trx, ctx) => decide(trx, ctx, id, { approve: true, on: "2026-01-12" }));
    await w.run(w.maker, (trx, ctx) => disburse(trx, ctx, id, { on: "2026-01-15", channel: "cash" }));
    await w.run(w.maker, (trx, ctx) => chargePenalties(trx, ctx, id, "2026-02-28"));
    const [first] = await liveInstallments(w.db, id);
    const due = (first?.principal ?? 0n) + (first?.interest ?? 0n);
    await pay(w, id, "2026-02-16", money(due, "KZT"));
    const lender = await trialBalance(w.db, actor, w.t.mfoId, "2026-12-31");
    const claim = (name: string) => lender.find((r) => r.account.endsWith(name))?.balance ?? 0n;
    expect(claim("Penalties receivable")).toBe(0n);
    const group = await trialBalance(w.db, actor, w.t.groupId, "2026-12-31");
    expect(group.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
    const owes = -(group.find((r) => r.account.endsWith("External loans"))?.balance ?? 0n);
    expect(owes).toBe(claim("Group loans") + claim("Penalties receivable") + claim("Client advances"));
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses to reverse a repayment whose advance was refunded since, and changes nothing", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w);
    const paid = await w.run(w.maker, (trx, ctx) =>
      repay(trx, ctx, id, {
        on: "2026-02-16",
        amount: kzt("120000"),
        channel: "cash",
        overpayment: "advance",
      }),
    );
    await w.run(w.maker, (trx, ctx) => refundAdvance(trx, ctx, id, { on: "2026-02-17", channel: "cash" }));
    const before = await stateOf(w, id);
    await expect(
      w.run(w.maker, (trx, ctx) =>
        reverseRepayment(trx, ctx, id, paid.transactionId, { on: "2026-02-20", reason: "Wrong loan" }),
      ),
    ).rejects.toMatchObject({ code: "LOAN_REVERSAL_BLOCKED", params: { kind: "refund" } });
    expect(await stateOf(w, id)).toEqual(before);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses a write-off dated before the loan's last recorded event", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w);
    await pay(w, id, "2026-03-16", "9455.96");
    await expect(
      w.run(w.checker, (trx, ctx) => writeOff(trx, ctx, id, { on: "2026-03-01", reason: "late" })),
    ).rejects.toMatchObject({ code: "LOAN_WRITE_OFF_BACKDATED" });
    await expectBooksCoherent(w.db, w.t.rootId);
  });
});
