// qadam db migrate: bring the database's schema up to date.
import type { Command } from "commander";
import { openDatabase } from "../../platform/db/database.js";
import { migrateToLatest } from "../../platform/db/migrate.js";
import { databaseUrl } from "../database.js";
import { CliError, type CliIo } from "../io.js";

export function dbCommands(program: Command, io: CliIo): void {
  const db = program.command("db").description("the database");
  db.command("migrate")
    .description("apply every migration not yet applied")
    .option("--database-url <url>", "sqlite:<file> or postgres://… (env DATABASE_URL)")
    .option("--json", "machine-readable output")
    .action(async (opts: { databaseUrl?: string; json?: boolean }) => {
      const url = databaseUrl(io, opts.databaseUrl);
      const open = await openDatabase(url).catch((e: unknown) => {
        throw new CliError(`cannot open the database: ${e instanceof Error ? e.message : String(e)}`);
      });
      try {
        const report = await migrateToLatest(open.db);
        if (opts.json) io.out(JSON.stringify({ database: open.displayUrl, ...report }));
        else
          io.out(
            report.applied.length === 0
              ? `${open.displayUrl}: up to date (${report.current ?? "empty"})`
              : `${open.displayUrl}: applied ${report.applied.join(", ")}`,
          );
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
      } finally {
        await open.close();
      }
    });
}
