import type { MeetingInput } from "@qadam/core/groups/meeting";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { expect, it } from "vitest";
import { trialBalance } from "../books/index.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor } from "../testing/fixtures.js";
import { recordMeeting } from "./commands.js";
import { closeCycle, previewShareout } from "./cycle.js";
import { passbook } from "./queries.js";
import { type GroupWorld, groupWorld } from "./testing.js";

/** Everyone present; each member saves her own amount (voluntary on top of the compulsory 500.00). */
function meeting(w: GroupWorld, heldOn: string, extra: MeetingInput["lines"] = []): MeetingInput {
  return {
    heldOn,
    attendance: w.members.map((personId) => ({ personId, status: "present" })),
    lines: [
      ...w.members.map((personId) => ({ kind: "savings" as const, personId, amount: 50_000n })),
      ...extra,
    ],
    cashCounted: null,
  };
}

describeEachDatabase("closing a savings cycle", (use) => {
  it("shares out savings and the profit in proportion to savings, keeping the social fund", async () => {
    const w = await groupWorld(use().db, DEFAULT_RULES, 3);
    const [a, b, c] = w.members as [string, string, string];
    // Savings: A 1,000.00 + 1,000.00 voluntary = 2,000.00; B 1,000.00; C 1,000.00 (two meetings each).
    const first = await w.run((trx, ctx) =>
      recordMeeting(
        trx,
        ctx,
        w.groupId,
        meeting(w, "2026-01-07", [
          { kind: "voluntarySavings", personId: a, amount: 100_000n },
          { kind: "socialContribution", personId: b, amount: 10_000n },
          { kind: "loan", personId: c, amount: 100_000n, termMonths: 2, purpose: null },
        ]),
      ),
    );
    const loanId = first.loansIssued[0] ?? "";
    // C repays on 4 February: 1,000.00 and one month's 2 % flat, 20.00. A fine of 100.00 too.
    await w.run((trx, ctx) =>
      recordMeeting(
        trx,
        ctx,
        w.groupId,
        meeting(w, "2026-02-04", [
          { kind: "repayment", personId: c, loanId, amount: 102_000n },
          { kind: "fine", personId: b, amount: 10_000n, reason: "lateness" },
        ]),
      ),
    );
    const actor = cliActor(w.t);
    const preview = await previewShareout(w.db, actor, w.groupId, "2026-02-04");
    // Loan fund: 4,000.00 saved + 20.00 interest + 100.00 fine = 4,120.00; the 100.00 social fund is kept.
    expect(preview.distributable).toBe(412_000n);
    expect(preview.socialFund).toBe(10_000n);
    expect(preview.method).toBe("standard");
    const byId = new Map(preview.members.map((m) => [m.personId, m]));
    // Profit 120.00 over 4,000.00 of savings: 3 %. A: 2,060.00; B and C: 1,030.00 each.
    expect(byId.get(a)).toMatchObject({ savings: 200_000n, payout: 206_000n });
    expect(byId.get(b)).toMatchObject({ savings: 100_000n, payout: 103_000n });
    expect(byId.get(c)).toMatchObject({ savings: 100_000n, payout: 103_000n });

    const closed = await w.run((trx, ctx) =>
      closeCycle(trx, ctx, w.groupId, { on: "2026-02-04", carryOverLoans: false }),
    );
    expect(closed.members.reduce((s, m) => s + m.payout, 0n)).toBe(412_000n);
    const tb = await trialBalance(w.db, actor, w.groupId, "2026-02-04");
    const balance = (name: string) => tb.find((r) => r.account.endsWith(name))?.balance ?? 0n;
    expect(balance("Cash box")).toBe(0n);
    expect(balance("Members' savings")).toBe(0n);
    expect(balance("Social fund")).toBe(-10_000n);
    expect(balance("Social fund cash")).toBe(10_000n);
    expect(tb.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
    const book = await passbook(w.db, actor, w.groupId, a);
    expect(book.savings).toBe(0n);
    expect(book.savingsInJournal).toBe(0n);

    // The next cycle starts the day after.
    await w.run((trx, ctx) => recordMeeting(trx, ctx, w.groupId, meeting(w, "2026-02-11")));
    const next = await previewShareout(w.db, actor, w.groupId, "2026-02-11");
    expect(next.cycleFrom).toBe("2026-02-05");
    expect(next.distributable).toBe(150_000n);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses to close with loans open unless they are carried over", async () => {
    const w = await groupWorld(use().db, DEFAULT_RULES, 3);
    const [a] = w.members as [string];
    await w.run((trx, ctx) =>
      recordMeeting(
        trx,
        ctx,
        w.groupId,
        meeting(w, "2026-01-07", [
          { kind: "loan", personId: a, amount: 60_000n, termMonths: 2, purpose: null },
        ]),
      ),
    );
    await expect(
      w.run((trx, ctx) => closeCycle(trx, ctx, w.groupId, { on: "2026-01-07", carryOverLoans: false })),
    ).rejects.toMatchObject({ code: "SHAREOUT_LOANS_OPEN", params: { count: 1 } });
    const closed = await w.run((trx, ctx) =>
      closeCycle(trx, ctx, w.groupId, { on: "2026-01-07", carryOverLoans: true }),
    );
    // The 600.00 lent is still the group's: 1,500.00 is shared, the 900.00 of cash paid now and the
    // rest kept as each member's opening savings.
    expect(closed.distributable).toBe(150_000n);
    expect(closed.members.map((m) => m.payout)).toEqual([50_000n, 50_000n, 50_000n]);
    expect(closed.members.map((m) => m.cashNow)).toEqual([30_000n, 30_000n, 30_000n]);
    expect(closed.members.map((m) => m.carriedOver)).toEqual([20_000n, 20_000n, 20_000n]);
    const tb = await trialBalance(w.db, cliActor(w.t), w.groupId, "2026-01-07");
    expect(tb.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
    expect(tb.find((r) => r.account.endsWith("Loans to members"))?.balance).toBe(60_000n);
    expect(tb.find((r) => r.account.endsWith("Members' savings"))?.balance).toBe(-60_000n);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("shares the net worth with loans outstanding and interest due, carrying over what cash cannot pay", async () => {
    const w = await groupWorld(use().db, DEFAULT_RULES, 3);
    const [a, b, c] = w.members as [string, string, string];
    const actor = cliActor(w.t);
    await w.run((trx, ctx) => recordMeeting(trx, ctx, w.groupId, meeting(w, "2026-01-07")));
    // 14 January: A borrows 1,500.00 for 3 months at 2 % a month flat; C is fined 30.00; B gives 100.00
    // to the social fund; the group borrows 600.00 from a bank.
    const second = await w.run((trx, ctx) =>
      recordMeeting(
        trx,
        ctx,
        w.groupId,
        meeting(w, "2026-01-14", [
          { kind: "loan", personId: a, amount: 150_000n, termMonths: 3, purpose: null },
          { kind: "fine", personId: c, amount: 3_000n, reason: "lateness" },
          { kind: "socialContribution", personId: b, amount: 10_000n },
          { kind: "externalLoanReceived", amount: 60_000n, detail: "bank" },
        ]),
      ),
    );
    const loanId = second.loansIssued[0] ?? "";
    // On 18 February two months of interest have begun (14 January, 14 February): 2 × 30.00 due.
    const preview = await previewShareout(w.db, actor, w.groupId, "2026-02-18");
    expect(preview).toMatchObject({
      cash: 213_000n,
      loansOutstanding: 150_000n,
      interestDue: 6_000n,
      owed: 60_000n,
      socialFund: 10_000n,
      // 2,130.00 + 1,500.00 + 60.00 − 600.00 = 3,090.00, over 3,000.00 saved: a profit of 90.00.
      distributable: 309_000n,
      // The bank is owed 600.00 of the cash: 1,530.00 is paid, 1,560.00 carried over.
      cashNow: 153_000n,
      carriedOver: 156_000n,
    });
    for (const m of preview.members)
      expect(m).toMatchObject({
        savings: 100_000n,
        payout: 103_000n,
        cashNow: 51_000n,
        carriedOver: 52_000n,
      });

    const closed = await w.run((trx, ctx) =>
      closeCycle(trx, ctx, w.groupId, { on: "2026-02-18", carryOverLoans: true }),
    );
    expect(closed.members.reduce((s, m) => s + m.cashNow + m.carriedOver, 0n)).toBe(closed.distributable);
    const tb = await trialBalance(w.db, actor, w.groupId, "2026-02-18");
    const balance = (name: string) => tb.find((r) => r.account.endsWith(name))?.balance ?? 0n;
    expect(tb.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
    expect(balance("Cash box")).toBe(60_000n);
    expect(balance("External loans")).toBe(-60_000n);
    expect(balance("Loans to members")).toBe(150_000n);
    expect(balance("Members' savings")).toBe(-156_000n);
    expect(balance("Retained earnings")).toBe(0n);
    // The 60.00 of interest due is shared now; next cycle's interest income starts owing it.
    expect(balance("Interest from members")).toBe(6_000n);
    expect(balance("Social fund")).toBe(-10_000n);
    for (const member of w.members) {
      const book = await passbook(w.db, actor, w.groupId, member);
      expect(book.savings).toBe(52_000n);
      expect(book.savingsInJournal).toBe(52_000n);
      expect(book.lines.slice(-2).map((l) => [l.kind, l.amount])).toEqual([
        ["shareoutPayout", 100_000n],
        ["shareoutCarriedOver", 52_000n],
      ]);
    }

    // Next cycle: A pays the interest due and 500.00 of principal; everyone saves 500.00. Nothing was
    // earned since the share-out, so the new cycle shows no profit: the interest is not shared twice.
    await w.run((trx, ctx) =>
      recordMeeting(
        trx,
        ctx,
        w.groupId,
        meeting(w, "2026-02-25", [{ kind: "repayment", personId: a, loanId, amount: 56_000n }]),
      ),
    );
    const next = await previewShareout(w.db, actor, w.groupId, "2026-02-25");
    expect(next.cycleFrom).toBe("2026-02-19");
    expect(next.interestDue).toBe(0n);
    expect(next.distributable).toBe(3n * 102_000n);
    expect(next.members.map((m) => m.savings)).toEqual([102_000n, 102_000n, 102_000n]);
    expect(next.members.map((m) => m.payout)).toEqual([102_000n, 102_000n, 102_000n]);
    const after = await trialBalance(w.db, actor, w.groupId, "2026-02-25");
    expect(after.find((r) => r.account.endsWith("Interest from members"))?.balance ?? 0n).toBe(0n);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses to close a cycle whose net worth is negative", async () => {
    const w = await groupWorld(use().db, DEFAULT_RULES, 2);
    // 1,000.00 saved, then 2,000.00 borrowed from a bank and spent.
    await w.run((trx, ctx) =>
      recordMeeting(
        trx,
        ctx,
        w.groupId,
        meeting(w, "2026-01-07", [
          { kind: "externalLoanReceived", amount: 200_000n, detail: "bank" },
          { kind: "expense", amount: 250_000n, detail: "a flood" },
        ]),
      ),
    );
    const preview = await previewShareout(w.db, cliActor(w.t), w.groupId, "2026-01-07");
    expect(preview.distributable).toBe(-150_000n);
    expect(preview.members.map((m) => m.payout)).toEqual([-75_000n, -75_000n]);
    await expect(
      w.run((trx, ctx) => closeCycle(trx, ctx, w.groupId, { on: "2026-01-07", carryOverLoans: false })),
    ).rejects.toMatchObject({ code: "SHAREOUT_NET_WORTH_NEGATIVE" });
    await expectBooksCoherent(w.db, w.t.rootId);
  });
});
