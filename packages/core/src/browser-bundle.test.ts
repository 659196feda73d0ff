// Core must load in a browser (the web app and the offline meeting run the server's own code): every
// public module bundled with esbuild for the browser needs no Node built-in, no server package, and
// stays of a size a phone can fetch.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";

const SOURCE = fileURLToPath(new URL(".", import.meta.url));
const CORE_PACKAGE = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  dependencies: Record<string, string>;
};

/** Packages of the server that must never reach the browser, whatever core's dependencies become. */
const SERVER_PACKAGES = ["kysely", "pg", "better-sqlite3", "fastify", "argon2", "commander", "pino"];
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Every public module of core: each source file that is not a test. */
const PUBLIC_MODULES = (readdirSync(SOURCE, { recursive: true }) as string[])
  .map((path) => path.replaceAll("\\", "/"))
  .filter((path) => path.endsWith(".ts") && !path.endsWith(".test.ts"))
  .sort();

/** An entry that exports every export of every module, so that nothing is shaken out of the bundle. */
const EVERY_MODULE = PUBLIC_MODULES.map(
  (path) => `export * as ${path.replace(/\.ts$/, "").replace(/[^A-Za-z0-9]/g, "_")} from "./${path}";`,
).join("\n");

interface Bundle {
  code: string;
  /** Imports a browser cannot satisfy: Node built-ins, server packages, the server's own files. */
  forbidden: string[];
  /** The packages of node_modules the bundle holds, with their minified bytes. */
  packages: Map<string, number>;
}

async function bundleForBrowser(entry: string): Promise<Bundle> {
  const forbidden: string[] = [];
  const refuse: Plugin = {
    name: "refuse-server-imports",
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, ({ path, importer }) => {
        const bare = path.startsWith("@") ? path.split("/").slice(0, 2).join("/") : path.split("/")[0];
        const server =
          NODE_BUILTINS.has(path) ||
          path.startsWith("node:") ||
          SERVER_PACKAGES.includes(bare ?? "") ||
          path.includes("apps/server") ||
          path.startsWith("@qadam/server");
        if (!server) return undefined;
        forbidden.push(`${path} (from ${importer.replace(/^.*packages\/core\/src\//, "")})`);
        return { path, external: true };
      });
    },
  };
  const result = await build({
    stdin: { contents: entry, resolveDir: SOURCE, loader: "ts", sourcefile: "browser-entry.ts" },
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "core",
    target: "es2022",
    minify: true,
    write: false,
    metafile: true,
    outfile: "core.js",
    logLevel: "silent",
    plugins: [refuse],
  });
  const [output] = Object.values(result.metafile.outputs);
  const packages = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    if (name) packages.set(name, (packages.get(name) ?? 0) + bytesInOutput);
  }
  return { code: result.outputFiles?.[0]?.text ?? "", forbidden, packages };
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

describe("core in the browser", () => {
  it("bundles every public module for the browser with no Node built-in, no server package, and a sane size", async () => {
    const { code, forbidden, packages } = await bundleForBrowser(EVERY_MODULE);
    expect(forbidden).toEqual([]);
    // Only the small browser-safe libraries core declares, nothing it pulls in unsaid.
    const declared = Object.keys(CORE_PACKAGE.dependencies);
    expect([...packages.keys()].filter((name) => !declared.includes(name))).toEqual([]);

    const gzipped = gzipSync(code, { level: 9 }).length;
    console.log(
      `core for the browser: ${PUBLIC_MODULES.length} modules, ${kilobytes(code.length)} minified, ` +
        `${kilobytes(gzipped)} gzipped; of which ${[...packages]
          .sort((a, b) => b[1] - a[1])
          .map(([name, bytes]) => `${name} ${kilobytes(bytes)}`)
          .join(", ")} (minified)`,
    );
    // Today about 235 KiB: zod (all of it and its locales), libphonenumber-js's full metadata, the four
    // languages' messages. A bound well above that, which a server library dragged in would break.
    expect(gzipped).toBeLessThan(320 * 1024);
  });

  it("loads and speaks where none of Node's globals exist", async () => {
    const { code } = await bundleForBrowser(
      `export { errorMessage } from "./i18n/index.ts";\nexport { DomainError } from "./errors.ts";\n` +
        `export { formatMoney, money, KZT } from "./money/index.ts";`,
    );
    // A bare context: the language's own globals only (no process, Buffer, require, module).
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const message = vm.runInContext(
      `core.errorMessage("kk", new core.DomainError("LOAN_OVERPAYMENT", { amount: core.money(9000000n, core.KZT), owed: core.money(100n, core.KZT) }))`,
      context,
    ) as string;
    expect(message.replace(/[\u00a0\u202f]/g, " ")).toContain("90 000,00 ₸");
  });

  it("would refuse a Node built-in or a server package", async () => {
    const { forbidden } = await bundleForBrowser(
      `import { readFileSync } from "node:fs";\nimport { createHash } from "crypto";\nimport { Kysely } from "kysely";\n` +
        `export const uses = [readFileSync, createHash, Kysely];`,
    );
    expect(forbidden).toEqual([
      "node:fs (from browser-entry.ts)",
      "crypto (from browser-entry.ts)",
      "kysely (from browser-entry.ts)",
    ]);
  });
});
