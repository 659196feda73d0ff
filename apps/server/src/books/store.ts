// The books in the database: opening an organisation's chart from its template, posting a balanced
// entry (in the caller's transaction, beside the record that caused it), reversing one, and the
// queries every report stands on — balances on a date, the trial balance, the journal for export.

import { type Actor, assertCan } from "@qadam/core/auth/actor";
import {
  type AccountTemplate,
  type AccountType,
  type CHART_TEMPLATES,
  chartTemplate,
  fullNames,
} from "@qadam/core/books/accounts";
import {
  assertBalanced,
  type JournalEntryDraft,
  type JournalLine,
  reversalOf,
} from "@qadam/core/books/journal";
import type { LedgerEntry } from "@qadam/core/books/ledger-format";
import { DomainError } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import { type Currency, currency, money } from "@qadam/core/money";
import type { Organisation } from "@qadam/core/orgs/types";
import { checkDate } from "@qadam/core/orgs/values";
import { findOrganisation, tenantLanguage } from "../orgs/index.js";
import type { CommandContext } from "../platform/commands.js";
import { dialectOf } from "../platform/db/column-types.js";
import { commandCache } from "../platform/db/command-cache.js";
import { isUniqueViolation } from "../platform/db/constraint-errors.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { prepared, type Row } from "../platform/db/prepared.js";
import type { JournalEntriesTable, JournalLinesTable } from "../platform/db/schema.js";
import { addToDailyTotals, flushDailyTotals } from "./daily-totals.js";

export const ACCOUNT_STATUSES = ["active", "closed"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface Account {
  id: string;
  orgId: string;
  code: string;
  name: string;
  fullName: string;
  type: AccountType;
  parentId: string | null;
  /** A closed account keeps its history but takes no new lines. */
  status: AccountStatus;
}

export type ChartTemplate = keyof typeof CHART_TEMPLATES;

const TEMPLATE_FOR_KIND: Record<string, ChartTemplate> = {
  mfo: "mfo",
  federation: "federation",
  cluster: "federation",
  shg: "shg",
};

/**
 * Creates the organisation's chart of accounts from a template, by default the one for its kind, its
 * accounts named in the tenant's language.
 * Errors: NOT_FOUND, FORBIDDEN, BOOKS_ALREADY_OPEN (CONCURRENT_UPDATE when two openings race).
 */
export async function openBooks(
  trx: Db,
  ctx: CommandContext,
  orgId: string,
  templateName?: ChartTemplate,
): Promise<Account[]> {
  const org = await findOrganisation(trx, ctx.actor, orgId);
  assertCan(ctx.actor, "books.write", org.path, "organisation");
  if ((await accountsOf(trx, ctx.actor.tenantId, org.id)).length > 0)
    throw new DomainError("BOOKS_ALREADY_OPEN", { org: org.name });
  const template = chartTemplate(
    templateName ?? TEMPLATE_FOR_KIND[org.kind] ?? "mfo",
    await tenantLanguage(trx, ctx.actor.tenantId),
  );
  const ids = new Map<string, string>();
  for (const a of template) ids.set(a.code, ctx.ids.next());
  const rows = template.map((a: AccountTemplate) => ({
    id: ids.get(a.code) ?? "",
    tenantId: ctx.actor.tenantId,
    orgId: org.id,
    code: a.code,
    name: a.name,
    type: a.type,
    parentId: a.parent ? (ids.get(a.parent) ?? null) : null,
    status: "active",
    createdAt: ctx.now,
  }));
  try {
    // Parents come before children in every template, so the foreign keys hold row by row.
    await trx.insertInto("accounts").values(rows).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONCURRENT_UPDATE");
    throw error;
  }
  ctx.touched("books", org.id);
  return chartOf(trx, ctx.actor, org.id);
}

/** The organisation's chart as the actor sees it (NOT_FOUND otherwise); empty before the books open. */
export async function chartOf(db: Db, actor: Actor, orgId: string): Promise<Account[]> {
  const org = await findOrganisation(db, actor, orgId);
  return accountsOf(db, actor.tenantId, org.id);
}

const CHART = prepared((db, a: { tenantId: string; orgId: string }) =>
  db
    .selectFrom("accounts")
    .select(["id", "orgId", "code", "name", "type", "parentId", "status"])
    .where("tenantId", "=", a.tenantId)
    .where("orgId", "=", a.orgId)
    .orderBy("code"),
);

/** The chart of an organisation already found (and its visibility checked), ordered by code. */
export async function accountsOf(db: Db, tenantId: string, orgId: string): Promise<Account[]> {
  const rows = await CHART.rows(db, { tenantId, orgId });
  const names = fullNames(
    rows.map((r) => ({
      code: r.id,
      name: r.name,
      type: r.type as AccountType,
      ...(r.parentId ? { parent: r.parentId } : {}),
    })),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    code: r.code,
    name: r.name,
    fullName: names.get(r.id) ?? r.name,
    type: r.type as AccountType,
    parentId: r.parentId,
    status: r.status as AccountStatus,
  }));
}

const ACCOUNTS_OF_CODES = prepared((db, a: { tenantId: string; orgId: string; codes: readonly string[] }) =>
  db
    .selectFrom("accounts")
    .select(["id", "code", "status"])
    .where("tenantId", "=", a.tenantId)
    .where("orgId", "=", a.orgId)
    .where("code", "in", a.codes),
);

/**
 * The ids and statuses of the organisation's accounts of the given codes, in one query (a command
 * that posts needs a handful of a chart of forty, and not their full names).
 */
export async function accountsOfCodes(
  db: Db,
  tenantId: string,
  orgId: string,
  codes: readonly string[],
): Promise<Array<{ id: string; code: string; status: AccountStatus }>> {
  if (codes.length === 0) return [];
  const rows = await ACCOUNTS_OF_CODES.rows(db, { tenantId, orgId, codes });
  return rows.map((r) => ({ id: r.id, code: r.code, status: r.status as AccountStatus }));
}

/** The chart of an organisation whose books must be open (BOOKS_NOT_OPEN otherwise), for reports. */
export async function openChartOf(db: Db, actor: Actor, orgId: string): Promise<Account[]> {
  const org = await findOrganisation(db, actor, orgId);
  const chart = await accountsOf(db, actor.tenantId, org.id);
  if (chart.length === 0) throw new DomainError("BOOKS_NOT_OPEN", { org: org.name });
  return chart;
}

export interface PostedEntry extends JournalEntryDraft {
  id: string;
  orgId: string;
}

/**
 * Posts a balanced entry into the organisation's books; every account must be one of their active
 * accounts. On PostgreSQL they are locked in key-share mode, so that closing one waits for this.
 * Errors: JOURNAL_EMPTY, JOURNAL_LINE_ZERO, JOURNAL_UNBALANCED, NOT_FOUND, FORBIDDEN, BOOKS_NOT_OPEN,
 * ACCOUNT_CLOSED.
 */
export async function postEntry(
  trx: Db,
  ctx: CommandContext,
  orgOrId: string | Organisation,
  draft: JournalEntryDraft,
): Promise<PostedEntry> {
  assertBalanced(draft);
  // A caller that has already found the organisation in this transaction passes it, saving a query.
  const org = typeof orgOrId === "string" ? await findOrganisation(trx, ctx.actor, orgOrId) : orgOrId;
  assertCan(ctx.actor, "books.write", org.path, "organisation");
  return writeEntry(trx, ctx, org, draft);
}

const ACTIVE_ACCOUNTS = prepared((db, a: { orgId: string; ids: readonly string[] }) =>
  db
    .selectFrom("accounts")
    .select("id")
    .where("orgId", "=", a.orgId)
    .where("id", "in", a.ids)
    .where("status", "=", "active")
    .$if(dialectOf(db) === "postgres", (qb) => qb.forKeyShare()),
);

const INSERT_ENTRY = prepared((db, a: { row: Row<JournalEntriesTable> }) =>
  db.insertInto("journalEntries").values(a.row),
);

const INSERT_LINES = prepared((db, a: { rows: ReadonlyArray<Row<JournalLinesTable>> }) =>
  db.insertInto("journalLines").values(a.rows),
);

/** On PostgreSQL, the entry and its lines in one statement: one round trip to the server, not two. */
const INSERT_ENTRY_WITH_LINES = prepared(
  (db, a: { row: Row<JournalEntriesTable>; rows: ReadonlyArray<Row<JournalLinesTable>> }) =>
    db
      .with("entry", (w) => w.insertInto("journalEntries").values(a.row).returning("id"))
      .insertInto("journalLines")
      .values(a.rows),
);

/** The organisation's accounts found active and locked in this command's transaction (null outside one). */
function activeInThisCommand(trx: Db, ctx: CommandContext, orgId: string): Set<string> | null {
  const cache = commandCache(ctx, trx);
  if (!cache) return null;
  const key = `activeAccounts:${orgId}`;
  let ids = cache.get(key) as Set<string> | undefined;
  if (!ids) {
    ids = new Set();
    cache.set(key, ids);
  }
  return ids;
}

/**
 * Notes accounts of the organisation read as active in this command's transaction where reading them
 * is as good as the posting's own check (SQLite: one snapshot, one writer at a time).
 */
export function noteActiveAccounts(
  trx: Db,
  ctx: CommandContext,
  orgId: string,
  ids: readonly string[],
): void {
  const verified = activeInThisCommand(trx, ctx, orgId);
  for (const id of ids) verified?.add(id);
}

/** Forgets the accounts found active in this command: it has just closed one of them. */
export function forgetActiveAccounts(trx: Db, ctx: CommandContext, orgId: string): void {
  commandCache(ctx, trx)?.delete(`activeAccounts:${orgId}`);
}

/**
 * postEntry without the actor's permission on the organisation: for an entry another command is
 * entitled to write there, such as a lender's loan command posting the borrowing group's side.
 */
export async function writeEntry(
  trx: Db,
  ctx: CommandContext,
  org: Organisation,
  draft: JournalEntryDraft,
): Promise<PostedEntry> {
  assertBalanced(draft);
  const accountIds = [...new Set(draft.lines.map((l) => l.account))];
  // Accounts found active (and, on PostgreSQL, locked until the commit) earlier in this command's
  // transaction are not read again: a batch of postings into the same accounts checks them once.
  const verified = activeInThisCommand(trx, ctx, org.id);
  if (!verified || !accountIds.every((a) => verified.has(a))) {
    const known = accountIds.every(isUuid)
      ? await ACTIVE_ACCOUNTS.rows(trx, { orgId: org.id, ids: accountIds })
      : [];
    if (known.length !== accountIds.length) throw await whyNotPostable(trx, org, accountIds);
    for (const a of accountIds) verified?.add(a);
  }
  const id = ctx.ids.next();
  const entry = {
    id,
    tenantId: ctx.actor.tenantId,
    orgId: org.id,
    businessDate: draft.businessDate,
    description: draft.description,
    causeType: draft.cause.type,
    causeId: draft.cause.id,
    reversesId: draft.reverses ?? null,
    postedAt: ctx.now,
    postedBy: ctx.actor.userId,
  };
  const lines = draft.lines.map((l, i) => ({
    tenantId: ctx.actor.tenantId,
    entryId: id,
    lineNo: i + 1,
    orgId: org.id,
    accountId: l.account,
    businessDate: draft.businessDate,
    currency: l.amount.currency,
    amount: l.amount.minor,
    memo: l.memo ?? null,
    partyId: l.party ?? null,
  }));
  try {
    if (dialectOf(trx) === "postgres")
      await INSERT_ENTRY_WITH_LINES.execute(trx, { row: entry, rows: lines });
    else {
      await INSERT_ENTRY.execute(trx, { row: entry });
      await INSERT_LINES.execute(trx, { rows: lines });
    }
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("CONCURRENT_UPDATE");
    throw e;
  }
  await addToDailyTotals(trx, ctx.actor.tenantId, org.id, draft.businessDate, draft.lines);
  ctx.touched("journal_entry", id);
  return { ...draft, id, orgId: org.id };
}

/** The reason some of the accounts cannot take lines: no books, a closed account, or an unknown one. */
async function whyNotPostable(
  db: Db,
  org: { id: string; name: string; tenantId: string },
  accountIds: readonly string[],
): Promise<DomainError> {
  const chart = await accountsOf(db, org.tenantId, org.id);
  if (chart.length === 0) return new DomainError("BOOKS_NOT_OPEN", { org: org.name });
  for (const id of accountIds) {
    const account = chart.find((a) => a.id === id);
    if (!account) return new DomainError("NOT_FOUND", { entity: "account" });
    if (account.status === "closed") return new DomainError("ACCOUNT_CLOSED", { account: account.fullName });
  }
  return new DomainError("CONCURRENT_UPDATE");
}

/** A posted entry as the actor sees it (NOT_FOUND otherwise). */
export async function loadEntry(db: Db, actor: Actor, entryId: string): Promise<PostedEntry> {
  if (!isUuid(entryId)) throw new DomainError("NOT_FOUND", { entity: "journalEntry" });
  const entry = await db
    .selectFrom("journalEntries")
    .selectAll()
    .where("tenantId", "=", actor.tenantId)
    .where("id", "=", entryId)
    .executeTakeFirst();
  if (!entry) throw new DomainError("NOT_FOUND", { entity: "journalEntry" });
  await findOrganisation(db, actor, entry.orgId, "journalEntry");
  const lines = await db
    .selectFrom("journalLines")
    .selectAll()
    .where("entryId", "=", entry.id)
    .orderBy("lineNo")
    .execute();
  return {
    id: entry.id,
    orgId: entry.orgId,
    businessDate: entry.businessDate,
    description: entry.description,
    cause: { type: entry.causeType, id: entry.causeId },
    ...(entry.reversesId ? { reverses: entry.reversesId } : {}),
    lines: lines.map(
      (l): JournalLine => ({
        account: l.accountId,
        amount: money(toBigInt(l.amount), currency(l.currency)),
        ...(l.memo ? { memo: l.memo } : {}),
        ...(l.partyId ? { party: l.partyId } : {}),
      }),
    ),
  };
}

/**
 * A correction: the reversing entry, linked to the original; an entry is reversed at most once.
 * Errors: those of postEntry, and JOURNAL_ALREADY_REVERSED (CONCURRENT_UPDATE when two reversals race).
 */
export async function reverseEntry(
  trx: Db,
  ctx: CommandContext,
  entryId: string,
  correction: { businessDate: string; description: string },
): Promise<PostedEntry> {
  const original = await loadEntry(trx, ctx.actor, entryId);
  return reverseLoadedEntry(trx, ctx, original, correction);
}

/** reverseEntry for an entry already loaded (and its visibility checked). */
export async function reverseLoadedEntry(
  trx: Db,
  ctx: CommandContext,
  original: PostedEntry,
  correction: { businessDate: string; description: string },
): Promise<PostedEntry> {
  const reversal = await trx
    .selectFrom("journalEntries")
    .select("id")
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("reversesId", "=", original.id)
    .executeTakeFirst();
  if (reversal) throw new DomainError("JOURNAL_ALREADY_REVERSED");
  return postEntry(trx, ctx, original.orgId, reversalOf(original, correction));
}

export interface TrialBalanceRow {
  account: string;
  accountId: string;
  currency: Currency;
  /** Minor units, debit positive. */
  balance: bigint;
}

/** Every account's balance on a date (entries up to and including it), accounts with no lines left out. */
export async function trialBalance(
  db: Db,
  actor: Actor,
  orgId: string,
  onDate: string,
): Promise<TrialBalanceRow[]> {
  checkDate(onDate);
  const chart = await openChartOf(db, actor, orgId);
  await flushDailyTotals(db);
  const names = new Map(chart.map((a) => [a.id, a.fullName]));
  const sums = await db
    .selectFrom("accountDailyBalances")
    .select(["accountId", "currency", (eb) => eb.fn.sum<string | number | bigint>("amount").as("balance")])
    .where("tenantId", "=", actor.tenantId)
    .where("orgId", "=", orgId)
    .where("businessDate", "<=", onDate)
    .groupBy(["accountId", "currency"])
    .execute();
  return sums
    .map((r) => ({
      account: names.get(r.accountId) ?? r.accountId,
      accountId: r.accountId,
      currency: currency(r.currency),
      balance: toBigInt(r.balance),
    }))
    .filter((r) => r.balance !== 0n)
    .sort((a, b) =>
      a.account === b.account ? (a.currency < b.currency ? -1 : 1) : a.account < b.account ? -1 : 1,
    );
}

/** The organisation's journal in posting order, with account full names, for the ledger export. */
export async function journalForExport(db: Db, actor: Actor, orgId: string): Promise<LedgerEntry[]> {
  const chart = await openChartOf(db, actor, orgId);
  const names = new Map(chart.map((a) => [a.id, a.fullName]));
  const entries = await db
    .selectFrom("journalEntries")
    .select(["id", "businessDate", "description"])
    .where("tenantId", "=", actor.tenantId)
    .where("orgId", "=", orgId)
    .orderBy("businessDate")
    .orderBy("id")
    .execute();
  const lines = await db
    .selectFrom("journalLines")
    .select(["entryId", "lineNo", "accountId", "currency", "amount"])
    .where("tenantId", "=", actor.tenantId)
    .where("orgId", "=", orgId)
    .execute();
  const byEntry = new Map<string, typeof lines>();
  for (const l of lines) {
    const list = byEntry.get(l.entryId) ?? [];
    list.push(l);
    byEntry.set(l.entryId, list);
  }
  return entries.map((e) => ({
    id: e.id,
    businessDate: e.businessDate,
    description: e.description,
    lines: (byEntry.get(e.id) ?? [])
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((l) => ({
        account: names.get(l.accountId) ?? l.accountId,
        amount: money(toBigInt(l.amount), currency(l.currency)),
      })),
  }));
}
