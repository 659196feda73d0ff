import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

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
});
