// HTTP routes of the loan engine: the schedule preview, products, the loan lifecycle, arrears and
// portfolio at risk. Every write is a command with an Idempotency-Key and answers with the loan; the
// schemas are the contract's (@qadam/core/loans/contract).

import type { Actor } from "@qadam/core/auth/actor";
import { businessDate } from "@qadam/core/clock";
import { decodeCursor, pageSchema, toPage } from "@qadam/core/contract/pagination";
import { recordId } from "@qadam/core/contract/schemas";
import type { ErrorCode } from "@qadam/core/errors";
import { errorMessage } from "@qadam/core/i18n";
import { BUCKETS, ratioText } from "@qadam/core/loans/arrears";
import {
  advanceRefundBody,
  applicationBody,
  decisionBody,
  disburseBody,
  type LoanDto,
  loanListItemSchema,
  loanQuery,
  loanSchema,
  loansQuery,
  noteBody,
  paymentBody,
  penaltiesBody,
  portfolioAtRiskQuery,
  portfolioAtRiskSchema,
  productDto,
  productsQuery,
  recoveryBody,
  requestDecisionBody,
  rescheduleBody,
  reverseBody,
  writeOffBody,
} from "@qadam/core/loans/contract";
import { disclosedPercent } from "@qadam/core/loans/effective-rate";
import { previewOptions, previewSchedule, schedulePreviewSchema } from "@qadam/core/loans/preview";
import { parseStoredSpec, productSpec } from "@qadam/core/loans/product-spec";
import { isDisbursed, loanStateColumns } from "@qadam/core/loans/state";
import { formatMoney, money } from "@qadam/core/money";
import { z } from "zod";
import { findOrganisation, orgIdsWithin } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import type { RouteModule } from "../platform/http/context.js";
import { command, query } from "../platform/http/route.js";
import { applicationFrom, paymentFrom, recoveryFrom } from "./amounts-in.js";
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
import { decideRequest, loanRequestsOf, requestReschedule, requestWriteOff } from "./loan-requests.js";
import { portfolioAtRiskFor, viewLoan } from "./queries.js";
import { tenantCaps } from "./store.js";

export { type LoanDto, loanSchema } from "@qadam/core/loans/contract";

async function loanDto(db: Db, actor: Actor, id: string, now: Date, on?: string): Promise<LoanDto> {
  const v = await viewLoan(db, actor, id, on ?? null, now);
  const cur = v.loan.currency;
  const m = (minor: bigint) => formatMoney(money(minor, cur));
  const disclosed = await disclosureOf(db, v.loan);
  const schedule = isDisbursed(v.loan.state) ? v.installments : disclosed.installments;
  const state = loanStateColumns(v.loan.state);
  return {
    id: v.loan.id,
    orgId: v.loan.org.id,
    productId: v.loan.productId,
    borrower: { type: v.loan.borrowerType, id: v.loan.borrowerId },
    currency: cur,
    principal: m(v.loan.principal),
    installments: v.loan.installments,
    status: state.status,
    appliedOn: v.loan.appliedOn,
    decidedOn: state.decidedOn,
    decisionNote: state.decisionNote,
    disbursedOn: state.disbursedOn,
    closedOn: state.closedOn,
    writtenOffOn: state.writtenOffOn,
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

const idParams = z.object({ id: recordId });
const orgParams = z.object({ orgId: recordId });
const tags = ["loans"];
const EXAMPLE_PRODUCT = "0190f3d2-6a4e-7c1b-9f00-3b2a1c0d4e60";
const EXAMPLE_PERSON = "0190f3d2-6a4e-7c1b-9f00-3b2a1c0d4e61";
/** What a dated change to an active loan can answer: the loan is not active, or the date is wrong. */
const DATED: readonly ErrorCode[] = [
  "LOAN_WRONG_STATUS",
  "LOAN_DATE_IN_FUTURE",
  "LOAN_DATE_BEFORE_DISBURSEMENT",
];

function productOf(row: {
  id: string;
  orgId: string;
  name: string;
  currency: string;
  status: string;
  spec: string;
}) {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    currency: row.currency,
    status: row.status,
    spec: parseStoredSpec(row.spec),
  };
}

export const loanRoutes: RouteModule = (app, deps) => {
  query(app, {
    method: "GET",
    path: "/api/v1/loans/schedule-preview",
    tags,
    summary:
      "Preview a repayment schedule and its effective annual rate (ГЭСВ) for given terms, with a warning above the tenant's cap",
    description:
      "The schedule a loan on these terms would have, its total cost and effective annual rate, computed " +
      "without recording anything; a warning (not an error) says when the rate is above the tenant's cap.",
    query: previewOptions,
    response: schedulePreviewSchema,
    errors: ["SCHEDULE_TERMS_INVALID", "SCHEDULE_OPTION_UNUSED", "SCHEDULE_ROUNDING_ZERO"],
    handle: async ({ actor, query, request }) =>
      previewSchedule(query, {
        caps: await tenantCaps(deps.db, actor.tenantId),
        message: (warning) => errorMessage(request.locale, warning),
      }),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/orgs/:orgId/loan-products",
    tags,
    summary: "Create a loan product (refused if its loans could cost more than the legal cap)",
    description:
      "A loan product of a lending organisation: its limits, rate, schedule method, fees, penalties and " +
      "allocation order. Refused if a loan within its limits could cost more than the cap in force.",
    permission: "products.write",
    params: orgParams,
    body: productSpec,
    example: {
      name: "Бизнес-старт",
      minPrincipal: "50000",
      maxPrincipal: "1000000",
      minInstallments: 3,
      maxInstallments: 24,
      frequency: "monthly",
      annualRatePercent: "24",
    },
    response: productDto,
    errors: [
      "LOAN_LENDER_KIND",
      "LOAN_PRODUCT_NAME_TAKEN",
      "SCHEDULE_ROUNDING_ZERO",
      "PRODUCT_RATE_ABOVE_CAP",
    ],
    command: { name: "loan_product.create", status: 201 },
    run: async (trx, ctx, { params, body }) => {
      const id = await createProduct(trx, ctx, params.orgId, body);
      return productOf(
        await trx.selectFrom("loanProducts").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
      );
    },
  });

  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:orgId/loan-products",
    tags,
    summary: "The organisation's loan products",
    description:
      "The loan products of the organisation, in the order they were created (by id), a page at a time.",
    params: orgParams,
    query: productsQuery,
    response: pageSchema(productDto),
    list: "paged",
    errors: [],
    handle: async ({ actor, params, query }) => {
      const org = await findOrganisation(deps.db, actor, params.orgId);
      const after = decodeCursor(query.cursor);
      const rows = await deps.db
        .selectFrom("loanProducts")
        .selectAll()
        .where("tenantId", "=", actor.tenantId)
        .where("orgId", "=", org.id)
        .$if(after !== null, (qb) => qb.where("id", ">", after ?? ""))
        .orderBy("id")
        .limit(query.limit + 1)
        .execute();
      return toPage(rows.map(productOf), query.limit);
    },
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/loans",
    tags,
    summary: "Apply for a loan (a person, or a group with each member's share)",
    description:
      "Records an application for a loan under a product, by a person or by a group (each member's share " +
      "summing to the principal), within the product's limits; it then waits for approval.",
    permission: "loans.write",
    body: applicationBody,
    example: {
      productId: EXAMPLE_PRODUCT,
      borrower: { type: "person", personId: EXAMPLE_PERSON },
      principal: "300000",
      installments: 12,
      firstDueOn: "2026-04-15",
      appliedOn: "2026-03-02",
      purpose: "Sewing machine",
    },
    response: loanSchema,
    errors: [
      "NOT_FOUND",
      "LOAN_PRODUCT_RETIRED",
      "LOAN_OUTSIDE_PRODUCT_LIMITS",
      "LOAN_SHARES_INVALID",
      "LOAN_GROUP_GRADE_REQUIRED",
      "ORG_NOT_A_GROUP",
      "PERSON_ANONYMISED",
      "SCHEDULE_TERMS_INVALID",
    ],
    command: { name: "loan.apply", status: 201 },
    run: async (trx, ctx, { body }) =>
      loanDto(
        trx,
        ctx.actor,
        await applyForLoan(trx, ctx, await applicationFrom(trx, ctx.actor, body)),
        new Date(ctx.now),
      ),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/loans",
    tags,
    summary: "Loans of an organisation and its subtree, by status or borrower",
    description:
      "The loans of the organisation and the organisations under it, optionally of one status or borrower, " +
      "in the order they were applied for (by id), a page at a time.",
    query: loansQuery,
    response: pageSchema(loanListItemSchema),
    list: "paged",
    errors: ["NOT_FOUND"],
    handle: async ({ actor, query }) => {
      const org = await findOrganisation(deps.db, actor, query.orgId);
      const after = decodeCursor(query.cursor);
      const rows = await deps.db
        .selectFrom("loans as l")
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
        .where("l.orgId", "in", orgIdsWithin(deps.db, org))
        .$if(query.status !== undefined, (qb) => qb.where("l.status", "=", query.status ?? ""))
        .$if(query.borrowerId !== undefined, (qb) => qb.where("l.borrowerId", "=", query.borrowerId ?? ""))
        .$if(after !== null, (qb) => qb.where("l.id", ">", after ?? ""))
        .orderBy("l.id")
        .limit(query.limit + 1)
        .execute();
      const items = rows.map((r) => ({
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
      return toPage(items, query.limit);
    },
  });

  query(app, {
    method: "GET",
    path: "/api/v1/loans/:id",
    tags,
    summary: "A loan: its schedule, history, members, notes and arrears on a date (default today)",
    description:
      "A loan you can see with its schedule (before disbursement, the one its contract discloses), " +
      "transactions and their allocation, members, notes, requests, and its arrears on the date given.",
    params: idParams,
    query: loanQuery,
    response: loanSchema,
    errors: [],
    handle: ({ actor, params, query }) => loanDto(deps.db, actor, params.id, deps.clock.now(), query.date),
  });

  /** A command on one loan that answers with the loan as it then is. */
  const onLoan = async (trx: Db, actor: Actor, id: string, now: string) =>
    loanDto(trx, actor, id, new Date(now));

  command(app, deps, {
    method: "POST",
    path: "/api/v1/loans/:id/notes",
    tags,
    summary: "Add an appraisal note (or a plain note) to a loan",
    description: "A note on the loan, by default the credit officer's appraisal of the application.",
    permission: "loans.write",
    params: idParams,
    body: noteBody,
    example: { kind: "appraisal", text: "Visited her shop: steady trade, two years at the bazaar." },
    response: loanSchema,
    errors: [],
    command: { name: "loan.note" },
    run: async (trx, ctx, { params, body }) => {
      await addNote(trx, ctx, params.id, body);
      return onLoan(trx, ctx.actor, params.id, ctx.now);
    },
  });

  for (const approve of [true, false]) {
    command(app, deps, {
      method: "POST",
      path: `/api/v1/loans/:id/${approve ? "approve" : "reject"}`,
      tags,
      summary: `${approve ? "Approve" : "Reject"} an application (by a user other than the one who entered it)`,
      description: approve
        ? "Approves an application on a date; the loan can then be disbursed. Maker-checker: not by its maker."
        : "Rejects an application on a date, with an optional note. Maker-checker: not by its maker.",
      permission: "loans.approve",
      params: idParams,
      body: decisionBody,
      example: { on: "2026-03-04", note: approve ? "Appraisal good" : "Income not shown" },
      response: loanSchema,
      errors: ["LOAN_WRONG_STATUS", "LOAN_MAKER_CHECKER", "LOAN_DATE_BEFORE_APPLICATION"],
      command: { name: approve ? "loan.approve" : "loan.reject" },
      run: async (trx, ctx, { params, body }) => {
        await decide(trx, ctx, params.id, { approve, ...body });
        return onLoan(trx, ctx.actor, params.id, ctx.now);
      },
    });
  }

  command(app, deps, {
    method: "POST",
    path: "/api/v1/loans/:id/disburse",
    tags,
    summary: "Disburse an approved loan: its schedule is fixed and the journal posted",
    description:
      "Pays out an approved loan on a date, by cash or bank: its schedule is fixed from that date " +
      "(first due date as applied for, or the one given) and the disbursement and its fee are posted.",
    permission: "loans.write",
    params: idParams,
    body: disburseBody,
    example: { on: "2026-03-05", channel: "cash" },
    response: loanSchema,
    errors: [
      "LOAN_WRONG_STATUS",
      "LOAN_DATE_BEFORE_APPLICATION",
      "LOAN_DATE_IN_FUTURE",
      "SCHEDULE_TERMS_INVALID",
    ],
    command: { name: "loan.disburse" },
    run: async (trx, ctx, { params, body }) => {
      await disburse(trx, ctx, params.id, body);
      return onLoan(trx, ctx.actor, params.id, ctx.now);
    },
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/loans/:id/repayments",
    tags,
    summary:
      "Record a repayment, allocated in the product's order; an overpayment is refused or held as an advance",
    description:
      "Money the borrower paid on a date, allocated to what is due in the product's order (penalties, fees, " +
      "interest, principal); more than is owed is refused, or held as an advance if asked.",
    permission: "loans.write",
    params: idParams,
    body: paymentBody,
    example: { on: "2026-04-15", amount: "28500", channel: "cash", overpayment: "refuse" },
    response: loanSchema,
    errors: [...DATED, "LOAN_OVERPAYMENT"],
    command: { name: "loan.repay" },
    run: async (trx, ctx, { params, body }) => {
      await repay(trx, ctx, params.id, await paymentFrom(trx, ctx.actor, params.id, body));
      return onLoan(trx, ctx.actor, params.id, ctx.now);
    },
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/loans/:id/prepayments",
    tags,
    summary:
      "Prepay part or all of the principal; the rest of the schedule shortens or lowers per the product",
    description:
      "Pays principal ahead of the schedule on a date; the remaining schedule is shortened or its " +
      "installments lowered, as the product says. More than is owed is refused or held as an advance.",
    permission: "loans.write",
    params: idParams,
    body: paymentBody,
    example: { on: "2026-05-02", amount: "100000", channel: "bank" },
    response: loanSchema,
    errors: [...DATED, "LOAN_OVERPAYMENT", "SCHEDULE_TERMS_INVALID"],
    command: { name: "loan.prepay" },
    run: async (trx, ctx, { params, body }) => {
      await prepay(trx, ctx, params.id, await paymentFrom(trx, ctx.actor, params.id, body));
      return onLoan(trx, ctx.actor, params.id, ctx.now);
    },
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/loans/:id/transactions/:transactionId/reverse",
    tags,
    summary: "Reverse a mistaken repayment; later repayments are re-allocated",
    description:
      "Cancels a repayment recorded by mistake, with a reason; the loan's later repayments are allocated " +
      "again as if it had never been, and the books are corrected.",
    permission: "loans.write",
    params: z.object({ id: recordId, transactionId: recordId }),
    body: reverseBody,
    example: { on: "2026-04-16", reason: "Entered twice" },
    response: loanSchema,
    errors: [...DATED, "LOAN_ALREADY_REVERSED", "LOAN_REVERSAL_BLOCKED", "LOAN_OVERPAYMENT"],
    command: { name: "loan.reverse_repayment" },
    run: async (trx, ctx, { params, body }) => {
      await reverseRepayment(trx, ctx, params.id, params.transactionId, body);
      return onLoan(trx, ctx.actor, params.id, ctx.now);
    },
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/loans/:id/reschedule",
    tags,
    summary:
      "Ask for the unpaid schedule to be replaced with a new one (term, first due date, optionally the rate); another user approves it",
    description:
      "Records a request to replace the unpaid schedule (number of installments, first due date, optionally " +
      "the rate), with a reason; nothing changes until another user approves it.",
    permission: "loans.write",
    params: idParams,
    body: rescheduleBody,
    example: { on: "2026-06-01", installments: 9, firstDueOn: "2026-07-15", reason: "Harvest lost to hail" },
    response: loanSchema,
    errors: [...DATED, "LOAN_REQUEST_PENDING", "SCHEDULE_TERMS_INVALID"],
    command: { name: "loan.request_reschedule" },
    run: async (trx, ctx, { params, body }) => {
      await requestReschedule(trx, ctx, params.id, body);
      return onLoan(trx, ctx.actor, params.id, ctx.now);
    },
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/loans/:id/penalties",
    tags,
    summary: "Charge the penalties accrued up to a date (e.g. at month-end)",
    description: "Charges to the loan the late-payment penalties accrued up to the date, and posts them.",
    permission: "loans.write",
    params: idParams,
    body: penaltiesBody,
    example: { on: "2026-05-31" },
    response: loanSchema,
    errors: DATED,
    command: { name: "loan.charge_penalties" },
    run: async (trx, ctx, { params, body }) => {
      await chargePenalties(trx, ctx, params.id, body.on);
      return onLoan(trx, ctx.actor, params.id, ctx.now);
    },
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/loans/:id/write-off",
    tags,
    summary:
      "Ask for the loan to be written off (outstanding principal and penalties to loan losses); another user approves it. Before the product's days past due (writeOffAfterDays, default 90) a reason is required",
    description:
      "Records a request to write the loan off on a date; another user approves it. Before the product's " +
      "days past due (writeOffAfterDays, default 90) a reason is required.",
    permission: "loans.write",
    params: idParams,
    body: writeOffBody,
    example: { on: "2026-09-30", reason: "Moved away, no contact" },
    response: loanSchema,
    errors: [...DATED, "LOAN_REQUEST_PENDING", "LOAN_WRITE_OFF_REASON_REQUIRED", "LOAN_WRITE_OFF_BACKDATED"],
    command: { name: "loan.request_write_off" },
    run: async (trx, ctx, { params, body }) => {
      await requestWriteOff(trx, ctx, params.id, body);
      return onLoan(trx, ctx.actor, params.id, ctx.now);
    },
  });

  for (const [verb, approve] of [
    ["approve", true],
    ["reject", false],
  ] as const) {
    command(app, deps, {
      method: "POST",
      path: `/api/v1/loans/:id/requests/:requestId/${verb}`,
      tags,
      summary: approve
        ? "Approve a write-off or reschedule request (by a user other than the one who asked): it is carried out"
        : "Reject a write-off or reschedule request (by a user other than the one who asked): nothing changes",
      description: approve
        ? "Approves a waiting write-off or reschedule request, which is then carried out on its date. " +
          "Maker-checker: not by the user who asked."
        : "Rejects a waiting write-off or reschedule request; the loan stays as it is. Maker-checker: not by the user who asked.",
      permission: "loans.approve",
      params: z.object({ id: recordId, requestId: recordId }),
      body: requestDecisionBody,
      example: { note: approve ? "Checked with the group" : "Wait for the harvest" },
      response: loanSchema,
      errors: [
        ...DATED,
        "LOAN_REQUEST_DECIDED",
        "LOAN_REQUEST_MAKER_CHECKER",
        "LOAN_WRITE_OFF_BACKDATED",
        "SCHEDULE_TERMS_INVALID",
      ],
      command: { name: `loan.${verb}_request` },
      run: async (trx, ctx, { params, body }) => {
        await decideRequest(trx, ctx, params.id, params.requestId, { approve, note: body.note ?? null });
        return onLoan(trx, ctx.actor, params.id, ctx.now);
      },
    });
  }

  command(app, deps, {
    method: "POST",
    path: "/api/v1/loans/:id/recoveries",
    tags,
    summary: "Record money recovered on a written-off loan",
    description: "Money received on a written-off loan, up to what was written off, posted as a recovery.",
    permission: "loans.write",
    params: idParams,
    body: recoveryBody,
    example: { on: "2026-11-02", amount: "15000", channel: "cash" },
    response: loanSchema,
    errors: ["LOAN_WRONG_STATUS", "LOAN_DATE_IN_FUTURE", "LOAN_DATE_BEFORE_DISBURSEMENT", "LOAN_OVERPAYMENT"],
    command: { name: "loan.recover" },
    run: async (trx, ctx, { params, body }) => {
      await recover(trx, ctx, params.id, await recoveryFrom(trx, ctx.actor, params.id, body));
      return onLoan(trx, ctx.actor, params.id, ctx.now);
    },
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/loans/:id/advance-refund",
    tags,
    summary: "Pay back an advance held on the loan",
    description: "Pays the borrower back the advance (overpayment) held on the loan, by cash or bank.",
    permission: "loans.write",
    params: idParams,
    body: advanceRefundBody,
    example: { on: "2026-05-03", channel: "cash" },
    response: loanSchema,
    errors: ["LOAN_WRONG_STATUS", "LOAN_DATE_IN_FUTURE", "LOAN_DATE_BEFORE_DISBURSEMENT", "LOAN_NO_ADVANCE"],
    command: { name: "loan.refund_advance" },
    run: async (trx, ctx, { params, body }) => {
      await refundAdvance(trx, ctx, params.id, body);
      return onLoan(trx, ctx.actor, params.id, ctx.now);
    },
  });

  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:orgId/portfolio-at-risk",
    tags,
    summary:
      "Portfolio at risk over 1, 30 and 90 days and delinquency buckets, for the organisation and its subtree",
    description:
      "For each currency, the outstanding portfolio of the organisation and its subtree on the date " +
      "(default today there), the part at risk over 1, 30 and 90 days and the loans by delinquency bucket.",
    params: orgParams,
    query: portfolioAtRiskQuery,
    response: z.array(portfolioAtRiskSchema),
    list: { whole: "one report per currency the organisation lends in" },
    errors: [],
    handle: async ({ actor, params, query }) => {
      const org = await findOrganisation(deps.db, actor, params.orgId);
      const on = query.date ?? businessDate(deps.clock.now(), org.timeZone);
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
  });
};
