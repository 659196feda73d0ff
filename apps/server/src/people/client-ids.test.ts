import { isUuidV7, systemIds } from "@qadam/core/ids";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../platform/db/testing.js";
import { as, type SeededWorld, seedWorld, testApp } from "../testing/fixtures.js";

const consent = { givenOn: "2025-01-10", scope: "membership and savings records" };

describeEachDatabase("a person registered under the id her client chose", (use) => {
  let app: FastifyInstance;
  let world: SeededWorld;

  beforeAll(async () => {
    app = await testApp(use());
    world = await seedWorld(use().db, "people-ids");
  });
  afterAll(async () => {
    await app.close();
  });

  const register = (body: Record<string, unknown>, user = world.bookkeeper, lang = "en") =>
    as(
      app,
      user,
    )({
      method: "POST",
      url: "/api/v1/people",
      payload: { orgId: world.t.groupId, consent, ...body },
      headers: { "accept-language": lang },
    });
  const rows = (id: string) =>
    use().db.selectFrom("persons").select(["id", "tenantId", "givenName"]).where("id", "=", id).execute();

  it("keeps the id sent, and answers the same request again (another key, another device) as the first time", async () => {
    const id = systemIds.next();
    const body = {
      id,
      givenName: "Әсел",
      familyName: "Сейітова",
      phone: "8 701 234 56 78",
      village: " Қаскелең ",
    };
    const first = await register(body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ id, givenName: "Әсел", phone: "+77012345678", village: "Қаскелең" });
    const again = await register(body);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    // Written as the same details in another form (the phone as stored, no spaces): the same person.
    const sameDetails = await register({ ...body, phone: "+77012345678", village: "Қаскелең" });
    expect(sameDetails.statusCode).toBe(201);
    expect(await rows(id)).toHaveLength(1);
  });

  it("refuses the id with other details (409 ID_CONFLICT) and changes nothing", async () => {
    const id = systemIds.next();
    expect((await register({ id, givenName: "Гүлнар" })).statusCode).toBe(201);
    const other = await register({ id, givenName: "Гүлнара" }, world.bookkeeper, "ru");
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toEqual({
      code: "ID_CONFLICT",
      message: `Идентификатор ${id} уже занят другой записью или этой же записью с другим содержанием; ничего не изменено. Отправьте запись такой, какой она была отправлена впервые, или дайте ей новый идентификатор.`,
      params: { id },
    });
    expect(await rows(id)).toEqual([{ id, tenantId: world.t.tenantId, givenName: "Гүлнар" }]);
  });

  it("answers a registration sent again after her details were corrected with ID_CONFLICT: she is no longer what it says", async () => {
    const id = systemIds.next();
    expect((await register({ id, givenName: "Мөлдір" })).statusCode).toBe(201);
    const corrected = await as(
      app,
      world.bookkeeper,
    )({
      method: "PATCH",
      url: `/api/v1/people/${id}`,
      payload: { givenName: "Мөлдiр" },
    });
    expect(corrected.statusCode).toBe(200);
    const again = await register({ id, givenName: "Мөлдір" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("ID_CONFLICT");
  });

  it("neither reveals nor takes an id of another tenant: the same conflict as any, and the record stays unseen", async () => {
    const id = systemIds.next();
    expect((await register({ id, givenName: "Дана" })).statusCode).toBe(201);
    const partner = await register(
      { id, orgId: world.partner.groupId, givenName: "Дана" },
      world.partnerAdmin,
      "en",
    );
    expect(partner.statusCode).toBe(409);
    const sameTenantConflict = await register({ id, givenName: "Жанар" });
    expect(partner.json()).toEqual(sameTenantConflict.json());
    expect(JSON.stringify(partner.json())).not.toContain(world.t.groupId);
    const read = await as(app, world.partnerAdmin)({ method: "GET", url: `/api/v1/people/${id}` });
    expect(read.statusCode).toBe(404);
    expect(await rows(id)).toEqual([{ id, tenantId: world.t.tenantId, givenName: "Дана" }]);
  });

  it("refuses an id that is not a UUIDv7 (422 INVALID_ID, in the reader's language) and makes one when none is sent", async () => {
    for (const bad of ["6ba7b810-9dad-11d1-80b4-00c04fd430c8", crypto.randomUUID(), "42", ""]) {
      const res = await register({ id: bad, givenName: "Сәуле" }, world.bookkeeper, "kk");
      expect(res.statusCode, bad).toBe(422);
      expect(res.json().error.code).toBe("INVALID_ID");
      expect(res.json().error.details[0]).toMatchObject({ path: "body.id", code: "INVALID_ID" });
      expect(res.json().error.details[0].message).toContain("жетінші нұсқалы бірегей сәйкестендіргіш емес");
    }
    const upper = systemIds.next().toUpperCase();
    const kept = await register({ id: upper, givenName: "Сәуле" });
    expect(kept.statusCode).toBe(201);
    expect(kept.json().id).toBe(upper.toLowerCase());
    const made = await register({ givenName: "Бақыт" });
    expect(made.statusCode).toBe(201);
    expect(isUuidV7(made.json().id)).toBe(true);
  });

  it("records her once when the same registration comes many times at once, under one key or several", async () => {
    const id = systemIds.next();
    const call = as(app, world.bookkeeper);
    const body = { id, orgId: world.t.groupId, consent, givenName: "Ләззат" };
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call({
          method: "POST",
          url: "/api/v1/people",
          payload: body,
          key: i % 2 === 0 ? `same-${id}` : undefined,
        }),
      ),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    expect(new Set(answers.map((a) => a.json().id))).toEqual(new Set([id]));
    expect(await rows(id)).toHaveLength(1);
  });
});
