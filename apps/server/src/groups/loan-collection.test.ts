import type { MeetingInput } from "@qadam/core/groups/meeting";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { expect, it } from "vitest";
import { openBooks, trialBalance } from "../books/index.js";
import { applyForLoan, decide, disburse, loadLoan } from "../loans/index.js";
import { groupApplication, loanWorld } from "../loans/testing.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor } from "../testing/fixtures.js";
import { adoptRules, correctLatestMeeting, recordMeeting } from "./commands.js";

describeEachDatabase("a lender's loan repaid at the group's meeting", (use) => {
  it("goes through the loan engine into both books, and a correction reverses it there too", async () => {
    const w = await loanWorld(use().db);
    const actor = cliActor(w.t);
    const group = w.t.groupId;
    await w.run(null, (trx, ctx) => openBooks(trx, ctx, group));
    await w.run(null, (trx, ctx) =>
      adoptRules(trx, ctx, group, { validFrom: "2026-01-01", rules: DEFAULT_RULES }),
    );
    const loanId = await w.run(w.maker, (trx, ctx) => applyForLoan(trx, ctx, groupApplication(w)));
    await w.run(w.checker, (trx, ctx) => decide(trx, ctx, loanId, { approve: true, on: "2026-01-12" }));
    await w.run(w.maker, (trx, ctx) => disburse(trx, ctx, loanId, { on: "2026-01-15", channel: "cash" }));

    const meeting = (amount: bigint): MeetingInput => ({
      heldOn: "2026-02-18",
      attendance: w.members.map((personId) => ({ personId, status: "present" })),
      lines: [
        ...w.members.map((personId) => ({ kind: "savings" as const, personId, amount: 50_000n })),
        { kind: "loanRepayment", loanId, amount },
      ],
      // 3,000.00 lent by the MFO, 1,500.00 saved today, the repayment paid out of the box.
      cashCounted: 30_000_000n + 150_000n - amount,
    });
    const owed = async () => (await loadLoan(w.db, actor, loanId)).principalOutstanding;
    const groupOwes = async () =>
      -(
        (await trialBalance(w.db, actor, group, "2026-12-31")).find((r) =>
          r.account.endsWith("External loans"),
        )?.balance ?? 0n
      );
    // More than the whole loan, with a bank loan received the same day to pay it from.
    const over = meeting(40_000_000n);
    over.lines = [...over.lines, { kind: "externalLoanReceived", amount: 10_000_000n, detail: "bank" }];
    over.cashCounted = null;
    await expect(w.run(null, (trx, ctx) => recordMeeting(trx, ctx, group, over))).rejects.toMatchObject({
      code: "MEETING_EXTERNAL_REPAYMENT",
      params: { line: 4 },
    });
    const stranger = { ...meeting(1_000n), cashCounted: null };
    stranger.lines = stranger.lines.map((l) =>
      l.kind === "loanRepayment" ? { ...l, loanId: "01900000-0000-7000-8000-000000000000" } : l,
    );
    await expect(w.run(null, (trx, ctx) => recordMeeting(trx, ctx, group, stranger))).rejects.toMatchObject({
      code: "MEETING_LOAN_NOT_FOUND",
      params: { line: 4 },
    });
    const recorded = await w.run(null, (trx, ctx) => recordMeeting(trx, ctx, group, meeting(2_836_788n)));
    expect(await owed()).toBeLessThan(30_000_000n);
    expect(await groupOwes()).toBe(await owed());
    const tb = await trialBalance(w.db, actor, group, "2026-12-31");
    expect(tb.reduce((s, r) => s + r.balance, 0n)).toBe(0n);

    await w.run(null, (trx, ctx) => correctLatestMeeting(trx, ctx, group, recorded.meetingId, null));
    expect(await owed()).toBe(30_000_000n);
    // The penalty for the two days late stays charged: the group owes it, as the lender says.
    const lender = await trialBalance(w.db, actor, w.t.mfoId, "2026-12-31");
    const claim = (name: string) => lender.find((r) => r.account.endsWith(name))?.balance ?? 0n;
    expect(claim("Penalties receivable")).toBe(28_368n);
    expect(await groupOwes()).toBe(
      claim("Group loans") + claim("Penalties receivable") + claim("Client advances"),
    );
    await expectBooksCoherent(w.db, w.t.rootId);
  });
});
