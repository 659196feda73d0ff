// Reading the organisation tree as an actor sees it: filtered lists and an organisation's parent history.

import type { Actor } from "@qadam/core/auth/actor";
import { pathRangeEnd, visibleRoots } from "@qadam/core/auth/actor";
import { decodeCursor, type Page, toPage } from "@qadam/core/contract/pagination";
import type { Organisation, OrgKind, OrgStatus } from "@qadam/core/orgs/types";
import { containsPattern } from "@qadam/core/text";
import { sql } from "kysely";
import type { Db } from "../platform/db/database.js";
import { findOrganisation, toOrganisation } from "./lookup.js";

export interface OrganisationFilter {
  parentId?: string;
  /** Only organisations in this organisation's subtree (itself included). */
  under?: string;
  kind?: OrgKind;
  status?: OrgStatus;
  /** A case-insensitive part of the name. */
  q?: string;
  limit: number;
  cursor?: string;
}

export async function listOrganisations(
  db: Db,
  actor: Actor,
  filter: OrganisationFilter,
): Promise<Page<Organisation>> {
  const after = decodeCursor(filter.cursor);
  const roots = visibleRoots(actor);
  if (roots.length === 0) return { items: [], nextCursor: null };
  const under = filter.under ? await findOrganisation(db, actor, filter.under) : null;
  let query = db
    .selectFrom("organisations")
    .selectAll()
    .where("tenantId", "=", actor.tenantId)
    .where((eb) => eb.or(roots.map((r) => eb.and([eb("path", ">=", r), eb("path", "<", pathRangeEnd(r))]))));
  if (under) query = query.where("path", ">=", under.path).where("path", "<", pathRangeEnd(under.path));
  if (filter.parentId) query = query.where("parentId", "=", filter.parentId);
  if (filter.kind) query = query.where("kind", "=", filter.kind);
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.q) query = query.where(sql<boolean>`name_folded like ${containsPattern(filter.q)} escape '\\'`);
  if (after) query = query.where("id", ">", after);
  const rows = await query
    .orderBy("id")
    .limit(filter.limit + 1)
    .execute();
  return toPage(rows.map(toOrganisation), filter.limit);
}

export interface ParentPeriod {
  parentId: string | null;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
}

/** Where the organisation sat in the tree, period by period, oldest first. */
export async function parentHistory(db: Db, actor: Actor, id: string): Promise<ParentPeriod[]> {
  const org = await findOrganisation(db, actor, id);
  const rows = await db
    .selectFrom("orgParentHistory as h")
    .leftJoin("organisations as p", "p.id", "h.parentId")
    .select(["h.parentId", "p.name as parentName", "h.validFrom", "h.validTo", "h.recordedAt"])
    .where("h.tenantId", "=", actor.tenantId)
    .where("h.orgId", "=", org.id)
    .orderBy("h.validFrom")
    .orderBy("h.recordedAt")
    .execute();
  return rows.map((r) => ({
    parentId: r.parentId,
    parentName: r.parentName,
    validFrom: r.validFrom,
    validTo: r.validTo,
  }));
}
