import { systemClock } from "@qadam/core/clock";
import { meetingInputJson } from "@qadam/core/groups/meeting-input";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { systemIds } from "@qadam/core/ids";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { joinGroup, registerPerson } from "../people/index.js";
import { type CommandContext, executeCommand } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { as, testApp } from "../testing/fixtures.js";
import { recordMeetingJson } from "./meeting-json.js";
import { type GroupWorld, groupWorld } from "./testing.js";

/** A meeting as the API takes it under the client's ids: everyone present and saving 500, a loan, a fine. */
function meetingJson(w: GroupWorld, id: string, loanId: string | null, heldOn = "2026-01-07", lend = true) {
  const [a, b] = w.members as [string, string];
  return {
    id,
    heldOn,
    attendance: w.members.map((personId) => ({ personId, status: "present" })),
    lines: [
      ...w.members.map((personId) => ({ kind: "savings", personId, amount: "500" })),
      ...(lend
        ? [
            {
              kind: "loan",
              personId: a,
              amount: "1000",
              termMonths: 4,
              purpose: "a sewing machine",
              ...(loanId ? { loanId } : {}),
            },
          ]
        : []),
      { kind: "fine", personId: b, amount: "50", reason: "lateness" },
    ],
    cashCounted: lend ? "550" : null,
  };
}

async function countsOf(db: Db, meetingId: string) {
  const count = async (q: Promise<unknown[]>) => (await q).length;
  return {
    meetings: await count(db.selectFrom("meetings").select("id").where("id", "=", meetingId).execute()),
    entries: await count(
      db.selectFrom("journalEntries").select("id").where("causeId", "=", meetingId).execute(),
    ),
    loans: await count(
      db.selectFrom("internalLoans").select("id").where("meetingId", "=", meetingId).execute(),
    ),
    lines: await count(
      db.selectFrom("meetingLines").select("lineNo").where("meetingId", "=", meetingId).execute(),
    ),
    attendance: await count(
      db.selectFrom("meetingAttendance").select("personId").where("meetingId", "=", meetingId).execute(),
    ),
  };
}

describeEachDatabase("a meeting recorded under the ids its client chose", (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(use());
  });
  afterAll(async () => {
    await app.close();
  });

  const world = async () => {
    const w = await groupWorld(use().db, DEFAULT_RULES, 3);
    return { w, call: as(app, w.bookkeeper) };
  };
  const url = (w: GroupWorld, rest = "") => `/api/v1/groups/${w.groupId}/meetings${rest}`;
  /** As the command line or a sync job would: the command itself, no Idempotency-Key. */
  const command = <T>(w: GroupWorld, body: (trx: Db, ctx: CommandContext) => Promise<T>) =>
    executeCommand(
      { db: use().db, clock: systemClock, ids: systemIds },
      { actor: w.bookkeeper.actor, name: "test", source: "cli" },
      body,
    );

  it("keeps the meeting's and the loan's ids, and answers the meeting sent again as the first time, posting nothing twice", async () => {
    const { w, call } = await world();
    const id = systemIds.next();
    const loanId = systemIds.next();
    const payload = meetingJson(w, id, loanId);
    const first = await call({ method: "POST", url: url(w), payload });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ id, seq: 1, cashAfter: "550.00", loansIssued: [loanId] });
    expect(first.json().lines[3]).toMatchObject({ kind: "loan", loanId });
    // Under another key (a second device), with its attendance in another order: the same meeting.
    const again = await call({
      method: "POST",
      url: url(w),
      payload: { ...payload, attendance: [...payload.attendance].reverse() },
    });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    // Sent without the loan's id, which the server then would have chosen: the same meeting too.
    const withoutLoanId = meetingInputJson.parse(meetingJson(w, id, null));
    const third = await command(w, (trx, ctx) => recordMeetingJson(trx, ctx, w.groupId, withoutLoanId));
    expect(JSON.parse(JSON.stringify(third))).toEqual(first.json());
    expect(await countsOf(w.db, id)).toEqual({ meetings: 1, entries: 1, loans: 1, lines: 5, attendance: 3 });
    await expectBooksCoherent(w.db, w.t.rootId);
    // A later meeting changes the cash box; the first, sent again, still answers its own cash after it.
    const later = await call({
      method: "POST",
      url: url(w),
      payload: meetingJson(w, systemIds.next(), null, "2026-01-14", false),
    });
    expect(later.statusCode).toBe(201);
    const fourth = await call({ method: "POST", url: url(w), payload });
    expect(fourth.json()).toEqual(first.json());
  });

  it("refuses the id with other contents, from another group or tenant, and a loan id already taken, changing nothing", async () => {
    const { w, call } = await world();
    const id = systemIds.next();
    const loanId = systemIds.next();
    expect(
      (await call({ method: "POST", url: url(w), payload: meetingJson(w, id, loanId) })).statusCode,
    ).toBe(201);
    const before = await countsOf(w.db, id);
    const conflicts = [
      { ...meetingJson(w, id, loanId), cashCounted: "549" },
      { ...meetingJson(w, id, loanId), heldOn: "2026-01-08" },
      meetingJson(w, id, systemIds.next()),
      { ...meetingJson(w, id, loanId), lines: meetingJson(w, id, loanId).lines.slice(1) },
    ];
    for (const payload of conflicts) {
      const res = await call({ method: "POST", url: url(w), payload, headers: { "accept-language": "kk" } });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe("ID_CONFLICT");
      expect(res.json().error.message).toContain(id);
    }
    // The loan's id under a new meeting: refused, the line named.
    const takenLoan = await call({
      method: "POST",
      url: url(w),
      payload: meetingJson(w, systemIds.next(), loanId, "2026-01-14"),
    });
    expect(takenLoan.statusCode).toBe(409);
    expect(takenLoan.json().error).toMatchObject({
      code: "ID_CONFLICT",
      details: [{ path: "body.lines.3.loanId", code: "ID_CONFLICT" }],
    });
    // Another group of the tenant, another tenant: the same conflict, telling nothing of the other.
    const other = await groupWorld(use().db, DEFAULT_RULES, 3);
    const fromOther = await as(
      app,
      other.bookkeeper,
    )({ method: "POST", url: url(other), payload: meetingJson(other, id, null) });
    expect(fromOther.statusCode).toBe(409);
    expect(fromOther.json()).toEqual({
      error: {
        code: "ID_CONFLICT",
        message: `The id ${id} is already taken by another record, or by this one with different contents; nothing was changed. Send the record as first sent, or give it a new id.`,
        params: { id },
      },
    });
    const read = await as(app, other.bookkeeper)({ method: "GET", url: url(other, `/${id}`) });
    expect(read.statusCode).toBe(404);
    expect(await countsOf(w.db, id)).toEqual(before);
    expect(
      (await w.db.selectFrom("meetings").select("id").where("orgId", "=", w.groupId).execute()).length,
    ).toBe(1);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("records a second meeting the same day under another id, as without ids; a correction's replacement needs a new id", async () => {
    const { w, call } = await world();
    const id = systemIds.next();
    expect((await call({ method: "POST", url: url(w), payload: meetingJson(w, id, null) })).statusCode).toBe(
      201,
    );
    const second = await call({
      method: "POST",
      url: url(w),
      payload: meetingJson(w, systemIds.next(), null, "2026-01-07", false),
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().seq).toBe(2);
    const replaceWithUsedId = await call({
      method: "POST",
      url: url(w, `/${second.json().id}/correction`),
      payload: { replacement: meetingJson(w, id, null, "2026-01-07", false) },
    });
    expect(replaceWithUsedId.statusCode).toBe(409);
    expect(replaceWithUsedId.json().error.code).toBe("ID_CONFLICT");
    const replacementId = systemIds.next();
    const corrected = await call({
      method: "POST",
      url: url(w, `/${second.json().id}/correction`),
      payload: { replacement: meetingJson(w, replacementId, null, "2026-01-07", false) },
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().replacement).toMatchObject({ id: replacementId, replacesId: second.json().id });
    // The corrected meeting sent again is answered as it now stands, reversed: nothing recorded anew.
    const resent = await call({
      method: "POST",
      url: url(w),
      payload: meetingJson(w, second.json().id, null, "2026-01-07", false),
    });
    expect(resent.statusCode, resent.body).toBe(201);
    expect(resent.json()).toMatchObject({ id: second.json().id, status: "reversed" });
    expect(
      (await w.db.selectFrom("meetings").select("id").where("orgId", "=", w.groupId).execute()).length,
    ).toBe(3);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses ids that are not UUIDv7, wherever they are, each by its path", async () => {
    const { w, call } = await world();
    const payload = meetingJson(w, crypto.randomUUID(), "019a5f2c-7b3e-7c41-cd2a-5e8f0b1c2d3e");
    const res = await call({ method: "POST", url: url(w), payload, headers: { "accept-language": "ru" } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("INVALID_ID");
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.id",
      "body.lines.3.loanId",
    ]);
    expect(res.json().error.details[0].message).toContain("не уникальный идентификатор седьмой версии");
  });

  it("leaves one person, one membership, one meeting and balanced books, whatever retries come, at once or not", async () => {
    const way = fc.constantFrom("firstKey", "newKey", "command");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(way, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (batches, chooseLoanId) => {
          const w = await groupWorld(use().db, DEFAULT_RULES, 3);
          const call = as(app, w.bookkeeper);
          const ids = { person: systemIds.next(), membership: systemIds.next(), meeting: systemIds.next() };
          const loanId = chooseLoanId ? systemIds.next() : null;
          const personBody = {
            id: ids.person,
            orgId: w.groupId,
            givenName: "Ақмарал",
            consent: { givenOn: "2026-01-20", scope: "membership" },
          };
          const joinBody = { id: ids.membership, personId: ids.person, joinedOn: "2026-02-01" };
          const meeting = meetingJson(w, ids.meeting, loanId);
          const answers: Record<"person" | "membership" | "meeting", unknown[]> = {
            person: [],
            membership: [],
            meeting: [],
          };
          const attempt = async (how: "firstKey" | "newKey" | "command") => {
            if (how === "command") {
              answers.person.push((await command(w, (trx, ctx) => registerPerson(trx, ctx, personBody))).id);
              answers.membership.push(
                (
                  await command(w, (trx, ctx) =>
                    joinGroup(trx, ctx, { ...joinBody, groupId: w.groupId, role: "member" }),
                  )
                ).id,
              );
              const m = await command(w, (trx, ctx) =>
                recordMeetingJson(trx, ctx, w.groupId, meetingInputJson.parse(meeting)),
              );
              answers.meeting.push(JSON.parse(JSON.stringify(m)));
              return;
            }
            const key = (what: string) => (how === "firstKey" ? `${what}-${ids.meeting}` : undefined);
            const p = await call({
              method: "POST",
              url: "/api/v1/people",
              payload: personBody,
              key: key("p"),
            });
            expect(p.statusCode, p.body).toBe(201);
            answers.person.push(p.json().id);
            const j = await call({
              method: "POST",
              url: `/api/v1/groups/${w.groupId}/members`,
              payload: joinBody,
              key: key("j"),
            });
            expect(j.statusCode, j.body).toBe(201);
            answers.membership.push(j.json().id);
            const m = await call({ method: "POST", url: url(w), payload: meeting, key: key("m") });
            expect(m.statusCode, m.body).toBe(201);
            answers.meeting.push(m.json());
          };
          for (const batch of batches) await Promise.all(batch.map(attempt));

          expect(new Set(answers.person)).toEqual(new Set([ids.person]));
          expect(new Set(answers.membership)).toEqual(new Set([ids.membership]));
          const [firstMeeting] = answers.meeting;
          for (const m of answers.meeting) expect(m).toEqual(firstMeeting);
          expect(firstMeeting).toMatchObject({ id: ids.meeting, seq: 1, cashAfter: "550.00" });
          if (loanId) expect(firstMeeting).toMatchObject({ loansIssued: [loanId] });
          const people = await w.db.selectFrom("persons").select("id").where("id", "=", ids.person).execute();
          const memberships = await w.db
            .selectFrom("memberships")
            .select("id")
            .where("personId", "=", ids.person)
            .execute();
          expect(people).toHaveLength(1);
          expect(memberships).toEqual([{ id: ids.membership }]);
          expect(await countsOf(w.db, ids.meeting)).toEqual({
            meetings: 1,
            entries: 1,
            loans: 1,
            lines: 5,
            attendance: 3,
          });
          const meetings = await w.db
            .selectFrom("meetings")
            .select("id")
            .where("orgId", "=", w.groupId)
            .execute();
          expect(meetings).toEqual([{ id: ids.meeting }]);
          await expectBooksCoherent(w.db, w.t.rootId);
        },
      ),
      { numRuns: 6 },
    );
  });
});
