// HTTP route of the group roll-up: GET /api/v1/orgs/{orgId}/group-rollup?from=&to= — the self-help
// groups of an organisation and its subtree added up over a period, with the same figures by federation,
// cluster and region (rollup.ts says what each figure means). Amounts are decimal strings in major units
// beside their currency; indicators carry their exact fraction. The command line prints the same JSON; the
// schemas are the contract's (@qadam/core/groups/contract).

import { addDays, businessDate } from "@qadam/core/clock";
import { recordId } from "@qadam/core/contract/schemas";
import {
  type GroupRollUpJson,
  groupRollUpQuery,
  groupRollUpSchema,
  type RollUpRowDto,
} from "@qadam/core/groups/contract";
import { INDICATORS } from "@qadam/core/groups/indicators";
import { addMonths } from "@qadam/core/groups/internal-loans";
import { ratioText } from "@qadam/core/loans/arrears";
import { formatMoney, money } from "@qadam/core/money";
import { checkDate } from "@qadam/core/orgs/values";
import { z } from "zod";
import { findOrganisation } from "../orgs/index.js";
import type { RouteModule } from "../platform/http/context.js";
import { query } from "../platform/http/route.js";
import { type GroupRollUp, type RollUpRow, rollUp } from "./rollup.js";

function rowJson({ facts: f, indicators }: RollUpRow, currency: string): RollUpRowDto {
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

export const groupRollUpRoutes: RouteModule = (app, deps) => {
  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:orgId/group-rollup",
    tags: ["groups"],
    summary:
      "The self-help groups of the organisation and its subtree added up over a period (default: the twelve months to today), by federation, cluster and region",
    description:
      "The groups of the organisation and its subtree that the actor may see, added up over the period per " +
      "currency: their figures (groups, members, meetings, savings, funds, loans, share-outs, grades) and " +
      "indicators as exact fractions, in total and by federation, cluster and region.",
    params: z.object({ orgId: recordId }),
    query: groupRollUpQuery,
    response: groupRollUpSchema,
    errors: ["PERIOD_INVALID"],
    handle: async ({ actor, params, query }) => {
      const org = await findOrganisation(deps.db, actor, params.orgId);
      const to = checkDate(query.to ?? businessDate(deps.clock.now(), org.timeZone));
      const from = query.from ?? yearBefore(to);
      return groupRollUpJson(await rollUp(deps.db, actor, org.id, { from, to }));
    },
  });
};

export type { GroupRollUpJson } from "@qadam/core/groups/contract";
