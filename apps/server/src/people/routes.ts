// HTTP routes for people, households and anonymous counts, under /api/v1.

import { pageQuery, pageSchema } from "@qadam/core/contract/pagination";
import { clientId, calendarDate as date, recordId } from "@qadam/core/contract/schemas";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { commandRoute } from "../platform/http/command-route.js";
import { actorOf, type RouteModule } from "../platform/http/context.js";
import {
  createHousehold,
  recordAnonymousCount,
  registerPerson,
  updatePerson,
  withdrawConsent,
} from "./commands.js";
import { findPerson } from "./lookup.js";
import { findHousehold, listAnonymousCounts, searchPeople } from "./queries.js";

const name = z.string().max(100).nullable().optional();
const sex = z.enum(["female", "male"]);

const personDetails = {
  familyName: name,
  givenName: name,
  patronymic: name,
  birthDate: date.nullable().optional(),
  sex: sex.nullable().optional(),
  phone: z.string().max(40).nullable().optional(),
  iin: z.string().max(20).nullable().optional(),
  householdId: recordId.nullable().optional(),
  village: z.string().max(200).nullable().optional(),
};

export const registerPersonBody = z.strictObject({
  id: clientId.optional(),
  orgId: recordId,
  ...personDetails,
  consent: z.strictObject({ givenOn: date, scope: z.string().trim().min(1).max(500) }).nullable(),
});
export const updatePersonBody = z.strictObject(personDetails);

export const personSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  familyName: z.string().nullable(),
  givenName: z.string().nullable(),
  patronymic: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: sex.nullable(),
  phone: z.string().nullable(),
  iin: z.string().nullable(),
  householdId: z.string().nullable(),
  village: z.string().nullable(),
  consent: z.object({ givenOn: z.string(), scope: z.string() }).nullable(),
  consentWithdrawnOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonDto = z.infer<typeof personSchema>;

export const householdSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  village: z.string().nullable(),
  createdAt: z.string(),
  members: z.array(
    z.object({ id: z.string(), familyName: z.string().nullable(), givenName: z.string().nullable() }),
  ),
});

export const anonymousCountSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  countedOn: z.string(),
  count: z.number().int(),
  sex: sex.nullable(),
  note: z.string().nullable(),
});

const idParams = z.object({ id: recordId });
const orgParams = z.object({ orgId: recordId });

export const peopleRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["people"];

  app.post(
    "/api/v1/people",
    {
      schema: {
        tags,
        summary: "Register a person (consent required; IIN and phone validated)",
        body: registerPersonBody,
        response: { 201: personSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "person.register", status: 201 }, (trx, ctx) =>
        registerPerson(trx, ctx, request.body),
      ),
  );

  app.get(
    "/api/v1/people",
    {
      schema: {
        tags,
        summary: "Search people by name (prefixes of every word), phone or IIN",
        querystring: z.object({
          q: z.string().max(200).optional(),
          orgId: recordId.optional(),
          ...pageQuery,
        }),
        response: { 200: pageSchema(personSchema) },
      },
    },
    async (request) => searchPeople(deps.db, actorOf(request), request.query),
  );

  app.get(
    "/api/v1/people/:id",
    { schema: { tags, summary: "One person", params: idParams, response: { 200: personSchema } } },
    async (request) => findPerson(deps.db, actorOf(request), request.params.id),
  );

  app.patch(
    "/api/v1/people/:id",
    {
      schema: {
        tags,
        summary: "Correct a person's details",
        params: idParams,
        body: updatePersonBody,
        response: { 200: personSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "person.update" }, (trx, ctx) =>
        updatePerson(trx, ctx, request.params.id, request.body),
      ),
  );

  app.post(
    "/api/v1/people/:id/consent-withdrawal",
    {
      schema: {
        tags,
        summary: "The person withdrew consent: erase her personal data, keep her as a count",
        params: idParams,
        body: z.strictObject({ on: date }),
        response: { 200: personSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "person.withdraw_consent" }, (trx, ctx) =>
        withdrawConsent(trx, ctx, request.params.id, request.body),
      ),
  );

  app.post(
    "/api/v1/households",
    {
      schema: {
        tags,
        summary: "Create a household",
        body: z.strictObject({
          orgId: recordId,
          name: z.string().trim().min(1).max(200),
          village: z.string().max(200).nullable().optional(),
        }),
        response: { 201: householdSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "household.create", status: 201 }, (trx, ctx) =>
        createHousehold(trx, ctx, request.body),
      ),
  );

  app.get(
    "/api/v1/households/:id",
    {
      schema: {
        tags,
        summary: "A household and its people",
        params: idParams,
        response: { 200: householdSchema },
      },
    },
    async (request) => findHousehold(deps.db, actorOf(request), request.params.id),
  );

  app.post(
    "/api/v1/orgs/:orgId/anonymous-counts",
    {
      schema: {
        tags,
        summary: "Record people served without consent to be recorded, as a count",
        params: orgParams,
        body: z.strictObject({
          countedOn: date,
          count: z.number().int().min(1).max(1_000_000),
          sex: sex.nullable().optional(),
          note: z.string().max(500).nullable().optional(),
        }),
        response: { 201: anonymousCountSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "anonymous_count.record", status: 201 }, (trx, ctx) =>
        recordAnonymousCount(trx, ctx, { orgId: request.params.orgId, ...request.body }),
      ),
  );

  app.get(
    "/api/v1/orgs/:orgId/anonymous-counts",
    {
      schema: {
        tags,
        summary: "An organisation's anonymous counts",
        params: orgParams,
        response: { 200: z.object({ items: z.array(anonymousCountSchema) }) },
      },
    },
    async (request) => ({
      items: await listAnonymousCounts(deps.db, actorOf(request), request.params.orgId),
    }),
  );
};
