// HTTP routes for membership of people in self-help groups, under /api/v1.

import { clientId, calendarDate as date, recordId } from "@qadam/core/contract/schemas";
import { MEMBER_ROLES } from "@qadam/core/members/types";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { commandRoute } from "../platform/http/command-route.js";
import { actorOf, type RouteModule } from "../platform/http/context.js";
import { changeRole, joinGroup, leaveGroup } from "./commands.js";
import { findMembership, groupMembers, personMemberships } from "./queries.js";

export const membershipSchema = z.object({
  id: z.string(),
  personId: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  role: z.enum(MEMBER_ROLES),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
  person: z.object({
    familyName: z.string().nullable(),
    givenName: z.string().nullable(),
    patronymic: z.string().nullable(),
  }),
});
export const joinBody = z.strictObject({
  id: clientId.optional(),
  personId: recordId,
  role: z.enum(MEMBER_ROLES).default("member"),
  joinedOn: date,
});

export const memberRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["members"];
  const list = z.object({ items: z.array(membershipSchema) });

  app.post(
    "/api/v1/groups/:groupId/members",
    {
      schema: {
        tags,
        summary: "A person joins a self-help group (refused if she is an active member of another)",
        params: z.object({ groupId: recordId }),
        body: joinBody,
        response: { 201: membershipSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "member.join", status: 201 }, (trx, ctx) =>
        joinGroup(trx, ctx, { groupId: request.params.groupId, ...request.body }),
      ),
  );

  app.get(
    "/api/v1/groups/:groupId/members",
    {
      schema: {
        tags,
        summary: "A group's members (active, or all with those who left)",
        params: z.object({ groupId: recordId }),
        querystring: z.object({ status: z.enum(["active", "all"]).default("active") }),
        response: { 200: list },
      },
    },
    async (request) => ({
      items: await groupMembers(deps.db, actorOf(request), request.params.groupId, request.query.status),
    }),
  );

  app.get(
    "/api/v1/people/:id/memberships",
    {
      schema: {
        tags,
        summary: "A person's memberships",
        params: z.object({ id: recordId }),
        response: { 200: list },
      },
    },
    async (request) => ({ items: await personMemberships(deps.db, actorOf(request), request.params.id) }),
  );

  app.get(
    "/api/v1/memberships/:id",
    {
      schema: {
        tags,
        summary: "One membership",
        params: z.object({ id: recordId }),
        response: { 200: membershipSchema },
      },
    },
    async (request) => findMembership(deps.db, actorOf(request), request.params.id),
  );

  app.post(
    "/api/v1/memberships/:id/role",
    {
      schema: {
        tags,
        summary: "Change a member's role (one president, secretary and treasurer at a time)",
        params: z.object({ id: recordId }),
        body: z.strictObject({ role: z.enum(MEMBER_ROLES) }),
        response: { 200: membershipSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "member.role" }, (trx, ctx) =>
        changeRole(trx, ctx, request.params.id, request.body),
      ),
  );

  app.post(
    "/api/v1/memberships/:id/leave",
    {
      schema: {
        tags,
        summary: "A member leaves the group",
        params: z.object({ id: recordId }),
        body: z.strictObject({ leftOn: date, reason: z.string().max(500).nullable().optional() }),
        response: { 200: membershipSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "member.leave" }, (trx, ctx) =>
        leaveGroup(trx, ctx, request.params.id, request.body),
      ),
  );
};
