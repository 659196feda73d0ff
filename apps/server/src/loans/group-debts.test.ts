import { allocatedTo } from "@qadam/core/loans/allocation";
import { KZT, money } from "@qadam/core/money";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { applyForLoan, chargePenalties, decide, disburse, prepay, repay } from "./commands.js";
import { groupDebtChargesOn } from "./group-debts.js";
import { groupApplication, kzt, type LoanWorld, loanWorld } from "./testing.js";

// The world's group borrows 300,000.00 on 15 January 2026 over 12 months at 24 % a year: the first
// installment, due 16 February (the 15th is a Sunday), is 22,367.88 of principal and 6,000.00 of
// interest; the second, due 16 March, has 5,552.64 of interest.
async function groupLoan(w: LoanWorld): Promise<string> {
  const id = await w.run(w.maker, (trx, ctx) => applyForLoan(trx, ctx, groupApplication(w)));
  await w.run(w.checker, (trx, ctx) => decide(trx, ctx, id, { approve: true, on: "2026-01-12" }));
  await w.run(w.maker, (trx, ctx) => disburse(trx, ctx, id, { on: "2026-01-15", channel: "cash" }));
  return id;
}

describeEachDatabase("what a group owes beyond principal on a date", (use) => {
  it("asks the interest due and accrued, the fees, and the penalties charged and pending", async () => {
    const w = await loanWorld(use().db);
    const id = await groupLoan(w);
    const group = { tenantId: w.t.tenantId, id: w.t.groupId };
    const on = (date: string, currency = "KZT") => groupDebtChargesOn(w.db, { ...group, currency }, date);
    const none = { interest: 0n, fee: 0n, penaltyCharged: 0n, penaltyPending: 0n };
    expect(await on("2026-01-14")).toEqual({ loans: [], ...none });
    expect(await on("2026-01-15")).toMatchObject({ loans: [{ loanId: id, ...none }], ...none });
    // 27 of the first period's 32 days: 6,000.00 × 27 ÷ 32 = 5,062.50.
    expect(await on("2026-02-11")).toMatchObject({ ...none, interest: 506_250n });
    // On its due date the first installment's interest is owed whole; the second period has not begun.
    expect(await on("2026-02-16")).toMatchObject({ ...none, interest: 600_000n });
    // 1 March: 6,000.00 unpaid + 5,552.64 × 13 ÷ 28 = 2,578.01; 0.5 % a day for 13 days on the
    // 28,367.88 overdue = 1,843.91 of penalty, not charged yet.
    const march = { ...none, interest: 857_801n, penaltyPending: 184_391n };
    expect(await on("2026-03-01")).toMatchObject(march);
    // Charged, the penalty moves from pending to charged (the group's books then hold it).
    await w.run(w.maker, (trx, ctx) => chargePenalties(trx, ctx, id, "2026-03-01"));
    expect(await on("2026-03-01")).toMatchObject({ ...march, penaltyCharged: 184_391n, penaltyPending: 0n });
    // Only loans in the currency asked for count.
    expect(await on("2026-03-01", "USD")).toEqual({ loans: [], ...none });
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("reads a past date from the record of that date, and leaves out what was paid by then", async () => {
    const w = await loanWorld(use().db);
    const id = await groupLoan(w);
    const group = { tenantId: w.t.tenantId, id: w.t.groupId, currency: "KZT" };
    // 18 February: the first installment, 28,367.88, and 283.68 of penalty for two days late.
    await w.run(w.maker, (trx, ctx) =>
      repay(trx, ctx, id, {
        on: "2026-02-18",
        amount: money(2_865_156n, KZT),
        channel: "cash",
        overpayment: "refuse",
      }),
    );
    expect(await groupDebtChargesOn(w.db, group, "2026-02-11")).toMatchObject({ interest: 506_250n });
    // After it, only the second period's 2 days of 28: 5,552.64 × 2 ÷ 28 = 396.62.
    expect(await groupDebtChargesOn(w.db, group, "2026-02-18")).toMatchObject({
      interest: 39_662n,
      penaltyCharged: 0n,
      penaltyPending: 0n,
    });
  });

  it("asks the interest a prepayment of that day pays", async () => {
    const w = await loanWorld(use().db);
    const id = await groupLoan(w);
    const group = { tenantId: w.t.tenantId, id: w.t.groupId, currency: "KZT" };
    const asked = await groupDebtChargesOn(w.db, group, "2026-02-11");
    const paid = await w.run(w.maker, (trx, ctx) =>
      prepay(trx, ctx, id, {
        on: "2026-02-11",
        amount: kzt("10000"),
        channel: "cash",
        overpayment: "refuse",
      }),
    );
    const interest = allocatedTo(paid.allocations, "interest");
    expect(interest).toBe(506_250n);
    expect(asked.interest).toBe(interest);
  });
});
