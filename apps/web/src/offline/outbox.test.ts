// The outbox against a model of the server (a meeting recorded once per id; a key sent again answers
// its first response), with IndexedDB from fake-indexeddb: worked examples, then a property over any
// interleaving of saving, correcting, sending (answered, lost on the way there, lost on the way back,
// refused), two sends at once, and reloads in the middle of a send — no meeting is ever lost or doubled.
import type { MeetingInputJson } from "@qadam/core/groups/meeting-input";
import "fake-indexeddb/auto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DeviceDb, type OutboxMeeting, openDeviceDb } from "./device-db.js";
import {
  OutboxError,
  outboxOf,
  type SendOutcome,
  saveMeeting,
  sendWaiting,
  type Transport,
} from "./outbox.js";

const USER = "0190a000-0000-7000-8000-000000000001";
const GROUP = "0190a000-0000-7000-8000-000000000002";
/** The model server refuses a meeting held on this date (say, the group's rules forbid it). */
const REFUSED_DATE = "2026-01-13";

let dbCount = 0;
const freshName = () => `outbox-test-${process.pid}-${dbCount++}`;
const open = (name: string) => openDeviceDb(name);

function meetingId(n: number): string {
  return `0190b000-0000-7000-8000-${n.toString(16).padStart(12, "0")}`;
}

function body(n: number, heldOn: string): MeetingInputJson & { id: string } {
  return { id: meetingId(n), heldOn, attendance: [], lines: [], cashCounted: String(n) };
}

/** What the real server guarantees about meetings and idempotency keys, and nothing more. */
class ModelServer {
  readonly meetings = new Map<string, string>();
  readonly keys = new Map<string, { body: string; outcome: SendOutcome }>();
  inserts = 0;

  receive(meeting: OutboxMeeting): SendOutcome {
    const text = JSON.stringify(meeting.body);
    const replay = this.keys.get(meeting.idempotencyKey);
    if (replay)
      return replay.body === text
        ? replay.outcome
        : { kind: "refused", refusal: { code: "IDEMPOTENCY_KEY_REUSED", message: "reused", details: [] } };
    let outcome: SendOutcome;
    const recorded = this.meetings.get(meeting.id);
    if (recorded !== undefined)
      outcome =
        recorded === text
          ? { kind: "recorded" }
          : { kind: "refused", refusal: { code: "ID_CONFLICT", message: "another meeting", details: [] } };
    else if (meeting.body.heldOn === REFUSED_DATE)
      outcome = {
        kind: "refused",
        refusal: {
          code: "MEETING_NOT_ALLOWED",
          message: "not on that day",
          details: [{ path: "body.heldOn", code: "X", message: "x" }],
        },
      };
    else {
      this.meetings.set(meeting.id, text);
      this.inserts += 1;
      outcome = { kind: "recorded" };
    }
    this.keys.set(meeting.idempotencyKey, { body: text, outcome });
    return outcome;
  }
}

type Network = "answer" | "lostThere" | "lostBack" | "hang";

/** A transport over a network that behaves as `plan` says, attempt after attempt ("answer" once it runs out). */
function transportFor(server: ModelServer, plan: Network[], onHang: () => void = () => {}): Transport {
  return async (meeting) => {
    await Promise.resolve();
    const network = plan.shift() ?? "answer";
    if (network === "lostThere") return { kind: "unreachable", reason: "offline" };
    const outcome = server.receive(meeting);
    if (network === "lostBack") throw new TypeError("Failed to fetch");
    if (network === "hang") {
      onHang();
      return new Promise<SendOutcome>(() => {});
    }
    return outcome;
  };
}

function deps(db: DeviceDb) {
  let tick = 0;
  let key = 0;
  return {
    db,
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    newKey: () => `key-${dbCount}-${key++}-${Math.random().toString(36).slice(2)}`,
  };
}

describe("the outbox", () => {
  it("sends a saved meeting once, and keeps it, sent", async () => {
    const db = open(freshName());
    const server = new ModelServer();
    const d = deps(db);
    await saveMeeting(d, { groupId: GROUP, userId: USER, body: body(1, "2026-01-06") });
    expect(await sendWaiting(d, USER, transportFor(server, []))).toBe(1);
    expect(await sendWaiting(d, USER, transportFor(server, []))).toBe(0);
    expect(server.inserts).toBe(1);
    expect((await outboxOf(db, USER)).map((m) => m.state)).toEqual(["sent"]);
    db.close();
  });

  it("keeps a meeting waiting with no connection, and sends it when the connection returns", async () => {
    const db = open(freshName());
    const server = new ModelServer();
    const d = deps(db);
    await saveMeeting(d, { groupId: GROUP, userId: USER, body: body(1, "2026-01-06") });
    expect(await sendWaiting(d, USER, transportFor(server, ["lostThere"]))).toBe(0);
    const [waiting] = await outboxOf(db, USER);
    expect({ state: waiting?.state, failure: waiting?.lastFailure }).toEqual({
      state: "waiting",
      failure: "offline",
    });
    expect(await sendWaiting(d, USER, transportFor(server, []))).toBe(1);
    expect(server.inserts).toBe(1);
    db.close();
  });

  it("records a meeting once when the answer was lost and it is sent again", async () => {
    const db = open(freshName());
    const server = new ModelServer();
    const d = deps(db);
    await saveMeeting(d, { groupId: GROUP, userId: USER, body: body(1, "2026-01-06") });
    await sendWaiting(d, USER, transportFor(server, ["lostBack"]));
    expect((await outboxOf(db, USER))[0]?.state).toBe("waiting");
    await sendWaiting(d, USER, transportFor(server, []));
    expect({ inserts: server.inserts, state: (await outboxOf(db, USER))[0]?.state }).toEqual({
      inserts: 1,
      state: "sent",
    });
    db.close();
  });

  it("sends again, after a reload, a meeting whose send the page left in the middle", async () => {
    const name = freshName();
    let db = open(name);
    const server = new ModelServer();
    await saveMeeting(deps(db), { groupId: GROUP, userId: USER, body: body(1, "2026-01-06") });
    void sendWaiting(deps(db), USER, transportFor(server, ["hang"]));
    await expect.poll(() => server.inserts).toBe(1);
    db.close();
    db = open(name);
    expect((await outboxOf(db, USER))[0]?.state).toBe("sending");
    expect(await sendWaiting(deps(db), USER, transportFor(server, []))).toBe(1);
    expect(server.inserts).toBe(1);
    db.close();
  });

  it("keeps a refused meeting with its reason, lets it be corrected, and sends the correction", async () => {
    const db = open(freshName());
    const server = new ModelServer();
    const d = deps(db);
    await saveMeeting(d, { groupId: GROUP, userId: USER, body: body(1, REFUSED_DATE) });
    await sendWaiting(d, USER, transportFor(server, []));
    const [refused] = await outboxOf(db, USER);
    expect({ state: refused?.state, code: refused?.refusal?.code }).toEqual({
      state: "refused",
      code: "MEETING_NOT_ALLOWED",
    });
    await saveMeeting(d, { groupId: GROUP, userId: USER, body: body(1, "2026-01-14") });
    await sendWaiting(d, USER, transportFor(server, []));
    expect((await outboxOf(db, USER))[0]?.state).toBe("sent");
    expect(server.meetings.get(meetingId(1))).toContain("2026-01-14");
    db.close();
  });

  it("never lets a send that finishes late undo what a later send settled", async () => {
    const db = open(freshName());
    const server = new ModelServer();
    const d = deps(db);
    await saveMeeting(d, { groupId: GROUP, userId: USER, body: body(1, REFUSED_DATE) });
    // The first send stalls on a bad line; a second one (after a reload, say) gets the server's refusal.
    let finishLate: (outcome: SendOutcome) => void = () => {};
    const stalled = sendWaiting(d, USER, async () => new Promise<SendOutcome>((done) => (finishLate = done)));
    await expect.poll(async () => (await outboxOf(db, USER))[0]?.attempts).toBe(1);
    await sendWaiting(d, USER, transportFor(server, []));
    expect((await outboxOf(db, USER))[0]?.state).toBe("refused");
    // The first send's "no answer" arrives at last: the refusal stands, nothing goes back to waiting.
    finishLate({ kind: "unreachable", reason: "timeout" });
    await stalled;
    const [row] = await outboxOf(db, USER);
    expect({ state: row?.state, code: row?.refusal?.code }).toEqual({
      state: "refused",
      code: "MEETING_NOT_ALLOWED",
    });
    db.close();
  });

  it("never lets a send that is starting overwrite a correction saved at that moment", async () => {
    // The correction lands at every point of the send's start in turn: before its claim, during it, after.
    for (let ticks = 0; ticks < 16; ticks++) {
      const db = open(freshName());
      const server = new ModelServer();
      const d = deps(db);
      await saveMeeting(d, { groupId: GROUP, userId: USER, body: body(1, "2026-01-06") });
      const sending = sendWaiting(d, USER, transportFor(server, []));
      for (let i = 0; i < ticks; i++) await new Promise((r) => setTimeout(r, 0));
      const corrected = await saveMeeting(d, {
        groupId: GROUP,
        userId: USER,
        body: body(1, "2026-01-20"),
      }).then(
        () => true,
        (error: unknown) => {
          if (!(error instanceof OutboxError)) throw error;
          return false;
        },
      );
      await sending;
      await sendWaiting(d, USER, transportFor(server, []));
      const [row] = await outboxOf(db, USER);
      // Saved means kept: the phone holds the correction and the server, if anything, that very body.
      if (corrected) expect({ ticks, heldOn: row?.body.heldOn }).toEqual({ ticks, heldOn: "2026-01-20" });
      expect(server.meetings.get(meetingId(1))).toBe(JSON.stringify(row?.body));
      db.close();
    }
  });

  it("does not let a sent meeting be replaced on the phone", async () => {
    const db = open(freshName());
    const d = deps(db);
    await saveMeeting(d, { groupId: GROUP, userId: USER, body: body(1, "2026-01-06") });
    await sendWaiting(d, USER, transportFor(new ModelServer(), []));
    await expect(
      saveMeeting(d, { groupId: GROUP, userId: USER, body: body(1, "2026-01-07") }),
    ).rejects.toBeInstanceOf(OutboxError);
    db.close();
  });

  it("sends only the logged-in user's meetings", async () => {
    const db = open(freshName());
    const server = new ModelServer();
    const d = deps(db);
    const other = "0190a000-0000-7000-8000-0000000000ff";
    await saveMeeting(d, { groupId: GROUP, userId: other, body: body(1, "2026-01-06") });
    expect(await sendWaiting(d, USER, transportFor(server, []))).toBe(0);
    expect(server.inserts).toBe(0);
    db.close();
  });

  type Op =
    | { op: "save"; heldOnRefused: boolean }
    | { op: "correct"; which: number }
    | { op: "send"; network: Network[] }
    | { op: "sendTwice"; network: Network[] }
    | { op: "reload" };

  const network = fc.constantFrom<Network>("answer", "lostThere", "lostBack", "hang");
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant("save" as const), heldOnRefused: fc.boolean() }),
    fc.record({ op: fc.constant("correct" as const), which: fc.nat(20) }),
    fc.record({ op: fc.constant("send" as const), network: fc.array(network, { maxLength: 4 }) }),
    fc.record({ op: fc.constant("sendTwice" as const), network: fc.array(network, { maxLength: 4 }) }),
    fc.record({ op: fc.constant("reload" as const) }),
  );

  it("never loses or doubles a meeting, whatever the order of saves, sends, failures and reloads", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const name = freshName();
        let db = open(name);
        const server = new ModelServer();
        const saved = new Set<string>();
        let made = 0;
        for (const step of ops) {
          const d = deps(db);
          if (step.op === "save") {
            made += 1;
            await saveMeeting(d, {
              groupId: GROUP,
              userId: USER,
              body: body(made, step.heldOnRefused ? REFUSED_DATE : "2026-01-06"),
            });
            saved.add(meetingId(made));
          } else if (step.op === "correct") {
            if (made === 0) continue;
            const n = (step.which % made) + 1;
            await saveMeeting(d, {
              groupId: GROUP,
              userId: USER,
              body: body(n, `2026-02-${10 + (step.which % 9)}`),
            }).catch((error: unknown) => {
              if (!(error instanceof OutboxError)) throw error;
            });
          } else if (step.op === "send" || step.op === "sendTwice") {
            // A send that hangs is a page closed in the middle of it: the phone reloads.
            let hung = () => {};
            const hang = new Promise<"hung">((resolve) => {
              hung = () => resolve("hung");
            });
            const plan = [...step.network];
            const sends =
              step.op === "send"
                ? sendWaiting(d, USER, transportFor(server, plan, hung))
                : Promise.all([
                    sendWaiting(d, USER, transportFor(server, plan, hung)),
                    sendWaiting(d, USER, transportFor(server, plan, hung)),
                  ]);
            let abandoned = false;
            const done = sends.then(
              () => "done" as const,
              (error: unknown) => {
                // A send still running on the database the reload closed fails there; that is the reload.
                if (abandoned) return "done" as const;
                throw error;
              },
            );
            if ((await Promise.race([done, hang])) === "hung") {
              abandoned = true;
              db.close();
              db = open(name);
            }
          } else {
            db.close();
            db = open(name);
          }
        }
        // The connection comes back for good.
        db.close();
        db = open(name);
        await sendWaiting(deps(db), USER, transportFor(server, []));
        const onPhone = await outboxOf(db, USER);
        db.close();

        // Nothing lost: every meeting saved is still on the phone, sent or refused with its reason.
        expect(new Set(onPhone.map((m) => m.id))).toEqual(saved);
        for (const m of onPhone) {
          expect(["sent", "refused"]).toContain(m.state);
          if (m.state === "sent") expect(server.meetings.get(m.id)).toBe(JSON.stringify(m.body));
          if (m.state === "refused") expect(m.refusal?.code).toBeTruthy();
        }
        // Nothing doubled or invented: the server holds each meeting once, only meetings the phone made.
        expect(server.inserts).toBe(server.meetings.size);
        for (const id of server.meetings.keys()) expect(saved.has(id)).toBe(true);
        // Refused only for a reason of its own: its date, or a correction of a meeting already recorded.
        for (const m of onPhone.filter((m) => m.state === "refused")) {
          const reason =
            m.refusal?.code === "MEETING_NOT_ALLOWED"
              ? m.body.heldOn === REFUSED_DATE
              : m.refusal?.code === "ID_CONFLICT" &&
                server.meetings.has(m.id) &&
                server.meetings.get(m.id) !== JSON.stringify(m.body);
          expect({ id: m.id, code: m.refusal?.code, reason }).toEqual({
            id: m.id,
            code: m.refusal?.code,
            reason: true,
          });
        }
      }),
      { numRuns: Number(process.env.OUTBOX_RUNS ?? 150) },
    );
  }, 120_000);
});
