// Log-in, cookies, rate limits, API tokens, grants, disabling, passwords and the audit log, over HTTP.

import { systemClock } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import { errorMessage } from "@qadam/core/i18n";
import { systemIds } from "@qadam/core/ids";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { configSchema } from "../platform/config.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { as, type SeededTenant, type SeededUser, seedWorld, testApp } from "../testing/fixtures.js";

const PASSWORD = "correct horse battery";

describeEachDatabase("users, sessions and access", (use) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let admin: SeededUser;
  let officer: SeededUser;
  let auditor: SeededUser;
  let partnerAdmin: SeededUser;

  beforeAll(async () => {
    const { db } = use();
    app = await testApp(use());
    ({ t, admin, officer, auditor, partnerAdmin } = await seedWorld(db, "users"));
  });
  afterAll(async () => {
    await app.close();
  });

  let counter = 0;
  async function newUser(orgId: string, role = "group_bookkeeper"): Promise<{ id: string; login: string }> {
    counter += 1;
    const login = `Person.${counter}.${Date.now()}@Test.Qadam`;
    const res = await as(
      app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/users",
      payload: {
        login,
        displayName: `Person ${counter}`,
        password: PASSWORD,
        locale: "kk",
        grants: [{ orgId, role }],
      },
    });
    expect(res.statusCode).toBe(201);
    return { id: res.json().id, login: login.toLowerCase() };
  }
  const logIn = (login: string, password: string, headers: Record<string, string> = {}) =>
    app.inject({ method: "POST", url: "/api/v1/session", payload: { login, password }, headers });

  it("logs in with an HTTP-only, SameSite=Strict, expiring cookie and logs out", async () => {
    const u = await newUser(t.groupId);
    const res = await logIn(u.login.toUpperCase(), PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^qadam_session=[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Max-Age=43200/);
    const session = cookie.split(";")[0] ?? "";
    const me = await app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: session } });
    expect(me.json().user.login).toBe(u.login);
    expect(me.json().permissions[0]).toMatchObject({
      orgId: t.groupId,
      role: "group_bookkeeper",
      allows: ["people.write", "members.write", "books.write", "meetings.write"],
    });
    const out = await app.inject({ method: "DELETE", url: "/api/v1/session", headers: { cookie: session } });
    expect(out.statusCode).toBe(204);
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: session } })).statusCode,
    ).toBe(401);
  });

  it("answers a wrong password and an unknown login alike, in the caller's language", async () => {
    const u = await newUser(t.groupId);
    const wrong = await logIn(u.login, "not the password", { "accept-language": "ru" });
    const unknown = await logIn("nobody@nowhere", "whatever", { "accept-language": "ru" });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error).toEqual({
      code: "INVALID_CREDENTIALS",
      message: "Неверный логин или пароль.",
    });
    expect((await logIn(u.login, "x", { "accept-language": "fr" })).json().error.message).toMatch(
      /mot de passe/,
    );
    expect((await logIn(u.login, "x", { "accept-language": "kk-KZ" })).json().error.message).toBe(
      errorMessage("kk", new DomainError("INVALID_CREDENTIALS")),
    );
    expect(errorMessage("kk", new DomainError("INVALID_CREDENTIALS"))).not.toBe(
      errorMessage("en", new DomainError("INVALID_CREDENTIALS")),
    );
    expect((await logIn(u.login, "x", { "accept-language": "de" })).json().error.message).toBe(
      "The login or password is wrong.",
    );
  });

  it("pauses an account after repeated failures, even for the right password", async () => {
    const u = await newUser(t.groupId);
    for (let i = 0; i < 5; i++) expect((await logIn(u.login, `wrong-${i}`)).statusCode).toBe(401);
    const locked = await logIn(u.login, PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("LOGIN_RATE_LIMITED");
  });

  it("limits log-in attempts per address, in the one error shape", async () => {
    const config = configSchema.parse({ logLevel: "silent", loginPerMinutePerAddress: 3 });
    const strict = await buildApp({
      db: use().db,
      clock: systemClock,
      ids: systemIds,
      config,
      loginPolicy: { maxFailures: 100, windowMinutes: 15, sessionHours: 1 },
    });
    try {
      const codes: number[] = [];
      let last: Record<string, unknown> = {};
      for (let i = 0; i < 5; i++) {
        const res = await strict.inject({
          method: "POST",
          url: "/api/v1/session",
          payload: { login: "x@y", password: "z" },
          remoteAddress: "10.9.8.7",
        });
        codes.push(res.statusCode);
        last = res.json();
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      expect(last).toEqual({
        error: {
          code: "RATE_LIMITED",
          message: "Too many requests. Try again in a moment.",
          params: { details: "" },
        },
      });
    } finally {
      await strict.close();
    }
  });

  it("refuses an expired session", async () => {
    const { db } = use();
    const u = await newUser(t.groupId);
    const res = await logIn(u.login, PASSWORD);
    const session = String(res.headers["set-cookie"]).split(";")[0] ?? "";
    await db
      .updateTable("sessions")
      .set({ expiresAt: "2000-01-01T00:00:00.000Z" })
      .where("userId", "=", u.id)
      .execute();
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: session } })).statusCode,
    ).toBe(401);
  });

  it("works with an API token until it is revoked", async () => {
    const created = await as(
      app,
      admin,
    )({ method: "POST", url: "/api/v1/me/api-tokens", payload: { name: "reporting" } });
    expect(created.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().token}` };
    expect((await app.inject({ method: "GET", url: "/api/v1/orgs", headers: bearer })).statusCode).toBe(200);
    await as(app, admin)({ method: "POST", url: `/api/v1/me/api-tokens/${created.json().id}/revoke` });
    expect((await app.inject({ method: "GET", url: "/api/v1/orgs", headers: bearer })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: "GET",
          url: "/api/v1/orgs",
          headers: { authorization: "Bearer qdm_forged" },
        })
      ).statusCode,
    ).toBe(401);
  });

  it("stops a disabled user's sessions", async () => {
    const u = await newUser(t.groupId);
    const session = String((await logIn(u.login, PASSWORD)).headers["set-cookie"]).split(";")[0] ?? "";
    const disabled = await as(app, admin)({ method: "POST", url: `/api/v1/users/${u.id}/disable` });
    expect(disabled.json().status).toBe("disabled");
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: session } })).statusCode,
    ).toBe(401);
    expect((await logIn(u.login, PASSWORD)).json().error.code).toBe("USER_DISABLED");
  });

  it("lets a federation officer see her federation's users only, and grant nothing", async () => {
    const inside = await newUser(t.groupId);
    const outside = await newUser(t.otherGroupId);
    expect((await as(app, officer)({ method: "GET", url: `/api/v1/users/${inside.id}` })).statusCode).toBe(
      200,
    );
    expect((await as(app, officer)({ method: "GET", url: `/api/v1/users/${outside.id}` })).statusCode).toBe(
      404,
    );
    const grant = await as(
      app,
      officer,
    )({
      method: "POST",
      url: `/api/v1/users/${inside.id}/grants`,
      payload: { orgId: t.groupId, role: "auditor" },
    });
    expect(grant.statusCode).toBe(403);
    const list = await as(app, officer)({ method: "GET", url: "/api/v1/users?limit=200" });
    const ids = list.json().items.map((u: { id: string }) => u.id);
    expect(ids).toContain(inside.id);
    expect(ids).not.toContain(outside.id);
  });

  it("grants and revokes roles, which take effect at once", async () => {
    const u = await newUser(t.groupId);
    const session = String((await logIn(u.login, PASSWORD)).headers["set-cookie"]).split(";")[0] ?? "";
    const before = await app.inject({
      method: "GET",
      url: `/api/v1/orgs/${t.otherGroupId}`,
      headers: { cookie: session },
    });
    expect(before.statusCode).toBe(404);
    const grant = await as(
      app,
      admin,
    )({
      method: "POST",
      url: `/api/v1/users/${u.id}/grants`,
      payload: { orgId: t.otherFederationId, role: "auditor" },
    });
    expect(grant.statusCode).toBe(201);
    expect(
      (
        await app.inject({
          method: "GET",
          url: `/api/v1/orgs/${t.otherGroupId}`,
          headers: { cookie: session },
        })
      ).statusCode,
    ).toBe(200);
    await as(app, admin)({ method: "POST", url: `/api/v1/users/${u.id}/grants/${grant.json().id}/revoke` });
    expect(
      (
        await app.inject({
          method: "GET",
          url: `/api/v1/orgs/${t.otherGroupId}`,
          headers: { cookie: session },
        })
      ).statusCode,
    ).toBe(404);
  });

  it("refuses duplicate logins and short passwords", async () => {
    const u = await newUser(t.groupId);
    const dup = await as(
      app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/users",
      payload: { login: u.login.toUpperCase(), displayName: "X", password: PASSWORD },
    });
    expect(dup.json().error.code).toBe("LOGIN_TAKEN");
    const weak = await as(
      app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/users",
      payload: { login: "weak@test.qadam", displayName: "X", password: "short" },
    });
    expect(weak.json().error.code).toBe("WEAK_PASSWORD");
  });

  it("changes one's own password and ends the other sessions", async () => {
    const u = await newUser(t.groupId);
    const one = String((await logIn(u.login, PASSWORD)).headers["set-cookie"]).split(";")[0] ?? "";
    const two = String((await logIn(u.login, PASSWORD)).headers["set-cookie"]).split(";")[0] ?? "";
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/me/password",
      headers: { cookie: one, "idempotency-key": "pw-1" },
      payload: { currentPassword: PASSWORD, newPassword: "a new long password" },
    });
    expect(res.statusCode).toBe(200);
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: one } })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: two } })).statusCode,
    ).toBe(401);
    expect((await logIn(u.login, "a new long password")).statusCode).toBe(200);
  });

  it("records every write in the audit log, never a password, readable by auditors only", async () => {
    const { db } = use();
    const u = await newUser(t.groupId);
    const rows = await db.selectFrom("auditLog").selectAll().where("tenantId", "=", t.tenantId).execute();
    expect(rows.some((r) => r.command === "user.create" && r.records.includes(u.id))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    const log = await as(app, auditor)({ method: "GET", url: "/api/v1/audit?command=user.create&limit=5" });
    expect(log.statusCode).toBe(200);
    expect(log.json().items[0]).toMatchObject({
      command: "user.create",
      userId: admin.userId,
      source: "api",
    });
    expect((await as(app, officer)({ method: "GET", url: "/api/v1/audit" })).statusCode).toBe(403);
    const partnerLog = await as(app, partnerAdmin)({ method: "GET", url: "/api/v1/audit?limit=200" });
    expect(JSON.stringify(partnerLog.json())).not.toContain(u.id);
  });

  it("replays an idempotent user creation and creates one user", async () => {
    const { db } = use();
    const payload = {
      login: "once@test.qadam",
      displayName: "Once",
      password: PASSWORD,
      grants: [{ orgId: t.groupId, role: "group_bookkeeper" }],
    };
    const first = await as(app, admin)({ method: "POST", url: "/api/v1/users", payload, key: "user-once" });
    const second = await as(app, admin)({ method: "POST", url: "/api/v1/users", payload, key: "user-once" });
    expect(first.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(
      await db.selectFrom("users").select("id").where("login", "=", "once@test.qadam").execute(),
    ).toHaveLength(1);
  });
});
