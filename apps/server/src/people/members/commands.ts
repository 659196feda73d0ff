// Commands on memberships: a person joins a group (never two groups of one tenant at once — the
// duplicate-membership check lenders ask for), changes role, leaves.

import { assertCan, canSee } from "@qadam/core/auth/actor";
import { DomainError } from "@qadam/core/errors";
import { type Messages, translate } from "@qadam/core/i18n";
import type { MemberRole, Membership } from "@qadam/core/members/types";
import { checkDate } from "@qadam/core/orgs/values";
import { findOrganisation, organisationLabels } from "../../orgs/index.js";
import type { CommandContext } from "../../platform/commands.js";
import { holdClientId } from "../../platform/db/client-ids.js";
import { isUniqueViolation } from "../../platform/db/constraint-errors.js";
import type { Db } from "../../platform/db/database.js";
import { findPerson } from "../lookup.js";
import { findMembership } from "./queries.js";

function hiddenGroupName(ctx: CommandContext): string {
  return translate(ctx.actor.locale, "hiddenGroupName");
}

function roleTaken(role: MemberRole): DomainError {
  return new DomainError("MEMBERSHIP_ROLE_TAKEN", { role: role satisfies keyof Messages["memberRoles"] });
}

/** The index a unique violation hit, as PostgreSQL names it (SQLite does not: the caller falls back on the role). */
function violatedIndex(error: unknown): string | undefined {
  const name =
    typeof error === "object" && error !== null ? (error as { constraint?: unknown }).constraint : undefined;
  return typeof name === "string" ? name : undefined;
}

async function refuseDuplicate(trx: Db, ctx: CommandContext, personId: string): Promise<void> {
  const membership = await trx
    .selectFrom("memberships")
    .select("groupId")
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("personId", "=", personId)
    .where("leftOn", "is", null)
    .executeTakeFirst();
  const active =
    membership &&
    (await organisationLabels(trx, ctx.actor.tenantId, [membership.groupId])).get(membership.groupId);
  if (active) {
    // The other group's name only if the actor may see it; otherwise a neutral phrase.
    const groupName = canSee(ctx.actor, active.path) ? active.name : hiddenGroupName(ctx);
    throw new DomainError("MEMBER_ALREADY_IN_GROUP", { groupName });
  }
}

async function refuseRoleTaken(
  trx: Db,
  ctx: CommandContext,
  groupId: string,
  role: MemberRole,
  exceptId: string | null,
) {
  if (role === "member") return;
  let q = trx
    .selectFrom("memberships")
    .select("id")
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("groupId", "=", groupId)
    .where("role", "=", role)
    .where("leftOn", "is", null);
  if (exceptId) q = q.where("id", "<>", exceptId);
  if (await q.executeTakeFirst()) throw roleTaken(role);
}

/**
 * The membership already made under the client's id, if it is the one sent (the same person, group,
 * role and date joined, as it is now: she may have left since); null when the id is free.
 * ID_CONFLICT otherwise, the same answer for an id of another tenant, which it must not reveal.
 */
async function membershipAlreadyMade(
  trx: Db,
  ctx: CommandContext,
  id: string,
  sent: { groupId: string; personId: string; role: MemberRole; joinedOn: string },
): Promise<Membership | null> {
  const row = await trx
    .selectFrom("memberships")
    .select(["tenantId", "groupId", "personId", "role", "joinedOn"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const same =
    row.tenantId === ctx.actor.tenantId &&
    row.groupId === sent.groupId &&
    row.personId === sent.personId &&
    row.role === sent.role &&
    row.joinedOn === sent.joinedOn;
  if (!same) throw new DomainError("ID_CONFLICT", { id });
  return findMembership(trx, ctx.actor, id);
}

/**
 * A person joins a group. With an id chosen by the client, the same request again returns the
 * membership as it is and changes nothing; another record's id answers ID_CONFLICT.
 * Errors: NOT_FOUND, FORBIDDEN, ORG_NOT_A_GROUP, ORG_NOT_ACTIVE, PERSON_ANONYMISED,
 * ORG_DATE_BEFORE_OPENING, MEMBER_ALREADY_IN_GROUP, MEMBERSHIP_ROLE_TAKEN, MEMBERSHIP_PERIOD_OVERLAP,
 * ID_CONFLICT.
 */
export async function joinGroup(
  trx: Db,
  ctx: CommandContext,
  input: { id?: string; groupId: string; personId: string; role: MemberRole; joinedOn: string },
): Promise<Membership> {
  const group = await findOrganisation(trx, ctx.actor, input.groupId);
  assertCan(ctx.actor, "members.write", group.path, "organisation");
  if (group.kind !== "shg") throw new DomainError("ORG_NOT_A_GROUP", { name: group.name });
  if (input.id !== undefined) {
    await holdClientId(trx, input.id);
    const existing = await membershipAlreadyMade(trx, ctx, input.id, {
      groupId: group.id,
      personId: input.personId,
      role: input.role,
      joinedOn: checkDate(input.joinedOn),
    });
    if (existing) return existing;
  }
  if (group.status !== "active") throw new DomainError("ORG_NOT_ACTIVE", { name: group.name });
  const person = await findPerson(trx, ctx.actor, input.personId);
  if (person.consentWithdrawnOn) throw new DomainError("PERSON_ANONYMISED");
  const joinedOn = checkDate(input.joinedOn);
  if (joinedOn < group.openedOn)
    throw new DomainError("ORG_DATE_BEFORE_OPENING", { date: joinedOn, openedOn: group.openedOn });
  await refuseDuplicate(trx, ctx, person.id);
  await refuseRoleTaken(trx, ctx, group.id, input.role, null);
  const lastLeft = await trx
    .selectFrom("memberships")
    .select("leftOn")
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("personId", "=", person.id)
    .orderBy("leftOn", "desc")
    .executeTakeFirst();
  if (lastLeft?.leftOn && joinedOn < lastLeft.leftOn) {
    // Periods may not overlap: she can join again only after she left her last group.
    throw new DomainError("MEMBERSHIP_PERIOD_OVERLAP", { leftOn: lastLeft.leftOn, joinedOn });
  }
  const id = input.id ?? ctx.ids.next();
  try {
    await trx
      .insertInto("memberships")
      .values({
        id,
        tenantId: ctx.actor.tenantId,
        personId: person.id,
        groupId: group.id,
        role: input.role,
        joinedOn,
        leftOn: null,
        leftReason: null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .execute();
  } catch (error) {
    // A concurrent join won the race: one of the database's partial unique indexes refused this one.
    if (isUniqueViolation(error)) {
      const index = violatedIndex(error);
      const roleClash = index ? index === "memberships_one_officer_per_role" : input.role !== "member";
      throw roleClash
        ? roleTaken(input.role)
        : new DomainError("MEMBER_ALREADY_IN_GROUP", { groupName: hiddenGroupName(ctx) });
    }
    throw error;
  }
  ctx.touched("membership", id);
  ctx.touched("person", person.id);
  return findMembership(trx, ctx.actor, id);
}

export async function changeRole(
  trx: Db,
  ctx: CommandContext,
  id: string,
  input: { role: MemberRole },
): Promise<Membership> {
  const m = await findMembership(trx, ctx.actor, id);
  assertCan(ctx.actor, "members.write", m.groupPath, "membership");
  if (m.leftOn) throw new DomainError("MEMBERSHIP_ALREADY_ENDED");
  await refuseRoleTaken(trx, ctx, m.groupId, input.role, m.id);
  await trx
    .updateTable("memberships")
    .set({ role: input.role, updatedAt: ctx.now })
    .where("id", "=", m.id)
    .execute()
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) throw roleTaken(input.role);
      throw e;
    });
  ctx.touched("membership", m.id);
  return findMembership(trx, ctx.actor, id);
}

export async function leaveGroup(
  trx: Db,
  ctx: CommandContext,
  id: string,
  input: { leftOn: string; reason?: string | null },
): Promise<Membership> {
  const m = await findMembership(trx, ctx.actor, id);
  assertCan(ctx.actor, "members.write", m.groupPath, "membership");
  if (m.leftOn) throw new DomainError("MEMBERSHIP_ALREADY_ENDED");
  const leftOn = checkDate(input.leftOn);
  if (leftOn < m.joinedOn)
    throw new DomainError("MEMBERSHIP_DATES_INVALID", { leftOn, joinedOn: m.joinedOn });
  await trx
    .updateTable("memberships")
    .set({ leftOn, leftReason: input.reason?.trim() || null, updatedAt: ctx.now })
    .where("id", "=", m.id)
    .execute();
  ctx.touched("membership", m.id);
  return findMembership(trx, ctx.actor, id);
}
