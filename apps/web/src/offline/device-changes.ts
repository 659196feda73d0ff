// Word that the phone's database changed, so that the screens showing its outbox or its kept kits read
// them again: after each committed write, to this page's listeners at once and to the other tabs'
// through a BroadcastChannel named after the database (a channel does not hear its own messages).

/** Tells who listens which stores a committed write changed, and lets a reader follow them. */
export interface DeviceChanges {
  /** After a commit: every listener, in this page and in the other tabs, hears these stores changed. */
  changed(stores: readonly string[]): void;
  /** `listener` hears the stores every later write changes, here or in another tab; returns the stop. */
  listen(listener: (stores: readonly string[]) => void): () => void;
  close(): void;
}

export function deviceChanges(channelName: string): DeviceChanges {
  const listeners = new Set<(stores: readonly string[]) => void>();
  let channel: BroadcastChannel | null = null;
  let closed = false;
  const tell = (stores: readonly string[]) => {
    for (const listener of [...listeners]) listener(stores);
  };
  // Opened on first use (no channel where the browser has none: this page still hears itself).
  const tabs = (): BroadcastChannel | null => {
    if (channel || closed || typeof BroadcastChannel === "undefined") return channel;
    channel = new BroadcastChannel(channelName);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (Array.isArray(event.data)) tell(event.data.filter((s): s is string => typeof s === "string"));
    };
    return channel;
  };
  return {
    changed(stores) {
      if (closed) return;
      tell(stores);
      tabs()?.postMessage([...stores]);
    },
    listen(listener) {
      listeners.add(listener);
      tabs();
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      closed = true;
      listeners.clear();
      channel?.close();
      channel = null;
    },
  };
}

/**
 * Reads now, and again after every change to one of `stores` (here or in another tab), giving `show`
 * each answer (or `failed` its error); an answer overtaken by a later read is dropped. Returns the stop.
 */
export function watchReads<T>(
  changes: DeviceChanges,
  stores: readonly string[],
  read: () => Promise<T>,
  show: (value: T) => void,
  failed: (error: unknown) => void,
): () => void {
  let latest = 0;
  let live = true;
  const refresh = () => {
    const mine = ++latest;
    read().then(
      (value) => {
        if (live && mine === latest) show(value);
      },
      (error: unknown) => {
        if (live && mine === latest) failed(error);
      },
    );
  };
  const stop = changes.listen((changed) => {
    if (changed.some((s) => stores.includes(s))) refresh();
  });
  refresh();
  return () => {
    live = false;
    stop();
  };
}
