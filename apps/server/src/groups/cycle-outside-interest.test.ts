import type { MeetingInput } from "@qadam/core/groups/meeting";
import fc from "fast-check";
import { expect, it } from "vitest";
import { journalEntry, trialBalance } from "../books/index.js";
import { groupDebtChargesOn, loadLoan } from "../loans/index.js";
import type { LoanWorld } from "../loans/testing.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor, type SeededUser, seedUser } from "../testing/fixtures.js";
import { recordMeeting } from "./commands.js";
import { closeCycle, previewShareout } from "./cycle.js";
import { groupOwingTheMfo } from "./testing.js";

// The world of groupOwingTheMfo: the MFO lent the group 300,000.00 in cash on 15 January 2026, over 12
// months at 24 % a year (2 % a month), the first installment due on 16 February (the 15th is a
// Sunday): 22,367.88 of principal and 6,000.00 of interest (2 % of 300,000.00), the second due on
// 16 March with 5,552.64 of interest. On 21 January each of the three members saves 500.00 and
// 20,000.00 more: 61,500.00 in all.

/** Everyone present, each saving 500.00 and `voluntary` more, then `lines`. */
function meeting(w: LoanWorld, heldOn: string, voluntary: bigint, lines: MeetingInput["lines"] = []) {
  return {
    heldOn,
    attendance: w.members.map((personId) => ({ personId, status: "present" as const })),
    lines: [
      ...w.members.map((personId) => ({ kind: "savings" as const, personId, amount: 50_000n })),
      ...(voluntary > 0n
        ? w.members.map((personId) => ({ kind: "voluntarySavings" as const, personId, amount: voluntary }))
        : []),
      ...lines,
    ],
    cashCounted: null,
  } satisfies MeetingInput;
}

async function world(db: Parameters<typeof groupOwingTheMfo>[0]) {
  const world = await groupOwingTheMfo(db);
  const { w, group } = world;
  await w.run(null, (trx, ctx) => recordMeeting(trx, ctx, group, meeting(w, "2026-01-21", 2_000_000n)));
  // The group's bookkeeper: her grant covers the group, not the MFO that lent to it.
  const bookkeeper: SeededUser = await seedUser(db, w.t.tenantId, group, "group_bookkeeper");
  return { ...world, bookkeeper };
}

describeEachDatabase("the share-out with interest owed outside", (use) => {
  it("takes the interest accrued on the MFO's loan to the closing date off the net worth", async () => {
    const { w, group, bookkeeper } = await world(use().db);
    // On 11 February, 27 days of the first period's 32 (15 January – 16 February) have passed: the
    // MFO would ask 6,000.00 × 27 ÷ 32 = 5,062.50 of interest to settle the loan that day.
    const preview = await previewShareout(w.db, bookkeeper.actor, group, "2026-02-11");
    expect(preview).toMatchObject({
      cash: 36_150_000n, // 300,000.00 lent + 61,500.00 saved, in the box
      owed: 30_000_000n,
      owedInterest: 506_250n,
      // 361,500.00 − 300,000.00 − 5,062.50 = 56,437.50, a loss of 1,687.50 on 61,500.00 saved.
      distributable: 5_643_750n,
      // The debts covered first: 361,500.00 − 305,062.50 = 56,437.50, the whole net worth, in cash.
      cashNow: 5_643_750n,
      carriedOver: 0n,
    });
    for (const m of preview.members)
      expect(m).toMatchObject({ savings: 2_050_000n, payout: 1_881_250n, profit: -168_750n });
  });

  it("would share out the lender's interest: without it the net worth is too high by exactly that much", async () => {
    const { w, group, bookkeeper } = await world(use().db);
    const preview = await previewShareout(w.db, bookkeeper.actor, group, "2026-02-11");
    // What the share-out gave before it counted the interest owed outside: cash − principal owed,
    // 61,500.00, every member paid her savings back whole while the MFO is owed 5,062.50 more.
    const principalOnly = preview.cash - preview.owed;
    expect(principalOnly).toBe(6_150_000n);
    expect(principalOnly - preview.distributable).toBe(506_250n);
    expect(preview.members.map((m) => m.cashNow)).toEqual([1_881_250n, 1_881_250n, 1_881_250n]);
  });

  it("counts the interest of a loan the bookkeeper may not see", async () => {
    const { w, group, mfoLoan, bookkeeper } = await world(use().db);
    await expect(loadLoan(w.db, bookkeeper.actor, mfoLoan)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const hers = await previewShareout(w.db, bookkeeper.actor, group, "2026-02-11");
    const admin = await previewShareout(w.db, cliActor(w.t), group, "2026-02-11");
    expect(hers.owedInterest).toBe(506_250n);
    expect(admin.owedInterest).toBe(hers.owedInterest);
    expect(admin.distributable).toBe(hers.distributable);
  });

  it("counts interest due and unpaid, the current period's accrual and the penalties not yet charged", async () => {
    const { w, group, bookkeeper } = await world(use().db);
    // 1 March, the first installment 13 days late and nothing paid: its 6,000.00 of interest; the
    // second's 5,552.64 × 13 ÷ 28 days (16 February – 16 March) = 2,578.01; and the penalty, 0.5 % a day
    // on the 28,367.88 overdue for 13 days, 28,367.88 × 0.065 = 1,843.91, not charged yet.
    const charges = await groupDebtChargesOn(
      w.db,
      { tenantId: w.t.tenantId, id: group, currency: "KZT" },
      "2026-03-01",
    );
    expect(charges).toMatchObject({
      interest: 857_801n,
      fee: 0n,
      penaltyCharged: 0n,
      penaltyPending: 184_391n,
    });
    const preview = await previewShareout(w.db, bookkeeper.actor, group, "2026-03-01");
    expect(preview.owedInterest).toBe(857_801n + 184_391n);
    // 361,500.00 − 300,000.00 − 10,421.92 = 51,078.08.
    expect(preview.distributable).toBe(5_107_808n);

    // Committed: the interest into the interest on external loans, the penalty into the expenses,
    // where the lender's entries will book them when they are paid and charged.
    await w.run(bookkeeper, (trx, ctx) =>
      closeCycle(trx, ctx, group, { on: "2026-03-01", carryOverLoans: false }),
    );
    const tb = await trialBalance(w.db, cliActor(w.t), group, "2026-03-01");
    const balance = (name: string) => tb.find((r) => r.account.endsWith(name))?.balance ?? 0n;
    expect(balance("Interest on external loans")).toBe(-857_801n);
    expect(balance("Expenses")).toBe(-184_391n);
    expect(balance("Retained earnings")).toBe(0n);
    expect(balance("Cash box")).toBe(36_150_000n - 5_107_808n);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("books the interest owed into this cycle's result in a balanced entry, and the next cycle's payment only settles it", async () => {
    const { w, group, mfoLoan, bookkeeper } = await world(use().db);
    const closed = await w.run(bookkeeper, (trx, ctx) =>
      closeCycle(trx, ctx, group, { on: "2026-02-11", carryOverLoans: false }),
    );
    expect(closed.distributable).toBe(5_643_750n);
    expect(closed.members.reduce((s, m) => s + m.cashNow + m.carriedOver, 0n)).toBe(closed.distributable);
    expect(closed.members.reduce((s, m) => s + m.payout, 0n)).toBe(closed.distributable);
    const admin = cliActor(w.t);
    const row = await w.db
      .selectFrom("shareouts")
      .select("entryId")
      .where("id", "=", closed.shareoutId)
      .executeTakeFirstOrThrow();
    const entry = await journalEntry(w.db, admin, row.entryId);
    expect(entry.lines.reduce((s, l) => s + l.amount.minor, 0n)).toBe(0n);
    const outside = entry.lines.filter((l) => l.memo?.includes("interest owed on external loans"));
    expect(outside.map((l) => [l.account.endsWith("Interest on external loans"), l.amount.minor])).toEqual([
      [true, -506_250n],
      [false, 506_250n],
    ]);
    const tb = async (on: string) => {
      const rows = await trialBalance(w.db, admin, group, on);
      expect(rows.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
      return (name: string) => rows.find((r) => r.account.endsWith(name))?.balance ?? 0n;
    };
    const after = await tb("2026-02-11");
    // The 5,062.50 is this cycle's expense: the next cycle's interest on external loans starts with it
    // as a credit; retained earnings are all shared.
    expect(after("Interest on external loans")).toBe(-506_250n);
    expect(after("Retained earnings")).toBe(0n);
    expect(after("Cash box")).toBe(36_150_000n - 5_643_750n);
    expect(after("External loans")).toBe(-30_000_000n);
    expect(after("Members' savings")).toBe(0n);

    // 18 February: the group pays the first installment, 28,367.88, and the 283.68 penalty for the two
    // days late (0.5 % a day); everyone saves 500.00.
    await w.run(null, (trx, ctx) =>
      recordMeeting(
        trx,
        ctx,
        group,
        meeting(w, "2026-02-18", 0n, [{ kind: "loanRepayment", loanId: mfoLoan, amount: 2_865_156n }]),
      ),
    );
    const later = await tb("2026-02-18");
    // 6,000.00 paid less the 5,062.50 already shared: the next cycle bears 937.50, the interest of
    // 11 – 16 February (6,000.00 × 5 ÷ 32).
    expect(later("Interest on external loans")).toBe(93_750n);
    expect(later("Expenses")).toBe(28_368n);
    const next = await previewShareout(w.db, bookkeeper.actor, group, "2026-02-18");
    expect(next.cycleFrom).toBe("2026-02-12");
    // Now owed: the second installment's 5,552.64 × 2 ÷ 28 = 396.62. The cycle's result is
    // −937.50 − 283.68 − 396.62 on 1,500.00 saved: the interest shared before is not taken twice.
    expect(next.owedInterest).toBe(39_662n);
    expect(next.distributable).toBe(150_000n - 93_750n - 28_368n - 39_662n);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses to close when the interest owed outside makes the net worth negative", async () => {
    const world = await groupOwingTheMfo(use().db);
    const { w, group } = world;
    // Only 1,500.00 saved: 301,500.00 − 300,000.00 is 1,500.00 over the principal, but 5,062.50 of
    // interest is owed too: the net worth is −3,562.50.
    await w.run(null, (trx, ctx) => recordMeeting(trx, ctx, group, meeting(w, "2026-01-21", 0n)));
    const preview = await previewShareout(w.db, cliActor(w.t), group, "2026-02-11");
    expect(preview.distributable).toBe(-356_250n);
    expect(preview.cashNow).toBe(0n);
    await expect(
      w.run(null, (trx, ctx) => closeCycle(trx, ctx, group, { on: "2026-02-11", carryOverLoans: false })),
    ).rejects.toMatchObject({
      code: "SHAREOUT_NET_WORTH_NEGATIVE",
      params: { worth: { minor: -356_250n }, debts: { minor: 30_506_250n } },
    });
  });

  it("keeps Σ cash + Σ carried over = Σ claims = net worth on any closing date of the loan's life", async () => {
    const { w, group, bookkeeper } = await world(use().db);
    const key = { tenantId: w.t.tenantId, id: group, currency: "KZT" };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 200 }), async (days) => {
        const on = new Date(Date.UTC(2026, 0, 21 + days)).toISOString().slice(0, 10);
        const p = await previewShareout(w.db, bookkeeper.actor, group, on);
        const charges = await groupDebtChargesOn(w.db, key, on);
        expect(p.owedInterest).toBe(charges.interest + charges.fee + charges.penaltyPending);
        expect(p.distributable).toBe(p.cash + p.loansOutstanding + p.interestDue - p.owed - p.owedInterest);
        const cash = p.members.reduce((s, m) => s + m.cashNow, 0n);
        const carried = p.members.reduce((s, m) => s + m.carriedOver, 0n);
        expect(p.members.reduce((s, m) => s + m.payout, 0n)).toBe(p.distributable);
        expect(cash + carried).toBe(p.distributable);
        expect([p.cashNow, p.carriedOver]).toEqual([cash, carried]);
        const room = p.cash - p.owed - p.owedInterest;
        let payable = p.distributable;
        if (room < payable) payable = room;
        expect(cash).toBe(payable > 0n ? payable : 0n);
      }),
      { numRuns: 20 },
    );
  });
});
