// What the phone keeps for itself in IndexedDB (through idb, a thin promise wrapper): the meetings
// recorded on it and waiting to be sent (the outbox), each of the bookkeeper's groups as last read from
// the server, so that the meeting flow opens with no connection, even after a reload, and the flow's
// working copy. Every write is one transaction; once it has committed, the screens that follow the
// store it changed read it again (device-changes.ts), in this tab and the others.
import type { WireParams } from "@qadam/core/errors";
import type { MeetingInputJson } from "@qadam/core/groups/meeting-input";
import {
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  type IDBPTransaction,
  openDB,
  type StoreKey,
  type StoreNames,
  type StoreValue,
} from "idb";
import { type DeviceChanges, deviceChanges, watchReads } from "./device-changes.js";

/** One problem the server found with a meeting, on the line it names (body.lines.3.amount). */
/**
 * The server's no, as it said it, in the language the meeting was sent in; with each problem's
 * parameters (servers since they send them), so that it can be said again in the reader's language.
 */
export interface Refusal {
  code: string;
  message: string;
  params?: WireParams;
  details: ReadonlyArray<{ path: string; code: string; message: string; params?: WireParams }>;
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

interface DeviceSchema extends DBSchema {
  outbox: {
    key: string;
    value: OutboxMeeting;
    // "[userId+state]" is the name Dexie gave this index (the app used Dexie before): kept as it is.
    indexes: { groupId: string; state: OutboxState; "[userId+state]": [string, OutboxState] };
  };
  groups: { key: string; value: GroupSnapshot; indexes: { userId: string } };
  drafts: { key: string; value: MeetingDraftOnPhone };
}

export type StoreName = StoreNames<DeviceSchema>;
export type Store<S extends StoreName, Mode extends IDBTransactionMode> = IDBPObjectStore<
  DeviceSchema,
  [S],
  S,
  Mode
>;

export const DEVICE_DB_NAME = "qadam-device";

/**
 * The layout's version. Dexie, which kept this database before, wrote its version(2) as IndexedDB's 20
 * (its version × 10); anything above opens a phone's existing database and keeps what it holds.
 */
export const DEVICE_DB_VERSION = 30;

/** Every store and index of the layout, created where missing (a new phone, or one Dexie set up). */
export function upgradeLayout(
  db: IDBPDatabase<DeviceSchema>,
  tx: IDBPTransaction<DeviceSchema, StoreName[], "versionchange">,
): void {
  const outbox = db.objectStoreNames.contains("outbox")
    ? tx.objectStore("outbox")
    : db.createObjectStore("outbox", { keyPath: "id" });
  if (!outbox.indexNames.contains("groupId")) outbox.createIndex("groupId", "groupId");
  if (!outbox.indexNames.contains("state")) outbox.createIndex("state", "state");
  if (!outbox.indexNames.contains("[userId+state]"))
    outbox.createIndex("[userId+state]", ["userId", "state"]);
  const groups = db.objectStoreNames.contains("groups")
    ? tx.objectStore("groups")
    : db.createObjectStore("groups", { keyPath: "groupId" });
  if (!groups.indexNames.contains("userId")) groups.createIndex("userId", "userId");
  if (!db.objectStoreNames.contains("drafts")) db.createObjectStore("drafts", { keyPath: "groupId" });
}

/** The phone's database, opened on first use; a write's callback awaits nothing but its own requests. */
export interface DeviceDb {
  readonly name: string;
  /** `work` over `store` in one read-only transaction. */
  read<S extends StoreName, T>(store: S, work: (store: Store<S, "readonly">) => Promise<T>): Promise<T>;
  /**
   * `work` over `store` in one read-write transaction, which IndexedDB commits as soon as `work` waits
   * on anything but its requests (so it must not). It resolves once committed, and every reader
   * following `store` hears of it; when `work` throws, nothing of it is written.
   */
  write<S extends StoreName, T>(store: S, work: (store: Store<S, "readwrite">) => Promise<T>): Promise<T>;
  get<S extends StoreName>(
    store: S,
    key: StoreKey<DeviceSchema, S>,
  ): Promise<StoreValue<DeviceSchema, S> | undefined>;
  put<S extends StoreName>(store: S, value: StoreValue<DeviceSchema, S>): Promise<void>;
  delete<S extends StoreName>(store: S, key: StoreKey<DeviceSchema, S>): Promise<void>;
  /** `read` now and after every write to one of `stores` (here or in another tab): see watchReads. */
  watch<T>(
    stores: readonly StoreName[],
    read: () => Promise<T>,
    show: (value: T) => void,
    failed: (error: unknown) => void,
  ): () => void;
  /** Closes it for good (what is under way finishes); a reload opens it anew. */
  close(): void;
}

export class DeviceDbClosed extends Error {
  override name = "DeviceDbClosed";
}

/** The phone's database (tests give fake-indexeddb's IndexedDB through its `auto` import). */
export function openDeviceDb(name = DEVICE_DB_NAME): DeviceDb {
  const changes: DeviceChanges = deviceChanges(name);
  let connection: Promise<IDBPDatabase<DeviceSchema>> | null = null;
  let closed = false;
  const forget = () => {
    void connection?.then(
      (db) => db.close(),
      () => undefined,
    );
    connection = null;
  };
  const connect = (): Promise<IDBPDatabase<DeviceSchema>> => {
    if (closed) return Promise.reject(new DeviceDbClosed(name));
    if (connection) return connection;
    const opening = openDB<DeviceSchema>(name, DEVICE_DB_VERSION, {
      upgrade: (db, _old, _new, tx) => upgradeLayout(db, tx),
      // A newer app in another tab needs a newer layout: let it have it (this one opens again on next use).
      blocking: forget,
      terminated: () => {
        if (connection === opening) connection = null;
      },
    });
    connection = opening;
    // A failed opening (storage refused) is tried again on next use.
    opening.catch(() => {
      if (connection === opening) connection = null;
    });
    return opening;
  };
  const db: DeviceDb = {
    name,
    async read(store, work) {
      const tx = (await connect()).transaction(store, "readonly");
      const [result] = await Promise.all([work(tx.store), tx.done]);
      return result;
    },
    async write(store, work) {
      // The outbox waits for the disk: a meeting she was told is saved survives a power cut.
      const durability = store === "outbox" ? "strict" : "default";
      const tx = (await connect()).transaction(store, "readwrite", { durability });
      const done = tx.done;
      try {
        const result = await work(tx.store);
        await done;
        changes.changed([store]);
        return result;
      } catch (error) {
        try {
          tx.abort();
        } catch {
          // Already over: failed (the error above says why) or, with nothing written, committed.
        }
        await done.catch(() => undefined);
        throw error;
      }
    },
    get: (store, key) => db.read(store, (s) => s.get(key)),
    put: (store, value) => db.write(store, async (s) => void (await s.put(value))),
    delete: (store, key) => db.write(store, (s) => s.delete(key)),
    watch: (stores, read, show, failed) => watchReads(changes, stores, read, show, failed),
    close() {
      closed = true;
      forget();
      changes.close();
    },
  };
  return db;
}
