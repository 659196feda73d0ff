// The command-line tests run qadam in process: its exit status and what it printed, and a scratch
// directory for their databases and files, removed once the test file is done.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import type { CliIo } from "./io.js";
import { runCli } from "./main.js";

export async function qadam(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false, env };
  const code = await runCli(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
