// Storage side of the group roll-up: each group's facts counted in SQL — one query per table over the
// whole subtree, grouped by group, never one query per group — into its tallies (rollup-groups.ts).
// Balances are read from the daily totals (account_daily_balances), not from journal lines. Internal and
// external loans are in rollup-loans.ts.

import { addDays, daysBetween } from "@qadam/core/clock";
import { SHG_ACCOUNTS } from "@qadam/core/groups/meeting";
import { expectedMeetings, type MeetingRules } from "@qadam/core/groups/meeting-calendar";
import { groupRulesSpec, type MeetingSchedule } from "@qadam/core/groups/rules";
import type { Organisation } from "@qadam/core/orgs/types";
import { sql } from "kysely";
import { codeMovementsAfter, codeTotals } from "../books/index.js";
import { gradesOnDate } from "../grades/index.js";
import { shgIdsUnder } from "../orgs/index.js";
import { membershipMovements } from "../people/index.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt, toCount } from "../platform/db/ints.js";
import type { Period, Tallies } from "./rollup-groups.js";

type Int = string | number | bigint;

/** Members at the start and end of the period, joined and left in it (membersOn's rule at each date). */
async function countMembers(db: Db, org: Organisation, { from, to }: Period, tallies: Tallies) {
  for (const r of await membershipMovements(db, org, from, to)) {
    const t = tallies.of(r.groupId);
    if (!t) continue;
    t.membersAtStart += r.atStart;
    t.members += r.atEnd;
    t.joined += r.joined;
    t.left += r.left;
  }
}

/** Posted meetings held in the period, and their attendance (late counts as present, as in grading). */
async function countMeetings(db: Db, org: Organisation, { from, to }: Period, tallies: Tallies) {
  const posted = db
    .selectFrom("meetings as m")
    .where("m.tenantId", "=", org.tenantId)
    .where("m.orgId", "in", shgIdsUnder(db, org))
    .where("m.status", "=", "posted")
    .where("m.heldOn", ">=", from)
    .where("m.heldOn", "<=", to);
  const [held, attendance] = await Promise.all([
    posted
      .select(["m.orgId", (eb) => eb.fn.countAll<Int>().as("n")])
      .groupBy("m.orgId")
      .execute(),
    posted
      .innerJoin("meetingAttendance as a", "a.meetingId", "m.id")
      .select([
        "m.orgId",
        (eb) => eb.fn.countAll<Int>().as("n"),
        sql<Int>`sum(case when a.status in ('present', 'late', 'represented') then 1 else 0 end)`.as(
          "attended",
        ),
      ])
      .groupBy("m.orgId")
      .execute(),
  ]);
  for (const r of held) {
    const t = tallies.of(r.orgId);
    if (!t) continue;
    t.meetingsHeld += toCount(r.n);
    t.activeGroups += toCount(r.n) > 0 ? 1 : 0;
  }
  for (const r of attendance) {
    const t = tallies.of(r.orgId);
    if (!t) continue;
    t.memberMeetings += toCount(r.n);
    t.attendances += toCount(r.attended);
  }
}

const CODES = SHG_ACCOUNTS;
const RESULT_CODES: readonly string[] = [
  CODES.interest,
  CODES.fines,
  CODES.otherIncome,
  CODES.expenses,
  CODES.externalInterest,
];

/** Each group's latest share-out on or before `to`, as a subquery. */
function lastShareouts(db: Db, org: Organisation, to: string) {
  return db
    .selectFrom("shareouts")
    .select(["orgId", (eb) => eb.fn.max("closedOn").as("lastClosed")])
    .where("tenantId", "=", org.tenantId)
    .where("orgId", "in", shgIdsUnder(db, org))
    .where("closedOn", "<=", to)
    .groupBy("orgId");
}

/**
 * Balances at the end of the period from the daily totals, and their movements in the period and in the
 * cycle (after the group's latest share-out on or before the end; with none, every movement is in it),
 * and the share-outs closed in the period with what they paid. The totals are summed per account in the
 * order of their key (account, currency, date), so no sort is needed; the cycle's part is read again
 * only for the groups that held a share-out.
 */
async function countBooks(
  db: Db,
  org: Organisation,
  { from, to }: Period,
  lastClosed: ReadonlyMap<string, string>,
  tallies: Tallies,
) {
  const groupIds = [...tallies.groups.keys()];
  const [balances, cycles, shareouts] = await Promise.all([
    codeTotals(db, { tenantId: org.tenantId, orgIds: groupIds, codes: Object.values(CODES), from, to }),
    codeMovementsAfter(db, {
      tenantId: org.tenantId,
      after: lastClosed,
      codes: [CODES.savings, ...RESULT_CODES],
      to,
    }),
    db
      .selectFrom("shareouts as s")
      .select([
        "s.orgId",
        (eb) => eb.fn.countAll<Int>().as("n"),
        // Paid in cash: the claims less what stayed in the group as opening savings.
        sql<Int>`sum((select sum(l.payout - l.carried_over) from shareout_lines l where l.shareout_id = s.id))`.as(
          "paid",
        ),
        sql<Int>`sum((select sum(l.savings - l.carried_over) from shareout_lines l where l.shareout_id = s.id))`.as(
          "returned",
        ),
      ])
      .where("s.tenantId", "=", org.tenantId)
      .where("s.orgId", "in", shgIdsUnder(db, org))
      .where("s.closedOn", ">=", from)
      .where("s.closedOn", "<=", to)
      .groupBy("s.orgId")
      .execute(),
  ]);
  /** Movements in the cycle, from the balance for a group without a share-out, else from `cycles`. */
  const inCycle = (orgId: string, balance: bigint) => (lastClosed.has(orgId) ? 0n : balance);
  for (const r of balances) {
    const t = tallies.of(r.orgId, r.currency);
    if (!t) continue;
    const balance = r.balance;
    if (r.code === CODES.cashBox || r.code === CODES.bank) t.loanFundCash += balance;
    else if (r.code === CODES.socialFundCash) t.otherFundsCash += balance;
    else if (r.code === CODES.savings) {
      t.savingsTotal -= balance;
      t.savingsInCycle -= inCycle(r.orgId, balance);
      t.savedInPeriod -= r.inPeriod;
    } else if (RESULT_CODES.includes(r.code)) t.profitInCycle -= inCycle(r.orgId, balance);
  }
  for (const r of cycles) {
    const t = tallies.of(r.orgId, r.currency);
    if (!t) continue;
    if (r.code === CODES.savings) t.savingsInCycle -= r.movement;
    else t.profitInCycle -= r.movement;
  }
  for (const r of shareouts) {
    const t = tallies.of(r.orgId);
    if (!t) continue;
    t.shareouts += toCount(r.n);
    t.sharedOut += toBigInt(r.paid);
    // A share-out gives the members' savings back through account 21 (less what it carries over as
    // opening savings, credited back to 21): that is not a withdrawal, nor is the carrying over a saving.
    t.savedInPeriod += toBigInt(r.returned);
  }
}

/**
 * Meetings the rules expected in the period, and the whole weeks of each group's cycle at its end: from
 * the day after its latest share-out, else its first rules, else its opening.
 */
async function countCalendar(
  db: Db,
  org: Organisation,
  { from, to }: Period,
  lastClosed: ReadonlyMap<string, string>,
  tallies: Tallies,
) {
  const rules = await db
    .selectFrom("groupRules")
    .select(["orgId", "validFrom", "spec"])
    .where("tenantId", "=", org.tenantId)
    .where("orgId", "in", shgIdsUnder(db, org))
    .orderBy("orgId")
    .orderBy("validFrom")
    .execute();
  const versions = new Map<string, MeetingRules[]>();
  const schedules = new Map<string, MeetingSchedule>();
  for (const r of rules) {
    let schedule = schedules.get(r.spec);
    if (!schedule) {
      schedule = groupRulesSpec.shape.meetings.parse((JSON.parse(r.spec) as { meetings: unknown }).meetings);
      schedules.set(r.spec, schedule);
    }
    const list = versions.get(r.orgId) ?? [];
    list.push({ validFrom: r.validFrom, meetings: schedule });
    versions.set(r.orgId, list);
  }
  // Groups share a handful of calendars: count each one once.
  const expected = new Map<string, number>();
  for (const group of tallies.groups.values()) {
    const t = tallies.of(group.id);
    if (!t) continue;
    const list = versions.get(group.id) ?? [];
    const key = JSON.stringify(list);
    let n = expected.get(key);
    if (n === undefined) {
      n = expectedMeetings(list, from, to).length;
      expected.set(key, n);
    }
    t.groups += 1;
    t.meetingsExpected += n;
    const closed = lastClosed.get(group.id);
    const start = closed === undefined ? (list[0]?.validFrom ?? group.openedOn) : addDays(closed, 1);
    t.groupWeeks += start > to ? 0 : Math.floor(daysBetween(start, to) / 7);
  }
}

/** Each group by its latest grade on or before the end of the period; ungraded when it has none. */
async function countGrades(db: Db, org: Organisation, { to }: Period, tallies: Tallies) {
  const latest = await gradesOnDate(db, org.tenantId, [...tallies.groups.keys()], to);
  for (const group of tallies.groups.values()) {
    const t = tallies.of(group.id);
    if (!t) continue;
    const grade = latest.get(group.id);
    if (grade === "A") t.gradedA += 1;
    else if (grade === "B") t.gradedB += 1;
    else if (grade === "C") t.gradedC += 1;
    else t.ungraded += 1;
  }
}

/** Every fact the group records give, except loans: each table read once for the whole subtree. */
export async function countGroupRecords(
  db: Db,
  org: Organisation,
  period: Period,
  tallies: Tallies,
): Promise<void> {
  const lastClosed = new Map(
    (await lastShareouts(db, org, period.to).execute()).map((s) => [s.orgId, String(s.lastClosed)]),
  );
  await Promise.all([
    countMembers(db, org, period, tallies),
    countMeetings(db, org, period, tallies),
    countBooks(db, org, period, lastClosed, tallies),
    countCalendar(db, org, period, lastClosed, tallies),
    countGrades(db, org, period, tallies),
  ]);
}
