// What the phone keeps for itself in IndexedDB (Dexie): the meetings recorded on it and waiting to be
// sent (the outbox), and each of the bookkeeper's groups as last read from the server, so that the
// meeting flow opens with no connection, even after a reload.
import type { MeetingInputJson } from "@qadam/core/groups/meeting-input";
import { Dexie, type DexieOptions, type EntityTable } from "dexie";

/** One problem the server found with a meeting, on the line it names (body.lines.3.amount). */
export interface Refusal {
  code: string;
  message: string;
  details: ReadonlyArray<{ path: string; code: string; message: string }>;
}

/**
 * A meeting in the outbox:
 * - waiting: saved on the phone, to be sent when there is a connection;
 * - sending: a send has started (after a reload or a crash it is sent again, with the same key);
 * - sent: the server has recorded it (kept so the bookkeeper sees it went);
 * - refused: the server said no, and why; kept on the phone to be corrected and sent again.
 */
export type OutboxState = "waiting" | "sending" | "sent" | "refused";

export interface OutboxMeeting {
  /** The meeting's own id (UUIDv7, chosen on the phone): the server records a meeting once per id. */
  id: string;
  groupId: string;
  /** Who recorded it: another user logging in on this phone does not send it under her name. */
  userId: string;
  body: MeetingInputJson & { id: string };
  /** The Idempotency-Key every send of this version of the meeting carries; a correction gets a new one. */
  idempotencyKey: string;
  state: OutboxState;
  attempts: number;
  savedAt: string;
  /** When the last send was tried and why it did not get through (no connection, server down). */
  lastTriedAt: string | null;
  lastFailure: string | null;
  sentAt: string | null;
  refusal: Refusal | null;
}

/** A group as the phone last read it: enough to open and check a meeting with no connection. */
export interface GroupSnapshot {
  groupId: string;
  userId: string;
  fetchedAt: string;
  /** The API's answers, kept as they came (group, members, rules in force, open loans, draft…). */
  data: Record<string, unknown>;
}

/** The meeting flow's working copy for a group, kept while she records it (a reload loses nothing). */
export interface MeetingDraftOnPhone {
  groupId: string;
  userId: string;
  savedAt: string;
  /** The flow's state as features/meeting/flow.ts keeps it (plain JSON). */
  flow: unknown;
}

export type DeviceDb = Dexie & {
  outbox: EntityTable<OutboxMeeting, "id">;
  groups: EntityTable<GroupSnapshot, "groupId">;
  drafts: EntityTable<MeetingDraftOnPhone, "groupId">;
};

export const DEVICE_DB_NAME = "qadam-device";

/** The phone's database; tests pass fake-indexeddb's `indexedDB` and `IDBKeyRange` in `options`. */
export function openDeviceDb(name = DEVICE_DB_NAME, options?: DexieOptions): DeviceDb {
  const db = new Dexie(name, options) as DeviceDb;
  db.version(1).stores({
    outbox: "id, groupId, state, [userId+state]",
    groups: "groupId, userId",
  });
  db.version(2).stores({
    outbox: "id, groupId, state, [userId+state]",
    groups: "groupId, userId",
    drafts: "groupId",
  });
  return db;
}
