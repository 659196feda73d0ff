// A group's roster as the group's own books read it: who was a member on a date, and whether a person
// ever belonged; and the membership movements of a whole subtree's groups, for the federation roll-up.
// The group or subtree has already been found through the actor's visibility by its caller.

import { sql } from "kysely";
import { shgIdsUnder } from "../../orgs/index.js";
import type { Db } from "../../platform/db/database.js";
import { toCount } from "../../platform/db/ints.js";
import { prepared } from "../../platform/db/prepared.js";

type Int = string | number | bigint;

/** The group whose roster is read: its tenant and its id. */
export interface GroupRef {
  tenantId: string;
  id: string;
}

export interface MemberOnDate {
  personId: string;
  name: string;
  joinedOn: string;
  leftOn: string | null;
}

const MEMBERS_ON = prepared((db, a: { tenantId: string; groupId: string; date: string }) =>
  db
    .selectFrom("memberships as m")
    .innerJoin("persons as p", "p.id", "m.personId")
    .select(["m.personId", "p.givenName", "p.familyName", "m.joinedOn", "m.leftOn"])
    .where("m.tenantId", "=", a.tenantId)
    .where("m.groupId", "=", a.groupId)
    .where("m.joinedOn", "<=", a.date)
    .where((eb) => eb.or([eb("m.leftOn", "is", null), eb("m.leftOn", ">", a.date)]))
    .orderBy("m.joinedOn")
    .orderBy("m.personId"),
);

/** Members of the group on a date: joined on or before it, not left by it; in the order they joined. */
export async function membersOn(db: Db, group: GroupRef, date: string): Promise<MemberOnDate[]> {
  const rows = await MEMBERS_ON.rows(db, { tenantId: group.tenantId, groupId: group.id, date });
  return rows.map((r) => ({
    personId: r.personId,
    name: [r.givenName, r.familyName].filter(Boolean).join(" "),
    joinedOn: r.joinedOn,
    leftOn: r.leftOn,
  }));
}

/** Which of the people are members of the group today (joined, not left). */
export async function currentMembersAmong(
  db: Db,
  group: GroupRef,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("memberships")
    .select("personId")
    .where("tenantId", "=", group.tenantId)
    .where("groupId", "=", group.id)
    .where("personId", "in", [...personIds])
    .where("leftOn", "is", null)
    .execute();
  return new Set(rows.map((r) => r.personId));
}

/** Whether the person is or ever was a member of the group. */
export async function everMember(db: Db, group: GroupRef, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom("memberships")
    .select("id")
    .where("tenantId", "=", group.tenantId)
    .where("groupId", "=", group.id)
    .where("personId", "=", personId)
    .executeTakeFirst();
  return row !== undefined;
}

/** When each of the people first joined the group (people who never did are left out). */
export async function firstJoinedOn(
  db: Db,
  group: GroupRef,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("memberships")
    .select((eb) => ["personId", eb.fn.min<string>("joinedOn").as("joinedOn")])
    .where("tenantId", "=", group.tenantId)
    .where("groupId", "=", group.id)
    .where("personId", "in", personIds)
    .groupBy("personId")
    .execute();
  return new Map(rows.map((r) => [r.personId, r.joinedOn]));
}

/** Memberships of one group over a period, counted by membersOn's rule at each end of it. */
export interface MembershipMovements {
  groupId: string;
  /** Members on the day before the period starts. */
  atStart: number;
  /** Members on its last day. */
  atEnd: number;
  joined: number;
  left: number;
}

/**
 * The membership movements of every group of an organisation's subtree (the organisation itself if it
 * is a group), in one query for the whole subtree; groups with no membership at all are left out.
 */
export async function membershipMovements(
  db: Db,
  subtree: { tenantId: string; path: string },
  from: string,
  to: string,
): Promise<MembershipMovements[]> {
  const groups = shgIdsUnder(db, subtree);
  const rows = await db
    .selectFrom("memberships as m")
    .select([
      "m.groupId",
      sql<Int>`sum(case when m.joined_on < ${from} and (m.left_on is null or m.left_on >= ${from}) then 1 else 0 end)`.as(
        "atStart",
      ),
      sql<Int>`sum(case when m.joined_on <= ${to} and (m.left_on is null or m.left_on > ${to}) then 1 else 0 end)`.as(
        "atEnd",
      ),
      sql<Int>`sum(case when m.joined_on >= ${from} and m.joined_on <= ${to} then 1 else 0 end)`.as("joined"),
      sql<Int>`sum(case when m.left_on >= ${from} and m.left_on <= ${to} then 1 else 0 end)`.as(
        "leftInPeriod",
      ),
    ])
    .where("m.tenantId", "=", subtree.tenantId)
    .where("m.groupId", "in", groups)
    .groupBy("m.groupId")
    .execute();
  return rows.map((r) => ({
    groupId: r.groupId,
    atStart: toCount(r.atStart),
    atEnd: toCount(r.atEnd),
    joined: toCount(r.joined),
    left: toCount(r.leftInPeriod),
  }));
}

/** Every membership a group ever had (who, from when, until when), in the order membersOn gives them. */
export async function groupMembershipHistory(
  db: Db,
  group: GroupRef,
): Promise<Array<{ personId: string; joinedOn: string; leftOn: string | null }>> {
  return db
    .selectFrom("memberships")
    .select(["personId", "joinedOn", "leftOn"])
    .where("tenantId", "=", group.tenantId)
    .where("groupId", "=", group.id)
    .orderBy("joinedOn")
    .orderBy("personId")
    .execute();
}

/** The open memberships of a tenant (each person's current group), in the order they were recorded. */
export async function openMemberships(
  db: Db,
  tenantId: string,
): Promise<Array<{ personId: string; groupId: string }>> {
  return db
    .selectFrom("memberships")
    .select(["personId", "groupId"])
    .where("tenantId", "=", tenantId)
    .where("leftOn", "is", null)
    .orderBy("id")
    .execute();
}
