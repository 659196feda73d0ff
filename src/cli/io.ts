// What a command writes to, so that commands can be tested in-process.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether a progress bar may be drawn (standard error is a terminal). */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
  env: process.env,
};

/** A failure the user caused: printed as one clear line, exit status 1, no stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
