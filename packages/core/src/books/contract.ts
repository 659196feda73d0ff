// The books' contract: the request and response schemas of the chart, the journal and the reports
// under /api/v1, and their types. Amounts are decimal strings in major units beside their currency.
import { z } from "zod";
import { pageQuery } from "../contract/pagination.js";
import { calendarDate as date, recordId, signedAmountText } from "../contract/schemas.js";
import { ACCOUNT_TYPES, CHART_TEMPLATES } from "./accounts.js";

/** The statuses an account can have (the store keeps the same list). */
export const ACCOUNT_STATUSES = ["active", "closed"] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const accountSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  type: z.enum(ACCOUNT_TYPES),
  parentId: z.string().nullable(),
  status: z.enum(ACCOUNT_STATUSES),
});
export type AccountDto = z.infer<typeof accountSchema>;
export const chartSchema = z.object({ items: z.array(accountSchema) });

export const openBooksBody = z.strictObject({
  template: z.enum(Object.keys(CHART_TEMPLATES) as [keyof typeof CHART_TEMPLATES]).optional(),
});
// Codes, names and amounts are judged by the domain, so that a refusal says why in the user's language.
export const addAccountBody = z.strictObject({
  code: z.string().max(100),
  name: z.string().max(1000),
  parentId: recordId,
});
export const renameAccountBody = z.strictObject({ name: z.string().max(1000) });

export const manualEntryBody = z.strictObject({
  businessDate: date,
  description: text(500),
  lines: z
    .array(
      z.strictObject({
        accountId: recordId,
        amount: signedAmountText,
        currency: z.string().max(10),
        memo: z.string().max(500).nullable().optional(),
      }),
    )
    .max(500),
});
export const reverseEntryBody = z.strictObject({ businessDate: date, description: text(500) });

export const journalEntrySchema = z.object({
  id: z.string(),
  orgId: z.string(),
  businessDate: z.string(),
  description: z.string(),
  cause: z.object({ type: z.string(), id: z.string() }),
  reversesId: z.string().nullable(),
  reversedById: z.string().nullable(),
  postedAt: z.string(),
  postedBy: z.string().nullable(),
  lines: z.array(
    z.object({
      lineNo: z.number().int(),
      accountId: z.string(),
      account: z.string(),
      amount: z.string(),
      currency: z.string(),
      memo: z.string().nullable(),
    }),
  ),
});
export type JournalEntryDto = z.infer<typeof journalEntrySchema>;

export const journalQuery = z.object({ from: date.optional(), to: date.optional(), ...pageQuery });
export const onDateQuery = z.object({ date: date.optional() });
export const periodQuery = z.object({ from: date.optional(), to: date.optional() });

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
