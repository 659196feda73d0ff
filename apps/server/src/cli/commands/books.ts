// qadam books open|accounts|trial-balance|export: an organisation's books from the command line.
import { writeFileSync } from "node:fs";
import { formatLedgerJournal } from "@qadam/core/books/ledger-format";
import { businessDate, isCalendarDate, systemClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import { formatMoney, money } from "@qadam/core/money";
import type { Command } from "commander";
import { chartOf, journalForExport, openBooks, trialBalance } from "../../books/index.js";
import { tenantOrganisation } from "../../orgs/index.js";
import { executeCommand } from "../../platform/commands.js";
import { databaseUrl, withDatabase } from "../database.js";
import { explain } from "../explain.js";
import { CliError, type CliIo } from "../io.js";
import { operatorOf, tenantOfOrg } from "../operator.js";

export function booksCommands(program: Command, io: CliIo): void {
  const books = program.command("books").description("double-entry books");
  const common = (c: Command) =>
    c
      .requiredOption("--org <id>", "the organisation whose books these are")
      .option("--database-url <url>", "sqlite:<file> or postgres://… (env DATABASE_URL)");

  common(
    books
      .command("open")
      .description("create the organisation's chart of accounts from the template for its kind"),
  )
    .option("--json", "machine-readable output")
    .action(async (opts: { org: string; databaseUrl?: string; json?: boolean }) => {
      await withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db }) => {
        const actor = await operatorOf(db, await tenantOfOrg(db, opts.org));
        const chart = await executeCommand(
          { db, clock: systemClock, ids: systemIds },
          { actor, name: "books.open", source: "cli" },
          (trx, ctx) => openBooks(trx, ctx, opts.org),
        ).catch(explain);
        if (opts.json)
          io.out(
            JSON.stringify(chart.map((a) => ({ id: a.id, code: a.code, account: a.fullName, type: a.type }))),
          );
        else for (const a of chart) io.out(`${a.code.padEnd(6)} ${a.fullName}`);
      });
    });

  common(books.command("accounts").description("the chart of accounts, closed accounts included"))
    .option("--json", "machine-readable output")
    .action(async (opts: { org: string; databaseUrl?: string; json?: boolean }) => {
      await withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db }) => {
        const actor = await operatorOf(db, await tenantOfOrg(db, opts.org));
        const chart = await chartOf(db, actor, opts.org).catch(explain);
        const accounts = chart.map((a) => ({
          id: a.id,
          code: a.code,
          account: a.fullName,
          type: a.type,
          status: a.status,
          parentId: a.parentId,
        }));
        if (opts.json) io.out(JSON.stringify({ accounts }));
        else
          for (const a of accounts)
            io.out(`${a.code.padEnd(6)} ${a.account}${a.status === "closed" ? "  (closed)" : ""}`);
      });
    });

  common(books.command("trial-balance").description("every account's balance on a date (debit positive)"))
    .option("--date <date>", "YYYY-MM-DD (default: today where the organisation is)")
    .option("--json", "machine-readable output")
    .action(async (opts: { org: string; date?: string; databaseUrl?: string; json?: boolean }) => {
      if (opts.date !== undefined && !isCalendarDate(opts.date))
        throw new CliError("--date must be a date YYYY-MM-DD");
      await withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db }) => {
        const tenantId = await tenantOfOrg(db, opts.org);
        const actor = await operatorOf(db, tenantId);
        // Today in the organisation's time zone (Almaty's day begins five hours before UTC's).
        const date =
          opts.date ??
          businessDate(systemClock.now(), (await tenantOrganisation(db, tenantId, opts.org)).timeZone);
        const rows = await trialBalance(db, actor, opts.org, date).catch(explain);
        const accounts = rows.map((r) => ({
          account: r.account,
          currency: r.currency,
          balance: formatMoney(money(r.balance, r.currency)),
        }));
        if (opts.json) io.out(JSON.stringify({ accounts }));
        else for (const a of accounts) io.out(`${a.balance.padStart(16)} ${a.currency}  ${a.account}`);
      });
    });

  common(books.command("export").description("write the journal for accounting tools"))
    .option("--format <format>", "ledger (hledger and ledger-cli journal format)", "ledger")
    .option("--to <file>", "write to this file instead of standard output")
    .action(async (opts: { org: string; format: string; to?: string; databaseUrl?: string }) => {
      if (opts.format !== "ledger") throw new CliError("--format: only ledger is supported");
      await withDatabase(databaseUrl(io, opts.databaseUrl), async ({ db }) => {
        const actor = await operatorOf(db, await tenantOfOrg(db, opts.org));
        const text = formatLedgerJournal(await journalForExport(db, actor, opts.org).catch(explain));
        if (opts.to) writeFileSync(opts.to, text);
        else io.out(text);
      });
    });
}
