// Log-in and log-out: POST and DELETE /api/v1/session. The session lives in an HTTP-only,
// SameSite=Strict cookie; log-in is limited per address here and per account in platform/auth.

import type { Actor } from "@qadam/core/auth/actor";
import { loginBody, sessionSchema } from "@qadam/core/users/contract";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { logIn, logOut } from "../platform/auth/sessions.js";
import { executeCommand } from "../platform/commands.js";
import type { AppDeps, RouteModule } from "../platform/http/context.js";
import { plainWrite } from "../platform/http/route.js";
import { SESSION_COOKIE } from "../platform/http/server.js";

function secureCookie(deps: AppDeps, request: FastifyRequest): boolean {
  switch (deps.config.cookieSecure) {
    case "always":
      return true;
    case "never":
      return false;
    case "auto":
      return request.protocol === "https";
  }
}

/** Records a log-in or log-out in the audit log, as the user concerned. */
async function audit(deps: AppDeps, name: string, who: { userId: string; tenantId: string }): Promise<void> {
  const actor: Actor = {
    tenantId: who.tenantId,
    userId: who.userId,
    locale: "en",
    grants: [],
    via: "session",
  };
  await executeCommand(deps, { actor, name, source: "api" }, async (_trx, ctx) =>
    ctx.touched("user", who.userId),
  );
}

export const sessionRoutes: RouteModule = (app, deps) => {
  const tags = ["users and access"];

  plainWrite(app, {
    method: "POST",
    path: "/api/v1/session",
    tags,
    summary: "Log in: sets an HTTP-only session cookie",
    description:
      "Limited per address (429 RATE_LIMITED) and per login (429 LOGIN_RATE_LIMITED after repeated " +
      "failures, wrong current passwords on /me/password included). A wrong password and an unknown login " +
      "both answer 401 INVALID_CREDENTIALS, and an unknown login is paused the same way.",
    notIdempotent: "a log-in opens a new session each time; no key could replay one",
    public: true,
    rateLimit: { max: deps.config.loginPerMinutePerAddress, timeWindow: "1 minute" },
    security: [],
    body: loginBody,
    example: { login: "aigul.akhmetova", password: "correct horse battery staple" },
    response: sessionSchema,
    errors: ["INVALID_CREDENTIALS", "USER_DISABLED", "LOGIN_RATE_LIMITED"],
    handle: async ({ request, reply, body }) => {
      const session = await logIn(
        deps.db,
        { clock: deps.clock, ids: deps.ids, policy: deps.loginPolicy },
        {
          login: body.login,
          password: body.password,
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? null,
        },
      );
      const user = await deps.db
        .selectFrom("users")
        .select(["id", "login", "displayName", "locale"])
        .where("id", "=", session.userId)
        .executeTakeFirstOrThrow();
      await audit(deps, "session.create", session);
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
  });

  plainWrite(app, {
    method: "DELETE",
    path: "/api/v1/session",
    tags,
    summary: "Log out: ends the session and clears its cookie",
    description:
      "Ends the session of the cookie sent, if any, and clears the cookie; answers 204 whether or not a " +
      "session was open.",
    notIdempotent: "already idempotent: ending an ended session changes nothing",
    public: true,
    security: [],
    status: 204,
    response: z.null(),
    errors: [],
    handle: async ({ request, reply }) => {
      const token = request.cookies[SESSION_COOKIE];
      const ended = token ? await logOut(deps.db, deps.clock, token) : null;
      if (ended) await audit(deps, "session.delete", ended);
      reply.clearCookie(SESSION_COOKIE, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: secureCookie(deps, request),
      });
      return reply.code(204).send();
    },
  });
};
