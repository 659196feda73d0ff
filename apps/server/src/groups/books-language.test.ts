import type { Locale } from "@qadam/core/i18n";
import { expect, it } from "vitest";
import { trialBalance } from "../books/index.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor } from "../testing/fixtures.js";
import { correctLatestMeeting, recordMeeting } from "./commands.js";
import { groupWorld, ordinaryMeeting } from "./testing.js";

describeEachDatabase("a group's journal entries in the tenant's language", (use) => {
  async function meetingAndCorrection(language: Locale): Promise<string[]> {
    const { db } = use();
    const w = await groupWorld(db);
    await db.updateTable("tenants").set({ defaultLocale: language }).where("id", "=", w.t.tenantId).execute();
    const held = await w.run((trx, ctx) =>
      recordMeeting(trx, ctx, w.groupId, ordinaryMeeting(w, "2026-01-07")),
    );
    await w.run((trx, ctx) => correctLatestMeeting(trx, ctx, w.groupId, held.meetingId, null));
    const rows = await trialBalance(db, cliActor(w.t), w.groupId, "9999-12-31");
    expect(rows.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
    const entries = await db
      .selectFrom("journalEntries")
      .select(["description"])
      .where("orgId", "=", w.groupId)
      .orderBy("postedAt")
      .orderBy("description")
      .execute();
    await expectBooksCoherent(db, w.t.rootId);
    return entries.map((e) => e.description);
  }

  it("describes a Kazakh group's meeting and its correction in Kazakh", async () => {
    expect((await meetingAndCorrection("kk")).sort()).toEqual([
      "2026-01-07 жиналысы",
      "2026-01-07 жиналысын түзету",
    ]);
  });

  it("describes a Russian group's in Russian", async () => {
    expect((await meetingAndCorrection("ru")).sort()).toEqual([
      "Встреча 2026-01-07",
      "Исправление встречи 2026-01-07",
    ]);
  });
});
