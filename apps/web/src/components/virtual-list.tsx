// A long list that stays smooth with thousands of rows: only the rows on screen are drawn (TanStack
// Virtual, scrolled with the page), with a search box, a choice of order and the count of what is shown.
// Screen readers hear each row's place in the whole list (aria-setsize, aria-posinset).
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

export interface SortChoice<T> {
  /** Stable name of the order, kept in the select's value. */
  id: string;
  label: string;
  compare: (a: T, b: T) => number;
}

interface VirtualListProps<T> {
  /** The list's accessible name (usually its heading's text). */
  label: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  /** The text a search matches against (name, phone, village…); no search box when absent. */
  searchText?: (item: T) => string;
  sorts?: readonly SortChoice<T>[];
  /** The count shown above the rows, worded with the right plural. */
  count: (shown: number, total: number) => string;
  empty: string;
  /** A first guess at a row's height in pixels; rows are measured as they are drawn. */
  estimateRowHeight?: number;
}

const fold = (text: string) => text.toLocaleLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");

export function VirtualList<T>({
  label,
  items,
  keyOf,
  render,
  searchText,
  sorts = [],
  count,
  empty,
  estimateRowHeight = 72,
}: VirtualListProps<T>) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState("");
  const [sortId, setSortId] = useState(sorts[0]?.id ?? "");
  const deferredQuery = useDeferredValue(query);

  const shown = useMemo(() => {
    const words = fold(deferredQuery).split(/\s+/).filter(Boolean);
    const matching =
      words.length === 0 || !searchText
        ? [...items]
        : items.filter((item) => {
            const text = fold(searchText(item));
            return words.every((w) => text.includes(w));
          });
    const sort = sorts.find((s) => s.id === sortId);
    return sort ? matching.sort(sort.compare) : matching;
  }, [items, deferredQuery, searchText, sorts, sortId]);

  const listRef = useRef<HTMLUListElement>(null);
  const [offset, setOffset] = useState(0);
  const virtualizer = useWindowVirtualizer({
    count: shown.length,
    estimateSize: () => estimateRowHeight,
    overscan: 8,
    scrollMargin: offset,
  });
  // Where the list starts on the page moves when something above it opens, closes or reflows: measure
  // it after every render and whenever the page changes size; when the width changes, rows reflow too.
  useLayoutEffect(() => {
    const top = (listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
    if (Math.abs(top - offset) > 0.5) setOffset(top);
  });
  useLayoutEffect(() => {
    let width = window.innerWidth;
    const observer = new ResizeObserver(() => {
      const top = (listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setOffset((before) => (Math.abs(top - before) > 0.5 ? top : before));
      if (window.innerWidth !== width) {
        width = window.innerWidth;
        virtualizer.measure();
      }
    });
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [virtualizer]);
  const rows = virtualizer.getVirtualItems();

  return (
    <div className="virtual-list">
      {(searchText || sorts.length > 1) && (
        <div className="list-tools">
          {searchText && (
            <div className="field field-inline">
              <label htmlFor={`${id}-search`}>{t("lists.search")}</label>
              <input
                id={`${id}-search`}
                type="search"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                autoComplete="off"
              />
            </div>
          )}
          {sorts.length > 1 && (
            <div className="field field-inline">
              <label htmlFor={`${id}-sort`}>{t("lists.sortBy")}</label>
              <select id={`${id}-sort`} value={sortId} onChange={(e) => setSortId(e.target.value)}>
                {sorts.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      )}
      <p className="count" aria-live="polite">
        {shown.length === 0 ? empty : count(shown.length, items.length)}
      </p>
      <ul
        ref={listRef}
        className="rows virtual-rows"
        aria-label={label}
        style={{ height: `${virtualizer.getTotalSize()}px` }}
      >
        {rows.map((row) => {
          const item = shown[row.index] as T;
          return (
            <li
              key={keyOf(item)}
              data-index={row.index}
              ref={virtualizer.measureElement}
              aria-setsize={shown.length}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
            >
              {render(item)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
