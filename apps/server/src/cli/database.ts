// Opening the configured database for a command, migrated, and closing it afterwards.
import { DEFAULT_DATABASE_URL, type OpenDatabase, openDatabase } from "../platform/db/database.js";
import { migrateToLatest } from "../platform/db/migrate.js";
import { CliError, type CliIo } from "./io.js";

export function databaseUrl(io: CliIo, flag: string | undefined): string {
  return flag ?? io.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

export async function withDatabase<T>(url: string, body: (open: OpenDatabase) => Promise<T>): Promise<T> {
  let open: OpenDatabase;
  try {
    open = await openDatabase(url);
    await migrateToLatest(open.db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`cannot open the database: ${reason}`);
  }
  try {
    return await body(open);
  } finally {
    await open.close();
  }
}
