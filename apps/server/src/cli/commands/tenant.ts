// qadam tenant create|list: the associations and partner NGOs this installation serves.

import { systemClock } from "@qadam/core/clock";
import { isDomainError } from "@qadam/core/errors";
import { errorMessage } from "@qadam/core/i18n";
import { systemIds } from "@qadam/core/ids";
import type { Command } from "commander";
import { createTenant, listTenants } from "../../orgs/index.js";
import { databaseUrl, withDatabase } from "../database.js";
import { CliError, type CliIo } from "../io.js";

export function tenantCommands(program: Command, io: CliIo): void {
  const tenant = program.command("tenant").description("tenants: associations and partner NGOs");
  tenant
    .command("create")
    .description("create a tenant with its root organisation")
    .requiredOption("--slug <slug>", "short unique name, e.g. moldir")
    .requiredOption("--name <name>", "the association's name")
    .option("--kind <kind>", "association | partner_ngo", "association")
    .option("--locale <locale>", "the language its books are kept in: kk | ru | en | fr", "kk")
    .option("--currency <code>", "ISO 4217 currency", "KZT")
    .option("--time-zone <zone>", "IANA time zone", "Asia/Almaty")
    .option("--database-url <url>", "sqlite:<file> or postgres://… (env DATABASE_URL)")
    .option("--json", "machine-readable output")
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const kind =
        opts.kind === "partner_ngo" ? "partner_ngo" : opts.kind === "association" ? "association" : null;
      if (!kind) throw new CliError("--kind must be association or partner_ngo");
      const locale = String(opts.locale);
      if (!["kk", "ru", "en", "fr"].includes(locale)) throw new CliError("--locale must be kk, ru, en or fr");
      if (!/^[a-z0-9][a-z0-9-]{1,40}$/.test(String(opts.slug)))
        throw new CliError("--slug: lowercase letters, digits and dashes");
      await withDatabase(databaseUrl(io, opts.databaseUrl as string | undefined), async ({ db }) => {
        try {
          const created = await db.transaction().execute((trx) =>
            createTenant(
              trx,
              { ids: systemIds, now: systemClock.now().toISOString() },
              {
                slug: String(opts.slug),
                name: String(opts.name),
                kind,
                defaultLocale: locale as "kk" | "ru" | "en" | "fr",
                currency: String(opts.currency),
                timeZone: String(opts.timeZone),
              },
            ),
          );
          io.out(
            opts.json
              ? JSON.stringify(created)
              : `created tenant ${opts.slug}: ${created.tenantId} (root organisation ${created.rootId})`,
          );
        } catch (error) {
          if (isDomainError(error)) throw new CliError(errorMessage("en", error));
          throw error;
        }
      });
    });

  tenant
    .command("list")
    .description("list the tenants")
    .option("--database-url <url>", "sqlite:<file> or postgres://… (env DATABASE_URL)")
    .option("--json", "machine-readable output")
    .action(async (opts: { databaseUrl?: string; json?: boolean }) => {
      await withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db }) => {
        const rows = await listTenants(db);
        if (opts.json) io.out(JSON.stringify(rows));
        else for (const r of rows) io.out(`${r.slug}\t${r.id}\t${r.name}`);
      });
    });
}
