import { addDays } from "@qadam/core/clock";
import { DEFAULT_GRADING_TABLE, GRADING_CRITERIA } from "@qadam/core/groups/grading";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { LOCALES, translate } from "@qadam/core/i18n";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { as, seedUser, testApp } from "../testing/fixtures.js";
import { recordMeeting } from "./commands.js";
import { type GroupWorld, groupWorld, ordinaryMeeting } from "./testing.js";

interface CriterionJson {
  name: string;
  score: number;
  max: number;
  reason: { key: string; text: string };
}

describe("grading reasons", () => {
  it("have a sentence for every criterion, measured or not, in every language", () => {
    const values = {
      held: 1,
      expected: 2,
      attendances: 1,
      memberMeetings: 2,
      paid: 1,
      due: 2,
      borrowers: 1,
      members: 2,
      onTime: 1,
      recordedWithinWeek: 1,
      percent: "50.0",
      points: 5,
      max: 10,
    };
    for (const locale of LOCALES)
      for (const name of GRADING_CRITERIA)
        for (const key of [`grading.${name}`, `grading.notMeasured.${name}`]) {
          const sentence = translate(locale, key, values);
          expect(sentence, `${locale} ${key}`).not.toBe(key);
          expect(sentence, `${locale} ${key}`).not.toMatch(/\{\{|grading\./);
          expect(sentence).toContain("10");
        }
  });
});

describeEachDatabase("grading routes", (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(use());
  });
  afterAll(async () => {
    await app.close();
  });
  const url = (w: GroupWorld, rest: string) => `/api/v1/groups/${w.groupId}${rest}`;

  /** Every Wednesday of January 2026 held, everyone saving, each recorded the day it was held. */
  async function januaryGroup(): Promise<GroupWorld> {
    const w = await groupWorld(use().db, DEFAULT_RULES, 5);
    for (let on = "2026-01-07"; on <= "2026-01-28"; on = addDays(on, 7))
      await w.runAt(`${on}T14:00:00Z`, (trx, ctx) =>
        recordMeeting(trx, ctx, w.groupId, ordinaryMeeting(w, on)),
      );
    return w;
  }

  it("grades a group criterion by criterion, with each reason as a sentence in the user's language", async () => {
    const w = await januaryGroup();
    const call = as(app, w.bookkeeper);
    const res = await call({ method: "GET", url: url(w, "/grade?on=2026-01-31&windowMonths=1") });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    // Meetings, attendance and savings all 100 %: 15 each; nothing lent: 0, 0, not measured; books
    // recorded the same day: 10; five members: 3.
    expect(report).toMatchObject({
      groupId: w.groupId,
      gradedOn: "2026-01-31",
      windowFrom: "2026-01-01",
      grade: "C",
      score: 58,
      max: 100,
      currency: "KZT",
      facts: { meetingsExpected: 4, meetingsHeld: 4, loansOutstanding: "0.00", loanFundCash: "10000.00" },
    });
    const byName = new Map<string, CriterionJson>(report.criteria.map((c: CriterionJson) => [c.name, c]));
    expect(byName.get("meetingRegularity")).toMatchObject({
      score: 15,
      max: 15,
      value: "100.0",
      reason: {
        key: "grading.meetingRegularity",
        values: { held: 4, expected: 4, percent: "100.0", points: 15, max: 15 },
        text: "4 of 4 expected meetings held (100.0 %): 15 of 15 points.",
      },
    });
    expect(byName.get("repaymentOnTime")?.reason).toMatchObject({
      key: "grading.notMeasured.repaymentOnTime",
      text: "No loan installment fell due in the period: not measured, 0 of 20 points.",
    });
    const ru = await call({
      method: "GET",
      url: url(w, "/grade?on=2026-01-31&windowMonths=1"),
      headers: { "accept-language": "ru" },
    });
    expect(ru.json().criteria[0].reason.text).toBe(
      "Проведено 4 из 4 положенных встреч (100.0 %); баллы: 15 из 15.",
    );
    const early = await call({ method: "GET", url: url(w, "/grade?on=2019-12-31") });
    expect(early.json().error.code).toBe("ORG_DATE_BEFORE_OPENING");
    const notADay = await call({ method: "GET", url: url(w, "/grade?on=2026-02-30") });
    expect(notADay.json().error.code).toBe("INVALID_DATE");
    const window = await call({ method: "GET", url: url(w, "/grade?on=2026-01-31&windowMonths=0") });
    expect(window.statusCode).toBe(400);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("keeps grades given by an officer, and follows the tenant's table from its date", async () => {
    const w = await januaryGroup();
    const officer = await seedUser(w.db, w.t.tenantId, w.t.federationId, "federation_officer");
    const admin = await seedUser(w.db, w.t.tenantId, w.t.rootId, "tenant_admin");
    const byBookkeeper = await as(
      app,
      w.bookkeeper,
    )({ method: "POST", url: url(w, "/grades"), payload: { on: "2026-01-31", windowMonths: 1 } });
    expect(byBookkeeper.statusCode).toBe(403);
    const kept = await as(
      app,
      officer,
    )({
      method: "POST",
      url: url(w, "/grades"),
      payload: { on: "2026-01-31", windowMonths: 1 },
      headers: { "accept-language": "fr" },
    });
    expect(kept.statusCode).toBe(201);
    expect(kept.json()).toMatchObject({ id: expect.any(String), grade: "C", score: 58 });
    expect(kept.json().criteria[0].reason.text).toBe(
      "4 réunions tenues sur 4 prévues (100.0 %) : 15 points sur 15.",
    );

    // Another tenant's table is its own: it never grades this group.
    const other = await groupWorld(use().db, DEFAULT_RULES, 1);
    const otherAdmin = await seedUser(other.db, other.t.tenantId, other.t.rootId, "tenant_admin");
    const lenient = { ...DEFAULT_GRADING_TABLE, bands: { A: 0, B: 0 } };
    const theirs = await as(
      app,
      otherAdmin,
    )({ method: "PUT", url: "/api/v1/grading-table/2026-01-01", payload: lenient });
    expect(theirs.statusCode).toBe(200);
    const unchanged = await as(
      app,
      officer,
    )({ method: "GET", url: url(w, "/grade?on=2026-01-31&windowMonths=1") });
    expect(unchanged.json().grade).toBe("C");

    const kinder = { ...DEFAULT_GRADING_TABLE, bands: { A: 55, B: 40 } };
    const byOfficer = await as(
      app,
      officer,
    )({ method: "PUT", url: "/api/v1/grading-table/2026-01-15", payload: kinder });
    expect(byOfficer.statusCode).toBe(403);
    const set = await as(
      app,
      admin,
    )({ method: "PUT", url: "/api/v1/grading-table/2026-01-15", payload: kinder });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ validFrom: "2026-01-15", table: kinder });
    const invalid = await as(
      app,
      admin,
    )({
      method: "PUT",
      url: "/api/v1/grading-table/2026-01-15",
      payload: { ...DEFAULT_GRADING_TABLE, bands: { A: 40, B: 55 } },
    });
    expect(invalid.statusCode).toBe(400);
    const notADay = await as(
      app,
      admin,
    )({ method: "PUT", url: "/api/v1/grading-table/2026-13-01", payload: kinder });
    expect(notADay.json().error.code).toBe("INVALID_DATE");

    const after = await as(
      app,
      officer,
    )({ method: "POST", url: url(w, "/grades"), payload: { on: "2026-01-31", windowMonths: 1 } });
    expect(after.json()).toMatchObject({ grade: "A", score: 58 });
    const before = await as(
      app,
      officer,
    )({ method: "GET", url: url(w, "/grade?on=2026-01-14&windowMonths=1") });
    expect(before.json().grade).toBe("C");

    const history = await as(app, w.bookkeeper)({ method: "GET", url: url(w, "/grades") });
    expect(history.statusCode).toBe(200);
    expect(history.json().items.map((g: { grade: string }) => g.grade)).toEqual(["A", "C"]);
    expect(history.json().items[1]).toMatchObject({
      id: kept.json().id,
      gradedOn: "2026-01-31",
      windowFrom: "2026-01-01",
      score: 58,
      max: 100,
    });
    expect(history.json().items[1].criteria[0].reason.text).toBe(
      "4 of 4 expected meetings held (100.0 %): 15 of 15 points.",
    );
    await expectBooksCoherent(w.db, w.t.rootId);
  });
});
