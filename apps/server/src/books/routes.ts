// HTTP routes of the books under /api/v1: opening the books, the chart and its editing, manual journal
// entries and their reversal, and the journal; the reports are in report-routes.ts. Amounts are
// decimal strings in major units beside their currency, debit positive.

import { ACCOUNT_TYPES, CHART_TEMPLATES } from "@qadam/core/books/accounts";
import { pageQuery, pageSchema } from "@qadam/core/contract/pagination";
import { calendarDate as date, recordId, signedAmountText } from "@qadam/core/contract/schemas";
import { toJson } from "@qadam/core/money";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { commandRoute } from "../platform/http/command-route.js";
import { actorOf, type RouteModule } from "../platform/http/context.js";
import { addAccount, closeAccount, renameAccount } from "./chart.js";
import {
  type JournalEntryView,
  journalEntries,
  journalEntry,
  postManualEntry,
  reverseManualEntry,
} from "./entries.js";
import { bookReportRoutes } from "./report-routes.js";
import { ACCOUNT_STATUSES, type Account, chartOf, openBooks } from "./store.js";

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

export const bookRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/api/v1/orgs/:orgId/books",
    {
      schema: {
        tags,
        summary: "Open the organisation's books: its chart of accounts from the template for its kind",
        params: orgParams,
        body: openBooksBody.nullish(),
        response: { 201: chartSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "books.open", status: 201 }, async (trx, ctx) => ({
        items: (await openBooks(trx, ctx, request.params.orgId, request.body?.template)).map(accountDto),
      })),
  );

  app.get(
    "/api/v1/orgs/:orgId/accounts",
    {
      schema: {
        tags,
        summary:
          "The organisation's chart of accounts, closed accounts included (empty before the books open)",
        params: orgParams,
        response: { 200: chartSchema },
      },
    },
    async (request) => ({
      items: (await chartOf(deps.db, actorOf(request), request.params.orgId)).map(accountDto),
    }),
  );

  app.post(
    "/api/v1/orgs/:orgId/accounts",
    {
      schema: {
        tags,
        summary: "Add an account under a parent account; it takes the parent's type",
        params: orgParams,
        body: addAccountBody,
        response: { 201: accountSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "account.add", status: 201 }, async (trx, ctx) =>
        accountDto(await addAccount(trx, ctx, request.params.orgId, request.body)),
      ),
  );

  app.patch(
    "/api/v1/accounts/:id",
    {
      schema: {
        tags,
        summary: "Rename an account",
        params: idParams,
        body: renameAccountBody,
        response: { 200: accountSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "account.rename" }, async (trx, ctx) =>
        accountDto(await renameAccount(trx, ctx, request.params.id, request.body)),
      ),
  );

  app.post(
    "/api/v1/accounts/:id/close",
    {
      schema: {
        tags,
        summary: "Close an account whose lines sum to zero and that has no open account under it",
        params: idParams,
        response: { 200: accountSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "account.close" }, async (trx, ctx) =>
        accountDto(await closeAccount(trx, ctx, request.params.id)),
      ),
  );

  app.post(
    "/api/v1/orgs/:orgId/journal-entries",
    {
      schema: {
        tags,
        summary:
          "Post a manual journal entry: lines in major units, debit positive, summing to zero per currency",
        params: orgParams,
        body: manualEntryBody,
        response: { 201: journalEntrySchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "journal.post", status: 201 }, async (trx, ctx) =>
        entryDto(await postManualEntry(trx, ctx, request.params.orgId, request.body)),
      ),
  );

  app.get(
    "/api/v1/orgs/:orgId/journal-entries",
    {
      schema: {
        tags,
        summary: "The organisation's journal in posting order, optionally between business dates",
        params: orgParams,
        querystring: z.object({ from: date.optional(), to: date.optional(), ...pageQuery }),
        response: { 200: pageSchema(journalEntrySchema) },
      },
    },
    async (request) => {
      const page = await journalEntries(deps.db, actorOf(request), request.params.orgId, request.query);
      return { items: page.items.map(entryDto), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/v1/journal-entries/:id",
    {
      schema: {
        tags,
        summary: "One journal entry with its lines",
        params: idParams,
        response: { 200: journalEntrySchema },
      },
    },
    async (request) => entryDto(await journalEntry(deps.db, actorOf(request), request.params.id)),
  );

  app.post(
    "/api/v1/journal-entries/:id/reverse",
    {
      schema: {
        tags,
        summary: "Reverse a manual journal entry (once): a new entry with every line's sign swapped",
        params: idParams,
        body: reverseEntryBody,
        response: { 201: journalEntrySchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "journal.reverse", status: 201 }, async (trx, ctx) =>
        entryDto(await reverseManualEntry(trx, ctx, request.params.id, request.body)),
      ),
  );

  return bookReportRoutes(fastify, deps);
};
