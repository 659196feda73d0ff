// The dashboard of an organisation: its subtree's loan portfolio and PAR30 and its groups' savings and
// internal loans at each month-end up to a date, and on that date its groups' members by region and
// grades. Every figure is read through the loans' and groups' own queries (portfolioAtRiskOnDates, rollUp),
// so the dashboard says exactly what the PAR report and the roll-up say on the same day.
import type { Actor } from "@qadam/core/auth/actor";
import { monthEnds, monthStart } from "@qadam/core/dashboard/month-ends";
import { type GroupRollUp, rollUp } from "../groups/index.js";
import { type PortfolioReport, portfolioAtRiskOnDates } from "../loans/index.js";
import { findOrganisation } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";

export interface PortfolioPoint {
  date: string;
  loans: number;
  outstanding: bigint;
  par30: bigint;
}

export interface GroupsPoint {
  date: string;
  groups: number;
  members: number;
  savings: bigint;
  internalLoansCount: number;
  internalLoans: bigint;
}

export interface Dashboard {
  orgId: string;
  name: string;
  to: string;
  dates: string[];
  /** Per currency in currency order, one point per date in each series (zero where nothing was held). */
  currencies: Array<{ currency: string; portfolio: PortfolioPoint[]; groups: GroupsPoint[] }>;
  membersByRegion: Array<{ region: string | null; groups: number; members: number }>;
  grades: { A: number; B: number; C: number; ungraded: number };
}

function portfolioPoint(date: string, r: PortfolioReport | undefined): PortfolioPoint {
  return { date, loans: r?.loans ?? 0, outstanding: r?.portfolio ?? 0n, par30: r?.atRisk.par30 ?? 0n };
}

function groupsPoint(date: string, r: GroupRollUp["currencies"][number] | undefined): GroupsPoint {
  const f = r?.total.facts;
  return {
    date,
    groups: f?.groups ?? 0,
    members: f?.members ?? 0,
    savings: f?.savingsTotal ?? 0n,
    internalLoansCount: f?.loansOutstandingCount ?? 0,
    internalLoans: f?.loansOutstanding ?? 0n,
  };
}

/**
 * The dashboard of the organisation's subtree over `months` month-ends ending on `to`. Errors: NOT_FOUND
 * (not visible to the actor).
 */
export async function dashboardOf(
  db: Db,
  actor: Actor,
  orgId: string,
  { to, months }: { to: string; months: number },
): Promise<Dashboard> {
  const org = await findOrganisation(db, actor, orgId);
  const dates = monthEnds(to, months);
  const [portfolios, rollUps] = await Promise.all([
    portfolioAtRiskOnDates(db, actor, org.id, dates),
    Promise.all(dates.map((date) => rollUp(db, actor, org.id, { from: monthStart(date), to: date }))),
  ]);
  const currencies = new Set([
    ...portfolios.flatMap((reports) => reports.map((r) => r.currency)),
    ...rollUps.flatMap((r) => r.currencies.map((c) => c.currency)),
  ]);
  const last = rollUps.at(-1)?.currencies ?? [];
  const regions = new Map<string | null, { groups: number; members: number }>();
  const grades = { A: 0, B: 0, C: 0, ungraded: 0 };
  for (const c of last) {
    for (const row of c.byRegion) {
      const r = regions.get(row.key) ?? { groups: 0, members: 0 };
      r.groups += row.facts.groups;
      r.members += row.facts.members;
      regions.set(row.key, r);
    }
    grades.A += c.total.facts.gradedA;
    grades.B += c.total.facts.gradedB;
    grades.C += c.total.facts.gradedC;
    grades.ungraded += c.total.facts.ungraded;
  }
  return {
    orgId: org.id,
    name: org.name,
    to,
    dates,
    currencies: [...currencies].sort().map((currency) => ({
      currency,
      portfolio: dates.map((date, i) =>
        portfolioPoint(
          date,
          portfolios[i]?.find((r) => r.currency === currency),
        ),
      ),
      groups: dates.map((date, i) =>
        groupsPoint(
          date,
          rollUps[i]?.currencies.find((c) => c.currency === currency),
        ),
      ),
    })),
    // Named regions by name, the groups with none last (the roll-up's own order).
    membersByRegion: [...regions.entries()]
      .map(([region, r]) => ({ region, ...r }))
      .sort((a, b) =>
        a.region === b.region
          ? 0
          : a.region === null
            ? 1
            : b.region === null
              ? -1
              : a.region.localeCompare(b.region, undefined, { numeric: true }),
      ),
    grades,
  };
}
