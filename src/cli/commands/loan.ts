// qadam loan schedule: preview a repayment schedule and its effective annual rate, with no database.
import type { Command } from "commander";
import { previewOptions, previewSchedule } from "../../loans/preview.js";
import { isDomainError } from "../../platform/errors.js";
import { CliError, type CliIo } from "../io.js";

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
    .option("--days-in-year <d>", "365 | 360, with --interest-period actual", "365")
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
    .option("--json", "machine-readable output")
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const { json, ...rest } = opts;
      const parsed = previewOptions.safeParse(rest);
      if (!parsed.success) {
        throw new CliError(
          parsed.error.issues
            .map(
              (i) => `--${String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`,
            )
            .join("; "),
        );
      }
      let preview: ReturnType<typeof previewSchedule>;
      try {
        preview = previewSchedule(parsed.data);
      } catch (error) {
        // The translations are loaded only for a message to show.
        const { errorMessage } = await import("../../platform/i18n/index.js");
        if (isDomainError(error)) throw new CliError(errorMessage("en", error));
        throw error;
      }
      if (json) {
        const { disbursementFee: _fee, ...shape } = preview;
        io.out(JSON.stringify(shape));
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
    });
}
