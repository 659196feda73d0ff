// A list read page by page from the API: its heading and count, its rows, "show more" while there are more.
import type { Page } from "@qadam/core/contract/pagination";
import { type ReactNode, useCallback, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "./error-notice.js";

interface PagedListProps<T> {
  title: string;
  /** The count shown under the title, worded with the right plural. */
  count: (n: number) => string;
  empty: string;
  load: (cursor: string | undefined) => Promise<Page<T>>;
  render: (item: T) => ReactNode;
  keyOf: (item: T) => string;
}

export function PagedList<T>({ title, count, empty, load, render, keyOf }: PagedListProps<T>) {
  const { t } = useTranslation();
  const id = useId();
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const [error, setError] = useState<unknown>(null);

  const more = useCallback(
    async (cursor: string | undefined) => {
      setState("loading");
      try {
        const page = await load(cursor);
        setItems((before) => (cursor ? [...before, ...page.items] : page.items));
        setNext(page.nextCursor);
        setState("ready");
      } catch (e) {
        setError(e);
        setState("failed");
      }
    },
    [load],
  );

  useEffect(() => {
    void more(undefined);
  }, [more]);

  return (
    <section className="card" aria-labelledby={id} aria-busy={state === "loading"}>
      <h3 id={id}>{title}</h3>
      {state === "ready" && <p className="count">{items.length === 0 ? empty : count(items.length)}</p>}
      {items.length > 0 && (
        <ul className="rows">
          {items.map((item) => (
            <li key={keyOf(item)}>{render(item)}</li>
          ))}
        </ul>
      )}
      {state === "loading" && (
        <p className="muted">{items.length > 0 ? t("lists.loadingMore") : t("app.loading")}</p>
      )}
      {state === "failed" && <ErrorNotice error={error} onRetry={() => void more(next ?? undefined)} />}
      {state === "ready" && next && (
        <button type="button" className="button-secondary" onClick={() => void more(next)}>
          {t("lists.more")}
        </button>
      )}
    </section>
  );
}
