import { systemClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import { expect, it, vi } from "vitest";
import * as tenants from "../orgs/index.js";
import { type CommandContext, executeCommand } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { cliActor, seedTenant } from "../testing/fixtures.js";
import { describeEntry } from "./descriptions.js";

vi.mock("../orgs/index.js", async (original) => {
  const actual = await original<typeof import("../orgs/index.js")>();
  return { ...actual, tenantLanguage: vi.fn(actual.tenantLanguage) };
});

describeEachDatabase("the descriptions of the entries Qadam writes", (use) => {
  it("reads the tenant's language once per command, and again in the next command", async () => {
    const db = use().db;
    const t = await seedTenant(db, "descriptions", "ru");
    const run = <T>(body: (trx: Db, ctx: CommandContext) => Promise<T>) =>
      executeCommand(
        { db, clock: systemClock, ids: systemIds },
        { actor: cliActor(t), name: "test", source: "cli" },
        body,
      );
    const read = vi.mocked(tenants.tenantLanguage);
    read.mockClear();
    const batch = await run(async (trx, ctx) => [
      await describeEntry(trx, ctx, "loanRepayment"),
      await describeEntry(trx, ctx, "loanRepayment"),
      await describeEntry(trx, ctx, { key: "meeting", params: { date: "2026-03-01" } }),
    ]);
    expect(batch).toEqual(["Погашение займа", "Погашение займа", "Встреча 2026-03-01"]);
    expect(read).toHaveBeenCalledTimes(1);
    // The language can change between commands: the next command reads it again.
    await db.updateTable("tenants").set({ defaultLocale: "en" }).where("id", "=", t.tenantId).execute();
    expect(await run((trx, ctx) => describeEntry(trx, ctx, "loanRepayment"))).toBe("Loan repayment");
    expect(read).toHaveBeenCalledTimes(2);
  });
});
