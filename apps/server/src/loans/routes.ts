// HTTP routes of the loan engine: the schedule preview, products, the loan lifecycle, arrears and
// portfolio at risk. Every write is a command with an Idempotency-Key and answers with the loan.

import type { Actor } from "@qadam/core/auth/actor";
import { businessDate } from "@qadam/core/clock";
import { amountText as amount, calendarDate as date, recordId } from "@qadam/core/contract/schemas";
import { errorMessage } from "@qadam/core/i18n";
import { BUCKETS, ratioText } from "@qadam/core/loans/arrears";
import { disclosedPercent } from "@qadam/core/loans/effective-rate";
import { previewOptions, previewSchedule, schedulePreviewSchema } from "@qadam/core/loans/preview";
import { parseStoredSpec, productSpec } from "@qadam/core/loans/product-spec";
import { formatMoney, money } from "@qadam/core/money";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { findOrganisation } from "../orgs/index.js";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { commandRoute } from "../platform/http/command-route.js";
import { actorOf, type RouteModule } from "../platform/http/context.js";
import {
  addNote,
  applyForLoan,
  chargePenalties,
  createProduct,
  decide,
  disburse,
  prepay,
  recover,
  refundAdvance,
  repay,
  reverseRepayment,
} from "./commands.js";
import { disclosureOf } from "./disclosure.js";
import {
  decideRequest,
  LOAN_REQUEST_KINDS,
  LOAN_REQUEST_STATUSES,
  loanRequestsOf,
  requestReschedule,
  requestWriteOff,
} from "./loan-requests.js";
import { portfolioAtRiskFor, viewLoan } from "./queries.js";
import { LOAN_STATUSES, tenantCaps } from "./store.js";

const channel = z.enum(["cash", "bank"]).default("cash");
const reason = z.string().trim().min(1).max(1000);

const applicationBody = z.strictObject({
  productId: recordId,
  borrower: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("person"), personId: recordId }),
    z.strictObject({
      type: z.literal("group"),
      groupId: recordId,
      jointLiability: z.boolean().default(true),
      members: z
        .array(z.strictObject({ personId: recordId, share: amount }))
        .min(1)
        .max(100),
    }),
  ]),
  principal: amount,
  installments: z.number().int().min(1).max(1200),
  firstDueOn: date,
  appliedOn: date,
  purpose: z.string().max(1000).nullable().optional(),
});

const paymentBody = z.strictObject({
  on: date,
  amount,
  channel,
  overpayment: z.enum(["refuse", "advance"]).default("refuse"),
});

const text = z.string();
const installmentSchema = z.object({
  number: z.number().int(),
  dueDate: text,
  principal: text,
  interest: text,
  fees: text,
  penalty: text,
  paid: z.object({ principal: text, interest: text, fees: text, penalty: text }),
  total: text,
  outstanding: text,
});
const loanSchema = z.object({
  id: text,
  orgId: text,
  productId: text,
  borrower: z.object({ type: z.enum(["person", "group"]), id: text }),
  currency: text,
  principal: text,
  installments: z.number().int(),
  status: z.enum(LOAN_STATUSES),
  appliedOn: text,
  decidedOn: text.nullable(),
  decisionNote: text.nullable(),
  disbursedOn: text.nullable(),
  closedOn: text.nullable(),
  writtenOffOn: text.nullable(),
  purpose: text.nullable(),
  principalOutstanding: text,
  advance: text,
  writtenOff: text,
  recovered: text,
  /** Before disbursement, the schedule the contract discloses (as if disbursed on the application date). */
  schedule: z.array(installmentSchema),
  /** What the contract discloses: the fee at disbursement and the effective annual rate (ГЭСВ) of the schedule. */
  contract: z.object({
    disbursedOn: text,
    disbursementFee: text,
    effectiveAnnualRate: text.nullable(),
    effectiveAnnualRateDisclosed: text.nullable(),
  }),
  arrears: z.object({
    date: text,
    daysPastDue: z.number().int(),
    bucket: z.enum(BUCKETS),
    overdue: z.object({ principal: text, interest: text, fees: text, penalties: text }),
    penaltyPending: text,
  }),
  members: z.array(z.object({ personId: text, share: text, jointLiability: z.boolean() })),
  /** Write-offs and reschedules asked for, waiting for a second user's decision or decided. */
  requests: z.array(
    z.object({
      id: text,
      kind: z.enum(LOAN_REQUEST_KINDS),
      status: z.enum(LOAN_REQUEST_STATUSES),
      on: text,
      reason: text.nullable(),
      reschedule: z
        .object({ installments: z.number().int(), firstDueOn: text, annualRatePercent: text.nullable() })
        .nullable(),
      daysPastDue: z.number().int(),
      requestedBy: text.nullable(),
      requestedAt: text,
      decidedBy: text.nullable(),
      decidedAt: text.nullable(),
      decisionNote: text.nullable(),
    }),
  ),
  notes: z.array(z.object({ id: text, kind: text, text, author: text.nullable(), createdAt: text })),
  transactions: z.array(
    z.object({
      id: text,
      kind: text,
      valueDate: text,
      amount: text,
      advance: text,
      reversesId: text.nullable(),
      replacesId: text.nullable(),
      reversed: z.boolean(),
      allocations: z.array(z.object({ installment: z.number().int(), component: text, amount: text })),
    }),
  ),
});
export type LoanDto = z.infer<typeof loanSchema>;

async function loanDto(db: Db, actor: Actor, id: string, now: Date, on?: string): Promise<LoanDto> {
  const v = await viewLoan(db, actor, id, on ?? null, now);
  const cur = v.loan.currency;
  const m = (minor: bigint) => formatMoney(money(minor, cur));
  const disclosed = await disclosureOf(db, v.loan);
  const schedule = v.loan.disbursedOn === null ? disclosed.installments : v.installments;
  return {
    id: v.loan.id,
    orgId: v.loan.org.id,
    productId: v.loan.productId,
    borrower: { type: v.loan.borrowerType, id: v.loan.borrowerId },
    currency: cur,
    principal: m(v.loan.principal),
    installments: v.loan.installments,
    status: v.loan.status,
    appliedOn: v.loan.appliedOn,
    decidedOn: v.loan.decidedOn,
    decisionNote: v.loan.decisionNote,
    disbursedOn: v.loan.disbursedOn,
    closedOn: v.loan.closedOn,
    writtenOffOn: v.loan.writtenOffOn,
    purpose: v.loan.purpose,
    principalOutstanding: m(v.loan.principalOutstanding),
    advance: m(v.loan.advance),
    writtenOff: m(v.loan.writtenOff),
    recovered: m(v.loan.recovered),
    schedule: schedule.map((i) => ({
      number: i.number,
      dueDate: i.dueDate,
      principal: m(i.principal),
      interest: m(i.interest),
      fees: m(i.fee),
      penalty: m(i.penalty),
      paid: {
        principal: m(i.principalPaid),
        interest: m(i.interestPaid),
        fees: m(i.feePaid),
        penalty: m(i.penaltyPaid),
      },
      total: m(i.principal + i.interest + i.fee + i.penalty),
      outstanding: m(
        i.principal +
          i.interest +
          i.fee +
          i.penalty -
          i.principalPaid -
          i.interestPaid -
          i.feePaid -
          i.penaltyPaid,
      ),
    })),
    contract: {
      disbursedOn: disclosed.disbursedOn,
      disbursementFee: m(disclosed.disbursementFee),
      effectiveAnnualRate: disclosed.effectiveAnnualRate?.toFixed(8) ?? null,
      effectiveAnnualRateDisclosed: disclosed.effectiveAnnualRate
        ? disclosedPercent(disclosed.effectiveAnnualRate)
        : null,
    },
    arrears: {
      date: v.arrears.date,
      daysPastDue: v.arrears.daysPastDue,
      bucket: v.arrears.bucket,
      overdue: {
        principal: m(v.arrears.overdue.principal),
        interest: m(v.arrears.overdue.interest),
        fees: m(v.arrears.overdue.fee),
        penalties: m(v.arrears.overdue.penalty),
      },
      penaltyPending: m(v.arrears.penaltyPending),
    },
    members: v.members.map((x) => ({
      personId: x.personId,
      share: m(x.share),
      jointLiability: x.jointLiability,
    })),
    requests: await loanRequestsOf(db, v.loan),
    notes: v.notes,
    transactions: v.transactions.map((t) => ({
      id: t.id,
      kind: t.kind,
      valueDate: t.valueDate,
      amount: m(t.amount),
      advance: m(t.advance),
      reversesId: t.reversesId,
      replacesId: t.replacesId,
      reversed: t.reversed,
      allocations: t.allocations.map((a) => ({
        installment: a.number,
        component: a.component,
        amount: m(a.amount),
      })),
    })),
  };
}

const productDto = z.object({
  id: text,
  orgId: text,
  name: text,
  currency: text,
  status: text,
  spec: productSpec,
});

const idParams = z.object({ id: recordId });
const orgParams = z.object({ orgId: recordId });

export const loanRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["loans"];

  app.get(
    "/api/v1/loans/schedule-preview",
    {
      schema: {
        tags,
        summary:
          "Preview a repayment schedule and its effective annual rate (ГЭСВ) for given terms, with a warning above the tenant's cap",
        querystring: previewOptions,
        response: { 200: schedulePreviewSchema },
      },
    },
    async (request) =>
      previewSchedule(request.query, {
        caps: await tenantCaps(deps.db, actorOf(request).tenantId),
        message: (warning) => errorMessage(request.locale, warning),
      }),
  );

  app.post(
    "/api/v1/orgs/:orgId/loan-products",
    {
      schema: {
        tags,
        summary: "Create a loan product (refused if its loans could cost more than the legal cap)",
        params: orgParams,
        body: productSpec,
        response: { 201: productDto },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "loan_product.create", status: 201 }, async (trx, ctx) => {
        const id = await createProduct(trx, ctx, request.params.orgId, request.body);
        const row = await trx
          .selectFrom("loanProducts")
          .selectAll()
          .where("id", "=", id)
          .executeTakeFirstOrThrow();
        return {
          id,
          orgId: row.orgId,
          name: row.name,
          currency: row.currency,
          status: row.status,
          spec: parseStoredSpec(row.spec),
        };
      }),
  );

  app.get(
    "/api/v1/orgs/:orgId/loan-products",
    {
      schema: {
        tags,
        summary: "The organisation's loan products",
        params: orgParams,
        response: { 200: z.array(productDto) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = await findOrganisation(deps.db, actor, request.params.orgId);
      const rows = await deps.db
        .selectFrom("loanProducts")
        .selectAll()
        .where("tenantId", "=", actor.tenantId)
        .where("orgId", "=", org.id)
        .orderBy("name")
        .execute();
      return rows.map((r) => ({
        id: r.id,
        orgId: r.orgId,
        name: r.name,
        currency: r.currency,
        status: r.status,
        spec: parseStoredSpec(r.spec),
      }));
    },
  );

  app.post(
    "/api/v1/loans",
    {
      schema: {
        tags,
        summary: "Apply for a loan (a person, or a group with each member's share)",
        body: applicationBody,
        response: { 201: loanSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "loan.apply", status: 201 }, async (trx, ctx) =>
        loanDto(trx, ctx.actor, await applyForLoan(trx, ctx, request.body), new Date(ctx.now)),
      ),
  );

  app.get(
    "/api/v1/loans",
    {
      schema: {
        tags,
        summary: "Loans of an organisation and its subtree, by status or borrower",
        querystring: z.object({
          orgId: recordId,
          status: z.enum(LOAN_STATUSES).optional(),
          borrowerId: recordId.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.array(
            z.object({
              id: text,
              orgId: text,
              borrowerType: text,
              borrowerId: text,
              currency: text,
              principal: text,
              principalOutstanding: text,
              status: text,
              disbursedOn: text.nullable(),
              arrearsSince: text.nullable(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = await findOrganisation(deps.db, actor, request.query.orgId);
      const rows = await deps.db
        .selectFrom("loans as l")
        .innerJoin("organisations as o", "o.id", "l.orgId")
        .select([
          "l.id",
          "l.orgId",
          "l.borrowerType",
          "l.borrowerId",
          "l.currency",
          "l.principal",
          "l.principalOutstanding",
          "l.status",
          "l.disbursedOn",
          "l.arrearsSince",
        ])
        .where("l.tenantId", "=", actor.tenantId)
        .where("o.path", ">=", org.path)
        .where("o.path", "<", `${org.path}\uffff`)
        .$if(request.query.status !== undefined, (qb) =>
          qb.where("l.status", "=", request.query.status ?? ""),
        )
        .$if(request.query.borrowerId !== undefined, (qb) =>
          qb.where("l.borrowerId", "=", request.query.borrowerId ?? ""),
        )
        .orderBy("l.id")
        .limit(request.query.limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        orgId: r.orgId,
        borrowerType: r.borrowerType,
        borrowerId: r.borrowerId,
        currency: r.currency,
        principal: formatMoney(money(toBigInt(r.principal), r.currency)),
        principalOutstanding: formatMoney(money(toBigInt(r.principalOutstanding), r.currency)),
        status: r.status,
        disbursedOn: r.disbursedOn,
        arrearsSince: r.arrearsSince,
      }));
    },
  );

  app.get(
    "/api/v1/loans/:id",
    {
      schema: {
        tags,
        summary: "A loan: its schedule, history, members, notes and arrears on a date (default today)",
        params: idParams,
        querystring: z.object({ date: date.optional() }),
        response: { 200: loanSchema },
      },
    },
    async (request) =>
      loanDto(deps.db, actorOf(request), request.params.id, deps.clock.now(), request.query.date),
  );

  const write = <B extends z.ZodType>(
    path: string,
    name: string,
    summary: string,
    body: B,
    run: (trx: Db, ctx: CommandContext, id: string, input: z.output<B>) => Promise<unknown>,
  ) =>
    app.post(
      path,
      { schema: { tags, summary, params: idParams, body, response: { 200: loanSchema } } },
      (request, reply) =>
        commandRoute(deps, request, reply, { name }, async (trx, ctx) => {
          await run(trx, ctx, request.params.id, request.body as z.output<B>);
          return loanDto(trx, ctx.actor, request.params.id, new Date(ctx.now));
        }),
    );

  write(
    "/api/v1/loans/:id/notes",
    "loan.note",
    "Add an appraisal note (or a plain note) to a loan",
    z.strictObject({
      kind: z.enum(["appraisal", "note"]).default("appraisal"),
      text: z.string().trim().min(1).max(5000),
    }),
    (trx, ctx, id, input) => addNote(trx, ctx, id, input),
  );
  write(
    "/api/v1/loans/:id/approve",
    "loan.approve",
    "Approve an application (by a user other than the one who entered it)",
    z.strictObject({ on: date, note: z.string().max(2000).nullable().optional() }),
    (trx, ctx, id, input) => decide(trx, ctx, id, { approve: true, ...input }),
  );
  write(
    "/api/v1/loans/:id/reject",
    "loan.reject",
    "Reject an application (by a user other than the one who entered it)",
    z.strictObject({ on: date, note: z.string().max(2000).nullable().optional() }),
    (trx, ctx, id, input) => decide(trx, ctx, id, { approve: false, ...input }),
  );
  write(
    "/api/v1/loans/:id/disburse",
    "loan.disburse",
    "Disburse an approved loan: its schedule is fixed and the journal posted",
    z.strictObject({ on: date, firstDueOn: date.nullable().optional(), channel }),
    (trx, ctx, id, input) => disburse(trx, ctx, id, input),
  );
  write(
    "/api/v1/loans/:id/repayments",
    "loan.repay",
    "Record a repayment, allocated in the product's order; an overpayment is refused or held as an advance",
    paymentBody,
    (trx, ctx, id, input) => repay(trx, ctx, id, input),
  );
  write(
    "/api/v1/loans/:id/prepayments",
    "loan.prepay",
    "Prepay part or all of the principal; the rest of the schedule shortens or lowers per the product",
    paymentBody,
    (trx, ctx, id, input) => prepay(trx, ctx, id, input),
  );
  app.post(
    "/api/v1/loans/:id/transactions/:transactionId/reverse",
    {
      schema: {
        tags,
        summary: "Reverse a mistaken repayment; later repayments are re-allocated",
        params: z.object({ id: recordId, transactionId: recordId }),
        body: z.strictObject({ on: date, reason }),
        response: { 200: loanSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "loan.reverse_repayment" }, async (trx, ctx) => {
        await reverseRepayment(trx, ctx, request.params.id, request.params.transactionId, request.body);
        return loanDto(trx, ctx.actor, request.params.id, new Date(ctx.now));
      }),
  );
  write(
    "/api/v1/loans/:id/reschedule",
    "loan.request_reschedule",
    "Ask for the unpaid schedule to be replaced with a new one (term, first due date, optionally the rate); another user approves it",
    z.strictObject({
      on: date,
      installments: z.number().int().min(1).max(1200),
      firstDueOn: date,
      annualRatePercent: z
        .string()
        .regex(/^\d{1,3}(\.\d{1,8})?$/)
        .nullable()
        .optional(),
      reason,
    }),
    (trx, ctx, id, input) => requestReschedule(trx, ctx, id, input),
  );
  write(
    "/api/v1/loans/:id/penalties",
    "loan.charge_penalties",
    "Charge the penalties accrued up to a date (e.g. at month-end)",
    z.strictObject({ on: date }),
    (trx, ctx, id, input) => chargePenalties(trx, ctx, id, input.on),
  );
  write(
    "/api/v1/loans/:id/write-off",
    "loan.request_write_off",
    "Ask for the loan to be written off (outstanding principal and penalties to loan losses); another user approves it. Before the product's days past due (writeOffAfterDays, default 90) a reason is required",
    z.strictObject({ on: date, reason: reason.nullable().optional() }),
    (trx, ctx, id, input) => requestWriteOff(trx, ctx, id, input),
  );
  for (const [verb, approve] of [
    ["approve", true],
    ["reject", false],
  ] as const) {
    app.post(
      `/api/v1/loans/:id/requests/:requestId/${verb}`,
      {
        schema: {
          tags,
          summary: approve
            ? "Approve a write-off or reschedule request (by a user other than the one who asked): it is carried out"
            : "Reject a write-off or reschedule request (by a user other than the one who asked): nothing changes",
          params: z.object({ id: recordId, requestId: recordId }),
          body: z.strictObject({ note: z.string().max(2000).nullable().optional() }),
          response: { 200: loanSchema },
        },
      },
      (request, reply) =>
        commandRoute(deps, request, reply, { name: `loan.${verb}_request` }, async (trx, ctx) => {
          await decideRequest(trx, ctx, request.params.id, request.params.requestId, {
            approve,
            note: request.body.note ?? null,
          });
          return loanDto(trx, ctx.actor, request.params.id, new Date(ctx.now));
        }),
    );
  }
  write(
    "/api/v1/loans/:id/recoveries",
    "loan.recover",
    "Record money recovered on a written-off loan",
    z.strictObject({ on: date, amount, channel }),
    (trx, ctx, id, input) => recover(trx, ctx, id, input),
  );
  write(
    "/api/v1/loans/:id/advance-refund",
    "loan.refund_advance",
    "Pay back an advance held on the loan",
    z.strictObject({ on: date, channel }),
    (trx, ctx, id, input) => refundAdvance(trx, ctx, id, input),
  );

  app.get(
    "/api/v1/orgs/:orgId/portfolio-at-risk",
    {
      schema: {
        tags,
        summary:
          "Portfolio at risk over 1, 30 and 90 days and delinquency buckets, for the organisation and its subtree",
        params: orgParams,
        querystring: z.object({ date: date.optional() }),
        response: {
          200: z.array(
            z.object({
              currency: text,
              date: text,
              loans: z.number().int(),
              portfolio: text,
              par1: z.object({ amount: text, ratio: text }),
              par30: z.object({ amount: text, ratio: text }),
              par90: z.object({ amount: text, ratio: text }),
              buckets: z.array(
                z.object({ bucket: z.enum(BUCKETS), loans: z.number().int(), principal: text }),
              ),
            }),
          ),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = await findOrganisation(deps.db, actor, request.params.orgId);
      const on = request.query.date ?? businessDate(deps.clock.now(), org.timeZone);
      const reports = await portfolioAtRiskFor(deps.db, actor, org.id, on);
      return reports.map((r) => {
        const m = (minor: bigint) => formatMoney(money(minor, r.currency));
        const ratio = (x: bigint) => ratioText(x, r.portfolio);
        return {
          currency: r.currency,
          date: r.date,
          loans: r.loans,
          portfolio: m(r.portfolio),
          par1: { amount: m(r.atRisk.par1), ratio: ratio(r.atRisk.par1) },
          par30: { amount: m(r.atRisk.par30), ratio: ratio(r.atRisk.par30) },
          par90: { amount: m(r.atRisk.par90), ratio: ratio(r.atRisk.par90) },
          buckets: BUCKETS.map((b) => ({
            bucket: b,
            loans: r.buckets[b].loans,
            principal: m(r.buckets[b].principal),
          })),
        };
      });
    },
  );
};
