// Sending the outbox in the background: at start, when the connection returns, when the app comes back
// to the screen, and every half minute while something waits. One send at a time per phone: within a
// page by a promise, across tabs by the Web Locks API where the browser has it (the server would
// record a meeting once anyway; this only saves the line from double traffic).
import type { DeviceDb } from "./device-db.js";
import { type OutboxDeps, sendWaiting, type Transport } from "./outbox.js";

export interface SyncOptions {
  deps: OutboxDeps;
  userId: string;
  transport: Transport;
  /** Called after every round, so that the screens can show what waits, went or was refused. */
  onRound?: (recorded: number) => void;
  everyMs?: number;
}

const LOCK = "qadam-outbox";

async function underLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? (locks.request(LOCK, run) as Promise<T>) : run();
}

export function startSync({ deps, userId, transport, onRound, everyMs = 30_000 }: SyncOptions): {
  now(): Promise<number>;
  stop(): void;
} {
  let running: Promise<number> | null = null;
  let stopped = false;
  const round = (): Promise<number> => {
    if (stopped) return Promise.resolve(0);
    running ??= underLock(() => sendWaiting(deps, userId, transport))
      .then((recorded) => {
        onRound?.(recorded);
        return recorded;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const kick = () => void round().catch(() => {});
  const visible = () => {
    if (document.visibilityState === "visible") kick();
  };
  window.addEventListener("online", kick);
  document.addEventListener("visibilitychange", visible);
  const timer = setInterval(kick, everyMs);
  kick();
  return {
    now: round,
    stop() {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener("online", kick);
      document.removeEventListener("visibilitychange", visible);
    },
  };
}

/** Asks the browser to keep the phone's data even when storage runs low (true when it agreed). */
export async function keepStoragePersistent(): Promise<boolean> {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

/** Keeps the latest answers about a group on the phone, for the meeting flow with no connection. */
export async function keepGroup(
  db: DeviceDb,
  snapshot: { groupId: string; userId: string; fetchedAt: string; data: Record<string, unknown> },
): Promise<void> {
  await db.put("groups", snapshot);
}

/** The group as last kept on this phone for this user, or null (never opened here online). */
export async function keptGroup(db: DeviceDb, groupId: string, userId: string) {
  const kept = await db.get("groups", groupId);
  return kept && kept.userId === userId ? kept : null;
}
