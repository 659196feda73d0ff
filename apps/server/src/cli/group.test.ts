import { join } from "node:path";
import type { MeetingInput } from "@qadam/core/groups/meeting";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { beforeAll, describe, expect, it } from "vitest";
import { recordMeeting } from "../groups/index.js";
import { type GroupWorld, groupWorld } from "../groups/testing.js";
import { openDatabase } from "../platform/db/database.js";
import { migrateToLatest } from "../platform/db/migrate.js";
import { expectBooksCoherentAt } from "../testing/books-coherence.js";
import { qadam, scratchDir } from "./testing.js";

const dir = scratchDir("qadam-group-");

/** Everyone present and saving the compulsory 500.00, plus `lines`. */
function meeting(w: GroupWorld, heldOn: string, lines: MeetingInput["lines"] = []): MeetingInput {
  return {
    heldOn,
    attendance: w.members.map((personId) => ({ personId, status: "present" })),
    lines: [
      ...w.members.map((personId) => ({ kind: "savings" as const, personId, amount: 50_000n })),
      ...lines,
    ],
    cashCounted: null,
  };
}

describe("qadam group", () => {
  const url = `sqlite:${join(dir, "group.db")}`;
  let w: GroupWorld;

  // A group of three: A saves 1,000.00 more; C borrows 1,000.00 and repays it with 20.00 interest; B
  // is fined 100.00. Each meeting is recorded the day it is held.
  beforeAll(async () => {
    const open = await openDatabase(url);
    try {
      await migrateToLatest(open.db);
      w = await groupWorld(open.db, DEFAULT_RULES, 3);
      const [a, b, c] = w.members as [string, string, string];
      const first = await w.runAt("2026-01-07T14:00:00Z", (trx, ctx) =>
        recordMeeting(
          trx,
          ctx,
          w.groupId,
          meeting(w, "2026-01-07", [
            { kind: "voluntarySavings", personId: a, amount: 100_000n },
            { kind: "loan", personId: c, amount: 100_000n, termMonths: 2, purpose: null },
          ]),
        ),
      );
      await w.runAt("2026-02-04T14:00:00Z", (trx, ctx) =>
        recordMeeting(
          trx,
          ctx,
          w.groupId,
          meeting(w, "2026-02-04", [
            { kind: "repayment", personId: c, loanId: first.loansIssued[0] ?? "", amount: 102_000n },
            { kind: "fine", personId: b, amount: 10_000n, reason: "lateness" },
          ]),
        ),
      );
    } finally {
      await open.close();
    }
  });

  it("lists the group's meetings", async () => {
    const res = await qadam(["group", "meetings", "--group", w.groupId, "--json", "--database-url", url]);
    expect(res.code).toBe(0);
    const list = JSON.parse(res.out);
    expect(list).toMatchObject({ groupId: w.groupId, currency: "KZT" });
    expect(
      list.meetings.map((m: { seq: number; heldOn: string; status: string }) => [m.seq, m.heldOn, m.status]),
    ).toEqual([
      [1, "2026-01-07", "posted"],
      [2, "2026-02-04", "posted"],
    ]);
    const text = await qadam(["group", "meetings", "--group", w.groupId, "--database-url", url]);
    expect(text.out).toContain("2026-02-04  posted");
    await expectBooksCoherentAt(url, w.t.rootId);
  });

  it("grades the group, each criterion's reason in words in the language asked for", async () => {
    const args = ["group", "grade", "--group", w.groupId, "--on", "2026-02-04", "--window-months", "1"];
    const res = await qadam([...args, "--json", "--database-url", url]);
    expect(res.code).toBe(0);
    const grade = JSON.parse(res.out);
    expect(Object.keys(grade)).toEqual(["grade", "score", "criteria"]);
    expect(grade.grade).toMatch(/^[ABC]$/);
    expect(grade.score).toBe(grade.criteria.reduce((s: number, c: { score: number }) => s + c.score, 0));
    for (const c of grade.criteria) expect(Object.keys(c)).toEqual(["name", "score", "max", "reason"]);
    // From 5 January: Wednesdays 7, 14, 21, 28 January and 4 February; two of them held.
    expect(grade.criteria[0]).toEqual({
      name: "meetingRegularity",
      score: 0,
      max: 15,
      reason: "2 of 5 expected meetings held (40.0 %): 0 of 15 points.",
    });
    expect(grade.criteria.find((c: { name: string }) => c.name === "groupSize")?.reason).toBe(
      "3 active members: 0 of 5 points.",
    );
    const kk = JSON.parse((await qadam([...args, "--json", "--lang", "kk", "--database-url", url])).out);
    expect(kk.criteria[0].reason).toBe("Күтілген 5 жиналыстың 2 өтті (40.0 %): 0 ұпай (ең көбі 15).");
    const text = await qadam([...args, "--database-url", url]);
    expect(text.out).toMatch(/^Grade [ABC]: \d+ of 100 on 2026-02-04/);
    const bad = await qadam(["group", "grade", "--group", w.groupId, "--on", "soon", "--database-url", url]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--on must be a date/);
    await expectBooksCoherentAt(url, w.t.rootId);
  });

  it("previews the share-out as JSON, then closes the cycle", async () => {
    const args = ["group", "shareout", "--group", w.groupId, "--on", "2026-02-04", "--database-url", url];
    const preview = await qadam([...args, "--preview", "--json"]);
    expect(preview.code).toBe(0);
    const [a, b, c] = w.members as [string, string, string];
    // 4,000.00 saved, 20.00 interest and 100.00 fines: each member gets 3 % on her savings.
    const shown = JSON.parse(preview.out);
    const paid = (payout: string) => ({ payout, cashNow: payout, carriedOver: "0.00" });
    expect(shown).toEqual({
      method: "standard",
      sharedAs: "standard",
      cycleFrom: "2026-01-01",
      closesOn: "2026-02-04",
      currency: "KZT",
      distributable: "4120.00",
      cash: "4120.00",
      loansOutstanding: "0.00",
      interestDue: "0.00",
      socialFund: "0.00",
      owed: "0.00",
      owedInterest: "0.00",
      cashNow: "4120.00",
      carriedOver: "0.00",
      members: expect.arrayContaining([
        { personId: a, savings: "2000.00", ...paid("2060.00") },
        { personId: b, savings: "1000.00", ...paid("1030.00") },
        { personId: c, savings: "1000.00", ...paid("1030.00") },
      ]),
    });
    expect(shown.members).toHaveLength(3);
    const text = await qadam([...args, "--preview"]);
    expect(text.out).toContain("Net worth shared 4120.00 = cash 4120.00 + loans outstanding 0.00");
    const closed = await qadam([...args, "--json"]);
    expect(closed.code).toBe(0);
    expect(JSON.parse(closed.out)).toMatchObject({
      distributable: "4120.00",
      shareoutId: expect.any(String),
    });
    const again = await qadam([...args, "--json"]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^qadam: /);
    await expectBooksCoherentAt(url, w.t.rootId);
  });

  it("says so when the id is not a group", async () => {
    const res = await qadam(["group", "meetings", "--group", w.t.federationId, "--database-url", url]);
    expect(res.code).toBe(1);
    expect(res.err).toContain("not a self-help group");
    await expectBooksCoherentAt(url, w.t.rootId);
  });
});
