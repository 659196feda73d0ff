// The audit log as its readers see it: who did what, when, through which channel, to which records.
// Readable by those holding audit.read over the whole tenant (tenant administrators and auditors).
import type { Actor } from "@qadam/core/auth/actor";
import { canOverWholeTenant } from "@qadam/core/auth/actor";
import { decodeCursor, type Page, toPage } from "@qadam/core/contract/pagination";
import { DomainError } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import { auditRows } from "../platform/audit.js";
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
  if (filter.userId && !isUuid(filter.userId)) return { items: [], nextCursor: null };
  // Newest first: the cursor is the last (oldest) id of the page.
  const rows = await auditRows(db, actor.tenantId, {
    command: filter.command,
    userId: filter.userId,
    before: after ?? undefined,
    limit: filter.limit + 1,
  });
  const page = toPage(rows, filter.limit);
  const logins = await loginsOf(
    db,
    actor.tenantId,
    page.items.flatMap((r) => (r.userId ? [r.userId] : [])),
  );
  return {
    items: page.items.map((r) => ({ ...r, userLogin: (r.userId && logins.get(r.userId)) ?? null })),
    nextCursor: page.nextCursor,
  };
}

/** The logins of the tenant's users by id (the audit rows name their users by id only). */
async function loginsOf(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["id", "login"])
    .where("tenantId", "=", tenantId)
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((u) => [u.id, u.login]));
}
