// Finding a person as an actor sees her: visible when the actor sees the organisation that registered
// her or a group she is or was a member of; changeable with people.write over one of those.

import type { Actor } from "@qadam/core/auth/actor";
import { can, canSee, seesWholeTenant, visibleRoots } from "@qadam/core/auth/actor";
import type { Permission } from "@qadam/core/auth/roles";
import { DomainError } from "@qadam/core/errors";
import { isUuid } from "@qadam/core/ids";
import { sql } from "kysely";
import { organisationPaths, orgIdsUnderAny } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";
import type { PersonRow } from "../platform/db/schema.js";

export interface Person {
  id: string;
  orgId: string;
  familyName: string | null;
  givenName: string | null;
  patronymic: string | null;
  birthDate: string | null;
  sex: "female" | "male" | null;
  phone: string | null;
  iin: string | null;
  householdId: string | null;
  village: string | null;
  consent: { givenOn: string; scope: string } | null;
  consentWithdrawnOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    orgId: row.orgId,
    familyName: row.familyName,
    givenName: row.givenName,
    patronymic: row.patronymic,
    birthDate: row.birthDate,
    sex: row.sex === "female" || row.sex === "male" ? row.sex : null,
    phone: row.phone,
    iin: row.iin,
    householdId: row.householdId,
    village: row.village,
    consent:
      row.consentGivenOn && row.consentScope
        ? { givenOn: row.consentGivenOn, scope: row.consentScope }
        : null,
    consentWithdrawnOn: row.consentWithdrawnOn,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The organisation paths through which a person can be reached: her registering org and her groups. */
async function pathsOf(db: Db, tenantId: string, person: PersonRow): Promise<string[]> {
  const groups = await db
    .selectFrom("memberships")
    .select("groupId")
    .where("tenantId", "=", tenantId)
    .where("personId", "=", person.id)
    .execute();
  const paths = await organisationPaths(db, tenantId, [person.orgId, ...groups.map((g) => g.groupId)]);
  return [...paths.values()];
}

export async function findPerson(db: Db, actor: Actor, id: string, permission?: Permission): Promise<Person> {
  if (!isUuid(id)) throw new DomainError("NOT_FOUND", { entity: "person" });
  const row = await db
    .selectFrom("persons")
    .selectAll()
    .where("tenantId", "=", actor.tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new DomainError("NOT_FOUND", { entity: "person" });
  const paths = await pathsOf(db, actor.tenantId, row);
  if (!paths.some((p) => canSee(actor, p))) throw new DomainError("NOT_FOUND", { entity: "person" });
  if (permission && !paths.some((p) => can(actor, permission, p))) throw new DomainError("FORBIDDEN");
  return toPerson(row);
}

/** A SQL condition: the person (alias "p") is visible to the actor; null when everyone in the tenant is. */
export function personVisible(actor: Actor) {
  // A grant on the tenant's root organisation covers everyone in the tenant.
  if (seesWholeTenant(actor)) return null;
  const roots = visibleRoots(actor);
  // Uncorrelated IN lists: both planners turn them into index lookups or hash semi-joins.
  const within = orgIdsUnderAny(actor.tenantId, roots);
  return sql<boolean>`(
    p.org_id in ${within}
    or p.id in (select m.person_id from memberships m where m.tenant_id = ${actor.tenantId} and m.group_id in ${within}))`;
}

/**
 * A person of the tenant who may borrow, whoever lends (a lender's officers lend across the tenant):
 * NOT_FOUND when the tenant has no such person, PERSON_ANONYMISED when her consent was withdrawn or
 * never given.
 */
export async function borrowablePerson(db: Db, tenantId: string, personId: string): Promise<string> {
  if (!isUuid(personId)) throw new DomainError("NOT_FOUND", { entity: "person" });
  const person = await db
    .selectFrom("persons")
    .select(["id", "consentGivenOn", "consentWithdrawnOn"])
    .where("tenantId", "=", tenantId)
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) throw new DomainError("NOT_FOUND", { entity: "person" });
  if (person.consentWithdrawnOn !== null || person.consentGivenOn === null)
    throw new DomainError("PERSON_ANONYMISED");
  return person.id;
}
