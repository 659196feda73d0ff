import { expect, it } from "vitest";
import { openBooks, trialBalance } from "../books/index.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor } from "../testing/fixtures.js";
import { correctLatestMeeting, recordMeeting } from "./commands.js";
import { groupWorld, ordinaryMeeting } from "./testing.js";

describeEachDatabase("a group's membership fee in its federation's books", (use) => {
  it("is the federation's income when paid, and goes away when the meeting is corrected", async () => {
    const w = await groupWorld(use().db);
    const actor = cliActor(w.t);
    // The group sits in a cluster without books of its own: the fee goes to the federation above it.
    await w.run((trx, ctx) => openBooks(trx, ctx, w.t.federationId), null);
    const federation = async () => {
      const rows = await trialBalance(w.db, actor, w.t.federationId, "2026-12-31");
      expect(rows.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
      const of = (name: string) => rows.find((r) => r.account.endsWith(name))?.balance ?? 0n;
      return { cash: of("Cash"), fees: of("Membership fees") };
    };
    const recorded = await w.run((trx, ctx) =>
      recordMeeting(
        trx,
        ctx,
        w.groupId,
        ordinaryMeeting(w, "2026-01-07", [{ kind: "federationFee", amount: 100_000n }]),
      ),
    );
    expect(await federation()).toEqual({ cash: 100_000n, fees: -100_000n });
    const group = await trialBalance(w.db, actor, w.groupId, "2026-12-31");
    expect(group.find((r) => r.account.endsWith("Expenses"))?.balance).toBe(100_000n);
    await w.run((trx, ctx) => correctLatestMeeting(trx, ctx, w.groupId, recorded.meetingId, null));
    expect(await federation()).toEqual({ cash: 0n, fees: 0n });
    await expectBooksCoherent(w.db, w.t.rootId);
  });
});
