import { addDays } from "@qadam/core/clock";
import { expect, it } from "vitest";
import { generateDemo } from "../demo/generate.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { seedUser } from "../testing/fixtures.js";
import { portfolioAtRiskOnDates } from "./portfolio-series.js";
import { portfolioAtRiskFor } from "./queries.js";

const TODAY = "2026-10-15";

describeEachDatabase("portfolio at risk on many dates", (use) => {
  it("says on every date what portfolioAtRiskFor says on it, for the tree and for a part of it", async () => {
    const { db } = use();
    const demo = await generateDemo(db, { today: TODAY, seed: 9, members: 120, loans: 45, meetingGroups: 0 });
    const moldir = demo.tenants[0];
    if (!moldir) throw new Error("the demo has a tenant");
    const admin = await seedUser(db, moldir.tenantId, moldir.rootId, "tenant_admin");
    const mfo = await db
      .selectFrom("organisations")
      .select("id")
      .where("tenantId", "=", moldir.tenantId)
      .where("kind", "=", "mfo")
      .executeTakeFirstOrThrow();
    // Every 23 days over the demo's year and past its end, unordered, with a repeat.
    const dates = Array.from({ length: 18 }, (_, i) => addDays("2025-10-01", 23 * i)).reverse();
    dates.push(dates[3] ?? TODAY);
    for (const orgId of [moldir.rootId, mfo.id]) {
      const series = await portfolioAtRiskOnDates(db, admin.actor, orgId, dates);
      expect(series).toHaveLength(dates.length);
      let lent = 0;
      let late = 0;
      for (const [i, date] of dates.entries()) {
        const one = await portfolioAtRiskFor(db, admin.actor, orgId, date);
        expect({ date, reports: series[i] }).toEqual({ date, reports: one });
        lent += one.some((r) => r.portfolio > 0n) ? 1 : 0;
        late += one.some((r) => r.atRisk.par30 > 0n) ? 1 : 0;
      }
      // The comparison means something: loans outstanding and some of them late on many of the dates.
      expect(lent).toBeGreaterThan(8);
      expect(late).toBeGreaterThan(2);
    }
    expect(await portfolioAtRiskOnDates(db, admin.actor, moldir.rootId, [])).toEqual([]);
  }, 240_000);
});
