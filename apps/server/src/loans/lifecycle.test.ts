import { productSpec } from "@qadam/core/loans/product-spec";
import { KZT, money } from "@qadam/core/money";
import { expect, it } from "vitest";
import { chartOf, closeAccount, trialBalance } from "../books/index.js";
import { updateOrganisation } from "../orgs/index.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor } from "../testing/fixtures.js";
import {
  addNote,
  applyForLoan,
  createProduct,
  decide,
  disburse,
  prepay,
  recover,
  refundAdvance,
  repay,
  reschedule,
  reverseRepayment,
  writeOff,
} from "./commands.js";
import { loanArrears, portfolioAtRiskFor, viewLoan } from "./queries.js";
import { liveInstallments, loadLoan } from "./store.js";
import { disbursedLoan, kzt, loanWorld, MONTHLY_24 } from "./testing.js";

describeEachDatabase("the loan lifecycle", (use) => {
  it("reads a lender once per command, and afresh in the next one", async () => {
    const w = await loanWorld(use().db);
    const [a, b] = [await disbursedLoan(w), await disbursedLoan(w)];
    const [first, second] = await w.run(w.maker, async (trx, ctx) => [
      await loadLoan(trx, ctx.actor, a, true, ctx),
      await loadLoan(trx, ctx.actor, b, true, ctx),
    ]);
    // A batch of repayments to one lender's loans reads the lender once.
    expect(second?.org).toBe(first?.org);
    await w.run(null, (trx, ctx) => updateOrganisation(trx, ctx, w.t.mfoId, { name: "Жаңа атау" }));
    const later = await w.run(w.maker, (trx, ctx) => loadLoan(trx, ctx.actor, a, true, ctx));
    expect(later.org.name).toBe("Жаңа атау");
    expect(later.org).not.toBe(first?.org);
  });

  it("needs a second person to approve, then disburses with its schedule and journal", async () => {
    const w = await loanWorld(use().db);
    const id = await w.run(w.maker, (trx, ctx) =>
      applyForLoan(trx, ctx, {
        productId: w.productId,
        borrower: { type: "person", personId: w.personId },
        principal: kzt("100000"),
        installments: 12,
        firstDueOn: "2026-02-15",
        appliedOn: "2026-01-10",
      }),
    );
    await w.run(w.maker, (trx, ctx) =>
      addNote(trx, ctx, id, {
        kind: "appraisal",
        text: "Sells dairy at the market; income 180 000 a month.",
      }),
    );
    await expect(
      w.run(w.maker, (trx, ctx) => decide(trx, ctx, id, { approve: true, on: "2026-01-12" })),
    ).rejects.toMatchObject({
      code: "LOAN_MAKER_CHECKER",
    });
    await expect(
      w.run(w.maker, (trx, ctx) => disburse(trx, ctx, id, { on: "2026-01-15", channel: "cash" })),
    ).rejects.toMatchObject({
      code: "LOAN_WRONG_STATUS",
    });
    await w.run(w.checker, (trx, ctx) => decide(trx, ctx, id, { approve: true, on: "2026-01-12" }));
    await w.run(w.maker, (trx, ctx) => disburse(trx, ctx, id, { on: "2026-01-15", channel: "cash" }));
    const view = await viewLoan(w.db, cliActor(w.t), id, "2026-01-15", new Date());
    expect(view.loan.state.status).toBe("active");
    expect(view.notes).toHaveLength(1);
    // 100 000 at 24 % over 12 months: 9 455.96 a month; 15 Feb 2026 is a Sunday, so the 16th.
    expect(view.installments[0]).toMatchObject({
      dueDate: "2026-02-16",
      principal: 745_596n,
      interest: 200_000n,
    });
    const tb = await trialBalance(w.db, cliActor(w.t), w.t.mfoId, "2026-01-15");
    expect(tb.map((r) => [r.account, r.balance])).toEqual([
      ["Assets:Cash", -10_000_000n],
      ["Assets:Loan portfolio:Individual loans", 10_000_000n],
    ]);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses a product whose installments would be rounded to a step of zero", async () => {
    const w = await loanWorld(use().db);
    const zero = w.run(null, (trx, ctx) =>
      createProduct(
        trx,
        ctx,
        w.t.mfoId,
        productSpec.parse({ ...MONTHLY_24, name: "Zero step", rounding: "0" }),
      ),
    );
    await expect(zero).rejects.toMatchObject({ code: "SCHEDULE_ROUNDING_ZERO" });
    const products = await w.db
      .selectFrom("loanProducts")
      .select("name")
      .where("name", "=", "Zero step")
      .execute();
    expect(products).toEqual([]);
  });

  it("refuses a second approval, a rejected loan cannot be disbursed", async () => {
    const w = await loanWorld(use().db);
    const id = await w.run(w.maker, (trx, ctx) =>
      applyForLoan(trx, ctx, {
        productId: w.productId,
        borrower: { type: "person", personId: w.personId },
        principal: kzt("50000"),
        installments: 6,
        firstDueOn: "2026-02-15",
        appliedOn: "2026-01-10",
      }),
    );
    await w.run(w.checker, (trx, ctx) =>
      decide(trx, ctx, id, { approve: false, on: "2026-01-12", note: "Debt elsewhere" }),
    );
    await expect(
      w.run(w.checker, (trx, ctx) => decide(trx, ctx, id, { approve: true, on: "2026-01-12" })),
    ).rejects.toMatchObject({
      code: "LOAN_WRONG_STATUS",
    });
    await expect(
      w.run(w.maker, (trx, ctx) =>
        applyForLoan(trx, ctx, {
          productId: w.productId,
          borrower: { type: "person", personId: w.personId },
          principal: kzt("9000000"),
          installments: 6,
          firstDueOn: "2026-02-15",
          appliedOn: "2026-01-10",
        }),
      ),
    ).rejects.toMatchObject({ code: "LOAN_OUTSIDE_PRODUCT_LIMITS" });
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("allocates a repayment, charges Kazakh penalties when late, and keeps the journal equal to the loan", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w);
    const first = await w.run(w.maker, (trx, ctx) =>
      repay(trx, ctx, id, {
        on: "2026-02-16",
        amount: kzt("9455.96"),
        channel: "cash",
        overpayment: "refuse",
      }),
    );
    expect(first.allocations).toEqual([
      { number: 1, component: "interest", minor: 200_000n },
      { number: 1, component: "principal", minor: 745_596n },
    ]);
    // Installment 2 (due 16 March) is missed; 3 falls due 15 April. On 20 April: 35 and 5 days late.
    const arrears = await loanArrears(w.db, await loadLoan(w.db, cliActor(w.t), id), "2026-04-20");
    expect(arrears.daysPastDue).toBe(35);
    expect(arrears.bucket).toBe("31-60");
    // 0.5 % a day: 9 455.96 × 0.005 × 35 = 1 654.79, and × 5 = 236.40 (half-up, per installment).
    expect(arrears.penaltyPending).toBe(165_479n + 23_640n);
    const late = await w.run(w.maker, (trx, ctx) =>
      repay(trx, ctx, id, { on: "2026-04-20", amount: kzt("10000"), channel: "bank", overpayment: "refuse" }),
    );
    // Penalties first, then installment 2's interest and principal.
    expect(late.allocations.slice(0, 2)).toEqual([
      { number: 2, component: "penalty", minor: 165_479n },
      { number: 2, component: "interest", minor: 185_088n },
    ]);
    await expectBooksCoherent(w.db, w.t.rootId);
    const tb = await trialBalance(w.db, cliActor(w.t), w.t.mfoId, "2026-04-20");
    expect(tb.find((r) => r.account === "Income:Penalty income")?.balance).toBe(-189_119n);
    expect(tb.find((r) => r.account === "Assets:Penalties receivable")?.balance).toBe(189_119n - 165_479n);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses an overpayment or holds it as an advance, then refunds it; the loan closes", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w, "30000", 3);
    await expect(
      w.run(w.maker, (trx, ctx) =>
        repay(trx, ctx, id, {
          on: "2026-01-20",
          amount: kzt("40000"),
          channel: "cash",
          overpayment: "refuse",
        }),
      ),
    ).rejects.toMatchObject({ code: "LOAN_OVERPAYMENT" });
    const paid = await w.run(w.maker, (trx, ctx) =>
      repay(trx, ctx, id, {
        on: "2026-01-20",
        amount: kzt("40000"),
        channel: "cash",
        overpayment: "advance",
      }),
    );
    expect(paid.status).toBe("closed");
    expect(paid.advance).toBeGreaterThan(0n);
    const total = paid.allocations.reduce((s, a) => s + a.minor, 0n);
    expect(total + paid.advance).toBe(4_000_000n);
    expect(
      await w.run(w.maker, (trx, ctx) => refundAdvance(trx, ctx, id, { on: "2026-01-21", channel: "cash" })),
    ).toBe(paid.advance);
    await expectBooksCoherent(w.db, w.t.rootId);
    const tb = await trialBalance(w.db, cliActor(w.t), w.t.mfoId, "2026-12-31");
    expect(tb.find((r) => r.account === "Liabilities:Client advances")).toBeUndefined();
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses a payment into a lender account closed before it, or earlier in the same command", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w, "30000", 3);
    const advances = (await chartOf(w.db, cliActor(w.t), w.t.mfoId)).find((a) => a.code === "22");
    if (!advances) throw new Error("no advances account");
    const pay = (on: string, amount: string) =>
      ({ on, amount: kzt(amount), channel: "cash", overpayment: "advance" }) as const;
    // In one command: a repayment (the lender's accounts found active), the advances account closed,
    // then an overpayment that would credit it.
    await expect(
      w.run(null, async (trx, ctx) => {
        await repay(trx, ctx, id, pay("2026-02-15", "10000"));
        await closeAccount(trx, ctx, advances.id);
        await repay(trx, ctx, id, pay("2026-02-16", "40000"));
      }),
    ).rejects.toMatchObject({ code: "ACCOUNT_CLOSED" });
    // Closed by an earlier command.
    await w.run(null, (trx, ctx) => closeAccount(trx, ctx, advances.id));
    await expect(
      w.run(w.maker, (trx, ctx) => repay(trx, ctx, id, pay("2026-02-16", "40000"))),
    ).rejects.toMatchObject({ code: "ACCOUNT_CLOSED" });
    // A payment that does not touch it still goes through, and the books agree with the loan.
    await w.run(w.maker, (trx, ctx) => repay(trx, ctx, id, pay("2026-02-15", "10000")));
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("reverses a mistaken repayment and re-allocates the later ones", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w);
    const wrong = await w.run(w.maker, (trx, ctx) =>
      repay(trx, ctx, id, {
        on: "2026-02-16",
        amount: kzt("9455.96"),
        channel: "cash",
        overpayment: "refuse",
      }),
    );
    const second = await w.run(w.maker, (trx, ctx) =>
      repay(trx, ctx, id, {
        on: "2026-03-16",
        amount: kzt("9455.96"),
        channel: "cash",
        overpayment: "refuse",
      }),
    );
    expect(second.allocations[0]?.number).toBe(2);
    const result = await w.run(w.maker, (trx, ctx) =>
      reverseRepayment(trx, ctx, id, wrong.transactionId, {
        on: "2026-03-20",
        reason: "Entered on the wrong loan",
      }),
    );
    expect(result.reversed).toHaveLength(2);
    expect(result.reapplied).toHaveLength(1);
    const live = await liveInstallments(w.db, id);
    // The second payment now pays installment 1, 28 days late (the history is replayed by value date:
    // 9 455.96 × 0.5 % × 28 = 1 323.83 of penalty first), and installment 2 is unpaid again.
    expect(live[0]).toMatchObject({
      penalty: 132_383n,
      penaltyPaid: 132_383n,
      interestPaid: 200_000n,
      principalPaid: 745_596n - 132_383n,
    });
    expect(live[1]).toMatchObject({ interestPaid: 0n, principalPaid: 0n });
    await expect(
      w.run(w.maker, (trx, ctx) =>
        reverseRepayment(trx, ctx, id, wrong.transactionId, { on: "2026-03-20", reason: "again" }),
      ),
    ).rejects.toMatchObject({ code: "LOAN_ALREADY_REVERSED" });
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("prepays part of the principal (shorter term), then the rest", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w);
    await w.run(w.maker, (trx, ctx) =>
      repay(trx, ctx, id, {
        on: "2026-02-16",
        amount: kzt("9455.96"),
        channel: "cash",
        overpayment: "refuse",
      }),
    );
    const before = await liveInstallments(w.db, id);
    await w.run(w.maker, (trx, ctx) =>
      prepay(trx, ctx, id, {
        on: "2026-03-01",
        amount: kzt("40000"),
        channel: "cash",
        overpayment: "refuse",
      }),
    );
    const after = await liveInstallments(w.db, id);
    expect(after.length).toBeLessThan(before.length);
    const regular = after[after.length - 2];
    expect(regular && regular.principal + regular.interest).toBeLessThanOrEqual(945_596n);
    await expectBooksCoherent(w.db, w.t.rootId);
    const loan = await loadLoan(w.db, cliActor(w.t), id);
    const payoff = loan.principalOutstanding + 100_000n;
    const done = await w.run(w.maker, (trx, ctx) =>
      prepay(trx, ctx, id, {
        on: "2026-03-10",
        amount: money(payoff, KZT),
        channel: "cash",
        overpayment: "advance",
      }),
    );
    expect(done.status).toBe("closed");
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("reschedules, writes off, and records recoveries; PAR follows on any date", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w);
    await w.run(w.checker, (trx, ctx) =>
      reschedule(trx, ctx, id, {
        on: "2026-05-05",
        installments: 18,
        firstDueOn: "2026-06-05",
        reason: "Lost her harvest",
      }),
    );
    const live = await liveInstallments(w.db, id);
    expect(live).toHaveLength(18);
    expect(live.reduce((s, i) => s + i.principal, 0n)).toBe(10_000_000n);
    // Before the reschedule, the three missed installments made PAR over 30 days.
    const actor = cliActor(w.t);
    const [before] = await portfolioAtRiskFor(w.db, actor, w.t.rootId, "2026-05-01");
    expect(before?.atRisk.par30).toBe(10_000_000n);
    const [after] = await portfolioAtRiskFor(w.db, actor, w.t.rootId, "2026-05-06");
    expect(after?.atRisk.par1).toBe(0n);
    const off = await w.run(w.checker, (trx, ctx) =>
      writeOff(trx, ctx, id, { on: "2026-12-01", reason: "Left the country" }),
    );
    expect(off.principal).toBe(10_000_000n);
    await expect(
      w.run(w.maker, (trx, ctx) =>
        recover(trx, ctx, id, { on: "2026-12-20", amount: kzt("999999"), channel: "cash" }),
      ),
    ).rejects.toMatchObject({ code: "LOAN_OVERPAYMENT" });
    await w.run(w.maker, (trx, ctx) =>
      recover(trx, ctx, id, { on: "2026-12-20", amount: kzt("5000"), channel: "cash" }),
    );
    await expectBooksCoherent(w.db, w.t.rootId);
    const [gone] = await portfolioAtRiskFor(w.db, actor, w.t.rootId, "2026-12-02");
    expect(gone?.portfolio ?? 0n).toBe(0n);
    const tb = await trialBalance(w.db, actor, w.t.mfoId, "2026-12-31");
    expect(tb.find((r) => r.account === "Income:Recoveries of written-off loans")?.balance).toBe(-500_000n);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("lends to a group with each member's share and joint liability", async () => {
    const w = await loanWorld(use().db);
    const apply = (shares: string[]) =>
      w.run(w.maker, (trx, ctx) =>
        applyForLoan(trx, ctx, {
          productId: w.productId,
          borrower: {
            type: "group",
            groupId: w.t.groupId,
            jointLiability: true,
            members: w.members.map((personId, k) => ({ personId, share: kzt(shares[k] ?? "0") })),
          },
          principal: kzt("300000"),
          installments: 12,
          firstDueOn: "2026-02-15",
          appliedOn: "2026-01-10",
        }),
      );
    await expect(apply(["100000", "100000", "50000"])).rejects.toMatchObject({ code: "LOAN_SHARES_INVALID" });
    const id = await apply(["100000", "120000", "80000"]);
    await w.run(w.checker, (trx, ctx) => decide(trx, ctx, id, { approve: true, on: "2026-01-12" }));
    await w.run(w.maker, (trx, ctx) => disburse(trx, ctx, id, { on: "2026-01-15", channel: "bank" }));
    const view = await viewLoan(w.db, cliActor(w.t), id, null, new Date());
    expect(view.members.map((m) => m.share).sort()).toEqual([10_000_000n, 12_000_000n, 8_000_000n].sort());
    const tb = await trialBalance(w.db, cliActor(w.t), w.t.mfoId, "2026-01-15");
    expect(tb.find((r) => r.account === "Assets:Loan portfolio:Group loans")?.balance).toBe(30_000_000n);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("never allocates the same money twice when repayments race on one loan", async () => {
    const w = await loanWorld(use().db);
    const id = await disbursedLoan(w, "30000", 3);
    const pay = () =>
      w
        .run(w.maker, (trx, ctx) =>
          repay(trx, ctx, id, {
            on: "2026-02-16",
            amount: kzt("10200"),
            channel: "cash",
            overpayment: "refuse",
          }),
        )
        .then(
          () => "ok",
          (e: { code?: string }) => e.code ?? "error",
        );
    const outcomes = await Promise.all([pay(), pay(), pay()]);
    const ok = outcomes.filter((o) => o === "ok").length;
    expect(ok).toBeGreaterThanOrEqual(1);
    for (const o of outcomes) expect(["ok", "CONCURRENT_UPDATE", "LOAN_OVERPAYMENT"]).toContain(o);
    const live = await liveInstallments(w.db, id);
    const paid = live.reduce((s, i) => s + i.principalPaid + i.interestPaid, 0n);
    expect(paid).toBe(BigInt(ok) * 1_020_000n);
    await expectBooksCoherent(w.db, w.t.rootId);
  });
});
