import { addDays } from "@qadam/core/clock";
import {
  type InternalLoanTerms,
  type InternalRepayment,
  internalLoanOn,
  splitInternalRepayment,
} from "@qadam/core/groups/internal-loans";
import { systemIds } from "@qadam/core/ids";
import { productSpec } from "@qadam/core/loans/product-spec";
import { applyRateToMinor, rate } from "@qadam/core/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openBooks } from "../books/index.js";
import { applyForLoan, createProduct, decide, disburse, repay } from "../loans/index.js";
import { insertPerson, kzt, MONTHLY_24 } from "../loans/testing.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor } from "../testing/fixtures.js";
import type { CurrencyRollUp } from "./rollup.js";
import { rollUp } from "./rollup.js";
import { flatLoanOn } from "./rollup-loans.js";
import { groupWorld } from "./testing.js";

function only(r: { currencies: CurrencyRollUp[] }): CurrencyRollUp {
  expect(r.currencies.map((c) => c.currency)).toEqual(["KZT"]);
  return r.currencies[0] as CurrencyRollUp;
}

describe("a flat-rate internal loan from its repayments' totals", () => {
  it("is outstanding and late exactly as internalLoanOn replays it", () => {
    const loan = fc.record({
      principal: fc.bigInt({ min: 1n, max: 5_000_000n }),
      monthlyRate: fc.constantFrom("0", "0.01", "0.02", "0.035", "0.1"),
      termMonths: fc.integer({ min: 1, max: 12 }),
      // From 29 January 2025 (month ends clamp) over two years.
      issuedAfter: fc.integer({ min: 0, max: 730 }),
      repayments: fc.array(
        fc.record({ gap: fc.integer({ min: 0, max: 75 }), percent: fc.integer({ min: 1, max: 100 }) }),
        {
          maxLength: 14,
        },
      ),
      onAfter: fc.integer({ min: 0, max: 500 }),
    });
    fc.assert(
      fc.property(loan, (l) => {
        const terms: InternalLoanTerms = {
          principal: l.principal,
          monthlyRate: rate(l.monthlyRate),
          method: "flat",
          termMonths: l.termMonths,
          issuedOn: addDays("2025-01-29", l.issuedAfter),
        };
        const repayments: InternalRepayment[] = [];
        let day = terms.issuedOn;
        for (const r of l.repayments) {
          day = addDays(day, r.gap);
          const owed = internalLoanOn(terms, repayments, day).owed;
          if (owed === 0n) break;
          const amount = (owed * BigInt(r.percent)) / 100n || 1n;
          repayments.push({ on: day, ...splitInternalRepayment(terms, repayments, day, amount) });
        }
        const on = addDays(terms.issuedOn, l.onAfter);
        const counted = repayments.filter((r) => r.on <= on);
        const paid = {
          principal: counted.reduce((x, r) => x + r.principal, 0n),
          interest: counted.reduce((x, r) => x + r.interest, 0n),
        };
        const charge = applyRateToMinor(terms.principal, terms.monthlyRate, "half-up");
        const fast = flatLoanOn(terms, charge, paid, on);
        const replayed = internalLoanOn(terms, repayments, on);
        expect(fast.principalOutstanding).toBe(replayed.principalOutstanding);
        if (replayed.principalOutstanding > 0n) expect(fast.late).toBe(replayed.daysLate > 0);
      }),
      { numRuns: 1000 },
    );
  });
});

describeEachDatabase("the group roll-up of loans from the MFO", (use) => {
  it("counts the groups' loans from the MFO, with PAR30 on the date however the loan went on after it", async () => {
    const w = await groupWorld(use().db);
    // The second group borrows; it keeps no books in Qadam, so the loan is the lender's record alone.
    const groupB = w.t.otherGroupId;
    for (const name of ["Сәуле", "Бақыт"]) {
      const personId = await insertPerson(w.db, w.t.tenantId, groupB, name);
      await w.db
        .insertInto("memberships")
        .values({
          id: systemIds.next(),
          tenantId: w.t.tenantId,
          personId,
          groupId: groupB,
          role: "member",
          joinedOn: "2025-06-01",
          leftOn: null,
          leftReason: null,
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
        })
        .execute();
    }
    const actor = cliActor(w.t);
    await w.run((trx, ctx) => openBooks(trx, ctx, w.t.mfoId), null);
    const productId = await w.run(
      (trx, ctx) =>
        createProduct(trx, ctx, w.t.mfoId, productSpec.parse({ ...MONTHLY_24, name: "Group loans" })),
      null,
    );
    const members = await w.db
      .selectFrom("memberships")
      .select("personId")
      .where("groupId", "=", groupB)
      .execute();
    const active = members.map((m) => m.personId);
    const loanId = await w.run(
      (trx, ctx) =>
        applyForLoan(trx, ctx, {
          productId,
          borrower: {
            type: "group",
            groupId: groupB,
            jointLiability: true,
            members: active.map((personId) => ({ personId, share: kzt("300000") })),
          },
          principal: kzt("600000"),
          installments: 6,
          firstDueOn: "2026-02-10",
          appliedOn: "2026-01-05",
        }),
      null,
    );
    await w.run((trx, ctx) => decide(trx, ctx, loanId, { approve: true, on: "2026-01-06" }), null);
    await w.run((trx, ctx) => disburse(trx, ctx, loanId, { on: "2026-01-10", channel: "bank" }), null);
    // A small payment after the period: the roll-up of the period rebuilds the loan as it stood.
    await w.run(
      (trx, ctx) =>
        repay(trx, ctx, loanId, {
          on: "2026-04-10",
          amount: kzt("10"),
          channel: "cash",
          overpayment: "refuse",
        }),
      null,
    );
    const on = async (to: string) =>
      only(await rollUp(w.db, actor, w.t.rootId, { from: "2026-01-01", to })).total.facts;
    // 31 March: the installment due on 10 February is 49 days late, so the whole loan is at risk.
    expect(await on("2026-03-31")).toMatchObject({
      externalLoans: 1,
      externalOutstanding: 60_000_000n,
      externalAtRisk30: 60_000_000n,
    });
    // 28 February: 18 days late, not yet at risk over 30 days.
    expect(await on("2026-02-28")).toMatchObject({ externalOutstanding: 60_000_000n, externalAtRisk30: 0n });
    const later = await on("2026-05-31");
    expect(later.externalAtRisk30).toBe(later.externalOutstanding);
    expect((await on("2026-01-09")).externalLoans).toBe(0);
    await expectBooksCoherent(w.db, w.t.rootId);
  });
});
