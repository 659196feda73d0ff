import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase, parseDatabaseUrl, redactUrl } from "./database.js";
import { describeEachDatabase } from "./testing.js";

describe("database URLs", () => {
  it("reads sqlite and postgres URLs", () => {
    expect(parseDatabaseUrl("sqlite:./data/qadam.db")).toEqual({
      dialect: "sqlite",
      target: "./data/qadam.db",
    });
    expect(parseDatabaseUrl("sqlite::memory:")).toEqual({ dialect: "sqlite", target: ":memory:" });
    expect(parseDatabaseUrl("postgres://u@h/db").dialect).toBe("postgres");
  });
  it("refuses anything else", () => {
    expect(() => parseDatabaseUrl("mysql://x")).toThrow(/sqlite: or postgres/);
  });
  it("hides passwords", () => {
    expect(redactUrl("postgres://user:secret@host/db")).toBe("postgres://user:***@host/db");
  });
});

describe("a SQLite file", () => {
  it("is opened in WAL mode, synchronous NORMAL, foreign keys on, checkpointed every 10,000 pages", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qadam-sqlite-"));
    const open = await openDatabase(`sqlite:${join(dir, "q.db")}`);
    try {
      const pragma = async (name: string) =>
        Object.values(
          (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(open.db)).rows[0] ?? {},
        )[0];
      expect(await pragma("journal_mode")).toBe("wal");
      expect(await pragma("synchronous")).toBe(1);
      expect(await pragma("foreign_keys")).toBe(1);
      expect(await pragma("wal_autocheckpoint")).toBe(10000);
    } finally {
      await open.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeEachDatabase("storage", (use) => {
  it("stores dates and instants as strings that read back unchanged", async () => {
    const { db } = use();
    const tenantId = "01900000-0000-7000-8000-000000000001";
    await db
      .insertInto("tenants")
      .values({
        id: tenantId,
        tenantId,
        slug: "t-dates",
        name: "Dates",
        country: "KZ",
        defaultLocale: "ru",
        createdAt: "2026-01-02T03:04:05.678Z",
      })
      .execute();
    const row = await db
      .selectFrom("tenants")
      .select(["createdAt"])
      .where("id", "=", tenantId)
      .executeTakeFirstOrThrow();
    expect(row.createdAt).toBe("2026-01-02T03:04:05.678Z");
  });

  it("keeps the audit log append-only", async () => {
    const { db } = use();
    const tenantId = "01900000-0000-7000-8000-000000000002";
    await db
      .insertInto("tenants")
      .values({
        id: tenantId,
        tenantId,
        slug: "t-audit",
        name: "A",
        country: "KZ",
        defaultLocale: "ru",
        createdAt: "2026-01-01T00:00:00.000Z",
      })
      .execute();
    await db
      .insertInto("auditLog")
      .values({
        id: "01900000-0000-7000-8000-0000000000a1",
        tenantId,
        userId: null,
        at: "2026-01-01T00:00:00.000Z",
        command: "x",
        records: "[]",
        idempotencyKey: null,
        source: "cli",
      })
      .execute();
    await expect(db.updateTable("auditLog").set({ command: "y" }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("auditLog").execute()).rejects.toThrow(/append-only/);
    const n = await sql<{ n: number }>`select count(*) as n from audit_log`.execute(db);
    expect(Number(n.rows[0]?.n)).toBe(1);
  });
});
