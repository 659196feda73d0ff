// HTTP route of the dashboard: GET /api/v1/orgs/{orgId}/dashboard?to=&months= (dashboard.ts says what
// each series means). Amounts are decimal strings in major units beside their currency; the schemas are
// the contract's (@qadam/core/dashboard/contract).
import { businessDate } from "@qadam/core/clock";
import { recordId } from "@qadam/core/contract/schemas";
import { type DashboardDto, dashboardQuery, dashboardSchema } from "@qadam/core/dashboard/contract";
import { ratioText } from "@qadam/core/loans/arrears";
import { formatMoney, money } from "@qadam/core/money";
import { z } from "zod";
import { findOrganisation } from "../orgs/index.js";
import type { RouteModule } from "../platform/http/context.js";
import { query } from "../platform/http/route.js";
import { type Dashboard, dashboardOf } from "./dashboard.js";

/** The dashboard as the API gives it. */
export function dashboardJson(d: Dashboard): DashboardDto {
  return {
    orgId: d.orgId,
    name: d.name,
    to: d.to,
    dates: d.dates,
    currencies: d.currencies.map(({ currency, portfolio, groups }) => {
      const m = (minor: bigint) => formatMoney(money(minor, currency));
      return {
        currency,
        portfolio: portfolio.map((p) => ({
          date: p.date,
          loans: p.loans,
          outstanding: m(p.outstanding),
          par30: m(p.par30),
          par30Ratio: ratioText(p.par30, p.outstanding),
        })),
        groups: groups.map((g) => ({
          date: g.date,
          groups: g.groups,
          members: g.members,
          savings: m(g.savings),
          internalLoans: { count: g.internalLoansCount, amount: m(g.internalLoans) },
        })),
      };
    }),
    membersByRegion: d.membersByRegion,
    grades: d.grades,
  };
}

export const dashboardRoutes: RouteModule = (app, deps) => {
  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:orgId/dashboard",
    tags: ["dashboard"],
    summary:
      "The series of a manager's dashboard for the organisation and its subtree: portfolio and PAR30, the groups' savings and internal loans at each month-end, members by region and grades",
    description:
      "At each of `months` dates — the month-ends before the month of `to` (default today in the " +
      "organisation's time zone), then `to` itself — per currency: the outstanding loan portfolio of the " +
      "organisation and its subtree and the part more than 30 days past due (as portfolio-at-risk gives it " +
      "on that date), and the self-help groups' members, savings held and internal loans outstanding (as " +
      "group-rollup gives them to that date). On `to`: the groups' active members by region and the " +
      "groups by their latest grade.",
    params: z.object({ orgId: recordId }),
    query: dashboardQuery,
    response: dashboardSchema,
    errors: [],
    handle: async ({ actor, params, query }) => {
      const org = await findOrganisation(deps.db, actor, params.orgId);
      const to = query.to ?? businessDate(deps.clock.now(), org.timeZone);
      return dashboardJson(await dashboardOf(deps.db, actor, org.id, { to, months: query.months }));
    },
  });
};
