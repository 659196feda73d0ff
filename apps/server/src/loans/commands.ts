// The loan lifecycle as commands, each run in the caller's transaction (one command, one transaction):
// product → application → appraisal notes → approval by another user or rejection → disbursement →
// repayments, prepayments, reversals, reschedules → write-off and recoveries → closure. Every money
// movement posts its journal entry beside the loan's own records, so the books and the loan agree.

import { assertCan } from "@qadam/core/auth/actor";
import { businessDate } from "@qadam/core/clock";
import { DomainError, phrase } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import type { Allocation } from "@qadam/core/loans/allocation";
import {
  applyAllocations,
  arrearsSince,
  contractedInstallments,
  type InstallmentState,
  isSettled,
  loanYearStart,
  principalOutstanding,
  splitRepayment,
} from "@qadam/core/loans/engine";
import {
  chargePenaltiesTo,
  onPlans,
  type PlanTerms,
  payPrepayment,
  planAfterPrepayment,
  planAfterReschedule,
  writeOffAmounts,
} from "@qadam/core/loans/processing";
import { capOn, checkProductAgainstCap, type LoanProduct, refuseAboveCap } from "@qadam/core/loans/product";
import { explicitSpec, type ProductSpec, parseStoredSpec, productFrom } from "@qadam/core/loans/product-spec";
import { buildSchedule, type Schedule, ScheduleTermsError } from "@qadam/core/loans/schedule";
import {
  type Currency,
  currency,
  formatMoney,
  parseAmount as lineAmount,
  money,
  parseMoney,
} from "@qadam/core/money";
import type { Organisation } from "@qadam/core/orgs/types";
import { findOrganisation } from "../orgs/index.js";
import type { CommandContext } from "../platform/commands.js";
import { isUniqueViolation } from "../platform/db/constraint-errors.js";
import type { Db } from "../platform/db/database.js";
import { type Channel, penaltyLines, portfolio, post, receiptLines, writeOffLines } from "./postings.js";
import { penaltyTerms, type RescheduleTerms } from "./replay-postings.js";
import { isBackdated, reprocess } from "./reprocess.js";
import {
  insertInstallments,
  insertTransaction,
  type LoanRecord,
  type LoanStatus,
  liveInstallments,
  loadLoan,
  penaltiesChargedSince,
  saveLoan,
  tenantCalendar,
  tenantCaps,
  updateInstallments,
} from "./store.js";

export type { Channel } from "./postings.js";

const LENDER_KINDS = new Set(["mfo", "federation", "cluster"]);

function today(ctx: CommandContext, org: Organisation): string {
  return businessDate(new Date(ctx.now), org.timeZone);
}

function checkValueDate(ctx: CommandContext, loan: LoanRecord, on: string): void {
  if (on > today(ctx, loan.org)) throw new DomainError("LOAN_DATE_IN_FUTURE", { date: on });
  if (loan.disbursedOn && on < loan.disbursedOn)
    throw new DomainError("LOAN_DATE_BEFORE_DISBURSEMENT", { date: on, disbursed: loan.disbursedOn });
}

function scheduleError(error: unknown): never {
  if (error instanceof ScheduleTermsError || error instanceof RangeError)
    throw new DomainError("SCHEDULE_TERMS_INVALID", { details: error.message });
  throw error;
}

/** The loan, locked, that the actor may change with `permission`, in one of the statuses given. */
async function loanToChange(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  permission: "loans.write" | "loans.approve",
  ...statuses: LoanStatus[]
): Promise<LoanRecord> {
  const loan = await loadLoan(trx, ctx.actor, loanId, true);
  assertCan(ctx.actor, permission, loan.org.path, "loan");
  if (statuses.length > 0 && !statuses.includes(loan.status))
    throw new DomainError("LOAN_WRONG_STATUS", { status: loan.status });
  return loan;
}

/** An active loan's state for a dated money command: its live schedule, with penalties charged to the date. */
interface Working {
  loan: LoanRecord;
  live: InstallmentState[];
  /** The live schedule as loaded, to write back only what changed. */
  before: InstallmentState[];
  /** The sequence number of the command's own transaction (after any penalty charge). */
  seq: number;
}

/** The active loan, locked, for a money command dated `on`. */
async function activeLoan(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  permission: "loans.write" | "loans.approve",
  on: string,
): Promise<LoanRecord> {
  const loan = await loanToChange(trx, ctx, loanId, permission, "active");
  checkValueDate(ctx, loan, on);
  return loan;
}

/** `run`: the command is a penalty run (a date the replay of the history accrues penalties to). */
async function startWork(
  trx: Db,
  ctx: CommandContext,
  loan: LoanRecord,
  on: string,
  run = false,
): Promise<Working> {
  const live = await liveInstallments(trx, loan.id);
  const before = live.map((i) => ({ ...i }));
  const seq = await accrueTo(trx, ctx, loan, live, on, loan.version + 1, run);
  return { loan, live, before, seq };
}

/** Writes back what changed, refreshes the cached state from the schedule now live, and saves the loan. */
async function finishWork(
  trx: Db,
  ctx: CommandContext,
  w: Working,
  on: string,
  live: readonly InstallmentState[] = w.live,
  version = w.seq,
): Promise<void> {
  await updateInstallments(trx, w.loan.id, changedSince(w.before, w.live));
  refresh(w.loan, live, on);
  await saveLoan(trx, w.loan, version);
  ctx.touched("loan", w.loan.id);
}

function positiveAmount(text: string, cur: Currency): bigint {
  const amount = parseAmount(text, cur);
  if (amount <= 0n) throw new DomainError("VALIDATION_FAILED", { details: "amount must be positive" });
  return amount;
}

function overpayment(loan: LoanRecord, extra: bigint, owed: bigint): DomainError {
  return new DomainError("LOAN_OVERPAYMENT", {
    amount: money(extra, loan.currency),
    owed: money(owed, loan.currency),
  });
}

/** The schedule the loan's terms give from a disbursement date, on the tenant's working calendar. */
async function scheduleOf(
  trx: Db,
  tenantId: string,
  product: LoanProduct,
  principal: bigint,
  installments: number,
  disbursedOn: string,
  firstDueOn: string,
): Promise<Schedule> {
  const calendar = await tenantCalendar(trx, tenantId);
  try {
    return buildSchedule({
      ...product,
      principal: money(principal, product.minPrincipal.currency),
      installments,
      disbursedOn,
      firstDueOn,
      calendar,
    });
  } catch (error) {
    scheduleError(error);
  }
}

/** Refuses a schedule whose effective rate is above the tenant's cap in force on its disbursement date. */
async function checkCap(trx: Db, tenantId: string, schedule: Schedule, disbursedOn: string): Promise<void> {
  const cap = capOn(await tenantCaps(trx, tenantId), disbursedOn);
  if (cap !== null) refuseAboveCap(schedule.effectiveAnnualRate, cap, disbursedOn);
}

// --- products ----------------------------------------------------------------------------------

export async function createProduct(
  trx: Db,
  ctx: CommandContext,
  orgId: string,
  spec: ProductSpec,
): Promise<string> {
  const org = await findOrganisation(trx, ctx.actor, orgId);
  assertCan(ctx.actor, "products.write", org.path, "organisation");
  if (!LENDER_KINDS.has(org.kind)) throw new DomainError("LOAN_LENDER_KIND", { kind: org.kind });
  // A rounding step of zero would be silently taken as one minor unit: refused, as in the preview.
  if (spec.rounding !== null && parseMoney(spec.rounding, currency(spec.currency)).minor < 1n)
    throw new DomainError("SCHEDULE_ROUNDING_ZERO", { rounding: spec.rounding });
  let product: ReturnType<typeof productFrom>;
  try {
    product = productFrom(spec);
  } catch (error) {
    scheduleError(error);
  }
  try {
    checkProductAgainstCap(product, await tenantCaps(trx, ctx.actor.tenantId), today(ctx, org));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    scheduleError(error);
  }
  const id = ctx.ids.next();
  try {
    await trx
      .insertInto("loanProducts")
      .values({
        id,
        tenantId: ctx.actor.tenantId,
        orgId: org.id,
        name: spec.name,
        currency: spec.currency,
        spec: JSON.stringify(explicitSpec(spec)),
        status: "active",
        createdAt: ctx.now,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("LOAN_PRODUCT_NAME_TAKEN", { name: spec.name });
    throw error;
  }
  ctx.touched("loan_product", id);
  return id;
}

// --- application and decision ------------------------------------------------------------------

export interface LoanApplication {
  productId: string;
  borrower:
    | { type: "person"; personId: string }
    | {
        type: "group";
        groupId: string;
        jointLiability: boolean;
        members: ReadonlyArray<{ personId: string; share: string }>;
      };
  principal: string;
  installments: number;
  firstDueOn: string;
  appliedOn: string;
  purpose?: string | null;
}

export async function applyForLoan(trx: Db, ctx: CommandContext, input: LoanApplication): Promise<string> {
  if (!isUuid(input.productId)) throw new DomainError("NOT_FOUND", { entity: "loanProduct" });
  const productRow = await trx
    .selectFrom("loanProducts")
    .selectAll()
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("id", "=", input.productId)
    .executeTakeFirst();
  if (!productRow) throw new DomainError("NOT_FOUND", { entity: "loanProduct" });
  const org = await findOrganisation(trx, ctx.actor, productRow.orgId, "loanProduct");
  assertCan(ctx.actor, "loans.write", org.path, "organisation");
  if (productRow.status !== "active")
    throw new DomainError("LOAN_PRODUCT_RETIRED", { name: productRow.name });
  const product = productFrom(parseStoredSpec(productRow.spec));
  const cur = product.minPrincipal.currency;
  const principal = parseAmount(input.principal, cur);
  if (principal < product.minPrincipal.minor || principal > product.maxPrincipal.minor)
    throw new DomainError("LOAN_OUTSIDE_PRODUCT_LIMITS", {
      field: "principal",
      min: product.minPrincipal,
      max: product.maxPrincipal,
    });
  if (input.installments < product.minInstallments || input.installments > product.maxInstallments)
    throw new DomainError("LOAN_OUTSIDE_PRODUCT_LIMITS", {
      field: "installments",
      min: product.minInstallments,
      max: product.maxInstallments,
    });
  if (input.firstDueOn <= input.appliedOn)
    throw new DomainError("SCHEDULE_TERMS_INVALID", {
      details: phrase("firstDueNotAfterApplication"),
    });

  const id = ctx.ids.next();
  const members: Array<{ personId: string; share: bigint }> = [];
  let borrowerId: string;
  // The lender's officers lend across the tenant: a borrower need not sit under their own grants.
  if (input.borrower.type === "person") {
    borrowerId = await tenantPerson(trx, ctx.actor.tenantId, input.borrower.personId);
  } else {
    const groupId = input.borrower.groupId;
    const group = isUuid(groupId)
      ? await trx
          .selectFrom("organisations")
          .select(["id", "kind", "name"])
          .where("tenantId", "=", ctx.actor.tenantId)
          .where("id", "=", groupId)
          .executeTakeFirst()
      : undefined;
    if (!group) throw new DomainError("NOT_FOUND", { entity: "organisation" });
    if (group.kind !== "shg") throw new DomainError("ORG_NOT_A_GROUP", { name: group.name });
    if (product.minGroupGrade) {
      // The group's latest grade on or before the application, as its federation recorded it.
      const grade = await trx
        .selectFrom("groupGrades")
        .select("grade")
        .where("tenantId", "=", ctx.actor.tenantId)
        .where("orgId", "=", group.id)
        .where("gradedOn", "<=", input.appliedOn)
        .orderBy("gradedOn", "desc")
        .orderBy("recordedAt", "desc")
        .limit(1)
        .executeTakeFirst();
      if (!grade || grade.grade > product.minGroupGrade)
        throw new DomainError("LOAN_GROUP_GRADE_REQUIRED", {
          name: group.name,
          required: product.minGroupGrade,
          grade: grade?.grade ?? "—",
        });
    }
    borrowerId = group.id;
    const listed = input.borrower.members.map((m) => m.personId);
    if (new Set(listed).size !== listed.length)
      throw new DomainError("LOAN_SHARES_INVALID", { details: phrase("memberListedTwice") });
    const active = new Set(
      listed.every(isUuid) && listed.length > 0
        ? (
            await trx
              .selectFrom("memberships")
              .select("personId")
              .where("tenantId", "=", ctx.actor.tenantId)
              .where("groupId", "=", group.id)
              .where("personId", "in", listed)
              .where("leftOn", "is", null)
              .execute()
          ).map((r) => r.personId)
        : [],
    );
    for (const m of input.borrower.members) {
      if (!active.has(m.personId))
        throw new DomainError("LOAN_SHARES_INVALID", {
          details: phrase("memberNotActive", { member: m.personId }),
        });
      members.push({ personId: m.personId, share: parseAmount(m.share, cur) });
    }
    const total = members.reduce((s, m) => s + m.share, 0n);
    if (members.length === 0 || total !== principal || members.some((m) => m.share <= 0n))
      throw new DomainError("LOAN_SHARES_INVALID", {
        details: phrase("sharesDoNotSum", { total: money(total, cur), principal: money(principal, cur) }),
      });
  }
  // The schedule as it would be if disbursed on the application date: refused above the legal cap.
  const tenantId = ctx.actor.tenantId;
  await checkCap(
    trx,
    tenantId,
    await scheduleOf(
      trx,
      tenantId,
      product,
      principal,
      input.installments,
      input.appliedOn,
      input.firstDueOn,
    ),
    input.appliedOn,
  );

  await trx
    .insertInto("loans")
    .values({
      id,
      tenantId: ctx.actor.tenantId,
      orgId: org.id,
      productId: productRow.id,
      borrowerType: input.borrower.type,
      borrowerId,
      currency: cur,
      principal: principal.toString(),
      installments: input.installments,
      firstDueOn: input.firstDueOn,
      disbursedOn: null,
      purpose: input.purpose ?? null,
      spec: productRow.spec,
      status: "applied",
      appliedOn: input.appliedOn,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      decidedBy: null,
      decidedOn: null,
      decisionNote: null,
      principalOutstanding: "0",
      arrearsSince: null,
      lastActivityOn: null,
      advance: "0",
      penaltyThrough: null,
      plan: 0,
      writtenOffOn: null,
      writtenOff: "0",
      recovered: "0",
      closedOn: null,
      version: 0,
    })
    .execute();
  if (members.length > 0 && input.borrower.type === "group") {
    const joint = input.borrower.jointLiability ? 1 : 0;
    await trx
      .insertInto("loanMembers")
      .values(
        members.map((m) => ({
          tenantId: ctx.actor.tenantId,
          loanId: id,
          personId: m.personId,
          share: m.share.toString(),
          jointLiability: joint,
        })),
      )
      .execute();
  }
  ctx.touched("loan", id);
  return id;
}

/** A person of the tenant with consent on record (an anonymised person cannot borrow). */
async function tenantPerson(trx: Db, tenantId: string, personId: string): Promise<string> {
  if (!isUuid(personId)) throw new DomainError("NOT_FOUND", { entity: "person" });
  const person = await trx
    .selectFrom("persons")
    .select(["id", "consentGivenOn", "consentWithdrawnOn"])
    .where("tenantId", "=", tenantId)
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) throw new DomainError("NOT_FOUND", { entity: "person" });
  if (person.consentWithdrawnOn !== null || person.consentGivenOn === null)
    throw new DomainError("PERSON_ANONYMISED");
  return person.id;
}

/** An amount in the loan's currency from its text (INVALID_AMOUNT), in minor units. */
function parseAmount(text: string, cur: Currency): bigint {
  return lineAmount(text, cur).minor;
}

/** The installments whose stored fields differ from the snapshot taken when they were loaded. */
function changedSince(
  before: readonly InstallmentState[],
  live: readonly InstallmentState[],
): InstallmentState[] {
  const same = (a: InstallmentState, b: InstallmentState | undefined) =>
    b !== undefined &&
    a.penalty === b.penalty &&
    a.principalPaid === b.principalPaid &&
    a.interestPaid === b.interestPaid &&
    a.feePaid === b.feePaid &&
    a.penaltyPaid === b.penaltyPaid &&
    a.replacedOn === b.replacedOn;
  // The snapshot is a copy of the same rows in the same order: each row's own is found at its index.
  const own = (i: InstallmentState, k: number) => {
    const b = before[k];
    return b && b.plan === i.plan && b.number === i.number
      ? b
      : before.find((x) => x.plan === i.plan && x.number === i.number);
  };
  return live.filter((i, k) => !same(i, own(i, k)));
}

export async function addNote(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  note: { kind: "appraisal" | "note"; text: string },
): Promise<string> {
  const loan = await loanToChange(trx, ctx, loanId, "loans.write");
  const id = ctx.ids.next();
  await trx
    .insertInto("loanNotes")
    .values({
      id,
      tenantId: loan.tenantId,
      loanId: loan.id,
      kind: note.kind,
      text: note.text,
      author: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .execute();
  ctx.touched("loan_note", id);
  return id;
}

/** Approval or rejection, by a user other than the one who created the application (maker–checker). */
export async function decide(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  decision: { approve: boolean; on: string; note?: string | null },
): Promise<void> {
  const loan = await loanToChange(trx, ctx, loanId, "loans.approve", "applied");
  if (loan.createdBy !== null && loan.createdBy === ctx.actor.userId)
    throw new DomainError("LOAN_MAKER_CHECKER");
  if (decision.on < loan.appliedOn)
    throw new DomainError("LOAN_DATE_BEFORE_APPLICATION", { date: decision.on, applied: loan.appliedOn });
  loan.status = decision.approve ? "approved" : "rejected";
  loan.decidedBy = ctx.actor.userId;
  loan.decidedOn = decision.on;
  loan.decisionNote = decision.note ?? null;
  await saveLoan(trx, loan, loan.version + 1);
  ctx.touched("loan", loan.id);
}

// --- money movements ---------------------------------------------------------------------------

function noteActivity(loan: LoanRecord, on: string): void {
  if (loan.lastActivityOn === null || on > loan.lastActivityOn) loan.lastActivityOn = on;
}

/** Refreshes the cached state the portfolio queries read, and closes a loan with nothing left. */
function refresh(loan: LoanRecord, live: readonly InstallmentState[], on: string): void {
  loan.principalOutstanding = loan.status === "written_off" ? 0n : principalOutstanding(live);
  loan.arrearsSince = loan.status === "written_off" ? null : arrearsSince(live);
  noteActivity(loan, on);
  if (loan.status === "active" && live.every(isSettled)) {
    loan.status = "closed";
    loan.closedOn = on;
  }
}

export async function disburse(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: { on: string; firstDueOn?: string | null; channel: Channel },
): Promise<void> {
  const loan = await loanToChange(trx, ctx, loanId, "loans.write", "approved");
  checkValueDate(ctx, loan, input.on);
  if (input.on < loan.appliedOn)
    throw new DomainError("LOAN_DATE_BEFORE_APPLICATION", { date: input.on, applied: loan.appliedOn });
  const firstDueOn = input.firstDueOn ?? loan.firstDueOn;
  const schedule = await scheduleOf(
    trx,
    loan.tenantId,
    loan.product,
    loan.principal,
    loan.installments,
    input.on,
    firstDueOn,
  );
  await checkCap(trx, loan.tenantId, schedule, input.on);
  const rows: InstallmentState[] = contractedInstallments(schedule, input.on);
  await insertInstallments(trx, loan.tenantId, loan.id, rows);
  const fee = schedule.disbursementFee.minor;
  const entryId = await post(trx, ctx, loan, input.on, "loanDisbursed", [
    [portfolio(loan), loan.principal],
    [input.channel, -(loan.principal - fee)],
    ["feeIncome", -fee],
  ]);
  const seq = loan.version + 1;
  await insertTransaction(trx, ctx, loan, seq, {
    kind: "disbursement",
    valueDate: input.on,
    channel: input.channel,
    amount: loan.principal,
    entryId,
    note: fee > 0n ? `fee ${formatMoney(schedule.disbursementFee)}` : null,
  });
  loan.status = "active";
  loan.disbursedOn = input.on;
  loan.firstDueOn = firstDueOn;
  loan.plan = 1;
  loan.penaltyThrough = input.on;
  refresh(loan, rows, input.on);
  await saveLoan(trx, loan, seq);
  ctx.touched("loan", loan.id);
}

/** Charges the penalties accrued up to `on` (inclusive); returns the next sequence number. */
async function accrueTo(
  trx: Db,
  ctx: CommandContext,
  loan: LoanRecord,
  live: InstallmentState[],
  on: string,
  seq: number,
  run: boolean,
): Promise<number> {
  const from = loan.penaltyThrough ?? loan.disbursedOn;
  if (loan.status !== "active" || from === null || on <= from) return seq;
  loan.penaltyThrough = on;
  const inArrears = loan.arrearsSince !== null && loan.arrearsSince < on;
  const charged = inArrears
    ? await penaltiesChargedSince(trx, loan.id, loanYearStart(loan.disbursedOn ?? on, on))
    : 0n;
  const charges = inArrears ? chargePenaltiesTo(live, loan.product, loan.principal, from, on, charged) : [];
  if (charges.length === 0) {
    if (!run) return seq;
    // A run that charged nothing is recorded all the same: a replay of the history accrues to its date.
    await insertTransaction(trx, ctx, loan, seq, {
      kind: "penalty",
      valueDate: on,
      amount: 0n,
      entryId: null,
      terms: penaltyTerms(true),
    });
    return seq + 1;
  }
  const total = charges.reduce((s, c) => s + c.minor, 0n);
  const entryId = await post(trx, ctx, loan, on, "loanPenalty", penaltyLines(total));
  await insertTransaction(trx, ctx, loan, seq, {
    kind: "penalty",
    valueDate: on,
    amount: total,
    entryId,
    terms: penaltyTerms(run),
    allocations: onPlans(
      live,
      charges.map((c) => ({ number: c.number, component: "charge" as const, minor: c.minor })),
    ),
  });
  return seq + 1;
}

export interface RepaymentInput {
  on: string;
  amount: string;
  channel: Channel;
  /** What to do with money beyond everything owed. */
  overpayment: "refuse" | "advance";
}

export interface RepaymentResult {
  transactionId: string;
  allocations: Allocation[];
  advance: bigint;
  status: LoanRecord["status"];
}

/**
 * A payment dated before something already recorded (a later payment, penalty run or plan): the
 * loan's history is replayed by value date with it (reprocess.ts).
 */
async function backdatedPayment(
  trx: Db,
  ctx: CommandContext,
  loan: LoanRecord,
  kind: "repayment" | "prepayment",
  input: RepaymentInput,
): Promise<RepaymentResult> {
  const amount = positiveAmount(input.amount, loan.currency);
  const done = await reprocess(trx, ctx, loan, {
    add: { kind, on: input.on, amount, channel: input.channel, refuse: input.overpayment === "refuse" },
    on: input.on,
    reason: null,
  });
  if (!done.added) throw new Error("the back-dated payment was not posted");
  return { ...done.added, status: loan.status };
}

export async function repay(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: RepaymentInput,
): Promise<RepaymentResult> {
  const loan = await activeLoan(trx, ctx, loanId, "loans.write", input.on);
  if (isBackdated(loan, input.on)) return backdatedPayment(trx, ctx, loan, "repayment", input);
  const w = await startWork(trx, ctx, loan, input.on);
  const { live, seq } = w;
  const amount = positiveAmount(input.amount, loan.currency);
  const split = splitRepayment(live, loan.product, amount);
  if (split.overpayment > 0n && input.overpayment === "refuse")
    throw overpayment(loan, split.overpayment, amount - split.overpayment);
  applyAllocations(live, split.allocations);
  const entryId = await post(
    trx,
    ctx,
    loan,
    input.on,
    "loanRepayment",
    receiptLines(loan, input.channel, split.allocations, split.overpayment),
  );
  const transactionId = await insertTransaction(trx, ctx, loan, seq, {
    kind: "repayment",
    valueDate: input.on,
    amount,
    advance: split.overpayment,
    channel: input.channel,
    entryId,
    allocations: onPlans(live, split.allocations),
  });
  loan.advance += split.overpayment;
  await finishWork(trx, ctx, w, input.on);
  return { transactionId, allocations: split.allocations, advance: split.overpayment, status: loan.status };
}

export async function prepay(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: RepaymentInput,
): Promise<RepaymentResult> {
  const loan = await activeLoan(trx, ctx, loanId, "loans.write", input.on);
  if (isBackdated(loan, input.on)) return backdatedPayment(trx, ctx, loan, "prepayment", input);
  const w = await startWork(trx, ctx, loan, input.on);
  const { live, seq } = w;
  const amount = positiveAmount(input.amount, loan.currency);
  const split = payPrepayment(live, loan.product, loan.disbursedOn ?? input.on, input.on, amount);
  const { allocations, left } = split;
  if (left > 0n && input.overpayment === "refuse") throw overpayment(loan, left, amount - left);
  const entryId = await post(
    trx,
    ctx,
    loan,
    input.on,
    "loanPrepayment",
    receiptLines(loan, input.channel, allocations, left),
  );
  const transactionId = await insertTransaction(trx, ctx, loan, seq, {
    kind: "prepayment",
    valueDate: input.on,
    amount,
    advance: left,
    channel: input.channel,
    entryId,
    allocations: onPlans(live, allocations),
  });
  let finalLive = live;
  // A new plan on the lower balance replaces the unpaid future installments.
  const terms = split.prepaidPrincipal > 0n ? await planTerms(trx, loan) : null;
  const plan = terms && withTerms(() => planAfterPrepayment(live, terms, loan.plan + 1, input.on, split));
  if (plan) {
    loan.plan += 1;
    await insertInstallments(trx, loan.tenantId, loan.id, plan.rows);
    finalLive = [...plan.kept, ...plan.rows];
    loan.installments = finalLive.length;
  }
  loan.advance += left;
  await finishWork(trx, ctx, w, input.on, finalLive);
  return { transactionId, allocations, advance: left, status: loan.status };
}

async function planTerms(trx: Db, loan: LoanRecord): Promise<PlanTerms> {
  return {
    product: loan.product,
    currency: loan.currency,
    calendar: await tenantCalendar(trx, loan.tenantId),
  };
}

/** Runs a plan calculation, its refusal of the terms as SCHEDULE_TERMS_INVALID. */
function withTerms<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    scheduleError(error);
  }
}

export async function reschedule(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: {
    on: string;
    installments: number;
    firstDueOn: string;
    annualRatePercent?: string | null;
    reason: string;
  },
): Promise<void> {
  if (input.firstDueOn <= input.on)
    throw new DomainError("SCHEDULE_TERMS_INVALID", {
      details: phrase("firstDueNotAfterReschedule"),
    });
  const loan = await activeLoan(trx, ctx, loanId, "loans.approve", input.on);
  const event = {
    installments: input.installments,
    firstDueOn: input.firstDueOn,
    annualRatePercent: input.annualRatePercent || null,
  };
  if (isBackdated(loan, input.on)) {
    await reprocess(trx, ctx, loan, {
      add: { kind: "reschedule", on: input.on, reason: input.reason, ...event },
      on: input.on,
      reason: null,
    });
    return;
  }
  const w = await startWork(trx, ctx, loan, input.on);
  const { live, seq } = w;
  const terms: RescheduleTerms = { ...event, priorRatePercent: loan.spec.annualRatePercent };
  if (event.annualRatePercent) {
    loan.spec = { ...loan.spec, annualRatePercent: event.annualRatePercent };
    loan.product = productFrom(loan.spec);
  }
  const planning = await planTerms(trx, loan);
  const plan = withTerms(() =>
    planAfterReschedule(live, planning, loan.plan + 1, { on: input.on, ...event }),
  );
  loan.plan += 1;
  await insertInstallments(trx, loan.tenantId, loan.id, plan.rows);
  await insertTransaction(trx, ctx, loan, seq, {
    kind: "reschedule",
    valueDate: input.on,
    amount: plan.principal,
    entryId: null,
    note: input.reason,
    terms: JSON.stringify(terms),
  });
  loan.installments = plan.kept.length + plan.rows.length;
  await finishWork(trx, ctx, w, input.on, [...plan.kept, ...plan.rows]);
}

/**
 * Reverses a mistaken repayment, whatever came after it: the loan's history is replayed by value date
 * without it (reprocess.ts), so the later repayments, prepayments, plans, penalties and any write-off
 * are what they would have been without it; its entry is reversed, and so is every later one whose
 * effect changes, posted again with its new effect. Journal entries of the correction carry the later
 * of the event's value date and the correction's date.
 */
export async function reverseRepayment(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  transactionId: string,
  input: { on: string; reason: string },
): Promise<{ reversed: string[]; reapplied: string[] }> {
  const loan = await loanToChange(trx, ctx, loanId, "loans.write", "active", "closed", "written_off");
  checkValueDate(ctx, loan, input.on);
  const txs = isUuid(transactionId)
    ? await trx
        .selectFrom("loanTransactions")
        .select(["id", "kind", "reversesId", "replacesId"])
        .where("loanId", "=", loan.id)
        .execute()
    : [];
  let target = txs.find((t) => t.id === transactionId);
  if (target?.kind !== "repayment") throw new DomainError("NOT_FOUND", { entity: "record" });
  // A repayment a replay posted again (with a new allocation) is reversed through its latest posting.
  const reversed = new Set(txs.map((t) => t.reversesId));
  while (target && reversed.has(target.id)) {
    const id: string = target.id;
    target = txs.find((t) => t.replacesId === id && t.kind === "repayment");
    if (!target) throw new DomainError("LOAN_ALREADY_REVERSED");
  }
  const done = await reprocess(trx, ctx, loan, { remove: target.id, on: input.on, reason: input.reason });
  return { reversed: done.reversed, reapplied: done.reposted };
}

export async function writeOff(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: { on: string; reason: string },
): Promise<{ principal: bigint; penalties: bigint }> {
  const loan = await activeLoan(trx, ctx, loanId, "loans.approve", input.on);
  if (isBackdated(loan, input.on))
    throw new DomainError("LOAN_WRITE_OFF_BACKDATED", {
      date: input.on,
      last: later(loan.penaltyThrough ?? input.on, loan.lastActivityOn ?? input.on),
    });
  const w = await startWork(trx, ctx, loan, input.on);
  const { live, seq } = w;
  const { principal, penalties } = writeOffAmounts(live);
  const entryId = await post(
    trx,
    ctx,
    loan,
    input.on,
    { key: "loanWrittenOff", params: { reason: input.reason } },
    writeOffLines(loan, principal, penalties),
  );
  await insertTransaction(trx, ctx, loan, seq, {
    kind: "write_off",
    valueDate: input.on,
    amount: principal + penalties,
    entryId,
    note: input.reason,
    terms: JSON.stringify({ principal: principal.toString(), penalties: penalties.toString() }),
  });
  loan.status = "written_off";
  loan.writtenOffOn = input.on;
  loan.writtenOff = principal + penalties;
  await finishWork(trx, ctx, w, input.on);
  return { principal, penalties };
}

const later = (a: string, b: string) => (a > b ? a : b);

export async function recover(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: { on: string; amount: string; channel: Channel },
): Promise<void> {
  const loan = await loanToChange(trx, ctx, loanId, "loans.write", "written_off");
  checkValueDate(ctx, loan, input.on);
  const amount = positiveAmount(input.amount, loan.currency);
  const left = loan.writtenOff - loan.recovered;
  if (amount > left) throw overpayment(loan, amount - left, left);
  const entryId = await post(trx, ctx, loan, input.on, "loanRecovery", [
    [input.channel, amount],
    ["recoveries", -amount],
  ]);
  const seq = loan.version + 1;
  await insertTransaction(trx, ctx, loan, seq, {
    kind: "recovery",
    valueDate: input.on,
    amount,
    channel: input.channel,
    entryId,
  });
  loan.recovered += amount;
  noteActivity(loan, input.on);
  await saveLoan(trx, loan, seq);
  ctx.touched("loan", loan.id);
}

export async function refundAdvance(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  input: { on: string; channel: Channel },
): Promise<bigint> {
  const loan = await loanToChange(trx, ctx, loanId, "loans.write");
  checkValueDate(ctx, loan, input.on);
  if (loan.advance <= 0n) throw new DomainError("LOAN_NO_ADVANCE");
  const refund = loan.advance;
  const entryId = await post(trx, ctx, loan, input.on, "loanAdvanceRefunded", [
    ["advances", refund],
    [input.channel, -refund],
  ]);
  const seq = loan.version + 1;
  await insertTransaction(trx, ctx, loan, seq, {
    kind: "refund",
    valueDate: input.on,
    amount: refund,
    channel: input.channel,
    entryId,
  });
  loan.advance = 0n;
  await saveLoan(trx, loan, seq);
  ctx.touched("loan", loan.id);
  return refund;
}

/** Charges penalties accrued up to a date (month-end), without a payment. */
export async function chargePenalties(
  trx: Db,
  ctx: CommandContext,
  loanId: string,
  on: string,
): Promise<void> {
  const w = await startWork(trx, ctx, await activeLoan(trx, ctx, loanId, "loans.write", on), on, true);
  // No transaction of its own: the version moves past the penalty run's, if it recorded one.
  await finishWork(trx, ctx, w, on, w.live, w.loan.version + 1);
}
