// Reports on stored books: an account's balance with its children on a date, its statement over a
// period (opening balance, lines, running balance), and the balance sheet and income statement,
// each account with its children rolled up by the chart's nesting.

import type { Actor } from "@qadam/core/auth/actor";
import type { AccountType } from "@qadam/core/books/accounts";
import { addDays } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import { type Currency, currency } from "@qadam/core/money";
import { checkDate } from "@qadam/core/orgs/values";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { type Account, chartOf, openChartOf } from "./store.js";

function descendants(chart: readonly Account[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of chart) {
      if (a.parentId && ids.has(a.parentId) && !ids.has(a.id)) {
        ids.add(a.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** A period of business dates: real dates (INVALID_DATE), the end not before the start (PERIOD_INVALID). */
export function checkPeriod(period: { from: string; to: string }): { from: string; to: string } {
  const from = checkDate(period.from);
  const to = checkDate(period.to);
  if (to < from) throw new DomainError("PERIOD_INVALID", { from, to });
  return { from, to };
}

/** Sums of lines per account and currency, with dates in [from, to] (from may be null: since the start). */
async function sums(db: Db, actor: Actor, orgId: string, from: string | null, to: string) {
  let q = db
    .selectFrom("journalLines")
    .select(["accountId", "currency", (eb) => eb.fn.sum<string | number | bigint>("amount").as("total")])
    .where("tenantId", "=", actor.tenantId)
    .where("orgId", "=", orgId)
    .where("businessDate", "<=", to);
  if (from) q = q.where("businessDate", ">=", from);
  const rows = await q.groupBy(["accountId", "currency"]).execute();
  return rows.map((r) => ({
    accountId: r.accountId,
    currency: currency(r.currency),
    total: toBigInt(r.total),
  }));
}

/** Rolls line sums up the chart: each account's figure includes all of its children's. */
function rollUp(
  chart: readonly Account[],
  rows: Awaited<ReturnType<typeof sums>>,
): Map<string, Map<Currency, bigint>> {
  const out = new Map<string, Map<Currency, bigint>>();
  for (const a of chart) {
    const members = descendants(chart, a.id);
    const byCurrency = new Map<Currency, bigint>();
    for (const r of rows)
      if (members.has(r.accountId)) byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0n) + r.total);
    out.set(a.id, byCurrency);
  }
  return out;
}

/** An account's balance on a date, its children included (debit positive). */
export async function accountBalance(
  db: Db,
  actor: Actor,
  orgId: string,
  accountId: string,
  onDate: string,
): Promise<Map<Currency, bigint>> {
  checkDate(onDate);
  const chart = await chartOf(db, actor, orgId);
  if (!chart.some((a) => a.id === accountId)) throw new DomainError("NOT_FOUND", { entity: "account" });
  return rollUp(chart, await sums(db, actor, orgId, null, onDate)).get(accountId) ?? new Map();
}

export interface StatementLine {
  businessDate: string;
  entryId: string;
  description: string;
  currency: Currency;
  amount: bigint;
  /** The running balance in that currency after this line. */
  balance: bigint;
}

/** An account's statement (children included) over [from, to]: opening balances, then each line. */
export async function accountStatement(
  db: Db,
  actor: Actor,
  orgId: string,
  accountId: string,
  period: { from: string; to: string },
): Promise<{ opening: Map<Currency, bigint>; lines: StatementLine[] }> {
  checkPeriod(period);
  const chart = await chartOf(db, actor, orgId);
  if (!chart.some((a) => a.id === accountId)) throw new DomainError("NOT_FOUND", { entity: "account" });
  const members = [...descendants(chart, accountId)];
  const dayBefore = addDays(period.from, -1);
  const opening =
    rollUp(chart, await sums(db, actor, orgId, null, dayBefore)).get(accountId) ??
    new Map<Currency, bigint>();
  const rows = await db
    .selectFrom("journalLines as l")
    .innerJoin("journalEntries as e", "e.id", "l.entryId")
    .select(["l.businessDate", "l.entryId", "e.description", "l.currency", "l.amount", "l.lineNo"])
    .where("l.tenantId", "=", actor.tenantId)
    .where("l.accountId", "in", members)
    .where("l.businessDate", ">=", period.from)
    .where("l.businessDate", "<=", period.to)
    .orderBy("l.businessDate")
    .orderBy("l.entryId")
    .orderBy("l.lineNo")
    .execute();
  const running = new Map(opening);
  const lines = rows.map((r) => {
    const cur = currency(r.currency);
    const amount = toBigInt(r.amount);
    const balance = (running.get(cur) ?? 0n) + amount;
    running.set(cur, balance);
    return {
      businessDate: r.businessDate,
      entryId: r.entryId,
      description: r.description,
      currency: cur,
      amount,
      balance,
    };
  });
  return { opening, lines };
}

export interface ReportLine {
  accountId: string;
  /** The account's full name. */
  account: string;
  type: AccountType;
  currency: Currency;
  /** In the account's natural sign: assets and expenses as debits, the others as credits, positive. */
  amount: bigint;
}

/** Top-level and nested accounts of the given types, each rolled up, in the account's natural sign. */
async function typedReport(
  db: Db,
  actor: Actor,
  orgId: string,
  types: readonly AccountType[],
  from: string | null,
  to: string,
): Promise<ReportLine[]> {
  const chart = await openChartOf(db, actor, orgId);
  const rolled = rollUp(chart, await sums(db, actor, orgId, from, to));
  const lines: ReportLine[] = [];
  for (const a of [...chart].sort((x, y) => (x.fullName < y.fullName ? -1 : 1))) {
    if (!types.includes(a.type)) continue;
    for (const [cur, total] of rolled.get(a.id) ?? []) {
      if (total === 0n) continue;
      const natural = a.type === "asset" || a.type === "expense" ? total : -total;
      lines.push({ accountId: a.id, account: a.fullName, type: a.type, currency: cur, amount: natural });
    }
  }
  return lines;
}

/** Assets, liabilities and equity on a date; unclosed income and expense appear as the period's result. */
export async function balanceSheet(db: Db, actor: Actor, orgId: string, onDate: string) {
  checkDate(onDate);
  const lines = await typedReport(db, actor, orgId, ["asset", "liability", "equity"], null, onDate);
  const result = await typedReport(db, actor, orgId, ["income", "expense"], null, onDate);
  const earnings = new Map<Currency, bigint>();
  for (const l of result) {
    if (l.account.includes(":")) continue; // only the top-level Income and Expenses, already rolled up
    earnings.set(l.currency, (earnings.get(l.currency) ?? 0n) + (l.type === "income" ? l.amount : -l.amount));
  }
  return { lines, currentEarnings: earnings };
}

/** Income and expenses over a period, and the result. */
export async function incomeStatement(
  db: Db,
  actor: Actor,
  orgId: string,
  period: { from: string; to: string },
) {
  checkPeriod(period);
  const lines = await typedReport(db, actor, orgId, ["income", "expense"], period.from, period.to);
  const result = new Map<Currency, bigint>();
  for (const l of lines) {
    if (l.account.includes(":")) continue;
    result.set(l.currency, (result.get(l.currency) ?? 0n) + (l.type === "income" ? l.amount : -l.amount));
  }
  return { lines, result };
}
