// The built `qadam` as a shell runs it (dist/, built by `npm run build`, which `npm test` runs first):
// quiet when its reader stops early, and loading only the code of the command it runs.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "./io.js";
import { buildProgram } from "./main.js";
import { qadam, scratchDir } from "./testing.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/qadam.js");
const dir = scratchDir("qadam-start-");

/** Runs the built qadam with its standard output read by nobody: the pipe is closed before it writes. */
function runClosedPipe(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8");
    });
    child.on("error", fail);
    child.on("close", (code) => done({ code, err }));
  });
}

describe("the built qadam", () => {
  beforeAll(() => {
    if (!existsSync(join(root, "dist/cli/main.js")))
      throw new Error("dist/ is missing: run `npm run build` before these tests (npm test does)");
  });

  it("stops quietly when the reader of its output goes away (qadam … | head -1)", async () => {
    const url = `sqlite:${join(dir, "pipe.db")}`;
    const made = await qadam(["tenant", "create", "--slug", "pipe", "--name", "Pipe", "--database-url", url]);
    expect(made.code).toBe(0);
    for (const args of [
      ["--help"],
      ["org", "list", "--database-url", url],
      ["org", "list", "--json", "--database-url", url],
    ]) {
      const run = await runClosedPipe(args);
      expect(run.err).toBe("");
      expect(run.code).toBe(0);
    }
  }, 30_000);

  it("loads no server, database driver, password hashing or translations for --help and a schedule preview", async () => {
    const script = `
      import { createRequire, register } from "node:module";
      import { MessageChannel } from "node:worker_threads";
      // The ES modules loaded, told by a loader hook (require.cache holds only the CommonJS ones).
      const { port1, port2 } = new MessageChannel();
      const modules = [];
      port1.on("message", (url) => modules.push(url));
      register(
        "data:text/javascript,let p;export function initialize(d){p=d.port}" +
          "export async function load(u,c,n){p.postMessage(u);return n(u,c)}",
        { data: { port: port2 }, transferList: [port2] },
      );
      const { runCli } = await import(${JSON.stringify(join(root, "dist/cli/main.js"))});
      const io = { out: () => {}, err: () => {}, interactive: false, env: {} };
      const codes = [
        await runCli(["--help"], io),
        await runCli(["loan", "schedule", "--principal", "100000", "--annual-rate", "24", "--installments", "12",
          "--disbursed", "2026-01-15", "--first-due", "2026-02-15"], io),
      ];
      await new Promise((r) => setTimeout(r, 50));
      port1.close();
      const loaded = [...Object.keys(createRequire(import.meta.url).cache), ...modules];
      console.log(JSON.stringify({ codes, loaded }));`;
    const out = await new Promise<string>((done, fail) => {
      const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: root });
      let text = "";
      child.stdout.on("data", (c: Buffer) => {
        text += c.toString("utf8");
      });
      child.on("error", fail);
      child.on("close", () => done(text));
    });
    const { codes, loaded } = JSON.parse(out) as { codes: number[]; loaded: string[] };
    expect(codes).toEqual([0, 0]);
    // i18next and the four catalogues load only for a message to show (a refusal, a rate above its cap).
    for (const heavy of ["fastify", "better-sqlite3", "/pg/", "argon2", "i18next"])
      expect(loaded.filter((path) => path.includes(`node_modules/${heavy.replace(/^\//, "")}`))).toEqual([]);
  }, 30_000);
});

describe("qadam --help", () => {
  const io: CliIo = { out: () => undefined, err: () => undefined, interactive: false, env: {} };

  it("describes each noun as its own commands do", async () => {
    const light = await buildProgram(io);
    expect(light.commands.length).toBeGreaterThan(5);
    for (const placeholder of light.commands) {
      const full = await buildProgram(io, [placeholder.name()]);
      const loaded = full.commands.find((c) => c.name() === placeholder.name());
      expect(loaded?.description()).toBe(placeholder.description());
      expect(loaded?.commands.length || loaded?.options.length).toBeGreaterThan(0);
    }
  });

  it("shows a noun's commands, loaded, under qadam help NOUN", async () => {
    const res = await qadam(["help", "loan"]);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/schedule/);
  });
});
