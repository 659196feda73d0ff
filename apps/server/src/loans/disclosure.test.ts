import { addDays } from "@qadam/core/clock";
import { productSpec } from "@qadam/core/loans/product-spec";
import { KZT, money } from "@qadam/core/money";
import fc from "fast-check";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { as, cliActor, testApp } from "../testing/fixtures.js";
import { applyForLoan, createProduct, decide, disburse } from "./commands.js";
import { disclosureOf } from "./disclosure.js";
import { loadLoan } from "./store.js";
import { loanWorld, MONTHLY_24 } from "./testing.js";

/** What a contract shows of a schedule: the dates and the amounts, not what was paid. */
const contracted = (schedule: Array<Record<string, unknown>>) =>
  schedule.map(({ number, dueDate, principal, interest, fees, total }) => ({
    number,
    dueDate,
    principal,
    interest,
    fees,
    total,
  }));

describeEachDatabase("the contract a loan discloses from its application", (use) => {
  it("shows its schedule, fee and effective rate at application, and disbursement on that date keeps them", async () => {
    const open = use();
    const w = await loanWorld(
      open.db,
      { ...MONTHLY_24, disbursementFee: { kind: "percent", percent: "1" } },
      new Date().toISOString(),
    );
    const app = await testApp(open);
    try {
      const maker = as(app, w.maker);
      const checker = as(app, w.checker);
      const applied = await maker({
        method: "POST",
        url: "/api/v1/loans",
        payload: {
          productId: w.productId,
          borrower: { type: "person", personId: w.personId },
          principal: "100000",
          installments: 12,
          firstDueOn: "2026-02-16",
          appliedOn: "2026-01-23",
        },
      });
      expect(applied.statusCode).toBe(201);
      const loan = applied.json();
      expect(loan.status).toBe("applied");
      expect(loan.schedule).toHaveLength(12);
      // A 24-day first month, pro-rated: 100,000 × 2 % × 24/31 = 1,548.39.
      expect(loan.schedule[0]).toMatchObject({
        dueDate: "2026-02-16",
        interest: "1548.39",
        paid: { principal: "0.00" },
      });
      expect(loan.contract).toMatchObject({ disbursedOn: "2026-01-23", disbursementFee: "1000.00" });
      expect(loan.contract.effectiveAnnualRate).toMatch(/^0\.\d{8}$/);
      expect(Number(loan.contract.effectiveAnnualRateDisclosed)).toBeGreaterThan(26);

      const read = async () => (await checker({ method: "GET", url: `/api/v1/loans/${loan.id}` })).json();
      const seen = await read();
      expect(contracted(seen.schedule)).toEqual(contracted(loan.schedule));
      expect(seen.contract).toEqual(loan.contract);

      expect(
        (
          await checker({
            method: "POST",
            url: `/api/v1/loans/${loan.id}/approve`,
            payload: { on: "2026-01-23" },
          })
        ).statusCode,
      ).toBe(200);
      const approved = await read();
      expect(approved.status).toBe("approved");
      expect(contracted(approved.schedule)).toEqual(contracted(loan.schedule));
      expect(approved.contract).toEqual(loan.contract);

      const disbursed = await maker({
        method: "POST",
        url: `/api/v1/loans/${loan.id}/disburse`,
        payload: { on: "2026-01-23", channel: "cash" },
      });
      expect(disbursed.statusCode).toBe(200);
      const active = await read();
      expect(active.status).toBe("active");
      expect(contracted(active.schedule)).toEqual(contracted(loan.schedule));
      expect(active.contract).toEqual(loan.contract);
    } finally {
      await app.close();
    }
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("discloses at application exactly what disbursement on the application date then fixes, for any terms", async () => {
    const w = await loanWorld(use().db);
    // A second product: interest by actual days, with fees at disbursement and with every installment.
    const actualDays = await w.run(null, (trx, ctx) =>
      createProduct(
        trx,
        ctx,
        w.t.mfoId,
        productSpec.parse({
          ...MONTHLY_24,
          name: "Actual days, with fees",
          interestPeriod: "actual/365",
          minPrincipal: "100000",
          disbursementFee: { kind: "fixed", amount: "500" },
          installmentFee: "10",
        }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          principal: fc.integer({ min: 100_000, max: 5_000_000 }),
          installments: fc.integer({ min: 3, max: 36 }),
          appliedOn: fc.integer({ min: 0, max: 300 }).map((d) => addDays("2026-01-01", d)),
          firstAfter: fc.integer({ min: 1, max: 75 }),
          actual: fc.boolean(),
        }),
        async (t) => {
          const id = await w.run(w.maker, (trx, ctx) =>
            applyForLoan(trx, ctx, {
              productId: t.actual ? actualDays : w.productId,
              borrower: { type: "person", personId: w.personId },
              principal: money(BigInt(t.principal) * 100n, KZT),
              installments: t.installments,
              firstDueOn: addDays(t.appliedOn, t.firstAfter),
              appliedOn: t.appliedOn,
            }),
          );
          const actor = cliActor(w.t);
          const before = await disclosureOf(w.db, await loadLoan(w.db, actor, id));
          await w.run(w.checker, (trx, ctx) => decide(trx, ctx, id, { approve: true, on: t.appliedOn }));
          await w.run(w.maker, (trx, ctx) => disburse(trx, ctx, id, { on: t.appliedOn, channel: "cash" }));
          const after = await disclosureOf(w.db, await loadLoan(w.db, actor, id));
          expect(after.installments).toEqual(before.installments);
          expect(after.disbursementFee).toBe(before.disbursementFee);
          expect(after.effectiveAnnualRate?.toString()).toBe(before.effectiveAnnualRate?.toString());
        },
      ),
      { numRuns: 12 },
    );
    await expectBooksCoherent(w.db, w.t.rootId);
  });
});
