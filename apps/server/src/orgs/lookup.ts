// Finding an organisation as a given actor sees it: other tenants' and unseen organisations are
// simply absent (404). Every domain that takes an organisation id goes through here.
import type { Actor } from "@qadam/core/auth/actor";
import { assertCanSee, pathRangeEnd } from "@qadam/core/auth/actor";
import { DomainError } from "@qadam/core/errors";
import type { Entity } from "@qadam/core/i18n";
import { isUuid } from "@qadam/core/ids";
import { isOrgKind, type Organisation, type OrgKind, type OrgStatus } from "@qadam/core/orgs/types";
import { expressionBuilder, sql } from "kysely";
import type { Db } from "../platform/db/database.js";
import { prepared } from "../platform/db/prepared.js";
import type { Database, OrganisationRow } from "../platform/db/schema.js";

export function toOrganisation(row: OrganisationRow): Organisation {
  if (!isOrgKind(row.kind)) throw new Error(`unknown organisation kind ${row.kind}`);
  return {
    id: row.id,
    tenantId: row.tenantId,
    parentId: row.parentId,
    kind: row.kind,
    name: row.name,
    path: row.path,
    depth: row.depth,
    place: {
      region: row.region,
      district: row.district,
      village: row.village,
      territoryCode: row.territoryCode,
    },
    currency: row.currency,
    timeZone: row.timeZone,
    openedOn: row.openedOn,
    status: row.status as OrgStatus,
    statusChangedOn: row.statusChangedOn,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const ORGANISATION = prepared((db, a: { tenantId: string; id: string }) =>
  db.selectFrom("organisations").selectAll().where("tenantId", "=", a.tenantId).where("id", "=", a.id),
);

/**
 * The organisation, in the actor's tenant and visible to the actor; NOT_FOUND otherwise, naming `entity`
 * (a record reached through its organisation, such as a loan, is "not found" as itself).
 */
export async function findOrganisation(
  db: Db,
  actor: Actor,
  id: string,
  entity: Entity = "organisation",
): Promise<Organisation> {
  if (!isUuid(id)) throw new DomainError("NOT_FOUND", { entity });
  const row = await ORGANISATION.first(db, { tenantId: actor.tenantId, id });
  if (!row) throw new DomainError("NOT_FOUND", { entity });
  assertCanSee(actor, row.path, entity);
  return toOrganisation(row);
}

const ORGANISATION_WITH_LANGUAGE = prepared((db, a: { tenantId: string; id: string }) =>
  db
    .selectFrom("organisations as o")
    .selectAll("o")
    .select((eb) =>
      eb
        .selectFrom("tenants as t")
        .select("t.defaultLocale")
        .whereRef("t.id", "=", "o.tenantId")
        .$asScalar()
        .as("tenantLocale"),
    )
    .where("o.tenantId", "=", a.tenantId)
    .where("o.id", "=", a.id),
);

/**
 * The organisation in the tenant, whoever looks, with its tenant's language, in one query (a loan's
 * command needs both: the organisation to check who may see it, the language for its entries);
 * NOT_FOUND, naming `entity`, when the tenant has none of that id.
 */
export async function tenantOrganisationWithLanguage(
  db: Db,
  tenantId: string,
  id: string,
  entity: Entity = "organisation",
): Promise<{ org: Organisation; tenantLocale: string }> {
  if (!isUuid(id)) throw new DomainError("NOT_FOUND", { entity });
  const row = await ORGANISATION_WITH_LANGUAGE.first(db, { tenantId, id });
  if (!row) throw new DomainError("NOT_FOUND", { entity });
  const { tenantLocale, ...org } = row;
  return { org: toOrganisation(org), tenantLocale: tenantLocale ?? "kk" };
}

/**
 * The organisation in the tenant, whoever looks (a lender's officers lend across the tenant, beyond their
 * own grants); NOT_FOUND, naming `entity`, when the tenant has none of that id.
 */
export async function tenantOrganisation(
  db: Db,
  tenantId: string,
  id: string,
  entity: Entity = "organisation",
): Promise<Organisation> {
  if (!isUuid(id)) throw new DomainError("NOT_FOUND", { entity });
  const row = await ORGANISATION.first(db, { tenantId, id });
  if (!row) throw new DomainError("NOT_FOUND", { entity });
  return toOrganisation(row);
}

/** The organisation's ancestors of the given kinds, nearest first (whoever looks: the caller found it). */
export async function ancestorsOf(
  db: Db,
  org: Pick<Organisation, "tenantId" | "path">,
  kinds: readonly OrgKind[],
): Promise<Organisation[]> {
  const ancestors = org.path.split("/").filter(Boolean).slice(0, -1).reverse();
  if (ancestors.length === 0 || kinds.length === 0) return [];
  const rows = await db
    .selectFrom("organisations")
    .selectAll()
    .where("tenantId", "=", org.tenantId)
    .where("id", "in", ancestors)
    .where("kind", "in", [...kinds])
    .execute();
  return ancestors.flatMap((id) => {
    const row = rows.find((r) => r.id === id);
    return row ? [toOrganisation(row)] : [];
  });
}

/**
 * The ids of the organisation's subtree (itself included), as a subquery: another domain filters its own
 * rows by it (`where orgId in …`) in one statement, without reading the organisations table itself.
 */
export function orgIdsWithin(db: Db, org: Pick<Organisation, "tenantId" | "path">) {
  return db
    .selectFrom("organisations")
    .select("id")
    .where("tenantId", "=", org.tenantId)
    .where("path", ">=", org.path)
    .where("path", "<", pathRangeEnd(org.path));
}

/** The ids of every self-help group in the organisation's subtree (itself included), as a subquery. */
export function shgIdsUnder(db: Db, org: Pick<Organisation, "tenantId" | "path">) {
  return orgIdsWithin(db, org).where("kind", "=", "shg");
}

/**
 * The ids of the tenant's organisations under any of `paths` (themselves included), as a subquery that
 * needs no connection: it can stand in a condition or a raw sql`…` fragment of another domain's query.
 */
export function orgIdsUnderAny(tenantId: string, paths: readonly string[]) {
  return expressionBuilder<Database, never>()
    .selectFrom("organisations")
    .select("id")
    .where("tenantId", "=", tenantId)
    .where((eb) =>
      paths.length === 0
        ? sql<boolean>`1 = 0`
        : eb.or(paths.map((p) => eb.and([eb("path", ">=", p), eb("path", "<", pathRangeEnd(p))]))),
    );
}

/** The organisation's whole subtree (itself included) and its ancestors (whoever looks: the caller found it). */
export async function organisationsAround(
  db: Db,
  org: Pick<Organisation, "id" | "tenantId" | "path">,
): Promise<{ below: Organisation[]; above: Organisation[] }> {
  const ancestors = org.path.split("/").filter((id) => id !== "" && id !== org.id);
  const [below, above] = await Promise.all([
    db
      .selectFrom("organisations")
      .selectAll()
      .where("tenantId", "=", org.tenantId)
      .where("path", ">=", org.path)
      .where("path", "<", pathRangeEnd(org.path))
      .execute(),
    ancestors.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom("organisations")
          .selectAll()
          .where("tenantId", "=", org.tenantId)
          .where("id", "in", ancestors)
          .execute(),
  ]);
  return { below: below.map(toOrganisation), above: above.map(toOrganisation) };
}

/** The ids of the organisation's whole subtree, itself included (whoever looks: the caller found it). */
export async function organisationIdsUnder(
  db: Db,
  org: Pick<Organisation, "tenantId" | "path">,
): Promise<string[]> {
  const rows = await orgIdsWithin(db, org).execute();
  return rows.map((r) => r.id);
}

/** The tenant an organisation belongs to, whoever asks (the operator's command line); null when none. */
export async function tenantOfOrganisation(db: Db, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const row = await db.selectFrom("organisations").select("tenantId").where("id", "=", id).executeTakeFirst();
  return row?.tenantId ?? null;
}

/** Every organisation of every tenant (or of the tenant named by slug or name), for the operator. */
export async function everyOrganisation(
  db: Db,
  filter: { tenant?: string; kind?: string } = {},
): Promise<Array<Organisation & { tenant: string }>> {
  let query = db
    .selectFrom("organisations as o")
    .innerJoin("tenants as t", "t.id", "o.tenantId")
    .selectAll("o")
    .select("t.slug as tenant")
    .orderBy("t.slug")
    .orderBy("o.path");
  if (filter.tenant !== undefined) {
    const tenant = filter.tenant;
    query = query.where((eb) => eb.or([eb("t.slug", "=", tenant), eb("t.name", "=", tenant)]));
  }
  if (filter.kind !== undefined) query = query.where("o.kind", "=", filter.kind);
  const rows = await query.execute();
  return rows.map((r) => ({ ...toOrganisation(r), tenant: r.tenant }));
}
