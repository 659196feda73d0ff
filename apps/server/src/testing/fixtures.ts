// Test fixtures: a tenant with a small tree, users with one role each and a live session,
// and the HTTP app over a test database. Rows are inserted directly so that each domain's tests
// do not depend on another domain's commands.

import type { Actor } from "@qadam/core/auth/actor";
import type { Role } from "@qadam/core/auth/roles";
import { systemClock } from "@qadam/core/clock";
import type { Locale } from "@qadam/core/i18n";
import { systemIds } from "@qadam/core/ids";
import { foldForSearch } from "@qadam/core/text";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../app.js";
import { DEFAULT_LOGIN_POLICY } from "../platform/auth/sessions.js";
import { digest, newSecret } from "../platform/auth/tokens.js";
import { configSchema } from "../platform/config.js";
import type { Db, OpenDatabase } from "../platform/db/database.js";

export interface SeededTenant {
  tenantId: string;
  rootId: string;
  federationId: string;
  otherFederationId: string;
  clusterId: string;
  groupId: string;
  otherGroupId: string;
  mfoId: string;
  paths: Record<
    "root" | "federation" | "otherFederation" | "cluster" | "group" | "otherGroup" | "mfo",
    string
  >;
}

let counter = 0;

/**
 * A tenant: association → two federations, a cluster and a group under the first, a group under the second, an MFO.
 * Its language (of its books) is English unless one is given, so that tests read the chart as the code names it.
 */
export async function seedTenant(db: Db, label = "t", language: Locale = "en"): Promise<SeededTenant> {
  counter += 1;
  const tenantId = systemIds.next();
  const now = new Date().toISOString();
  await db
    .insertInto("tenants")
    .values({
      id: tenantId,
      tenantId,
      slug: `${label}-${counter}-${tenantId.slice(-8)}`,
      name: `Tenant ${label}`,
      country: "KZ",
      defaultLocale: language,
      createdAt: now,
    })
    .execute();
  const insert = async (kind: string, name: string, parentId: string | null, parentPath: string | null) => {
    const id = systemIds.next();
    const path = `${parentPath ?? "/"}${id}/`;
    await db
      .insertInto("organisations")
      .values({
        id,
        tenantId,
        parentId,
        kind,
        name,
        nameFolded: foldForSearch(name),
        path,
        depth: path.split("/").length - 3,
        region: "Almaty Region",
        district: null,
        village: null,
        territoryCode: null,
        currency: "KZT",
        timeZone: "Asia/Almaty",
        openedOn: "2020-01-01",
        status: "active",
        statusChangedOn: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await db
      .insertInto("orgParentHistory")
      .values({
        id: systemIds.next(),
        tenantId,
        orgId: id,
        parentId,
        validFrom: "2020-01-01",
        validTo: null,
        recordedAt: now,
      })
      .execute();
    return { id, path };
  };
  const root = await insert("association", `${label} association`, null, null);
  const fed = await insert("federation", `${label} federation A`, root.id, root.path);
  const fed2 = await insert("federation", `${label} federation B`, root.id, root.path);
  const cluster = await insert("cluster", `${label} cluster A1`, fed.id, fed.path);
  const group = await insert("shg", `${label} group A1-1`, cluster.id, cluster.path);
  const group2 = await insert("shg", `${label} group B-1`, fed2.id, fed2.path);
  const mfo = await insert("mfo", `${label} MFO`, root.id, root.path);
  return {
    tenantId,
    rootId: root.id,
    federationId: fed.id,
    otherFederationId: fed2.id,
    clusterId: cluster.id,
    groupId: group.id,
    otherGroupId: group2.id,
    mfoId: mfo.id,
    paths: {
      root: root.path,
      federation: fed.path,
      otherFederation: fed2.path,
      cluster: cluster.path,
      group: group.path,
      otherGroup: group2.path,
      mfo: mfo.path,
    },
  };
}

export interface SeededUser {
  userId: string;
  login: string;
  /** The session cookie value. */
  token: string;
  cookie: string;
  actor: Actor;
}

/** A user with one role on one organisation, and a live session (no password: fixtures skip argon2). */
export async function seedUser(db: Db, tenantId: string, orgId: string, role: Role): Promise<SeededUser> {
  const userId = systemIds.next();
  const now = new Date();
  const login = `${role}-${userId.slice(-12)}@test.qadam`;
  await db
    .insertInto("users")
    .values({
      id: userId,
      tenantId,
      login,
      displayName: `${role} user`,
      passwordHash: null,
      locale: "en",
      status: "active",
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .execute();
  await db
    .insertInto("userGrants")
    .values({
      id: systemIds.next(),
      tenantId,
      userId,
      orgId,
      role,
      grantedAt: now.toISOString(),
      grantedBy: null,
      revokedAt: null,
    })
    .execute();
  const token = newSecret();
  await db
    .insertInto("sessions")
    .values({
      id: digest(token),
      tenantId,
      userId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
      revokedAt: null,
      ip: null,
      userAgent: null,
    })
    .execute();
  const org = await db
    .selectFrom("organisations")
    .select("path")
    .where("id", "=", orgId)
    .executeTakeFirstOrThrow();
  return {
    userId,
    login,
    token,
    cookie: `qadam_session=${token}`,
    actor: { tenantId, userId, locale: "en", grants: [{ orgId, orgPath: org.path, role }], via: "session" },
  };
}

/** The operator at the command line for a tenant: tenant administrator on the root. */
export function cliActor(tenant: SeededTenant): Actor {
  return {
    tenantId: tenant.tenantId,
    userId: null,
    locale: "en",
    grants: [{ orgId: tenant.rootId, orgPath: tenant.paths.root, role: "tenant_admin" }],
    via: "cli",
  };
}

export async function testApp(open: OpenDatabase): Promise<FastifyInstance> {
  const config = configSchema.parse({ logLevel: "silent", loginPerMinutePerAddress: 10_000 });
  const app = await buildApp({
    db: open.db,
    clock: systemClock,
    ids: systemIds,
    config,
    loginPolicy: DEFAULT_LOGIN_POLICY,
  });
  await app.ready();
  return app;
}

let keyCounter = 0;
/** An injected request as a user; writes get a fresh Idempotency-Key unless one is given. */
export function as(app: FastifyInstance, user: SeededUser | null) {
  return (options: InjectOptions & { key?: string | null }): Promise<LightMyRequestResponse> => {
    const { key, ...rest } = options;
    const headers: Record<string, string> = { ...(rest.headers as Record<string, string> | undefined) };
    if (user) headers.cookie = user.cookie;
    const method = (rest.method ?? "GET").toUpperCase();
    if (key !== null && method !== "GET")
      headers["idempotency-key"] = key ?? `test-key-${process.pid}-${++keyCounter}`;
    return app.inject({ ...rest, headers });
  };
}

export interface SeededWorld {
  t: SeededTenant;
  partner: SeededTenant;
  admin: SeededUser;
  auditor: SeededUser;
  /** Federation officer of the first federation. */
  officer: SeededUser;
  /** Federation officer of the second federation. */
  otherOfficer: SeededUser;
  /** Bookkeeper of the first federation's group. */
  bookkeeper: SeededUser;
  partnerAdmin: SeededUser;
}

/** The usual cast: an association and a partner NGO, and one user for each vantage point. */
export async function seedWorld(db: Db, label: string): Promise<SeededWorld> {
  const t = await seedTenant(db, label);
  const partner = await seedTenant(db, `${label}-partner`);
  return {
    t,
    partner,
    admin: await seedUser(db, t.tenantId, t.rootId, "tenant_admin"),
    auditor: await seedUser(db, t.tenantId, t.rootId, "auditor"),
    officer: await seedUser(db, t.tenantId, t.federationId, "federation_officer"),
    otherOfficer: await seedUser(db, t.tenantId, t.otherFederationId, "federation_officer"),
    bookkeeper: await seedUser(db, t.tenantId, t.groupId, "group_bookkeeper"),
    partnerAdmin: await seedUser(db, partner.tenantId, partner.rootId, "tenant_admin"),
  };
}
