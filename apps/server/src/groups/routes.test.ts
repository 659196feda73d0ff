import { detailMessage, domainErrorMessage } from "@qadam/core/contract/validation";
import { DomainError, type ErrorCode, paramsFromWire } from "@qadam/core/errors";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { formatMoney, money, parseMoney } from "@qadam/core/money";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { as, type SeededUser, seedUser, testApp } from "../testing/fixtures.js";
import { type GroupWorld, groupWorld } from "./testing.js";

/** A meeting as the API takes it: everyone present and saving the compulsory 500, plus `lines`. */
function meetingJson(w: GroupWorld, heldOn: string, lines: object[] = [], extra: object = {}) {
  return {
    heldOn,
    attendance: w.members.map((personId) => ({ personId, status: "present" })),
    lines: [...w.members.map((personId) => ({ kind: "savings", personId, amount: "500" })), ...lines],
    ...extra,
  };
}

describeEachDatabase("self-help group routes", (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(use());
  });
  afterAll(async () => {
    await app.close();
  });

  const world = async () => {
    const w = await groupWorld(use().db, DEFAULT_RULES, 3);
    const auditor = await seedUser(w.db, w.t.tenantId, w.t.rootId, "auditor");
    return { w, call: as(app, w.bookkeeper), auditor };
  };
  const url = (w: GroupWorld, rest: string) => `/api/v1/groups/${w.groupId}${rest}`;

  it("records a meeting in major units, replays it by key, lists it and reads it back as sent", async () => {
    const { w, call } = await world();
    const [a, b] = w.members as [string, string];
    const payload = meetingJson(
      w,
      "2026-01-07",
      [
        { kind: "loan", personId: a, amount: "1500", termMonths: 5, purpose: "a sewing machine" },
        { kind: "fine", personId: b, amount: "50", reason: "lateness" },
        { kind: "socialContribution", personId: a, amount: "100" },
      ],
      // 3 × 500 saved + 50 fined − 1,500 lent; the social fund is kept in its own box.
      { cashCounted: "50" },
    );
    const recorded = await call({ method: "POST", url: url(w, "/meetings"), payload, key: "meeting-1" });
    expect(recorded.statusCode).toBe(201);
    const body = recorded.json();
    expect(body).toMatchObject({
      groupId: w.groupId,
      seq: 1,
      heldOn: "2026-01-07",
      status: "posted",
      currency: "KZT",
      cashCounted: "50.00",
      cashAfter: "50.00",
      replacesId: null,
    });
    expect(body.loansIssued).toHaveLength(1);
    expect(body.attendance).toEqual(payload.attendance);
    expect(body.lines[3]).toEqual({
      lineNo: 4,
      kind: "loan",
      personId: a,
      amount: "1500.00",
      termMonths: 5,
      purpose: "a sewing machine",
      loanId: body.loansIssued[0],
    });
    expect(body.lines[4]).toEqual({
      lineNo: 5,
      kind: "fine",
      personId: b,
      amount: "50.00",
      reason: "lateness",
    });

    const replay = await call({ method: "POST", url: url(w, "/meetings"), payload, key: "meeting-1" });
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.json()).toEqual(body);

    const list = await call({ method: "GET", url: url(w, "/meetings") });
    expect(list.json()).toEqual({
      groupId: w.groupId,
      currency: "KZT",
      items: [
        {
          id: body.id,
          seq: 1,
          heldOn: "2026-01-07",
          status: "posted",
          cashCounted: "50.00",
          replacesId: null,
          recordedAt: body.recordedAt,
        },
      ],
      nextCursor: null,
    });
    const one = await call({ method: "GET", url: url(w, `/meetings/${body.id}`) });
    const { entryId: _e, cashAfter: _c, loansIssued: _l, ...shown } = body;
    expect(one.json()).toEqual(shown);

    // A month later she repays 330.00: interest first, the rest off the principal.
    const loanId = body.loansIssued[0];
    const second = await call({
      method: "POST",
      url: url(w, "/meetings"),
      payload: meetingJson(w, "2026-02-04", [{ kind: "repayment", personId: a, loanId, amount: "330" }]),
    });
    expect(second.statusCode).toBe(201);
    const repayment = second.json().lines.find((l: { kind: string }) => l.kind === "repayment");
    expect(repayment).toMatchObject({ personId: a, loanId, amount: "330.00", interest: expect.any(String) });
    const interest = parseMoney(repayment.interest, "KZT").minor;
    expect(interest).toBeGreaterThan(0n);

    const book = await call({ method: "GET", url: url(w, `/members/${a}/passbook`) });
    expect(book.statusCode).toBe(200);
    expect(book.json()).toMatchObject({
      personId: a,
      currency: "KZT",
      savings: "1000.00",
      socialContributions: "100.00",
      finesPaid: "0.00",
    });
    expect(book.json().loans).toBe(formatMoney(money(150_000n - (33_000n - interest), "KZT")));
    expect(book.json().lines.map((l: { kind: string }) => l.kind)).toEqual([
      "savings",
      "loan",
      "socialContribution",
      "savings",
      "repayment",
    ]);

    // The list a page at a time, in the order recorded; a cursor that is not one of its meetings is refused.
    const first = await call({ method: "GET", url: url(w, "/meetings?limit=1") });
    expect(first.json()).toMatchObject({ groupId: w.groupId, currency: "KZT" });
    expect(first.json().items.map((m: { seq: number }) => m.seq)).toEqual([1]);
    const cursor = first.json().nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const next = await call({ method: "GET", url: url(w, `/meetings?limit=1&cursor=${cursor}`) });
    expect(next.json().items.map((m: { id: string; seq: number }) => [m.id, m.seq])).toEqual([
      [second.json().id, 2],
    ]);
    expect(next.json().nextCursor).toBeNull();
    const whole = await call({ method: "GET", url: url(w, "/meetings?limit=2") });
    expect(whole.json().items).toHaveLength(2);
    expect(whole.json().nextCursor).toBeNull();
    const foreign = Buffer.from(JSON.stringify({ after: w.members[0] })).toString("base64url");
    for (const bad of ["garbage", foreign]) {
      const refused = await call({ method: "GET", url: url(w, `/meetings?cursor=${bad}`) });
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json().error.code, bad).toBe("INVALID_CURSOR");
    }
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses a bad amount or a meeting against the rules in the user's language, and writes nothing", async () => {
    const { w, call, auditor } = await world();
    const [a] = w.members as [string];
    const badAmount = await call({
      method: "POST",
      url: url(w, "/meetings"),
      payload: meetingJson(w, "2026-01-07", [
        { kind: "fine", personId: a, amount: "12.345", reason: "other" },
      ]),
      headers: { "accept-language": "ru" },
    });
    expect(badAmount.statusCode).toBe(422);
    expect(badAmount.json().error).toMatchObject({
      code: "INVALID_AMOUNT",
      message: expect.stringContaining("12.345"),
    });
    const notRule = await call({
      method: "POST",
      url: url(w, "/meetings"),
      payload: { ...meetingJson(w, "2026-01-07"), lines: [{ kind: "savings", personId: a, amount: "400" }] },
    });
    expect(notRule.statusCode).toBe(422);
    expect(notRule.json().error).toMatchObject({ code: "MEETING_SAVINGS_NOT_RULE" });
    const unknownKind = await call({
      method: "POST",
      url: url(w, "/meetings"),
      payload: meetingJson(w, "2026-01-07", [{ kind: "gift", personId: a, amount: "5" }]),
    });
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json().error.code).toBe("VALIDATION_FAILED");
    const byAuditor = await as(
      app,
      auditor,
    )({ method: "POST", url: url(w, "/meetings"), payload: meetingJson(w, "2026-01-07") });
    expect(byAuditor.statusCode).toBe(403);
    expect((await call({ method: "GET", url: url(w, "/meetings") })).json().items).toEqual([]);
    const missing = await call({ method: "GET", url: url(w, `/meetings/${w.members[0]}`) });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("NOT_FOUND");
    const notMember = await call({ method: "GET", url: url(w, `/members/${w.groupId}/passbook`) });
    expect(notMember.statusCode).toBe(404);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("answers every problem of a meeting at once, each with its path, its member and a message in her language", async () => {
    const { w, call } = await world();
    const [a, b] = w.members as [string, string];
    const first = await call({
      method: "POST",
      url: url(w, "/meetings"),
      payload: meetingJson(w, "2026-01-07", [{ kind: "loan", personId: b, amount: "1000", termMonths: 5 }]),
    });
    expect(first.statusCode).toBe(201);
    const loanId = first.json().loansIssued[0];
    const sheet = meetingJson(
      w,
      "2026-01-14",
      [
        { kind: "loan", personId: a, amount: "5000", termMonths: 5 },
        { kind: "repayment", personId: b, loanId, amount: "5000" },
      ],
      { cashCounted: "1" },
    );
    for (const lang of ["kk", "ru", "en", "fr"] as const) {
      const res = await call({
        method: "POST",
        url: url(w, "/meetings"),
        payload: sheet,
        headers: { "accept-language": lang },
      });
      expect(res.statusCode).toBe(422);
      const error = res.json().error;
      expect(error.code).toBe(error.details[0].code);
      expect(error.details).toHaveLength(3);
      expect(error.details).toEqual(
        expect.arrayContaining([
          {
            path: "body.lines.3.amount",
            code: "MEETING_LOAN_OVER_LIMIT",
            memberId: a,
            message: expect.any(String),
            params: expect.any(Object),
          },
          {
            path: "body.lines.4.amount",
            code: "MEETING_REPAYMENT_OVER_OWED",
            memberId: b,
            message: expect.any(String),
            params: expect.any(Object),
          },
          {
            path: "body.cashCounted",
            code: "MEETING_CASH_MISMATCH",
            message: expect.any(String),
            params: expect.any(Object),
          },
        ]),
      );
      for (const d of error.details) expect(d.message).not.toMatch(/\{\{|errors\./);
      // With its parameters a client (the phone's outbox) says each problem again, word for word.
      for (const d of error.details) {
        const params = paramsFromWire(d.params);
        expect(params).not.toBeNull();
        const detail = { path: d.path.replace(/^body\./, ""), code: d.code, params: params ?? {} };
        expect(detailMessage(lang, detail)).toBe(d.message);
      }
      const whole = new DomainError(
        error.code,
        paramsFromWire(error.params) ?? {},
        error.details.map((d: { path: string; code: ErrorCode; params: unknown }) => ({
          path: d.path.replace(/^body\./, ""),
          code: d.code,
          params: paramsFromWire(d.params) ?? {},
        })),
      );
      expect(domainErrorMessage(lang, whole)).toBe(error.message);
    }
    expect((await call({ method: "GET", url: url(w, "/meetings") })).json().items).toHaveLength(1);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("answers every schema problem of a body at once, each field named by its label in the request's language", async () => {
    const { w, call } = await world();
    const [a] = w.members as [string];
    const payload = {
      heldOn: "2026-02-30",
      attendance: [{ personId: a, status: "asleep" }],
      lines: [
        { kind: "savings", personId: a, amount: " 500" },
        { kind: "fine", personId: a, amount: "50" },
      ],
      extra: true,
    };
    const labels = { kk: "Жиналыс күні", ru: "Дата собрания", en: "meeting date", fr: "date de la réunion" };
    for (const [lang, heldOn] of Object.entries(labels)) {
      const res = await call({
        method: "POST",
        url: url(w, "/meetings"),
        payload,
        headers: { "accept-language": lang },
      });
      expect(res.statusCode).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(error.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
        ["body.heldOn", "INVALID_DATE"],
        ["body.attendance.0.status", "VALIDATION_FAILED"],
        ["body.lines.0.amount", "INVALID_AMOUNT"],
        ["body.lines.1.reason", "VALIDATION_FAILED"],
        ["body", "VALIDATION_FAILED"],
      ]);
      expect(error.details[0].message.toLowerCase()).toContain(heldOn.toLowerCase());
      expect(error.details[0].message).toContain("2026-02-30");
      for (const d of error.details)
        expect(d.message).not.toMatch(/Invalid input|expected|received|heldOn|\{\{/);
      expect(error.message).toContain(error.details[2].message);
    }
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("corrects only the latest meeting, by reversal and a replacement", async () => {
    const { w, call } = await world();
    const [, b] = w.members as [string, string];
    const first = (
      await call({ method: "POST", url: url(w, "/meetings"), payload: meetingJson(w, "2026-01-07") })
    ).json();
    const second = (
      await call({
        method: "POST",
        url: url(w, "/meetings"),
        payload: meetingJson(w, "2026-01-14", [
          { kind: "fine", personId: b, amount: "200", reason: "absence" },
        ]),
      })
    ).json();
    const older = await call({
      method: "POST",
      url: url(w, `/meetings/${first.id}/correction`),
      payload: { replacement: null },
    });
    expect(older.statusCode).toBe(409);
    expect(older.json().error.code).toBe("MEETING_NOT_LATEST");
    // The fine was for lateness, 50.00.
    const fixed = await call({
      method: "POST",
      url: url(w, `/meetings/${second.id}/correction`),
      payload: {
        replacement: meetingJson(w, "2026-01-14", [
          { kind: "fine", personId: b, amount: "50", reason: "lateness" },
        ]),
      },
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().reversed).toMatchObject({ id: second.id, status: "reversed" });
    expect(fixed.json().replacement).toMatchObject({ seq: 3, replacesId: second.id, status: "posted" });
    const again = await call({
      method: "POST",
      url: url(w, `/meetings/${second.id}/correction`),
      payload: { replacement: null },
    });
    expect(again.json().error.code).toBe("MEETING_ALREADY_REVERSED");
    const list = (await call({ method: "GET", url: url(w, "/meetings") })).json();
    expect(list.items.map((m: { status: string }) => m.status)).toEqual(["posted", "reversed", "posted"]);
    const book = (await call({ method: "GET", url: url(w, `/members/${b}/passbook`) })).json();
    expect(book.finesPaid).toBe("50.00");
    const dropped = await call({
      method: "POST",
      url: url(w, `/meetings/${fixed.json().replacement.id}/correction`),
      payload: { replacement: null },
    });
    expect(dropped.json()).toMatchObject({ reversed: { status: "reversed" }, replacement: null });
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("adopts rules from a date and lists every version", async () => {
    const { w, call, auditor } = await world();
    const listed = await call({ method: "GET", url: url(w, "/rules") });
    expect(listed.json().items).toEqual([
      { groupId: w.groupId, validFrom: "2026-01-01", rules: DEFAULT_RULES },
    ]);
    const kinder = { ...DEFAULT_RULES, fines: { absence: "50", lateness: "20", lateRepayment: "100" } };
    const adopted = await call({ method: "PUT", url: url(w, "/rules/2026-06-01"), payload: kinder });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json()).toEqual({ groupId: w.groupId, validFrom: "2026-06-01", rules: kinder });
    const both = (await call({ method: "GET", url: url(w, "/rules") })).json().items;
    expect(both.map((v: { validFrom: string }) => v.validFrom)).toEqual(["2026-01-01", "2026-06-01"]);
    const shares = {
      ...DEFAULT_RULES,
      savings: { compulsory: { kind: "shares", sharePrice: "100", minShares: 5, maxShares: 2 } },
    };
    const invalid = await call({ method: "PUT", url: url(w, "/rules/2026-07-01"), payload: shares });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.code).toBe("RULES_INVALID");
    expect(invalid.json().error.details).toEqual([
      {
        path: "body.savings.compulsory.minShares",
        code: "RULES_INVALID",
        message: "The field “minimum shares” is above the maximum number of shares.",
        params: { check: "sharesMinAboveMax" },
      },
    ]);
    const notADay = await call({ method: "PUT", url: url(w, "/rules/2026-02-30"), payload: kinder });
    expect(notADay.json().error.code).toBe("INVALID_DATE");
    const byAuditor = await as(
      app,
      auditor,
    )({ method: "PUT", url: url(w, "/rules/2026-08-01"), payload: kinder });
    expect(byAuditor.statusCode).toBe(403);
    await call({ method: "POST", url: url(w, "/meetings"), payload: meetingJson(w, "2026-06-03") });
    const late = await call({ method: "PUT", url: url(w, "/rules/2026-06-01"), payload: DEFAULT_RULES });
    expect(late.json().error.code).toBe("RULES_BEFORE_LATEST_MEETING");
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("finds the meetings a weekly group missed between two dates", async () => {
    const { w, call } = await world();
    for (const heldOn of ["2026-01-07", "2026-01-28"])
      await call({ method: "POST", url: url(w, "/meetings"), payload: meetingJson(w, heldOn) });
    const report = await call({
      method: "GET",
      url: url(w, "/meeting-regularity?from=2026-01-01&to=2026-01-31"),
    });
    expect(report.json()).toMatchObject({
      from: "2026-01-01",
      to: "2026-01-31",
      expected: ["2026-01-07", "2026-01-14", "2026-01-21", "2026-01-28"],
      held: ["2026-01-07", "2026-01-28"],
      missed: ["2026-01-14", "2026-01-21"],
    });
    const recent = await call({ method: "GET", url: url(w, "/meeting-regularity") });
    expect(recent.statusCode).toBe(200);
    expect(recent.json().to > recent.json().from).toBe(true);
    const backwards = await call({
      method: "GET",
      url: url(w, "/meeting-regularity?from=2026-02-01&to=2026-01-01"),
    });
    expect(backwards.json().error.code).toBe("PERIOD_INVALID");
    const notADay = await call({ method: "GET", url: url(w, "/meeting-regularity?from=2026-02-30") });
    expect(notADay.json().error.code).toBe("INVALID_DATE");
    const tooLong = await call({
      method: "GET",
      url: url(w, "/meeting-regularity?from=1900-01-01&to=2026-01-01"),
    });
    expect(tooLong.statusCode).toBe(400);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("answers 404 to another tenant for the group's records", async () => {
    const { w } = await world();
    const other = await groupWorld(use().db, DEFAULT_RULES, 1);
    const stranger: SeededUser = other.bookkeeper;
    for (const path of ["/meetings", "/rules", `/members/${w.members[0]}/passbook`, "/meeting-regularity"]) {
      const res = await as(app, stranger)({ method: "GET", url: url(w, path) });
      expect({ path, status: res.statusCode }).toEqual({ path, status: 404 });
    }
    await expectBooksCoherent(w.db, w.t.rootId);
  });
});
