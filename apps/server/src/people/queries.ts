// Reading people: search by name, phone or IIN (prefix ranges over person_search_terms, all words
// must match), households with their members, anonymous counts.

import type { Actor } from "@qadam/core/auth/actor";
import { assertCanSee } from "@qadam/core/auth/actor";
import { decodeCursor, type Page, toPage } from "@qadam/core/contract/pagination";
import { DomainError } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import { parseQuery, prefixEnd } from "@qadam/core/people/search-terms";
import { findOrganisation, organisationPaths, orgIdsUnderAny } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";
import { type Person, personVisible, toPerson } from "./lookup.js";

export interface PeopleFilter {
  q?: string;
  /** Only people registered in this organisation's subtree or members of its groups. */
  orgId?: string;
  limit: number;
  cursor?: string;
}

export async function searchPeople(db: Db, actor: Actor, filter: PeopleFilter): Promise<Page<Person>> {
  const after = decodeCursor(filter.cursor);
  const under = filter.orgId ? await findOrganisation(db, actor, filter.orgId) : null;
  const terms = filter.q ? parseQuery(filter.q) : [];
  let query = db.selectFrom("persons as p").selectAll("p");
  // With search terms, the terms (each scoped to the tenant) drive the query through the primary key;
  // a tenant filter on persons too would let the planner scan every person of the tenant instead.
  if (terms.length === 0) query = query.where("p.tenantId", "=", actor.tenantId);
  const visible = personVisible(actor);
  if (visible) query = query.where(visible);
  // The most selective term (an exact one, else the longest prefix) drives the query as an IN list;
  // each other term is checked per candidate through the index on person_id.
  const ordered = [...terms].sort((a, b) =>
    a.kind === b.kind ? b.term.length - a.term.length : a.kind === "exact" ? -1 : 1,
  );
  ordered.forEach((t, index) => {
    if (index === 0) {
      query = query.where("p.id", "in", (eb) => {
        const matching = eb
          .selectFrom("personSearchTerms as s")
          .select("s.personId")
          .where("s.tenantId", "=", actor.tenantId);
        return t.kind === "exact"
          ? matching.where("s.term", "=", t.term)
          : matching.where("s.term", ">=", t.term).where("s.term", "<", prefixEnd(t.term));
      });
    } else {
      query = query.where((eb) =>
        eb.exists(() => {
          const matching = eb
            .selectFrom("personSearchTerms as s2")
            .select("s2.personId")
            .whereRef("s2.personId", "=", "p.id")
            .where("s2.tenantId", "=", actor.tenantId);
          return t.kind === "exact"
            ? matching.where("s2.term", "=", t.term)
            : matching.where("s2.term", ">=", t.term).where("s2.term", "<", prefixEnd(t.term));
        }),
      );
    }
  });
  if (under) {
    const within = orgIdsUnderAny(actor.tenantId, [under.path]);
    query = query.where((eb) =>
      eb.or([
        eb("p.orgId", "in", within),
        eb(
          "p.id",
          "in",
          eb
            .selectFrom("memberships as m")
            .select("m.personId")
            .where("m.tenantId", "=", actor.tenantId)
            .where("m.groupId", "in", within),
        ),
      ]),
    );
  }
  if (after) query = query.where("p.id", ">", after);
  const rows = await query
    .orderBy("p.id")
    .limit(filter.limit + 1)
    .execute();
  return toPage(rows.map(toPerson), filter.limit);
}

export interface Household {
  id: string;
  orgId: string;
  name: string;
  village: string | null;
  createdAt: string;
  members: Array<{ id: string; familyName: string | null; givenName: string | null }>;
}

export async function findHousehold(db: Db, actor: Actor, id: string): Promise<Household> {
  if (!isUuid(id)) throw new DomainError("NOT_FOUND", { entity: "household" });
  const row = await db
    .selectFrom("households")
    .select(["id", "orgId", "name", "village", "createdAt"])
    .where("tenantId", "=", actor.tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new DomainError("NOT_FOUND", { entity: "household" });
  const path = (await organisationPaths(db, actor.tenantId, [row.orgId])).get(row.orgId);
  if (path === undefined) throw new DomainError("NOT_FOUND", { entity: "household" });
  assertCanSee(actor, path, "household");
  const members = await db
    .selectFrom("persons")
    .select(["id", "familyName", "givenName"])
    .where("tenantId", "=", actor.tenantId)
    .where("householdId", "=", row.id)
    .orderBy("id")
    .execute();
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    village: row.village,
    createdAt: row.createdAt,
    members,
  };
}

/** An organisation's anonymous counts in the order they were recorded, a page at a time. */
export async function listAnonymousCounts(
  db: Db,
  actor: Actor,
  orgId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<AnonymousCount>> {
  const after = decodeCursor(page.cursor);
  const org = await findOrganisation(db, actor, orgId);
  const rows = await db
    .selectFrom("anonymousCounts")
    .select(["id", "orgId", "countedOn", "count", "sex", "note"])
    .where("tenantId", "=", actor.tenantId)
    .where("orgId", "=", org.id)
    .$if(after !== null, (qb) => qb.where("id", ">", after ?? ""))
    .orderBy("id")
    .limit(page.limit + 1)
    .execute();
  return toPage(
    rows.map((r) => ({
      ...r,
      count: Number(r.count),
      sex: r.sex === "female" ? ("female" as const) : r.sex === "male" ? ("male" as const) : null,
    })),
    page.limit,
  );
}

export interface AnonymousCount {
  id: string;
  orgId: string;
  countedOn: string;
  count: number;
  sex: "female" | "male" | null;
  note: string | null;
}

/** The names of the tenant's people (given and family name), by id; ids of nobody are left out. */
export async function personNames(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("persons")
    .select(["id", "givenName", "familyName"])
    .where("tenantId", "=", tenantId)
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((r) => [r.id, [r.givenName, r.familyName].filter(Boolean).join(" ")]));
}
