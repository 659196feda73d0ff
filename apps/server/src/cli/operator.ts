// The operator at the command line acts as the administrator of one tenant, named by slug or id.
import type { Actor } from "@qadam/core/auth/actor";
import { tenantNamed, tenantOfOrganisation } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";
import { CliError } from "./io.js";

export async function operatorOf(db: Db, tenant: string): Promise<Actor> {
  const row = await tenantNamed(db, tenant);
  if (!row) throw new CliError(`no tenant "${tenant}" (see: qadam tenant list)`);
  return {
    tenantId: row.id,
    userId: null,
    locale: "en",
    grants: [{ orgId: row.rootId, orgPath: row.rootPath, role: "tenant_admin" }],
    via: "cli",
  };
}

/** The tenant an organisation belongs to, for commands that take only an organisation id. */
export async function tenantOfOrg(db: Db, orgId: string): Promise<string> {
  const tenantId = await tenantOfOrganisation(db, orgId);
  if (tenantId === null) throw new CliError(`no organisation ${orgId} (see: qadam org list)`);
  return tenantId;
}
