// 64-bit integers arrive as strings from pg and as numbers or bigints from SQLite: normalise here.
export function toBigInt(value: string | number | bigint | null | undefined): bigint {
  if (value === null || value === undefined) return 0n;
  return typeof value === "bigint" ? value : BigInt(value);
}

/** For counts that are known to fit a JavaScript number (rows, not money). */
export function toCount(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return Number(value);
}
