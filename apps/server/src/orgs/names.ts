// Organisations named across a tenant, for the domains that show them beside their own records (a
// loan's borrowing group, the group of a borrower): names by id, and the self-help groups matching a name.
import { containsPattern } from "@qadam/core/text";
import { sql } from "kysely";
import type { Db } from "../platform/db/database.js";

/** The names of the tenant's organisations by id; ids of nothing are left out. */
export async function organisationNames(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const labels = await organisationLabels(db, tenantId, ids);
  return new Map([...labels].map(([id, l]) => [id, l.name]));
}

/** The names and paths (positions in the tree) of the tenant's organisations by id; ids of nothing are left out. */
export async function organisationLabels(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, { name: string; path: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("organisations")
    .select(["id", "name", "path"])
    .where("tenantId", "=", tenantId)
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, path: r.path }]));
}

/** The paths (positions in the tree) of the tenant's organisations by id; ids of nothing are left out. */
export async function organisationPaths(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const labels = await organisationLabels(db, tenantId, ids);
  return new Map([...labels].map(([id, l]) => [id, l.path]));
}

/** The tenant's active self-help groups whose name contains `q` (case-insensitive), in id order. */
export async function groupsNamed(
  db: Db,
  tenantId: string,
  q: string,
  limit: number,
): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("tenantId", "=", tenantId)
    .where("kind", "=", "shg")
    .where("status", "=", "active")
    .where(sql<boolean>`name_folded like ${containsPattern(q)} escape '\\'`)
    .orderBy("id")
    .limit(limit)
    .execute();
}
