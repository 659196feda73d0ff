// qadam user add|grant: the operator creates users and grants roles on organisations.

import { isRole, ROLES } from "@qadam/core/auth/roles";
import { systemClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import type { Command } from "commander";
import { normaliseLogin } from "../../platform/auth/sessions.js";
import { executeCommand } from "../../platform/commands.js";
import { createUser, grantRole, userByLogin } from "../../users/index.js";
import { databaseUrl, withDatabase } from "../database.js";
import { explain } from "../explain.js";
import { CliError, type CliIo } from "../io.js";
import { operatorOf, tenantOfOrg } from "../operator.js";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export function userCommands(program: Command, io: CliIo): void {
  const user = program.command("user").description("users and their roles");
  user
    .command("add")
    .description("add a user to a tenant, optionally with a first role")
    .requiredOption("--tenant <slug-or-id>", "the tenant")
    .requiredOption("--login <login>", "log-in name, usually an e-mail address")
    .requiredOption("--name <name>", "display name")
    .option(
      "--password <password>",
      "the password (prefer --password-stdin: command lines are visible to others)",
    )
    .option("--password-stdin", "read the password from standard input")
    .option("--locale <locale>", "kk | ru | en | fr", "ru")
    .option("--role <role>", `a role to grant: ${ROLES.join(", ")}`)
    .option("--org <id>", "the organisation the role is granted on (default: the tenant's root)")
    .option("--database-url <url>", "sqlite:<file> or postgres://… (env DATABASE_URL)")
    .option("--json", "machine-readable output")
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const password = opts.passwordStdin
        ? await readStdin()
        : ((opts.password as string | undefined) ?? io.env.QADAM_PASSWORD);
      if (!password)
        throw new CliError("give a password with --password-stdin (or --password, or QADAM_PASSWORD)");
      const role = opts.role as string | undefined;
      if (role && !isRole(role)) throw new CliError(`--role must be one of ${ROLES.join(", ")}`);
      const locale = String(opts.locale);
      if (!["kk", "ru", "en", "fr"].includes(locale)) throw new CliError("--locale must be kk, ru, en or fr");
      await withDatabase(databaseUrl(io, opts.databaseUrl as string | undefined), async ({ db }) => {
        const actor = await operatorOf(db, String(opts.tenant));
        const orgId = (opts.org as string | undefined) ?? actor.grants[0]?.orgId ?? "";
        const created = await executeCommand(
          { db, clock: systemClock, ids: systemIds },
          { actor, name: "user.create", source: "cli" },
          (trx, ctx) =>
            createUser(trx, ctx, {
              login: String(opts.login),
              displayName: String(opts.name),
              password,
              locale: locale as "kk" | "ru" | "en" | "fr",
              grants: role && isRole(role) ? [{ orgId, role }] : [],
            }),
        ).catch(explain);
        io.out(
          opts.json
            ? JSON.stringify({ id: created.id, login: created.login })
            : `added user ${created.login} (${created.id})`,
        );
      });
    });

  user
    .command("grant")
    .description("grant a user a role on an organisation and everything under it")
    .requiredOption("--login <login>", "the user")
    .requiredOption("--org <id>", "the organisation")
    .requiredOption("--role <role>", ROLES.join(" | "))
    .option("--database-url <url>", "sqlite:<file> or postgres://… (env DATABASE_URL)")
    .option("--json", "machine-readable output")
    .action(
      async (opts: { login: string; org: string; role: string; databaseUrl?: string; json?: boolean }) => {
        const role = opts.role;
        if (!isRole(role)) throw new CliError(`--role must be one of ${ROLES.join(", ")}`);
        await withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db }) => {
          const tenantId = await tenantOfOrg(db, opts.org);
          const target = await userByLogin(db, normaliseLogin(opts.login));
          if (!target || target.tenantId !== tenantId)
            throw new CliError(`no user ${opts.login} in the organisation's tenant`);
          const actor = await operatorOf(db, tenantId);
          const grant = await executeCommand(
            { db, clock: systemClock, ids: systemIds },
            { actor, name: "user.grant", source: "cli" },
            (trx, ctx) => grantRole(trx, ctx, { userId: target.id, orgId: opts.org, role }),
          ).catch(explain);
          io.out(opts.json ? JSON.stringify(grant) : `granted ${role} on ${opts.org} to ${opts.login}`);
        });
      },
    );
}
