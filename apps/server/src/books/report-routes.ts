// HTTP routes of the books' reports under /api/v1: the trial balance, balance sheet and income
// statement of an organisation, and an account's balance and statement. Dates default to today in the
// organisation's time zone; amounts are decimal strings in major units beside their currency.

import type { Actor } from "@qadam/core/auth/actor";
import {
  accountBalanceSchema,
  accountStatementSchema,
  balanceSheetSchema,
  incomeStatementSchema,
  onDateQuery,
  periodQuery,
  trialBalanceSchema,
} from "@qadam/core/books/contract";
import { businessDate } from "@qadam/core/clock";
import { recordId } from "@qadam/core/contract/schemas";
import { type Currency, formatMoney, type Money, money, toJson } from "@qadam/core/money";
import { z } from "zod";
import { findOrganisation } from "../orgs/index.js";
import type { AppDeps, RouteModule } from "../platform/http/context.js";
import { query } from "../platform/http/route.js";
import { findAccount } from "./chart.js";
import {
  accountBalance,
  accountStatement,
  balanceSheet,
  incomeStatement,
  type ReportLine,
} from "./reports.js";
import { trialBalance } from "./store.js";

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
const tags = ["books"];

/** Registered by bookRoutes. */
export const bookReportRoutes: RouteModule = (app, deps) => {
  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:orgId/trial-balance",
    description:
      "Each account's balance from the journal on the date, and per currency the debit and credit totals, which are always equal.",
    errors: ["PERIOD_INVALID"],
    tags,
    summary: "Every account's own balance on a date (default today), debit positive, with totals",
    params: orgParams,
    query: onDateQuery,
    response: trialBalanceSchema,
    handle: async ({ actor, params, query }) => {
      const onDate = query.date ?? (await today(deps, actor, params.orgId));
      const rows = await trialBalance(deps.db, actor, params.orgId, onDate);
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
  });

  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:orgId/balance-sheet",
    description:
      "The balance sheet on the date: each asset, liability and equity account rolled up with its children, and the result not yet closed.",
    errors: ["PERIOD_INVALID"],
    tags,
    summary:
      "Assets, liabilities and equity on a date (default today), each rolled up and in its natural sign, with the unclosed result",
    params: orgParams,
    query: onDateQuery,
    response: balanceSheetSchema,
    handle: async ({ actor, params, query }) => {
      const onDate = query.date ?? (await today(deps, actor, params.orgId));
      const sheet = await balanceSheet(deps.db, actor, params.orgId, onDate);
      return {
        date: onDate,
        lines: sheet.lines.map(reportLineDto),
        currentEarnings: amounts(sheet.currentEarnings),
      };
    },
  });

  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:orgId/income-statement",
    description:
      "Each income and expense account's movement over the period, rolled up, and the result per currency.",
    errors: ["PERIOD_INVALID"],
    tags,
    summary: "Income and expenses over a period (default: this year to date), and the result",
    params: orgParams,
    query: periodQuery,
    response: incomeStatementSchema,
    handle: async ({ actor, params, query }) => {
      const to = query.to ?? (await today(deps, actor, params.orgId));
      const from = query.from ?? `${to.slice(0, 4)}-01-01`;
      const statement = await incomeStatement(deps.db, actor, params.orgId, { from, to });
      return { from, to, lines: statement.lines.map(reportLineDto), result: amounts(statement.result) };
    },
  });

  query(app, {
    method: "GET",
    path: "/api/v1/accounts/:id/balance",
    description: "The account's balance with the accounts under it, per currency, on the date.",
    errors: ["PERIOD_INVALID"],
    tags,
    summary: "An account's balance with its children on a date (default today), debit positive",
    params: idParams,
    query: onDateQuery,
    response: accountBalanceSchema,
    handle: async ({ actor, params, query }) => {
      const account = await findAccount(deps.db, actor, params.id);
      const onDate = query.date ?? (await today(deps, actor, account.orgId));
      const balances = await accountBalance(deps.db, actor, account.orgId, account.id, onDate);
      return { accountId: account.id, account: account.fullName, date: onDate, balances: amounts(balances) };
    },
  });

  query(app, {
    method: "GET",
    path: "/api/v1/accounts/:id/statement",
    description:
      "The account's lines over the period with their running balance, between the opening and closing balances per currency.",
    errors: ["PERIOD_INVALID"],
    tags,
    summary:
      "An account's statement with its children: opening balances, each line with the running balance, closing balances (default: this month to date)",
    params: idParams,
    query: periodQuery,
    response: accountStatementSchema,
    handle: async ({ actor, params, query }) => {
      const account = await findAccount(deps.db, actor, params.id);
      const to = query.to ?? (await today(deps, actor, account.orgId));
      const from = query.from ?? `${to.slice(0, 8)}01`;
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
  });
};
