// Every storage test on every database, from one list: SQLite in memory and PostgreSQL on this
// machine, each test file in its own PostgreSQL schema so that runs never collide.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, inject } from "vitest";
import type { Dialect } from "./column-types.js";
import { type OpenDatabase, openDatabase } from "./database.js";
import { TEST_POSTGRES_URL } from "./global-setup.js";
import { migrateToLatest } from "./migrate.js";

export interface TestDatabase {
  name: Dialect;
  url: string;
}

const wanted = (process.env.QADAM_TEST_DATABASES ?? "sqlite,postgres").split(",");

export const DATABASES: TestDatabase[] = (
  [
    { name: "sqlite", url: "sqlite::memory:" },
    { name: "postgres", url: TEST_POSTGRES_URL },
  ] as const
).filter((d) => wanted.includes(d.name));

/** Opens a fresh, migrated database: a new in-memory SQLite, or a new PostgreSQL schema. */
export async function openTestDatabase(target: TestDatabase): Promise<OpenDatabase> {
  if (target.name === "sqlite") {
    const open = await openDatabase(target.url);
    await migrateToLatest(open.db);
    return open;
  }
  const schema = `qadam_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const open = await openDatabase(target.url, { schema, poolSize: 4 });
  await migrateToLatest(open.db);
  return {
    ...open,
    async close() {
      await open.close();
      const cleanup = await openDatabase(target.url);
      try {
        const { sql } = await import("kysely");
        await sql`drop schema ${sql.id(schema)} cascade`.execute(cleanup.db);
      } finally {
        await cleanup.close();
      }
    },
  };
}

/**
 * Declares `body` once per database. `use()` returns the open database inside tests.
 * PostgreSQL tests are skipped (and the run says so loudly) only when it is unreachable outside CI.
 */
export function describeEachDatabase(
  title: string,
  body: (use: () => OpenDatabase, target: TestDatabase) => void,
): void {
  for (const target of DATABASES) {
    const skip = target.name === "postgres" && !inject("postgresAvailable");
    describe.skipIf(skip)(`${title} [${target.name}]`, () => {
      let open: OpenDatabase | null = null;
      beforeAll(async () => {
        open = await openTestDatabase(target);
      });
      afterAll(async () => {
        await open?.close();
      });
      body(() => {
        if (!open) throw new Error("database not open yet");
        return open;
      }, target);
    });
  }
}
