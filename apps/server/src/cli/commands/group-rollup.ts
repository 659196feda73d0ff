// qadam group rollup: the self-help groups of an organisation and its subtree added up over a period,
// by federation, cluster and region — the same figures as GET /api/v1/orgs/{orgId}/group-rollup.
// Added to the `group` command (commands/group.ts) when it is there, created otherwise.

import { businessDate, isCalendarDate, systemClock } from "@qadam/core/clock";
import type { Command } from "commander";
import { type GroupRollUpJson, groupRollUpJson, rollUp, yearBefore } from "../../groups/index.js";
import { findOrganisation } from "../../orgs/index.js";
import { databaseUrl, withDatabase } from "../database.js";
import { explain } from "../explain.js";
import { CliError, type CliIo } from "../io.js";
import { operatorOf, tenantOfOrg } from "../operator.js";

type Row = GroupRollUpJson["currencies"][number]["total"];

function line(label: string, r: Row): string {
  const f = r.figures;
  const cells = [
    `${f.groups.total}`.padStart(6),
    `${f.groups.active}`.padStart(6),
    `${f.members.active}`.padStart(8),
    (r.indicators.attendanceRate?.value ?? "-").padStart(9),
    f.savings.held.padStart(16),
    f.internalLoans.outstanding.amount.padStart(15),
    (r.indicators.portfolioAtRisk?.value ?? "-").padStart(9),
    (f.externalLoans.par30 ?? "-").padStart(9),
  ];
  return `${label.slice(0, 32).padEnd(32)} ${cells.join(" ")}`;
}

function print(io: CliIo, r: GroupRollUpJson): void {
  io.out(`${r.name} (${r.kind}), ${r.from} – ${r.to}`);
  if (r.currencies.length === 0) io.out("No self-help group in this organisation's subtree.");
  const header = `${"".padEnd(32)} ${"Groups".padStart(6)} ${"Active".padStart(6)} ${"Members".padStart(8)} ${"Attended".padStart(9)} ${"Savings held".padStart(16)} ${"Internal loans".padStart(15)} ${"PAR".padStart(9)} ${"Ext. PAR30".padStart(9)}`;
  for (const c of r.currencies) {
    io.out("");
    io.out(`${header}  (${c.currency})`);
    io.out(line("Total", c.total));
    const f = c.total.figures;
    io.out(
      `  members ${f.members.atStart} at start, ${f.members.joined} joined, ${f.members.droppedOut} dropped out; grades A ${f.grades.A}, B ${f.grades.B}, C ${f.grades.C}, ungraded ${f.grades.ungraded}`,
    );
    io.out(
      `  saved in the period ${f.savings.inPeriod}; share-outs ${f.shareouts.count} paying ${f.shareouts.amount}; external loans ${f.externalLoans.outstanding} outstanding`,
    );
    for (const [title, rows] of [
      ["By federation", c.byFederation.map((x) => [x.name ?? "(none)", x] as const)],
      ["By cluster", c.byCluster.map((x) => [x.name ?? "(no cluster)", x] as const)],
      ["By region", c.byRegion.map((x) => [x.region ?? "(no region)", x] as const)],
    ] as const) {
      io.out(title);
      for (const [label, x] of rows) io.out(line(`  ${label}`, x));
    }
  }
}

export function groupRollUpCommand(program: Command, io: CliIo): void {
  const group =
    program.commands.find((c) => c.name() === "group") ??
    program.command("group").description("self-help groups");
  group
    .command("rollup")
    .description("the self-help groups of an organisation and its subtree added up over a period")
    .requiredOption("--org <id>", "an association, federation, cluster or group")
    .option("--from <date>", "YYYY-MM-DD (default: a year before --to)")
    .option("--to <date>", "YYYY-MM-DD (default: today in the organisation's time zone)")
    .option("--database-url <url>", "sqlite:<file> or postgres://… (env DATABASE_URL)")
    .option("--json", "machine-readable output")
    .action(
      async (opts: { org: string; from?: string; to?: string; databaseUrl?: string; json?: boolean }) => {
        for (const [flag, value] of [
          ["--from", opts.from],
          ["--to", opts.to],
        ] as const)
          if (value !== undefined && !isCalendarDate(value))
            throw new CliError(`${flag} must be a date YYYY-MM-DD`);
        await withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db }) => {
          const actor = await operatorOf(db, await tenantOfOrg(db, opts.org));
          const org = await findOrganisation(db, actor, opts.org).catch(explain);
          const to = opts.to ?? businessDate(systemClock.now(), org.timeZone);
          const from = opts.from ?? yearBefore(to);
          const result = groupRollUpJson(await rollUp(db, actor, org.id, { from, to }).catch(explain));
          if (opts.json) io.out(JSON.stringify(result));
          else print(io, result);
        });
      },
    );
}
