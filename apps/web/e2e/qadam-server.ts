// A real `qadam serve` for the browser tests: a small demo in a fresh SQLite file, on a free port.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const QADAM = fileURLToPath(new URL("../../../bin/qadam.js", import.meta.url));

export interface RunningQadam {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`qadam serve stopped (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`qadam serve did not answer in time:\n${output()}`);
}

/** Loads a small demo (the same log-ins as `npm start`'s) and serves it with the built web app. */
export async function startQadam(): Promise<RunningQadam> {
  const dir = await mkdtemp(join(tmpdir(), "qadam-e2e-"));
  const databaseUrl = `sqlite:${join(dir, "qadam.db")}`;
  const env = { ...process.env, LOG_LEVEL: "silent" };
  await promisify(execFile)(
    process.execPath,
    [
      QADAM,
      "demo",
      "--members",
      "80",
      "--loans",
      "12",
      "--meeting-groups",
      "1",
      "--database-url",
      databaseUrl,
    ],
    { env, maxBuffer: 16 * 1024 * 1024 },
  );
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [QADAM, "serve", "--port", String(port), "--database-url", databaseUrl, "--log-level", "silent"],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
