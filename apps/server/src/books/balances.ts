// Balances other domains read from the books without reading the books' tables: an organisation's
// account totals up to a date (from the daily-balance cache) and the totals of one account per party
// (from the journal lines that name one, a group's savings per member say). Prepared statements: a
// meeting reads them on every write.
import { sql } from "kysely";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { prepared } from "../platform/db/prepared.js";
import { slicesOf } from "../platform/db/slices.js";
import { flushDailyTotals } from "./daily-totals.js";

type Int = string | number | bigint;

const ACCOUNT_TOTALS = prepared((db, a: { tenantId: string; orgId: string; through: string }) =>
  db
    .selectFrom("accountDailyBalances")
    .select((eb) => ["accountId", eb.fn.sum<Int>("amount").as("total")])
    .where("tenantId", "=", a.tenantId)
    .where("orgId", "=", a.orgId)
    .where("businessDate", "<=", a.through)
    .groupBy("accountId"),
);

/** Each account's balance (debit positive) of the organisation up to and including `through`. */
export async function accountTotals(
  db: Db,
  org: { tenantId: string; id: string },
  through: string,
): Promise<Map<string, bigint>> {
  await flushDailyTotals(db);
  const rows = await ACCOUNT_TOTALS.rows(db, { tenantId: org.tenantId, orgId: org.id, through });
  return new Map(rows.map((r) => [r.accountId, toBigInt(r.total)]));
}

const byParty = (db: Db, a: { accountId: string; through: string }) =>
  db
    .selectFrom("journalLines")
    .select((eb) => ["partyId", eb.fn.sum<Int>("amount").as("total")])
    .where("accountId", "=", a.accountId)
    .where("partyId", "is not", null)
    .where("businessDate", "<=", a.through)
    .groupBy("partyId");
const EVERY_PARTY = prepared((db, a: { accountId: string; through: string }) => byParty(db, a));
const SOME_PARTIES = prepared((db, a: { accountId: string; through: string; parties: readonly string[] }) =>
  byParty(db, a).where("partyId", "in", a.parties),
);

/**
 * The account's balance (debit positive) per party named on its lines, up to and including `through`:
 * of every party, or only of `parties`.
 */
export async function partyTotals(
  db: Db,
  accountId: string,
  through: string,
  parties: readonly string[] | null = null,
): Promise<Map<string, bigint>> {
  if (parties !== null && parties.length === 0) return new Map();
  const rows =
    parties === null
      ? await EVERY_PARTY.rows(db, { accountId, through })
      : await SOME_PARTIES.rows(db, { accountId, through, parties });
  const out = new Map<string, bigint>();
  for (const r of rows) if (r.partyId) out.set(r.partyId, toBigInt(r.total));
  return out;
}

/** The account's balance (debit positive) from the entries posted up to and including the instant. */
export async function accountTotalPostedBy(
  db: Db,
  tenantId: string,
  accountId: string,
  postedAt: string,
): Promise<bigint> {
  const row = await db
    .selectFrom("journalLines as l")
    .innerJoin("journalEntries as e", "e.id", "l.entryId")
    .select((eb) => eb.fn.sum<Int | null>("l.amount").as("total"))
    .where("l.tenantId", "=", tenantId)
    .where("l.accountId", "=", accountId)
    .where("e.postedAt", "<=", postedAt)
    .executeTakeFirst();
  return toBigInt(row?.total ?? 0);
}

/** A slice of organisations small enough for any database's parameter limit. */
const SLICE = 1000;

export interface CodeTotal {
  orgId: string;
  code: string;
  currency: string;
  /** The balance (debit positive) at the end of the day `to`. */
  balance: bigint;
  /** Its movement from `from` to `to`, both included. */
  inPeriod: bigint;
}

/**
 * For many organisations at once (a federation's groups), each account of the given codes: its balance
 * at `to` and its movement in the period, from the daily totals, summed in the database per account.
 */
export async function codeTotals(
  db: Db,
  a: { tenantId: string; orgIds: readonly string[]; codes: readonly string[]; from: string; to: string },
): Promise<CodeTotal[]> {
  await flushDailyTotals(db);
  const out: CodeTotal[] = [];
  for (const orgIds of slicesOf(a.orgIds, SLICE)) {
    const accounts = db
      .selectFrom("accounts")
      .select("id")
      .where("tenantId", "=", a.tenantId)
      .where("orgId", "in", orgIds)
      .where("code", "in", [...a.codes]);
    const rows = await db
      .selectFrom(
        db
          .selectFrom("accountDailyBalances as b")
          .select([
            "b.accountId",
            "b.currency",
            (eb) => eb.fn.sum<Int>("b.amount").as("balance"),
            sql<Int>`sum(case when b.business_date >= ${a.from} then b.amount else 0 end)`.as("inPeriod"),
          ])
          .where("b.accountId", "in", accounts)
          .where("b.businessDate", "<=", a.to)
          .groupBy(["b.accountId", "b.currency"])
          .as("x"),
      )
      .innerJoin("accounts as a", "a.id", "x.accountId")
      .select(["a.orgId", "a.code", "x.currency", "x.balance", "x.inPeriod"])
      .execute();
    for (const r of rows)
      out.push({
        orgId: r.orgId,
        code: r.code,
        currency: r.currency,
        balance: toBigInt(r.balance),
        inPeriod: toBigInt(r.inPeriod),
      });
  }
  return out;
}

/**
 * For many organisations at once, each with its own start (a group's latest share-out), the movement of
 * each account of the given codes after that day up to `to` included, per currency. One query per
 * distinct start: groups share a handful of share-out days.
 */
export async function codeMovementsAfter(
  db: Db,
  a: { tenantId: string; after: ReadonlyMap<string, string>; codes: readonly string[]; to: string },
): Promise<Array<{ orgId: string; code: string; currency: string; movement: bigint }>> {
  const byDay = new Map<string, string[]>();
  for (const [orgId, day] of a.after) {
    const orgs = byDay.get(day);
    if (orgs) orgs.push(orgId);
    else byDay.set(day, [orgId]);
  }
  await flushDailyTotals(db);
  const out: Array<{ orgId: string; code: string; currency: string; movement: bigint }> = [];
  for (const [day, orgs] of byDay)
    for (const orgIds of slicesOf(orgs, SLICE)) {
      const rows = await db
        .selectFrom("accountDailyBalances as b")
        .innerJoin("accounts as a", "a.id", "b.accountId")
        .select(["a.orgId", "a.code", "b.currency", (eb) => eb.fn.sum<Int>("b.amount").as("movement")])
        .where("a.tenantId", "=", a.tenantId)
        .where("a.orgId", "in", orgIds)
        .where("a.code", "in", [...a.codes])
        .where("b.businessDate", ">", day)
        .where("b.businessDate", "<=", a.to)
        .groupBy(["a.orgId", "a.code", "b.currency"])
        .execute();
      for (const r of rows)
        out.push({ orgId: r.orgId, code: r.code, currency: r.currency, movement: toBigInt(r.movement) });
    }
  return out;
}

/** The account's balance (debit positive) from the entries one cause posted (a loan's, say). */
export async function accountTotalCausedBy(
  db: Db,
  tenantId: string,
  cause: { type: string; id: string },
  accountId: string,
): Promise<bigint> {
  const row = await db
    .selectFrom("journalLines as l")
    .innerJoin("journalEntries as e", "e.id", "l.entryId")
    .select((eb) => eb.fn.sum<Int | null>("l.amount").as("total"))
    .where("e.tenantId", "=", tenantId)
    .where("e.causeType", "=", cause.type)
    .where("e.causeId", "=", cause.id)
    .where("l.accountId", "=", accountId)
    .executeTakeFirst();
  return toBigInt(row?.total ?? 0);
}
