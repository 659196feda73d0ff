// Before any test: is PostgreSQL there? In CI it must be; elsewhere its tests are skipped, loudly.
import pg from "pg";
import type { TestProject } from "vitest/node";

export const TEST_POSTGRES_URL =
  process.env.QADAM_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAvailable: boolean;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const wanted = (process.env.QADAM_TEST_DATABASES ?? "sqlite,postgres").split(",");
  let available = false;
  if (wanted.includes("postgres")) {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query("select 1");
      available = true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (process.env.CI) {
        throw new Error(`PostgreSQL at ${TEST_POSTGRES_URL} is unreachable in CI: ${reason}`);
      }
      const bar = "!".repeat(78);
      console.warn(
        `\n${bar}\n!! PostgreSQL at ${TEST_POSTGRES_URL} is unreachable (${reason}).\n` +
          `!! EVERY POSTGRESQL STORAGE TEST IS SKIPPED in this run; only SQLite was tested.\n${bar}\n`,
      );
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  project.provide("postgresAvailable", available);
}
