// Commands on the organisation tree: open an organisation, change its details, move it (keeping its
// history: same id, same records, a dated parent history), and change its status.

import { assertCan, pathRangeEnd } from "@qadam/core/auth/actor";
import { businessDate } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import {
  childPath,
  mayPlaceUnder,
  type Organisation,
  type OrgKind,
  type OrgStatus,
} from "@qadam/core/orgs/types";
import { checkCurrency, checkDate, checkTimeZone } from "@qadam/core/orgs/values";
import { foldForSearch } from "@qadam/core/text";
import { sql } from "kysely";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { findOrganisation } from "./lookup.js";

export interface Place {
  region?: string | null;
  district?: string | null;
  village?: string | null;
  territoryCode?: string | null;
}

export interface NewOrganisation {
  parentId: string;
  kind: Exclude<OrgKind, "association" | "partner_ngo">;
  name: string;
  place?: Place;
  currency?: string;
  timeZone?: string;
  openedOn?: string;
}

function checkPlacement(kind: OrgKind, parent: Organisation): void {
  if (!mayPlaceUnder(kind, parent.kind)) {
    throw new DomainError("ORG_PARENT_NOT_ALLOWED", { kind, parentKind: parent.kind });
  }
  if (parent.status !== "active") throw new DomainError("ORG_NOT_ACTIVE", { name: parent.name });
}

export async function createOrganisation(
  trx: Db,
  ctx: CommandContext,
  input: NewOrganisation,
): Promise<Organisation> {
  const parent = await findOrganisation(trx, ctx.actor, input.parentId);
  assertCan(ctx.actor, "orgs.write", parent.path, "organisation");
  checkPlacement(input.kind, parent);
  const timeZone = checkTimeZone(input.timeZone ?? parent.timeZone);
  const openedOn = checkDate(input.openedOn ?? businessDate(new Date(ctx.now), timeZone));
  if (openedOn < parent.openedOn) {
    throw new DomainError("ORG_DATE_BEFORE_OPENING", { date: openedOn, openedOn: parent.openedOn });
  }
  const id = ctx.ids.next();
  const path = childPath(parent.path, id);
  const row = {
    id,
    tenantId: ctx.actor.tenantId,
    parentId: parent.id,
    kind: input.kind,
    name: input.name.trim(),
    nameFolded: foldForSearch(input.name),
    path,
    depth: parent.depth + 1,
    region: input.place?.region ?? parent.place.region,
    district: input.place?.district ?? null,
    village: input.place?.village ?? null,
    territoryCode: input.place?.territoryCode ?? null,
    currency: checkCurrency(input.currency ?? parent.currency),
    timeZone,
    openedOn,
    status: "active",
    statusChangedOn: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await trx.insertInto("organisations").values(row).execute();
  await trx
    .insertInto("orgParentHistory")
    .values({
      id: ctx.ids.next(),
      tenantId: ctx.actor.tenantId,
      orgId: id,
      parentId: parent.id,
      validFrom: openedOn,
      validTo: null,
      recordedAt: ctx.now,
    })
    .execute();
  ctx.touched("organisation", id);
  return findOrganisation(trx, ctx.actor, id);
}

export interface OrganisationChanges {
  name?: string;
  place?: Place;
  currency?: string;
  timeZone?: string;
}

export async function updateOrganisation(
  trx: Db,
  ctx: CommandContext,
  id: string,
  changes: OrganisationChanges,
): Promise<Organisation> {
  const org = await findOrganisation(trx, ctx.actor, id);
  assertCan(ctx.actor, "orgs.write", org.path, "organisation");
  await trx
    .updateTable("organisations")
    .set({
      ...(changes.name !== undefined
        ? { name: changes.name.trim(), nameFolded: foldForSearch(changes.name) }
        : {}),
      ...(changes.place?.region !== undefined ? { region: changes.place.region } : {}),
      ...(changes.place?.district !== undefined ? { district: changes.place.district } : {}),
      ...(changes.place?.village !== undefined ? { village: changes.place.village } : {}),
      ...(changes.place?.territoryCode !== undefined ? { territoryCode: changes.place.territoryCode } : {}),
      ...(changes.currency !== undefined ? { currency: checkCurrency(changes.currency) } : {}),
      ...(changes.timeZone !== undefined ? { timeZone: checkTimeZone(changes.timeZone) } : {}),
      updatedAt: ctx.now,
    })
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("id", "=", org.id)
    .execute();
  ctx.touched("organisation", org.id);
  return findOrganisation(trx, ctx.actor, id);
}

/**
 * Moves an organisation (with its whole branch) under a new parent from a date. Its id, and so all of
 * its records, stay; the parent history gains a dated row; every path in the branch is rewritten.
 */
export async function moveOrganisation(
  trx: Db,
  ctx: CommandContext,
  id: string,
  input: { parentId: string; movedOn: string },
): Promise<Organisation> {
  const org = await findOrganisation(trx, ctx.actor, id);
  if (org.parentId === null) throw new DomainError("ORG_ROOT_CANNOT_MOVE");
  assertCan(ctx.actor, "orgs.write", org.path, "organisation");
  const parent = await findOrganisation(trx, ctx.actor, input.parentId);
  assertCan(ctx.actor, "orgs.write", parent.path, "organisation");
  if (parent.path.startsWith(org.path)) throw new DomainError("ORG_MOVE_INTO_OWN_SUBTREE");
  checkPlacement(org.kind, parent);
  const movedOn = checkDate(input.movedOn);
  if (movedOn < org.openedOn)
    throw new DomainError("ORG_DATE_BEFORE_OPENING", { date: movedOn, openedOn: org.openedOn });
  if (parent.id === org.parentId) return org;

  const current = await trx
    .selectFrom("orgParentHistory")
    .select(["id", "validFrom"])
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("orgId", "=", org.id)
    .where("validTo", "is", null)
    .executeTakeFirst();
  if (current && movedOn < current.validFrom) {
    throw new DomainError("ORG_DATE_BEFORE_OPENING", { date: movedOn, openedOn: current.validFrom });
  }
  if (current)
    await trx
      .updateTable("orgParentHistory")
      .set({ validTo: movedOn })
      .where("id", "=", current.id)
      .execute();
  await trx
    .insertInto("orgParentHistory")
    .values({
      id: ctx.ids.next(),
      tenantId: ctx.actor.tenantId,
      orgId: org.id,
      parentId: parent.id,
      validFrom: movedOn,
      validTo: null,
      recordedAt: ctx.now,
    })
    .execute();

  const newPath = childPath(parent.path, org.id);
  const depthDelta = parent.depth + 1 - org.depth;
  await trx
    .updateTable("organisations")
    .set({
      path: sql<string>`${newPath} || substr(path, ${org.path.length + 1})`,
      depth: sql<number>`depth + ${depthDelta}`,
      updatedAt: ctx.now,
    })
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("path", ">=", org.path)
    .where("path", "<", pathRangeEnd(org.path))
    .execute();
  await trx.updateTable("organisations").set({ parentId: parent.id }).where("id", "=", org.id).execute();
  ctx.touched("organisation", org.id);
  return findOrganisation(trx, ctx.actor, id);
}

export async function changeOrganisationStatus(
  trx: Db,
  ctx: CommandContext,
  id: string,
  input: { status: OrgStatus; on: string },
): Promise<Organisation> {
  const org = await findOrganisation(trx, ctx.actor, id);
  assertCan(ctx.actor, "orgs.write", org.path, "organisation");
  const on = checkDate(input.on);
  if (on < org.openedOn)
    throw new DomainError("ORG_DATE_BEFORE_OPENING", { date: on, openedOn: org.openedOn });
  if (input.status === "closed") {
    const activeChild = await trx
      .selectFrom("organisations")
      .select("id")
      .where("tenantId", "=", ctx.actor.tenantId)
      .where("parentId", "=", org.id)
      .where("status", "<>", "closed")
      .executeTakeFirst();
    if (activeChild) throw new DomainError("ORG_HAS_ACTIVE_CHILDREN", { name: org.name });
  }
  if (input.status === org.status) return org;
  await trx
    .updateTable("organisations")
    .set({ status: input.status, statusChangedOn: on, updatedAt: ctx.now })
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("id", "=", org.id)
    .execute();
  ctx.touched("organisation", org.id);
  return findOrganisation(trx, ctx.actor, id);
}
