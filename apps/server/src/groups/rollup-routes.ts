// HTTP route of the group roll-up: GET /api/v1/orgs/{orgId}/group-rollup?from=&to= — the self-help
// groups of an organisation and its subtree added up over a period, with the same figures by federation,
// cluster and region (rollup.ts says what each figure means). Amounts are decimal strings in major units
// beside their currency; indicators carry their exact fraction. The command line prints the same JSON.

import { addDays, businessDate } from "@qadam/core/clock";
import { calendarDate as date, recordId } from "@qadam/core/contract/schemas";
import { INDICATORS, type IndicatorUnit } from "@qadam/core/groups/indicators";
import { addMonths } from "@qadam/core/groups/internal-loans";
import { ratioText } from "@qadam/core/loans/arrears";
import { formatMoney, money } from "@qadam/core/money";
import { checkDate } from "@qadam/core/orgs/values";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { findOrganisation } from "../orgs/index.js";
import { actorOf, type RouteModule } from "../platform/http/context.js";
import { type GroupRollUp, type RollUpRow, rollUp } from "./rollup.js";

const text = z.string();
const int = z.number().int();
const units = ["fraction", "fraction a year", "minor units"] as const satisfies readonly IndicatorUnit[];

const indicatorSchema = z.object({
  /** A fraction with six decimals ("0.884615"), or an amount in major units; null when nothing to measure. */
  value: text.nullable(),
  unit: z.enum(units),
  /** The exact fraction, as integers (money in minor units). */
  numerator: text,
  denominator: text,
});

const figuresSchema = z.object({
  groups: z.object({ total: int, active: int, dormant: int }),
  members: z.object({ atStart: int, active: int, joined: int, droppedOut: int }),
  meetings: z.object({ held: int, expected: int }),
  attendance: z.object({ memberMeetings: int, attended: int }),
  savings: z.object({ inPeriod: text, inCycle: text, held: text }),
  funds: z.object({ loanFundCash: text, otherFundsCash: text, property: text }),
  profitInCycle: text,
  groupWeeks: int,
  internalLoans: z.object({
    outstanding: z.object({ count: int, amount: text }),
    late: z.object({ count: int, amount: text }),
  }),
  externalLoans: z.object({
    count: int,
    outstanding: text,
    atRisk30: text,
    /** atRisk30 ÷ outstanding, six decimals; null when nothing is outstanding. */
    par30: text.nullable(),
  }),
  shareouts: z.object({ count: int, amount: text }),
  grades: z.object({ A: int, B: int, C: int, ungraded: int }),
});

const rowSchema = z.object({
  figures: figuresSchema,
  indicators: z.record(z.enum(INDICATORS.map((i) => i.key) as [string, ...string[]]), indicatorSchema),
});
const orgRowSchema = rowSchema.extend({ orgId: text.nullable(), name: text.nullable() });

export const groupRollUpSchema = z.object({
  orgId: text,
  name: text,
  kind: text,
  from: text,
  to: text,
  currencies: z.array(
    z.object({
      currency: text,
      total: rowSchema,
      byFederation: z.array(orgRowSchema),
      byCluster: z.array(orgRowSchema),
      byRegion: z.array(rowSchema.extend({ region: text.nullable() })),
    }),
  ),
});
export type GroupRollUpJson = z.infer<typeof groupRollUpSchema>;

function rowJson({ facts: f, indicators }: RollUpRow, currency: string): z.infer<typeof rowSchema> {
  const m = (minor: bigint) => formatMoney(money(minor, currency));
  return {
    figures: {
      groups: { total: f.groups, active: f.activeGroups, dormant: f.groups - f.activeGroups },
      members: { atStart: f.membersAtStart, active: f.members, joined: f.joined, droppedOut: f.left },
      meetings: { held: f.meetingsHeld, expected: f.meetingsExpected },
      attendance: { memberMeetings: f.memberMeetings, attended: f.attendances },
      savings: { inPeriod: m(f.savedInPeriod), inCycle: m(f.savingsInCycle), held: m(f.savingsTotal) },
      funds: {
        loanFundCash: m(f.loanFundCash),
        otherFundsCash: m(f.otherFundsCash),
        property: m(f.property),
      },
      profitInCycle: m(f.profitInCycle),
      groupWeeks: f.groupWeeks,
      internalLoans: {
        outstanding: { count: f.loansOutstandingCount, amount: m(f.loansOutstanding) },
        late: { count: f.lateLoans, amount: m(f.lateLoansOutstanding) },
      },
      externalLoans: {
        count: f.externalLoans,
        outstanding: m(f.externalOutstanding),
        atRisk30: m(f.externalAtRisk30),
        par30: f.externalOutstanding === 0n ? null : ratioText(f.externalAtRisk30, f.externalOutstanding),
      },
      shareouts: { count: f.shareouts, amount: m(f.sharedOut) },
      grades: { A: f.gradedA, B: f.gradedB, C: f.gradedC, ungraded: f.ungraded },
    },
    indicators: Object.fromEntries(
      INDICATORS.map(({ key, unit }) => {
        const x = indicators[key];
        const value = x.value === null ? null : typeof x.value === "bigint" ? m(x.value) : x.value;
        return [
          key,
          { value, unit, numerator: x.numerator.toString(), denominator: x.denominator.toString() },
        ];
      }),
    ),
  };
}

/** The roll-up as the API and `qadam group rollup --json` give it. */
export function groupRollUpJson(r: GroupRollUp): GroupRollUpJson {
  return {
    orgId: r.orgId,
    name: r.name,
    kind: r.kind,
    from: r.from,
    to: r.to,
    currencies: r.currencies.map((c) => ({
      currency: c.currency,
      total: rowJson(c.total, c.currency),
      byFederation: c.byFederation.map((x) => ({ orgId: x.key, name: x.name, ...rowJson(x, c.currency) })),
      byCluster: c.byCluster.map((x) => ({ orgId: x.key, name: x.name, ...rowJson(x, c.currency) })),
      byRegion: c.byRegion.map((x) => ({ region: x.key, ...rowJson(x, c.currency) })),
    })),
  };
}

/** The default period: the twelve months that end on `to`. */
export function yearBefore(to: string): string {
  return addDays(addMonths(to, -12), 1);
}

export const groupRollUpRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/orgs/:orgId/group-rollup",
    {
      schema: {
        tags: ["groups"],
        summary:
          "The self-help groups of the organisation and its subtree added up over a period (default: the twelve months to today), by federation, cluster and region",
        params: z.object({ orgId: recordId }),
        querystring: z.object({ from: date.optional(), to: date.optional() }),
        response: { 200: groupRollUpSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = await findOrganisation(deps.db, actor, request.params.orgId);
      const to = checkDate(request.query.to ?? businessDate(deps.clock.now(), org.timeZone));
      const from = request.query.from ?? yearBefore(to);
      return groupRollUpJson(await rollUp(deps.db, actor, org.id, { from, to }));
    },
  );
};
