import type { DashboardDto } from "@qadam/core/dashboard/contract";
import { ratioText } from "@qadam/core/loans/arrears";
import { formatMoney, money } from "@qadam/core/money";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateDemo } from "../demo/generate.js";
import { rollUp } from "../groups/index.js";
import { portfolioAtRiskFor } from "../loans/index.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { as, type SeededUser, seedUser, testApp } from "../testing/fixtures.js";

const TODAY = "2026-11-20";

describeEachDatabase("the dashboard", (use) => {
  let app: FastifyInstance;
  let admin: SeededUser;
  let partner: SeededUser;
  let rootId: string;
  let mfoId: string;

  beforeAll(async () => {
    const { db } = use();
    const demo = await generateDemo(db, { today: TODAY, seed: 5, members: 150, loans: 40, meetingGroups: 3 });
    const [moldir, umit] = demo.tenants;
    if (!moldir || !umit) throw new Error("the demo has two tenants");
    rootId = moldir.rootId;
    mfoId = (
      await db
        .selectFrom("organisations")
        .select("id")
        .where("tenantId", "=", moldir.tenantId)
        .where("kind", "=", "mfo")
        .executeTakeFirstOrThrow()
    ).id;
    admin = await seedUser(db, moldir.tenantId, rootId, "tenant_admin");
    partner = await seedUser(db, umit.tenantId, umit.rootId, "tenant_admin");
    app = await testApp(use());
  }, 240_000);

  afterAll(async () => {
    await app?.close();
  });

  const get = async (user: SeededUser, url: string) => as(app, user)({ method: "GET", url });

  it("gives, at each month-end, what portfolio-at-risk and the group roll-up say on that date", async () => {
    const { db } = use();
    const res = await get(admin, `/api/v1/orgs/${rootId}/dashboard?to=${TODAY}&months=12`);
    expect(res.statusCode).toBe(200);
    const d = res.json<DashboardDto>();
    expect(d.dates).toHaveLength(12);
    expect(d.dates[0]).toBe("2025-12-31");
    expect(d.dates.at(-1)).toBe(TODAY);
    const kzt = d.currencies.find((c) => c.currency === "KZT");
    if (!kzt) throw new Error("the demo lends and saves in tenge");
    expect(kzt.portfolio.map((p) => p.date)).toEqual(d.dates);
    expect(kzt.groups.map((p) => p.date)).toEqual(d.dates);
    const m = (minor: bigint) => formatMoney(money(minor, "KZT"));
    let lent = 0;
    let saved = 0;
    for (const [i, date] of d.dates.entries()) {
      const par = (await portfolioAtRiskFor(db, admin.actor, rootId, date)).find((r) => r.currency === "KZT");
      expect(kzt.portfolio[i]).toEqual({
        date,
        loans: par?.loans ?? 0,
        outstanding: m(par?.portfolio ?? 0n),
        par30: m(par?.atRisk.par30 ?? 0n),
        par30Ratio: ratioText(par?.atRisk.par30 ?? 0n, par?.portfolio ?? 0n),
      });
      const roll = (
        await rollUp(db, admin.actor, rootId, { from: `${date.slice(0, 8)}01`, to: date })
      ).currencies.find((c) => c.currency === "KZT");
      const f = roll?.total.facts;
      expect(kzt.groups[i]).toEqual({
        date,
        groups: f?.groups ?? 0,
        members: f?.members ?? 0,
        savings: m(f?.savingsTotal ?? 0n),
        internalLoans: { count: f?.loansOutstandingCount ?? 0, amount: m(f?.loansOutstanding ?? 0n) },
      });
      if ((par?.portfolio ?? 0n) > 0n) lent++;
      if ((f?.savingsTotal ?? 0n) > 0n) saved++;
    }
    // The demo's year is there to compare: money lent and saved at most month-ends, some of it late.
    expect(lent).toBeGreaterThan(6);
    expect(saved).toBeGreaterThan(6);
    expect(kzt.portfolio.some((p) => p.par30 !== "0.00")).toBe(true);
  }, 120_000);

  it("gives the members by region and the grades of the roll-up on the end date", async () => {
    const { db } = use();
    const d = (
      await get(admin, `/api/v1/orgs/${rootId}/dashboard?to=${TODAY}&months=2`)
    ).json<DashboardDto>();
    const roll = await rollUp(db, admin.actor, rootId, { from: "2026-11-01", to: TODAY });
    const regions = roll.currencies.flatMap((c) => c.byRegion);
    expect(d.membersByRegion).toEqual(
      regions.map((r) => ({ region: r.key, groups: r.facts.groups, members: r.facts.members })),
    );
    expect(d.membersByRegion.reduce((s, r) => s + r.members, 0)).toBe(
      roll.currencies.reduce((s, c) => s + c.total.facts.members, 0),
    );
    const t = roll.currencies[0]?.total.facts;
    expect(d.grades).toEqual({ A: t?.gradedA, B: t?.gradedB, C: t?.gradedC, ungraded: t?.ungraded });
    expect(d.grades.A + d.grades.B + d.grades.C + d.grades.ungraded).toBe(t?.groups);
  }, 60_000);

  it("reads a part of the tree on its own: the MFO's loans, and no group", async () => {
    const d = (await get(admin, `/api/v1/orgs/${mfoId}/dashboard?to=${TODAY}&months=3`)).json<DashboardDto>();
    const all = (
      await get(admin, `/api/v1/orgs/${rootId}/dashboard?to=${TODAY}&months=3`)
    ).json<DashboardDto>();
    const kzt = d.currencies.find((c) => c.currency === "KZT");
    expect(kzt?.groups.every((g) => g.groups === 0 && g.savings === "0.00")).toBe(true);
    expect(kzt?.portfolio.at(-1)?.outstanding).not.toBe("0.00");
    expect(d.membersByRegion).toEqual([]);
    // The whole association lends at least what its MFO lends.
    const whole = all.currencies.find((c) => c.currency === "KZT")?.portfolio.at(-1)?.outstanding ?? "0";
    expect(Number(whole)).toBeGreaterThanOrEqual(Number(kzt?.portfolio.at(-1)?.outstanding));
  }, 60_000);

  it("hides another tenant's organisation and refuses a bad date or count of months", async () => {
    expect((await get(partner, `/api/v1/orgs/${rootId}/dashboard`)).statusCode).toBe(404);
    const badDate = await get(admin, `/api/v1/orgs/${rootId}/dashboard?to=2026-02-30`);
    expect(badDate.statusCode).toBe(422);
    expect(badDate.json().error.details[0].code).toBe("INVALID_DATE");
    expect((await get(admin, `/api/v1/orgs/${rootId}/dashboard?months=0`)).statusCode).toBe(400);
    expect((await get(admin, `/api/v1/orgs/${rootId}/dashboard?months=37`)).statusCode).toBe(400);
    const defaults = (await get(admin, `/api/v1/orgs/${rootId}/dashboard`)).json<DashboardDto>();
    expect(defaults.dates).toHaveLength(12);
  }, 60_000);
});
