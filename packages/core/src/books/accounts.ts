// Charts of accounts: five account types, nested accounts, and the templates an MFO, a federation and
// an SHG start from, named in the tenant's language (codes are the same in every language). Full names
// ("Assets:Loan portfolio:Group loans") are what reports and the ledger export show, so that an
// accountant's tools see the same accounts.
import { type Locale, translate } from "../i18n/index.js";
import type { AccountNameKey } from "./messages.js";

export const ACCOUNT_TYPES = ["asset", "liability", "equity", "income", "expense"] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** Assets and expenses grow by debits; liabilities, equity and income by credits. */
export function normalSide(type: AccountType): "debit" | "credit" {
  return type === "asset" || type === "expense" ? "debit" : "credit";
}

export interface AccountTemplate {
  code: string;
  name: string;
  type: AccountType;
  parent?: string;
}

/** An account of a template: its name is a key of the messages' chart of accounts, in every language. */
interface TemplateAccount extends Omit<AccountTemplate, "name"> {
  key: AccountNameKey;
}

const TOP: TemplateAccount[] = [
  { code: "1", key: "assets", type: "asset" },
  { code: "2", key: "liabilities", type: "liability" },
  { code: "3", key: "equity", type: "equity" },
  { code: "4", key: "income", type: "income" },
  { code: "5", key: "expenses", type: "expense" },
];

const TEMPLATE_ACCOUNTS: Record<ChartTemplateName, readonly TemplateAccount[]> = {
  mfo: [
    ...TOP,
    { code: "11", key: "cash", type: "asset", parent: "1" },
    { code: "12", key: "bank", type: "asset", parent: "1" },
    { code: "13", key: "loanPortfolio", type: "asset", parent: "1" },
    { code: "131", key: "individualLoans", type: "asset", parent: "13" },
    { code: "132", key: "groupLoans", type: "asset", parent: "13" },
    { code: "14", key: "interestReceivable", type: "asset", parent: "1" },
    { code: "15", key: "feesReceivable", type: "asset", parent: "1" },
    { code: "16", key: "penaltiesReceivable", type: "asset", parent: "1" },
    { code: "17", key: "loanLossAllowance", type: "asset", parent: "1" },
    { code: "21", key: "borrowings", type: "liability", parent: "2" },
    { code: "22", key: "clientAdvances", type: "liability", parent: "2" },
    { code: "31", key: "capital", type: "equity", parent: "3" },
    { code: "32", key: "retainedEarnings", type: "equity", parent: "3" },
    { code: "41", key: "interestIncome", type: "income", parent: "4" },
    { code: "42", key: "feeIncome", type: "income", parent: "4" },
    { code: "43", key: "penaltyIncome", type: "income", parent: "4" },
    { code: "44", key: "recoveries", type: "income", parent: "4" },
    { code: "51", key: "loanLosses", type: "expense", parent: "5" },
    { code: "52", key: "operatingExpenses", type: "expense", parent: "5" },
    { code: "53", key: "interestExpense", type: "expense", parent: "5" },
  ],
  federation: [
    ...TOP,
    { code: "11", key: "cash", type: "asset", parent: "1" },
    { code: "12", key: "bank", type: "asset", parent: "1" },
    { code: "13", key: "loansToGroups", type: "asset", parent: "1" },
    { code: "14", key: "interestReceivable", type: "asset", parent: "1" },
    { code: "15", key: "penaltiesReceivable", type: "asset", parent: "1" },
    { code: "21", key: "borrowings", type: "liability", parent: "2" },
    { code: "22", key: "advancesFromGroups", type: "liability", parent: "2" },
    { code: "31", key: "revolvingFund", type: "equity", parent: "3" },
    { code: "32", key: "retainedEarnings", type: "equity", parent: "3" },
    { code: "41", key: "membershipFees", type: "income", parent: "4" },
    { code: "42", key: "interestIncome", type: "income", parent: "4" },
    { code: "43", key: "feeIncome", type: "income", parent: "4" },
    { code: "44", key: "penaltyIncome", type: "income", parent: "4" },
    { code: "45", key: "recoveries", type: "income", parent: "4" },
    { code: "51", key: "operatingExpenses", type: "expense", parent: "5" },
    { code: "52", key: "loanLosses", type: "expense", parent: "5" },
  ],
  shg: [
    ...TOP,
    { code: "11", key: "cashBox", type: "asset", parent: "1" },
    { code: "12", key: "bank", type: "asset", parent: "1" },
    { code: "13", key: "loansToMembers", type: "asset", parent: "1" },
    { code: "14", key: "socialFundCash", type: "asset", parent: "1" },
    { code: "21", key: "membersSavings", type: "liability", parent: "2" },
    { code: "22", key: "externalLoans", type: "liability", parent: "2" },
    { code: "23", key: "socialFund", type: "liability", parent: "2" },
    { code: "31", key: "retainedEarnings", type: "equity", parent: "3" },
    { code: "41", key: "interestFromMembers", type: "income", parent: "4" },
    { code: "42", key: "fines", type: "income", parent: "4" },
    { code: "43", key: "otherIncome", type: "income", parent: "4" },
    { code: "51", key: "groupExpenses", type: "expense", parent: "5" },
    { code: "52", key: "interestOnExternalLoans", type: "expense", parent: "5" },
  ],
};

export type ChartTemplateName = "mfo" | "federation" | "shg";

/** A chart template in a language: each account's name as the tenant reads it, its code the same in all. */
export function chartTemplate(name: ChartTemplateName, locale: Locale): AccountTemplate[] {
  return TEMPLATE_ACCOUNTS[name].map(({ key, ...account }) => ({
    ...account,
    name: translate(locale, `chartOfAccounts.${key}`),
  }));
}

/** The templates in English, the language of the code and of the examples in its documentation. */
export const CHART_TEMPLATES: Record<ChartTemplateName, readonly AccountTemplate[]> = {
  mfo: chartTemplate("mfo", "en"),
  federation: chartTemplate("federation", "en"),
  shg: chartTemplate("shg", "en"),
};

/** "Assets:Loan portfolio:Group loans": the names from the top of the chart down. */
export function fullNames(chart: readonly AccountTemplate[]): Map<string, string> {
  const byCode = new Map(chart.map((a) => [a.code, a]));
  const names = new Map<string, string>();
  const nameOf = (code: string, seen: Set<string>): string => {
    const cached = names.get(code);
    if (cached) return cached;
    const account = byCode.get(code);
    if (!account) throw new Error(`no account ${code} in the chart`);
    if (seen.has(code)) throw new Error(`the chart loops at account ${code}`);
    seen.add(code);
    const name = account.parent ? `${nameOf(account.parent, seen)}:${account.name}` : account.name;
    names.set(code, name);
    return name;
  };
  for (const a of chart) nameOf(a.code, new Set());
  return names;
}
