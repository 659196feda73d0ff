import { addDays, businessDate } from "@qadam/core/clock";
import { composeIin } from "@qadam/core/people/iin";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../platform/db/testing.js";
import { as, type SeededTenant, type SeededUser, seedWorld, testApp } from "../testing/fixtures.js";

function someIin(birthDate: string, sex: "female" | "male", from = 0): string {
  for (let serial = from; ; serial++) {
    const iin = composeIin(birthDate, sex, serial);
    if (iin) return iin;
  }
}

const consent = { givenOn: "2025-01-10", scope: "membership and savings records" };

describeEachDatabase("people routes", (use) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let admin: SeededUser;
  let bookkeeper: SeededUser;
  let otherOfficer: SeededUser;
  let auditor: SeededUser;
  let partnerAdmin: SeededUser;

  beforeAll(async () => {
    const { db } = use();
    app = await testApp(use());
    ({ t, admin, bookkeeper, otherOfficer, auditor, partnerAdmin } = await seedWorld(db, "people"));
  });
  afterAll(async () => {
    await app.close();
  });

  const register = (user: SeededUser, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    as(
      app,
      user,
    )({ method: "POST", url: "/api/v1/people", payload: { orgId: t.groupId, consent, ...body }, headers });

  it("registers a person with a valid IIN and a phone in E.164", async () => {
    const iin = someIin("1985-04-12", "female");
    const res = await register(bookkeeper, {
      familyName: "Сейітова",
      givenName: "Әсел",
      patronymic: "Серікқызы",
      birthDate: "1985-04-12",
      sex: "female",
      phone: "8 701 234 56 78",
      iin,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ familyName: "Сейітова", phone: "+77012345678", iin, consent });
  });

  it("refuses invalid IINs, IINs that disagree with the birth date or sex, and duplicates", async () => {
    const bad = await register(admin, { givenName: "A", iin: "123456789012" }, { "accept-language": "ru" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe("INVALID_IIN");
    expect(bad.json().error.message).toBe(
      "ИИН 123456789012 неверен: седьмая цифра у физического лица должна быть от 1 до 6.",
    );
    const valid = someIin("1990-01-02", "female");
    const wrongCheck = `${valid.slice(0, 11)}${(Number(valid[11]) + 1) % 10}`;
    const check = await register(admin, { givenName: "A", iin: wrongCheck }, { "accept-language": "kk" });
    expect(check.json().error.message).toContain("бақылау цифры сәйкес келмейді");
    const iin = someIin("1990-01-02", "female", 100);
    const date = await register(admin, { givenName: "A", iin, birthDate: "1990-01-03" });
    expect(date.json().error.code).toBe("IIN_BIRTH_DATE_MISMATCH");
    const sex = await register(admin, { givenName: "A", iin, sex: "male" });
    expect(sex.json().error.code).toBe("IIN_SEX_MISMATCH");
    expect((await register(admin, { givenName: "A", iin })).statusCode).toBe(201);
    const dup = await register(admin, { givenName: "B", iin });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("IIN_ALREADY_REGISTERED");
  });

  it("refuses a birth date or a consent date after today in the organisation's zone, and writes nothing", async () => {
    const almatyToday = businessDate(new Date(), "Asia/Almaty");
    const tomorrow = addDays(almatyToday, 1);
    const born = await register(
      admin,
      { givenName: "Future", birthDate: tomorrow },
      { "accept-language": "ru" },
    );
    expect(born.statusCode).toBe(422);
    expect(born.json().error).toMatchObject({
      code: "BIRTH_DATE_IN_FUTURE",
      message: `Дата рождения (${tomorrow}) не может быть позже сегодняшнего дня (${almatyToday}).`,
    });
    const consented = await register(admin, {
      givenName: "Future",
      consent: { ...consent, givenOn: tomorrow },
    });
    expect(consented.statusCode).toBe(422);
    expect(consented.json().error.code).toBe("CONSENT_DATE_IN_FUTURE");
    const listed = await as(app, admin)({ method: "GET", url: "/api/v1/people?q=Future" });
    expect(listed.json().items).toEqual([]);
    const today = await register(admin, {
      givenName: "Today",
      birthDate: almatyToday,
      consent: { ...consent, givenOn: almatyToday },
    });
    expect(today.statusCode).toBe(201);
    const corrected = await as(
      app,
      admin,
    )({
      method: "PATCH",
      url: `/api/v1/people/${today.json().id}`,
      payload: { birthDate: addDays(almatyToday, 400) },
    });
    expect(corrected.statusCode).toBe(422);
    expect(corrected.json().error.code).toBe("BIRTH_DATE_IN_FUTURE");
    const nameless = await register(admin, { familyName: " ", givenName: null }, { "accept-language": "kk" });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().error).toEqual({
      code: "VALIDATION_FAILED",
      message: "Сұраныс дұрыс толтырылмаған: Тегін немесе атын көрсетіңіз.",
      params: { details: "" },
      details: [
        {
          path: "body.familyName",
          code: "VALIDATION_FAILED",
          message: "Тегін немесе атын көрсетіңіз.",
          params: { check: "nameRequired" },
        },
      ],
    });
  });

  it("refuses invalid phones and a person without consent", async () => {
    expect((await register(admin, { givenName: "A", phone: "12" })).json().error.code).toBe("INVALID_PHONE");
    const none = await register(admin, { givenName: "A", consent: null }, { "accept-language": "kk" });
    expect(none.json().error.code).toBe("CONSENT_REQUIRED");
    expect(none.json().error.message).toMatch(/келісім/);
  });

  it("finds people by name prefixes (every word must match), phone and IIN", async () => {
    const iin = someIin("1979-09-30", "female", 200);
    const made = await register(admin, {
      familyName: "Құдайбергенова",
      givenName: "Тоғжан",
      phone: "+7 777 000 11 22",
      iin,
    });
    const id = made.json().id;
    const search = async (q: string) =>
      (await as(app, admin)({ method: "GET", url: `/api/v1/people?q=${encodeURIComponent(q)}` }))
        .json()
        .items.map((p: { id: string }) => p.id);
    expect(await search("құдай")).toContain(id);
    expect(await search("ТОҒЖАН құдайберген")).toEqual([id]);
    expect(await search("тоғжан ахмет")).not.toContain(id);
    expect(await search("87770001122")).toEqual([id]);
    expect(await search("+7 777 000")).toContain(id);
    expect(await search(iin)).toEqual([id]);
    expect(await search("тоғжан 8 777 000")).toEqual([id]);
    expect(await search("тоғжан 8 701 000")).toEqual([]);
    expect(await search(`құдайбергенова ${iin}`)).toEqual([id]);
  });

  it("corrects details and keeps the search up to date", async () => {
    const made = await register(admin, { familyName: "Омарова", givenName: "Динара" });
    const id = made.json().id;
    const changed = await as(
      app,
      admin,
    )({ method: "PATCH", url: `/api/v1/people/${id}`, payload: { familyName: "Мамырова" } });
    expect(changed.json()).toMatchObject({ familyName: "Мамырова", givenName: "Динара" });
    const old = await as(app, admin)({ method: "GET", url: "/api/v1/people?q=омарова%20динара" });
    expect(old.json().items.map((p: { id: string }) => p.id)).not.toContain(id);
    const now = await as(app, admin)({ method: "GET", url: "/api/v1/people?q=мамырова" });
    expect(now.json().items.map((p: { id: string }) => p.id)).toContain(id);
  });

  it("erases personal data when consent is withdrawn", async () => {
    const made = await register(admin, {
      familyName: "Исаева",
      givenName: "Роза",
      phone: "+77011112233",
      iin: someIin("1970-07-07", "female", 300),
    });
    const id = made.json().id;
    const res = await as(
      app,
      admin,
    )({ method: "POST", url: `/api/v1/people/${id}/consent-withdrawal`, payload: { on: "2026-01-01" } });
    expect(res.json()).toMatchObject({
      familyName: null,
      givenName: null,
      phone: null,
      iin: null,
      birthDate: null,
      consentWithdrawnOn: "2026-01-01",
    });
    const found = await as(app, admin)({ method: "GET", url: "/api/v1/people?q=исаева%20роза" });
    expect(found.json().items).toHaveLength(0);
    const { db } = use();
    const terms = await db
      .selectFrom("personSearchTerms")
      .select("term")
      .where("personId", "=", id)
      .execute();
    expect(terms).toEqual([]);
    // She is now counted anonymously, at the organisation that registered her.
    const counts = await as(app, admin)({ method: "GET", url: `/api/v1/orgs/${t.groupId}/anonymous-counts` });
    expect(counts.json().items).toContainEqual(
      expect.objectContaining({ countedOn: "2026-01-01", count: 1, note: null }),
    );
    const again = await as(
      app,
      admin,
    )({ method: "PATCH", url: `/api/v1/people/${id}`, payload: { givenName: "Роза" } });
    expect(again.json().error.code).toBe("PERSON_ANONYMISED");
  });

  it("keeps households and anonymous counts", async () => {
    const h = await as(
      app,
      admin,
    )({ method: "POST", url: "/api/v1/households", payload: { orgId: t.groupId, name: "Бекова отбасы" } });
    expect(h.statusCode).toBe(201);
    const p = await register(admin, { givenName: "Гаухар", householdId: h.json().id });
    const household = await as(app, admin)({ method: "GET", url: `/api/v1/households/${h.json().id}` });
    expect(household.json().members.map((m: { id: string }) => m.id)).toEqual([p.json().id]);
    const count = await as(
      app,
      admin,
    )({
      method: "POST",
      url: `/api/v1/orgs/${t.mfoId}/anonymous-counts`,
      payload: { countedOn: "2026-10-31", count: 12, note: "walk-in clients" },
    });
    expect(count.statusCode).toBe(201);
    const counts = await as(app, admin)({ method: "GET", url: `/api/v1/orgs/${t.mfoId}/anonymous-counts` });
    expect(counts.json().items).toEqual([expect.objectContaining({ count: 12, countedOn: "2026-10-31" })]);
  });

  it("shows people only to those who see their organisation or group", async () => {
    const made = await register(bookkeeper, { givenName: "Перизат", familyName: "Жақыпова" });
    const id = made.json().id;
    expect((await as(app, otherOfficer)({ method: "GET", url: `/api/v1/people/${id}` })).statusCode).toBe(
      404,
    );
    const list = await as(app, otherOfficer)({ method: "GET", url: "/api/v1/people?q=перизат" });
    expect(list.json().items).toHaveLength(0);
    const write = await as(
      app,
      bookkeeper,
    )({ method: "POST", url: "/api/v1/people", payload: { orgId: t.otherGroupId, givenName: "X", consent } });
    expect(write.statusCode).toBe(404);
    const within = await as(
      app,
      admin,
    )({ method: "GET", url: `/api/v1/people?orgId=${t.federationId}&q=перизат` });
    expect(within.json().items.map((p: { id: string }) => p.id)).toEqual([id]);
  });

  it("replays an idempotent registration without a second person", async () => {
    const { db } = use();
    const payload = { orgId: t.groupId, givenName: "Қарлығаш", familyName: "Тестова", consent };
    const first = await as(
      app,
      admin,
    )({ method: "POST", url: "/api/v1/people", payload, key: "person-once" });
    const second = await as(
      app,
      admin,
    )({ method: "POST", url: "/api/v1/people", payload, key: "person-once" });
    expect(second.json()).toEqual(first.json());
    const rows = await db.selectFrom("persons").select("id").where("familyName", "=", "Тестова").execute();
    expect(rows).toHaveLength(1);
  });

  it("answers 404 to malformed, unknown and other tenants' ids, and 403 to an auditor's write", async () => {
    const made = await register(admin, { givenName: "Ботагөз" });
    const id = made.json().id;
    const h = await as(
      app,
      admin,
    )({ method: "POST", url: "/api/v1/households", payload: { orgId: t.groupId, name: "Сапаровтар" } });
    for (const url of [
      "/api/v1/people/not-a-uuid",
      "/api/v1/people/0190c5a0-0000-7000-8000-000000000000",
      "/api/v1/households/123",
    ]) {
      expect((await as(app, admin)({ method: "GET", url })).statusCode, url).toBe(404);
    }
    const partner = as(app, partnerAdmin);
    expect((await partner({ method: "GET", url: `/api/v1/people/${id}` })).statusCode).toBe(404);
    expect((await partner({ method: "GET", url: `/api/v1/households/${h.json().id}` })).statusCode).toBe(404);
    const theirs = await partner({
      method: "PATCH",
      url: `/api/v1/people/${id}`,
      payload: { givenName: "X" },
    });
    expect(theirs.statusCode).toBe(404);
    const audit = as(app, auditor);
    expect((await audit({ method: "GET", url: `/api/v1/people/${id}` })).statusCode).toBe(200);
    const patch = await audit({ method: "PATCH", url: `/api/v1/people/${id}`, payload: { givenName: "X" } });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().error.code).toBe("FORBIDDEN");
    const post = await audit({
      method: "POST",
      url: "/api/v1/people",
      payload: { orgId: t.groupId, givenName: "X", consent },
    });
    expect(post.statusCode).toBe(403);
  });
});
