// qadam group rules|adopt-rules|meeting-draft|record-meeting|meeting|correct-meeting|passbook|
// missed-meetings|grades and grading-table: a self-help group's books kept from the command line, with the JSON the API takes
// and gives (a meeting file is the body of POST /groups/{id}/meetings), through the same commands.

import type { Actor } from "@qadam/core/auth/actor";
import { businessDate, isCalendarDate, systemClock } from "@qadam/core/clock";
import { GRADING_CRITERIA, type GradingTable, gradingTableSchema } from "@qadam/core/groups/grading";
import { groupRulesSpec } from "@qadam/core/groups/rules";
import { isLocale, type Locale } from "@qadam/core/i18n";
import { systemIds } from "@qadam/core/ids";
import type { Command } from "commander";
import {
  adoptRules,
  correctMeetingJson,
  gradeHistory,
  gradingTableInForce,
  meetingDraft,
  meetingDraftDto,
  meetingDto,
  meetingInputJson,
  meetingRecord,
  meetingRegularity,
  passbook,
  passbookDto,
  recordMeetingJson,
  rulesVersionsJson,
  setGradingTable,
} from "../../groups/index.js";
import { tenantOrganisation } from "../../orgs/index.js";
import { type CommandContext, executeCommand } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import { databaseUrl, withDatabase } from "../database.js";
import { explain, explainIn } from "../explain.js";
import { readJson } from "../input.js";
import { CliError, type CliIo } from "../io.js";
import { operatorOf, tenantOfOrg } from "../operator.js";
import { criteriaIn } from "./group.js";

interface Options {
  group: string;
  databaseUrl?: string;
  json?: boolean;
  lang?: string;
}

function localeOf(opts: { lang?: string }): Locale {
  const lang = opts.lang ?? "en";
  if (!isLocale(lang)) throw new CliError("--lang must be kk, ru, en or fr");
  return lang;
}

function checkDateOption(flag: string, value: string | undefined): void {
  if (value !== undefined && !isCalendarDate(value)) throw new CliError(`${flag} must be a date YYYY-MM-DD`);
}

/** Runs `body` as the administrator of the group's tenant (errors in `locale`). */
async function asOperator<T>(
  io: CliIo,
  opts: Options,
  body: (db: Db, actor: Actor) => Promise<T>,
  locale: Locale = "en",
): Promise<T> {
  return withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db }) => {
    const actor = await operatorOf(db, await tenantOfOrg(db, opts.group));
    return body(db, actor).catch(explainIn(locale));
  });
}

function run<T>(db: Db, actor: Actor, name: string, body: (trx: Db, ctx: CommandContext) => Promise<T>) {
  return executeCommand({ db, clock: systemClock, ids: systemIds }, { actor, name, source: "cli" }, body);
}

type MeetingJson = ReturnType<typeof meetingDto>;

function printMeeting(io: CliIo, m: MeetingJson): void {
  const present = m.attendance.filter((a) => a.status !== "absent").length;
  io.out(
    `Meeting ${m.seq} on ${m.heldOn} (${m.status}): ${present} of ${m.attendance.length} members there; ${m.cashCounted === null ? "cash not counted" : `cash counted ${m.cashCounted} ${m.currency}`}`,
  );
  for (const l of m.lines)
    io.out(
      `${String(l.lineNo).padStart(4)}  ${l.kind.padEnd(20)} ${l.amount.padStart(14)}  ${l.personId ?? ""}${l.loanId ? `  loan ${l.loanId}` : ""}`,
    );
  io.out(`  id ${m.id}`);
}

export function groupBooksCommands(program: Command, io: CliIo): void {
  const group =
    program.commands.find((c) => c.name() === "group") ??
    program.command("group").description("self-help groups");
  const common = (c: Command) =>
    c
      .requiredOption("--group <id>", "the self-help group")
      .option("--database-url <url>", "sqlite:<file> or postgres://… (env DATABASE_URL)")
      .option("--json", "machine-readable output");
  const language = (c: Command) =>
    c.option("--lang <locale>", "language of messages: kk, ru, en or fr", "en");

  common(group.command("rules").description("every version of the group's rules, oldest first")).action(
    async (opts: Options) => {
      const items = await asOperator(io, opts, (db, actor) => rulesVersionsJson(db, actor, opts.group));
      if (opts.json) io.out(JSON.stringify({ items }));
      else if (items.length === 0) io.out("No rules adopted yet (see: qadam group adopt-rules)");
      else for (const r of items) io.out(`From ${r.validFrom}: ${JSON.stringify(r.rules)}`);
    },
  );

  common(
    group
      .command("adopt-rules")
      .description(
        "adopt the group's rules from a date (the JSON body of PUT /groups/{id}/rules/{validFrom})",
      ),
  )
    .requiredOption("--from <date>", "the date the rules take effect, YYYY-MM-DD")
    .requiredOption("--file <file>", "the rules as JSON, or - for standard input")
    .action(async (opts: Options & { from: string; file: string }) => {
      checkDateOption("--from", opts.from);
      const rules = await readJson(opts.file, groupRulesSpec);
      const adopted = await asOperator(io, opts, (db, actor) =>
        run(db, actor, "group.rules", (trx, ctx) =>
          adoptRules(trx, ctx, opts.group, { validFrom: opts.from, rules }),
        ),
      );
      if (opts.json) io.out(JSON.stringify({ ...adopted, rules }));
      else io.out(`Rules adopted from ${adopted.validFrom}`);
    });

  language(
    common(
      group
        .command("meeting-draft")
        .description(
          "what is due at a meeting (default: the next one the rules expect); --json prints it with `meeting`, the body record-meeting takes",
        ),
    ),
  )
    .option("--on <date>", "the meeting's date, YYYY-MM-DD")
    .action(async (opts: Options & { on?: string }) => {
      const locale = localeOf(opts);
      checkDateOption("--on", opts.on);
      const draft = await asOperator(
        io,
        opts,
        async (db, actor) =>
          meetingDraftDto(await meetingDraft(db, actor, opts.group, opts.on ?? null, systemClock.now())),
        locale,
      );
      if (opts.json) {
        io.out(JSON.stringify(draft));
        return;
      }
      io.out(
        `Meeting of ${draft.heldOn}: cash in the box ${draft.cashBefore}, after it ${draft.meeting.cashCounted ?? ""} ${draft.currency}`,
      );
      for (const x of draft.members) {
        const loans = x.loans.map((l) => `loan ${l.loanId} ${l.principal} + ${l.interest} interest`);
        io.out(
          `${x.name.padEnd(30)} savings ${x.savings}, social fund ${x.socialContribution}${x.fines === "0.00" ? "" : `, fine ${x.fines}`}${loans.length > 0 ? `; ${loans.join("; ")}` : ""}`,
        );
      }
      for (const l of draft.groupLoans) io.out(`Group loan ${l.loanId}: due ${l.due}, repaid ${l.amount}`);
    });

  language(
    common(
      group
        .command("record-meeting")
        .description(
          "record a meeting (the JSON body of POST /groups/{id}/meetings), posted in one transaction",
        ),
    ),
  )
    .requiredOption("--file <file>", "the meeting as JSON, or - for standard input")
    .action(async (opts: Options & { file: string }) => {
      const locale = localeOf(opts);
      const input = await readJson(opts.file, meetingInputJson, locale);
      const recorded = await asOperator(
        io,
        opts,
        (db, actor) =>
          run(db, actor, "meeting.record", (trx, ctx) => recordMeetingJson(trx, ctx, opts.group, input)),
        locale,
      );
      if (opts.json) io.out(JSON.stringify(recorded));
      else {
        printMeeting(io, recorded);
        io.out(`  cash in the box after it: ${recorded.cashAfter} ${recorded.currency}`);
      }
    });

  common(group.command("meeting").description("one meeting with its attendance and its lines"))
    .requiredOption("--meeting <id>", "the meeting")
    .action(async (opts: Options & { meeting: string }) => {
      const record = await asOperator(io, opts, async (db, actor) =>
        meetingDto(await meetingRecord(db, actor, opts.group, opts.meeting)),
      );
      if (opts.json) io.out(JSON.stringify(record));
      else printMeeting(io, record);
    });

  language(
    common(
      group
        .command("correct-meeting")
        .description(
          "correct the group's latest meeting: its entry is reversed, and the meeting in --file recorded instead",
        ),
    ),
  )
    .requiredOption("--meeting <id>", "the latest meeting")
    .option("--file <file>", "the replacement as JSON, or - for standard input (none: only reverse)")
    .action(async (opts: Options & { meeting: string; file?: string }) => {
      const locale = localeOf(opts);
      const replacement = opts.file === undefined ? null : await readJson(opts.file, meetingInputJson);
      const done = await asOperator(
        io,
        opts,
        (db, actor) =>
          run(db, actor, "meeting.correct", (trx, ctx) =>
            correctMeetingJson(trx, ctx, opts.group, opts.meeting, replacement),
          ),
        locale,
      );
      if (opts.json) io.out(JSON.stringify(done));
      else {
        io.out(`Reversed meeting ${done.reversed.seq} of ${done.reversed.heldOn}`);
        if (done.replacement) printMeeting(io, done.replacement);
      }
    });

  common(group.command("passbook").description("a member's savings, loans, fines and social-fund lines"))
    .requiredOption("--person <id>", "the member")
    .action(async (opts: Options & { person: string }) => {
      const book = await asOperator(io, opts, async (db, actor) =>
        passbookDto(await passbook(db, actor, opts.group, opts.person)),
      );
      if (opts.json) {
        io.out(JSON.stringify(book));
        return;
      }
      io.out(
        `Savings ${book.savings}, loans ${book.loans}, fines paid ${book.finesPaid}, social fund in ${book.socialContributions} / out ${book.socialPayouts} (${book.currency})`,
      );
      for (const l of book.lines)
        io.out(
          `${l.heldOn}  ${l.kind.padEnd(20)} ${l.amount.padStart(14)}  savings ${l.savings.padStart(14)}  loans ${l.loans.padStart(14)}`,
        );
    });

  common(
    group
      .command("missed-meetings")
      .description(
        "meetings the rules expected over a period (default: the six months to today), held and missed",
      ),
  )
    .option("--from <date>", "YYYY-MM-DD")
    .option("--to <date>", "YYYY-MM-DD (default: today in the group's time zone)")
    .action(async (opts: Options & { from?: string; to?: string }) => {
      checkDateOption("--from", opts.from);
      checkDateOption("--to", opts.to);
      const report = await asOperator(io, opts, (db, actor) =>
        meetingRegularity(db, actor, opts.group, { from: opts.from, to: opts.to }, systemClock.now()),
      );
      if (opts.json) io.out(JSON.stringify(report));
      else {
        io.out(
          `${report.from} – ${report.to}: ${report.expected.length} meetings expected, ${report.matched.length} held on schedule, ${report.missed.length} missed, ${report.extra.length} extra`,
        );
        if (report.missed.length > 0) io.out(`Missed: ${report.missed.join(", ")}`);
      }
    });

  language(
    common(group.command("grades").description("the grades kept in the group's history, newest first")),
  ).action(async (opts: Options) => {
    const locale = localeOf(opts);
    const rows = await asOperator(io, opts, (db, actor) => gradeHistory(db, actor, opts.group), locale);
    const items = rows.map((r) => ({ ...r, criteria: criteriaIn(locale, r.criteria) }));
    if (opts.json) io.out(JSON.stringify({ items }));
    else if (items.length === 0) io.out("No grade kept yet (see: qadam group grade --record)");
    else
      for (const r of items)
        io.out(`${r.gradedOn}  ${r.grade}  ${r.score} of ${r.max}  (records from ${r.windowFrom})`);
  });

  group
    .command("grading-table")
    .description(
      "the tenant's grading table in force (on --on, default today), or with --from and --file set one from a date (the JSON body of PUT /grading-table/{validFrom})",
    )
    .requiredOption("--tenant <slug>", "the tenant (slug or id)")
    .option("--from <date>", "the date the table takes effect, YYYY-MM-DD")
    .option("--file <file>", "the table as JSON, or - for standard input")
    .option("--on <date>", "without --from: the table in force on this date, YYYY-MM-DD (default today)")
    .option("--database-url <url>", "sqlite:<file> or postgres://… (env DATABASE_URL)")
    .option("--json", "machine-readable output")
    .action(
      async (opts: {
        tenant: string;
        from?: string;
        file?: string;
        on?: string;
        databaseUrl?: string;
        json?: boolean;
      }) => {
        if (opts.from === undefined && opts.file === undefined) {
          checkDateOption("--on", opts.on);
          const inForce = await withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db }) => {
            const actor = await operatorOf(db, opts.tenant);
            const rootId = actor.grants[0]?.orgId;
            const root = rootId ? await tenantOrganisation(db, actor.tenantId, rootId) : null;
            const on = opts.on ?? businessDate(systemClock.now(), root?.timeZone ?? "UTC");
            return { on, ...(await gradingTableInForce(db, actor.tenantId, on)) };
          });
          if (opts.json) io.out(JSON.stringify(inForce));
          else printGradingTable(io, inForce);
          return;
        }
        if (opts.from === undefined || opts.file === undefined)
          throw new CliError("--from and --file go together: the date a table takes effect, and the table");
        const from = opts.from;
        checkDateOption("--from", from);
        const table = await readJson(opts.file, gradingTableSchema);
        const set = await withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db }) => {
          const actor = await operatorOf(db, opts.tenant);
          return run(db, actor, "grading.table", (trx, ctx) =>
            setGradingTable(trx, ctx, { validFrom: from, table }),
          ).catch(explain);
        });
        if (opts.json) io.out(JSON.stringify(set));
        else io.out(`Grading table in force from ${set.validFrom}`);
      },
    );
}

function printGradingTable(
  io: CliIo,
  t: { on: string; validFrom: string | null; table: GradingTable },
): void {
  io.out(
    t.validFrom === null
      ? `Grading table in force on ${t.on}: the default table`
      : `Grading table in force on ${t.on}: the tenant's, from ${t.validFrom}`,
  );
  io.out(`Bands: A from ${t.table.bands.A} points, B from ${t.table.bands.B}, C below`);
  for (const name of GRADING_CRITERIA) {
    const c = t.table.criteria[name];
    if (!c) continue;
    const unit = name === "groupSize" ? " members" : " %";
    io.out(
      `  ${name.padEnd(18)} max ${String(c.max).padStart(3)}  ${c.steps.map((s) => `≥ ${s.atLeast}${unit}: ${s.points}`).join(", ")}`,
    );
  }
}
