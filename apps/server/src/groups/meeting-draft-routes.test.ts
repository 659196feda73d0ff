import type { Actor } from "@qadam/core/auth/actor";
import type { MeetingLine } from "@qadam/core/groups/meeting";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { trialBalance } from "../books/index.js";
import { loadLoan } from "../loans/index.js";
import type { Db } from "../platform/db/database.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { as, cliActor, testApp } from "../testing/fixtures.js";
import { recordMeeting } from "./commands.js";
import { meetingDraft, meetingDraftDto } from "./meeting-draft-json.js";
import { recordMeetingJson } from "./meeting-json.js";
import { passbook } from "./queries.js";
import { groupOwingTheMfo, groupWorld, ordinaryMeeting } from "./testing.js";

/** The group's books balance, every passbook equals the journal, and the loan caches equal the books. */
async function expectCoherent(db: Db, actor: Actor, groupId: string, members: readonly string[]) {
  const rows = await trialBalance(db, actor, groupId, "9999-12-31");
  expect(rows.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
  for (const member of members) {
    const book = await passbook(db, actor, groupId, member);
    expect(book.savings).toBe(book.savingsInJournal);
  }
  const open = await db
    .selectFrom("internalLoans")
    .select((eb) => eb.fn.sum<string | number | bigint>("principalOutstanding").as("p"))
    .where("orgId", "=", groupId)
    .where("status", "=", "open")
    .executeTakeFirstOrThrow();
  const lent = rows.find((r) => r.account.endsWith("Loans to members"))?.balance ?? 0n;
  expect(BigInt(open.p ?? 0)).toBe(lent);
}

describeEachDatabase("the meeting draft", (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(use());
  });
  afterAll(async () => {
    await app.close();
  });

  it("prefills what is due on internal and MFO loans, and records a valid meeting when posted unchanged", async () => {
    // The MFO lends the group 300,000.00 on 15 January; an administrator collects it at the meetings.
    const { w, group, mfoLoan, admin, meeting } = await groupOwingTheMfo(use().db);
    const [a, b, c] = w.members as [string, string, string];
    const call = as(app, admin);
    const url = `/api/v1/groups/${group}/meetings`;
    // B borrows 1,000.00 on 14 January, A on 21 January, both for 2 months at 2 % flat.
    const first = await call({
      method: "POST",
      url,
      payload: meeting("2026-01-14", [{ kind: "loan", personId: b, amount: "1000", termMonths: 2 }]),
    });
    expect(first.statusCode).toBe(201);
    const second = await call({
      method: "POST",
      url,
      payload: meeting("2026-01-21", [{ kind: "loan", personId: a, amount: "1000", termMonths: 2 }]),
    });
    const loanB: string = first.json().loansIssued[0];
    const loanA: string = second.json().loansIssued[0];
    // On 18 February B's installment of the 14th goes unpaid.
    expect((await call({ method: "POST", url, payload: meeting("2026-02-18") })).statusCode).toBe(201);

    const res = await call({ method: "GET", url: `${url}/draft?on=2026-02-25` });
    expect(res.statusCode).toBe(200);
    const draft = res.json();
    expect(draft).toMatchObject({ groupId: group, currency: "KZT", heldOn: "2026-02-25" });
    const byId = new Map(draft.members.map((m: { personId: string }) => [m.personId, m]));
    // A's first installment fell due on 21 February: 500.00 and its 20.00, with the 20.00 of the month
    // begun that day (a repayment pays interest first); no fine.
    expect(byId.get(a)).toMatchObject({
      savings: "500.00",
      socialContribution: "100.00",
      fines: "0.00",
      loans: [{ loanId: loanA, principal: "500.00", interest: "40.00", daysLate: 4 }],
    });
    // B's fell due on 14 February, before the meeting of the 18th: 200.00 fine for the late repayment.
    expect(byId.get(b)).toMatchObject({
      fines: "200.00",
      loans: [{ loanId: loanB, principal: "500.00", interest: "40.00", daysLate: 11 }],
    });
    expect(byId.get(c)).toMatchObject({ loans: [], fines: "0.00" });
    expect(draft.groupLoans).toHaveLength(1);
    expect(draft.groupLoans[0].loanId).toBe(mfoLoan);
    expect(draft.groupLoans[0].amount).toBe(draft.groupLoans[0].due);
    expect(Number(draft.groupLoans[0].due)).toBeGreaterThan(25_000);
    expect(draft.meeting.lines).toContainEqual({
      kind: "loanRepayment",
      loanId: mfoLoan,
      amount: draft.groupLoans[0].due,
    });
    expect(draft.meeting.lines).toContainEqual({
      kind: "repayment",
      personId: a,
      loanId: loanA,
      amount: "540.00",
    });
    expect(draft.meeting.lines).toContainEqual({
      kind: "fine",
      personId: b,
      amount: "200.00",
      reason: "lateRepayment",
    });

    const before = await loadLoan(w.db, cliActor(w.t), mfoLoan);
    const posted = await call({ method: "POST", url, payload: draft.meeting });
    expect(posted.statusCode).toBe(201);
    expect(posted.json().cashAfter).toBe(draft.meeting.cashCounted);
    const after = await loadLoan(w.db, cliActor(w.t), mfoLoan);
    expect(after.principalOutstanding).toBeLessThan(before.principalOutstanding);
    // The lender's books balance, and the group owes what the lender says.
    const actor = cliActor(w.t);
    const lender = await trialBalance(w.db, actor, w.t.mfoId, "9999-12-31");
    expect(lender.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
    const claim = (name: string) => lender.find((r) => r.account.endsWith(name))?.balance ?? 0n;
    const books = await trialBalance(w.db, actor, group, "9999-12-31");
    expect(-(books.find((r) => r.account.endsWith("External loans"))?.balance ?? 0n)).toBe(
      claim("Group loans") + claim("Penalties receivable") + claim("Client advances"),
    );
    await expectCoherent(w.db, actor, group, w.members);

    // Nothing is due twice (the MFO's penalty for the ten days late was in the amount due): the next
    // week's draft asks only for savings and the social fund.
    const next = (await call({ method: "GET", url: `${url}/draft?on=2026-03-04` })).json();
    expect(next.meeting.lines.map((l: { kind: string }) => l.kind).sort()).toEqual([
      "savings",
      "savings",
      "savings",
      "socialContribution",
      "socialContribution",
      "socialContribution",
    ]);
    expect(next.groupLoans).toEqual([{ loanId: mfoLoan, due: "0.00", amount: "0.00" }]);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("is documented in the OpenAPI, its `meeting` the very schema of the meeting body", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const draft = doc.paths["/api/v1/groups/{groupId}/meetings/draft"].get;
    const json = (o: { content: Record<string, { schema: object }> }) =>
      o.content["application/json"]?.schema;
    const plain = (schema: unknown) =>
      JSON.parse(JSON.stringify(schema, (key, value) => (key === "description" ? undefined : value)));
    const shown = json(draft.responses["200"]) as { properties: Record<string, unknown> };
    expect(Object.keys(shown.properties)).toEqual([
      "groupId",
      "currency",
      "heldOn",
      "meeting",
      "cashBefore",
      "members",
      "groupLoans",
    ]);
    const body = json(doc.paths["/api/v1/groups/{groupId}/meetings"].post.requestBody);
    expect(plain(shown.properties.meeting)).toEqual(plain(body));
    expect(draft.parameters.map((p: { name: string }) => p.name)).toContain("on");
  });

  it("answers 422 for a date before the latest meeting or not in the calendar, 404 for another tenant", async () => {
    const w = await groupWorld(use().db);
    const call = as(app, w.bookkeeper);
    await w.run((trx, ctx) => recordMeeting(trx, ctx, w.groupId, ordinaryMeeting(w, "2026-01-14")));
    const url = `/api/v1/groups/${w.groupId}/meetings/draft`;
    const early = await call({ method: "GET", url: `${url}?on=2026-01-07` });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe("MEETING_DATE_ORDER");
    const impossible = await call({ method: "GET", url: `${url}?on=2026-02-30` });
    expect(impossible.json().error.code).toBe("INVALID_DATE");
    const other = await groupWorld(use().db);
    expect((await as(app, other.bookkeeper)({ method: "GET", url })).statusCode).toBe(404);
    // Without a date: the next meeting the rules expect (a Wednesday after the 14th).
    const next = await call({ method: "GET", url });
    expect(next.statusCode).toBe(200);
    expect(next.json().heldOn > "2026-01-14").toBe(true);
    expect(new Date(`${next.json().heldOn}T00:00:00Z`).getUTCDay()).toBe(3);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("posts the draft without error after any history of meetings, and the books stay coherent", async () => {
    const w = await groupWorld(use().db, undefined, 4, "2099-12-31T06:00:00Z");
    const actor = cliActor(w.t);
    let week = 0;
    const step = fc.record({
      gap: fc.integer({ min: 1, max: 6 }),
      useDraft: fc.boolean(),
      absent: fc.subarray(w.members, { maxLength: 2 }),
      borrower: fc.constantFrom(...w.members),
      borrow: fc.integer({ min: 0, max: 200_000 }),
      term: fc.integer({ min: 1, max: 3 }),
      repayShare: fc.integer({ min: 0, max: 100 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
        for (const s of steps) {
          week += s.gap;
          const day = new Date(Date.UTC(2026, 0, 7 + 7 * week)).toISOString().slice(0, 10);
          if (s.useDraft) {
            const draft = meetingDraftDto(await meetingDraft(w.db, actor, w.groupId, day, new Date()));
            await w.run((trx, ctx) => recordMeetingJson(trx, ctx, w.groupId, draft.meeting));
            // Paid as drafted, nothing is due any more that day.
            const again = await meetingDraft(w.db, actor, w.groupId, day, new Date());
            expect(again.members.flatMap((m) => m.loans)).toEqual([]);
            continue;
          }
          // Otherwise a meeting of the bookkeeper's own: part of an open loan repaid, a new loan.
          const extra: MeetingLine[] = [];
          const open = await w.db
            .selectFrom("internalLoans")
            .select(["id", "principalOutstanding"])
            .where("orgId", "=", w.groupId)
            .where("personId", "=", s.borrower)
            .where("status", "=", "open")
            .executeTakeFirst();
          if (open && !s.absent.includes(s.borrower)) {
            const part = (BigInt(open.principalOutstanding) * BigInt(s.repayShare)) / 100n;
            if (part > 0n)
              extra.push({ kind: "repayment", personId: s.borrower, loanId: open.id, amount: part });
          }
          const book = await passbook(w.db, actor, w.groupId, s.borrower);
          const limit = (book.savings + 50_000n) * 3n;
          const tb = await trialBalance(w.db, actor, w.groupId, "9999-12-31");
          const cash = (tb.find((r) => r.account.endsWith("Cash box"))?.balance ?? 0n) + 50_000n;
          const amount = (BigInt(s.borrow) * (limit < cash ? limit : cash)) / 200_000n;
          if (amount > 0n && !s.absent.includes(s.borrower))
            extra.push({ kind: "loan", personId: s.borrower, amount, termMonths: s.term, purpose: null });
          await w.run((trx, ctx) =>
            recordMeeting(trx, ctx, w.groupId, ordinaryMeeting(w, day, extra, s.absent)),
          );
        }
        await expectCoherent(w.db, actor, w.groupId, w.members);
      }),
      { numRuns: 8 },
    );
    await expectBooksCoherent(w.db, w.t.rootId);
  }, 120_000);
});
