// The reports' reads from the API, checked by the contracts' schemas: the dashboard's series, and the
// books' trial balance, balance sheet, income statement, chart of accounts and account statement.
import {
  accountStatementSchema,
  balanceSheetSchema,
  chartSchema,
  incomeStatementSchema,
  trialBalanceSchema,
} from "@qadam/core/books/contract";
import { dashboardSchema } from "@qadam/core/dashboard/contract";
import { api } from "../../api/client.js";

export const dashboard = (orgId: string, to: string, months = 12) =>
  api("GET", `/api/v1/orgs/${encodeURIComponent(orgId)}/dashboard`, {
    query: { to, months },
    schema: dashboardSchema,
  });

export const trialBalance = (orgId: string, date: string) =>
  api("GET", `/api/v1/orgs/${encodeURIComponent(orgId)}/trial-balance`, {
    query: { date },
    schema: trialBalanceSchema,
  });

export const balanceSheet = (orgId: string, date: string) =>
  api("GET", `/api/v1/orgs/${encodeURIComponent(orgId)}/balance-sheet`, {
    query: { date },
    schema: balanceSheetSchema,
  });

export const incomeStatement = (orgId: string, from: string, to: string) =>
  api("GET", `/api/v1/orgs/${encodeURIComponent(orgId)}/income-statement`, {
    query: { from, to },
    schema: incomeStatementSchema,
  });

export const chartOfAccounts = (orgId: string) =>
  api("GET", `/api/v1/orgs/${encodeURIComponent(orgId)}/accounts`, { schema: chartSchema });

export const accountStatement = (accountId: string, from: string, to: string) =>
  api("GET", `/api/v1/accounts/${encodeURIComponent(accountId)}/statement`, {
    query: { from, to },
    schema: accountStatementSchema,
  });
