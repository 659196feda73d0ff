// Reading memberships: one by id, a group's members, a person's groups — all through visibility.

import type { Actor } from "@qadam/core/auth/actor";
import { assertCanSee, visibleRoots } from "@qadam/core/auth/actor";
import { decodeCursor, type Page, toPage } from "@qadam/core/contract/pagination";
import { DomainError } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import { isMemberRole, type Membership } from "@qadam/core/members/types";
import { findOrganisation, organisationLabels, orgIdsUnderAny } from "../../orgs/index.js";
import type { Db } from "../../platform/db/database.js";
import { findPerson } from "../lookup.js";

function baseQuery(db: Db, actor: Actor) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("persons as p", "p.id", "m.personId")
    .select([
      "m.id",
      "m.personId",
      "m.groupId",
      "m.role",
      "m.joinedOn",
      "m.leftOn",
      "m.leftReason",
      "p.familyName",
      "p.givenName",
      "p.patronymic",
    ])
    .where("m.tenantId", "=", actor.tenantId);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;
type Row = BaseRow & { groupName: string; groupPath: string };

/** The rows with their groups' names and paths (from the orgs domain); a row whose group is gone is left out. */
async function withGroups(db: Db, tenantId: string, rows: BaseRow[]): Promise<Row[]> {
  const groups = await organisationLabels(
    db,
    tenantId,
    rows.map((r) => r.groupId),
  );
  return rows.flatMap((r) => {
    const g = groups.get(r.groupId);
    return g ? [{ ...r, groupName: g.name, groupPath: g.path }] : [];
  });
}

function toMembership(r: Row): Membership {
  return {
    id: r.id,
    personId: r.personId,
    groupId: r.groupId,
    groupName: r.groupName,
    role: isMemberRole(r.role) ? r.role : "member",
    joinedOn: r.joinedOn,
    leftOn: r.leftOn,
    leftReason: r.leftReason,
    person: { familyName: r.familyName, givenName: r.givenName, patronymic: r.patronymic },
  };
}

export async function findMembership(
  db: Db,
  actor: Actor,
  id: string,
): Promise<Membership & { groupPath: string }> {
  if (!isUuid(id)) throw new DomainError("NOT_FOUND", { entity: "membership" });
  const base = await baseQuery(db, actor).where("m.id", "=", id).executeTakeFirst();
  const [row] = base ? await withGroups(db, actor.tenantId, [base]) : [];
  if (!row) throw new DomainError("NOT_FOUND", { entity: "membership" });
  assertCanSee(actor, row.groupPath, "membership");
  return { ...toMembership(row), groupPath: row.groupPath };
}

/**
 * A page of memberships in join-date order: after the cursor's membership (its join date, then its id).
 * A cursor naming no membership of the list answers INVALID_CURSOR.
 */
async function pageOf(
  db: Db,
  actor: Actor,
  query: ReturnType<typeof baseQuery>,
  page: MembershipPage,
): Promise<Page<Membership>> {
  const after = decodeCursor(page.cursor);
  let q = query;
  if (after !== null) {
    const last = await baseQuery(db, actor).where("m.id", "=", after).executeTakeFirst();
    if (!last) throw new DomainError("INVALID_CURSOR");
    q = q.where((eb) =>
      eb.or([
        eb("m.joinedOn", ">", last.joinedOn),
        eb.and([eb("m.joinedOn", "=", last.joinedOn), eb("m.id", ">", after)]),
      ]),
    );
  }
  const rows = await q
    .orderBy("m.joinedOn")
    .orderBy("m.id")
    .limit(page.limit + 1)
    .execute();
  return toPage((await withGroups(db, actor.tenantId, rows)).map(toMembership), page.limit);
}

export interface MembershipPage {
  limit: number;
  cursor?: string;
}

export async function groupMembers(
  db: Db,
  actor: Actor,
  groupId: string,
  filter: { status: "active" | "all" } & MembershipPage,
): Promise<Page<Membership>> {
  const group = await findOrganisation(db, actor, groupId);
  let query = baseQuery(db, actor).where("m.groupId", "=", group.id);
  if (filter.status === "active") query = query.where("m.leftOn", "is", null);
  return pageOf(db, actor, query, filter);
}

/** A person's memberships in the groups the actor can see. */
export async function personMemberships(
  db: Db,
  actor: Actor,
  personId: string,
  page: MembershipPage,
): Promise<Page<Membership>> {
  const person = await findPerson(db, actor, personId);
  // She may be visible through another organisation: only the groups the actor sees are listed.
  const roots = visibleRoots(actor);
  const query = baseQuery(db, actor)
    .where("m.personId", "=", person.id)
    .where("m.groupId", "in", orgIdsUnderAny(actor.tenantId, roots));
  return pageOf(db, actor, query, page);
}
