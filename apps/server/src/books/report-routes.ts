// HTTP routes of the books' reports under /api/v1: the trial balance, balance sheet and income
// statement of an organisation, and an account's balance and statement. Dates default to today in the
// organisation's time zone; amounts are decimal strings in major units beside their currency.

import type { Actor } from "@qadam/core/auth/actor";
import { ACCOUNT_TYPES } from "@qadam/core/books/accounts";
import { businessDate } from "@qadam/core/clock";
import { calendarDate as date, recordId } from "@qadam/core/contract/schemas";
import { type Currency, formatMoney, type Money, money, toJson } from "@qadam/core/money";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { findOrganisation } from "../orgs/index.js";
import { type AppDeps, actorOf, type RouteModule } from "../platform/http/context.js";
import { findAccount } from "./chart.js";
import {
  accountBalance,
  accountStatement,
  balanceSheet,
  incomeStatement,
  type ReportLine,
} from "./reports.js";
import { trialBalance } from "./store.js";

export const amountSchema = z.object({ amount: z.string(), currency: z.string() });

export const trialBalanceSchema = z.object({
  date: z.string(),
  accounts: z.array(
    z.object({ accountId: z.string(), account: z.string(), balance: z.string(), currency: z.string() }),
  ),
  /** Per currency, the debit balances and the credit balances: always equal. */
  totals: z.array(z.object({ currency: z.string(), debit: z.string(), credit: z.string() })),
});

const reportLineSchema = z.object({
  accountId: z.string(),
  account: z.string(),
  type: z.enum(ACCOUNT_TYPES),
  amount: z.string(),
  currency: z.string(),
});
export const balanceSheetSchema = z.object({
  date: z.string(),
  lines: z.array(reportLineSchema),
  currentEarnings: z.array(amountSchema),
});
export const incomeStatementSchema = z.object({
  from: z.string(),
  to: z.string(),
  lines: z.array(reportLineSchema),
  result: z.array(amountSchema),
});
export const accountBalanceSchema = z.object({
  accountId: z.string(),
  account: z.string(),
  date: z.string(),
  balances: z.array(amountSchema),
});
export const accountStatementSchema = z.object({
  accountId: z.string(),
  account: z.string(),
  from: z.string(),
  to: z.string(),
  opening: z.array(amountSchema),
  lines: z.array(
    z.object({
      businessDate: z.string(),
      entryId: z.string(),
      description: z.string(),
      amount: z.string(),
      currency: z.string(),
      balance: z.string(),
    }),
  ),
  closing: z.array(amountSchema),
});

/** Minor-unit balances by currency as amounts, in currency order. */
function amounts(byCurrency: ReadonlyMap<Currency, bigint>) {
  return [...byCurrency]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([cur, minor]) => toJson(money(minor, cur)));
}

function reportLineDto(l: ReportLine) {
  return { accountId: l.accountId, account: l.account, type: l.type, ...toJson(money(l.amount, l.currency)) };
}

/** Per currency, the sum of debit balances and of credit balances (as a positive amount). */
function debitsAndCredits(balances: readonly Money[]) {
  const totals = new Map<Currency, { debit: bigint; credit: bigint }>();
  for (const b of balances) {
    const t = totals.get(b.currency) ?? { debit: 0n, credit: 0n };
    if (b.minor > 0n) t.debit += b.minor;
    else t.credit -= b.minor;
    totals.set(b.currency, t);
  }
  return [...totals]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([cur, t]) => ({
      currency: cur,
      debit: formatMoney(money(t.debit, cur)),
      credit: formatMoney(money(t.credit, cur)),
    }));
}

/** Today in the organisation's time zone: the default date of the reports. */
async function today(deps: AppDeps, actor: Actor, orgId: string): Promise<string> {
  const org = await findOrganisation(deps.db, actor, orgId);
  return businessDate(deps.clock.now(), org.timeZone);
}

const orgParams = z.object({ orgId: recordId });
const idParams = z.object({ id: recordId });
const onDateQuery = z.object({ date: date.optional() });
const periodQuery = z.object({ from: date.optional(), to: date.optional() });
const tags = ["books"];

/** Registered by bookRoutes. */
export const bookReportRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/orgs/:orgId/trial-balance",
    {
      schema: {
        tags,
        summary: "Every account's own balance on a date (default today), debit positive, with totals",
        params: orgParams,
        querystring: onDateQuery,
        response: { 200: trialBalanceSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const onDate = request.query.date ?? (await today(deps, actor, request.params.orgId));
      const rows = await trialBalance(deps.db, actor, request.params.orgId, onDate);
      const balances = rows.map((r) => money(r.balance, r.currency));
      return {
        date: onDate,
        accounts: rows.map((r) => ({
          accountId: r.accountId,
          account: r.account,
          balance: toJson(money(r.balance, r.currency)).amount,
          currency: r.currency,
        })),
        totals: debitsAndCredits(balances),
      };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/balance-sheet",
    {
      schema: {
        tags,
        summary:
          "Assets, liabilities and equity on a date (default today), each rolled up and in its natural sign, with the unclosed result",
        params: orgParams,
        querystring: onDateQuery,
        response: { 200: balanceSheetSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const onDate = request.query.date ?? (await today(deps, actor, request.params.orgId));
      const sheet = await balanceSheet(deps.db, actor, request.params.orgId, onDate);
      return {
        date: onDate,
        lines: sheet.lines.map(reportLineDto),
        currentEarnings: amounts(sheet.currentEarnings),
      };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/income-statement",
    {
      schema: {
        tags,
        summary: "Income and expenses over a period (default: this year to date), and the result",
        params: orgParams,
        querystring: periodQuery,
        response: { 200: incomeStatementSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const to = request.query.to ?? (await today(deps, actor, request.params.orgId));
      const from = request.query.from ?? `${to.slice(0, 4)}-01-01`;
      const statement = await incomeStatement(deps.db, actor, request.params.orgId, { from, to });
      return { from, to, lines: statement.lines.map(reportLineDto), result: amounts(statement.result) };
    },
  );

  app.get(
    "/api/v1/accounts/:id/balance",
    {
      schema: {
        tags,
        summary: "An account's balance with its children on a date (default today), debit positive",
        params: idParams,
        querystring: onDateQuery,
        response: { 200: accountBalanceSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const account = await findAccount(deps.db, actor, request.params.id);
      const onDate = request.query.date ?? (await today(deps, actor, account.orgId));
      const balances = await accountBalance(deps.db, actor, account.orgId, account.id, onDate);
      return { accountId: account.id, account: account.fullName, date: onDate, balances: amounts(balances) };
    },
  );

  app.get(
    "/api/v1/accounts/:id/statement",
    {
      schema: {
        tags,
        summary:
          "An account's statement with its children: opening balances, each line with the running balance, closing balances (default: this month to date)",
        params: idParams,
        querystring: periodQuery,
        response: { 200: accountStatementSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const account = await findAccount(deps.db, actor, request.params.id);
      const to = request.query.to ?? (await today(deps, actor, account.orgId));
      const from = request.query.from ?? `${to.slice(0, 8)}01`;
      const statement = await accountStatement(deps.db, actor, account.orgId, account.id, { from, to });
      const closing = new Map(statement.opening);
      for (const l of statement.lines) closing.set(l.currency, l.balance);
      return {
        accountId: account.id,
        account: account.fullName,
        from,
        to,
        opening: amounts(statement.opening),
        lines: statement.lines.map((l) => ({
          businessDate: l.businessDate,
          entryId: l.entryId,
          description: l.description,
          ...toJson(money(l.amount, l.currency)),
          balance: toJson(money(l.balance, l.currency)).amount,
        })),
        closing: amounts(closing),
      };
    },
  );
};
