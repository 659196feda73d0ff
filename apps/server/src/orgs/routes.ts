// HTTP routes of the organisation tree, under /api/v1/orgs. Schemas are exported for the web app.

import { pageQuery, pageSchema } from "@qadam/core/contract/pagination";
import { calendarDate as date, recordId } from "@qadam/core/contract/schemas";
import { ORG_KINDS, ORG_STATUSES } from "@qadam/core/orgs/types";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { commandRoute } from "../platform/http/command-route.js";
import { actorOf, type RouteModule } from "../platform/http/context.js";
import {
  changeOrganisationStatus,
  createOrganisation,
  moveOrganisation,
  updateOrganisation,
} from "./commands.js";
import { findOrganisation } from "./lookup.js";
import { listOrganisations, parentHistory } from "./queries.js";

const text = (max: number) => z.string().trim().min(1).max(max);

export const placeSchema = z.object({
  region: text(200).nullable().optional(),
  district: text(200).nullable().optional(),
  village: text(200).nullable().optional(),
  territoryCode: z
    .string()
    .regex(/^[0-9A-Za-z.-]{1,20}$/, "an official territory code (e.g. a 9-digit KATO code)")
    .nullable()
    .optional(),
});

export const organisationSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  depth: z.number().int(),
  place: z.object({
    region: z.string().nullable(),
    district: z.string().nullable(),
    village: z.string().nullable(),
    territoryCode: z.string().nullable(),
  }),
  currency: z.string(),
  timeZone: z.string(),
  openedOn: z.string(),
  status: z.enum(ORG_STATUSES),
  statusChangedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrganisationDto = z.infer<typeof organisationSchema>;

export const createOrganisationBody = z.strictObject({
  parentId: recordId,
  kind: z.enum(["federation", "cluster", "shg", "mfo", "centre"]),
  name: text(200),
  place: placeSchema.strict().optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, "an ISO 4217 code")
    .optional(),
  timeZone: text(64).optional(),
  openedOn: date.optional(),
});

export const updateOrganisationBody = z.strictObject({
  name: text(200).optional(),
  place: placeSchema.strict().optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, "an ISO 4217 code")
    .optional(),
  timeZone: text(64).optional(),
});

export const moveOrganisationBody = z.strictObject({ parentId: recordId, movedOn: date });
export const statusBody = z.strictObject({ status: z.enum(ORG_STATUSES), on: date });

const idParams = z.object({ id: recordId });
const tags = ["organisations"];

function dto(org: OrganisationDto & { path?: string; tenantId?: string }): OrganisationDto {
  const { path: _path, tenantId: _tenant, ...rest } = org;
  return rest;
}

export const orgRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/api/v1/orgs",
    {
      schema: {
        tags,
        summary: "Open an organisation (federation, cluster, SHG, MFO or centre) under a parent",
        body: createOrganisationBody,
        response: { 201: organisationSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "org.create", status: 201 }, async (trx, ctx) =>
        dto(await createOrganisation(trx, ctx, request.body)),
      ),
  );

  app.get(
    "/api/v1/orgs",
    {
      schema: {
        tags,
        summary: "List the organisations you can see, filtered",
        querystring: z.object({
          parentId: recordId.optional(),
          under: recordId.optional(),
          kind: z.enum(ORG_KINDS).optional(),
          status: z.enum(ORG_STATUSES).optional(),
          q: z.string().max(200).optional(),
          ...pageQuery,
        }),
        response: { 200: pageSchema(organisationSchema) },
      },
    },
    async (request) => {
      const page = await listOrganisations(deps.db, actorOf(request), request.query);
      return { items: page.items.map(dto), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/v1/orgs/:id",
    {
      schema: { tags, summary: "One organisation", params: idParams, response: { 200: organisationSchema } },
    },
    async (request) => dto(await findOrganisation(deps.db, actorOf(request), request.params.id)),
  );

  app.patch(
    "/api/v1/orgs/:id",
    {
      schema: {
        tags,
        summary: "Change an organisation's name, place, currency or time zone",
        params: idParams,
        body: updateOrganisationBody,
        response: { 200: organisationSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "org.update" }, async (trx, ctx) =>
        dto(await updateOrganisation(trx, ctx, request.params.id, request.body)),
      ),
  );

  app.post(
    "/api/v1/orgs/:id/move",
    {
      schema: {
        tags,
        summary: "Move an organisation and its branch under another parent from a date, keeping its history",
        params: idParams,
        body: moveOrganisationBody,
        response: { 200: organisationSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "org.move" }, async (trx, ctx) =>
        dto(await moveOrganisation(trx, ctx, request.params.id, request.body)),
      ),
  );

  app.post(
    "/api/v1/orgs/:id/status",
    {
      schema: {
        tags,
        summary: "Mark an organisation active, dormant or closed from a date",
        params: idParams,
        body: statusBody,
        response: { 200: organisationSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "org.status" }, async (trx, ctx) =>
        dto(await changeOrganisationStatus(trx, ctx, request.params.id, request.body)),
      ),
  );

  app.get(
    "/api/v1/orgs/:id/history",
    {
      schema: {
        tags,
        summary: "Where the organisation sat in the tree, period by period",
        params: idParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                parentId: z.string().nullable(),
                parentName: z.string().nullable(),
                validFrom: z.string(),
                validTo: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await parentHistory(deps.db, actorOf(request), request.params.id) }),
  );
};
