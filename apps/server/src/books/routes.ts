// HTTP routes of the books under /api/v1: opening the books, the chart and its editing, manual journal
// entries and their reversal, and the journal; the reports are in report-routes.ts. Amounts are
// decimal strings in major units beside their currency, debit positive. The schemas are the contract's
// (@qadam/core/books/contract).

import {
  type AccountDto,
  accountSchema,
  addAccountBody,
  chartSchema,
  type JournalEntryDto,
  journalEntrySchema,
  journalQuery,
  manualEntryBody,
  openBooksBody,
  renameAccountBody,
  reverseEntryBody,
} from "@qadam/core/books/contract";
import { pageSchema } from "@qadam/core/contract/pagination";
import { recordId } from "@qadam/core/contract/schemas";
import { toJson } from "@qadam/core/money";
import { z } from "zod";
import type { RouteModule } from "../platform/http/context.js";
import { command, query } from "../platform/http/route.js";
import { addAccount, closeAccount, renameAccount } from "./chart.js";
import {
  type JournalEntryView,
  journalEntries,
  journalEntry,
  manualEntryFrom,
  postManualEntry,
  reverseManualEntry,
} from "./entries.js";
import { bookReportRoutes } from "./report-routes.js";
import { type Account, chartOf, openBooks } from "./store.js";

export {
  type AccountDto,
  accountSchema,
  addAccountBody,
  chartSchema,
  type JournalEntryDto,
  journalEntrySchema,
  manualEntryBody,
  openBooksBody,
  renameAccountBody,
  reverseEntryBody,
} from "@qadam/core/books/contract";

const EXAMPLE_ID = "0190f3d2-6a4e-7c1b-9f00-3b2a1c0d4e5f";
function accountDto(a: Account): AccountDto {
  return {
    id: a.id,
    orgId: a.orgId,
    code: a.code,
    name: a.name,
    fullName: a.fullName,
    type: a.type,
    parentId: a.parentId,
    status: a.status,
  };
}

function entryDto(e: JournalEntryView): JournalEntryDto {
  return {
    ...e,
    lines: e.lines.map((l) => ({
      lineNo: l.lineNo,
      accountId: l.accountId,
      account: l.account,
      ...toJson(l.amount),
      memo: l.memo,
    })),
  };
}

const orgParams = z.object({ orgId: recordId });
const idParams = z.object({ id: recordId });
const tags = ["books"];

export const bookRoutes: RouteModule = (app, deps) => {
  command(app, deps, {
    method: "POST",
    path: "/api/v1/orgs/:orgId/books",
    tags,
    summary: "Open the organisation's books: its chart of accounts from the template for its kind",
    description:
      "Creates the organisation's chart of accounts from a template (by default the one for its kind: SHG, " +
      "federation, MFO or association); books open once.",
    permission: "books.write",
    params: orgParams,
    body: openBooksBody.nullish(),
    example: {},
    response: chartSchema,
    errors: ["BOOKS_ALREADY_OPEN"],
    command: { name: "books.open", status: 201 },
    run: async (trx, ctx, { params, body }) => ({
      items: (await openBooks(trx, ctx, params.orgId, body?.template)).map(accountDto),
    }),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:orgId/accounts",
    tags,
    summary: "The organisation's chart of accounts, closed accounts included (empty before the books open)",
    description: "Every account of the organisation's chart, by code, with its type, parent and status.",
    params: orgParams,
    response: chartSchema,
    list: { whole: "a chart of accounts is read whole, as a tree; it holds tens of accounts, not thousands" },
    errors: [],
    handle: async ({ actor, params }) => ({
      items: (await chartOf(deps.db, actor, params.orgId)).map(accountDto),
    }),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/orgs/:orgId/accounts",
    tags,
    summary: "Add an account under a parent account; it takes the parent's type",
    description:
      "Adds an account under an open account of the chart; its code must extend the parent's and be unique, " +
      "its name unique under the parent.",
    permission: "books.write",
    params: orgParams,
    body: addAccountBody,
    example: { code: "1010.02", name: "Cash box 2", parentId: EXAMPLE_ID },
    response: accountSchema,
    errors: [
      "BOOKS_NOT_OPEN",
      "ACCOUNT_CODE_INVALID",
      "ACCOUNT_CODE_TAKEN",
      "ACCOUNT_NAME_INVALID",
      "ACCOUNT_NAME_TAKEN",
      "ACCOUNT_CLOSED",
    ],
    command: { name: "account.add", status: 201 },
    run: async (trx, ctx, { params, body }) => accountDto(await addAccount(trx, ctx, params.orgId, body)),
  });

  command(app, deps, {
    method: "PATCH",
    path: "/api/v1/accounts/:id",
    tags,
    summary: "Rename an account",
    description: "Gives an account another name, unique under its parent; its code and history stay.",
    permission: "books.write",
    params: idParams,
    body: renameAccountBody,
    example: { name: "Cash box (village office)" },
    response: accountSchema,
    errors: ["ACCOUNT_NAME_INVALID", "ACCOUNT_NAME_TAKEN", "ACCOUNT_CLOSED"],
    command: { name: "account.rename" },
    run: async (trx, ctx, { params, body }) => accountDto(await renameAccount(trx, ctx, params.id, body)),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/accounts/:id/close",
    tags,
    summary: "Close an account whose lines sum to zero and that has no open account under it",
    description: "A closed account takes no more lines; a top-level account of the template cannot close.",
    permission: "books.write",
    params: idParams,
    response: accountSchema,
    errors: ["ACCOUNT_TOP_LEVEL", "ACCOUNT_HAS_CHILDREN", "ACCOUNT_NOT_EMPTY", "ACCOUNT_CLOSED"],
    command: { name: "account.close" },
    run: async (trx, ctx, { params }) => accountDto(await closeAccount(trx, ctx, params.id)),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/orgs/:orgId/journal-entries",
    tags,
    summary:
      "Post a manual journal entry: lines in major units, debit positive, summing to zero per currency",
    description:
      "A correction or an operation no other command records, posted to open accounts of the organisation " +
      "on a business date not before its opening.",
    permission: "books.write",
    params: orgParams,
    body: manualEntryBody,
    example: {
      businessDate: "2026-03-02",
      description: "Bank charges for February",
      lines: [
        { accountId: EXAMPLE_ID, amount: "150.00", currency: "KZT", memo: "charges" },
        { accountId: "0190f3d2-6a4e-7c1b-9f00-3b2a1c0d4e60", amount: "-150.00", currency: "KZT" },
      ],
    },
    response: journalEntrySchema,
    errors: [
      "BOOKS_NOT_OPEN",
      "JOURNAL_EMPTY",
      "JOURNAL_LINE_ZERO",
      "JOURNAL_UNBALANCED",
      "ACCOUNT_CLOSED",
      "ORG_DATE_BEFORE_OPENING",
      "UNKNOWN_CURRENCY",
    ],
    command: { name: "journal.post", status: 201 },
    run: async (trx, ctx, { params, body }) =>
      entryDto(await postManualEntry(trx, ctx, params.orgId, manualEntryFrom(body))),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:orgId/journal-entries",
    tags,
    summary: "The organisation's journal in posting order, optionally between business dates",
    description: "Every journal entry of the organisation with its lines, a page at a time.",
    params: orgParams,
    query: journalQuery,
    response: pageSchema(journalEntrySchema),
    list: "paged",
    errors: ["PERIOD_INVALID"],
    handle: async ({ actor, params, query }) => {
      const page = await journalEntries(deps.db, actor, params.orgId, query);
      return { items: page.items.map(entryDto), nextCursor: page.nextCursor };
    },
  });

  query(app, {
    method: "GET",
    path: "/api/v1/journal-entries/:id",
    tags,
    summary: "One journal entry with its lines",
    description: "A journal entry of an organisation you can see: its cause, lines and any reversal.",
    params: idParams,
    response: journalEntrySchema,
    errors: [],
    handle: async ({ actor, params }) => entryDto(await journalEntry(deps.db, actor, params.id)),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/journal-entries/:id/reverse",
    tags,
    summary: "Reverse a manual journal entry (once): a new entry with every line's sign swapped",
    description:
      "Entries are never changed or deleted: a mistaken manual entry is cancelled by its reversal on a " +
      "business date. Entries posted by other commands are corrected through those commands.",
    permission: "books.write",
    params: idParams,
    body: reverseEntryBody,
    example: { businessDate: "2026-03-02", description: "Reversal: posted to the wrong account" },
    response: journalEntrySchema,
    errors: [
      "JOURNAL_ALREADY_REVERSED",
      "JOURNAL_ENTRY_NOT_MANUAL",
      "ACCOUNT_CLOSED",
      "ORG_DATE_BEFORE_OPENING",
    ],
    command: { name: "journal.reverse", status: 201 },
    run: async (trx, ctx, { params, body }) => entryDto(await reverseManualEntry(trx, ctx, params.id, body)),
  });

  return bookReportRoutes(app, deps);
};
