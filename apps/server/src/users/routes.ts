// HTTP routes of users and access: users and their roles, and the audit log here; log-in and log-out
// in session-routes.ts, one's own account in me-routes.ts. The schemas are the contract's
// (@qadam/core/users/contract), re-exported from here.

import { pageSchema } from "@qadam/core/contract/pagination";
import { recordId } from "@qadam/core/contract/schemas";
import {
  apiTokenListSchema,
  apiTokenSchema,
  auditEntrySchema,
  auditPageQuery,
  createUserBody,
  grantBody,
  grantSchema,
  resetPasswordBody,
  userSchema,
  usersQuery,
} from "@qadam/core/users/contract";
import { z } from "zod";
import type { RouteModule } from "../platform/http/context.js";
import { command, query } from "../platform/http/route.js";
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
} from "@qadam/core/users/contract";

const EXAMPLE_ORG = "0190f3d2-6a4e-7c1b-9f00-3b2a1c0d4e5f";
const idParams = z.object({ id: recordId });

const userManagementRoutes: RouteModule = (app, deps) => {
  const tags = ["users and access"];

  command(app, deps, {
    method: "POST",
    path: "/api/v1/users",
    tags,
    summary: "Add a user, with roles on organisations",
    description: "Needs users.write on every organisation given (tenant administrators).",
    permission: "users.write",
    body: createUserBody,
    example: {
      login: "aigul.akhmetova",
      displayName: "Айгүл Ахметова",
      password: "correct horse battery staple",
      locale: "kk",
      grants: [{ orgId: EXAMPLE_ORG, role: "federation_officer" }],
    },
    response: userSchema,
    errors: ["LOGIN_TAKEN", "WEAK_PASSWORD"],
    command: { name: "user.create", status: 201 },
    run: (trx, ctx, { body }) => createUser(trx, ctx, body),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/users",
    tags,
    summary: "The users you may see (q: part of the login)",
    description:
      "Users with a role on an organisation you may read users of (users.read), optionally by part of the " +
      "login, a page at a time.",
    permission: "users.read",
    query: usersQuery,
    response: pageSchema(userSchema),
    list: "paged",
    errors: [],
    handle: ({ actor, query }) => listUsers(deps.db, actor, query),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/users/:id",
    tags,
    summary: "One user with her roles",
    description: "A user you may see, with every role she holds and the organisation it is on.",
    permission: "users.read",
    params: idParams,
    response: userSchema,
    errors: [],
    handle: ({ actor, params }) => findUser(deps.db, actor, params.id),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/users/:id/grants",
    tags,
    summary: "Grant a role on an organisation and its subtree",
    description: "The user gains the role's permissions over the organisation and everything under it.",
    permission: "users.write",
    params: idParams,
    body: grantBody,
    example: { orgId: EXAMPLE_ORG, role: "credit_officer" },
    response: grantSchema,
    errors: [],
    command: { name: "user.grant", status: 201 },
    run: (trx, ctx, { params, body }) => grantRole(trx, ctx, { userId: params.id, ...body }),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/users/:id/grants/:grantId/revoke",
    tags,
    summary: "Revoke a role",
    description: "Takes one role away; you cannot take away the last role that lets you manage users.",
    permission: "users.write",
    params: z.object({ id: recordId, grantId: recordId }),
    response: userSchema,
    errors: ["SELF_LOCKOUT"],
    command: { name: "user.revoke" },
    run: (trx, ctx, { params }) => revokeGrant(trx, ctx, { userId: params.id, grantId: params.grantId }),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/users/:id/disable",
    tags,
    summary: "Disable a user: her sessions and tokens end",
    description:
      "She can no longer log in; her sessions and API tokens stop working. You cannot disable yourself.",
    permission: "users.write",
    params: idParams,
    response: userSchema,
    errors: ["SELF_LOCKOUT"],
    command: { name: "user.disable" },
    run: (trx, ctx, { params }) => disableUser(trx, ctx, params.id),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/users/:id/enable",
    tags,
    summary: "Enable a disabled user again",
    description: "She can log in again with her password; her old sessions and tokens stay ended.",
    permission: "users.write",
    params: idParams,
    response: userSchema,
    errors: [],
    command: { name: "user.enable" },
    run: (trx, ctx, { params }) => enableUser(trx, ctx, params.id),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/users/:id/password",
    tags,
    summary: "Reset a user's password: her sessions and API tokens end and her failed log-ins are forgotten",
    description:
      "Sets a new password for another user (a weak one is refused); she logs in again with it everywhere.",
    permission: "users.write",
    params: idParams,
    body: resetPasswordBody,
    example: { password: "a new and longer passphrase" },
    response: userSchema,
    errors: ["WEAK_PASSWORD"],
    command: { name: "user.password_reset" },
    run: (trx, ctx, { params, body }) =>
      setPassword(trx, ctx, { userId: params.id, password: body.password }),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/users/:id/api-tokens",
    tags,
    summary: "A user's API tokens, without their secrets",
    description:
      "Every API token the user created, revoked and expired ones included, without their secrets.",
    permission: "users.read",
    params: idParams,
    response: apiTokenListSchema,
    list: { whole: "one person's integration tokens: a handful, shown together to manage them" },
    errors: [],
    handle: async ({ actor, params }) => ({ items: await listUserApiTokens(deps.db, actor, params.id) }),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/users/:id/api-tokens/:apiTokenId/revoke",
    tags,
    summary: "Revoke one of a user's API tokens",
    description: "Needs users.write over every organisation she holds a role on.",
    permission: "users.write",
    params: z.object({ id: recordId, apiTokenId: recordId }),
    response: apiTokenSchema,
    errors: [],
    command: { name: "api_token.revoke" },
    run: (trx, ctx, { params }) =>
      revokeUserApiToken(trx, ctx, { userId: params.id, tokenId: params.apiTokenId }),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/audit",
    tags,
    summary: "The audit log: who did what, when, to which records (newest first)",
    description: "Needs audit.read over the whole tenant (tenant administrators and auditors).",
    permission: "audit.read",
    query: auditPageQuery,
    response: pageSchema(auditEntrySchema),
    list: "paged",
    errors: [],
    handle: ({ actor, query }) => auditLog(deps.db, actor, query),
  });
};

export const userRoutes: RouteModule = async (fastify, deps) => {
  await sessionRoutes(fastify, deps);
  await meRoutes(fastify, deps);
  await userManagementRoutes(fastify, deps);
};
