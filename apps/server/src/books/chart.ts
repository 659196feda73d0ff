// Editing a chart of accounts once the books are open: adding an account under a parent (it takes the
// parent's type), renaming one, and closing one whose lines sum to zero in every currency and that has
// no open account under it. Each command checks "books.write" before judging the request (403 first).

import { type Actor, assertCan } from "@qadam/core/auth/actor";
import { ledgerAccountName } from "@qadam/core/books/ledger-format";
import { DomainError } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import { currency, isZero, money } from "@qadam/core/money";
import type { Organisation } from "@qadam/core/orgs/types";
import { findOrganisation } from "../orgs/index.js";
import type { CommandContext } from "../platform/commands.js";
import { dialectOf } from "../platform/db/column-types.js";
import { isUniqueViolation } from "../platform/db/constraint-errors.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { type Account, accountsOf, forgetActiveAccounts } from "./store.js";

const CODE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/;
const MAX_ACCOUNT_NAME = 200;

/** An account code as stored: 1 to 20 letters, digits, dots, dashes or underscores (ACCOUNT_CODE_INVALID). */
export function accountCode(raw: string): string {
  const code = raw.trim();
  if (!CODE.test(code)) throw new DomainError("ACCOUNT_CODE_INVALID", { code: raw.slice(0, 40) });
  return code;
}

/**
 * An account name as stored, whitespace runs made one space. ":" is refused: it separates the levels
 * of full names ("Assets:Cash"), which reports and the ledger export rely on (ACCOUNT_NAME_INVALID).
 */
export function accountName(raw: string): string {
  const name = raw.replace(/\s+/g, " ").trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (name === "" || name.length > MAX_ACCOUNT_NAME || /[:\u0000-\u001f\u007f]/.test(name))
    throw new DomainError("ACCOUNT_NAME_INVALID");
  return name;
}

/** Siblings may not share a name: their full names, and so the ledger export, would merge them. */
function assertNameFree(chart: readonly Account[], parentId: string | null, name: string, self?: string) {
  const wanted = ledgerAccountName(name);
  if (chart.some((a) => a.parentId === parentId && a.id !== self && ledgerAccountName(a.name) === wanted))
    throw new DomainError("ACCOUNT_NAME_TAKEN", { name });
}

interface AccountInBooks {
  account: Account;
  org: Organisation;
  chart: Account[];
}

/** The account, its organisation and chart, as the actor sees them (NOT_FOUND otherwise). */
async function loadAccount(db: Db, actor: Actor, accountId: string): Promise<AccountInBooks> {
  const notFound = () => new DomainError("NOT_FOUND", { entity: "account" });
  if (!isUuid(accountId)) throw notFound();
  const row = await db
    .selectFrom("accounts")
    .select("orgId")
    .where("tenantId", "=", actor.tenantId)
    .where("id", "=", accountId)
    .executeTakeFirst();
  if (!row) throw notFound();
  const org = await findOrganisation(db, actor, row.orgId, "account");
  const chart = await accountsOf(db, actor.tenantId, org.id);
  const account = chart.find((a) => a.id === accountId);
  if (!account) throw notFound();
  return { account, org, chart };
}

/** One account, with its full name and status, as the actor sees it (NOT_FOUND otherwise). */
export async function findAccount(db: Db, actor: Actor, accountId: string): Promise<Account> {
  return (await loadAccount(db, actor, accountId)).account;
}

/**
 * Adds an account under a parent of the organisation's chart; it takes the parent's type, so a
 * top-level account cannot be added. Errors: NOT_FOUND, FORBIDDEN, ACCOUNT_CODE_INVALID,
 * ACCOUNT_NAME_INVALID, BOOKS_NOT_OPEN, ACCOUNT_CLOSED (the parent), ACCOUNT_CODE_TAKEN, ACCOUNT_NAME_TAKEN.
 */
export async function addAccount(
  trx: Db,
  ctx: CommandContext,
  orgId: string,
  input: { code: string; name: string; parentId: string },
): Promise<Account> {
  const org = await findOrganisation(trx, ctx.actor, orgId);
  assertCan(ctx.actor, "books.write", org.path, "organisation");
  const code = accountCode(input.code);
  const name = accountName(input.name);
  const chart = await accountsOf(trx, ctx.actor.tenantId, org.id);
  if (chart.length === 0) throw new DomainError("BOOKS_NOT_OPEN", { org: org.name });
  const parent = chart.find((a) => a.id === input.parentId);
  if (!parent) throw new DomainError("NOT_FOUND", { entity: "account" });
  // Share-locked on PostgreSQL, like the accounts of a posting, so that closing the parent waits.
  const parentNow = await trx
    .selectFrom("accounts")
    .select("status")
    .where("id", "=", parent.id)
    .$if(dialectOf(trx) === "postgres", (qb) => qb.forKeyShare())
    .executeTakeFirstOrThrow();
  if (parentNow.status === "closed") throw new DomainError("ACCOUNT_CLOSED", { account: parent.fullName });
  if (chart.some((a) => a.code === code)) throw new DomainError("ACCOUNT_CODE_TAKEN", { code });
  assertNameFree(chart, parent.id, name);
  const account: Account = {
    id: ctx.ids.next(),
    orgId: org.id,
    code,
    name,
    fullName: `${parent.fullName}:${name}`,
    type: parent.type,
    parentId: parent.id,
    status: "active",
  };
  try {
    await trx
      .insertInto("accounts")
      .values({
        id: account.id,
        tenantId: ctx.actor.tenantId,
        orgId: org.id,
        code,
        name,
        type: account.type,
        parentId: parent.id,
        status: "active",
        createdAt: ctx.now,
      })
      .execute();
  } catch (error) {
    // The only unique key a new row can collide on is (org, code): a concurrent addition won.
    if (isUniqueViolation(error)) throw new DomainError("ACCOUNT_CODE_TAKEN", { code });
    throw error;
  }
  ctx.touched("account", account.id);
  return account;
}

/**
 * Renames an account (its lines and the accounts under it follow, being linked by id).
 * Errors: NOT_FOUND, FORBIDDEN, ACCOUNT_NAME_INVALID, ACCOUNT_NAME_TAKEN.
 */
export async function renameAccount(
  trx: Db,
  ctx: CommandContext,
  accountId: string,
  input: { name: string },
): Promise<Account> {
  const { account, org, chart } = await loadAccount(trx, ctx.actor, accountId);
  assertCan(ctx.actor, "books.write", org.path, "account");
  const name = accountName(input.name);
  assertNameFree(chart, account.parentId, name, account.id);
  await trx
    .updateTable("accounts")
    .set({ name })
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("id", "=", account.id)
    .execute();
  ctx.touched("account", account.id);
  const parent = chart.find((a) => a.id === account.parentId);
  return { ...account, name, fullName: parent ? `${parent.fullName}:${name}` : name };
}

/**
 * Closes an account: it keeps its history but takes no new lines. Only an account below the top of
 * the chart, with no open account under it, whose lines sum to zero in every currency. On PostgreSQL
 * the row lock waits for postings and additions under it still in flight, so that they are counted.
 * Errors: NOT_FOUND, FORBIDDEN, ACCOUNT_CLOSED, ACCOUNT_TOP_LEVEL, ACCOUNT_HAS_CHILDREN, ACCOUNT_NOT_EMPTY.
 */
export async function closeAccount(trx: Db, ctx: CommandContext, accountId: string): Promise<Account> {
  const { account, org } = await loadAccount(trx, ctx.actor, accountId);
  assertCan(ctx.actor, "books.write", org.path, "account");
  const locked = await trx
    .selectFrom("accounts")
    .select("status")
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("id", "=", account.id)
    .$if(dialectOf(trx) === "postgres", (qb) => qb.forUpdate())
    .executeTakeFirstOrThrow();
  if (locked.status === "closed") throw new DomainError("ACCOUNT_CLOSED", { account: account.fullName });
  if (account.parentId === null) throw new DomainError("ACCOUNT_TOP_LEVEL", { account: account.fullName });
  const openChild = await trx
    .selectFrom("accounts")
    .select("id")
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("parentId", "=", account.id)
    .where("status", "=", "active")
    .executeTakeFirst();
  if (openChild) throw new DomainError("ACCOUNT_HAS_CHILDREN", { account: account.fullName });
  const sums = await trx
    .selectFrom("journalLines")
    .select(["currency", (eb) => eb.fn.sum<string | number | bigint>("amount").as("total")])
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("accountId", "=", account.id)
    .groupBy("currency")
    .orderBy("currency")
    .execute();
  for (const s of sums) {
    const balance = money(toBigInt(s.total), currency(s.currency));
    if (!isZero(balance))
      throw new DomainError("ACCOUNT_NOT_EMPTY", {
        account: account.fullName,
        balance,
      });
  }
  await trx
    .updateTable("accounts")
    .set({ status: "closed" })
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("id", "=", account.id)
    .execute();
  forgetActiveAccounts(trx, ctx, org.id);
  ctx.touched("account", account.id);
  return { ...account, status: "closed" };
}
