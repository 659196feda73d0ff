// What a command writes to, so that commands can be tested in-process.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether a progress bar may be drawn (standard error is a terminal). */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
}

/** Standard output's reader went away (`qadam … | head -1`): what is left to print is dropped. */
let outputClosed = false;

export const processIo: CliIo = {
  out: (text) => {
    if (!outputClosed) process.stdout.write(`${text}\n`);
  },
  err: (text) => process.stderr.write(`${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
  env: process.env,
};

let watching = false;

/**
 * A reader that stops early closes the pipe: the next write fails with EPIPE, which would otherwise
 * crash the command with a stack trace. The command carries on quietly (a write command still commits
 * whole) and only its output is dropped, as `cat` or `grep` do.
 */
export function dropOutputOnClosedPipe(): void {
  if (watching) return;
  watching = true;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    outputClosed = true;
  });
}

/** A failure the user caused: printed as one clear line, exit status 1, no stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
