// The outbox: meetings recorded on the phone, sent to the server exactly once whatever happens between.
//
// Exactly once rests on two things the server already guarantees: a meeting is recorded once per
// client-chosen id (the same meeting sent again answers the one recorded), and a write sent again with
// the same Idempotency-Key answers the first response. So the phone may send as often as it likes —
// after a timeout, a reload, a crash in the middle, from two tabs — and the record stays single.
// What the phone must never do is lose a meeting: a meeting leaves "waiting" only for "sending", and
// "sending" only for "sent" (the server said recorded), "refused" (the server said no, kept to correct)
// or back to "waiting" (no answer). A reload finds "sending" rows and sends them again.
import type { MeetingInputJson } from "@qadam/core/groups/meeting-input";
import type { DeviceDb, OutboxMeeting, Refusal } from "./device-db.js";

/** What one attempt to send a meeting came to. */
export type SendOutcome =
  | { kind: "recorded" }
  /** The server read the meeting and said no: its reason, per line, in the reader's language. */
  | { kind: "refused"; refusal: Refusal }
  /** No answer, or one that says "try later" (offline, timeout, 5xx, logged out, busy). */
  | { kind: "unreachable"; reason: string };

export type Transport = (meeting: OutboxMeeting) => Promise<SendOutcome>;

export interface OutboxDeps {
  db: DeviceDb;
  now: () => string;
  newKey: () => string;
}

/**
 * Saves a meeting on the phone, to be sent. Saving again under the same id replaces a meeting not yet
 * sent (a correction: it gets a new idempotency key, since its body changed); a sent meeting is never
 * replaced (MEETING_ALREADY_SENT), and one being sent must wait for the send's end.
 */
export async function saveMeeting(
  deps: OutboxDeps,
  meeting: { groupId: string; userId: string; body: MeetingInputJson & { id: string } },
): Promise<OutboxMeeting> {
  return deps.db.write("outbox", async (outbox) => {
    const before = await outbox.get(meeting.body.id);
    if (before?.state === "sent") throw new OutboxError("MEETING_ALREADY_SENT");
    if (before?.state === "sending") throw new OutboxError("MEETING_BEING_SENT");
    const row: OutboxMeeting = {
      id: meeting.body.id,
      groupId: meeting.groupId,
      userId: meeting.userId,
      body: meeting.body,
      idempotencyKey: deps.newKey(),
      state: "waiting",
      attempts: before?.attempts ?? 0,
      savedAt: deps.now(),
      lastTriedAt: before?.lastTriedAt ?? null,
      lastFailure: null,
      sentAt: null,
      refusal: null,
    };
    await outbox.put(row);
    return row;
  });
}

export class OutboxError extends Error {
  constructor(readonly code: "MEETING_ALREADY_SENT" | "MEETING_BEING_SENT") {
    super(code);
    this.name = "OutboxError";
  }
}

/** Takes a meeting from waiting (or an interrupted sending) to sending; null when it is not there to send. */
async function claim(deps: OutboxDeps, id: string): Promise<OutboxMeeting | null> {
  return deps.db.write("outbox", async (outbox) => {
    const row = await outbox.get(id);
    if (!row || (row.state !== "waiting" && row.state !== "sending")) return null;
    const claimed: OutboxMeeting = {
      ...row,
      state: "sending",
      attempts: row.attempts + 1,
      lastTriedAt: deps.now(),
    };
    await outbox.put(claimed);
    return claimed;
  });
}

/**
 * Writes what a send came to, unless the meeting changed meanwhile: corrected (the newer version stands),
 * or claimed by a later send (a send that finishes late never overwrites what a later one settled; the
 * later one carries the same key, so the server answers it the same).
 */
async function settle(deps: OutboxDeps, sent: OutboxMeeting, outcome: SendOutcome): Promise<void> {
  await deps.db.write("outbox", async (outbox) => {
    const row = await outbox.get(sent.id);
    if (!row || row.idempotencyKey !== sent.idempotencyKey || row.state !== "sending") return;
    if (row.attempts !== sent.attempts) return;
    const next: OutboxMeeting =
      outcome.kind === "recorded"
        ? { ...row, state: "sent", sentAt: deps.now(), lastFailure: null, refusal: null }
        : outcome.kind === "refused"
          ? { ...row, state: "refused", refusal: outcome.refusal, lastFailure: null }
          : { ...row, state: "waiting", lastFailure: outcome.reason };
    await outbox.put(next);
  });
}

/**
 * Sends every meeting of `userId` that is waiting, or was being sent when the page went away, one at a
 * time in the order they were saved. Returns how many the server recorded this time.
 */
export async function sendWaiting(deps: OutboxDeps, userId: string, transport: Transport): Promise<number> {
  const pending = await deps.db.read("outbox", async (outbox) => {
    const byUserAndState = outbox.index("[userId+state]");
    const [waiting, sending] = await Promise.all([
      byUserAndState.getAll([userId, "waiting"]),
      byUserAndState.getAll([userId, "sending"]),
    ]);
    return [...waiting, ...sending];
  });
  pending.sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.id.localeCompare(b.id));
  let recorded = 0;
  for (const { id } of pending) {
    const claimed = await claim(deps, id);
    if (!claimed) continue;
    let outcome: SendOutcome;
    try {
      outcome = await transport(claimed);
    } catch (error) {
      outcome = { kind: "unreachable", reason: error instanceof Error ? error.message : String(error) };
    }
    await settle(deps, claimed, outcome);
    if (outcome.kind === "recorded") recorded += 1;
    // With no connection, the meetings after this one would fail the same way: try again later.
    if (outcome.kind === "unreachable") break;
  }
  return recorded;
}

/** The user's meetings on this phone, newest first, whatever their state. */
export async function outboxOf(db: DeviceDb, userId: string): Promise<OutboxMeeting[]> {
  const rows = (await db.read("outbox", (outbox) => outbox.getAll())).filter((m) => m.userId === userId);
  return rows.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** Forgets the meetings the server recorded before the instant `before` (the server has them). */
export async function forgetSent(db: DeviceDb, before: string): Promise<number> {
  return db.write("outbox", async (outbox) => {
    let forgotten = 0;
    let cursor = await outbox.index("state").openCursor("sent");
    while (cursor) {
      if ((cursor.value.sentAt ?? "") < before) {
        await cursor.delete();
        forgotten += 1;
      }
      cursor = await cursor.continue();
    }
    return forgotten;
  });
}
