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
    ...(filter.command ? { command: filter.command } : {}),
    ...(filter.userId ? { userId: filter.userId } : {}),
    ...(after ? { before: after } : {}),
    limit: filter.limit + 1,
  });
  const page = toPage(rows, filter.limit);
  const userIds = [...new Set(page.items.flatMap((r) => (r.userId ? [r.userId] : [])))];
  const logins = new Map(
    userIds.length === 0
      ? []
      : (
          await db
            .selectFrom("users")
            .select(["id", "login"])
            .where("tenantId", "=", actor.tenantId)
            .where("id", "in", userIds)
            .execute()
        ).map((u) => [u.id, u.login]),
  );
  return {
    items: page.items.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.userId,
      userLogin: (r.userId && logins.get(r.userId)) ?? null,
      command: r.command,
      records: r.records,
      source: r.source,
    })),
    nextCursor: page.nextCursor,
  };
}
