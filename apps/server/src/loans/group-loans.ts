// The loans lent to the self-help groups of a subtree (borrower_type = 'group'), as they stood on a date,
// for the federation roll-up: set-wise, a few queries for the whole subtree, never one per group.

import { daysBetween } from "@qadam/core/clock";
import { arrearsOn } from "@qadam/core/loans/arrears";
import { owedOf, principalOutstanding } from "@qadam/core/loans/engine";
import { type Currency, currency } from "@qadam/core/money";
import { sql } from "kysely";
import { shgIdsUnder } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt, toCount } from "../platform/db/ints.js";
import { installmentsOn } from "./queries.js";

type Int = string | number | bigint;

/** Loans to one group in one currency, outstanding on the date, that are the same days past due. */
export interface GroupLoanPosition {
  groupId: string;
  currency: Currency;
  /** How many loans with principal outstanding. */
  loans: number;
  principalOutstanding: bigint;
  daysPastDue: number;
}

/**
 * The loans disbursed to the groups of an organisation's subtree by `on`, outstanding on it, as
 * portfolioAtRiskFor reads them: the cached columns for loans with no activity after the date, rebuilt
 * from the dated allocations for the others. Several positions may share a group and currency.
 */
export async function groupLoanPositions(
  db: Db,
  subtree: { tenantId: string; path: string },
  on: string,
): Promise<GroupLoanPosition[]> {
  const groups = shgIdsUnder(db, subtree);
  const toGroups = db
    .selectFrom("loans")
    .where("tenantId", "=", subtree.tenantId)
    .where("borrowerType", "=", "group")
    .where("borrowerId", "in", groups)
    .where("disbursedOn", "<=", on);
  const [cached, later] = await Promise.all([
    // No activity after the date: the cached state holds on it, summed by the day arrears began.
    toGroups
      .select((eb) => [
        "borrowerId",
        "currency",
        "arrearsSince",
        eb.fn.sum<Int>("principalOutstanding").as("principal"),
        sql<Int>`sum(case when principal_outstanding > 0 then 1 else 0 end)`.as("loans"),
      ])
      .where("lastActivityOn", "<=", on)
      .groupBy(["borrowerId", "currency", "arrearsSince"])
      .execute(),
    // Activity after the date: rebuilt from the record of that date.
    toGroups
      .select(["id", "borrowerId", "currency", "writtenOffOn"])
      .where("lastActivityOn", ">", on)
      .execute(),
  ]);
  const positions: GroupLoanPosition[] = cached.map((r) => ({
    groupId: r.borrowerId,
    currency: currency(r.currency),
    loans: toCount(r.loans),
    principalOutstanding: toBigInt(r.principal),
    daysPastDue: r.arrearsSince === null ? 0 : daysBetween(r.arrearsSince, on),
  }));
  const live = later.filter((l) => l.writtenOffOn === null || l.writtenOffOn > on);
  for (let k = 0; k < live.length; k += 500) {
    const batch = live.slice(k, k + 500);
    const state = await installmentsOn(
      db,
      batch.map((l) => l.id),
      on,
    );
    for (const l of batch) {
      const installments = state.get(l.id) ?? [];
      const principal = principalOutstanding(installments);
      if (principal <= 0n) continue;
      positions.push({
        groupId: l.borrowerId,
        currency: currency(l.currency),
        loans: 1,
        principalOutstanding: principal,
        daysPastDue: arrearsOn(on, owedOf(installments)).daysPastDue,
      });
    }
  }
  return positions;
}
