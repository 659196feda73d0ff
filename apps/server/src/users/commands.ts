// Commands on users: create, grant and revoke roles, disable and enable. Each runs inside a command
// transaction (platform/commands.ts: executeCommand, or commandRoute over HTTP) and is shared by the
// API, the CLI and the demo. Passwords are in passwords.ts, API tokens in api-tokens.ts.

import type { Role } from "@qadam/core/auth/roles";
import { DomainError } from "@qadam/core/errors";
import type { Locale } from "@qadam/core/i18n";
import { hasControlCharacters } from "@qadam/core/users/values";
import { hashPassword } from "../platform/auth/passwords.js";
import { normaliseLogin } from "../platform/auth/sessions.js";
import type { CommandContext } from "../platform/commands.js";
import { isUniqueViolation } from "../platform/db/constraint-errors.js";
import type { Db } from "../platform/db/database.js";
import {
  assertManages,
  assertManagesWholeTenant,
  endApiTokens,
  endSessions,
  grantableOrg,
} from "./access.js";
import { checkPassword } from "./passwords.js";
import { findUser, type User, type UserGrant } from "./queries.js";

export interface NewUser {
  login: string;
  displayName: string;
  /** Null for a user who logs in only with API tokens (or until an administrator sets one). */
  password: string | null;
  locale: Locale;
  grants?: ReadonlyArray<{ orgId: string; role: Role }>;
}

/**
 * A user of the actor's tenant, with her first roles. The login is trimmed and lowercased.
 * Errors: NOT_FOUND (an organisation not seen), FORBIDDEN (no users.write there, or no role given
 * and the actor is not a tenant-wide administrator), LOGIN_TAKEN, WEAK_PASSWORD.
 */
export async function createUser(trx: Db, ctx: CommandContext, input: NewUser): Promise<User> {
  const login = normaliseLogin(input.login);
  for (const [field, value] of [
    ["login", login],
    ["displayName", input.displayName],
  ] as const) {
    if (value.trim() === "" || hasControlCharacters(value))
      throw new DomainError("VALIDATION_FAILED", { details: field });
  }
  const grants = input.grants ?? [];
  for (const g of grants) await grantableOrg(trx, ctx.actor, g.orgId);
  // A user with no role is seen only by tenant-wide administrators: only they may create one.
  if (grants.length === 0) assertManagesWholeTenant(ctx.actor);
  if (input.password !== null) await checkPassword(input.password, { login, displayName: input.displayName });
  const taken = await trx.selectFrom("users").select("id").where("login", "=", login).executeTakeFirst();
  if (taken) throw new DomainError("LOGIN_TAKEN", { login });
  const id = ctx.ids.next();
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  try {
    await trx
      .insertInto("users")
      .values({
        id,
        tenantId: ctx.actor.tenantId,
        login,
        displayName: input.displayName.trim(),
        passwordHash,
        locale: input.locale,
        status: "active",
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .execute();
  } catch (error) {
    // Lost a race with another request for the same login.
    if (isUniqueViolation(error)) throw new DomainError("LOGIN_TAKEN", { login });
    throw error;
  }
  ctx.touched("user", id);
  for (const g of grants) await insertGrant(trx, ctx, id, g.orgId, g.role);
  return findUser(trx, ctx.actor, id);
}

/** createUser with exactly one role: what the CLI's `qadam user add --role` and the demo need. */
export function createUserWithGrant(
  trx: Db,
  ctx: CommandContext,
  input: Omit<NewUser, "grants"> & { orgId: string; role: Role },
): Promise<User> {
  const { orgId, role, ...user } = input;
  return createUser(trx, ctx, { ...user, grants: [{ orgId, role }] });
}

async function insertGrant(
  trx: Db,
  ctx: CommandContext,
  userId: string,
  orgId: string,
  role: Role,
): Promise<string> {
  const existing = await trx
    .selectFrom("userGrants")
    .select("id")
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("userId", "=", userId)
    .where("orgId", "=", orgId)
    .where("role", "=", role)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  if (existing) return existing.id;
  const id = ctx.ids.next();
  await trx
    .insertInto("userGrants")
    .values({
      id,
      tenantId: ctx.actor.tenantId,
      userId,
      orgId,
      role,
      grantedAt: ctx.now,
      grantedBy: ctx.actor.userId,
      revokedAt: null,
    })
    .execute();
  ctx.touched("grant", id);
  return id;
}

/**
 * Grants a role on an organisation and its whole subtree; granting a role the user already holds
 * there returns the existing grant. Errors: NOT_FOUND (user or organisation not seen), FORBIDDEN.
 */
export async function grantRole(
  trx: Db,
  ctx: CommandContext,
  input: { userId: string; orgId: string; role: Role },
): Promise<UserGrant> {
  const user = await findUser(trx, ctx.actor, input.userId);
  await grantableOrg(trx, ctx.actor, input.orgId);
  const id = await insertGrant(trx, ctx, user.id, input.orgId, input.role);
  const after = await findUser(trx, ctx.actor, user.id);
  const grant = after.grants.find((g) => g.id === id);
  if (!grant) throw new Error(`grant ${id} is not visible right after being written`);
  return grant;
}

/**
 * Revokes one of a user's roles (kept, dated, for the record). An administrator cannot revoke her
 * own tenant_admin role. Errors: NOT_FOUND (user or grant), FORBIDDEN, SELF_LOCKOUT.
 */
export async function revokeGrant(
  trx: Db,
  ctx: CommandContext,
  input: { userId: string; grantId: string },
): Promise<User> {
  const user = await findUser(trx, ctx.actor, input.userId);
  const grant = user.grants.find((g) => g.id === input.grantId);
  if (!grant) throw new DomainError("NOT_FOUND", { entity: "grant" });
  await grantableOrg(trx, ctx.actor, grant.orgId);
  if (user.id === ctx.actor.userId && grant.role === "tenant_admin") throw new DomainError("SELF_LOCKOUT");
  await trx
    .updateTable("userGrants")
    .set({ revokedAt: ctx.now })
    .where("id", "=", grant.id)
    .where("revokedAt", "is", null)
    .execute();
  ctx.touched("grant", grant.id);
  return findUser(trx, ctx.actor, user.id);
}

/**
 * Disables a user: she can no longer log in, and her sessions and API tokens end at once.
 * Errors: NOT_FOUND, FORBIDDEN, SELF_LOCKOUT (one's own account).
 */
export async function disableUser(trx: Db, ctx: CommandContext, userId: string): Promise<User> {
  const user = await findUser(trx, ctx.actor, userId);
  await assertManages(trx, ctx.actor, user.id);
  if (user.id === ctx.actor.userId) throw new DomainError("SELF_LOCKOUT");
  await trx
    .updateTable("users")
    .set({ status: "disabled", updatedAt: ctx.now })
    .where("id", "=", user.id)
    .execute();
  await endSessions(trx, ctx.now, user.id);
  await endApiTokens(trx, ctx.now, user.id);
  ctx.touched("user", user.id);
  return findUser(trx, ctx.actor, user.id);
}

/** Lets a disabled user log in again (her old sessions and tokens stay ended). Errors: NOT_FOUND, FORBIDDEN. */
export async function enableUser(trx: Db, ctx: CommandContext, userId: string): Promise<User> {
  const user = await findUser(trx, ctx.actor, userId);
  await assertManages(trx, ctx.actor, user.id);
  await trx
    .updateTable("users")
    .set({ status: "active", updatedAt: ctx.now })
    .where("id", "=", user.id)
    .execute();
  ctx.touched("user", user.id);
  return findUser(trx, ctx.actor, user.id);
}
