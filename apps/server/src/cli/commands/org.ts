// qadam org list: every organisation (id, parent, kind, name), for scripts and for finding ids.
import type { Command } from "commander";
import { everyOrganisation } from "../../orgs/index.js";
import { databaseUrl, withDatabase } from "../database.js";
import type { CliIo } from "../io.js";

export function orgCommands(program: Command, io: CliIo): void {
  const org = program.command("org").description("organisations");
  org
    .command("list")
    .description("list organisations, tree order")
    .option("--tenant <slug-or-id>", "only this tenant's organisations")
    .option(
      "--kind <kind>",
      "only this kind (association, partner_ngo, federation, cluster, shg, mfo, centre)",
    )
    .option("--database-url <url>", "sqlite:<file> or postgres://… (env DATABASE_URL)")
    .option("--json", "machine-readable output")
    .action(async (opts: { tenant?: string; kind?: string; databaseUrl?: string; json?: boolean }) => {
      await withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db }) => {
        const rows = await everyOrganisation(db, {
          ...(opts.tenant !== undefined ? { tenant: opts.tenant } : {}),
          ...(opts.kind !== undefined ? { kind: opts.kind } : {}),
        });
        if (opts.json) {
          io.out(
            JSON.stringify(
              rows.map((r) => ({
                id: r.id,
                parent: r.parentId,
                kind: r.kind,
                name: r.name,
                tenant: r.tenant,
                status: r.status,
              })),
            ),
          );
          return;
        }
        for (const r of rows)
          io.out(
            `${"  ".repeat(r.depth)}${r.name} [${r.kind}${r.status === "active" ? "" : `, ${r.status}`}] ${r.id}`,
          );
      });
    });
}
