// The qadam command: `qadam <noun> <verb>`, --json for machine-readable output, a clear message and
// a non-zero exit status on failure.
import { Command, CommanderError } from "commander";
import { CliError, type CliIo, dropOutputOnClosedPipe, processIo } from "./io.js";

type Register = (program: Command, io: CliIo) => void;

/**
 * Each noun of the command line, with its description for `qadam --help` and the modules that define
 * its commands, loaded only when the noun is used: a command pays for its own code alone (the loan
 * engine, the HTTP server, the database drivers), and `qadam --help` for none of it.
 */
const NOUNS: ReadonlyArray<{ name: string; description: string; load: () => Promise<Register[]> }> = [
  {
    name: "serve",
    description: "serve the Qadam API (and later the web app)",
    load: async () => [(await import("./commands/serve.js")).serveCommand],
  },
  {
    name: "db",
    description: "the database",
    load: async () => [(await import("./commands/db.js")).dbCommands],
  },
  {
    name: "demo",
    description: "load the demo data: an association with federations, groups and members, and a partner NGO",
    load: async () => [(await import("./commands/demo.js")).demoCommand],
  },
  {
    name: "tenant",
    description: "tenants: associations and partner NGOs",
    load: async () => [(await import("./commands/tenant.js")).tenantCommands],
  },
  {
    name: "org",
    description: "organisations",
    load: async () => [(await import("./commands/org.js")).orgCommands],
  },
  {
    name: "user",
    description: "users and their roles",
    load: async () => [(await import("./commands/user.js")).userCommands],
  },
  {
    name: "loan",
    description: "loans",
    load: async () => [(await import("./commands/loan.js")).loanCommands],
  },
  {
    name: "books",
    description: "double-entry books",
    load: async () => [(await import("./commands/books.js")).booksCommands],
  },
  {
    name: "group",
    description: "self-help groups",
    load: async () => [
      (await import("./commands/group.js")).groupCommands,
      (await import("./commands/group-books.js")).groupBooksCommands,
      (await import("./commands/group-rollup.js")).groupRollUpCommand,
    ],
  },
  {
    name: "backup",
    description: "copy the SQLite database to a file while Qadam keeps running",
    load: async () => [(await import("./commands/backup.js")).backupCommand],
  },
];

/**
 * The program with the commands of the nouns named in `argv` (`qadam loan schedule …`, `qadam help
 * group`) loaded in full, and every other noun by its name and description only.
 */
export async function buildProgram(io: CliIo, argv: readonly string[] = []): Promise<Command> {
  const program = new Command("qadam")
    .description("Qadam: self-help groups, federations and micro-credit, from the command line")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError();
  const named = new Set(argv.filter((a) => !a.startsWith("-")).slice(0, 2));
  for (const noun of NOUNS) {
    if (named.has(noun.name)) for (const register of await noun.load()) register(program, io);
    else program.command(noun.name).description(noun.description);
  }
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

/** Runs the command line and returns the exit status. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  if (io === processIo) dropOutputOnClosedPipe();
  try {
    const program = await buildProgram(io, argv);
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
