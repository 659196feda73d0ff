// Loan controls: a write-off or a reschedule is asked for by one user (loans.write) and approved or
// rejected by another (loans.approve) — maker–checker, as for applications. Approval runs the
// write-off or the reschedule in the same transaction; rejection changes nothing but the request. A
// write-off before the product's writeOffAfterDays days past due needs a stated reason. At most one
// request per loan waits for a decision.
import { assertCan } from "@qadam/core/auth/actor";
import { businessDate } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import type { LoanRequestKind, LoanRequestStatus } from "@qadam/core/loans/contract";
import type { CommandContext } from "../platform/commands.js";
import { isUniqueViolation } from "../platform/db/constraint-errors.js";
import type { Db } from "../platform/db/database.js";
import { reschedule, writeOff } from "./commands.js";
import { loanArrears } from "./queries.js";
import { isIn, type LoanIn, type LoanRecord, loadLoan } from "./store.js";

export {
  LOAN_REQUEST_KINDS,
  LOAN_REQUEST_STATUSES,
  type LoanRequestKind,
  type LoanRequestStatus,
} from "@qadam/core/loans/contract";

export interface WriteOffRequest {
  on: string;
  /** Needed before the product's writeOffAfterDays days past due. */
  reason?: string | null;
}

export interface RescheduleRequest {
  on: string;
  installments: number;
  firstDueOn: string;
  annualRatePercent?: string | null;
  reason: string;
}

export interface LoanRequestView {
  id: string;
  kind: LoanRequestKind;
  status: LoanRequestStatus;
  on: string;
  reason: string | null;
  /** A reschedule's new terms; null for a write-off. */
  reschedule: { installments: number; firstDueOn: string; annualRatePercent: string | null } | null;
  daysPastDue: number;
  requestedBy: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** The active loan, locked, that the actor may ask about, with the request's date checked against it. */
async function loanToAskAbout(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  on: string,
): Promise<LoanIn<"active">> {
  const loan = await loadLoan(trx, ctx.actor, loanId, true);
  assertCan(ctx.actor, "loans.write", loan.org.path, "loan");
  if (!isIn(loan, ["active"])) throw new DomainError("LOAN_WRONG_STATUS", { status: loan.state.status });
  if (on > businessDate(new Date(ctx.now), loan.org.timeZone))
    throw new DomainError("LOAN_DATE_IN_FUTURE", { date: on });
  const disbursed = loan.state.disbursedOn;
  if (on < disbursed) throw new DomainError("LOAN_DATE_BEFORE_DISBURSEMENT", { date: on, disbursed });
  return loan;
}

async function insertRequest(
  trx: Db,
  ctx: CommandContext,
  loan: LoanRecord,
  request: {
    kind: LoanRequestKind;
    on: string;
    reason: string | null;
    terms: Record<string, unknown>;
    daysPastDue: number;
  },
): Promise<string> {
  const waiting = await trx
    .selectFrom("loanRequests")
    .select("id")
    .where("loanId", "=", loan.id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  if (waiting) throw new DomainError("LOAN_REQUEST_PENDING");
  const id = ctx.ids.next();
  try {
    await trx
      .insertInto("loanRequests")
      .values({
        id,
        tenantId: loan.tenantId,
        loanId: loan.id,
        kind: request.kind,
        valueDate: request.on,
        terms: JSON.stringify(request.terms),
        reason: request.reason,
        daysPastDue: request.daysPastDue,
        status: "pending",
        requestedBy: ctx.actor.userId,
        requestedAt: ctx.now,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("LOAN_REQUEST_PENDING");
    throw error;
  }
  ctx.touched("loan_request", id);
  return id;
}

/** Asks for a write-off; refused without a reason before the product's days past due. */
export async function requestWriteOff(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: WriteOffRequest,
): Promise<string> {
  const loan = await loanToAskAbout(trx, ctx, loanId, input.on);
  const { daysPastDue } = await loanArrears(trx, loan, input.on);
  const reason = input.reason?.trim() || null;
  const threshold = loan.product.writeOffAfterDays;
  if (reason === null && daysPastDue < threshold)
    throw new DomainError("LOAN_WRITE_OFF_REASON_REQUIRED", { days: daysPastDue, threshold });
  return insertRequest(trx, ctx, loan, { kind: "write_off", on: input.on, reason, terms: {}, daysPastDue });
}

/** Asks for a reschedule of the unpaid schedule on new terms. */
export async function requestReschedule(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: RescheduleRequest,
): Promise<string> {
  if (input.firstDueOn <= input.on)
    throw new DomainError("SCHEDULE_TERMS_INVALID", {
      details: "firstDueOn: must come after the reschedule",
    });
  const loan = await loanToAskAbout(trx, ctx, loanId, input.on);
  const { daysPastDue } = await loanArrears(trx, loan, input.on);
  return insertRequest(trx, ctx, loan, {
    kind: "reschedule",
    on: input.on,
    reason: input.reason,
    terms: {
      installments: input.installments,
      firstDueOn: input.firstDueOn,
      annualRatePercent: input.annualRatePercent ?? null,
    },
    daysPastDue,
  });
}

/**
 * Approves or rejects a waiting request, by a user with loans.approve other than the one who made it.
 * Approval writes the loan off or reschedules it as asked, in the same transaction.
 */
export async function decideRequest(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  requestId: string,
  decision: { approve: boolean; note?: string | null },
): Promise<void> {
  const loan = await loadLoan(trx, ctx.actor, loanId, true);
  assertCan(ctx.actor, "loans.approve", loan.org.path, "loan");
  const row = isUuid(requestId)
    ? await trx
        .selectFrom("loanRequests")
        .selectAll()
        .where("tenantId", "=", loan.tenantId)
        .where("loanId", "=", loan.id)
        .where("id", "=", requestId)
        .executeTakeFirst()
    : undefined;
  if (!row) throw new DomainError("NOT_FOUND", { entity: "record" });
  if (row.status !== "pending") throw new DomainError("LOAN_REQUEST_DECIDED");
  if (row.requestedBy !== null && row.requestedBy === ctx.actor.userId)
    throw new DomainError("LOAN_REQUEST_MAKER_CHECKER");
  if (decision.approve) {
    if (row.kind === "write_off") {
      await writeOff(trx, ctx, loan.id, {
        on: row.valueDate,
        reason: row.reason ?? `${row.daysPastDue} days past due`,
      });
    } else {
      const terms = JSON.parse(row.terms) as Omit<RescheduleRequest, "on" | "reason">;
      await reschedule(trx, ctx, loan.id, { ...terms, on: row.valueDate, reason: row.reason ?? "" });
    }
  }
  await trx
    .updateTable("loanRequests")
    .set({
      status: decision.approve ? "approved" : "rejected",
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
      decisionNote: decision.note ?? null,
    })
    .where("id", "=", row.id)
    .where("status", "=", "pending")
    .execute();
  ctx.touched("loan_request", row.id);
}

/** The loan's requests, oldest first. */
export async function loanRequestsOf(
  db: Db,
  loan: Pick<LoanRecord, "id" | "tenantId">,
): Promise<LoanRequestView[]> {
  const rows = await db
    .selectFrom("loanRequests")
    .selectAll()
    .where("tenantId", "=", loan.tenantId)
    .where("loanId", "=", loan.id)
    .orderBy("requestedAt")
    .orderBy("id")
    .execute();
  return rows.map((r) => {
    const terms = JSON.parse(r.terms) as Partial<Omit<RescheduleRequest, "on" | "reason">>;
    return {
      id: r.id,
      kind: r.kind as LoanRequestKind,
      status: r.status as LoanRequestStatus,
      on: r.valueDate,
      reason: r.reason,
      reschedule:
        r.kind === "reschedule"
          ? {
              installments: terms.installments ?? 0,
              firstDueOn: terms.firstDueOn ?? "",
              annualRatePercent: terms.annualRatePercent ?? null,
            }
          : null,
      daysPastDue: r.daysPastDue,
      requestedBy: r.requestedBy,
      requestedAt: r.requestedAt,
      decidedBy: r.decidedBy,
      decidedAt: r.decidedAt,
      decisionNote: r.decisionNote,
    };
  });
}
