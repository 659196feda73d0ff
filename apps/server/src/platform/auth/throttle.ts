// Failed log-ins per login name, known or not, so that a lock looks the same whether the account
// exists or not. An attempt claims its slot atomically (one conditional upsert) before its password
// is checked, so parallel guesses cannot all pass a count read before any failure was written.

import { DomainError, type ErrorCode, isDomainError } from "@qadam/core/errors";
import { sql } from "kysely";
import type { Db } from "../db/database.js";

export interface ThrottlePolicy {
  /** Failed attempts allowed per login within the window; the next ones are refused until it ends. */
  maxFailures: number;
  windowMinutes: number;
}

/**
 * Claims one attempt for the login, counted as a failure until forgetFailures says otherwise.
 * Errors: LOGIN_RATE_LIMITED when the window's attempts are used up (nothing is then checked).
 */
export async function claimAttempt(db: Db, now: Date, policy: ThrottlePolicy, login: string): Promise<void> {
  const at = now.toISOString();
  const since = new Date(now.getTime() - policy.windowMinutes * 60_000).toISOString();
  // Rows of windows that ended are of no use to anyone: drop them (an indexed range, usually empty).
  await db
    .deleteFrom("loginThrottle")
    .where("windowStartedAt", "<=", since)
    .where("login", "<>", login)
    .execute();
  // One statement, atomic on both databases: a new window starts at 1, a running one counts up while
  // below the limit; at the limit the update's WHERE fails and no row comes back.
  const claimed = await db
    .insertInto("loginThrottle")
    .values({ login, failures: 1, windowStartedAt: at })
    .onConflict((oc) =>
      oc
        .column("login")
        .doUpdateSet({
          failures: sql<number>`case when login_throttle.window_started_at <= ${since} then 1 else login_throttle.failures + 1 end`,
          windowStartedAt: sql<string>`case when login_throttle.window_started_at <= ${since} then excluded.window_started_at else login_throttle.window_started_at end`,
        })
        .where((eb) =>
          eb.or([
            eb("loginThrottle.windowStartedAt", "<=", since),
            eb("loginThrottle.failures", "<", policy.maxFailures),
          ]),
        ),
    )
    .returning("failures")
    .executeTakeFirst();
  if (!claimed) throw new DomainError("LOGIN_RATE_LIMITED", { minutes: policy.windowMinutes });
}

/** The password was right: the login's failures are forgotten. */
export async function forgetFailures(db: Db, login: string): Promise<void> {
  await db.deleteFrom("loginThrottle").where("login", "=", login).execute();
}

/** Gives back an attempt that ended before any password was checked. */
export async function releaseAttempt(db: Db, login: string): Promise<void> {
  await db
    .updateTable("loginThrottle")
    .set({ failures: sql<number>`failures - 1` })
    .where("login", "=", login)
    .where("failures", ">", 0)
    .execute();
}

/**
 * Runs a check of a password that is not a log-in (a user's current password, before she changes
 * it) under the same count: the attempt is claimed first; it stays a failure when `run` fails with
 * `codes.wrong`, is forgotten with every earlier failure when `run` succeeds or fails with one of
 * `codes.proven` (raised only after the password proved right), and is given back otherwise.
 */
export async function throttledCheck<T>(
  db: Db,
  now: Date,
  policy: ThrottlePolicy,
  login: string,
  codes: { wrong: ErrorCode; proven: readonly ErrorCode[] },
  run: () => Promise<T>,
): Promise<T> {
  await claimAttempt(db, now, policy, login);
  let outcome: "right" | "wrong" | "unchecked" = "unchecked";
  try {
    const result = await run();
    outcome = "right";
    return result;
  } catch (error) {
    if (isDomainError(error)) {
      if (error.code === codes.wrong) outcome = "wrong";
      else if (codes.proven.includes(error.code)) outcome = "right";
    }
    throw error;
  } finally {
    if (outcome === "right") await forgetFailures(db, login);
    else if (outcome === "unchecked") await releaseAttempt(db, login);
  }
}
