// The meeting kit: what a phone keeps to draft and check a meeting offline. Its promise is that the phone
// decides as the server does: the draft it makes is the server's draft, and a meeting it accepts (or
// refuses, with which problems) is one the server accepts (or refuses with the same problems).
import { DomainError } from "@qadam/core/errors";
import { meetingInputJsonOf } from "@qadam/core/groups/meeting-input";
import {
  checkMeetingOnKit,
  kitAfter,
  kitDraft,
  kitNextMeeting,
  type MeetingKit,
  meetingKitSchema,
} from "@qadam/core/groups/meeting-kit";
import { meetingProblems } from "@qadam/core/groups/meeting-problems";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { systemIds } from "@qadam/core/ids";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { as, testApp } from "../testing/fixtures.js";
import { groupOwingTheMfo, groupWorld } from "./testing.js";

type Json = Record<string, unknown>;
type Problem = { path: string; code: string; message?: string };

/** The phone's verdict on a meeting: null when it would be recorded, else its problems (path and code). */
function phoneVerdict(kit: MeetingKit, body: Json, today: string): Problem[] | null {
  try {
    checkMeetingOnKit(kit, body as never, today);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const details = error.details.map((d) => ({ path: d.path ?? "", code: d.code }));
    return details.length > 0 ? details : [{ path: "", code: error.code }];
  }
}

/** A kit but for when it was made. */
const comparable = (kit: MeetingKit) => ({ ...kit, fetchedAt: "", today: "" });

const sorted = (problems: Problem[]) =>
  [...problems].sort((a, b) => a.path.localeCompare(b.path) || a.code.localeCompare(b.code));

describeEachDatabase("the meeting kit", (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(use());
  });
  afterAll(async () => {
    await app.close();
  });

  it("gives the phone the server's own draft: internal loans due, late fines, and the MFO's loan", async () => {
    // The MFO lends the group 300,000.00 on 15 January; an administrator collects it at the meetings.
    const { w, group, mfoLoan, admin, meeting } = await groupOwingTheMfo(use().db);
    const [a, b] = w.members as [string, string, string];
    const call = as(app, admin);
    const url = `/api/v1/groups/${group}/meetings`;
    for (const [on, lines] of [
      ["2026-01-14", [{ kind: "loan", personId: b, amount: "1000", termMonths: 2 }]],
      ["2026-01-21", [{ kind: "loan", personId: a, amount: "1000", termMonths: 3 }]],
      ["2026-02-18", []],
    ] as const)
      expect((await call({ method: "POST", url, payload: meeting(on, [...lines]) })).statusCode).toBe(201);

    const res = await call({ method: "GET", url: `/api/v1/groups/${group}/meeting-kit` });
    expect(res.statusCode).toBe(200);
    const kit = meetingKitSchema.parse(res.json());
    expect(kit).toMatchObject({ groupId: group, currency: "KZT", latestMeeting: "2026-02-18" });
    expect(kit.members.map((m) => m.savings)).toEqual(["1500.00", "1500.00", "1500.00"]);
    expect(kit.openLoans).toHaveLength(2);
    expect(kit.groupLoans.map((l) => l.loanId)).toEqual([mfoLoan]);
    expect(kit.rules).toEqual([{ validFrom: "2026-01-01", rules: expect.any(Object) }]);

    // The phone's next meeting is the server's, and its draft of it is the server's to the tiyn.
    expect(kitNextMeeting(kit, kit.today)).toBe(kit.nextMeeting);
    const draftOf = async (on: string) =>
      (await call({ method: "GET", url: `${url}/draft?on=${on}` })).json();
    const next = kit.nextMeeting ?? "";
    expect(meetingInputJsonOf(kitDraft(kit, next).input, "KZT")).toEqual((await draftOf(next)).meeting);
    // On other dates too, for everything the group's own books decide (the MFO's penalties are counted
    // for the next meeting's date only).
    const own = (body: { lines: Array<{ kind: string }> }) =>
      body.lines.filter((l) => l.kind !== "loanRepayment");
    for (const on of ["2026-02-18", "2026-02-25", "2026-03-04", "2026-03-21", "2026-04-29"]) {
      const phone = meetingInputJsonOf(kitDraft(kit, on).input, "KZT");
      const server = (await draftOf(on)).meeting;
      expect(own(phone)).toEqual(own(server));
      expect(phone.attendance).toEqual(server.attendance);
    }
    // The draft the phone made is recorded as it is.
    const body = { ...meetingInputJsonOf(kitDraft(kit, "2026-02-25").input, "KZT"), id: systemIds.next() };
    expect(phoneVerdict(kit, body, kit.today)).toBeNull();
    expect((await call({ method: "POST", url, payload: body })).statusCode).toBe(201);
    // The kit the phone works out for after it (a meeting waiting to be sent) is the server's: the MFO's
    // loan paid installment by installment, its principal off what the group owes. Only the penalties
    // the engine charges on the day (the kit knows their total by the next meeting, not by day) may move
    // a payment between an installment's penalty and its interest.
    const after = meetingKitSchema.parse(
      (await call({ method: "GET", url: `/api/v1/groups/${group}/meeting-kit` })).json(),
    );
    const principalOnly = (k: MeetingKit) => ({
      ...comparable(k),
      groupLoans: k.groupLoans.map((l) => ({
        loanId: l.loanId,
        installments: l.installments.map((i) => ({
          number: i.number,
          dueOn: i.dueOn,
          principal: i.principal,
        })),
      })),
    });
    expect(principalOnly(kitAfter(kit, body, kit.today))).toEqual(principalOnly(after));
    expect(after.externalLoans).not.toBe(kit.externalLoans);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("refuses on the phone exactly what the server refuses, with the same problems", async () => {
    const w = await groupWorld(use().db, DEFAULT_RULES, 4);
    const call = as(app, w.bookkeeper);
    const kitUrl = `/api/v1/groups/${w.groupId}/meeting-kit`;
    const url = `/api/v1/groups/${w.groupId}/meetings`;
    const member = fc.integer({ min: 0, max: w.members.length - 1 });
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 200_000 }).map((n) => (n / 100).toFixed(2)),
      fc.constantFrom("0", "-5", "1.234", "abc", "99999999"),
    );
    const change = fc.oneof(
      fc.record({ kind: fc.constant("amount" as const), line: fc.nat(), amount }),
      fc.record({ kind: fc.constant("absent" as const), member }),
      fc.record({
        kind: fc.constant("loan" as const),
        member,
        amount,
        termMonths: fc.integer({ min: 1, max: 30 }),
      }),
      fc.record({ kind: fc.constant("withdrawal" as const), member, amount }),
      fc.record({ kind: fc.constant("cash" as const), amount }),
      fc.record({ kind: fc.constant("drop" as const), line: fc.nat() }),
    );
    let runs = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(change, { maxLength: 3 }),
        fc.integer({ min: 0, max: 9 }),
        async (changes, days) => {
          runs += 1;
          const kit = meetingKitSchema.parse((await call({ method: "GET", url: kitUrl })).json());
          const start = kit.latestMeeting ?? "2026-01-07";
          const heldOn = new Date(Date.parse(`${start}T00:00:00Z`) + days * 7 * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const body = meetingInputJsonOf(kitDraft(kit, heldOn).input, kit.currency) as unknown as {
            heldOn: string;
            attendance: Array<{ personId: string; status: string }>;
            lines: Array<Record<string, unknown>>;
            cashCounted?: string | null;
          };
          for (const c of changes) {
            const at = (i: number) => (body.lines.length === 0 ? -1 : i % body.lines.length);
            if (c.kind === "amount" && at(c.line) >= 0) (body.lines[at(c.line)] as Json).amount = c.amount;
            if (c.kind === "drop" && at(c.line) >= 0) body.lines.splice(at(c.line), 1);
            if (c.kind === "absent") (body.attendance[c.member] as { status: string }).status = "absent";
            if (c.kind === "loan")
              body.lines.push({
                kind: "loan",
                loanId: systemIds.next(),
                personId: w.members[c.member],
                amount: c.amount,
                termMonths: c.termMonths,
              });
            if (c.kind === "withdrawal")
              body.lines.push({ kind: "withdrawal", personId: w.members[c.member], amount: c.amount });
            if (c.kind === "cash") body.cashCounted = c.amount;
          }
          const payload = { ...body, id: systemIds.next() };
          const phone = phoneVerdict(kit, payload, "2026-12-02");
          const res = await call({ method: "POST", url, payload, headers: { "accept-language": "en" } });
          if (res.statusCode === 201) {
            accepted += 1;
            expect(phone).toBeNull();
            // What the phone works out for after the meeting is what the server's books then say.
            const after = meetingKitSchema.parse((await call({ method: "GET", url: kitUrl })).json());
            expect(comparable(kitAfter(kit, payload as never, kit.today))).toEqual(comparable(after));
            return;
          }
          const error = res.json().error as { code: string; details?: Problem[] };
          const server = (error.details ?? [{ path: "body", code: error.code }]).map((d) => ({
            path: d.path.replace(/^body\.?/, ""),
            code: d.code,
          }));
          expect(phone === null ? null : sorted(phone)).toEqual(sorted(server));
          // And in the same words: what the phone shows is what the server answers.
          const words = (ps: Array<{ path: string; message: string }>) =>
            ps.map((p) => `${p.path}: ${p.message}`).sort();
          const said = (error.details ?? []).map((d) => ({
            path: d.path.replace(/^body\.?/, ""),
            message: d.message ?? "",
          }));
          if (said.length > 0)
            expect(words(meetingProblems(kit, payload, "2026-12-02", "en"))).toEqual(words(said));
        },
      ),
      { numRuns: 25 },
    );
    // The property saw both sides.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(runs);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("is read only by those who see the group", async () => {
    const w = await groupWorld(use().db);
    const other = await groupWorld(use().db);
    const res = await as(
      app,
      other.bookkeeper,
    )({ method: "GET", url: `/api/v1/groups/${w.groupId}/meeting-kit` });
    expect(res.statusCode).toBe(404);
    expect(
      (await app.inject({ method: "GET", url: `/api/v1/groups/${w.groupId}/meeting-kit` })).statusCode,
    ).toBe(401);
  });
});
