// qadam backup: an online, consistent copy of the SQLite database; PostgreSQL has pg_dump for that.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import type { Command } from "commander";
import { parseDatabaseUrl } from "../../platform/db/database.js";
import { databaseUrl } from "../database.js";
import { CliError, type CliIo } from "../io.js";

export function backupCommand(program: Command, io: CliIo): void {
  program
    .command("backup")
    .description("copy the SQLite database to a file while Qadam keeps running")
    .option("--to <file>", "the backup file (default ./data/backups/qadam-<time>.db)")
    .option("--database-url <url>", "sqlite:<file> (env DATABASE_URL)")
    .option("--json", "machine-readable output")
    .action(async (opts: { to?: string; databaseUrl?: string; json?: boolean }) => {
      const url = databaseUrl(io, opts.databaseUrl);
      const { dialect, target } = parseDatabaseUrl(url);
      if (dialect === "postgres") {
        throw new CliError(
          'qadam backup copies SQLite databases only. For PostgreSQL use its own tool, e.g.: pg_dump --format=custom --file=qadam.dump "$DATABASE_URL"',
        );
      }
      if (target === ":memory:") throw new CliError("an in-memory database cannot be backed up");
      if (!existsSync(target)) throw new CliError(`no database file at ${target}`);
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const to = resolve(opts.to ?? `./data/backups/qadam-${stamp}.db`);
      if (existsSync(to)) throw new CliError(`${to} exists already; choose another --to`);
      await mkdir(dirname(to), { recursive: true });
      const source = new SQLite(target, { readonly: true, fileMustExist: true });
      try {
        let pages = 0;
        await source.backup(to, {
          progress: ({ totalPages, remainingPages }) => {
            pages = totalPages;
            return remainingPages > 0 ? 1000 : 0;
          },
        });
        const check = new SQLite(to, { readonly: true });
        const result = check.pragma("quick_check", { simple: true });
        check.close();
        if (result !== "ok")
          throw new CliError(`the backup at ${to} failed its integrity check: ${String(result)}`);
        io.out(
          opts.json
            ? JSON.stringify({ file: to, pages })
            : `backed up ${target} to ${to} (${pages} pages, integrity ok)`,
        );
      } finally {
        source.close();
      }
    });
}
