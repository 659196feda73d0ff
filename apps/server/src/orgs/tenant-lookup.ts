// Tenants as the operator and a tenant's own users see them: the list, one by id or slug with its root.
import { isUuid } from "@qadam/core/ids";
import type { Db } from "../platform/db/database.js";

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  country: string;
  defaultLocale: string;
}

/** A tenant with its root organisation (where a tenant-wide grant is held). */
export interface TenantWithRoot extends Tenant {
  rootId: string;
  rootPath: string;
}

const TENANT_COLUMNS = ["t.id", "t.slug", "t.name", "t.country", "t.defaultLocale"] as const;

/** Every tenant, by slug. */
export async function listTenants(db: Db): Promise<Tenant[]> {
  return db.selectFrom("tenants as t").select(TENANT_COLUMNS).orderBy("t.slug").execute();
}

/** The tenant of this id, if any. */
export async function tenantById(db: Db, id: string): Promise<Tenant | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("tenants as t").select(TENANT_COLUMNS).where("t.id", "=", id).executeTakeFirst();
}

/** The tenant named by its id or its slug, with its root organisation; undefined when there is none. */
export async function tenantNamed(db: Db, idOrSlug: string): Promise<TenantWithRoot | undefined> {
  return db
    .selectFrom("tenants as t")
    .innerJoin("organisations as o", (j) => j.onRef("o.tenantId", "=", "t.id").on("o.parentId", "is", null))
    .select([...TENANT_COLUMNS, "o.id as rootId", "o.path as rootPath"])
    .where(isUuid(idOrSlug) ? "t.id" : "t.slug", "=", idOrSlug)
    .executeTakeFirst();
}
