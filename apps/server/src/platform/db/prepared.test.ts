import { sql } from "kysely";
import { expect, it } from "vitest";
import type { Db } from "./database.js";
import { inTransaction, prepared, type Row, statementName } from "./prepared.js";
import type { TenantsTable } from "./schema.js";
import { describeEachDatabase } from "./testing.js";

const TENANT = "01900000-0000-7000-8000-0000000000a1";
const RENAMED = "01900000-0000-7000-8000-0000000000a2";

const tenantRow = (id: string, slug: string) => ({
  id,
  tenantId: id,
  slug,
  name: `Tenant ${slug}`,
  country: "KZ",
  defaultLocale: "ru",
  createdAt: "2026-01-01T00:00:00.000Z",
});

const INSERT_TENANTS = prepared((db, a: { rows: ReadonlyArray<Row<TenantsTable>> }) =>
  db.insertInto("tenants").values(a.rows),
);
const TENANTS_BY_SLUG = prepared((db, a: { slugs: readonly string[] }) =>
  db.selectFrom("tenants").select(["id", "slug", "createdAt"]).where("slug", "in", a.slugs).orderBy("slug"),
);
const RENAME = prepared((db, a: { id: string; name: string }) =>
  db.updateTable("tenants").set({ name: a.name }).where("id", "=", a.id),
);
/** A misuse: `name` is not placed in the query. */
const FORGETFUL = prepared((db, a: { id: string; name: string }) =>
  db.updateTable("tenants").set({ name: "fixed" }).where("id", "=", a.id),
);

describeEachDatabase("prepared queries", (use, target) => {
  it("runs one compiled query with new arguments, arrays of any length, rows in camel case", async () => {
    const { db } = use();
    const ids = ["01900000-0000-7000-8000-0000000000b1", "01900000-0000-7000-8000-0000000000b2", TENANT];
    expect(await INSERT_TENANTS.affected(db, { rows: [tenantRow(ids[0] ?? "", "p-one")] })).toBe(1);
    expect(
      await INSERT_TENANTS.affected(db, {
        rows: [tenantRow(ids[1] ?? "", "p-two"), tenantRow(ids[2] ?? "", "p-three")],
      }),
    ).toBe(2);
    expect((await TENANTS_BY_SLUG.rows(db, { slugs: ["p-one"] })).map((r) => r.slug)).toEqual(["p-one"]);
    const two = await TENANTS_BY_SLUG.rows(db, { slugs: ["p-two", "p-three", "nobody"] });
    expect(two).toEqual([
      { id: ids[2], slug: "p-three", createdAt: "2026-01-01T00:00:00.000Z" },
      { id: ids[1], slug: "p-two", createdAt: "2026-01-01T00:00:00.000Z" },
    ]);
    expect(await TENANTS_BY_SLUG.first(db, { slugs: ["nobody"] })).toBeUndefined();
  });

  it("counts the rows an update changed, and binds each argument, never its first value", async () => {
    const { db } = use();
    await INSERT_TENANTS.execute(db, { rows: [tenantRow(RENAMED, "p-rename")] });
    expect(await RENAME.affected(db, { id: RENAMED, name: "First" })).toBe(1);
    expect(await RENAME.affected(db, { id: RENAMED, name: "Second" })).toBe(1);
    expect(await RENAME.affected(db, { id: "01900000-0000-7000-8000-0000000000ff", name: "x" })).toBe(0);
    const row = await db.selectFrom("tenants").select("name").where("id", "=", RENAMED).executeTakeFirst();
    expect(row?.name).toBe("Second");
  });

  it("runs in a transaction of inTransaction as through Kysely, rolled back whole, and never after it ends", async () => {
    const { db } = use();
    let ended: Db | null = null;
    const rows = await inTransaction(db, async (trx) => {
      ended = trx;
      expect(await RENAME.affected(trx, { id: RENAMED, name: "Inside" })).toBe(1);
      return TENANTS_BY_SLUG.rows(trx, { slugs: ["p-rename", "nobody"] });
    });
    expect(rows).toEqual([{ id: RENAMED, slug: "p-rename", createdAt: "2026-01-01T00:00:00.000Z" }]);
    const after = ended as Db | null;
    if (!after) throw new Error("the body did not run");
    await expect(RENAME.affected(after, { id: RENAMED, name: "After" })).rejects.toThrow(/committed/);
    await expect(
      inTransaction(db, async (trx) => {
        await RENAME.affected(trx, { id: RENAMED, name: "Rolled back" });
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    const row = await db.selectFrom("tenants").select("name").where("id", "=", RENAMED).executeTakeFirst();
    expect(row?.name).toBe("Inside");
  });

  it("refuses, when compiling, an argument the query does not bind", async () => {
    const { db } = use();
    await expect(FORGETFUL.execute(db, { id: RENAMED, name: "x" })).rejects.toThrow(
      /argument name is not a bound parameter/,
    );
  });

  it("names its statement, which a PostgreSQL connection parses once and then only executes", async () => {
    const { db } = use();
    const onConnection = await db.transaction().execute(async (trx) => {
      await TENANTS_BY_SLUG.rows(trx, { slugs: ["p-one", "p-two"] });
      await TENANTS_BY_SLUG.rows(trx, { slugs: ["p-three", "p-two"] });
      if (target.name !== "postgres") return [];
      const { rows } = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(trx);
      return rows.map((r) => r.name);
    });
    const text = db
      .selectFrom("tenants")
      .select(["id", "slug", "createdAt"])
      .where("slug", "in", ["a", "b"])
      .orderBy("slug")
      .compile().sql;
    const name = statementName(text);
    expect(name).toMatch(/^qadam_\d+$/);
    if (target.name === "postgres") expect(onConnection).toContain(name);
  });

  it("keeps only the first shapes compiled: a query over arrays of ever new lengths still runs, unnamed", async () => {
    const { db } = use();
    const slugs = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? "p-one" : `none-${i}`));
    for (let n = 1; n <= 80; n++)
      expect((await TENANTS_BY_SLUG.rows(db, { slugs: slugs(n) })).map((r) => r.slug)).toEqual(["p-one"]);
    const text = (n: number) =>
      db
        .selectFrom("tenants")
        .select(["id", "slug", "createdAt"])
        .where("slug", "in", slugs(n))
        .orderBy("slug")
        .compile().sql;
    expect(statementName(text(3))).toMatch(/^qadam_\d+$/);
    expect(statementName(text(80))).toBeUndefined();
  });
});
