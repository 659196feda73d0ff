// Ids chosen by the client (a phone offline included) for the records it creates: a request carrying
// one is answered whole before another carrying the same id is looked at, so that of two at once the
// second finds the first's record rather than racing it to the primary key.
import { sql } from "kysely";
import { dialectOf } from "./column-types.js";
import type { Db } from "./database.js";

/**
 * Holds `id` until the transaction ends. PostgreSQL: a transaction-scoped advisory lock on the id's
 * hash (ids sharing a hash merely wait for each other). SQLite runs one transaction at a time anyway.
 */
export async function holdClientId(trx: Db, id: string): Promise<void> {
  if (dialectOf(trx) === "postgres")
    await sql`select pg_advisory_xact_lock(hashtextextended(${id}, 0))`.execute(trx);
}
