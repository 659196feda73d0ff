// Users found by their log-in name, for the operator's command line and the demo (no actor: whoever
// runs them holds the database). A login is unique across tenants.
import type { Db } from "../platform/db/database.js";

/** The user with this login (already normalised), with her tenant, if any. */
export async function userByLogin(
  db: Db,
  login: string,
): Promise<{ id: string; tenantId: string } | undefined> {
  return db.selectFrom("users").select(["id", "tenantId"]).where("login", "=", login).executeTakeFirst();
}

/** Every login ending with `suffix` (such as ".demo"), in order. */
export async function loginsEndingWith(db: Db, suffix: string): Promise<string[]> {
  // LIKE narrows (its _ and % would match more, never less); endsWith is exact.
  const rows = await db
    .selectFrom("users")
    .select("login")
    .where("login", "like", `%${suffix}`)
    .orderBy("login")
    .execute();
  return rows.map((r) => r.login).filter((login) => login.endsWith(suffix));
}
