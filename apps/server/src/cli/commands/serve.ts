// qadam serve: migrate, optionally load the demo into an empty database, and serve the API.

import { isCalendarDate, systemClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import type { Command } from "commander";
import { buildApp } from "../../app.js";
import { demoToday, generateDemo } from "../../demo/generate.js";
import { DEMO_PASSWORD } from "../../demo/users.js";
import { listTenants } from "../../orgs/index.js";
import { DEFAULT_LOGIN_POLICY } from "../../platform/auth/sessions.js";
import { type Config, loadConfig, SETTINGS, withServerSecret } from "../../platform/config.js";
import { openDatabase } from "../../platform/db/database.js";
import { migrateToLatest } from "../../platform/db/migrate.js";
import { loginsEndingWith } from "../../users/index.js";
import { CliError, type CliIo } from "../io.js";
import { progressReporter } from "../progress.js";

export function serveCommand(program: Command, io: CliIo): void {
  const serve = program.command("serve").description("serve the Qadam API (and later the web app)");
  for (const s of SETTINGS) serve.option(`${s.flag} <value>`, `${s.help} (env ${s.env})`);
  serve
    .option("--demo-if-empty", "load the demo data when the database has no tenant yet")
    .option("--today <date>", "with --demo-if-empty: the demo's today, YYYY-MM-DD (default: today in Almaty)")
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const { today, ...settings } = opts;
      if (today !== undefined && (typeof today !== "string" || !isCalendarDate(today)))
        throw new CliError("--today must be a date YYYY-MM-DD");
      let config: Config;
      try {
        config = await withServerSecret(
          loadConfig(io.env, settings as Partial<Record<keyof Config, string>>),
        );
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
      }
      const open = await openDatabase(config.databaseUrl).catch((e: unknown) => {
        throw new CliError(`cannot open the database: ${e instanceof Error ? e.message : String(e)}`);
      });
      await migrateToLatest(open.db);
      if (opts.demoIfEmpty) {
        if ((await listTenants(open.db)).length === 0) {
          io.err("Empty database: loading the demo data (seed 1)…");
          const summary = await generateDemo(open.db, {
            today: typeof today === "string" ? today : demoToday(systemClock),
            seed: 1,
            onProgress: progressReporter(io, "demo"),
          });
          io.err(`Demo loaded: ${summary.organisations} organisations, ${summary.people} people.`);
        }
      }
      const app = await buildApp({
        db: open.db,
        clock: systemClock,
        ids: systemIds,
        config,
        loginPolicy: {
          ...DEFAULT_LOGIN_POLICY,
          maxFailures: config.loginMaxFailures,
          windowMinutes: config.loginWindowMinutes,
          sessionHours: config.sessionHours,
        },
      });
      const address = await app.listen({ port: config.port, host: config.host });
      const shown = address.replace("127.0.0.1", "localhost");
      const demoUsers = await loginsEndingWith(open.db, ".demo");
      io.err(`\nQadam is serving ${open.displayUrl} at ${shown} (open it in a browser)`);
      io.err(`  API:          ${shown}/api/v1`);
      io.err(`  API docs:     ${shown}/api/docs`);
      io.err(`  OpenAPI:      ${shown}/api/openapi.json`);
      if (demoUsers.length > 0) {
        io.err(`  Demo log-ins (password "${DEMO_PASSWORD}"):`);
        for (const login of demoUsers) io.err(`    ${login}`);
      }
      await new Promise<void>((resolveStop) => {
        const stop = () => resolveStop();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      io.err("Stopping…");
      await app.close();
      await open.close();
    });
}
