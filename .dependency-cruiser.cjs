// The architecture's walls, checked by `npm run deps` (part of `npm test`); architecture.test.ts proves
// that each rule bites. A server domain is reached from outside only through its index.ts (its front
// door); a domain's testing.ts is a second door, for tests only. packages/core stays browser-safe.
const DOMAINS = "(books|loans|groups|grades|people|orgs|users|dashboard)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      severity: "error",
      comment:
        "An import cycle: modules that need each other belong together, or one of them is in the wrong place.",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-front-door",
      severity: "error",
      comment:
        "Another server domain is reached only through its index.ts (its commands, queries and types); " +
        "a domain's own files, routes and tests may import its internals.",
      from: { path: "^apps/server/src/([^/]+)" },
      to: {
        path: `^apps/server/src/${DOMAINS}/`,
        pathNot: [
          "^apps/server/src/$1/",
          "^apps/server/src/[^/]+/index\\.ts$",
          "^apps/server/src/[^/]+/testing\\.ts$",
        ],
      },
    },
    {
      name: "domain-testing-for-tests",
      severity: "error",
      comment: "Another domain's testing.ts (fixtures) is for tests and test helpers only.",
      from: {
        path: "^apps/server/src/([^/]+)",
        pathNot: ["\\.test\\.ts$", "/testing\\.ts$", "^apps/server/src/testing/"],
      },
      to: { path: `^apps/server/src/${DOMAINS}/testing\\.ts$`, pathNot: ["^apps/server/src/$1/"] },
    },
    {
      name: "core-stays-core",
      severity: "error",
      comment: "packages/core is browser-safe and knows nothing of the apps or tools.",
      from: { path: "^packages/core/" },
      to: { path: "^(apps|tools)/" },
    },
    {
      name: "core-no-node",
      severity: "error",
      comment: "packages/core runs in the browser: no Node built-ins (its tests run in Node and may).",
      from: { path: "^packages/core/", pathNot: "\\.test\\.ts$" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "core-no-server-libraries",
      severity: "error",
      comment: "packages/core runs in the browser: no database, no HTTP server, no native modules.",
      from: { path: "^packages/core/" },
      to: { path: "node_modules/(kysely|pg|better-sqlite3|fastify[^/]*|@fastify/[^/]+|@node-rs/[^/]+)/" },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing is either a typo or a missing dependency.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)dist/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.deps.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".d.ts"],
    },
  },
};
