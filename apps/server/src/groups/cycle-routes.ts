// HTTP routes of the end of a group's savings cycle: the share-out previewed on a date, and committed
// (the cycle closed and every member paid). Amounts are decimal strings in the group's currency; the
// schemas are the contract's (@qadam/core/groups/contract).

import { businessDate } from "@qadam/core/clock";
import { recordId } from "@qadam/core/contract/schemas";
import {
  closedShareoutSchema,
  type ShareoutDto,
  shareoutBody,
  shareoutQuery,
  shareoutSchema,
} from "@qadam/core/groups/contract";
import { formatMoney, money } from "@qadam/core/money";
import { checkDate } from "@qadam/core/orgs/values";
import { z } from "zod";
import type { RouteModule } from "../platform/http/context.js";
import { command, query } from "../platform/http/route.js";
import { closeCycle, previewShareout, type ShareoutPreview } from "./cycle.js";
import { findGroup } from "./store.js";

function shareoutDto(p: ShareoutPreview): ShareoutDto {
  const m = (minor: bigint) => formatMoney(money(minor, p.currency));
  return {
    groupId: p.groupId,
    method: p.method,
    sharedAs: p.sharedAs,
    cycleFrom: p.cycleFrom,
    closesOn: p.closesOn,
    currency: p.currency,
    distributable: m(p.distributable),
    cash: m(p.cash),
    socialFund: m(p.socialFund),
    openLoans: p.openLoans,
    loansOutstanding: m(p.loansOutstanding),
    interestDue: m(p.interestDue),
    owed: m(p.owed),
    owedInterest: m(p.owedInterest),
    cashNow: m(p.cashNow),
    carriedOver: m(p.carriedOver),
    members: p.members.map((x) => ({
      personId: x.personId,
      name: x.name,
      savings: m(x.savings),
      profit: m(x.profit),
      payout: m(x.payout),
      cashNow: m(x.cashNow),
      carriedOver: m(x.carriedOver),
    })),
  };
}

const groupParams = z.object({ groupId: recordId });
const tags = ["groups"];

export const cycleRoutes: RouteModule = (app, deps) => {
  query(app, {
    method: "GET",
    path: "/api/v1/groups/:groupId/shareout",
    tags,
    summary: "Preview the share-out of the current cycle on a date (default: today); nothing is written",
    description:
      "What closing the current cycle on the date would give: the group's net worth, the cash paid now, what " +
      "is carried over, and each member's savings, profit and payout by the rules' method.",
    params: groupParams,
    query: shareoutQuery,
    response: shareoutSchema,
    errors: [
      "ORG_NOT_A_GROUP",
      "BOOKS_NOT_OPEN",
      "MEETING_NO_RULES",
      "PERIOD_INVALID",
      "SHAREOUT_NOTHING_SAVED",
      "SHAREOUT_NET_WORTH_NEGATIVE",
    ],
    handle: async ({ actor, params, query }) => {
      const group = await findGroup(deps.db, actor, params.groupId);
      const on = checkDate(query.on ?? businessDate(deps.clock.now(), group.timeZone));
      return shareoutDto(await previewShareout(deps.db, actor, group.id, on));
    },
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/groups/:groupId/shareout",
    tags,
    summary:
      "Close the cycle and pay the share-out; open internal loans are refused unless carried over (then what is not paid in cash becomes each member's opening savings)",
    description:
      "Closes the group's cycle on the date and pays each member her claim on the net worth, the social fund " +
      "kept; a negative net worth is refused, and open internal loans unless carryOverLoans.",
    permission: "meetings.write",
    params: groupParams,
    body: shareoutBody,
    example: { on: "2027-03-03", carryOverLoans: false },
    response: closedShareoutSchema,
    errors: [
      "ORG_NOT_A_GROUP",
      "BOOKS_NOT_OPEN",
      "SHAREOUT_LOANS_OPEN",
      "SHAREOUT_NOTHING_SAVED",
      "SHAREOUT_NET_WORTH_NEGATIVE",
      "MEETING_NO_RULES",
      "MEETING_DATE_ORDER",
      "MEETING_DATE_IN_FUTURE",
      "PERIOD_INVALID",
    ],
    command: { name: "group.shareout", status: 201 },
    run: async (trx, ctx, { params, body }) => {
      const closed = await closeCycle(trx, ctx, params.groupId, {
        on: checkDate(body.on),
        carryOverLoans: body.carryOverLoans,
      });
      return { ...shareoutDto(closed), shareoutId: closed.shareoutId };
    },
  });
};
