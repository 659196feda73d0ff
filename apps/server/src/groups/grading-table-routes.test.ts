import { DEFAULT_GRADING_TABLE } from "@qadam/core/groups/grading";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../platform/db/testing.js";
import { as, seedTenant, seedUser, testApp } from "../testing/fixtures.js";

describeEachDatabase("GET /api/v1/grading-table", (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(use());
  });
  afterAll(async () => {
    await app.close();
  });

  it("lists the tenant's versions oldest first beside the default, and never another tenant's", async () => {
    const t = await seedTenant(use().db, "gt");
    const admin = await seedUser(use().db, t.tenantId, t.rootId, "tenant_admin");
    const auditor = await seedUser(use().db, t.tenantId, t.rootId, "auditor");
    const before = await as(app, auditor)({ method: "GET", url: "/api/v1/grading-table" });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ default: DEFAULT_GRADING_TABLE, items: [] });

    const kinder = { ...DEFAULT_GRADING_TABLE, bands: { A: 55, B: 40 } };
    const stricter = { ...DEFAULT_GRADING_TABLE, bands: { A: 90, B: 80 } };
    for (const [on, table] of [
      ["2026-03-01", stricter],
      ["2026-01-15", kinder],
    ] as const) {
      const set = await as(app, admin)({ method: "PUT", url: `/api/v1/grading-table/${on}`, payload: table });
      expect(set.statusCode).toBe(200);
    }
    const byAuditor = await as(
      app,
      auditor,
    )({ method: "PUT", url: "/api/v1/grading-table/2026-04-01", payload: kinder });
    expect(byAuditor.statusCode).toBe(403);

    const after = (await as(app, auditor)({ method: "GET", url: "/api/v1/grading-table" })).json();
    expect(after.items.map((v: { validFrom: string }) => v.validFrom)).toEqual(["2026-01-15", "2026-03-01"]);
    expect(after.items[0].table).toEqual(kinder);
    expect(after.items[1].table).toEqual(stricter);
    expect(after.items[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const other = await seedTenant(use().db, "gt2");
    const otherAdmin = await seedUser(use().db, other.tenantId, other.rootId, "tenant_admin");
    const theirs = await as(app, otherAdmin)({ method: "GET", url: "/api/v1/grading-table" });
    expect(theirs.json().items).toEqual([]);
  });
});
