// The audit log as its readers see it: who did what, when, through which channel, to which records.
// Readable by those holding audit.read over the whole tenant (tenant administrators and auditors).
import type { Actor } from "@qadam/core/auth/actor";
import { canOverWholeTenant } from "@qadam/core/auth/actor";
import { decodeCursor, type Page, toPage } from "@qadam/core/contract/pagination";
import { DomainError } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import type { Db } from "../platform/db/database.js";

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  userLogin: string | null;
  command: string;
  records: Array<{ type: string; id: string }>;
  source: string;
}

/** The audit log of the whole tenant: for those who may read it over the tenant's root. */
export async function auditLog(
  db: Db,
  actor: Actor,
  filter: { command?: string; userId?: string; limit: number; cursor?: string },
): Promise<Page<AuditEntry>> {
  if (!canOverWholeTenant(actor, "audit.read")) throw new DomainError("FORBIDDEN");
  const after = decodeCursor(filter.cursor);
  let query = db
    .selectFrom("auditLog as a")
    .leftJoin("users as u", "u.id", "a.userId")
    .select(["a.id", "a.at", "a.userId", "u.login as userLogin", "a.command", "a.records", "a.source"])
    .where("a.tenantId", "=", actor.tenantId);
  if (filter.command) query = query.where("a.command", "=", filter.command);
  if (filter.userId) {
    if (!isUuid(filter.userId)) return { items: [], nextCursor: null };
    query = query.where("a.userId", "=", filter.userId);
  }
  // Newest first: the cursor is the last (oldest) id of the page.
  if (after) query = query.where("a.id", "<", after);
  const rows = await query
    .orderBy("a.id", "desc")
    .limit(filter.limit + 1)
    .execute();
  const page = toPage(rows, filter.limit);
  return {
    items: page.items.map((r) => ({ ...r, records: JSON.parse(r.records) as AuditEntry["records"] })),
    nextCursor: page.nextCursor,
  };
}
