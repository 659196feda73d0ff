// The phone's offline side as the screens use it: one device database, the meeting kit of each group
// (read from the server when it answers, kept on the phone, read back from it when it does not), the
// outbox's rows as they change, and one background sender per logged-in user.

import type { MeetingInputJson } from "@qadam/core/groups/meeting-input";
import { type MeetingKit, meetingKitSchema } from "@qadam/core/groups/meeting-kit";
import { systemIds } from "@qadam/core/ids";
import { useEffect, useState } from "react";
import { api, NetworkError } from "../api/client.js";
import { currentLocale } from "../i18n/i18n.js";
import { type DeviceDb, type OutboxMeeting, openDeviceDb } from "./device-db.js";
import { httpTransport } from "./http-transport.js";
import { type OutboxDeps, outboxOf, saveMeeting } from "./outbox.js";
import { keepGroup, keepStoragePersistent, keptGroup, startSync } from "./sync.js";

let db: DeviceDb | null = null;

/** The phone's database, opened on first use. */
export function deviceDb(): DeviceDb {
  db ??= openDeviceDb();
  return db;
}

export function outboxDeps(): OutboxDeps {
  return { db: deviceDb(), now: () => new Date().toISOString(), newKey: () => systemIds.next() };
}

/** A group's kit and where it came from: the server just now, or the phone (kept at `fetchedAt`). */
export interface KitOnPhone {
  kit: MeetingKit;
  fetchedAt: string;
  fromDevice: boolean;
}

/** No connection, and this group was never opened on this phone while online. */
export class KitNotOnDevice extends Error {
  override name = "KitNotOnDevice";
}

/** How long the phone waits for the server's kit before opening the one it keeps (a slow line). */
const KIT_PATIENCE_MS = 1200;

async function keptKit(groupId: string, userId: string): Promise<KitOnPhone | null> {
  const kept = await keptGroup(deviceDb(), groupId, userId);
  const parsed = kept ? meetingKitSchema.safeParse(kept.data.kit) : null;
  return kept && parsed?.success ? { kit: parsed.data, fetchedAt: kept.fetchedAt, fromDevice: true } : null;
}

async function fetchKit(groupId: string, userId: string): Promise<KitOnPhone> {
  const kit = await api("GET", `/api/v1/groups/${groupId}/meeting-kit`, { schema: meetingKitSchema });
  await keepGroup(deviceDb(), { groupId, userId, fetchedAt: kit.fetchedAt, data: { kit } });
  return { kit, fetchedAt: kit.fetchedAt, fromDevice: false };
}

/**
 * The group's kit: the server's, kept on the phone as it comes. With no connection, or when the server
 * has not answered within KIT_PATIENCE_MS and the phone keeps a copy, the phone's copy (the server's
 * answer, when it comes, is kept for next time). KitNotOnDevice when there is neither.
 */
export async function loadKit(groupId: string, userId: string): Promise<KitOnPhone> {
  const fresh = fetchKit(groupId, userId);
  const kept = keptKit(groupId, userId);
  const patience = new Promise<"late">((done) => setTimeout(() => done("late"), KIT_PATIENCE_MS));
  const first = await Promise.race([
    fresh.then(
      (k) => k,
      () => "failed" as const,
    ),
    patience,
  ]);
  if (first !== "late" && first !== "failed") return first;
  if (first === "late") {
    const copy = await kept;
    if (copy) {
      fresh.catch(() => undefined);
      return copy;
    }
  }
  try {
    return await fresh;
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const copy = await kept;
    if (!copy) throw new KitNotOnDevice(groupId);
    return copy;
  }
}

/** Keeps every one of these groups' kits on the phone (when online; failures are left for next time). */
export async function keepKits(groupIds: readonly string[], userId: string): Promise<void> {
  for (const id of groupIds) await loadKit(id, userId).catch(() => undefined);
}

/** Saves a meeting on the phone and asks the sender to send it now. */
export async function queueMeeting(
  groupId: string,
  userId: string,
  body: MeetingInputJson & { id: string },
): Promise<OutboxMeeting> {
  const row = await saveMeeting(outboxDeps(), { groupId, userId, body });
  void sender?.now().catch(() => undefined);
  return row;
}

let sender: { now(): Promise<number>; stop(): void; userId: string } | null = null;

/** Starts sending the user's waiting meetings in the background (once per user; stops another's). */
export function startSender(userId: string): void {
  if (sender?.userId === userId) return;
  sender?.stop();
  const sync = startSync({ deps: outboxDeps(), userId, transport: httpTransport(currentLocale) });
  sender = { ...sync, userId };
  void keepStoragePersistent();
}

export function stopSender(): void {
  sender?.stop();
  sender = null;
}

/** Sends what waits now (the "send now" button); resolves with how many the server recorded. */
export function sendNow(): Promise<number> {
  return sender?.now() ?? Promise.resolve(0);
}

/** The user's meetings on this phone, newest first, kept current as they are saved, sent or refused. */
export function useOutbox(userId: string): OutboxMeeting[] | undefined {
  const [rows, setRows] = useState<OutboxMeeting[] | undefined>(undefined);
  useEffect(() => {
    const db = deviceDb();
    return db.watch(
      ["outbox"],
      () => outboxOf(db, userId),
      setRows,
      () => setRows([]),
    );
  }, [userId]);
  return rows;
}
