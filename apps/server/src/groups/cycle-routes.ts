// HTTP routes of the end of a group's savings cycle: the share-out previewed on a date, and committed
// (the cycle closed and every member paid). Amounts are decimal strings in the group's currency.

import { businessDate } from "@qadam/core/clock";
import { calendarDate as date, recordId } from "@qadam/core/contract/schemas";
import { SHAREOUT_METHODS } from "@qadam/core/groups/shareout";
import { formatMoney, money } from "@qadam/core/money";
import { checkDate } from "@qadam/core/orgs/values";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { commandRoute } from "../platform/http/command-route.js";
import { actorOf, type RouteModule } from "../platform/http/context.js";
import { closeCycle, previewShareout, type ShareoutPreview } from "./cycle.js";
import { findGroup } from "./store.js";

const text = z.string();

export const shareoutSchema = z.object({
  groupId: text,
  method: z.enum(SHAREOUT_METHODS),
  /** The rule actually applied ("standard" for a loss). */
  sharedAs: z.enum(SHAREOUT_METHODS),
  cycleFrom: text,
  closesOn: text,
  currency: text,
  distributable: text.describe(
    "The value shared: the group's net worth on closesOn = cash + loansOutstanding + interestDue − socialFund − owed = Σ members' payout",
  ),
  cash: text.describe("Loan-fund cash: the cash box and the bank"),
  socialFund: text.describe("Kept by the group, not shared out"),
  openLoans: z.number().int(),
  loansOutstanding: text.describe("Principal of the internal loans still open"),
  interestDue: text.describe("Interest charged on those loans and not yet paid"),
  owed: text.describe("What the group owes outside (federation, MFO and other loans)"),
  cashNow: text.describe(
    "Paid in cash at the share-out: the cash less what the group owes, at most the net worth",
  ),
  carriedOver: text.describe("Left in the group as members' opening savings of the next cycle"),
  members: z.array(
    z.object({
      personId: text,
      name: text,
      savings: text,
      profit: text.describe("payout − savings"),
      payout: text.describe("Her claim on the net worth: cashNow + carriedOver"),
      cashNow: text.describe("Paid to her in cash now: her claim's share of the cash paid"),
      carriedOver: text.describe("Kept as her opening savings of the next cycle"),
    }),
  ),
});
export type ShareoutDto = z.infer<typeof shareoutSchema>;

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

export const cycleRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["groups"];

  app.get(
    "/api/v1/groups/:groupId/shareout",
    {
      schema: {
        tags,
        summary: "Preview the share-out of the current cycle on a date (default: today); nothing is written",
        params: groupParams,
        querystring: z.object({ on: date.optional() }),
        response: { 200: shareoutSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const group = await findGroup(deps.db, actor, request.params.groupId);
      const on = checkDate(request.query.on ?? businessDate(deps.clock.now(), group.timeZone));
      return shareoutDto(await previewShareout(deps.db, actor, group.id, on));
    },
  );

  app.post(
    "/api/v1/groups/:groupId/shareout",
    {
      schema: {
        tags,
        summary:
          "Close the cycle and pay the share-out; open internal loans are refused unless carried over (then what is not paid in cash becomes each member's opening savings)",
        params: groupParams,
        body: z.strictObject({ on: date, carryOverLoans: z.boolean().default(false) }),
        response: { 201: shareoutSchema.extend({ shareoutId: text }) },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "group.shareout", status: 201 }, async (trx, ctx) => {
        const closed = await closeCycle(trx, ctx, request.params.groupId, {
          on: checkDate(request.body.on),
          carryOverLoans: request.body.carryOverLoans,
        });
        return { ...shareoutDto(closed), shareoutId: closed.shareoutId };
      }),
  );
};
