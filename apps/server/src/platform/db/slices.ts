// Rows written or ids read in slices small enough for any database's parameter limit (SQLite's 32,766,
// PostgreSQL's 65,535 bound values per statement).

/** `items` in consecutive slices of at most `size`. */
export function* slicesOf<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
