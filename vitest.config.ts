import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const coreSource = fileURLToPath(new URL("./packages/core/src/", import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run core from its source, so a change there needs no build first.
    alias: [{ find: /^@qadam\/core\/(.*)$/, replacement: `${coreSource}$1` }],
  },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.ts",
      "apps/web/e2e/**/*.test.ts",
      "tools/*/src/**/*.test.ts",
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    globalSetup: ["./apps/server/src/platform/db/global-setup.ts"],
  },
});
