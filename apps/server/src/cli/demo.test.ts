import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../platform/db/database.js";
import { expectBooksCoherentAt } from "../testing/books-coherence.js";
import { qadam, scratchDir } from "./testing.js";

const dir = scratchDir("qadam-demo-");

describe("qadam demo", () => {
  it("loads a demo leading up to --today, and refuses a date that does not exist", async () => {
    const url = `sqlite:${join(dir, "demo.db")}`;
    const bad = await qadam(["demo", "--today", "2026-02-30", "--database-url", url]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--today must be a date/);
    const res = await qadam(
      ["demo", "--today", "2027-06-15", "--members", "20", "--loans", "0", "--no-meetings", "--json"],
      { DATABASE_URL: url },
    );
    expect(res.code).toBe(0);
    const open = await openDatabase(url);
    try {
      const counted = await open.db
        .selectFrom("anonymousCounts")
        .select("countedOn")
        .orderBy("countedOn")
        .execute();
      expect(counted.map((c) => c.countedOn)).toEqual(["2027-04-30", "2027-05-31"]);
      const groups = await open.db
        .selectFrom("organisations")
        .select("openedOn")
        .where("kind", "=", "shg")
        .execute();
      for (const g of groups) expect(g.openedOn < "2027-01-01" && g.openedOn >= "2019-01-01").toBe(true);
    } finally {
      await open.close();
    }
    await expectBooksCoherentAt(url);
  }, 60_000);
});
