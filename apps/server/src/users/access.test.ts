// Who may see and manage which user: tenant isolation, subtree limits, read-only roles, self-lockout,
// password resets for the CLI, cookie flags, and passwords kept out of the logs.
import fs from "node:fs";
import { systemClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { buildApp } from "../app.js";
import { DEFAULT_LOGIN_POLICY } from "../platform/auth/sessions.js";
import { executeCommand } from "../platform/commands.js";
import { configSchema } from "../platform/config.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import {
  as,
  cliActor,
  type SeededTenant,
  type SeededUser,
  seedUser,
  seedWorld,
  testApp,
} from "../testing/fixtures.js";
import { createUserWithGrant, disableUser, enableUser, setPassword } from "./index.js";

const PASSWORD = "a long enough secret";

describeEachDatabase("who may see and manage users", (use) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let partner: SeededTenant;
  let admin: SeededUser;
  let fedAdmin: SeededUser;
  let officer: SeededUser;
  let auditor: SeededUser;
  let partnerAdmin: SeededUser;
  /** A user with roles in both federations, and one with a role in the first only. */
  let both: SeededUser;
  let inside: SeededUser;

  beforeAll(async () => {
    const { db } = use();
    app = await testApp(use());
    ({ t, partner, admin, officer, auditor, partnerAdmin } = await seedWorld(db, "access"));
    fedAdmin = await seedUser(db, t.tenantId, t.federationId, "tenant_admin");
    inside = await seedUser(db, t.tenantId, t.groupId, "group_bookkeeper");
    both = await seedUser(db, t.tenantId, t.groupId, "group_bookkeeper");
    const grant = await as(
      app,
      admin,
    )({
      method: "POST",
      url: `/api/v1/users/${both.userId}/grants`,
      payload: { orgId: t.otherGroupId, role: "group_bookkeeper" },
    });
    expect(grant.statusCode).toBe(201);
  });
  afterAll(async () => {
    await app.close();
  });

  const cli = () => ({ db: use().db, clock: systemClock, ids: systemIds });

  it("hides the association's users, grants and tokens from a partner's administrator (404)", async () => {
    const call = as(app, partnerAdmin);
    const user = await as(app, admin)({ method: "GET", url: `/api/v1/users/${both.userId}` });
    const grantId: string = user.json().grants[0].id;
    const token = await as(
      app,
      admin,
    )({ method: "POST", url: "/api/v1/me/api-tokens", payload: { name: "x" } });
    for (const [method, url, payload] of [
      ["GET", `/api/v1/users/${both.userId}`, undefined],
      ["POST", `/api/v1/users/${both.userId}/grants`, { orgId: partner.groupId, role: "auditor" }],
      ["POST", `/api/v1/users/${both.userId}/grants/${grantId}/revoke`, {}],
      ["POST", `/api/v1/users/${both.userId}/disable`, {}],
      ["POST", `/api/v1/me/api-tokens/${token.json().id}/revoke`, {}],
      [
        "POST",
        "/api/v1/users",
        {
          login: "p@x.qadam",
          displayName: "P",
          password: PASSWORD,
          grants: [{ orgId: t.groupId, role: "auditor" }],
        },
      ],
    ] as const) {
      const res = await call({ method, url, ...(payload ? { payload } : {}) });
      expect({ url, status: res.statusCode, code: res.json().error.code }).toEqual({
        url,
        status: 404,
        code: "NOT_FOUND",
      });
    }
    const list = await call({ method: "GET", url: "/api/v1/users?limit=200" });
    expect(JSON.stringify(list.json())).not.toContain(both.userId);
  });

  it("answers 403 to an auditor's user-management writes and to an officer's", async () => {
    for (const who of [auditor, officer]) {
      const call = as(app, who);
      for (const [url, payload] of [
        [
          "/api/v1/users",
          {
            login: `w-${who.userId}@x.qadam`,
            displayName: "W",
            password: PASSWORD,
            grants: [{ orgId: t.groupId, role: "auditor" }],
          },
        ],
        [`/api/v1/users/${inside.userId}/grants`, { orgId: t.groupId, role: "auditor" }],
        [`/api/v1/users/${inside.userId}/disable`, {}],
      ] as const) {
        const res = await call({ method: "POST", url, payload });
        expect({ url, status: res.statusCode }).toEqual({ url, status: 403 });
      }
    }
  });

  it("shows an officer only the roles she can see, and only the users of her subtree", async () => {
    const seen = await as(app, officer)({ method: "GET", url: `/api/v1/users/${both.userId}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().grants.map((g: { orgId: string }) => g.orgId)).toEqual([t.groupId]);
    const all = await as(app, admin)({ method: "GET", url: `/api/v1/users/${both.userId}` });
    expect(all.json().grants).toHaveLength(2);
    const mine = await as(app, inside)({ method: "GET", url: "/api/v1/users?limit=200" });
    expect(mine.json().items.map((u: { id: string }) => u.id)).toEqual([inside.userId]);
  });

  it("lets a federation's administrator manage her federation's users only", async () => {
    const call = as(app, fedAdmin);
    expect((await call({ method: "POST", url: `/api/v1/users/${both.userId}/disable` })).statusCode).toBe(
      403,
    );
    const roleless = await call({
      method: "POST",
      url: "/api/v1/users",
      payload: { login: `roleless-${Date.now()}@x.qadam`, displayName: "R", password: PASSWORD },
    });
    expect(roleless.statusCode).toBe(403);
    const grant = await call({
      method: "POST",
      url: `/api/v1/users/${inside.userId}/grants`,
      payload: { orgId: t.otherGroupId, role: "auditor" },
    });
    expect(grant.statusCode).toBe(404);
    const fine = await call({
      method: "POST",
      url: `/api/v1/users/${inside.userId}/grants`,
      payload: { orgId: t.clusterId, role: "auditor" },
    });
    expect(fine.statusCode).toBe(201);
  });

  it("refuses to let an administrator disable herself or drop her own administrator role", async () => {
    const self = await as(app, admin)({ method: "POST", url: `/api/v1/users/${admin.userId}/disable` });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe("SELF_LOCKOUT");
    const me = await as(app, admin)({ method: "GET", url: `/api/v1/users/${admin.userId}` });
    const revoke = await as(
      app,
      admin,
    )({ method: "POST", url: `/api/v1/users/${admin.userId}/grants/${me.json().grants[0].id}/revoke` });
    expect(revoke.json().error.code).toBe("SELF_LOCKOUT");
    expect((await as(app, admin)({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);
  });

  it("lets the operator add a user, reset her password and re-enable her (the CLI's path)", async () => {
    const login = `cli-${Date.now()}@x.qadam`;
    const operator = cliActor(t);
    const user = await executeCommand(
      cli(),
      { actor: operator, name: "user.create", source: "cli" },
      (trx, ctx) =>
        createUserWithGrant(trx, ctx, {
          login,
          displayName: "C",
          password: PASSWORD,
          locale: "kk",
          orgId: t.groupId,
          role: "group_bookkeeper",
        }),
    );
    expect(user.grants).toMatchObject([{ orgId: t.groupId, role: "group_bookkeeper" }]);
    const logIn = (password: string) =>
      app.inject({ method: "POST", url: "/api/v1/session", payload: { login, password } });
    const cookie = String((await logIn(PASSWORD)).headers["set-cookie"]).split(";")[0] ?? "";
    await executeCommand(cli(), { actor: operator, name: "user.password.set", source: "cli" }, (trx, ctx) =>
      setPassword(trx, ctx, { userId: user.id, password: "another long secret" }),
    );
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } })).statusCode).toBe(
      401,
    );
    expect((await logIn(PASSWORD)).statusCode).toBe(401);
    await executeCommand(cli(), { actor: operator, name: "user.disable", source: "cli" }, (trx, ctx) =>
      disableUser(trx, ctx, user.id),
    );
    expect((await logIn("another long secret")).json().error.code).toBe("USER_DISABLED");
    await executeCommand(cli(), { actor: operator, name: "user.enable", source: "cli" }, (trx, ctx) =>
      enableUser(trx, ctx, user.id),
    );
    expect((await logIn("another long secret")).statusCode).toBe(200);
    const weak = executeCommand(
      cli(),
      { actor: operator, name: "user.password.set", source: "cli" },
      (trx, ctx) => setPassword(trx, ctx, { userId: user.id, password: "short" }),
    );
    await expect(weak).rejects.toMatchObject({ code: "WEAK_PASSWORD" });
  });

  it("answers a wrong current password with its own code and keeps the session", async () => {
    const res = await as(
      app,
      inside,
    )({
      method: "POST",
      url: "/api/v1/me/password",
      payload: { currentPassword: "nope", newPassword: PASSWORD },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("CURRENT_PASSWORD_WRONG");
    expect((await as(app, inside)({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);
  });

  it("records log-outs in the audit log and answers 204 even without a session", async () => {
    const { db } = use();
    const u = await seedUser(db, t.tenantId, t.groupId, "group_bookkeeper");
    const out = await app.inject({ method: "DELETE", url: "/api/v1/session", headers: { cookie: u.cookie } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers["set-cookie"])).toMatch(/qadam_session=;.*Expires=Thu, 01 Jan 1970/);
    const rows = await db.selectFrom("auditLog").select("command").where("userId", "=", u.userId).execute();
    expect(rows.map((r) => r.command)).toEqual(["session.delete"]);
    expect((await app.inject({ method: "DELETE", url: "/api/v1/session" })).statusCode).toBe(204);
  });

  it("stores an API token's expiry in UTC and refuses the token once it has passed", async () => {
    const created = await as(
      app,
      inside,
    )({
      method: "POST",
      url: "/api/v1/me/api-tokens",
      payload: { name: "old", expiresAt: "2001-01-01T05:00:00+05:00" },
    });
    expect(created.json().expiresAt).toBe("2001-01-01T00:00:00.000Z");
    const bearer = { authorization: `Bearer ${created.json().token}` };
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers: bearer })).statusCode).toBe(401);
    const listed = await as(app, inside)({ method: "GET", url: "/api/v1/me/api-tokens" });
    expect(JSON.stringify(listed.json())).not.toContain(created.json().token);
  });

  it("refuses control characters in logins, names and filters with a 400, never a 500", async () => {
    const { db } = use();
    const call = as(app, admin);
    const answers = [
      await app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { login: "a\u0000b", password: "x" },
      }),
      await call({
        method: "POST",
        url: "/api/v1/users",
        payload: { login: "nul\u0000@x.qadam", displayName: "N", password: PASSWORD, grants: [] },
      }),
      await call({ method: "POST", url: "/api/v1/me/api-tokens", payload: { name: "a\u0000" } }),
      await call({ method: "GET", url: "/api/v1/users?q=a%00b" }),
      await call({ method: "GET", url: "/api/v1/audit?command=a%00b" }),
    ];
    expect(answers.map((r) => [r.statusCode, r.json().error.code])).toEqual(
      answers.map(() => [400, "VALIDATION_FAILED"]),
    );
    expect(await db.selectFrom("users").select("id").where("login", "like", "nul%").execute()).toEqual([]);
  });

  it("marks the cookie Secure as configured, and never writes a password to the log", async () => {
    const login = `logged-${Date.now()}@x.qadam`;
    await executeCommand(cli(), { actor: cliActor(t), name: "user.create", source: "cli" }, (trx, ctx) =>
      createUserWithGrant(trx, ctx, {
        login,
        displayName: "L",
        password: PASSWORD,
        locale: "ru",
        orgId: t.groupId,
        role: "auditor",
      }),
    );
    const captured: string[] = [];
    const realWrite = fs.write;
    // pino writes its lines to stdout through fs.write (sonic-boom): catch them there.
    const spy = vi.spyOn(fs, "write").mockImplementation(((fd: number, data: unknown, ...rest: unknown[]) => {
      if (fd !== 1 && fd !== 2) return (realWrite as (...a: unknown[]) => void)(fd, data, ...rest);
      captured.push(String(data));
      const done = rest.find((r): r is (e: null, n: number) => void => typeof r === "function");
      const n = typeof data === "string" ? Buffer.byteLength(data) : (data as Uint8Array).byteLength;
      process.nextTick(() => done?.(null, n));
    }) as typeof fs.write);
    const secret = "never-log-this-password-7f3a";
    try {
      for (const [cookieSecure, secure] of [
        ["always", true],
        ["auto", false],
        ["never", false],
      ] as const) {
        const logged = await buildApp({
          db: use().db,
          clock: systemClock,
          ids: systemIds,
          config: configSchema.parse({ logLevel: "trace", cookieSecure }),
          loginPolicy: DEFAULT_LOGIN_POLICY,
        });
        const ok = await logged.inject({
          method: "POST",
          url: "/api/v1/session",
          payload: { login, password: PASSWORD },
        });
        expect(ok.statusCode).toBe(200);
        expect(String(ok.headers["set-cookie"]).includes("Secure")).toBe(secure);
        const wrong = await logged.inject({
          method: "POST",
          url: "/api/v1/session",
          payload: { login, password: secret },
        });
        expect(wrong.statusCode).toBe(401);
        await logged.inject({
          method: "POST",
          url: "/api/v1/session",
          headers: { "content-type": "application/json" },
          payload: `{"login":"x","password":"${secret}"`,
        });
        await logged.close();
      }
    } finally {
      spy.mockRestore();
    }
    const log = captured.join("");
    expect(log).toContain("/api/v1/session");
    expect(log).not.toContain(secret);
    expect(log).not.toContain(PASSWORD);
  });
});
