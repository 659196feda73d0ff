// qadam loan schedule: preview a repayment schedule and its effective annual rate, warned against the
// legal cap (the Kazakh microcredit caps, or a tenant's own read from the database with --tenant).

import type { RawIssue } from "@qadam/core/contract/validation";
import { isDomainError } from "@qadam/core/errors";
import { type DatedCap, KAZAKH_MICROCREDIT_CAPS } from "@qadam/core/loans/product";
import {
  type OptionNames,
  type PreviewContext,
  type PreviewTermsOptions,
  previewSchedule,
  readPreviewOptions,
} from "@qadam/core/loans/schedule-preview";
import type { Command } from "commander";
import { CliError, type CliIo } from "../io.js";

/** An option as the command line spells it: daysInYear is --days-in-year. */
const flag: OptionNames = (option) => `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * The flags as the preview's options. Plainly valid flags are read without Zod (which would cost the
 * command as much CPU as starting Node); any other is judged by the API's own schema, which words the
 * refusal, or accepts a spelling the plain reading leaves to it ("012").
 */
async function optionsFrom(flags: Record<string, unknown>): Promise<PreviewTermsOptions> {
  const plain = readPreviewOptions(flags);
  if (plain !== null) return plain;
  const { previewOptions } = await import("@qadam/core/loans/preview");
  const parsed = previewOptions.safeParse(flags);
  if (parsed.success) return parsed.data;
  const { translateIssues } = await import("@qadam/core/contract/validation");
  throw new CliError(
    translateIssues("en", parsed.error.issues as unknown as RawIssue[], flags)
      .map((i) => `${flag((i.path.split(".")[0] ?? "") as Parameters<OptionNames>[0])}: ${i.message}`)
      .join("; "),
  );
}

/** The tenant's caps from the database, when --tenant names one; else the Kazakh microcredit caps. */
async function capsFor(
  io: CliIo,
  tenant: string | undefined,
  url: string | undefined,
): Promise<readonly DatedCap[]> {
  if (tenant === undefined) return KAZAKH_MICROCREDIT_CAPS;
  const { databaseUrl, withDatabase } = await import("../database.js");
  const { operatorOf } = await import("../operator.js");
  const { tenantCaps } = await import("../../loans/index.js");
  return withDatabase(databaseUrl(io, url), async (open) =>
    tenantCaps(open.db, (await operatorOf(open.db, tenant)).tenantId),
  );
}

export function loanCommands(program: Command, io: CliIo): void {
  const loan = program.command("loan").description("loans");
  loan
    .command("schedule")
    .description("preview a repayment schedule and its effective annual rate (ГЭСВ)")
    .requiredOption("--principal <amount>", "amount lent, e.g. 100000")
    .option("--currency <code>", "ISO 4217 currency", "KZT")
    .requiredOption("--annual-rate <percent>", "nominal annual rate in percent, e.g. 24")
    .requiredOption("--installments <n>", "number of installments")
    .option("--frequency <f>", "weekly | biweekly | every-4-weeks | monthly | quarterly", "monthly")
    .option("--interest <method>", "declining | flat", "declining")
    .option("--amortization <a>", "equal-installments | equal-principal", "equal-installments")
    .option(
      "--interest-period <p>",
      "repayment (each period 1/n of a year) | actual (actual days)",
      "repayment",
    )
    .option("--days-in-year <d>", "365 | 360, only with --interest-period actual (default 365)")
    .option(
      "--first-period <rule>",
      "pro-rata | full: a first period shorter or longer than the frequency, only with --interest-period repayment (default pro-rata)",
    )
    .requiredOption("--disbursed <date>", "disbursement date YYYY-MM-DD")
    .requiredOption("--first-due <date>", "first due date YYYY-MM-DD")
    .option("--grace-principal <n>", "installments without principal", "0")
    .option("--grace-interest <n>", "installments whose interest is deferred", "0")
    .option("--rounding <amount>", "round installments to a multiple of this amount, e.g. 100")
    .option("--fee-disbursement <fee>", "fee at disbursement: an amount, or a percent such as 2%")
    .option("--fee-installment <amount>", "fee with every installment")
    .option(
      "--holidays <dates>",
      "public holidays YYYY-MM-DD,YYYY-MM-DD (due dates move past them and weekends)",
    )
    .option(
      "--tenant <slug>",
      "warn against this tenant's caps on the effective rate (default: Kazakhstan's)",
    )
    .option("--database-url <url>", "the database of --tenant (default: DATABASE_URL or ./data/qadam.db)")
    .option("--json", "machine-readable output")
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const { json, tenant, databaseUrl, ...rest } = opts;
      const options = await optionsFrom(rest);
      const caps = await capsFor(
        io,
        typeof tenant === "string" ? tenant : undefined,
        typeof databaseUrl === "string" ? databaseUrl : undefined,
      );
      // The translations are loaded only for a message to show: a refusal, or a warning worded after
      // the preview (which asks for it while it runs, without waiting).
      const warned: Array<Parameters<PreviewContext["message"]>[0]> = [];
      let preview: ReturnType<typeof previewSchedule>;
      try {
        preview = previewSchedule(options, {
          caps,
          optionNames: flag,
          message: (warning) => {
            warned.push(warning);
            return warning.code;
          },
        });
      } catch (error) {
        const { errorMessage } = await import("@qadam/core/i18n");
        if (isDomainError(error)) throw new CliError(errorMessage("en", error));
        throw error;
      }
      if (warned.length > 0) {
        const { errorMessage } = await import("@qadam/core/i18n");
        preview = {
          ...preview,
          warnings: warned.map((w) => ({ code: w.code, message: errorMessage("en", w) })),
        };
      }
      if (json) {
        io.out(JSON.stringify(preview));
        return;
      }
      io.out(" No  Due date     Principal      Interest     Fees         Total        Balance");
      for (const i of preview.installments) {
        io.out(
          `${String(i.number).padStart(3)}  ${i.dueDate}  ${[i.principal, i.interest, i.fees, i.total, i.balance].map((a) => a.padStart(12)).join(" ")}`,
        );
      }
      const t = preview.totals;
      io.out(
        `     Total       ${[t.principal, t.interest, t.fees, t.total].map((a) => a.padStart(12)).join(" ")}`,
      );
      io.out(`Fee at disbursement: ${preview.disbursementFee} ${preview.currency}`);
      io.out(
        `Effective annual rate (ГЭСВ): ${preview.effectiveAnnualRateDisclosed ?? "n/a"} % (${preview.effectiveAnnualRate ?? "n/a"})`,
      );
      if (preview.cap)
        io.out(`Legal cap in force on ${preview.disbursedOn}: ${preview.cap.maxEffectiveRatePercent} %`);
      for (const w of preview.warnings) io.out(`Warning: ${w.message}`);
    });
}
