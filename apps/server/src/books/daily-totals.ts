// Each account's total of the day (account_daily_balances), the cache every balance and report reads
// instead of summing journal lines. Inside a command's transaction the entries' lines are added up per
// account, currency and day, and each day's total is written once, before the commit
// (platform/db/deferred-writes.ts): a batch of a hundred repayments updates a handful of rows, not
// three hundred. A reader of the totals in the same transaction writes them first (flushDailyTotals).
import type { JournalLine } from "@qadam/core/books/journal";
import { sql } from "kysely";
import type { Db } from "../platform/db/database.js";
import { DeferredWrites } from "../platform/db/deferred-writes.js";
import { prepared, type Row } from "../platform/db/prepared.js";
import type { AccountDailyBalancesTable } from "../platform/db/schema.js";

type DailyTotal = {
  tenantId: string;
  orgId: string;
  accountId: string;
  currency: string;
  businessDate: string;
  amount: bigint;
};

const ADD_TO_DAILY_BALANCES = prepared((db, a: { rows: ReadonlyArray<Row<AccountDailyBalancesTable>> }) =>
  db
    .insertInto("accountDailyBalances")
    .values(a.rows)
    .onConflict((oc) =>
      oc
        .columns(["accountId", "currency", "businessDate"])
        .doUpdateSet({ amount: sql`account_daily_balances.amount + excluded.amount` }),
    ),
);

/** Rows per statement: few enough that every count has its statement compiled and kept (prepared.ts). */
const ROWS_PER_STATEMENT = 64;

async function write(trx: Db, totals: Iterable<DailyTotal>): Promise<void> {
  // In key order, so that two transactions on PostgreSQL lock the rows they share in the same order.
  const rows = [...totals].sort((a, b) =>
    a.accountId !== b.accountId
      ? a.accountId < b.accountId
        ? -1
        : 1
      : a.currency !== b.currency
        ? a.currency < b.currency
          ? -1
          : 1
        : a.businessDate < b.businessDate
          ? -1
          : a.businessDate > b.businessDate
            ? 1
            : 0,
  );
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
    await ADD_TO_DAILY_BALANCES.execute(trx, {
      rows: rows.slice(i, i + ROWS_PER_STATEMENT).map((r) => ({
        tenantId: r.tenantId,
        orgId: r.orgId,
        accountId: r.accountId,
        currency: r.currency,
        businessDate: r.businessDate,
        amount: r.amount,
      })),
    });
}

/** The day's totals a transaction has yet to write, by account, currency and day. */
const PENDING = new DeferredWrites<Map<string, DailyTotal>>(
  () => new Map(),
  (trx, pending) => write(trx, pending.values()),
);

/** Adds an entry's lines to each account's total of the day (one row per account, currency and date). */
export async function addToDailyTotals(
  trx: Db,
  tenantId: string,
  orgId: string,
  businessDate: string,
  lines: readonly JournalLine[],
): Promise<void> {
  const pending = PENDING.pending(trx);
  const net = pending ?? new Map<string, DailyTotal>();
  for (const l of lines) {
    const key = `${l.account}/${l.amount.currency}/${businessDate}`;
    const total = net.get(key);
    if (total) total.amount += l.amount.minor;
    else
      net.set(key, {
        tenantId,
        orgId,
        accountId: l.account,
        currency: l.amount.currency,
        businessDate,
        amount: l.amount.minor,
      });
  }
  if (!pending) await write(trx, net.values());
}

/** Writes the day's totals pending in `db`'s transaction: every reader of the totals calls this first. */
export function flushDailyTotals(db: Db): Promise<void> {
  return PENDING.flush(db);
}
