// The audit log: one row per command (who, when, through which channel, which records), written in the
// command's own transaction, never changed. The platform owns its table; domains read it through here.
import type { Db } from "./db/database.js";
import { prepared, type Row } from "./db/prepared.js";
import type { AuditLogTable, Instant } from "./db/schema.js";

export interface AuditRecord {
  type: string;
  id: string;
}

export interface AuditRow {
  id: string;
  tenantId: string;
  userId: string | null;
  at: Instant;
  command: string;
  records: AuditRecord[];
  idempotencyKey: string | null;
  source: "api" | "cli" | "demo";
}

const INSERT = prepared((db, a: { row: Row<AuditLogTable> }) => db.insertInto("auditLog").values(a.row));

/** Writes one audit row (in the caller's transaction, beside what the command wrote). */
export async function writeAudit(db: Db, row: AuditRow): Promise<void> {
  await INSERT.execute(db, { row: { ...row, records: JSON.stringify(row.records) } });
}

/** A page of a tenant's audit log, newest first: rows older than the `before` id, at most `limit`. */
export async function auditRows(
  db: Db,
  tenantId: string,
  filter: { command?: string; userId?: string; before?: string; limit: number },
): Promise<Array<Omit<AuditRow, "tenantId" | "idempotencyKey" | "source"> & { source: string }>> {
  let query = db
    .selectFrom("auditLog")
    .select(["id", "at", "userId", "command", "records", "source"])
    .where("tenantId", "=", tenantId);
  if (filter.command) query = query.where("command", "=", filter.command);
  if (filter.userId) query = query.where("userId", "=", filter.userId);
  if (filter.before) query = query.where("id", "<", filter.before);
  const rows = await query.orderBy("id", "desc").limit(filter.limit).execute();
  return rows.map((r) => ({ ...r, records: JSON.parse(r.records) as AuditRecord[] }));
}

/** Whether a user ever ran `command` (her audit rows tell). */
export async function everRan(db: Db, tenantId: string, userId: string, command: string): Promise<boolean> {
  const row = await db
    .selectFrom("auditLog")
    .select("id")
    .where("tenantId", "=", tenantId)
    .where("userId", "=", userId)
    .where("command", "=", command)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
