// The qadam command: `qadam <noun> <verb>`, --json for machine-readable output, a clear message and
// a non-zero exit status on failure.
import { Command, CommanderError } from "commander";
import { backupCommand } from "./commands/backup.js";
import { booksCommands } from "./commands/books.js";
import { dbCommands } from "./commands/db.js";
import { demoCommand } from "./commands/demo.js";
import { groupCommands } from "./commands/group.js";
import { groupBooksCommands } from "./commands/group-books.js";
import { groupRollUpCommand } from "./commands/group-rollup.js";
import { loanCommands } from "./commands/loan.js";
import { orgCommands } from "./commands/org.js";
import { serveCommand } from "./commands/serve.js";
import { tenantCommands } from "./commands/tenant.js";
import { userCommands } from "./commands/user.js";
import { CliError, type CliIo, processIo } from "./io.js";

export function buildProgram(io: CliIo): Command {
  const program = new Command("qadam")
    .description("Qadam: self-help groups, federations and micro-credit, from the command line")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError();
  serveCommand(program, io);
  dbCommands(program, io);
  demoCommand(program, io);
  tenantCommands(program, io);
  orgCommands(program, io);
  userCommands(program, io);
  loanCommands(program, io);
  booksCommands(program, io);
  groupCommands(program, io);
  groupBooksCommands(program, io);
  groupRollUpCommand(program, io);
  backupCommand(program, io);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

/** Runs the command line and returns the exit status. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.exitCode === 0
        ? 0
        : error.exitCode || 2;
    }
    if (error instanceof CliError) {
      io.err(`qadam: ${error.message}`);
      return error.exitCode;
    }
    io.err(
      `qadam: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  }
}
