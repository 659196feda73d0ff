// The phone's offline work while someone is logged in: the outbox's sender, and the kits of her groups
// kept on the phone (read in the background, once the first screen is drawn, when there is a connection),
// so that the meeting flow opens for any of them with no connection.
import type { Role } from "@qadam/core/auth/roles";
import { api } from "../../api/client.js";
import { keepKits, startSender, stopSender } from "../../offline/runtime.js";

/** The most groups whose kits are kept (a bookkeeper keeps the books of one to a few groups). */
const MOST_GROUPS = 30;
const AGAIN_AFTER_MS = 5 * 60_000;

export function startOffline(userId: string, roles: ReadonlySet<Role>): () => void {
  startSender(userId);
  let stopped = false;
  let keptAt = 0;
  const keep = async () => {
    // A connection that comes and goes: the kits are read again at most every few minutes.
    if (
      stopped ||
      !navigator.onLine ||
      !roles.has("group_bookkeeper") ||
      Date.now() - keptAt < AGAIN_AFTER_MS
    )
      return;
    keptAt = Date.now();
    const page = (await api("GET", "/api/v1/orgs", { query: { kind: "shg", limit: MOST_GROUPS } })) as {
      items?: Array<{ id: string }>;
    };
    const ids = (page.items ?? []).map((g) => g.id).slice(0, MOST_GROUPS);
    if (!stopped) await keepKits(ids, userId);
  };
  const keepSoon = () =>
    void keep().catch(() => {
      keptAt = 0;
    });
  // After the first screen: its own requests go first on a slow line. Again when the connection returns.
  const later = setTimeout(keepSoon, 1500);
  window.addEventListener("online", keepSoon);
  return () => {
    stopped = true;
    clearTimeout(later);
    window.removeEventListener("online", keepSoon);
    stopSender();
  };
}
