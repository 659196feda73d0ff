// One's own account: who am I (GET /me), changing one's password, and one's API tokens.

import { can } from "@qadam/core/auth/actor";
import { PERMISSIONS } from "@qadam/core/auth/roles";
import { recordId } from "@qadam/core/contract/schemas";
import { DomainError } from "@qadam/core/errors";
import {
  apiTokenBody,
  apiTokenSchema,
  meSchema,
  newApiTokenSchema,
  passwordBody,
} from "@qadam/core/users/schemas";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { throttledCheck } from "../platform/auth/throttle.js";
import { commandRoute } from "../platform/http/command-route.js";
import { actorOf, type RouteModule } from "../platform/http/context.js";
import { SESSION_COOKIE } from "../platform/http/server.js";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.js";
import { changeOwnPassword } from "./passwords.js";
import { findUser } from "./queries.js";

export const meRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["users and access"];

  app.get(
    "/api/v1/me",
    {
      schema: {
        tags,
        summary: "Who you are: your account, tenant, roles and what they allow",
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const user = await findUser(deps.db, actor, actor.userId ?? "");
      const tenant = await deps.db
        .selectFrom("tenants")
        .select(["id", "slug", "name"])
        .where("id", "=", actor.tenantId)
        .executeTakeFirstOrThrow();
      return {
        user,
        tenant,
        permissions: actor.grants.map((g) => ({
          orgId: g.orgId,
          role: g.role,
          allows: PERMISSIONS.filter((p) => can({ ...actor, grants: [g] }, p, g.orgPath)),
        })),
      };
    },
  );

  app.post(
    "/api/v1/me/password",
    {
      config: { rateLimit: { max: deps.config.loginPerMinutePerAddress, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "Change your password; your other sessions end",
        description:
          "A wrong current password counts as a failed log-in of your account: after repeated ones both " +
          "answer 429 LOGIN_RATE_LIMITED for a while.",
        body: passwordBody,
        response: { 200: z.object({ changed: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const user = await deps.db
        .selectFrom("users")
        .select("login")
        .where("tenantId", "=", actor.tenantId)
        .where("id", "=", actor.userId ?? "")
        .executeTakeFirst();
      if (!user) throw new DomainError("UNAUTHENTICATED");
      // Guesses of the current password are throttled like log-ins, on the same count.
      await throttledCheck(
        deps.db,
        deps.clock.now(),
        deps.loginPolicy,
        user.login,
        { wrong: "CURRENT_PASSWORD_WRONG", proven: ["WEAK_PASSWORD"] },
        () =>
          commandRoute(deps, request, reply, { name: "user.password" }, (trx, ctx) =>
            changeOwnPassword(trx, ctx, {
              ...request.body,
              sessionToken: request.cookies[SESSION_COOKIE] ?? null,
            }),
          ),
      );
    },
  );

  app.post(
    "/api/v1/me/api-tokens",
    {
      schema: {
        tags,
        summary: "Create an API token for an integration (shown once; send as Authorization: Bearer)",
        body: apiTokenBody,
        response: { 201: newApiTokenSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "api_token.create", status: 201 }, (trx, ctx) =>
        createApiToken(trx, ctx, request.body),
      ),
  );

  app.get(
    "/api/v1/me/api-tokens",
    {
      schema: {
        tags,
        summary: "Your API tokens, without their secrets",
        response: { 200: z.object({ items: z.array(apiTokenSchema) }) },
      },
    },
    async (request) => ({ items: await listApiTokens(deps.db, actorOf(request)) }),
  );

  app.post(
    "/api/v1/me/api-tokens/:id/revoke",
    {
      schema: {
        tags,
        summary: "Revoke one of your API tokens",
        params: z.object({ id: recordId }),
        response: { 200: apiTokenSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "api_token.revoke" }, (trx, ctx) =>
        revokeApiToken(trx, ctx, request.params.id),
      ),
  );
};
