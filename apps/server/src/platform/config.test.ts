import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, withServerSecret } from "./config.js";

describe("configuration", () => {
  it("has working defaults", () => {
    expect(loadConfig({})).toMatchObject({
      port: 8080,
      databaseUrl: "sqlite:./data/qadam.db",
      cookieSecure: "auto",
    });
  });
  it("reads environment variables, and flags win over them", () => {
    expect(loadConfig({ PORT: "9000", DATABASE_URL: "postgres://x@y/z" })).toMatchObject({
      port: 9000,
      databaseUrl: "postgres://x@y/z",
    });
    expect(loadConfig({ PORT: "9000" }, { port: "9100" }).port).toBe(9100);
  });
  it("names the variable and the flag of a bad setting", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT \/ --port/);
  });
  it("generates a server secret once, beside the database file and readable by its owner only", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qadam-secret-"));
    try {
      const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, "q.db")}` });
      const first = await withServerSecret(config);
      expect(first.serverSecret?.length).toBeGreaterThanOrEqual(32);
      expect((await readFile(join(dir, "qadam.secret"), "utf8")).trim()).toBe(first.serverSecret);
      expect((await stat(join(dir, "qadam.secret"))).mode & 0o077).toBe(0);
      expect((await withServerSecret(config)).serverSecret).toBe(first.serverSecret);
      const configured = loadConfig({
        DATABASE_URL: `sqlite:${join(dir, "q.db")}`,
        SERVER_SECRET: "s".repeat(32),
      });
      expect((await withServerSecret(configured)).serverSecret).toBe("s".repeat(32));
      expect(() => loadConfig({ SERVER_SECRET: "short" })).toThrow(/SERVER_SECRET/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
