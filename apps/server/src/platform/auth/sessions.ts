// Log-in, sessions and API tokens: turns a cookie or a bearer token into an Actor.
// Failed log-ins are counted per login in the database (throttle.ts); per-address limits sit in the HTTP layer.

import type { Actor, Grant } from "@qadam/core/auth/actor";
import { isRole } from "@qadam/core/auth/roles";
import type { Clock } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import { isLocale, type Locale } from "@qadam/core/i18n";
import type { IdSource } from "@qadam/core/ids";
import type { Db } from "../db/database.js";
import { verifyAgainstDummy, verifyPassword } from "./passwords.js";
import { claimAttempt, forgetFailures } from "./throttle.js";
import { API_TOKEN_PREFIX, digest, newSecret } from "./tokens.js";

export interface LoginPolicy {
  /** Failed attempts allowed per account within the window before log-in is refused. */
  maxFailures: number;
  windowMinutes: number;
  sessionHours: number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = { maxFailures: 5, windowMinutes: 15, sessionHours: 12 };

export interface NewSession {
  token: string;
  expiresAt: string;
  userId: string;
  tenantId: string;
}

export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

export async function logIn(
  db: Db,
  deps: { clock: Clock; ids: IdSource; policy: LoginPolicy },
  input: { login: string; password: string; ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const now = deps.clock.now();
  const login = normaliseLogin(input.login);
  // The attempt is counted before anything is checked, for known and unknown logins alike: a lock
  // answers the same, as fast, whether the account exists or not, and parallel guesses cannot
  // outrun the count.
  await claimAttempt(db, now, deps.policy, login);
  const user = await db
    .selectFrom("users")
    .select(["id", "tenantId", "passwordHash", "status"])
    .where("login", "=", login)
    .executeTakeFirst();
  if (!user?.passwordHash) {
    await verifyAgainstDummy(input.password);
    throw new DomainError("INVALID_CREDENTIALS");
  }
  if (!(await verifyPassword(user.passwordHash, input.password)))
    throw new DomainError("INVALID_CREDENTIALS");
  if (user.status !== "active") {
    await forgetFailures(db, login);
    throw new DomainError("USER_DISABLED");
  }

  const token = newSecret();
  const expiresAt = new Date(now.getTime() + deps.policy.sessionHours * 3_600_000).toISOString();
  await db.transaction().execute(async (trx) => {
    await forgetFailures(trx, login);
    await trx
      .insertInto("sessions")
      .values({
        id: digest(token),
        tenantId: user.tenantId,
        userId: user.id,
        createdAt: now.toISOString(),
        expiresAt,
        revokedAt: null,
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
      })
      .execute();
  });
  return { token, expiresAt, userId: user.id, tenantId: user.tenantId };
}

/** Ends the session; answers whose it was (for the audit log), or null if it was unknown or already ended. */
export async function logOut(
  db: Db,
  clock: Clock,
  token: string,
): Promise<{ userId: string; tenantId: string } | null> {
  const session = await db
    .selectFrom("sessions")
    .select(["userId", "tenantId"])
    .where("id", "=", digest(token))
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  if (!session) return null;
  await db
    .updateTable("sessions")
    .set({ revokedAt: clock.now().toISOString() })
    .where("id", "=", digest(token))
    .where("revokedAt", "is", null)
    .execute();
  return session;
}

export async function issueApiToken(
  db: Db,
  deps: { clock: Clock; ids: IdSource },
  input: { tenantId: string; userId: string; name: string; expiresAt: string | null },
): Promise<{ id: string; token: string }> {
  const token = newSecret(API_TOKEN_PREFIX);
  const id = deps.ids.next();
  await db
    .insertInto("apiTokens")
    .values({
      id,
      tenantId: input.tenantId,
      userId: input.userId,
      name: input.name,
      tokenHash: digest(token),
      createdAt: deps.clock.now().toISOString(),
      expiresAt: input.expiresAt,
      revokedAt: null,
    })
    .execute();
  return { id, token };
}

async function actorFor(
  db: Db,
  userId: string,
  tenantId: string,
  via: Actor["via"],
  preferred: Locale | null,
): Promise<Actor | null> {
  const user = await db
    .selectFrom("users")
    .select(["locale", "status"])
    .where("id", "=", userId)
    .where("tenantId", "=", tenantId)
    .executeTakeFirst();
  if (user?.status !== "active") return null;
  const rows = await db
    .selectFrom("userGrants as g")
    .innerJoin("organisations as o", "o.id", "g.orgId")
    .select(["g.orgId", "g.role", "o.path"])
    .where("g.userId", "=", userId)
    .where("g.tenantId", "=", tenantId)
    .where("g.revokedAt", "is", null)
    .execute();
  const grants: Grant[] = rows.flatMap((r) =>
    isRole(r.role) ? [{ orgId: r.orgId, orgPath: r.path, role: r.role }] : [],
  );
  return {
    tenantId,
    userId,
    locale: preferred ?? (isLocale(user.locale) ? user.locale : "en"),
    grants,
    via,
  };
}

/** The actor behind a session cookie, or null if the session is unknown, expired or revoked. */
export async function actorFromSession(db: Db, clock: Clock, token: string): Promise<Actor | null> {
  const session = await db
    .selectFrom("sessions")
    .select(["userId", "tenantId", "expiresAt", "revokedAt"])
    .where("id", "=", digest(token))
    .executeTakeFirst();
  if (!session || session.revokedAt || session.expiresAt <= clock.now().toISOString()) return null;
  return actorFor(db, session.userId, session.tenantId, "session", null);
}

/** The actor behind an API token ("Authorization: Bearer qdm_…"), or null. */
export async function actorFromApiToken(db: Db, clock: Clock, token: string): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await db
    .selectFrom("apiTokens")
    .select(["userId", "tenantId", "expiresAt", "revokedAt"])
    .where("tokenHash", "=", digest(token))
    .executeTakeFirst();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= clock.now().toISOString())) return null;
  return actorFor(db, row.userId, row.tenantId, "token", null);
}
