// One's own language over HTTP: PATCH /api/v1/me remembers it for the account, refuses what is not one
// of the four, is idempotent and audited, and GET /me says whether the language is her own choice.

import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../platform/db/testing.js";
import { as, type SeededUser, seedWorld, testApp } from "../testing/fixtures.js";

describeEachDatabase("one's own language", (use) => {
  let app: FastifyInstance;
  let officer: SeededUser;
  let bookkeeper: SeededUser;
  let auditor: SeededUser;

  beforeAll(async () => {
    app = await testApp(use());
    ({ officer, bookkeeper, auditor } = await seedWorld(use().db, "locale"));
  });
  afterAll(async () => {
    await app.close();
  });

  const me = async (user: SeededUser) => (await as(app, user)({ method: "GET", url: "/api/v1/me" })).json();
  const choose = (user: SeededUser, payload: unknown, key?: string) =>
    as(app, user)({ method: "PATCH", url: "/api/v1/me", payload: payload as Record<string, unknown>, key });
  const audited = async (userId: string) =>
    (
      await use()
        .db.selectFrom("auditLog")
        .select(["command", "records"])
        .where("userId", "=", userId)
        .where("command", "=", "user.locale")
        .execute()
    ).map((r) => ({ command: r.command, records: JSON.parse(r.records) }));

  it("remembers the language for the account, and says it is her own choice", async () => {
    const before = await me(officer);
    expect(before.localeChosen).toBe(false);
    const res = await choose(officer, { locale: "kk" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: before.user.id, locale: "kk" });
    const after = await me(officer);
    expect(after.user.locale).toBe("kk");
    expect(after.localeChosen).toBe(true);
    // Another user's account is untouched.
    expect((await me(bookkeeper)).localeChosen).toBe(false);
    expect(await audited(before.user.id)).toEqual([
      { command: "user.locale", records: [{ type: "user", id: before.user.id }] },
    ]);
  });

  it("takes each of the four languages", async () => {
    for (const locale of ["ru", "en", "fr", "kk"]) {
      expect((await choose(bookkeeper, { locale })).statusCode).toBe(200);
      expect((await me(bookkeeper)).user.locale).toBe(locale);
    }
  });

  it("refuses any other language, or anything more, with a 400 VALIDATION_FAILED naming the field and the four (the API's one answer to a value outside a list), and changes nothing", async () => {
    const { user } = await me(officer);
    for (const payload of [{ locale: "de" }, { locale: "KK" }, { locale: "" }, {}, { locale: "ru", x: 1 }]) {
      const res = await choose(officer, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
    const refused = (await choose(officer, { locale: "de" })).json().error;
    expect(refused.details).toEqual([expect.objectContaining({ path: "body.locale" })]);
    expect(refused.details[0].message).toMatch(/kk, ru, en, fr/);
    expect((await me(officer)).user.locale).toBe(user.locale);
  });

  it("is idempotent: the same key replays the first answer without a second write", async () => {
    const { user } = await me(auditor);
    const first = await choose(auditor, { locale: "fr" }, "locale-once");
    const again = await choose(auditor, { locale: "fr" }, "locale-once");
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await audited(user.id)).toHaveLength(1);
    // Choosing the language one has, under a new key, is harmless.
    expect((await choose(auditor, { locale: "fr" })).json().locale).toBe("fr");
    // The auditor reads everything and writes nothing else, but her own language is hers.
    expect((await me(auditor)).user.locale).toBe("fr");
  });

  it("needs a session", async () => {
    const res = await as(app, null)({ method: "PATCH", url: "/api/v1/me", payload: { locale: "kk" } });
    expect(res.statusCode).toBe(401);
  });
});
