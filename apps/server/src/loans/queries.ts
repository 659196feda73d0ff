// Reading loans: one loan with its schedule, history and arrears on any date; lists; the loan's
// balance as the journal sees it; and portfolio at risk for an organisation and its subtree on any
// date — from the cached state for loans with no activity after the date (one aggregate query), and
// rebuilt from the plans and dated allocations for the others.

import type { Actor } from "@qadam/core/auth/actor";
import { businessDate, daysBetween } from "@qadam/core/clock";
import { COMPONENTS, type Component } from "@qadam/core/loans/allocation";
import { type Arrears, arrearsOn, BUCKETS, type Bucket, bucketOf } from "@qadam/core/loans/arrears";
import {
  accruePenalties,
  type InstallmentState,
  loanYearStart,
  owedOf,
  principalOutstanding,
} from "@qadam/core/loans/engine";
import { isDisbursed } from "@qadam/core/loans/state";
import { sql } from "kysely";
import { accountTotalCausedBy } from "../books/index.js";
import { findOrganisation, organisationIdsUnder } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import {
  allInstallments,
  type LoanRecord,
  liveInstallments,
  loadLoan,
  loanAccounts,
  penaltiesChargedSince,
} from "./store.js";

/** The installments in force on `date`, with what had been paid and charged by then. */
export async function installmentsOn(
  db: Db,
  loanIds: readonly string[],
  date: string,
): Promise<Map<string, InstallmentState[]>> {
  const plans = await allInstallments(db, loanIds);
  const out = new Map<string, InstallmentState[]>();
  if (loanIds.length === 0) return out;
  const sums = await db
    .selectFrom("loanAllocations")
    .select([
      "loanId",
      "plan",
      "number",
      "component",
      (eb) => eb.fn.sum<string | number | bigint>("amount").as("total"),
    ])
    .where("loanId", "in", loanIds)
    .where("valueDate", "<=", date)
    .groupBy(["loanId", "plan", "number", "component"])
    .execute();
  const paid = new Map<string, bigint>();
  for (const s of sums) paid.set(`${s.loanId}/${s.plan}/${s.number}/${s.component}`, toBigInt(s.total));
  for (const [loanId, rows] of plans) {
    const inForce = rows
      .filter((i) => i.plannedOn <= date && (i.replacedOn === null || i.replacedOn > date))
      .map((i) => {
        const got = (c: string) => paid.get(`${loanId}/${i.plan}/${i.number}/${c}`) ?? 0n;
        return {
          ...i,
          penalty: got("charge"),
          principalPaid: got("principal"),
          interestPaid: got("interest"),
          feePaid: got("fee"),
          penaltyPaid: got("penalty"),
        };
      });
    out.set(loanId, inForce);
  }
  return out;
}

export interface LoanArrears extends Arrears {
  date: string;
  principalOutstanding: bigint;
  /** Penalties accrued but not yet charged (shown, not booked, until the next event or month-end). */
  penaltyPending: bigint;
}

/** What reading a loan on a date needs of its record (a LoanRecord has it all). */
export type LoanOnRecord = Pick<
  LoanRecord,
  "id" | "state" | "lastActivityOn" | "penaltyThrough" | "product" | "principal"
>;

/** The loan's installments in force on `date`: the live ones when nothing happened after it. */
export async function loanInstallmentsOn(
  db: Db,
  loan: LoanOnRecord,
  date: string,
): Promise<InstallmentState[]> {
  const current = loan.lastActivityOn === null || loan.lastActivityOn <= date;
  return current
    ? await liveInstallments(db, loan.id)
    : ((await installmentsOn(db, [loan.id], date)).get(loan.id) ?? []);
}

/**
 * The penalties the loan has accrued by `date` and not yet charged, on its installments in force then
 * (loanInstallmentsOn). Known on the loan's current record only: 0 for a date before its last activity.
 */
export async function penaltyPendingOn(
  db: Db,
  loan: LoanOnRecord,
  installments: readonly InstallmentState[],
  date: string,
): Promise<bigint> {
  const { state } = loan;
  const current = loan.lastActivityOn === null || loan.lastActivityOn <= date;
  const through = current ? loan.penaltyThrough : null;
  if (through === null || date <= through || state.status !== "active") return 0n;
  const charged = await penaltiesChargedSince(db, loan.id, loanYearStart(state.disbursedOn, date));
  return accruePenalties(installments, loan.product, loan.principal, through, date, charged).reduce(
    (s, c) => s + c.minor,
    0n,
  );
}

/** The loan's arrears on a date: now or in the past, from the record of that date. */
export async function loanArrears(db: Db, loan: LoanOnRecord, date: string): Promise<LoanArrears> {
  const empty = { date, principalOutstanding: 0n, penaltyPending: 0n, ...arrearsOn(date, []) };
  const { state } = loan;
  if (!isDisbursed(state) || date < state.disbursedOn) return empty;
  if (state.status === "written_off" && date >= state.writtenOffOn) return empty;
  const installments = await loanInstallmentsOn(db, loan, date);
  return {
    ...arrearsOn(date, owedOf(installments)),
    date,
    principalOutstanding: principalOutstanding(installments),
    penaltyPending: await penaltyPendingOn(db, loan, installments, date),
  };
}

/** The outstanding principal of the loan according to the journal (its portfolio account lines). */
export async function journalBalanceOf(db: Db, loan: LoanRecord): Promise<bigint> {
  const accounts = await loanAccounts(db, loan.org);
  const portfolioAccount = loan.borrowerType === "group" ? accounts.groupLoans : accounts.individualLoans;
  return accountTotalCausedBy(db, loan.tenantId, { type: "loan", id: loan.id }, portfolioAccount);
}

export interface PortfolioReport {
  orgId: string;
  date: string;
  currency: string;
  loans: number;
  portfolio: bigint;
  atRisk: Record<"par1" | "par30" | "par90", bigint>;
  buckets: Record<Bucket, { loans: number; principal: bigint }>;
}

/**
 * A portfolio report per currency, built up loan by loan (or by groups of loans equally late): the
 * portfolio, PAR1/30/90 and the ageing buckets. The one place both the report on a date and the series
 * over many dates (portfolio-series.ts) count a loan.
 */
export function portfolioTally(orgId: string, date: string) {
  const byCurrency = new Map<string, PortfolioReport>();
  return {
    /** Adds `loans` loans holding `principal` between them, all `daysPastDue` days late. */
    add(currency: string, loans: number, principal: bigint, daysPastDue: number): void {
      let r = byCurrency.get(currency);
      if (!r) {
        r = {
          orgId,
          date,
          currency,
          loans: 0,
          portfolio: 0n,
          atRisk: { par1: 0n, par30: 0n, par90: 0n },
          buckets: Object.fromEntries(
            BUCKETS.map((b) => [b, { loans: 0, principal: 0n }]),
          ) as PortfolioReport["buckets"],
        };
        byCurrency.set(currency, r);
      }
      r.loans += loans;
      r.portfolio += principal;
      for (const [key, days] of [
        ["par1", 1],
        ["par30", 30],
        ["par90", 90],
      ] as const)
        if (daysPastDue > days) r.atRisk[key] += principal;
      const bucket = r.buckets[bucketOf(daysPastDue)];
      bucket.loans += loans;
      bucket.principal += principal;
    },
    reports(): PortfolioReport[] {
      return [...byCurrency.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
    },
  };
}

/**
 * Portfolio at risk over 1, 30 and 90 days (the whole outstanding principal of loans more than that
 * many days past due) and the delinquency buckets, for an organisation and its subtree.
 */
export async function portfolioAtRiskFor(
  db: Db,
  actor: Actor,
  orgId: string,
  date: string,
): Promise<PortfolioReport[]> {
  const org = await findOrganisation(db, actor, orgId);
  const ids = await organisationIdsUnder(db, org);
  const tally = portfolioTally(org.id, date);
  const add = tally.add;
  if (ids.length > 0) {
    // 1. Loans whose last activity is on or before the date: their cached state holds on it, so they
    //    are summed in SQL by the day their arrears began (a few hundred groups, whatever the size).
    const rows = await db
      .selectFrom("loans")
      .select((eb) => [
        "currency",
        "arrearsSince",
        eb.fn.sum<string | number | bigint>("principalOutstanding").as("principal"),
        sql<string | number | bigint>`sum(case when principal_outstanding > 0 then 1 else 0 end)`.as("loans"),
      ])
      .where("tenantId", "=", actor.tenantId)
      .where("orgId", "in", ids)
      .where("disbursedOn", "<=", date)
      .where("lastActivityOn", "<=", date)
      // By lender too: the index is read in its own order, with no sort of a million rows.
      .groupBy(["orgId", "currency", "arrearsSince"])
      .execute();
    for (const row of rows) {
      const daysPastDue = row.arrearsSince === null ? 0 : daysBetween(row.arrearsSince, date);
      add(row.currency, Number(row.loans), toBigInt(row.principal), daysPastDue);
    }
    // 2. Loans with activity after the date: rebuilt from the record of that date, in batches.
    const later = await db
      .selectFrom("loans")
      .select(["id", "currency", "writtenOffOn"])
      .where("tenantId", "=", actor.tenantId)
      .where("orgId", "in", ids)
      .where("disbursedOn", "<=", date)
      .where("lastActivityOn", ">", date)
      .execute();
    for (let k = 0; k < later.length; k += 500) {
      const batch = later.slice(k, k + 500).filter((l) => l.writtenOffOn === null || l.writtenOffOn > date);
      const state = await installmentsOn(
        db,
        batch.map((l) => l.id),
        date,
      );
      for (const l of batch) {
        const installments = state.get(l.id) ?? [];
        const principal = principalOutstanding(installments);
        if (principal <= 0n) continue;
        add(l.currency, 1, principal, arrearsOn(date, owedOf(installments)).daysPastDue);
      }
    }
  }
  return tally.reports();
}

export interface LoanView {
  loan: LoanRecord;
  installments: InstallmentState[];
  arrears: LoanArrears;
  members: Array<{ personId: string; share: bigint; jointLiability: boolean }>;
  notes: Array<{ id: string; kind: string; text: string; author: string | null; createdAt: string }>;
  transactions: Array<{
    id: string;
    seq: number;
    kind: string;
    valueDate: string;
    amount: bigint;
    advance: bigint;
    reversesId: string | null;
    replacesId: string | null;
    reversed: boolean;
    allocations: Array<{ number: number; component: Component | "charge"; amount: bigint }>;
  }>;
}

/** The loan with its arrears on `date` (null: today in the lender's time zone). */
export async function viewLoan(
  db: Db,
  actor: Actor,
  loanId: string,
  on: string | null,
  now: Date,
): Promise<LoanView> {
  const loan = await loadLoan(db, actor, loanId);
  const date = on ?? businessDate(now, loan.org.timeZone);
  const installments = await liveInstallments(db, loan.id);
  const members = await db
    .selectFrom("loanMembers")
    .select(["personId", "share", "jointLiability"])
    .where("loanId", "=", loan.id)
    .orderBy("personId")
    .execute();
  const notes = await db
    .selectFrom("loanNotes")
    .select(["id", "kind", "text", "author", "createdAt"])
    .where("loanId", "=", loan.id)
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
  const txs = await db
    .selectFrom("loanTransactions")
    .select(["id", "seq", "kind", "valueDate", "amount", "advance", "reversesId", "replacesId"])
    .where("loanId", "=", loan.id)
    .orderBy("seq")
    .execute();
  const allocations = await db
    .selectFrom("loanAllocations")
    .select(["transactionId", "number", "component", "amount"])
    .where("loanId", "=", loan.id)
    .execute();
  const reversed = new Set(txs.map((t) => t.reversesId).filter((x) => x !== null));
  const byTransaction = new Map<string, LoanView["transactions"][number]["allocations"]>();
  for (const a of allocations) {
    const list = byTransaction.get(a.transactionId) ?? [];
    list.push({
      number: a.number,
      component: (COMPONENTS as readonly string[]).includes(a.component)
        ? (a.component as Component)
        : "charge",
      amount: toBigInt(a.amount),
    });
    byTransaction.set(a.transactionId, list);
  }
  return {
    loan,
    installments,
    arrears: await loanArrears(db, loan, date),
    members: members.map((m) => ({
      personId: m.personId,
      share: toBigInt(m.share),
      jointLiability: m.jointLiability === 1,
    })),
    notes,
    transactions: txs.map((t) => ({
      id: t.id,
      seq: t.seq,
      kind: t.kind,
      valueDate: t.valueDate,
      amount: toBigInt(t.amount),
      advance: toBigInt(t.advance),
      reversesId: t.reversesId,
      replacesId: t.replacesId,
      reversed: reversed.has(t.id),
      allocations: byTransaction.get(t.id) ?? [],
    })),
  };
}
