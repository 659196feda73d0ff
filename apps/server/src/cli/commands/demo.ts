// qadam demo: load the deterministic demo data (an association and a partner NGO) into the database.

import { isCalendarDate, systemClock } from "@qadam/core/clock";
import type { Command } from "commander";
import { demoToday, generateDemo, MEETING_GROUPS } from "../../demo/generate.js";
import { listTenants } from "../../orgs/index.js";
import { databaseUrl, withDatabase } from "../database.js";
import { CliError, type CliIo } from "../io.js";
import { progressReporter } from "../progress.js";

export function demoCommand(program: Command, io: CliIo): void {
  program
    .command("demo")
    .description("load the demo data: an association with federations, groups and members, and a partner NGO")
    .option("--seed <n>", "the random seed; the same seed gives the same data", "1")
    .option("--today <date>", "the day the demo's year leads up to, YYYY-MM-DD (default: today in Almaty)")
    .option("--members <n>", "members of the association's groups", "600")
    .option("--loans <n>", "loans in the MFO's year of activity (0 for none)", "150")
    .option(
      "--meeting-groups <n>",
      "self-help groups of each tenant given a year of meetings (an even sample of more; all, or 0 for none)",
      String(MEETING_GROUPS),
    )
    .option("--no-meetings", "no meetings at the groups (the same as --meeting-groups 0)")
    .option("--database-url <url>", "sqlite:<file> or postgres://… (env DATABASE_URL)")
    .option("--json", "machine-readable output")
    .action(
      async (opts: {
        seed: string;
        today?: string;
        members: string;
        loans: string;
        meetingGroups: string;
        meetings: boolean;
        databaseUrl?: string;
        json?: boolean;
      }) => {
        const today = opts.today ?? demoToday(systemClock);
        if (!isCalendarDate(today)) throw new CliError("--today must be a date YYYY-MM-DD");
        const seed = Number(opts.seed);
        const members = Number(opts.members);
        if (!Number.isSafeInteger(seed) || seed < 0) throw new CliError("--seed must be a whole number ≥ 0");
        const loans = Number(opts.loans);
        if (!Number.isSafeInteger(loans) || loans < 0 || loans > 100_000) {
          throw new CliError("--loans must be a whole number from 0 to 100,000");
        }
        if (!Number.isSafeInteger(members) || members < 10 || members > 10_000_000) {
          throw new CliError("--members must be a whole number from 10 to 10,000,000");
        }
        const meetingGroups = !opts.meetings
          ? 0
          : opts.meetingGroups === "all"
            ? Number.POSITIVE_INFINITY
            : Number(opts.meetingGroups);
        if (
          !(
            meetingGroups === Number.POSITIVE_INFINITY ||
            (Number.isSafeInteger(meetingGroups) && meetingGroups >= 0)
          )
        ) {
          throw new CliError('--meeting-groups must be a whole number ≥ 0, or "all"');
        }
        await withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db, displayUrl }) => {
          const existing = (await listTenants(db)).filter((t) => t.slug === "moldir" || t.slug === "umit");
          if (existing.length > 0) {
            throw new CliError(
              `${displayUrl} already holds the demo tenants (${existing.map((e) => e.slug).join(", ")}); use a new database`,
            );
          }
          const started = performance.now();
          const summary = await generateDemo(db, {
            today,
            seed,
            members,
            loans,
            meetingGroups,
            onProgress: progressReporter(io, "demo"),
          });
          const seconds = (performance.now() - started) / 1000;
          if (opts.json) {
            io.out(JSON.stringify({ ...summary, seconds: Number(seconds.toFixed(2)) }));
            return;
          }
          io.out(
            `Loaded the demo into ${displayUrl} in ${seconds.toFixed(1)} s: ${summary.organisations} organisations, ` +
              `${summary.groups} groups, ${summary.people} people, ${summary.memberships} memberships.`,
          );
          const m = summary.meetings;
          io.out(
            `A year of meetings at ${m.groups} of ${m.ofGroups} groups: ${m.meetings} meetings, ${m.internalLoans} internal loans.` +
              (m.sampled
                ? ` The groups are an even sample of each tenant's (at most ${meetingGroups} each); --meeting-groups all gives every group its year.`
                : ""),
          );
          io.out(`Log-ins (password "${summary.password}"):`);
          for (const l of summary.logins) io.out(`  ${l.login}  (${l.role})`);
        });
      },
    );
}
