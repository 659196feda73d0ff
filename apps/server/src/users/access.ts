// Who may manage which user: the permission checks shared by the user commands. Whatever the actor
// cannot see answers 404 (through findUser / findOrganisation); seen but not manageable answers 403.

import { type Actor, assertCan, can, canOverWholeTenant } from "@qadam/core/auth/actor";
import { DomainError } from "@qadam/core/errors";
import type { Organisation } from "@qadam/core/orgs/types";
import { findOrganisation, organisationPaths } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";

/** An organisation the actor may hand out roles on: in her tenant, visible, and under her users.write. */
export async function grantableOrg(trx: Db, actor: Actor, orgId: string): Promise<Organisation> {
  const org = await findOrganisation(trx, actor, orgId);
  assertCan(actor, "users.write", org.path, "organisation");
  return org;
}

/** Creating a user without any role: only whoever manages users over the whole tenant. */
export function assertManagesWholeTenant(actor: Actor): void {
  if (!canOverWholeTenant(actor, "users.write")) throw new DomainError("FORBIDDEN");
}

/**
 * Disabling, enabling or resetting the password of a user needs users.write over every organisation
 * she holds a role on (including those the actor cannot see), so a federation's administrator cannot
 * lock out someone who also works elsewhere. A user without roles needs a tenant-wide administrator.
 */
export async function assertManages(trx: Db, actor: Actor, userId: string): Promise<void> {
  const grants = await trx
    .selectFrom("userGrants")
    .select("orgId")
    .where("tenantId", "=", actor.tenantId)
    .where("userId", "=", userId)
    .where("revokedAt", "is", null)
    .execute();
  const paths = await organisationPaths(
    trx,
    actor.tenantId,
    grants.map((g) => g.orgId),
  );
  const allowed =
    grants.length === 0
      ? canOverWholeTenant(actor, "users.write")
      : grants.every((g) => {
          const path = paths.get(g.orgId);
          return path !== undefined && can(actor, "users.write", path);
        });
  if (!allowed) throw new DomainError("FORBIDDEN");
}

/** Ends a user's sessions, except the one the request came with (if given, as its digest). */
export async function endSessions(
  trx: Db,
  now: string,
  userId: string,
  keepSessionId: string | null = null,
): Promise<void> {
  let q = trx
    .updateTable("sessions")
    .set({ revokedAt: now })
    .where("userId", "=", userId)
    .where("revokedAt", "is", null);
  if (keepSessionId) q = q.where("id", "<>", keepSessionId);
  await q.execute();
}

/** Revokes every API token of a user. */
export async function endApiTokens(trx: Db, now: string, userId: string): Promise<void> {
  await trx
    .updateTable("apiTokens")
    .set({ revokedAt: now })
    .where("userId", "=", userId)
    .where("revokedAt", "is", null)
    .execute();
}
