// The dashboard's contract: GET /api/v1/orgs/{orgId}/dashboard?to=&months= — the series a manager's charts
// draw for an organisation and its subtree: the loan portfolio and PAR30 at each month-end, the groups'
// savings and internal loans at each month-end, and on the end date the groups' members by region and
// their grades. Amounts are decimal strings in major units beside their currency, like the rest of the API.
import { z } from "zod";
import { calendarDate } from "../contract/schemas.js";

/** The longest series the endpoint draws: three years of month-ends. */
export const MAX_DASHBOARD_MONTHS = 36;

export const dashboardQuery = z.object({
  /** The last date of the series (default: today in the organisation's time zone). */
  to: calendarDate.optional(),
  months: z.coerce.number().int().min(1).max(MAX_DASHBOARD_MONTHS).default(12),
});

const text = z.string();
const int = z.number().int();

/** The organisation's loans (its own and its subtree's) on one date, as portfolioAtRiskFor counts them. */
export const portfolioPointSchema = z.object({
  date: text,
  /** Loans with principal outstanding. */
  loans: int,
  outstanding: text,
  /** The whole outstanding principal of loans more than 30 days past due. */
  par30: text,
  /** par30 ÷ outstanding, six decimals ("0.000000" when nothing is outstanding). */
  par30Ratio: text,
});

/** The self-help groups of the subtree on one date, as the group roll-up counts them. */
export const groupsPointSchema = z.object({
  date: text,
  groups: int,
  /** Members active on the date. */
  members: int,
  /** The members' savings held on the date. */
  savings: text,
  /** Internal loans (from a group to its members) outstanding on the date: how many, and their principal. */
  internalLoans: z.object({ count: int, amount: text }),
});

export const dashboardSchema = z.object({
  orgId: text,
  name: text,
  to: text,
  /** The dates of every series, ascending: the month-ends before `to`'s month, then `to`. */
  dates: z.array(text),
  /** One entry per currency lent or held, in currency order; each series has one point per date. */
  currencies: z.array(
    z.object({
      currency: text,
      portfolio: z.array(portfolioPointSchema),
      groups: z.array(groupsPointSchema),
    }),
  ),
  /** On `to`: the groups' active members by the region of their group (null: no region recorded). */
  membersByRegion: z.array(z.object({ region: text.nullable(), groups: int, members: int })),
  /** On `to`: the groups by their latest grade. */
  grades: z.object({ A: int, B: int, C: int, ungraded: int }),
});

export type DashboardDto = z.infer<typeof dashboardSchema>;
export type PortfolioPointDto = z.infer<typeof portfolioPointSchema>;
export type GroupsPointDto = z.infer<typeof groupsPointSchema>;
