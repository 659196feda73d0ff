import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { as, seedUser, testApp } from "../testing/fixtures.js";
import { type GroupWorld, groupWorld } from "./testing.js";

function meetingJson(w: GroupWorld, heldOn: string, lines: object[] = []) {
  return {
    heldOn,
    attendance: w.members.map((personId) => ({ personId, status: "present" })),
    lines: [...w.members.map((personId) => ({ kind: "savings", personId, amount: "500" })), ...lines],
  };
}

describeEachDatabase("share-out routes", (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(use());
  });
  afterAll(async () => {
    await app.close();
  });
  const url = (w: GroupWorld, rest: string) => `/api/v1/groups/${w.groupId}${rest}`;

  it("previews the share-out in major units, then closes the cycle and pays every member", async () => {
    const w = await groupWorld(use().db, DEFAULT_RULES, 3);
    const call = as(app, w.bookkeeper);
    const [a, b, c] = w.members as [string, string, string];
    const first = await call({
      method: "POST",
      url: url(w, "/meetings"),
      payload: meetingJson(w, "2026-01-07", [
        { kind: "voluntarySavings", personId: a, amount: "1000" },
        { kind: "socialContribution", personId: b, amount: "100" },
        { kind: "loan", personId: c, amount: "1000", termMonths: 2 },
      ]),
    });
    expect(first.statusCode).toBe(201);
    const loanId = first.json().loansIssued[0];
    // C repays 1,000.00 and a month's 2 % flat, 20.00; B is fined 100.00.
    const second = await call({
      method: "POST",
      url: url(w, "/meetings"),
      payload: meetingJson(w, "2026-02-04", [
        { kind: "repayment", personId: c, loanId, amount: "1020" },
        { kind: "fine", personId: b, amount: "100", reason: "lateness" },
      ]),
    });
    expect(second.statusCode).toBe(201);

    const preview = await call({ method: "GET", url: url(w, "/shareout?on=2026-02-04") });
    expect(preview.statusCode).toBe(200);
    // 4,000.00 saved, 20.00 interest and 100.00 fines: 3 % on savings; the social fund is kept.
    expect(preview.json()).toMatchObject({
      groupId: w.groupId,
      method: "standard",
      sharedAs: "standard",
      closesOn: "2026-02-04",
      currency: "KZT",
      distributable: "4120.00",
      socialFund: "100.00",
      openLoans: 0,
      loansOutstanding: "0.00",
    });
    const payouts = Object.fromEntries(
      preview
        .json()
        .members.map((m: { personId: string; savings: string; profit: string; payout: string }) => [
          m.personId,
          [m.savings, m.profit, m.payout],
        ]),
    );
    expect(payouts).toEqual({
      [a]: ["2000.00", "60.00", "2060.00"],
      [b]: ["1000.00", "30.00", "1030.00"],
      [c]: ["1000.00", "30.00", "1030.00"],
    });
    const today = await call({ method: "GET", url: url(w, "/shareout") });
    expect(today.statusCode).toBe(200);
    expect(today.json().closesOn > "2026-02-04").toBe(true);

    const closed = await call({
      method: "POST",
      url: url(w, "/shareout"),
      payload: { on: "2026-02-04" },
      key: "close-2026",
    });
    expect(closed.statusCode).toBe(201);
    expect(closed.json()).toMatchObject({ distributable: "4120.00", shareoutId: expect.any(String) });
    const replay = await call({
      method: "POST",
      url: url(w, "/shareout"),
      payload: { on: "2026-02-04" },
      key: "close-2026",
    });
    expect(replay.json()).toEqual(closed.json());
    const book = (await call({ method: "GET", url: url(w, `/members/${a}/passbook`) })).json();
    expect(book.savings).toBe("0.00");
    expect(book.lines.at(-1)).toMatchObject({ kind: "shareoutPayout", amount: "2000.00" });
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses to close with loans open unless they are carried over; an auditor may only look", async () => {
    const w = await groupWorld(use().db, DEFAULT_RULES, 3);
    const call = as(app, w.bookkeeper);
    const auditor = await seedUser(w.db, w.t.tenantId, w.t.rootId, "auditor");
    const [a] = w.members as [string];
    await call({
      method: "POST",
      url: url(w, "/meetings"),
      payload: meetingJson(w, "2026-01-07", [{ kind: "loan", personId: a, amount: "1000", termMonths: 3 }]),
    });
    const preview = await as(app, auditor)({ method: "GET", url: url(w, "/shareout?on=2026-01-31") });
    expect(preview.json()).toMatchObject({
      openLoans: 1,
      cash: "500.00",
      loansOutstanding: "1000.00",
      // The loan's first month (2 %) has begun: 20.00 due. The net worth is shared, not the cash.
      interestDue: "20.00",
      distributable: "1520.00",
      cashNow: "500.00",
      carriedOver: "1020.00",
    });
    const byAuditor = await as(
      app,
      auditor,
    )({ method: "POST", url: url(w, "/shareout"), payload: { on: "2026-01-31", carryOverLoans: true } });
    expect(byAuditor.statusCode).toBe(403);
    const open = await call({
      method: "POST",
      url: url(w, "/shareout"),
      payload: { on: "2026-01-31" },
      headers: { "accept-language": "kk" },
    });
    expect(open.statusCode).toBe(422);
    expect(open.json().error.code).toBe("SHAREOUT_LOANS_OPEN");
    const notADay = await call({ method: "POST", url: url(w, "/shareout"), payload: { on: "2026-02-30" } });
    expect(notADay.json().error.code).toBe("INVALID_DATE");
    const carried = await call({
      method: "POST",
      url: url(w, "/shareout"),
      payload: { on: "2026-01-31", carryOverLoans: true },
    });
    expect(carried.statusCode).toBe(201);
    type Line = { payout: string; cashNow: string; carriedOver: string };
    const members: Line[] = carried.json().members;
    expect(members.map((m) => m.payout)).toEqual(["506.67", "506.67", "506.66"]);
    expect(members.map((m) => m.cashNow)).toEqual(["166.67", "166.67", "166.66"]);
    expect(members.map((m) => m.carriedOver)).toEqual(["340.00", "340.00", "340.00"]);
    const book = (await call({ method: "GET", url: url(w, `/members/${a}/passbook`) })).json();
    expect(book.savings).toBe("340.00");
    expect(book.lines.at(-1)).toMatchObject({ kind: "shareoutCarriedOver", amount: "340.00" });
    await expectBooksCoherent(w.db, w.t.rootId);
  });
});
