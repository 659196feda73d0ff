// HTTP routes of users and access: users and their roles, and the audit log here; log-in and log-out
// in session-routes.ts, one's own account in me-routes.ts. The Zod schemas are re-exported from here.

import { pageQuery, pageSchema } from "@qadam/core/contract/pagination";
import { recordId } from "@qadam/core/contract/schemas";
import {
  apiTokenSchema,
  auditEntrySchema,
  auditQuery,
  createUserBody,
  grantBody,
  grantSchema,
  userListQuery,
  userSchema,
} from "@qadam/core/users/schemas";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { commandRoute } from "../platform/http/command-route.js";
import { actorOf, type RouteModule } from "../platform/http/context.js";
import { listUserApiTokens, revokeUserApiToken } from "./api-tokens.js";
import { auditLog } from "./audit.js";
import { createUser, disableUser, enableUser, grantRole, revokeGrant } from "./commands.js";
import { meRoutes } from "./me-routes.js";
import { setPassword } from "./passwords.js";
import { findUser, listUsers } from "./queries.js";
import { sessionRoutes } from "./session-routes.js";

export {
  apiTokenBody,
  apiTokenSchema,
  auditEntrySchema,
  auditQuery,
  createUserBody,
  grantBody,
  grantSchema,
  loginBody,
  meSchema,
  newApiTokenSchema,
  passwordBody,
  sessionSchema,
  userListQuery,
  userSchema,
} from "@qadam/core/users/schemas";

const userManagementRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["users and access"];

  app.post(
    "/api/v1/users",
    {
      schema: {
        tags,
        summary: "Add a user, with roles on organisations",
        description: "Needs users.write on every organisation given (tenant administrators).",
        body: createUserBody,
        response: { 201: userSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "user.create", status: 201 }, (trx, ctx) =>
        createUser(trx, ctx, request.body),
      ),
  );

  app.get(
    "/api/v1/users",
    {
      schema: {
        tags,
        summary: "The users you may see (q: part of the login)",
        querystring: userListQuery.extend(pageQuery),
        response: { 200: pageSchema(userSchema) },
      },
    },
    async (request) => listUsers(deps.db, actorOf(request), request.query),
  );

  app.get(
    "/api/v1/users/:id",
    {
      schema: {
        tags,
        summary: "One user with her roles",
        params: z.object({ id: recordId }),
        response: { 200: userSchema },
      },
    },
    async (request) => findUser(deps.db, actorOf(request), request.params.id),
  );

  app.post(
    "/api/v1/users/:id/grants",
    {
      schema: {
        tags,
        summary: "Grant a role on an organisation and its subtree",
        params: z.object({ id: recordId }),
        body: grantBody,
        response: { 201: grantSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "user.grant", status: 201 }, (trx, ctx) =>
        grantRole(trx, ctx, { userId: request.params.id, ...request.body }),
      ),
  );

  app.post(
    "/api/v1/users/:id/grants/:grantId/revoke",
    {
      schema: {
        tags,
        summary: "Revoke a role",
        params: z.object({ id: recordId, grantId: recordId }),
        response: { 200: userSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "user.revoke" }, (trx, ctx) =>
        revokeGrant(trx, ctx, { userId: request.params.id, grantId: request.params.grantId }),
      ),
  );

  app.post(
    "/api/v1/users/:id/disable",
    {
      schema: {
        tags,
        summary: "Disable a user: her sessions and tokens end",
        params: z.object({ id: recordId }),
        response: { 200: userSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "user.disable" }, (trx, ctx) =>
        disableUser(trx, ctx, request.params.id),
      ),
  );

  app.post(
    "/api/v1/users/:id/enable",
    {
      schema: {
        tags,
        summary: "Enable a disabled user again",
        params: z.object({ id: recordId }),
        response: { 200: userSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "user.enable" }, (trx, ctx) =>
        enableUser(trx, ctx, request.params.id),
      ),
  );

  app.post(
    "/api/v1/users/:id/password",
    {
      schema: {
        tags,
        summary:
          "Reset a user's password: her sessions and API tokens end and her failed log-ins are forgotten",
        params: z.object({ id: recordId }),
        body: z.strictObject({ password: z.string().max(500) }),
        response: { 200: userSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "user.password_reset" }, (trx, ctx) =>
        setPassword(trx, ctx, { userId: request.params.id, password: request.body.password }),
      ),
  );

  app.get(
    "/api/v1/users/:id/api-tokens",
    {
      schema: {
        tags,
        summary: "A user's API tokens, without their secrets",
        params: z.object({ id: recordId }),
        response: { 200: z.object({ items: z.array(apiTokenSchema) }) },
      },
    },
    async (request) => ({ items: await listUserApiTokens(deps.db, actorOf(request), request.params.id) }),
  );

  app.post(
    "/api/v1/users/:id/api-tokens/:apiTokenId/revoke",
    {
      schema: {
        tags,
        summary: "Revoke one of a user's API tokens",
        description: "Needs users.write over every organisation she holds a role on.",
        params: z.object({ id: recordId, apiTokenId: recordId }),
        response: { 200: apiTokenSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "api_token.revoke" }, (trx, ctx) =>
        revokeUserApiToken(trx, ctx, { userId: request.params.id, tokenId: request.params.apiTokenId }),
      ),
  );

  app.get(
    "/api/v1/audit",
    {
      schema: {
        tags,
        summary: "The audit log: who did what, when, to which records (newest first)",
        description: "Needs audit.read over the whole tenant (tenant administrators and auditors).",
        querystring: auditQuery.extend(pageQuery),
        response: { 200: pageSchema(auditEntrySchema) },
      },
    },
    async (request) => auditLog(deps.db, actorOf(request), request.query),
  );
};

export const userRoutes: RouteModule = async (fastify, deps) => {
  await sessionRoutes(fastify, deps);
  await meRoutes(fastify, deps);
  await userManagementRoutes(fastify, deps);
};
