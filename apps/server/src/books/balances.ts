// Balances other domains read from the books without reading the books' tables: an organisation's
// account totals up to a date (from the daily-balance cache) and the totals of one account per party
// (from the journal lines that name one, a group's savings per member say). Prepared statements: a
// meeting reads them on every write.
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { prepared } from "../platform/db/prepared.js";

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
