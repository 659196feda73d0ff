// Passwords of users: the strength rule, an administrator's reset and a user's own change. A reset
// ends every session and API token; a change ends the other sessions. The password itself is only
// ever hashed (argon2id), never stored or logged.

import { DomainError } from "@qadam/core/errors";
import { type PasswordOwner, passwordWeakness } from "../platform/auth/password-strength.js";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../platform/auth/passwords.js";
import { forgetFailures } from "../platform/auth/throttle.js";
import { digest } from "../platform/auth/tokens.js";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { assertManages, endApiTokens, endSessions } from "./access.js";
import { findUser, type User } from "./queries.js";

/**
 * WEAK_PASSWORD, with its reason: below MIN_PASSWORD_LENGTH characters (code points, so Kazakh
 * letters count as one), the owner's login or name or a variant of it, one character or pattern
 * repeated, a most common password, or otherwise easy to guess.
 */
export async function checkPassword(password: string, owner: PasswordOwner = {}): Promise<void> {
  const reason = await passwordWeakness(password, owner);
  if (reason !== null) throw new DomainError("WEAK_PASSWORD", { reason, min: MIN_PASSWORD_LENGTH });
}

/**
 * An administrator sets a user's password (she forgot it, or it leaked): every session and API token
 * of the user ends and her failed log-ins are forgotten. Errors: NOT_FOUND, FORBIDDEN, WEAK_PASSWORD.
 */
export async function setPassword(
  trx: Db,
  ctx: CommandContext,
  input: { userId: string; password: string },
): Promise<User> {
  const user = await findUser(trx, ctx.actor, input.userId);
  await assertManages(trx, ctx.actor, user.id);
  await checkPassword(input.password, user);
  await trx
    .updateTable("users")
    .set({ passwordHash: await hashPassword(input.password), updatedAt: ctx.now })
    .where("id", "=", user.id)
    .execute();
  await endSessions(trx, ctx.now, user.id);
  await endApiTokens(trx, ctx.now, user.id);
  await forgetFailures(trx, user.login);
  ctx.touched("user", user.id);
  return user;
}

/**
 * A user changes her own password; every other session of hers ends (the one she is using stays).
 * Errors: UNAUTHENTICATED (the operator has no password), CURRENT_PASSWORD_WRONG, WEAK_PASSWORD.
 */
export async function changeOwnPassword(
  trx: Db,
  ctx: CommandContext,
  input: { currentPassword: string; newPassword: string; sessionToken: string | null },
): Promise<{ changed: true }> {
  const userId = ctx.actor.userId;
  if (!userId) throw new DomainError("UNAUTHENTICATED");
  const row = await trx
    .selectFrom("users")
    .select(["passwordHash", "login", "displayName"])
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  if (!row.passwordHash || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    // Not INVALID_CREDENTIALS: a 401 would tell the client that the session is gone.
    throw new DomainError("CURRENT_PASSWORD_WRONG");
  }
  await checkPassword(input.newPassword, row);
  await trx
    .updateTable("users")
    .set({ passwordHash: await hashPassword(input.newPassword), updatedAt: ctx.now })
    .where("id", "=", userId)
    .execute();
  await endSessions(trx, ctx.now, userId, input.sessionToken ? digest(input.sessionToken) : null);
  ctx.touched("user", userId);
  return { changed: true };
}
