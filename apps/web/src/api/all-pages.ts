// Every page of a list, read one after the other (at the API's largest page), for screens that search
// and sort thousands of rows in the browser. Shows the rows read so far while the rest arrive.
import type { Page } from "@qadam/core/contract/pagination";
import { MAX_PAGE_SIZE } from "@qadam/core/contract/pagination";
import { useEffect, useState } from "react";

export interface AllPages<T> {
  items: T[];
  state: "loading" | "ready" | "failed";
  error: unknown;
  reload(): void;
}

export function useAllPages<T>(
  load: (query: { cursor: string | undefined; limit: number }) => Promise<Page<T>>,
): AllPages<T> {
  const [items, setItems] = useState<T[]>([]);
  const [state, setState] = useState<AllPages<T>["state"]>("loading");
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void round;
    void (async () => {
      setState("loading");
      setItems([]);
      let cursor: string | undefined;
      const all: T[] = [];
      try {
        do {
          const page = await load({ cursor, limit: MAX_PAGE_SIZE });
          if (cancelled) return;
          all.push(...page.items);
          setItems([...all]);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        setState("ready");
      } catch (e) {
        if (cancelled) return;
        setError(e);
        setState("failed");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [load, round]);

  return { items, state, error, reload: () => setRound((r) => r + 1) };
}
