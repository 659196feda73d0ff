// The loans domain's contract: the request and response schemas of the loan engine under /api/v1
// (schedule preview, products, the loan lifecycle, arrears and portfolio at risk), and their types.
import { z } from "zod";
import { pageQuery } from "../contract/pagination.js";
import { amountText as amount, calendarDate as date, recordId } from "../contract/schemas.js";
import { BUCKETS } from "./arrears.js";
import { productSpec } from "./product-spec.js";

export const LOAN_STATUSES = ["applied", "approved", "rejected", "active", "closed", "written_off"] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];
export const LOAN_REQUEST_KINDS = ["write_off", "reschedule"] as const;
export type LoanRequestKind = (typeof LOAN_REQUEST_KINDS)[number];
export const LOAN_REQUEST_STATUSES = ["pending", "approved", "rejected"] as const;
export type LoanRequestStatus = (typeof LOAN_REQUEST_STATUSES)[number];

export const channel = z.enum(["cash", "bank"]).default("cash");
const reason = z.string().trim().min(1).max(1000);

export const applicationBody = z.strictObject({
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

export const paymentBody = z.strictObject({
  on: date,
  amount,
  channel,
  overpayment: z.enum(["refuse", "advance"]).default("refuse"),
});

export const noteBody = z.strictObject({
  kind: z.enum(["appraisal", "note"]).default("appraisal"),
  text: z.string().trim().min(1).max(5000),
});
export const decisionBody = z.strictObject({ on: date, note: z.string().max(2000).nullable().optional() });
export const disburseBody = z.strictObject({ on: date, firstDueOn: date.nullable().optional(), channel });
export const reverseBody = z.strictObject({ on: date, reason });
export const rescheduleBody = z.strictObject({
  on: date,
  installments: z.number().int().min(1).max(1200),
  firstDueOn: date,
  annualRatePercent: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,8})?$/)
    .nullable()
    .optional(),
  reason,
});
export const penaltiesBody = z.strictObject({ on: date });
export const writeOffBody = z.strictObject({ on: date, reason: reason.nullable().optional() });
export const requestDecisionBody = z.strictObject({ note: z.string().max(2000).nullable().optional() });
export const recoveryBody = z.strictObject({ on: date, amount, channel });
export const advanceRefundBody = z.strictObject({ on: date, channel });

export const loanQuery = z.object({ date: date.optional() });
export const loansQuery = z.object({
  orgId: recordId,
  status: z.enum(LOAN_STATUSES).optional(),
  borrowerId: recordId.optional(),
  ...pageQuery,
});
export const productsQuery = z.object({ ...pageQuery });
export const portfolioAtRiskQuery = z.object({ date: date.optional() });

const text = z.string();
export const installmentSchema = z.object({
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
export const loanSchema = z.object({
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

/** A loan in a list: its amounts and status, without its schedule and history. */
export const loanListItemSchema = z.object({
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
});
export type LoanListItem = z.infer<typeof loanListItemSchema>;

export const productDto = z.object({
  id: text,
  orgId: text,
  name: text,
  currency: text,
  status: text,
  spec: productSpec,
});
export type ProductDto = z.infer<typeof productDto>;

export const portfolioAtRiskSchema = z.object({
  currency: text,
  date: text,
  loans: z.number().int(),
  portfolio: text,
  par1: z.object({ amount: text, ratio: text }),
  par30: z.object({ amount: text, ratio: text }),
  par90: z.object({ amount: text, ratio: text }),
  buckets: z.array(z.object({ bucket: z.enum(BUCKETS), loans: z.number().int(), principal: text })),
});
export type PortfolioAtRiskDto = z.infer<typeof portfolioAtRiskSchema>;
