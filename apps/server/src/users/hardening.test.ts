// Log-in and account hardening over HTTP: the per-login count of failures holds under parallel
// guesses and covers the current password of /me/password; a lock looks the same for known and
// unknown logins; a password reset ends API tokens, which an administrator can list and revoke; an
// Idempotency-Key reused with another password answers 409.

import { systemClock } from "@qadam/core/clock";
import { systemIds } from "@qadam/core/ids";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { configSchema } from "../platform/config.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { as, type SeededTenant, type SeededUser, seedWorld } from "../testing/fixtures.js";

const PASSWORD = "correct horse battery";

describeEachDatabase("log-in and account hardening", (use) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let admin: SeededUser;
  let officer: SeededUser;
  let auditor: SeededUser;
  let partnerAdmin: SeededUser;

  beforeAll(async () => {
    app = await buildApp({
      db: use().db,
      clock: systemClock,
      ids: systemIds,
      config: configSchema.parse({ logLevel: "silent", loginPerMinutePerAddress: 10_000 }),
      loginPolicy: { maxFailures: 5, windowMinutes: 15, sessionHours: 1 },
    });
    ({ t, admin, officer, auditor, partnerAdmin } = await seedWorld(use().db, "hardening"));
  });
  afterAll(async () => {
    await app.close();
  });

  let counter = 0;
  async function newUser(orgId = t.groupId): Promise<{ id: string; login: string }> {
    counter += 1;
    const login = `hardened.${counter}.${Date.now()}@test.qadam`;
    const res = await as(
      app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/users",
      payload: {
        login,
        displayName: `Hardened ${counter}`,
        password: PASSWORD,
        grants: [{ orgId, role: "group_bookkeeper" }],
      },
    });
    expect(res.statusCode).toBe(201);
    return { id: res.json().id, login };
  }
  const logIn = (login: string, password: string) =>
    app.inject({ method: "POST", url: "/api/v1/session", payload: { login, password } });
  const sessionOf = async (login: string) =>
    String((await logIn(login, PASSWORD)).headers["set-cookie"]).split(";")[0] ?? "";

  it("checks at most 5 of 25 parallel wrong passwords, then locks the account", async () => {
    const u = await newUser();
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => logIn(u.login, `wrong guess ${i}`)),
    );
    const statuses = answers.map((r) => r.statusCode);
    // A 401 is a password that was checked; every other attempt was refused before any check.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    const row = await use()
      .db.selectFrom("loginThrottle")
      .select("failures")
      .where("login", "=", u.login)
      .executeTakeFirstOrThrow();
    expect(Number(row.failures)).toBe(5);
    expect((await logIn(u.login, PASSWORD)).json().error.code).toBe("LOGIN_RATE_LIMITED");
  });

  it("forgets the failures once the right password is given within the limit", async () => {
    const u = await newUser();
    for (let i = 0; i < 4; i++) expect((await logIn(u.login, `wrong-${i}`)).statusCode).toBe(401);
    expect((await logIn(u.login, PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await logIn(u.login, `wrong-${i}`)).statusCode).toBe(401);
    expect((await logIn(u.login, PASSWORD)).statusCode).toBe(200);
  });

  it("locks an unknown login exactly like an existing one: same status, same body, similar time", async () => {
    const u = await newUser();
    const unknown = `nobody.${Date.now()}@nowhere.qadam`;
    const timed = async (login: string, password: string) => {
      const started = performance.now();
      const res = await logIn(login, password);
      return { status: res.statusCode, body: res.json(), ms: performance.now() - started };
    };
    const known: Array<Awaited<ReturnType<typeof timed>>> = [];
    const absent: Array<Awaited<ReturnType<typeof timed>>> = [];
    for (let i = 0; i < 5; i++) {
      known.push(await timed(u.login, `wrong-${i}`));
      absent.push(await timed(unknown, `wrong-${i}`));
    }
    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect(absent.map((r) => r.body)).toEqual(known.map((r) => r.body));
    const lockedKnown = await timed(u.login, PASSWORD);
    const lockedAbsent = await timed(unknown, PASSWORD);
    expect(lockedKnown.status).toBe(429);
    expect(lockedAbsent.status).toBe(lockedKnown.status);
    expect(lockedAbsent.body).toEqual(lockedKnown.body);
    // Both unlocked answers pay for one argon2 check; neither locked answer does.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const knownMs = median(known.map((r) => r.ms));
    const absentMs = median(absent.map((r) => r.ms));
    expect(absentMs).toBeGreaterThan(knownMs / 4);
    expect(absentMs).toBeLessThan(knownMs * 4);
  });

  it("throttles guesses of the current password on /me/password like log-ins", async () => {
    const u = await newUser();
    const cookie = await sessionOf(u.login);
    const change = (currentPassword: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/me/password",
        headers: { cookie, "idempotency-key": `pw-${Math.random()}` },
        payload: { currentPassword, newPassword: "a brand new passphrase" },
      });
    for (let i = 0; i < 5; i++)
      expect((await change(`guess number ${i}`)).json().error.code).toBe("CURRENT_PASSWORD_WRONG");
    const locked = await change(PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("LOGIN_RATE_LIMITED");
    expect((await logIn(u.login, PASSWORD)).statusCode).toBe(429);
  });

  it("counts 25 parallel guesses of the current password atomically", async () => {
    const u = await newUser();
    const cookie = await sessionOf(u.login);
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        app.inject({
          method: "POST",
          url: "/api/v1/me/password",
          headers: { cookie, "idempotency-key": `parallel-${u.id}-${i}` },
          payload: { currentPassword: `guess ${i} of many`, newPassword: "a brand new passphrase" },
        }),
      ),
    );
    const codes = answers.map((r) => r.json().error?.code);
    expect(codes.filter((c) => c === "CURRENT_PASSWORD_WRONG")).toHaveLength(5);
    expect(codes.filter((c) => c === "LOGIN_RATE_LIMITED")).toHaveLength(20);
  });

  it("does not count a weak new password or a missing key against the account", async () => {
    const u = await newUser();
    const cookie = await sessionOf(u.login);
    for (let i = 0; i < 6; i++) {
      const weak = await app.inject({
        method: "POST",
        url: "/api/v1/me/password",
        headers: { cookie, "idempotency-key": `weak-${u.id}-${i}` },
        payload: { currentPassword: PASSWORD, newPassword: "password123" },
      });
      expect(weak.json().error.code).toBe("WEAK_PASSWORD");
      const keyless = await app.inject({
        method: "POST",
        url: "/api/v1/me/password",
        headers: { cookie },
        payload: { currentPassword: "not it at all", newPassword: "a brand new passphrase" },
      });
      expect(keyless.json().error.code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    }
    expect((await logIn(u.login, PASSWORD)).statusCode).toBe(200);
  });

  it("ends the user's API tokens and sessions when an administrator resets her password", async () => {
    const u = await newUser();
    const cookie = await sessionOf(u.login);
    const token = await app.inject({
      method: "POST",
      url: "/api/v1/me/api-tokens",
      headers: { cookie, "idempotency-key": `tok-${u.id}` },
      payload: { name: "spreadsheet" },
    });
    expect(token.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${token.json().token}` };
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers: bearer })).statusCode).toBe(200);
    const reset = await as(
      app,
      admin,
    )({
      method: "POST",
      url: `/api/v1/users/${u.id}/password`,
      payload: { password: "a fresh start for her" },
    });
    expect(reset.statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers: bearer })).statusCode).toBe(401);
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } })).statusCode).toBe(
      401,
    );
    const list = await as(app, admin)({ method: "GET", url: `/api/v1/users/${u.id}/api-tokens` });
    expect(list.json().items).toMatchObject([{ id: token.json().id, name: "spreadsheet" }]);
    expect(list.json().items[0].revokedAt).not.toBeNull();
  });

  it("lets an administrator list and revoke another user's API tokens, within her rights and tenant", async () => {
    const u = await newUser();
    const cookie = await sessionOf(u.login);
    const token = await app.inject({
      method: "POST",
      url: "/api/v1/me/api-tokens",
      headers: { cookie, "idempotency-key": `tok2-${u.id}` },
      payload: { name: "reporting" },
    });
    const bearer = { authorization: `Bearer ${token.json().token}` };
    const list = await as(app, admin)({ method: "GET", url: `/api/v1/users/${u.id}/api-tokens` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      {
        id: token.json().id,
        name: "reporting",
        createdAt: expect.any(String),
        expiresAt: null,
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(list.json())).not.toContain(token.json().token);
    const revokeUrl = `/api/v1/users/${u.id}/api-tokens/${token.json().id}/revoke`;
    // Another tenant's administrator does not see her: 404; an auditor sees but may not change: 403.
    expect(
      (await as(app, partnerAdmin)({ method: "GET", url: `/api/v1/users/${u.id}/api-tokens` })).statusCode,
    ).toBe(404);
    expect((await as(app, partnerAdmin)({ method: "POST", url: revokeUrl })).statusCode).toBe(404);
    expect((await as(app, auditor)({ method: "POST", url: revokeUrl })).statusCode).toBe(403);
    expect((await as(app, officer)({ method: "POST", url: revokeUrl })).statusCode).toBe(403);
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers: bearer })).statusCode).toBe(200);
    // Another user's token id under this user's address is not found.
    const own = await as(
      app,
      admin,
    )({ method: "POST", url: "/api/v1/me/api-tokens", payload: { name: "admin's" } });
    expect(
      (
        await as(
          app,
          admin,
        )({ method: "POST", url: `/api/v1/users/${u.id}/api-tokens/${own.json().id}/revoke` })
      ).statusCode,
    ).toBe(404);
    const revoked = await as(app, admin)({ method: "POST", url: revokeUrl });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers: bearer })).statusCode).toBe(401);
  });

  it("answers 409 to an Idempotency-Key reused with another password, and replays the same one", async () => {
    const u = await newUser();
    const reset = (password: string) =>
      as(
        app,
        admin,
      )({
        method: "POST",
        url: `/api/v1/users/${u.id}/password`,
        payload: { password },
        key: `reset-${u.id}`,
      });
    const first = await reset("the first new passphrase");
    expect(first.statusCode).toBe(200);
    const other = await reset("another new passphrase");
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    const again = await reset("the first new passphrase");
    expect(again.statusCode).toBe(200);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect((await logIn(u.login, "the first new passphrase")).statusCode).toBe(200);
    const stored = await use()
      .db.selectFrom("idempotencyKeys")
      .select("requestHash")
      .where("key", "=", `reset-${u.id}`)
      .executeTakeFirstOrThrow();
    expect(stored.requestHash).not.toContain("passphrase");
  });

  it("refuses weak passwords with their reason, in the user's language", async () => {
    const create = (login: string, password: string, lang = "en") =>
      as(
        app,
        admin,
      )({
        method: "POST",
        url: "/api/v1/users",
        headers: { "accept-language": lang },
        payload: {
          login,
          displayName: "Айгерім Сейіт",
          password,
          grants: [{ orgId: t.groupId, role: "auditor" }],
        },
      });
    const cases: Array<[string, string, RegExp]> = [
      ["aigerim.seit@test.qadam", "aigerim.seit@test.qadam", /login/],
      ["aigerim.seit@test.qadam", "Aigerim.Seit2026!", /login/],
      ["aigerim.seit@test.qadam", "zzzzzzzzzzzzzzzz", /repeat/],
      ["aigerim.seit@test.qadam", "password1234", /most common/],
      ["aigerim.seit@test.qadam", "qwertyuiop", /most common/],
      ["aigerim.seit@test.qadam", "short", /at least 10/],
    ];
    for (const [login, password, reason] of cases) {
      const res = await create(login, password);
      expect({ password, status: res.statusCode, code: res.json().error.code }).toEqual({
        password,
        status: 422,
        code: "WEAK_PASSWORD",
      });
      expect(res.json().error.message).toMatch(reason);
    }
    expect((await create("aigerim.seit@test.qadam", "password1234", "kk")).json().error.message).toMatch(
      /құпиясөздердің бірі/,
    );
    expect((await create("aigerim.seit@test.qadam", "zzzzzzzzzzzzzz", "ru")).json().error.message).toMatch(
      /повтор/,
    );
    expect((await create("aigerim.seit@test.qadam", "aigerim.seit", "fr")).json().error.message).toMatch(
      /identifiant/,
    );
    expect((await create("aigerim.seit@test.qadam", PASSWORD)).statusCode).toBe(201);
  });
});
