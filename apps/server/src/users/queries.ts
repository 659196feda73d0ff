// Reading users as an actor sees them: a user is visible to herself and to someone who may read users
// over one of the organisations she holds a role on (tenant-wide administrators see every user of the
// tenant). Of her roles, only those on organisations the actor can see are shown.

import type { Actor } from "@qadam/core/auth/actor";
import { canOverWholeTenant, canSee, permittedRoots } from "@qadam/core/auth/actor";
import { isRole, type Role } from "@qadam/core/auth/roles";
import { decodeCursor, type Page, toPage } from "@qadam/core/contract/pagination";
import { DomainError } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import { sql } from "kysely";
import { organisationLabels, orgIdsUnderAny } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";

export interface UserGrant {
  id: string;
  orgId: string;
  orgName: string;
  role: Role;
  grantedAt: string;
}

export interface User {
  id: string;
  login: string;
  displayName: string;
  locale: string;
  status: "active" | "disabled";
  createdAt: string;
  grants: UserGrant[];
}

async function grantsOf(db: Db, actor: Actor, userIds: string[]): Promise<Map<string, UserGrant[]>> {
  const byUser = new Map<string, UserGrant[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom("userGrants as g")
    .select(["g.id", "g.userId", "g.orgId", "g.role", "g.grantedAt"])
    .where("g.tenantId", "=", actor.tenantId)
    .where("g.userId", "in", userIds)
    .where("g.revokedAt", "is", null)
    .orderBy("g.id")
    .execute();
  const orgs = await organisationLabels(
    db,
    actor.tenantId,
    rows.map((r) => r.orgId),
  );
  for (const r of rows) {
    const org = orgs.get(r.orgId);
    if (!isRole(r.role) || !org || !canSee(actor, org.path)) continue;
    const list = byUser.get(r.userId) ?? [];
    list.push({ id: r.id, orgId: r.orgId, orgName: org.name, role: r.role, grantedAt: r.grantedAt });
    byUser.set(r.userId, list);
  }
  return byUser;
}

function visibleUsers(db: Db, actor: Actor) {
  let query = db
    .selectFrom("users as u")
    .select(["u.id", "u.login", "u.displayName", "u.locale", "u.status", "u.createdAt"])
    .where("u.tenantId", "=", actor.tenantId);
  if (!canOverWholeTenant(actor, "users.read")) {
    const roots = permittedRoots(actor, "users.read");
    const self = actor.userId;
    query = query.where((eb) =>
      eb.or([
        ...(self === null ? [] : [eb("u.id", "=", self)]),
        ...(roots.length === 0
          ? []
          : [
              eb.exists(
                eb
                  .selectFrom("userGrants as g")
                  .select(sql<number>`1`.as("one"))
                  .whereRef("g.userId", "=", "u.id")
                  .where("g.revokedAt", "is", null)
                  .where("g.orgId", "in", orgIdsUnderAny(actor.tenantId, roots)),
              ),
            ]),
      ]),
    );
  }
  return query;
}

export async function findUser(db: Db, actor: Actor, id: string): Promise<User> {
  if (!isUuid(id)) throw new DomainError("NOT_FOUND", { entity: "user" });
  const row = await visibleUsers(db, actor).where("u.id", "=", id).executeTakeFirst();
  if (!row) throw new DomainError("NOT_FOUND", { entity: "user" });
  const grants = await grantsOf(db, actor, [row.id]);
  return {
    ...row,
    status: row.status === "disabled" ? "disabled" : "active",
    grants: grants.get(row.id) ?? [],
  };
}

export async function listUsers(
  db: Db,
  actor: Actor,
  filter: { q?: string; limit: number; cursor?: string },
): Promise<Page<User>> {
  const after = decodeCursor(filter.cursor);
  let query = visibleUsers(db, actor);
  if (after) query = query.where("u.id", ">", after);
  if (filter.q) query = query.where("u.login", "like", `%${filter.q.toLowerCase().replace(/[\\%_]/g, "")}%`);
  const rows = await query
    .orderBy("u.id")
    .limit(filter.limit + 1)
    .execute();
  const page = toPage(rows, filter.limit);
  const grants = await grantsOf(
    db,
    actor,
    page.items.map((r) => r.id),
  );
  return {
    items: page.items.map((r) => ({
      ...r,
      status: r.status === "disabled" ? "disabled" : "active",
      grants: grants.get(r.id) ?? [],
    })),
    nextCursor: page.nextCursor,
  };
}
