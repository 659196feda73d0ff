// Versioned migrations, in order, never edited once landed: run by `qadam db migrate` and at start.
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  sql,
} from "kysely";
import { dialectOf } from "./column-types.js";
import * as m0001 from "./migrations/0001_foundation.js";
import * as m0002 from "./migrations/0002_books.js";
import * as m0003 from "./migrations/0003_loans.js";
import * as m0004 from "./migrations/0004_daily_balances.js";
import * as m0005 from "./migrations/0005_loans_at_risk.js";
import * as m0006 from "./migrations/0006_groups.js";
import * as m0007 from "./migrations/0007_loan_requests.js";
import * as m0008 from "./migrations/0008_shareout_carried.js";
import * as m0009 from "./migrations/0009_login_throttle.js";
import * as m0010 from "./migrations/0010_append_only_without_rowid.js";
import * as m0011 from "./migrations/0011_loan_event_terms.js";

export const MIGRATIONS: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_books": m0002,
  "0003_loans": m0003,
  "0004_daily_balances": m0004,
  "0005_loans_at_risk": m0005,
  "0006_groups": m0006,
  "0007_loan_requests": m0007,
  "0008_shareout_carried": m0008,
  "0009_login_throttle": m0009,
  "0010_append_only_without_rowid": m0010,
  "0011_loan_event_terms": m0011,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export interface MigrationReport {
  applied: string[];
  current: string | null;
}

// biome-ignore lint/suspicious/noExplicitAny: the migrator runs over any schema
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationReport> {
  // On PostgreSQL the migration tables live in the connection's own schema, named: unnamed, Kysely
  // looks for its lock table in any schema and may find another schema's (parallel test schemas).
  const schema =
    dialectOf(db) === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? "?"} failed: ${reason}`);
  }
  const applied = (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  const all = await migrator.getMigrations();
  const done = all.filter((m) => m.executedAt);
  return { applied, current: done.at(-1)?.name ?? null };
}
