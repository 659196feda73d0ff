// The walls of .dependency-cruiser.cjs bite: run as `npm run deps` does, it finds a deep import across
// domains, a cycle and a Node built-in in core in a small tree made for the purpose, and nothing in ours.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../..");
const depcruise = join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const config = join(root, ".dependency-cruiser.cjs");

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: unknown[];
}

/** depcruise over `paths` in `cwd` with the project's rules; its violations. */
function cruise(cwd: string, paths: string[]): Promise<Violation[]> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [depcruise, ...paths, "--config", config, "--output-type", "json", "--no-progress"],
      { cwd, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString("utf8");
    });
    child.on("error", fail);
    child.on("close", () => {
      try {
        done((JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations);
      } catch {
        fail(new Error(`depcruise printed no result: ${err}`));
      }
    });
  });
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "qadam-architecture-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const found = (vs: Violation[]) => vs.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

describe("the architecture's rules", () => {
  it("refuse a deep import across domains, a cycle, fixtures outside tests, and Node or a driver in core", async () => {
    const dir = tree({
      "tsconfig.deps.json": "{}",
      "node_modules/kysely/package.json": '{ "name": "kysely", "main": "index.js" }',
      "node_modules/kysely/index.js": "export const sql = 1;\n",
      "apps/server/src/books/index.ts": 'export { postEntry } from "./store.js";\n',
      "apps/server/src/books/store.ts": "export const postEntry = 1;\n",
      "apps/server/src/books/testing.ts": 'export { postEntry as seeded } from "./store.js";\n',
      // Through the front door: allowed; behind it: refused.
      "apps/server/src/loans/commands.ts":
        'import { postEntry } from "../books/index.js";\nimport { postEntry as deep } from "../books/store.js";\n' +
        "export const both = [postEntry, deep];\n",
      // A domain's own internals, and another's fixtures from a test: allowed.
      "apps/server/src/loans/commands.test.ts":
        'import { both } from "./commands.js";\nimport { seeded } from "../books/testing.js";\nexport const x = [both, seeded];\n',
      // Another domain's fixtures in production code: refused.
      "apps/server/src/loans/demo.ts":
        'import { seeded } from "../books/testing.js";\nexport const y = seeded;\n',
      "apps/server/src/loans/a.ts": 'import { b } from "./b.js";\nexport const a = () => b;\n',
      "apps/server/src/loans/b.ts": 'import { a } from "./a.js";\nexport const b = () => a;\n',
      "packages/core/src/money.ts":
        'import { readFileSync } from "node:fs";\nimport { sql } from "kysely";\n' +
        'import { postEntry } from "../../../apps/server/src/books/index.js";\n' +
        "export const m = [readFileSync, sql, postEntry];\n",
      // Core's tests run in Node; tools may import anything.
      "packages/core/src/money.test.ts":
        'import { readFileSync } from "node:fs";\nexport const t = readFileSync;\n',
      "tools/bench/src/run.ts":
        'import { postEntry } from "../../../apps/server/src/books/store.js";\nexport const r = postEntry;\n',
    });
    const violations = await cruise(dir, ["apps", "packages", "tools"]);
    expect(found(violations)).toEqual(
      [
        "core-no-node: packages/core/src/money.ts → fs",
        "core-no-server-libraries: packages/core/src/money.ts → node_modules/kysely/index.js",
        "core-stays-core: packages/core/src/money.ts → apps/server/src/books/index.ts",
        "domain-front-door: apps/server/src/loans/commands.ts → apps/server/src/books/store.ts",
        "domain-testing-for-tests: apps/server/src/loans/demo.ts → apps/server/src/books/testing.ts",
        "no-cycle: apps/server/src/loans/a.ts → apps/server/src/loans/b.ts",
      ].sort(),
    );
  }, 60_000);

  it("find nothing to refuse in Qadam's own tree", async () => {
    expect(found(await cruise(root, ["packages", "apps", "tools"]))).toEqual([]);
  }, 60_000);
});
