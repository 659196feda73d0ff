// Loans in the database: loading a loan as the actor sees it (locked against concurrent writers on
// PostgreSQL; SQLite runs one write transaction at a time), saving its state with an optimistic version
// check, its transactions and allocations (append-only), the lender's accounts, and the tenant's
// calendar and legal caps.

import { type Actor, assertCanSee } from "@qadam/core/auth/actor";
import { DomainError } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import type { Component } from "@qadam/core/loans/allocation";
import { SATURDAY_SUNDAY, type WorkingCalendar } from "@qadam/core/loans/calendar";
import type { LoanStatus } from "@qadam/core/loans/contract";
import type { InstallmentState } from "@qadam/core/loans/engine";
import { type DatedCap, KAZAKH_MICROCREDIT_CAPS, type LoanProduct } from "@qadam/core/loans/product";
import { type ProductSpec, parseStoredSpec, productFrom } from "@qadam/core/loans/product-spec";
import { type LoanState, loanStateColumns, loanStateFrom } from "@qadam/core/loans/state";
import { type Currency, currency, percent } from "@qadam/core/money";
import type { Organisation } from "@qadam/core/orgs/types";
import { accountsOfCodes, noteActiveAccounts, noteTenantLanguage } from "../books/index.js";
import { tenantById, tenantOrganisationWithLanguage } from "../orgs/index.js";
import type { CommandContext } from "../platform/commands.js";
import { dialectOf } from "../platform/db/column-types.js";
import { commandCache } from "../platform/db/command-cache.js";
import { isUniqueViolation } from "../platform/db/constraint-errors.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { prepared, type Row } from "../platform/db/prepared.js";
import type {
  LoanAllocationsTable,
  LoanInstallmentsTable,
  LoansTable,
  LoanTransactionsTable,
} from "../platform/db/schema.js";

export { LOAN_STATUSES, type LoanStatus } from "@qadam/core/loans/contract";

export interface LoanRecord {
  id: string;
  tenantId: string;
  org: Organisation;
  productId: string;
  borrowerType: "person" | "group";
  borrowerId: string;
  currency: Currency;
  principal: bigint;
  installments: number;
  firstDueOn: string;
  purpose: string | null;
  spec: ProductSpec;
  product: LoanProduct;
  /** Where the loan is in its life, with the dates and decision that state has. */
  state: LoanState;
  appliedOn: string;
  createdBy: string | null;
  principalOutstanding: bigint;
  arrearsSince: string | null;
  lastActivityOn: string | null;
  advance: bigint;
  penaltyThrough: string | null;
  plan: number;
  writtenOff: bigint;
  recovered: bigint;
  version: number;
}

/** A loan known to be in one of the statuses S, its state narrowed to theirs. */
export type LoanIn<S extends LoanStatus> = LoanRecord & { state: Extract<LoanState, { status: S }> };

/** Whether the loan is in one of the statuses given. */
export function isIn<S extends LoanStatus>(loan: LoanRecord, statuses: readonly S[]): loan is LoanIn<S> {
  return (statuses as readonly LoanStatus[]).includes(loan.state.status);
}

/** Moves the loan to its next state (saved by saveLoan). */
export function enterState(loan: LoanRecord, state: LoanState): void {
  loan.state = state;
}

// The loan's row (locked on PostgreSQL when asked); its organisation comes through the orgs domain.
const loanRow = (lock: boolean) =>
  prepared((db, a: { tenantId: string; id: string }) =>
    db
      .selectFrom("loans")
      .selectAll()
      .where("tenantId", "=", a.tenantId)
      .where("id", "=", a.id)
      .$if(lock && dialectOf(db) === "postgres", (qb) => qb.forUpdate()),
  );
const LOAN_ROW = loanRow(false);
const LOCKED_LOAN_ROW = loanRow(true);

/**
 * The stored spec parsed and turned into a product, kept by its text: the loans of one product share
 * it, and parsing it on every repayment would cost more than the repayment's queries. Neither is
 * ever changed in place (a reschedule replaces the loan's spec).
 */
const parsedSpecs = new Map<string, { spec: ProductSpec; product: LoanProduct }>();
export function storedSpec(json: string): { spec: ProductSpec; product: LoanProduct } {
  let parsed = parsedSpecs.get(json);
  if (!parsed) {
    const spec = Object.freeze(parseStoredSpec(json));
    parsed = { spec, product: Object.freeze(productFrom(spec)) };
    if (parsedSpecs.size >= 500) parsedSpecs.clear();
    parsedSpecs.set(json, parsed);
  }
  return parsed;
}

/**
 * The lender with its tenant's language, read once per command: a batch of repayments goes to loans of
 * one or a few lenders, and no loan command moves or renames an organisation. Outside a command's
 * transaction (no `ctx`), read every time.
 */
async function lenderOf(
  db: Db,
  ctx: CommandContext | undefined,
  tenantId: string,
  orgId: string,
): Promise<{ org: Organisation; tenantLocale: string }> {
  const cache = ctx ? commandCache(ctx, db) : null;
  const key = `lender:${orgId}`;
  const known = cache?.get(key) as { org: Organisation; tenantLocale: string } | undefined;
  if (known) return known;
  const found = await tenantOrganisationWithLanguage(db, tenantId, orgId, "loan");
  cache?.set(key, found);
  return found;
}

/**
 * The loan as the actor sees it (NOT_FOUND otherwise); `lock` takes the row lock on PostgreSQL. Given
 * the command, the tenant's language read with the loan serves the entries the command posts.
 */
export async function loadLoan(
  db: Db,
  actor: Actor,
  id: string,
  lock = false,
  ctx?: CommandContext,
): Promise<LoanRecord> {
  if (!isUuid(id)) throw new DomainError("NOT_FOUND", { entity: "loan" });
  const row = await (lock ? LOCKED_LOAN_ROW : LOAN_ROW).first(db, { tenantId: actor.tenantId, id });
  if (!row) throw new DomainError("NOT_FOUND", { entity: "loan" });
  const { org, tenantLocale } = await lenderOf(db, ctx, actor.tenantId, row.orgId);
  assertCanSee(actor, org.path, "loan");
  if (ctx) noteTenantLanguage(db, ctx, row.tenantId, tenantLocale);
  const { spec, product } = storedSpec(row.spec);
  const loan: LoanRecord = {
    id: row.id,
    tenantId: row.tenantId,
    org,
    productId: row.productId,
    borrowerType: row.borrowerType === "group" ? "group" : "person",
    borrowerId: row.borrowerId,
    currency: currency(row.currency),
    principal: toBigInt(row.principal),
    installments: row.installments,
    firstDueOn: row.firstDueOn,
    purpose: row.purpose,
    spec,
    product,
    state: loanStateFrom({
      status: row.status as LoanStatus,
      decidedBy: row.decidedBy,
      decidedOn: row.decidedOn,
      decisionNote: row.decisionNote,
      disbursedOn: row.disbursedOn,
      closedOn: row.closedOn,
      writtenOffOn: row.writtenOffOn,
    }),
    appliedOn: row.appliedOn,
    createdBy: row.createdBy,
    principalOutstanding: toBigInt(row.principalOutstanding),
    arrearsSince: row.arrearsSince,
    lastActivityOn: row.lastActivityOn,
    advance: toBigInt(row.advance),
    penaltyThrough: row.penaltyThrough,
    plan: row.plan,
    writtenOff: toBigInt(row.writtenOff),
    recovered: toBigInt(row.recovered),
    version: row.version,
  };
  stored.set(loan, { columns: savedColumns(loan), spec });
  return loan;
}

/** What saveLoan writes: everything but what a loan is given at application. */
type SavedLoan = Omit<
  Row<LoansTable>,
  | "id"
  | "tenantId"
  | "orgId"
  | "productId"
  | "borrowerType"
  | "borrowerId"
  | "currency"
  | "principal"
  | "purpose"
  | "appliedOn"
  | "createdBy"
  | "createdAt"
>;
const SAVE_LOAN = prepared((db, a: { id: string; version: number; set: Partial<SavedLoan> }) =>
  db.updateTable("loans").set(a.set).where("id", "=", a.id).where("version", "=", a.version),
);

/** The columns saveLoan writes, but the spec, as it writes them (in one order, so one shape per set). */
function savedColumns(loan: LoanRecord): Omit<SavedLoan, "spec" | "version"> {
  const state = loanStateColumns(loan.state);
  return {
    status: state.status,
    installments: loan.installments,
    disbursedOn: state.disbursedOn,
    firstDueOn: loan.firstDueOn,
    decidedBy: state.decidedBy,
    decidedOn: state.decidedOn,
    decisionNote: state.decisionNote,
    principalOutstanding: loan.principalOutstanding,
    arrearsSince: loan.arrearsSince,
    lastActivityOn: loan.lastActivityOn,
    advance: loan.advance,
    penaltyThrough: loan.penaltyThrough,
    plan: loan.plan,
    writtenOffOn: state.writtenOffOn,
    writtenOff: loan.writtenOff,
    recovered: loan.recovered,
    closedOn: state.closedOn,
  };
}

/**
 * The loan as stored, per record loaded or saved here, so that saveLoan writes only the columns that
 * changed: rewriting the others (the spec's JSON, the status in its index) costs a repayment time.
 */
const stored = new WeakMap<LoanRecord, { columns: ReturnType<typeof savedColumns>; spec: ProductSpec }>();

/** Writes the loan's changed state; another writer since it was loaded makes this CONCURRENT_UPDATE. */
export async function saveLoan(trx: Db, loan: LoanRecord, nextVersion: number): Promise<void> {
  const columns = savedColumns(loan);
  const before = stored.get(loan);
  const set: Partial<SavedLoan> = {};
  const changed = set as Record<string, unknown>;
  for (const key of Object.keys(columns) as Array<keyof typeof columns>)
    if (!before || before.columns[key] !== columns[key]) changed[key] = columns[key];
  if (!before || before.spec !== loan.spec) set.spec = JSON.stringify(loan.spec);
  set.version = nextVersion;
  const updated = await SAVE_LOAN.affected(trx, { id: loan.id, version: loan.version, set });
  if (updated !== 1) throw new DomainError("CONCURRENT_UPDATE");
  loan.version = nextVersion;
  stored.set(loan, { columns, spec: loan.spec });
}

type InstallmentRow = {
  plan: number;
  number: number;
  dueDate: string;
  principal: string | number | bigint;
  interest: string | number | bigint;
  fee: string | number | bigint;
  penalty: string | number | bigint;
  principalPaid: string | number | bigint;
  interestPaid: string | number | bigint;
  feePaid: string | number | bigint;
  penaltyPaid: string | number | bigint;
  plannedOn: string;
  replacedOn: string | null;
};

export function toInstallment(r: InstallmentRow): InstallmentState {
  return {
    plan: r.plan,
    number: r.number,
    dueDate: r.dueDate,
    principal: toBigInt(r.principal),
    interest: toBigInt(r.interest),
    fee: toBigInt(r.fee),
    penalty: toBigInt(r.penalty),
    principalPaid: toBigInt(r.principalPaid),
    interestPaid: toBigInt(r.interestPaid),
    feePaid: toBigInt(r.feePaid),
    penaltyPaid: toBigInt(r.penaltyPaid),
    plannedOn: r.plannedOn,
    replacedOn: r.replacedOn,
  };
}

const INSTALLMENT_COLUMNS = [
  "plan",
  "number",
  "dueDate",
  "principal",
  "interest",
  "fee",
  "penalty",
  "principalPaid",
  "interestPaid",
  "feePaid",
  "penaltyPaid",
  "plannedOn",
  "replacedOn",
] as const;

const LIVE_INSTALLMENTS = prepared((db, a: { loanId: string }) =>
  db
    .selectFrom("loanInstallments")
    .select(INSTALLMENT_COLUMNS)
    .where("loanId", "=", a.loanId)
    .where("replacedOn", "is", null)
    .orderBy("number"),
);

/** The live schedule: the installments no plan has replaced, in order. */
export async function liveInstallments(db: Db, loanId: string): Promise<InstallmentState[]> {
  return (await LIVE_INSTALLMENTS.rows(db, { loanId })).map(toInstallment);
}

export const UNSETTLED_INSTALLMENTS = prepared((db, a: { loanId: string }) =>
  db
    .selectFrom("loanInstallments")
    .select(INSTALLMENT_COLUMNS)
    .where("loanId", "=", a.loanId)
    .where("replacedOn", "is", null)
    .where((eb) =>
      eb.or([
        eb("principalPaid", "<", eb.ref("principal")),
        eb("interestPaid", "<", eb.ref("interest")),
        eb("feePaid", "<", eb.ref("fee")),
        eb("penaltyPaid", "<", eb.ref("penalty")),
      ]),
    ),
);

/** The live installments not fully paid, in order. */
export async function unsettledInstallments(db: Db, loanId: string): Promise<InstallmentState[]> {
  // Sorted here: the rows come in the key's order (plan, then number), nearly always the order
  // wanted, where the database would sort them in a temporary tree.
  const rows = (await UNSETTLED_INSTALLMENTS.rows(db, { loanId })).map(toInstallment);
  return rows.sort((a, b) => a.number - b.number);
}

const PENALTIES_CHARGED = prepared((db, a: { loanId: string; from: string }) =>
  db
    .selectFrom("loanAllocations")
    .select((eb) => eb.fn.sum<string | number | bigint>("amount").as("total"))
    .where("loanId", "=", a.loanId)
    .where("component", "=", "charge")
    .where("valueDate", ">=", a.from),
);

/** The penalties charged to the loan on or after a date (the start of a loan year, for the cap). */
export async function penaltiesChargedSince(db: Db, loanId: string, from: string): Promise<bigint> {
  return toBigInt((await PENALTIES_CHARGED.first(db, { loanId, from }))?.total);
}

/** Every installment of every plan, for history. */
export async function allInstallments(
  db: Db,
  loanIds: readonly string[],
): Promise<Map<string, InstallmentState[]>> {
  const out = new Map<string, InstallmentState[]>();
  if (loanIds.length === 0) return out;
  const rows = await db
    .selectFrom("loanInstallments")
    .select(["loanId", ...INSTALLMENT_COLUMNS])
    .where("loanId", "in", loanIds)
    .orderBy("loanId")
    .orderBy("number")
    .execute();
  for (const r of rows) {
    const list = out.get(r.loanId) ?? [];
    list.push(toInstallment(r));
    out.set(r.loanId, list);
  }
  return out;
}

export async function insertInstallments(
  trx: Db,
  tenantId: string,
  loanId: string,
  rows: readonly InstallmentState[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto("loanInstallments")
    .values(
      rows.map((i) => ({
        tenantId,
        loanId,
        plan: i.plan,
        number: i.number,
        dueDate: i.dueDate,
        principal: i.principal,
        interest: i.interest,
        fee: i.fee,
        penalty: i.penalty,
        principalPaid: i.principalPaid,
        interestPaid: i.interestPaid,
        feePaid: i.feePaid,
        penaltyPaid: i.penaltyPaid,
        plannedOn: i.plannedOn,
        replacedOn: i.replacedOn,
      })),
    )
    .execute();
}

const UPDATE_INSTALLMENT = prepared(
  (
    db,
    a: {
      loanId: string;
      plan: number;
      number: number;
      set: Row<
        Pick<
          LoanInstallmentsTable,
          "penalty" | "principalPaid" | "interestPaid" | "feePaid" | "penaltyPaid" | "replacedOn"
        >
      >;
    },
  ) =>
    db
      .updateTable("loanInstallments")
      .set(a.set)
      .where("loanId", "=", a.loanId)
      .where("plan", "=", a.plan)
      .where("number", "=", a.number),
);

/** Writes the paid amounts, penalty and replacement of installments that changed. */
export async function updateInstallments(
  trx: Db,
  loanId: string,
  rows: readonly InstallmentState[],
): Promise<void> {
  for (const i of rows) {
    await UPDATE_INSTALLMENT.execute(trx, {
      loanId,
      plan: i.plan,
      number: i.number,
      set: {
        penalty: i.penalty,
        principalPaid: i.principalPaid,
        interestPaid: i.interestPaid,
        feePaid: i.feePaid,
        penaltyPaid: i.penaltyPaid,
        replacedOn: i.replacedOn,
      },
    });
  }
}

export const TRANSACTION_KINDS = [
  "disbursement",
  "repayment",
  "prepayment",
  "penalty",
  "reversal",
  "reschedule",
  "write_off",
  "recovery",
  "refund",
] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

export interface TransactionDraft {
  kind: TransactionKind;
  valueDate: string;
  amount: bigint;
  advance?: bigint;
  entryId: string | null;
  reversesId?: string | null;
  replacesId?: string | null;
  channel?: "cash" | "bank" | null;
  note?: string | null;
  /** What replaying the history needs to make the event again (a reschedule's terms), as JSON. */
  terms?: string | null;
  /** Signed allocations; component "charge" adds a penalty to an installment. */
  allocations?: ReadonlyArray<{
    plan: number;
    number: number;
    component: Component | "charge";
    minor: bigint;
  }>;
}

const INSERT_TRANSACTION = prepared((db, a: { row: Row<LoanTransactionsTable> }) =>
  db.insertInto("loanTransactions").values(a.row),
);

const INSERT_ALLOCATIONS = prepared((db, a: { rows: ReadonlyArray<Row<LoanAllocationsTable>> }) =>
  db.insertInto("loanAllocations").values(a.rows),
);

/** On PostgreSQL, the transaction and its allocations in one statement: one round trip, not two. */
const INSERT_TRANSACTION_WITH_ALLOCATIONS = prepared(
  (db, a: { row: Row<LoanTransactionsTable>; rows: ReadonlyArray<Row<LoanAllocationsTable>> }) =>
    db
      .with("transaction", (w) => w.insertInto("loanTransactions").values(a.row).returning("id"))
      .insertInto("loanAllocations")
      .values(a.rows),
);

/** Appends a transaction with the loan's next sequence number; a concurrent writer gets CONCURRENT_UPDATE. */
export async function insertTransaction(
  trx: Db,
  ctx: CommandContext,
  loan: LoanRecord,
  seq: number,
  draft: TransactionDraft,
): Promise<string> {
  const id = ctx.ids.next();
  const row = {
    id,
    tenantId: loan.tenantId,
    loanId: loan.id,
    seq,
    kind: draft.kind,
    valueDate: draft.valueDate,
    amount: draft.amount,
    advance: draft.advance ?? 0n,
    entryId: draft.entryId,
    reversesId: draft.reversesId ?? null,
    replacesId: draft.replacesId ?? null,
    channel: draft.channel ?? null,
    note: draft.note ?? null,
    recordedAt: ctx.now,
    recordedBy: ctx.actor.userId,
    terms: draft.terms ?? null,
  };
  const allocations: Array<Row<LoanAllocationsTable>> = [];
  for (const a of draft.allocations ?? [])
    if (a.minor !== 0n)
      allocations.push({
        tenantId: loan.tenantId,
        transactionId: id,
        loanId: loan.id,
        plan: a.plan,
        number: a.number,
        component: a.component,
        valueDate: draft.valueDate,
        amount: a.minor,
      });
  try {
    if (allocations.length > 0 && dialectOf(trx) === "postgres")
      await INSERT_TRANSACTION_WITH_ALLOCATIONS.execute(trx, { row, rows: allocations });
    else {
      await INSERT_TRANSACTION.execute(trx, { row });
      if (allocations.length > 0) await INSERT_ALLOCATIONS.execute(trx, { rows: allocations });
    }
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONCURRENT_UPDATE");
    throw error;
  }
  ctx.touched("loan_transaction", id);
  return id;
}

// --- the lender's accounts ---------------------------------------------------------------------

export const LOAN_ACCOUNT_ROLES = [
  "cash",
  "bank",
  "individualLoans",
  "groupLoans",
  "penaltiesReceivable",
  "advances",
  "interestIncome",
  "feeIncome",
  "penaltyIncome",
  "recoveries",
  "losses",
] as const;
export type LoanAccountRole = (typeof LOAN_ACCOUNT_ROLES)[number];

/** Account codes in the MFO and federation chart templates (books/accounts.ts). */
const CODES: Record<"mfo" | "federation", Record<LoanAccountRole, string>> = {
  mfo: {
    cash: "11",
    bank: "12",
    individualLoans: "131",
    groupLoans: "132",
    penaltiesReceivable: "16",
    advances: "22",
    interestIncome: "41",
    feeIncome: "42",
    penaltyIncome: "43",
    recoveries: "44",
    losses: "51",
  },
  federation: {
    cash: "11",
    bank: "12",
    individualLoans: "13",
    groupLoans: "13",
    penaltiesReceivable: "15",
    advances: "22",
    interestIncome: "42",
    feeIncome: "43",
    penaltyIncome: "44",
    recoveries: "45",
    losses: "52",
  },
};

export type LoanAccounts = Record<LoanAccountRole, string>;

/** The distinct codes of each template's accounts, in one order (one statement per template). */
const LENDER_CODES = {
  mfo: [...new Set(Object.values(CODES.mfo))].sort(),
  federation: [...new Set(Object.values(CODES.federation))].sort(),
};

/**
 * The lender's account ids by role; the lender's books must be open (BOOKS_NOT_OPEN otherwise). Given
 * the command, read once per command and transaction (the ids of an organisation's accounts never
 * change; whether they are active is checked where lines are posted).
 */
export async function loanAccounts(db: Db, org: Organisation, ctx?: CommandContext): Promise<LoanAccounts> {
  const cache = ctx ? commandCache(ctx, db) : null;
  const key = `loanAccounts:${org.id}`;
  const cached = cache?.get(key) as LoanAccounts | undefined;
  if (cached) return cached;
  const { accounts, active } = await readLoanAccounts(db, org);
  if (ctx && cache) {
    cache.set(key, Object.freeze(accounts));
    // On SQLite the transaction reads one snapshot and writers take turns, so the accounts active
    // here are active where the entry is written (books/store.ts need not read them again). On
    // PostgreSQL the posting reads them again, locking them against a concurrent closing.
    if (dialectOf(db) === "sqlite") noteActiveAccounts(db, ctx, org.id, active);
  }
  return accounts;
}

async function readLoanAccounts(
  db: Db,
  org: Organisation,
): Promise<{ accounts: LoanAccounts; active: string[] }> {
  const template = org.kind === "mfo" ? "mfo" : "federation";
  const codes = CODES[template];
  const rows = await accountsOfCodes(db, org.tenantId, org.id, LENDER_CODES[template]);
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  const out = {} as LoanAccounts;
  for (const role of LOAN_ACCOUNT_ROLES) {
    const id = byCode.get(codes[role]);
    if (!id) throw new DomainError("BOOKS_NOT_OPEN", { org: org.name });
    out[role] = id;
  }
  return { accounts: out, active: rows.filter((r) => r.status === "active").map((r) => r.id) };
}

// --- the tenant's calendar and caps ------------------------------------------------------------

export async function tenantCalendar(db: Db, tenantId: string): Promise<WorkingCalendar> {
  const rows = await db.selectFrom("holidays").select("date").where("tenantId", "=", tenantId).execute();
  return { ...SATURDAY_SUNDAY, holidays: rows.map((r) => r.date) };
}

/** The tenant's dated caps; a Kazakh tenant without its own gets the Kazakh microcredit caps. */
export async function tenantCaps(db: Db, tenantId: string): Promise<readonly DatedCap[]> {
  const rows = await db
    .selectFrom("rateCaps")
    .select(["validFrom", "maxEffectiveRate"])
    .where("tenantId", "=", tenantId)
    .orderBy("validFrom")
    .execute();
  if (rows.length > 0)
    return rows.map((r) => ({ from: r.validFrom, maxEffectiveRate: percent(r.maxEffectiveRate) }));
  const tenant = await tenantById(db, tenantId);
  return tenant?.country === "KZ" ? KAZAKH_MICROCREDIT_CAPS : [];
}
