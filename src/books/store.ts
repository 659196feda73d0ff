// The books in the database: opening an organisation's chart from its template, posting a balanced
// entry (in the caller's transaction, beside the record that caused it), reversing one, and the
// queries every report stands on — balances on a date, the trial balance, the journal for export.

import { type Currency, currency, money } from "../money/index.js";
import { findOrganisation } from "../orgs/lookup.js";
import { type Actor, assertCan } from "../platform/auth/actor.js";
import type { CommandContext } from "../platform/commands.js";
import { isUniqueViolation } from "../platform/db/constraint-errors.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { DomainError } from "../platform/errors.js";
import { isUuid } from "../platform/ids.js";
import { type AccountTemplate, type AccountType, CHART_TEMPLATES, fullNames } from "./accounts.js";
import { assertBalanced, type JournalEntryDraft, type JournalLine, reversalOf } from "./journal.js";
import type { LedgerEntry } from "./ledger-format.js";

export interface Account {
  id: string;
  code: string;
  name: string;
  fullName: string;
  type: AccountType;
  parentId: string | null;
}

const TEMPLATE_FOR_KIND: Record<string, keyof typeof CHART_TEMPLATES> = {
  mfo: "mfo",
  federation: "federation",
  cluster: "federation",
  shg: "shg",
};

/** Creates the organisation's chart of accounts from the template for its kind (once). */
export async function openBooks(trx: Db, ctx: CommandContext, orgId: string): Promise<Account[]> {
  const org = await findOrganisation(trx, ctx.actor, orgId);
  assertCan(ctx.actor, "books.write", org.path, "organisation");
  const template = CHART_TEMPLATES[TEMPLATE_FOR_KIND[org.kind] ?? "mfo"];
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

export async function chartOf(db: Db, actor: Actor, orgId: string): Promise<Account[]> {
  const org = await findOrganisation(db, actor, orgId);
  const rows = await db
    .selectFrom("accounts")
    .select(["id", "code", "name", "type", "parentId"])
    .where("tenantId", "=", actor.tenantId)
    .where("orgId", "=", org.id)
    .orderBy("code")
    .execute();
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
    code: r.code,
    name: r.name,
    fullName: names.get(r.id) ?? r.name,
    type: r.type as AccountType,
    parentId: r.parentId,
  }));
}

export interface PostedEntry extends JournalEntryDraft {
  id: string;
  orgId: string;
}

/** Posts a balanced entry into the organisation's books; every account must belong to them. */
export async function postEntry(
  trx: Db,
  ctx: CommandContext,
  orgId: string,
  draft: JournalEntryDraft,
): Promise<PostedEntry> {
  assertBalanced(draft);
  const org = await findOrganisation(trx, ctx.actor, orgId);
  assertCan(ctx.actor, "books.write", org.path, "organisation");
  const accountIds = [...new Set(draft.lines.map((l) => l.account))];
  const known = accountIds.every(isUuid)
    ? await trx
        .selectFrom("accounts")
        .select("id")
        .where("orgId", "=", org.id)
        .where("id", "in", accountIds)
        .where("status", "=", "active")
        .execute()
    : [];
  if (known.length !== accountIds.length) throw new DomainError("NOT_FOUND", { entity: "record" });
  const id = ctx.ids.next();
  await trx
    .insertInto("journalEntries")
    .values({
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
    })
    .execute()
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) throw new DomainError("CONCURRENT_UPDATE");
      throw e;
    });
  await trx
    .insertInto("journalLines")
    .values(
      draft.lines.map((l, i) => ({
        tenantId: ctx.actor.tenantId,
        entryId: id,
        lineNo: i + 1,
        orgId: org.id,
        accountId: l.account,
        businessDate: draft.businessDate,
        currency: l.amount.currency,
        amount: l.amount.minor.toString(),
        memo: l.memo ?? null,
      })),
    )
    .execute();
  ctx.touched("journal_entry", id);
  return { ...draft, id, orgId: org.id };
}

async function loadEntry(db: Db, actor: Actor, entryId: string): Promise<PostedEntry> {
  if (!isUuid(entryId)) throw new DomainError("NOT_FOUND", { entity: "record" });
  const entry = await db
    .selectFrom("journalEntries")
    .selectAll()
    .where("tenantId", "=", actor.tenantId)
    .where("id", "=", entryId)
    .executeTakeFirst();
  if (!entry) throw new DomainError("NOT_FOUND", { entity: "record" });
  await findOrganisation(db, actor, entry.orgId);
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
      }),
    ),
  };
}

/** A correction: the reversing entry, linked to the original; an entry is reversed at most once. */
export async function reverseEntry(
  trx: Db,
  ctx: CommandContext,
  entryId: string,
  correction: { businessDate: string; description: string },
): Promise<PostedEntry> {
  const original = await loadEntry(trx, ctx.actor, entryId);
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
  const chart = await chartOf(db, actor, orgId);
  const names = new Map(chart.map((a) => [a.id, a.fullName]));
  const sums = await db
    .selectFrom("journalLines")
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
  const chart = await chartOf(db, actor, orgId);
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
