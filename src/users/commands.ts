// Commands on users: create, grant and revoke roles, disable, change passwords, API tokens.
// Each runs inside a command transaction (platform/commands.ts) and is called by the API and the CLI.

import { findOrganisation } from "../orgs/lookup.js";
import type { Actor } from "../platform/auth/actor.js";
import { assertCan } from "../platform/auth/actor.js";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../platform/auth/passwords.js";
import type { Role } from "../platform/auth/roles.js";
import { normaliseLogin } from "../platform/auth/sessions.js";
import { API_TOKEN_PREFIX, digest, newSecret } from "../platform/auth/tokens.js";
import type { CommandContext } from "../platform/commands.js";
import { isUniqueViolation } from "../platform/db/constraint-errors.js";
import type { Db } from "../platform/db/database.js";
import { DomainError } from "../platform/errors.js";
import type { Locale } from "../platform/i18n/index.js";
import { isUuid } from "../platform/ids.js";
import { findUser, type User, type UserGrant } from "./queries.js";

export interface NewUser {
  login: string;
  displayName: string;
  password: string | null;
  locale: Locale;
  grants?: ReadonlyArray<{ orgId: string; role: Role }>;
}

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw new DomainError("WEAK_PASSWORD", { min: MIN_PASSWORD_LENGTH });
}

/** Only a tenant administrator over the organisation may hand out roles on it. */
async function grantableOrg(trx: Db, actor: Actor, orgId: string) {
  const org = await findOrganisation(trx, actor, orgId);
  assertCan(actor, "users.write", org.path, "organisation");
  return org;
}

export async function createUser(trx: Db, ctx: CommandContext, input: NewUser): Promise<User> {
  const login = normaliseLogin(input.login);
  if (input.password !== null) checkPassword(input.password);
  for (const g of input.grants ?? []) await grantableOrg(trx, ctx.actor, g.orgId);
  if (!(input.grants ?? []).length) {
    // A user without a role must still be created by someone allowed to manage users somewhere.
    if (!ctx.actor.grants.some((g) => g.role === "tenant_admin")) throw new DomainError("FORBIDDEN");
  }
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
    if (isUniqueViolation(error)) throw new DomainError("LOGIN_TAKEN", { login });
    throw error;
  }
  ctx.touched("user", id);
  for (const g of input.grants ?? []) await insertGrant(trx, ctx, id, g.orgId, g.role);
  return findUser(trx, ctx.actor, id);
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
  if (!grant) throw new Error("grant vanished");
  return grant;
}

export async function revokeGrant(
  trx: Db,
  ctx: CommandContext,
  input: { userId: string; grantId: string },
): Promise<User> {
  const user = await findUser(trx, ctx.actor, input.userId);
  const grant = user.grants.find((g) => g.id === input.grantId);
  if (!grant) throw new DomainError("NOT_FOUND", { entity: "grant" });
  await grantableOrg(trx, ctx.actor, grant.orgId);
  await trx
    .updateTable("userGrants")
    .set({ revokedAt: ctx.now })
    .where("id", "=", grant.id)
    .where("revokedAt", "is", null)
    .execute();
  ctx.touched("grant", grant.id);
  return findUser(trx, ctx.actor, user.id);
}

/** Only someone who may manage users over every organisation the user holds a role on. */
async function assertManages(trx: Db, actor: Actor, user: User): Promise<void> {
  if (user.grants.length === 0 && !actor.grants.some((g) => g.role === "tenant_admin"))
    throw new DomainError("FORBIDDEN");
  for (const g of user.grants) await grantableOrg(trx, actor, g.orgId);
}

async function endSessions(
  trx: Db,
  ctx: CommandContext,
  userId: string,
  keepSessionId: string | null,
): Promise<void> {
  let q = trx
    .updateTable("sessions")
    .set({ revokedAt: ctx.now })
    .where("userId", "=", userId)
    .where("revokedAt", "is", null);
  if (keepSessionId) q = q.where("id", "<>", keepSessionId);
  await q.execute();
}

export async function disableUser(trx: Db, ctx: CommandContext, userId: string): Promise<User> {
  const user = await findUser(trx, ctx.actor, userId);
  await assertManages(trx, ctx.actor, user);
  await trx
    .updateTable("users")
    .set({ status: "disabled", updatedAt: ctx.now })
    .where("id", "=", user.id)
    .execute();
  await endSessions(trx, ctx, user.id, null);
  await trx
    .updateTable("apiTokens")
    .set({ revokedAt: ctx.now })
    .where("userId", "=", user.id)
    .where("revokedAt", "is", null)
    .execute();
  ctx.touched("user", user.id);
  return findUser(trx, ctx.actor, user.id);
}

/** A user changes her own password; every other session of hers ends. */
export async function changeOwnPassword(
  trx: Db,
  ctx: CommandContext,
  input: { currentPassword: string; newPassword: string; sessionToken: string | null },
): Promise<{ changed: true }> {
  const userId = ctx.actor.userId;
  if (!userId) throw new DomainError("UNAUTHENTICATED");
  const row = await trx
    .selectFrom("users")
    .select("passwordHash")
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  if (!row.passwordHash || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new DomainError("INVALID_CREDENTIALS");
  }
  checkPassword(input.newPassword);
  await trx
    .updateTable("users")
    .set({ passwordHash: await hashPassword(input.newPassword), updatedAt: ctx.now })
    .where("id", "=", userId)
    .execute();
  await endSessions(trx, ctx, userId, input.sessionToken ? digest(input.sessionToken) : null);
  ctx.touched("user", userId);
  return { changed: true };
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** A token for integrations, acting as its user; the secret is returned once and stored only as a digest. */
export async function createApiToken(
  trx: Db,
  ctx: CommandContext,
  input: { name: string; expiresAt: string | null },
): Promise<ApiToken & { token: string }> {
  const userId = ctx.actor.userId;
  if (!userId) throw new DomainError("UNAUTHENTICATED");
  const token = newSecret(API_TOKEN_PREFIX);
  const id = ctx.ids.next();
  await trx
    .insertInto("apiTokens")
    .values({
      id,
      tenantId: ctx.actor.tenantId,
      userId,
      name: input.name,
      tokenHash: digest(token),
      createdAt: ctx.now,
      expiresAt: input.expiresAt,
      revokedAt: null,
    })
    .execute();
  ctx.touched("api_token", id);
  return { id, name: input.name, createdAt: ctx.now, expiresAt: input.expiresAt, revokedAt: null, token };
}

export async function revokeApiToken(trx: Db, ctx: CommandContext, tokenId: string): Promise<ApiToken> {
  if (!isUuid(tokenId)) throw new DomainError("NOT_FOUND", { entity: "record" });
  const row = await trx
    .selectFrom("apiTokens")
    .select(["id", "name", "createdAt", "expiresAt", "revokedAt"])
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("userId", "=", ctx.actor.userId ?? "")
    .where("id", "=", tokenId)
    .executeTakeFirst();
  if (!row) throw new DomainError("NOT_FOUND", { entity: "record" });
  if (!row.revokedAt)
    await trx.updateTable("apiTokens").set({ revokedAt: ctx.now }).where("id", "=", row.id).execute();
  ctx.touched("api_token", row.id);
  return { ...row, revokedAt: row.revokedAt ?? ctx.now };
}
