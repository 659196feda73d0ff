// Schema pieces every route module shares, so that a date or a record id means the same everywhere.
import { z } from "zod";

export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");

/** Record ids are matched, not validated: a malformed id is simply not found (404). */
export const recordId = z.string().max(100);
