import { join } from "node:path";
import { expect, it } from "vitest";
import { openDatabase } from "../platform/db/database.js";
import { migrateToLatest } from "../platform/db/migrate.js";
import { seedTenant } from "../testing/fixtures.js";
import { qadam, scratchDir } from "./testing.js";

const dir = scratchDir("qadam-accounts-");

it("lists an organisation's chart of accounts, as text and as JSON", async () => {
  const url = `sqlite:${join(dir, "accounts.db")}`;
  const open = await openDatabase(url);
  let groupId = "";
  try {
    await migrateToLatest(open.db);
    groupId = (await seedTenant(open.db, "cli-accounts")).groupId;
  } finally {
    await open.close();
  }
  const empty = await qadam(["books", "accounts", "--org", groupId, "--json", "--database-url", url]);
  expect(JSON.parse(empty.out)).toEqual({ accounts: [] });
  expect((await qadam(["books", "open", "--org", groupId, "--database-url", url])).code).toBe(0);
  const listed = await qadam(["books", "accounts", "--org", groupId, "--json", "--database-url", url]);
  expect(listed.code).toBe(0);
  const { accounts } = JSON.parse(listed.out) as { accounts: Array<Record<string, unknown>> };
  expect(accounts.find((a) => a.code === "21")).toMatchObject({
    account: "Liabilities:Members' savings",
    type: "liability",
    status: "active",
  });
  const text = await qadam(["books", "accounts", "--org", groupId, "--database-url", url]);
  expect(text.out).toContain("11     Assets:Cash box");
  const unknown = await qadam(["books", "accounts", "--org", "nope", "--database-url", url]);
  expect(unknown.code).toBe(1);
});
