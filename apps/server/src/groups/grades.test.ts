import { addDays } from "@qadam/core/clock";
import { DEFAULT_GRADING_TABLE } from "@qadam/core/groups/grading";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { cliActor } from "../testing/fixtures.js";
import { recordMeeting } from "./commands.js";
import { gradeHistory, gradeOn, recordGrade, setGradingTable } from "./grades.js";
import { groupWorld, ordinaryMeeting } from "./testing.js";

describeEachDatabase("grading a group from its records", (use) => {
  it("scores each criterion from six months of meetings, keeps the grade, and follows the tenant's table", async () => {
    const w = await groupWorld(use().db, DEFAULT_RULES, 5);
    // 25 Wednesdays from 7 January to 24 June 2026; the 10th and 20th are missed. Each meeting one
    // member (in turn) is absent and pays nothing; each is recorded the evening it was held.
    let week = 0;
    for (let on = "2026-01-07"; on <= "2026-06-24"; on = addDays(on, 7)) {
      week += 1;
      if (week === 10 || week === 20) continue;
      const absent = [w.members[week % 5] ?? ""];
      await w.runAt(`${on}T14:00:00Z`, (trx, ctx) =>
        recordMeeting(trx, ctx, w.groupId, ordinaryMeeting(w, on, [], absent)),
      );
    }
    const actor = cliActor(w.t);
    const report = await gradeOn(w.db, actor, w.groupId, "2026-06-30");
    expect(report.windowFrom).toBe("2025-12-31");
    expect(report.facts).toMatchObject({
      meetingsExpected: 25,
      meetingsHeld: 23,
      attendances: 92,
      memberMeetings: 115,
      savingsPaid: 92,
      recordedWithinWeek: 23,
      borrowers: 0,
      repaymentsDue: 0,
      activeMembers: 5,
    });
    const points = Object.fromEntries(report.criteria.map((c) => [c.name, c.score]));
    // 92 % of meetings: 10; 80 % attendance and savings: 10 each; no lending: 0, 0 and 0;
    // every meeting recorded the same day: 10; five members: 3.
    expect(points).toEqual({
      meetingRegularity: 10,
      attendance: 10,
      savingsRegularity: 10,
      fundOnLoan: 0,
      loanRotation: 0,
      repaymentOnTime: 0,
      booksUpToDate: 10,
      groupSize: 3,
    });
    expect(report).toMatchObject({ grade: "C", score: 43, max: 100 });

    const kept = await w.run((trx, ctx) => recordGrade(trx, ctx, w.groupId, "2026-06-30"), null);
    // A tenant that grades savings-only groups more kindly: B from 40.
    await w.run(
      (trx, ctx) =>
        setGradingTable(trx, ctx, {
          validFrom: "2026-07-01",
          table: { ...DEFAULT_GRADING_TABLE, bands: { A: 80, B: 40 } },
        }),
      null,
    );
    const later = await w.run((trx, ctx) => recordGrade(trx, ctx, w.groupId, "2026-07-01"), null);
    expect(later.grade).toBe("B");
    const history = await gradeHistory(w.db, actor, w.groupId);
    expect(history.map((h) => [h.gradedOn, h.grade])).toEqual([
      ["2026-07-01", "B"],
      ["2026-06-30", "C"],
    ]);
    expect(history[1]?.id).toBe(kept.id);
    expect(history[1]?.criteria).toHaveLength(8);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses a scoring table that does not hold together", async () => {
    const w = await groupWorld(use().db);
    await expect(
      w.run(
        (trx, ctx) =>
          setGradingTable(trx, ctx, {
            validFrom: "2026-07-01",
            table: { ...DEFAULT_GRADING_TABLE, bands: { A: 50, B: 70 } },
          }),
        null,
      ),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(
      w.run((trx, ctx) =>
        setGradingTable(trx, ctx, { validFrom: "2026-07-01", table: DEFAULT_GRADING_TABLE }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
