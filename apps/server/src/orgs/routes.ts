// HTTP routes of the organisation tree, under /api/v1/orgs; the schemas are the contract's
// (@qadam/core/orgs/contract).

import { pageSchema } from "@qadam/core/contract/pagination";
import { recordId } from "@qadam/core/contract/schemas";
import {
  createOrganisationBody,
  moveOrganisationBody,
  type OrganisationDto,
  organisationSchema,
  orgListQuery,
  parentHistorySchema,
  statusBody,
  updateOrganisationBody,
} from "@qadam/core/orgs/contract";
import { z } from "zod";
import type { RouteModule } from "../platform/http/context.js";
import { command, query } from "../platform/http/route.js";
import {
  changeOrganisationStatus,
  createOrganisation,
  moveOrganisation,
  updateOrganisation,
} from "./commands.js";
import { findOrganisation } from "./lookup.js";
import { listOrganisations, parentHistory } from "./queries.js";

export {
  createOrganisationBody,
  moveOrganisationBody,
  type OrganisationDto,
  organisationSchema,
  placeSchema,
  statusBody,
  updateOrganisationBody,
} from "@qadam/core/orgs/contract";

const idParams = z.object({ id: recordId });
const tags = ["organisations"];
const EXAMPLE_ID = "0190f3d2-6a4e-7c1b-9f00-3b2a1c0d4e5f";

function dto(org: OrganisationDto & { path?: string; tenantId?: string }): OrganisationDto {
  const { path: _path, tenantId: _tenant, ...rest } = org;
  return rest;
}

export const orgRoutes: RouteModule = (app, deps) => {
  command(app, deps, {
    method: "POST",
    path: "/api/v1/orgs",
    tags,
    summary: "Open an organisation (federation, cluster, SHG, MFO or centre) under a parent",
    description:
      "Opens an organisation under a parent the tree allows for its kind (a cluster under a federation, an " +
      "SHG under a federation or a cluster…). Currency and time zone default to the parent's; the opening " +
      "date to today.",
    permission: "orgs.write",
    body: createOrganisationBody,
    example: { parentId: EXAMPLE_ID, kind: "federation", name: "Жаңа Қадам федерациясы" },
    response: organisationSchema,
    errors: [
      "ORG_PARENT_NOT_ALLOWED",
      "ORG_NOT_ACTIVE",
      "UNKNOWN_CURRENCY",
      "UNKNOWN_TIME_ZONE",
      "NOT_FOUND",
    ],
    command: { name: "org.create", status: 201 },
    run: async (trx, ctx, { body }) => dto(await createOrganisation(trx, ctx, body)),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/orgs",
    tags,
    summary: "List the organisations you can see, filtered",
    description:
      "The organisations under your roles, by parent, subtree (under), kind, status or part of the name (q), " +
      "in creation order, a page at a time.",
    query: orgListQuery,
    response: pageSchema(organisationSchema),
    list: "paged",
    errors: ["NOT_FOUND"],
    handle: async ({ actor, query }) => {
      const page = await listOrganisations(deps.db, actor, query);
      return { items: page.items.map(dto), nextCursor: page.nextCursor };
    },
  });

  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:id",
    tags,
    summary: "One organisation",
    description: "An organisation you can see, with its place, currency, time zone and status.",
    params: idParams,
    response: organisationSchema,
    errors: [],
    handle: async ({ actor, params }) => dto(await findOrganisation(deps.db, actor, params.id)),
  });

  command(app, deps, {
    method: "PATCH",
    path: "/api/v1/orgs/:id",
    tags,
    summary: "Change an organisation's name, place, currency or time zone",
    description:
      "Changes only the fields given. The currency cannot change once the organisation's books hold money.",
    permission: "orgs.write",
    params: idParams,
    body: updateOrganisationBody,
    example: { name: "Жаңа Қадам", place: { region: "Алматы облысы", village: "Шамалған" } },
    response: organisationSchema,
    errors: ["UNKNOWN_CURRENCY", "UNKNOWN_TIME_ZONE", "ORG_NOT_ACTIVE"],
    command: { name: "org.update" },
    run: async (trx, ctx, { params, body }) => dto(await updateOrganisation(trx, ctx, params.id, body)),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/orgs/:id/move",
    tags,
    summary: "Move an organisation and its branch under another parent from a date, keeping its history",
    description:
      "The organisation and everything under it move under the new parent from the date given; reports before " +
      "that date still add it up under the old parent.",
    permission: "orgs.write",
    params: idParams,
    body: moveOrganisationBody,
    example: { parentId: EXAMPLE_ID, movedOn: "2026-03-02" },
    response: organisationSchema,
    errors: [
      "ORG_ROOT_CANNOT_MOVE",
      "ORG_MOVE_INTO_OWN_SUBTREE",
      "ORG_PARENT_NOT_ALLOWED",
      "ORG_NOT_ACTIVE",
      "ORG_DATE_BEFORE_OPENING",
    ],
    command: { name: "org.move" },
    run: async (trx, ctx, { params, body }) => dto(await moveOrganisation(trx, ctx, params.id, body)),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/orgs/:id/status",
    tags,
    summary: "Mark an organisation active, dormant or closed from a date",
    description:
      "Changes the organisation's status from a date; one with active organisations under it cannot close.",
    permission: "orgs.write",
    params: idParams,
    body: statusBody,
    example: { status: "dormant", on: "2026-03-02" },
    response: organisationSchema,
    errors: ["ORG_HAS_ACTIVE_CHILDREN", "ORG_DATE_BEFORE_OPENING"],
    command: { name: "org.status" },
    run: async (trx, ctx, { params, body }) => dto(await changeOrganisationStatus(trx, ctx, params.id, body)),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/orgs/:id/history",
    tags,
    summary: "Where the organisation sat in the tree, period by period",
    description: "Each parent the organisation had, with the dates it sat under it, oldest first.",
    params: idParams,
    response: parentHistorySchema,
    list: { whole: "one period per move of one organisation: a handful, read as one history" },
    errors: [],
    handle: async ({ actor, params }) => ({ items: await parentHistory(deps.db, actor, params.id) }),
  });
};
