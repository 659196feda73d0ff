// qadam group shareout|grade|meetings: a self-help group's share-out (previewed or committed), its
// grade with each criterion's reason in words, and its meetings, from the command line.

import type { Actor } from "@qadam/core/auth/actor";
import { businessDate, isCalendarDate, systemClock } from "@qadam/core/clock";
import type { CriterionScore } from "@qadam/core/groups/grading";
import { isLocale, type Locale, translate } from "@qadam/core/i18n";
import { systemIds } from "@qadam/core/ids";
import { formatMoney, money } from "@qadam/core/money";
import type { Command } from "commander";
import {
  closeCycle,
  findGroup,
  gradeOn,
  meetingsOf,
  previewShareout,
  recordGrade,
  type ShareoutPreview,
  summaryDto,
} from "../../groups/index.js";
import { executeCommand } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import { databaseUrl, withDatabase } from "../database.js";
import { explain, explainIn } from "../explain.js";
import { CliError, type CliIo } from "../io.js";
import { operatorOf, tenantOfOrg } from "../operator.js";

interface GroupOptions {
  group: string;
  databaseUrl?: string;
  json?: boolean;
}

/** The operator acting on the group's tenant, and the date asked for (default: today in the group's zone). */
async function groupAndDate(
  db: Db,
  opts: GroupOptions & { on?: string },
): Promise<{ actor: Actor; on: string }> {
  if (opts.on !== undefined && !isCalendarDate(opts.on)) throw new CliError("--on must be a date YYYY-MM-DD");
  const actor = await operatorOf(db, await tenantOfOrg(db, opts.group));
  const group = await findGroup(db, actor, opts.group).catch(explain);
  return { actor, on: opts.on ?? businessDate(systemClock.now(), group.timeZone) };
}

/** A grade's criteria as the command line prints them: each reason as a sentence in `locale`. */
export function criteriaIn(locale: Locale, criteria: readonly CriterionScore[]) {
  return criteria.map((c) => ({
    name: c.name,
    score: c.score,
    max: c.max,
    reason: translate(locale, c.reason.key, c.reason.values),
  }));
}

/**
 * The share-out as `--json` prints it: `distributable` is the net worth shared (= Σ payout); each
 * member's `payout` is her claim, `cashNow` + `carriedOver` (what stays as her opening savings).
 */
function shareoutJson(p: ShareoutPreview) {
  const m = (minor: bigint) => formatMoney(money(minor, p.currency));
  return {
    method: p.method,
    sharedAs: p.sharedAs,
    cycleFrom: p.cycleFrom,
    closesOn: p.closesOn,
    currency: p.currency,
    distributable: m(p.distributable),
    cash: m(p.cash),
    loansOutstanding: m(p.loansOutstanding),
    interestDue: m(p.interestDue),
    socialFund: m(p.socialFund),
    owed: m(p.owed),
    owedInterest: m(p.owedInterest),
    cashNow: m(p.cashNow),
    carriedOver: m(p.carriedOver),
    members: p.members.map((x) => ({
      personId: x.personId,
      savings: m(x.savings),
      payout: m(x.payout),
      cashNow: m(x.cashNow),
      carriedOver: m(x.carriedOver),
    })),
  };
}

function printShareout(io: CliIo, p: ShareoutPreview): void {
  const m = (minor: bigint) => formatMoney(money(minor, p.currency)).padStart(14);
  const how = p.sharedAs === p.method ? p.method : `${p.method}, shared as ${p.sharedAs}`;
  io.out(`Share-out of the cycle ${p.cycleFrom} – ${p.closesOn} (${how}), ${p.currency}`);
  const t = (minor: bigint) => formatMoney(money(minor, p.currency));
  io.out(
    `Net worth shared ${t(p.distributable)} = cash ${t(p.cash)} + loans outstanding ${t(p.loansOutstanding)} + interest due ${t(p.interestDue)} − owed ${t(p.owed)} − interest owed outside ${t(p.owedInterest)} (social fund kept ${t(p.socialFund)})`,
  );
  io.out(`Paid in cash now ${t(p.cashNow)}; carried over as opening savings ${t(p.carriedOver)}`);
  io.out(
    `${"Member".padEnd(30)} ${"Savings".padStart(14)} ${"Claim".padStart(14)} ${"Cash now".padStart(14)} ${"Carried over".padStart(14)}`,
  );
  for (const x of p.members)
    io.out(
      `${(x.name || x.personId).padEnd(30)} ${m(x.savings)} ${m(x.payout)} ${m(x.cashNow)} ${m(x.carriedOver)}`,
    );
}

export function groupCommands(program: Command, io: CliIo): void {
  const group = program.command("group").description("self-help groups");
  const common = (c: Command) =>
    c
      .requiredOption("--group <id>", "the self-help group")
      .option("--database-url <url>", "sqlite:<file> or postgres://… (env DATABASE_URL)")
      .option("--json", "machine-readable output");

  common(
    group
      .command("shareout")
      .description("close the savings cycle and pay the share-out (--preview: only show it)"),
  )
    .option("--on <date>", "closing date YYYY-MM-DD (default: today)")
    .option("--preview", "show what each member would be paid; write nothing")
    .option("--carry-over-loans", "close even with internal loans open: they stay as next cycle's fund")
    .action(async (opts: GroupOptions & { on?: string; preview?: boolean; carryOverLoans?: boolean }) => {
      await withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db }) => {
        const { actor, on } = await groupAndDate(db, opts);
        if (opts.preview) {
          const preview = await previewShareout(db, actor, opts.group, on).catch(explain);
          if (opts.json) io.out(JSON.stringify(shareoutJson(preview)));
          else printShareout(io, preview);
          return;
        }
        const closed = await executeCommand(
          { db, clock: systemClock, ids: systemIds },
          { actor, name: "group.shareout", source: "cli" },
          (trx, ctx) =>
            closeCycle(trx, ctx, opts.group, { on, carryOverLoans: opts.carryOverLoans === true }),
        ).catch(explain);
        if (opts.json) io.out(JSON.stringify({ ...shareoutJson(closed), shareoutId: closed.shareoutId }));
        else {
          printShareout(io, closed);
          io.out(`Cycle closed: share-out ${closed.shareoutId}`);
        }
      });
    });

  common(
    group.command("grade").description("the group's grade (A, B or C) from its own records, with reasons"),
  )
    .option("--on <date>", "grading date YYYY-MM-DD (default: today)")
    .option("--window-months <n>", "months of records looked at", "6")
    .option("--record", "keep the grade in the group's history")
    .option("--lang <locale>", "language of the reasons: kk, ru, en or fr", "en")
    .action(
      async (opts: GroupOptions & { on?: string; windowMonths: string; record?: boolean; lang: string }) => {
        if (!isLocale(opts.lang)) throw new CliError("--lang must be kk, ru, en or fr");
        const locale = opts.lang;
        const windowMonths = Number(opts.windowMonths);
        if (!/^\d{1,2}$/.test(opts.windowMonths) || windowMonths < 1 || windowMonths > 36)
          throw new CliError("--window-months must be a whole number from 1 to 36");
        await withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db }) => {
          const { actor, on } = await groupAndDate(db, opts);
          const report = opts.record
            ? await executeCommand(
                { db, clock: systemClock, ids: systemIds },
                { actor, name: "group.grade", source: "cli" },
                (trx, ctx) => recordGrade(trx, ctx, opts.group, on, windowMonths),
              ).catch(explainIn(locale))
            : await gradeOn(db, actor, opts.group, on, windowMonths).catch(explainIn(locale));
          const criteria = criteriaIn(locale, report.criteria);
          if (opts.json) {
            io.out(JSON.stringify({ grade: report.grade, score: report.score, criteria }));
            return;
          }
          io.out(
            `Grade ${report.grade}: ${report.score} of ${report.max} on ${report.gradedOn} (records from ${report.windowFrom})`,
          );
          for (const c of criteria)
            io.out(`${`${c.score}/${c.max}`.padStart(7)}  ${c.name.padEnd(18)} ${c.reason}`);
        });
      },
    );

  common(
    group.command("meetings").description("the group's meetings in the order they were recorded"),
  ).action(async (opts: GroupOptions) => {
    await withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db }) => {
      const actor = await operatorOf(db, await tenantOfOrg(db, opts.group));
      const list = await meetingsOf(db, actor, opts.group).catch(explain);
      const meetings = list.meetings.map((m) => summaryDto(m, list.currency));
      if (opts.json) io.out(JSON.stringify({ groupId: list.groupId, currency: list.currency, meetings }));
      else
        for (const m of meetings)
          io.out(
            `${String(m.seq).padStart(4)}  ${m.heldOn}  ${m.status.padEnd(8)}  ${m.cashCounted === null ? "cash not counted" : `cash counted ${m.cashCounted} ${list.currency}`}  ${m.id}`,
          );
    });
  });
}
