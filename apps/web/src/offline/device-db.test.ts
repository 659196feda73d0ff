// The phone's database (IndexedDB from fake-indexeddb): its layout on a new phone and on one the app's
// Dexie days set up (a meeting waiting there is still sent), writes whole or not at all, and the
// readers following a store, in this tab and another, told of each committed write.
import "fake-indexeddb/auto";
import type { MeetingInputJson } from "@qadam/core/groups/meeting-input";
import { describe, expect, it, vi } from "vitest";
import { DEVICE_DB_VERSION, DeviceDbClosed, type OutboxMeeting, openDeviceDb } from "./device-db.js";
import { outboxOf, type SendOutcome, sendWaiting } from "./outbox.js";

const USER = "0190a000-0000-7000-8000-000000000001";
const GROUP = "0190a000-0000-7000-8000-000000000002";
const MEETING = "0190b000-0000-7000-8000-000000000001";

let count = 0;
const freshName = () => `device-db-test-${process.pid}-${count++}`;

function waitingMeeting(): OutboxMeeting {
  const body: MeetingInputJson & { id: string } = {
    id: MEETING,
    heldOn: "2026-01-06",
    attendance: [],
    lines: [],
    cashCounted: "1200",
  };
  return {
    id: MEETING,
    groupId: GROUP,
    userId: USER,
    body,
    idempotencyKey: "key-1",
    state: "waiting",
    attempts: 0,
    savedAt: "2026-01-06T10:00:00.000Z",
    lastTriedAt: null,
    lastFailure: null,
    sentAt: null,
    refusal: null,
  };
}

/** A request's answer, as a promise (plain IndexedDB, without the app's code). */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * The database as Dexie 4 laid it out for `version(1)` (IndexedDB version 10: outbox and groups) or
 * `version(2)` (20: and drafts), one waiting meeting in its outbox; then closed, as at the end of a visit.
 */
async function dexieLayout(name: string, dexieVersion: 1 | 2): Promise<void> {
  const open = indexedDB.open(name, dexieVersion * 10);
  open.onupgradeneeded = () => {
    const db = open.result;
    const outbox = db.createObjectStore("outbox", { keyPath: "id" });
    outbox.createIndex("groupId", "groupId");
    outbox.createIndex("state", "state");
    outbox.createIndex("[userId+state]", ["userId", "state"]);
    const groups = db.createObjectStore("groups", { keyPath: "groupId" });
    groups.createIndex("userId", "userId");
    if (dexieVersion === 2) db.createObjectStore("drafts", { keyPath: "groupId" });
  };
  const db = await done(open);
  const tx = db.transaction(["outbox", "groups"], "readwrite");
  tx.objectStore("outbox").put(waitingMeeting());
  tx.objectStore("groups").put({ groupId: GROUP, userId: USER, fetchedAt: "2026-01-05", data: { kit: {} } });
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Each store's key path and indexes (name → key path), as IndexedDB itself reports them. */
async function layoutOf(name: string) {
  const db = await done(indexedDB.open(name));
  const stores = Array.from(db.objectStoreNames);
  const tx = db.transaction(stores);
  const layout = Object.fromEntries(
    stores.map((s) => {
      const store = tx.objectStore(s);
      const indexes = Object.fromEntries(
        Array.from(store.indexNames).map((i) => [i, store.index(i).keyPath]),
      );
      return [s, { keyPath: store.keyPath, indexes }];
    }),
  );
  const version = db.version;
  db.close();
  return { version, layout };
}

const LAYOUT = {
  outbox: {
    keyPath: "id",
    indexes: { "[userId+state]": ["userId", "state"], groupId: "groupId", state: "state" },
  },
  groups: { keyPath: "groupId", indexes: { userId: "userId" } },
  drafts: { keyPath: "groupId", indexes: {} },
};

const recorded = async (): Promise<SendOutcome> => ({ kind: "recorded" });

describe("the phone's database", () => {
  it("lays out a new phone's database: every store and index", async () => {
    const name = freshName();
    const db = openDeviceDb(name);
    expect(await db.get("outbox", MEETING)).toBeUndefined();
    db.close();
    expect(await layoutOf(name)).toEqual({ version: DEVICE_DB_VERSION, layout: LAYOUT });
  });

  for (const dexieVersion of [2, 1] as const) {
    it(`keeps the meeting waiting on a phone whose database Dexie's version(${dexieVersion}) set up, and sends it`, async () => {
      const name = freshName();
      await dexieLayout(name, dexieVersion);
      const db = openDeviceDb(name);
      expect((await outboxOf(db, USER)).map((m) => [m.id, m.state])).toEqual([[MEETING, "waiting"]]);
      expect((await db.get("groups", GROUP))?.userId).toBe(USER);
      const sent: string[] = [];
      const deps = { db, now: () => "2026-01-07T09:00:00.000Z", newKey: () => "key-2" };
      // Found through the compound index Dexie made ([userId+state]).
      expect(
        await sendWaiting(deps, USER, async (m) => {
          sent.push(`${m.id} ${m.idempotencyKey}`);
          return recorded();
        }),
      ).toBe(1);
      expect(sent).toEqual([`${MEETING} key-1`]);
      expect((await db.get("outbox", MEETING))?.state).toBe("sent");
      await db.put("drafts", { groupId: GROUP, userId: USER, savedAt: "2026-01-07", flow: {} });
      db.close();
      expect(await layoutOf(name)).toEqual({ version: DEVICE_DB_VERSION, layout: LAYOUT });
    });
  }

  it("writes nothing of a write that throws", async () => {
    const db = openDeviceDb(freshName());
    await expect(
      db.write("outbox", async (outbox) => {
        await outbox.put(waitingMeeting());
        throw new Error("changed her mind");
      }),
    ).rejects.toThrow("changed her mind");
    expect(await db.get("outbox", MEETING)).toBeUndefined();
    db.close();
  });

  it("tells the readers following a store of each committed write, in this tab and another", async () => {
    const name = freshName();
    const here = openDeviceDb(name);
    const there = openDeviceDb(name);
    const seen = (db: typeof here) => {
      const states: string[][] = [];
      let reads = 0;
      const stop = db.watch(
        ["outbox"],
        async () => {
          reads += 1;
          return (await outboxOf(db, USER)).map((m) => m.state);
        },
        (s) => states.push(s),
        (error) => {
          throw error;
        },
      );
      return { states, reads: () => reads, stop };
    };
    const inThisTab = seen(here);
    const inAnother = seen(there);
    await vi.waitFor(() => expect([inThisTab.states, inAnother.states]).toEqual([[[]], [[]]]));
    await here.put("outbox", waitingMeeting());
    await vi.waitFor(() =>
      expect([inThisTab.states, inAnother.states]).toEqual([
        [[], ["waiting"]],
        [[], ["waiting"]],
      ]),
    );
    // A write to another store (her working copy, on every change) does not make them read again.
    await there.put("drafts", { groupId: GROUP, userId: USER, savedAt: "2026-01-07", flow: {} });
    await new Promise((r) => setTimeout(r, 20));
    expect([inThisTab.reads(), inAnother.reads()]).toEqual([2, 2]);
    await sendWaiting({ db: there, now: () => "2026-01-07", newKey: () => "k" }, USER, recorded);
    await vi.waitFor(() => expect(inThisTab.states.at(-1)).toEqual(["sent"]));
    expect(inAnother.states.at(-1)).toEqual(["sent"]);
    inThisTab.stop();
    inAnother.stop();
    here.close();
    there.close();
  });

  it("refuses to be used once closed", async () => {
    const db = openDeviceDb(freshName());
    await db.put("drafts", { groupId: GROUP, userId: USER, savedAt: "2026-01-07", flow: {} });
    db.close();
    await expect(db.get("drafts", GROUP)).rejects.toBeInstanceOf(DeviceDbClosed);
  });
});
