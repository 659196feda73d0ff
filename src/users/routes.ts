// HTTP routes for log-in and log-out, one's own account, users and their roles, and the audit log.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { can } from "../platform/auth/actor.js";
import { PERMISSIONS, ROLES } from "../platform/auth/roles.js";
import { logIn, logOut } from "../platform/auth/sessions.js";
import { executeCommand } from "../platform/commands.js";
import { commandRoute } from "../platform/http/command-route.js";
import { type AppDeps, actorOf, type RouteModule } from "../platform/http/context.js";
import { pageQuery, pageSchema } from "../platform/http/pagination.js";
import { recordId } from "../platform/http/schemas.js";
import { SESSION_COOKIE } from "../platform/http/server.js";
import { LOCALES } from "../platform/i18n/index.js";
import {
  changeOwnPassword,
  createApiToken,
  createUser,
  disableUser,
  grantRole,
  revokeApiToken,
  revokeGrant,
} from "./commands.js";
import { auditLog, findUser, listUsers } from "./queries.js";

const grantSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  role: z.enum(ROLES),
  grantedAt: z.string(),
});
export const userSchema = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  locale: z.string(),
  status: z.enum(["active", "disabled"]),
  createdAt: z.string(),
  grants: z.array(grantSchema),
});
export const loginBody = z.strictObject({
  login: z.string().min(1).max(200),
  password: z.string().min(1).max(500),
});
export const createUserBody = z.strictObject({
  login: z.string().trim().min(3).max(200),
  displayName: z.string().trim().min(1).max(200),
  password: z.string().max(500),
  locale: z.enum(LOCALES).default("ru"),
  grants: z
    .array(z.strictObject({ orgId: recordId, role: z.enum(ROLES) }))
    .max(50)
    .default([]),
});
export const grantBody = z.strictObject({ orgId: recordId, role: z.enum(ROLES) });
export const passwordBody = z.strictObject({
  currentPassword: z.string().max(500),
  newPassword: z.string().max(500),
});
export const apiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

function secureCookie(deps: AppDeps, request: FastifyRequest): boolean {
  if (deps.config.cookieSecure === "always") return true;
  if (deps.config.cookieSecure === "never") return false;
  return request.protocol === "https";
}

export const userRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["users and access"];

  app.post(
    "/api/v1/session",
    {
      config: {
        public: true,
        rateLimit: { max: deps.config.loginPerMinutePerAddress, timeWindow: "1 minute" },
      },
      schema: {
        tags,
        summary: "Log in: sets an HTTP-only session cookie",
        security: [],
        body: loginBody,
        response: {
          200: z.object({
            user: z.object({
              id: z.string(),
              login: z.string(),
              displayName: z.string(),
              locale: z.string(),
            }),
            expiresAt: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const session = await logIn(
        deps.db,
        { clock: deps.clock, ids: deps.ids, policy: deps.loginPolicy },
        {
          login: request.body.login,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? null,
        },
      );
      const user = await deps.db
        .selectFrom("users")
        .select(["id", "login", "displayName", "locale"])
        .where("id", "=", session.userId)
        .executeTakeFirstOrThrow();
      await executeCommand(
        deps,
        {
          actor: {
            tenantId: session.tenantId,
            userId: session.userId,
            locale: "en",
            grants: [],
            via: "session",
          },
          name: "session.create",
          source: "api",
        },
        async (_trx, ctx) => ctx.touched("user", session.userId),
      );
      const maxAge = Math.round((Date.parse(session.expiresAt) - deps.clock.now().getTime()) / 1000);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: "strict",
        path: "/",
        maxAge,
        secure: secureCookie(deps, request),
      });
      return { user, expiresAt: session.expiresAt };
    },
  );

  app.delete(
    "/api/v1/session",
    {
      config: { public: true },
      schema: { tags, summary: "Log out: ends the session and clears its cookie", security: [] },
    },
    async (request, reply: FastifyReply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logOut(deps.db, deps.clock, token);
      reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "strict" });
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/v1/me",
    {
      schema: {
        tags,
        summary: "Who you are: your account, tenant, roles and what they allow",
        response: {
          200: z.object({
            user: userSchema,
            tenant: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
            permissions: z.array(
              z.object({ orgId: z.string(), role: z.enum(ROLES), allows: z.array(z.enum(PERMISSIONS)) }),
            ),
          }),
        },
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
      schema: {
        tags,
        summary: "Change your password; your other sessions end",
        body: passwordBody,
        response: { 200: z.object({ changed: z.literal(true) }) },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "user.password" }, (trx, ctx) =>
        changeOwnPassword(trx, ctx, {
          ...request.body,
          sessionToken: request.cookies[SESSION_COOKIE] ?? null,
        }),
      ),
  );

  app.post(
    "/api/v1/me/api-tokens",
    {
      schema: {
        tags,
        summary: "Create an API token for an integration (shown once; send as Authorization: Bearer)",
        body: apiTokenBody,
        response: { 201: apiTokenSchema.extend({ token: z.string() }) },
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
        summary: "Your API tokens",
        response: { 200: z.object({ items: z.array(apiTokenSchema) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const items = await deps.db
        .selectFrom("apiTokens")
        .select(["id", "name", "createdAt", "expiresAt", "revokedAt"])
        .where("tenantId", "=", actor.tenantId)
        .where("userId", "=", actor.userId ?? "")
        .orderBy("id")
        .execute();
      return { items };
    },
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

  app.post(
    "/api/v1/users",
    {
      schema: {
        tags,
        summary: "Add a user, with roles on organisations",
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
        summary: "The users you may see",
        querystring: z.object({ q: z.string().max(200).optional(), ...pageQuery }),
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

  app.get(
    "/api/v1/audit",
    {
      schema: {
        tags,
        summary: "The audit log: who did what, when, to which records (newest first)",
        querystring: z.object({
          command: z.string().max(100).optional(),
          userId: recordId.optional(),
          ...pageQuery,
        }),
        response: {
          200: pageSchema(
            z.object({
              id: z.string(),
              at: z.string(),
              userId: z.string().nullable(),
              userLogin: z.string().nullable(),
              command: z.string(),
              records: z.array(z.object({ type: z.string(), id: z.string() })),
              source: z.string(),
            }),
          ),
        },
      },
    },
    async (request) => auditLog(deps.db, actorOf(request), request.query),
  );
};
