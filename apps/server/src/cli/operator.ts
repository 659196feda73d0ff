// The operator at the command line acts as the administrator of one tenant, named by slug or id.
import type { Actor } from "@qadam/core/auth/actor";
import { isUuid } from "@qadam/core/ids";
import { tenantOfOrganisation } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";
import { CliError } from "./io.js";

export async function operatorOf(db: Db, tenant: string): Promise<Actor> {
  const row = await db
    .selectFrom("tenants as t")
    .innerJoin("organisations as o", (j) => j.onRef("o.tenantId", "=", "t.id").on("o.parentId", "is", null))
    .select(["t.id", "o.id as rootId", "o.path"])
    .where(isUuid(tenant) ? "t.id" : "t.slug", "=", tenant)
    .executeTakeFirst();
  if (!row) throw new CliError(`no tenant "${tenant}" (see: qadam tenant list)`);
  return {
    tenantId: row.id,
    userId: null,
    locale: "en",
    grants: [{ orgId: row.rootId, orgPath: row.path, role: "tenant_admin" }],
    via: "cli",
  };
}

/** The tenant an organisation belongs to, for commands that take only an organisation id. */
export async function tenantOfOrg(db: Db, orgId: string): Promise<string> {
  const tenantId = await tenantOfOrganisation(db, orgId);
  if (tenantId === null) throw new CliError(`no organisation ${orgId} (see: qadam org list)`);
  return tenantId;
}
