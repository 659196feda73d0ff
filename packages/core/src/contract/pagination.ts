// Cursor pagination: lists are ordered by id (UUIDv7, so by creation); the cursor is the last id seen.
import { z } from "zod";
import { DomainError } from "../errors.js";
import { isUuid } from "../ids.js";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(200).optional(),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

// The cursor's JSON is ASCII (a UUID), so btoa and atob, which the browser and Node both have, suffice.
export function encodeCursor(lastId: string): string {
  return btoa(JSON.stringify({ after: lastId }))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

function base64urlDecode(text: string): string {
  return atob(text.replaceAll("-", "+").replaceAll("_", "/"));
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined || cursor === "") return null;
  try {
    const parsed: unknown = JSON.parse(base64urlDecode(cursor));
    if (typeof parsed === "object" && parsed !== null && "after" in parsed) {
      const after = (parsed as { after: unknown }).after;
      if (typeof after === "string" && isUuid(after)) return after;
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError("INVALID_CURSOR");
}

/** Given limit+1 rows fetched in id order, the page and the cursor of the next one. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
