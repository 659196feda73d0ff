// The credit officer's day, in the loans contract: the installments due on a day and those overdue,
// a row per loan with the borrower's name, phone and group (GET /api/v1/orgs/:orgId/installments-due),
// the borrowers a lender may choose from, and the write-off and reschedule requests waiting for a decision.
import { z } from "zod";
import { pageQuery } from "../contract/pagination.js";
import { calendarDate as date, recordId } from "../contract/schemas.js";
import { LOAN_REQUEST_KINDS } from "./contract.js";

export const installmentsDueQuery = z.object({
  /** The day of the list (default: today in the organisation's time zone). */
  on: date.optional(),
  ...pageQuery,
});

const text = z.string();
const borrowerSchema = z.object({
  type: z.enum(["person", "group"]),
  id: text,
  /** The person's given and family name, or the group's name; null for an anonymised person. */
  name: text.nullable(),
  phone: text.nullable(),
});
const groupRef = z.object({ id: text, name: text }).nullable();

/** One loan with something due on or before the day and not yet paid. */
export const installmentDueSchema = z.object({
  /** The loan's id (the list is paged by it). */
  id: text,
  orgId: text,
  currency: text,
  borrower: borrowerSchema,
  /** The group: the borrowing group, or the group the woman is a member of (null when none). */
  group: groupRef,
  /** The day the list is for. */
  on: text,
  /** The oldest due date not fully paid. */
  oldestDueOn: text,
  /** What falls due on the day itself, unpaid. */
  dueToday: text,
  /** What fell due before the day and is still unpaid. */
  overdue: text,
  /** dueToday + overdue: what the borrower should pay on the day. */
  amountDue: text,
  /** Days since the oldest unpaid due date (0 when only the day's installment is due). */
  daysLate: z.number().int(),
  /** How many installments are due or overdue, unpaid. */
  installments: z.number().int(),
});
export type InstallmentDue = z.infer<typeof installmentDueSchema>;

export const borrowersQuery = z.object({
  type: z.enum(["person", "group"]).default("person"),
  /** Words of the name, phone or IIN (people) or of the name (groups); or nothing, with ids. */
  q: z.string().trim().max(200).optional(),
  /** Up to 200 comma-separated ids, to name borrowers already known. */
  ids: z
    .string()
    .max(200 * 37)
    .optional(),
  limit: pageQuery.limit,
});
/** Someone a loan can be made to: a woman of the tenant, or one of its self-help groups. */
export const lendableBorrowerSchema = borrowerSchema.extend({ group: groupRef });
export type LendableBorrower = z.infer<typeof lendableBorrowerSchema>;

export const pendingRequestsQuery = z.object({ ...pageQuery });
/** A write-off or reschedule request waiting for a second user's decision, with its loan's borrower. */
export const pendingRequestSchema = z.object({
  id: text,
  loanId: text,
  orgId: text,
  kind: z.enum(LOAN_REQUEST_KINDS),
  on: text,
  reason: text.nullable(),
  reschedule: z
    .object({ installments: z.number().int(), firstDueOn: text, annualRatePercent: text.nullable() })
    .nullable(),
  daysPastDue: z.number().int(),
  requestedBy: text.nullable(),
  requestedAt: text,
  borrower: borrowerSchema,
  currency: text,
  principalOutstanding: text,
});
export type PendingRequest = z.infer<typeof pendingRequestSchema>;

/** An application waiting for approval, with its borrower and who entered it (who may not approve it). */
export const pendingApplicationSchema = z.object({
  id: text,
  orgId: text,
  productId: text,
  productName: text,
  borrower: borrowerSchema,
  currency: text,
  principal: text,
  installments: z.number().int(),
  appliedOn: text,
  purpose: text.nullable(),
  /** The user who entered it (null when entered by the operator): maker–checker forbids her to decide. */
  appliedBy: text.nullable(),
});
export type PendingApplication = z.infer<typeof pendingApplicationSchema>;

export const orgIdParams = z.object({ orgId: recordId });
