// One's own account: who am I (GET /me), one's language, changing one's password, and one's API tokens.

import { can } from "@qadam/core/auth/actor";
import { PERMISSIONS } from "@qadam/core/auth/roles";
import { recordId } from "@qadam/core/contract/schemas";
import { DomainError } from "@qadam/core/errors";
import {
  apiTokenBody,
  apiTokenListSchema,
  apiTokenSchema,
  meSchema,
  newApiTokenSchema,
  ownLocaleBody,
  passwordBody,
  passwordChangedSchema,
  userSchema,
} from "@qadam/core/users/contract";
import { z } from "zod";
import { tenantById } from "../orgs/index.js";
import { throttledCheck } from "../platform/auth/throttle.js";
import { actorOf, type RouteModule } from "../platform/http/context.js";
import { command, query } from "../platform/http/route.js";
import { SESSION_COOKIE } from "../platform/http/server.js";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.js";
import { localeChosen, SET_OWN_LOCALE, setOwnLocale } from "./own-locale.js";
import { changeOwnPassword } from "./passwords.js";
import { findUser } from "./queries.js";

export const meRoutes: RouteModule = (app, deps) => {
  const tags = ["users and access"];

  query(app, {
    method: "GET",
    path: "/api/v1/me",
    tags,
    summary: "Who you are: your account, tenant, roles and what they allow",
    description:
      "Your account, your tenant, and each of your roles with the organisation it was granted on and the " +
      "permissions it gives there and below.",
    response: meSchema,
    errors: [],
    handle: async ({ actor }) => {
      const user = await findUser(deps.db, actor, actor.userId ?? "");
      const found = await tenantById(deps.db, actor.tenantId);
      if (!found) throw new Error(`the actor's tenant ${actor.tenantId} is missing`);
      const tenant = { id: found.id, slug: found.slug, name: found.name };
      return {
        user,
        localeChosen: await localeChosen(deps.db, actor),
        tenant,
        permissions: actor.grants.map((g) => ({
          orgId: g.orgId,
          role: g.role,
          allows: PERMISSIONS.filter((p) => can({ ...actor, grants: [g] }, p, g.orgPath)),
        })),
      };
    },
  });

  command(app, deps, {
    method: "PATCH",
    path: "/api/v1/me",
    tags,
    summary: "Choose your language (kk, ru, en or fr), remembered for your account on every device",
    description:
      "The web app switches to it wherever you log in next, even on a device where another language was " +
      "chosen on the log-in page; GET /me then says localeChosen. Choosing the language you have changes nothing.",
    body: ownLocaleBody,
    example: { locale: "kk" },
    response: userSchema,
    errors: [],
    command: { name: SET_OWN_LOCALE },
    run: (trx, ctx, { body }) => setOwnLocale(trx, ctx, body.locale),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/me/password",
    tags,
    summary: "Change your password; your other sessions end",
    description:
      "A wrong current password counts as a failed log-in of your account: after repeated ones both " +
      "answer 429 LOGIN_RATE_LIMITED for a while.",
    rateLimit: { max: deps.config.loginPerMinutePerAddress, timeWindow: "1 minute" },
    body: passwordBody,
    example: { currentPassword: "correct horse battery staple", newPassword: "a longer passphrase of mine" },
    response: passwordChangedSchema,
    errors: ["CURRENT_PASSWORD_WRONG", "WEAK_PASSWORD", "LOGIN_RATE_LIMITED"],
    command: { name: "user.password" },
    run: (trx, ctx, { request, body }) =>
      changeOwnPassword(trx, ctx, { ...body, sessionToken: request.cookies[SESSION_COOKIE] ?? null }),
    around: async ({ request }, run) => {
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
        run,
      );
    },
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/me/api-tokens",
    tags,
    summary: "Create an API token for an integration (shown once; send as Authorization: Bearer)",
    description:
      "A token acting as you, with your roles, for an integration; its secret is in this answer only. It " +
      "expires when you say (never by default) or when revoked.",
    body: apiTokenBody,
    example: { name: "accounting export", expiresAt: "2027-01-01T00:00:00+05:00" },
    response: newApiTokenSchema,
    errors: [],
    command: { name: "api_token.create", status: 201 },
    run: (trx, ctx, { body }) => createApiToken(trx, ctx, body),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/me/api-tokens",
    tags,
    summary: "Your API tokens, without their secrets",
    description: "Every API token you created, revoked and expired ones included, without their secrets.",
    response: apiTokenListSchema,
    list: { whole: "one person's integration tokens: a handful, shown together to manage them" },
    errors: [],
    handle: async ({ actor }) => ({ items: await listApiTokens(deps.db, actor) }),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/me/api-tokens/:id/revoke",
    tags,
    summary: "Revoke one of your API tokens",
    description: "The token stops working at once; revoking it again changes nothing.",
    params: z.object({ id: recordId }),
    response: apiTokenSchema,
    errors: [],
    command: { name: "api_token.revoke" },
    run: (trx, ctx, { params }) => revokeApiToken(trx, ctx, params.id),
  });
};
