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
const SCHEDULE = [
  "loan",
  "schedule",
  "--principal",
  "100000",
  "--annual-rate",
  "24",
  "--installments",
  "12",
  "--disbursed",
  "2026-01-15",
  "--first-due",
  "2026-02-15",
];

/**
 * Runs the built qadam: with `closed`, its standard output is read by nobody (the pipe is closed
 * before it writes); with `shell`, as the tail of that shell pipeline (its status: pipefail's).
 */
function runBuilt(
  args: string[],
  how: { closed?: boolean; shell?: string } = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done, fail) => {
    const child = how.shell
      ? spawn("bash", ["-c", `set -o pipefail; "$@" ${how.shell}`, "qadam", process.execPath, bin, ...args], {
          stdio: ["ignore", "pipe", "pipe"],
        })
      : spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    if (how.closed) child.stdout.destroy();
    let [out, err] = ["", ""];
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8");
    });
    child.on("error", fail);
    child.on("close", (code) => done({ code, out, err }));
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
      ["group", "grading-table", "--tenant", "pipe", "--database-url", url],
      [...SCHEDULE, "--installments", "1200", "--frequency", "weekly"],
      [...SCHEDULE, "--json"],
    ]) {
      const run = await runBuilt(args, { closed: true });
      expect(run.err, args.join(" ")).toBe("");
      expect(run.code, args.join(" ")).toBe(0);
    }
    // As a shell runs it: 1,200 weekly installments fill the pipe long after head has gone.
    const head = await runBuilt([...SCHEDULE, "--installments", "1200", "--frequency", "weekly"], {
      shell: "| head -1",
    });
    expect(head).toMatchObject({ code: 0, err: "" });
    expect(head.out).toMatch(/^ No {2}Due date {5}Principal {6}Interest .*Balance\n$/);
    // The tenant named by its slug, and its grading table (the default one: none was set) printed.
    const table = await runBuilt(["group", "grading-table", "--tenant", "pipe", "--database-url", url]);
    expect(table.err).toBe("");
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^Grading table in force on \d{4}-\d{2}-\d{2}: the default table\n/);
    expect(table.out).toMatch(/Bands: A from 85 points, B from 75, C below/);
  }, 30_000);

  it("loads no server, database driver, password hashing, translations or Zod for --help and a schedule preview", async () => {
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
        await runCli(${JSON.stringify(SCHEDULE)}, io),
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
    // i18next and the four catalogues load only for a message to show (a refusal, a rate above its cap);
    // Zod and the HTTP contracts only for a refusal to word (plainly valid flags are read without them).
    for (const heavy of ["fastify", "better-sqlite3", "/pg/", "argon2", "i18next", "zod", "uuid"])
      expect(loaded.filter((path) => path.includes(`node_modules/${heavy.replace(/^\//, "")}`))).toEqual([]);
    // Nor core's contracts and messages, nor every domain's table of error statuses (the HTTP API's).
    const core = /core\/dist\/(contract\/|i18n\/|error-status\.js|\w+\/errors\.js)/;
    expect(loaded.filter((path) => core.test(path))).toEqual([]);
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
