// API tokens for integrations: a user's own, acting as her (same roles, same tenant). The secret is
// returned once at creation and stored only as its SHA-256 digest; revoking is immediate. Whoever may
// see a user sees her tokens (never their secrets); whoever manages her may revoke them.
import type { Actor } from "@qadam/core/auth/actor";
import { DomainError } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import { API_TOKEN_PREFIX, digest, newSecret } from "../platform/auth/tokens.js";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { assertManages } from "./access.js";
import { findUser } from "./queries.js";

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Creates a token for the acting user. Errors: UNAUTHENTICATED (the operator is no user). */
export async function createApiToken(
  trx: Db,
  ctx: CommandContext,
  input: { name: string; expiresAt: string | null },
): Promise<ApiToken & { token: string }> {
  const userId = ctx.actor.userId;
  if (!userId) throw new DomainError("UNAUTHENTICATED");
  const token = newSecret(API_TOKEN_PREFIX);
  const id = ctx.ids.next();
  const expiresAt = input.expiresAt === null ? null : new Date(input.expiresAt).toISOString();
  await trx
    .insertInto("apiTokens")
    .values({
      id,
      tenantId: ctx.actor.tenantId,
      userId,
      name: input.name,
      tokenHash: digest(token),
      createdAt: ctx.now,
      expiresAt,
      revokedAt: null,
    })
    .execute();
  ctx.touched("api_token", id);
  return { id, name: input.name, createdAt: ctx.now, expiresAt, revokedAt: null, token };
}

/** Revokes one of the acting user's tokens; anyone else's answers NOT_FOUND. Revoking twice is harmless. */
export async function revokeApiToken(trx: Db, ctx: CommandContext, tokenId: string): Promise<ApiToken> {
  if (!ctx.actor.userId) throw new DomainError("NOT_FOUND", { entity: "record" });
  return revokeTokenOf(trx, ctx, ctx.actor.userId, tokenId);
}

async function revokeTokenOf(
  trx: Db,
  ctx: CommandContext,
  userId: string,
  tokenId: string,
): Promise<ApiToken> {
  if (!isUuid(tokenId)) throw new DomainError("NOT_FOUND", { entity: "record" });
  const row = await trx
    .selectFrom("apiTokens")
    .select(["id", "name", "createdAt", "expiresAt", "revokedAt"])
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("userId", "=", userId)
    .where("id", "=", tokenId)
    .executeTakeFirst();
  if (!row) throw new DomainError("NOT_FOUND", { entity: "record" });
  if (!row.revokedAt)
    await trx.updateTable("apiTokens").set({ revokedAt: ctx.now }).where("id", "=", row.id).execute();
  ctx.touched("api_token", row.id);
  return { ...row, revokedAt: row.revokedAt ?? ctx.now };
}

/** The acting user's tokens, newest last, without their secrets. */
export async function listApiTokens(
  db: Db,
  actor: { tenantId: string; userId: string | null },
): Promise<ApiToken[]> {
  if (!actor.userId) return [];
  return db
    .selectFrom("apiTokens")
    .select(["id", "name", "createdAt", "expiresAt", "revokedAt"])
    .where("tenantId", "=", actor.tenantId)
    .where("userId", "=", actor.userId)
    .orderBy("id")
    .execute();
}

/** Another user's tokens, newest last, without their secrets. Errors: NOT_FOUND (a user not seen). */
export async function listUserApiTokens(db: Db, actor: Actor, userId: string): Promise<ApiToken[]> {
  const user = await findUser(db, actor, userId);
  return listApiTokens(db, { tenantId: actor.tenantId, userId: user.id });
}

/**
 * Revokes one of another user's tokens (one that leaked, an integration retired); revoking twice is
 * harmless. Errors: NOT_FOUND (user or token not seen), FORBIDDEN (the actor does not manage her).
 */
export async function revokeUserApiToken(
  trx: Db,
  ctx: CommandContext,
  input: { userId: string; tokenId: string },
): Promise<ApiToken> {
  const user = await findUser(trx, ctx.actor, input.userId);
  await assertManages(trx, ctx.actor, user.id);
  return revokeTokenOf(trx, ctx, user.id, input.tokenId);
}
