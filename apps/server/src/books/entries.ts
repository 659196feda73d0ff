// Journal entries as people see and make them: a manual entry keyed in by a bookkeeper (amounts as
// decimal strings), its reversal, one entry with its lines, and the journal page by page. Entries made
// for a business record (a loan, a meeting…) are corrected through that record, never reversed here.

import { type Actor, assertCan } from "@qadam/core/auth/actor";
import type { JournalLine } from "@qadam/core/books/journal";
import { decodeCursor, type Page, toPage } from "@qadam/core/contract/pagination";
import { DomainError } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import { currency, type Money, money, parseAmount } from "@qadam/core/money";
import { checkDate } from "@qadam/core/orgs/values";
import { findOrganisation } from "../orgs/index.js";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { accountsOf, loadEntry, postEntry, reverseLoadedEntry } from "./store.js";

/** The cause type of entries keyed in by hand; their cause id is the user who posted them. */
export const MANUAL_CAUSE = "manual";

export interface ManualLineInput {
  accountId: string;
  /** Debit positive. */
  amount: Money;
  memo?: string | null | undefined;
}

export interface ManualEntryInput {
  businessDate: string;
  description: string;
  lines: readonly ManualLineInput[];
}

export interface JournalEntryView {
  id: string;
  orgId: string;
  businessDate: string;
  description: string;
  cause: { type: string; id: string };
  reversesId: string | null;
  /** The entry that reversed this one, if any. */
  reversedById: string | null;
  postedAt: string;
  postedBy: string | null;
  lines: Array<{ lineNo: number; accountId: string; account: string; amount: Money; memo: string | null }>;
}

/**
 * An entry as the API takes it (amounts as decimal strings in major units, debit positive: "1250.50" or
 * "-1250.50", each with its currency), its amounts parsed once. Errors: UNKNOWN_CURRENCY, INVALID_AMOUNT.
 */
export function manualEntryFrom(json: {
  businessDate: string;
  description: string;
  lines: ReadonlyArray<{
    accountId: string;
    amount: string;
    currency: string;
    memo?: string | null | undefined;
  }>;
}): ManualEntryInput {
  return {
    businessDate: json.businessDate,
    description: json.description,
    lines: json.lines.map((l) => ({
      accountId: l.accountId,
      amount: parseAmount(l.amount, l.currency),
      memo: l.memo,
    })),
  };
}

/**
 * Posts an entry keyed in by hand (its amounts parsed at the edge: manualEntryFrom). Errors: INVALID_DATE,
 * NOT_FOUND, FORBIDDEN, ORG_DATE_BEFORE_OPENING, and those of postEntry (JOURNAL_UNBALANCED, ACCOUNT_CLOSED…).
 */
export async function postManualEntry(
  trx: Db,
  ctx: CommandContext,
  orgId: string,
  input: ManualEntryInput,
): Promise<JournalEntryView> {
  const org = await findOrganisation(trx, ctx.actor, orgId);
  assertCan(ctx.actor, "books.write", org.path, "organisation");
  const businessDate = checkDate(input.businessDate);
  if (businessDate < org.openedOn)
    throw new DomainError("ORG_DATE_BEFORE_OPENING", { date: businessDate, openedOn: org.openedOn });
  const lines = input.lines.map(
    (l): JournalLine => ({
      account: l.accountId,
      amount: l.amount,
      ...(l.memo ? { memo: l.memo } : {}),
    }),
  );
  const posted = await postEntry(trx, ctx, org.id, {
    businessDate,
    description: input.description,
    cause: { type: MANUAL_CAUSE, id: ctx.actor.userId ?? "operator" },
    lines,
  });
  return journalEntry(trx, ctx.actor, posted.id);
}

/**
 * Reverses an entry keyed in by hand (or the reversal of one). Errors: NOT_FOUND, FORBIDDEN,
 * JOURNAL_ENTRY_NOT_MANUAL, INVALID_DATE, ORG_DATE_BEFORE_OPENING, JOURNAL_ALREADY_REVERSED, ACCOUNT_CLOSED.
 */
export async function reverseManualEntry(
  trx: Db,
  ctx: CommandContext,
  entryId: string,
  correction: { businessDate: string; description: string },
): Promise<JournalEntryView> {
  const original = await loadEntry(trx, ctx.actor, entryId);
  const org = await findOrganisation(trx, ctx.actor, original.orgId);
  assertCan(ctx.actor, "books.write", org.path, "journalEntry");
  if (original.cause.type !== MANUAL_CAUSE) throw new DomainError("JOURNAL_ENTRY_NOT_MANUAL");
  const businessDate = checkDate(correction.businessDate);
  if (businessDate < org.openedOn)
    throw new DomainError("ORG_DATE_BEFORE_OPENING", { date: businessDate, openedOn: org.openedOn });
  const reversal = await reverseLoadedEntry(trx, ctx, original, {
    businessDate,
    description: correction.description,
  });
  return journalEntry(trx, ctx.actor, reversal.id);
}

type EntryRow = {
  id: string;
  orgId: string;
  businessDate: string;
  description: string;
  causeType: string;
  causeId: string;
  reversesId: string | null;
  postedAt: string;
  postedBy: string | null;
};

/** Entries with their lines, account names and reversals, in the order given. */
async function withLines(db: Db, tenantId: string, orgId: string, rows: EntryRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const names = new Map((await accountsOf(db, tenantId, orgId)).map((a) => [a.id, a.fullName]));
  const lines = await db
    .selectFrom("journalLines")
    .select(["entryId", "lineNo", "accountId", "currency", "amount", "memo"])
    .where("tenantId", "=", tenantId)
    .where("entryId", "in", ids)
    .orderBy("entryId")
    .orderBy("lineNo")
    .execute();
  const reversals = await db
    .selectFrom("journalEntries")
    .select(["id", "reversesId"])
    .where("tenantId", "=", tenantId)
    .where("reversesId", "in", ids)
    .execute();
  const reversedBy = new Map(reversals.map((r) => [r.reversesId, r.id]));
  const linesOf = new Map<string, typeof lines>();
  for (const l of lines) {
    const list = linesOf.get(l.entryId);
    if (list) list.push(l);
    else linesOf.set(l.entryId, [l]);
  }
  return rows.map(
    (r): JournalEntryView => ({
      id: r.id,
      orgId: r.orgId,
      businessDate: r.businessDate,
      description: r.description,
      cause: { type: r.causeType, id: r.causeId },
      reversesId: r.reversesId,
      reversedById: reversedBy.get(r.id) ?? null,
      postedAt: r.postedAt,
      postedBy: r.postedBy,
      lines: (linesOf.get(r.id) ?? []).map((l) => ({
        lineNo: l.lineNo,
        accountId: l.accountId,
        account: names.get(l.accountId) ?? l.accountId,
        amount: money(toBigInt(l.amount), currency(l.currency)),
        memo: l.memo,
      })),
    }),
  );
}

const ENTRY_COLUMNS = [
  "id",
  "orgId",
  "businessDate",
  "description",
  "causeType",
  "causeId",
  "reversesId",
  "postedAt",
  "postedBy",
] as const;

/** One entry with its lines, as the actor sees it (NOT_FOUND otherwise). */
export async function journalEntry(db: Db, actor: Actor, entryId: string): Promise<JournalEntryView> {
  const notFound = () => new DomainError("NOT_FOUND", { entity: "journalEntry" });
  if (!isUuid(entryId)) throw notFound();
  const row = await db
    .selectFrom("journalEntries")
    .select(ENTRY_COLUMNS)
    .where("tenantId", "=", actor.tenantId)
    .where("id", "=", entryId)
    .executeTakeFirst();
  if (!row) throw notFound();
  await findOrganisation(db, actor, row.orgId, "journalEntry");
  const [view] = await withLines(db, actor.tenantId, row.orgId, [row]);
  if (!view) throw notFound();
  return view;
}

export interface JournalQuery {
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** The organisation's journal in posting order, optionally within business dates [from, to]. */
export async function journalEntries(
  db: Db,
  actor: Actor,
  orgId: string,
  query: JournalQuery,
): Promise<Page<JournalEntryView>> {
  const org = await findOrganisation(db, actor, orgId);
  const from = query.from === undefined ? undefined : checkDate(query.from);
  const to = query.to === undefined ? undefined : checkDate(query.to);
  if (from && to && to < from) throw new DomainError("PERIOD_INVALID", { from, to });
  const after = decodeCursor(query.cursor);
  const rows = await db
    .selectFrom("journalEntries")
    .select(ENTRY_COLUMNS)
    .where("tenantId", "=", actor.tenantId)
    .where("orgId", "=", org.id)
    .$if(from !== undefined, (qb) => qb.where("businessDate", ">=", from ?? ""))
    .$if(to !== undefined, (qb) => qb.where("businessDate", "<=", to ?? ""))
    .$if(after !== null, (qb) => qb.where("id", ">", after ?? ""))
    .orderBy("id")
    .limit(query.limit + 1)
    .execute();
  const page = toPage(rows, query.limit);
  return { items: await withLines(db, actor.tenantId, org.id, page.items), nextCursor: page.nextCursor };
}
