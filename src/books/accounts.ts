// Charts of accounts: five account types, nested accounts, and the templates an MFO, a federation and
// an SHG start from. Full names ("Assets:Loan portfolio:Group loans") are what reports and the ledger
// export show, so that an accountant's tools see the same accounts.
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

const TOP: AccountTemplate[] = [
  { code: "1", name: "Assets", type: "asset" },
  { code: "2", name: "Liabilities", type: "liability" },
  { code: "3", name: "Equity", type: "equity" },
  { code: "4", name: "Income", type: "income" },
  { code: "5", name: "Expenses", type: "expense" },
];

export const CHART_TEMPLATES: Record<"mfo" | "federation" | "shg", readonly AccountTemplate[]> = {
  mfo: [
    ...TOP,
    { code: "11", name: "Cash", type: "asset", parent: "1" },
    { code: "12", name: "Bank", type: "asset", parent: "1" },
    { code: "13", name: "Loan portfolio", type: "asset", parent: "1" },
    { code: "131", name: "Individual loans", type: "asset", parent: "13" },
    { code: "132", name: "Group loans", type: "asset", parent: "13" },
    { code: "14", name: "Interest receivable", type: "asset", parent: "1" },
    { code: "15", name: "Fees receivable", type: "asset", parent: "1" },
    { code: "16", name: "Penalties receivable", type: "asset", parent: "1" },
    { code: "17", name: "Loan loss allowance", type: "asset", parent: "1" },
    { code: "21", name: "Borrowings", type: "liability", parent: "2" },
    { code: "22", name: "Client advances", type: "liability", parent: "2" },
    { code: "31", name: "Capital", type: "equity", parent: "3" },
    { code: "32", name: "Retained earnings", type: "equity", parent: "3" },
    { code: "41", name: "Interest income", type: "income", parent: "4" },
    { code: "42", name: "Fee income", type: "income", parent: "4" },
    { code: "43", name: "Penalty income", type: "income", parent: "4" },
    { code: "44", name: "Recoveries of written-off loans", type: "income", parent: "4" },
    { code: "51", name: "Loan losses", type: "expense", parent: "5" },
    { code: "52", name: "Operating expenses", type: "expense", parent: "5" },
    { code: "53", name: "Interest expense", type: "expense", parent: "5" },
  ],
  federation: [
    ...TOP,
    { code: "11", name: "Cash", type: "asset", parent: "1" },
    { code: "12", name: "Bank", type: "asset", parent: "1" },
    { code: "13", name: "Loans to groups", type: "asset", parent: "1" },
    { code: "14", name: "Interest receivable", type: "asset", parent: "1" },
    { code: "15", name: "Penalties receivable", type: "asset", parent: "1" },
    { code: "21", name: "Borrowings", type: "liability", parent: "2" },
    { code: "22", name: "Advances from groups", type: "liability", parent: "2" },
    { code: "31", name: "Revolving fund", type: "equity", parent: "3" },
    { code: "32", name: "Retained earnings", type: "equity", parent: "3" },
    { code: "41", name: "Membership fees", type: "income", parent: "4" },
    { code: "42", name: "Interest income", type: "income", parent: "4" },
    { code: "43", name: "Fee income", type: "income", parent: "4" },
    { code: "44", name: "Penalty income", type: "income", parent: "4" },
    { code: "45", name: "Recoveries of written-off loans", type: "income", parent: "4" },
    { code: "51", name: "Operating expenses", type: "expense", parent: "5" },
    { code: "52", name: "Loan losses", type: "expense", parent: "5" },
  ],
  shg: [
    ...TOP,
    { code: "11", name: "Cash box", type: "asset", parent: "1" },
    { code: "12", name: "Bank", type: "asset", parent: "1" },
    { code: "13", name: "Loans to members", type: "asset", parent: "1" },
    { code: "14", name: "Social fund cash", type: "asset", parent: "1" },
    { code: "21", name: "Members' savings", type: "liability", parent: "2" },
    { code: "22", name: "External loans", type: "liability", parent: "2" },
    { code: "23", name: "Social fund", type: "liability", parent: "2" },
    { code: "31", name: "Retained earnings", type: "equity", parent: "3" },
    { code: "41", name: "Interest from members", type: "income", parent: "4" },
    { code: "42", name: "Fines", type: "income", parent: "4" },
    { code: "43", name: "Other income", type: "income", parent: "4" },
    { code: "51", name: "Expenses", type: "expense", parent: "5" },
    { code: "52", name: "Interest on external loans", type: "expense", parent: "5" },
  ],
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
