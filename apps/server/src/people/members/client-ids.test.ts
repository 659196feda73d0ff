import { isUuidV7, systemIds } from "@qadam/core/ids";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../platform/db/testing.js";
import { as, type SeededUser, type SeededWorld, seedWorld, testApp } from "../../testing/fixtures.js";

describeEachDatabase("a membership made under the id its client chose", (use) => {
  let app: FastifyInstance;
  let world: SeededWorld;

  beforeAll(async () => {
    app = await testApp(use());
    world = await seedWorld(use().db, "members-ids");
  });
  afterAll(async () => {
    await app.close();
  });

  async function person(
    name: string,
    user: SeededUser = world.admin,
    orgId = world.t.groupId,
  ): Promise<string> {
    const res = await as(
      app,
      user,
    )({
      method: "POST",
      url: "/api/v1/people",
      payload: { orgId, givenName: name, consent: { givenOn: "2024-01-01", scope: "membership" } },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }
  const join = (body: Record<string, unknown>, user: SeededUser = world.admin, groupId = world.t.groupId) =>
    as(app, user)({ method: "POST", url: `/api/v1/groups/${groupId}/members`, payload: body });
  const rows = (id: string) =>
    use().db.selectFrom("memberships").select(["id", "role", "leftOn"]).where("id", "=", id).execute();

  it("keeps the id, answers the same join again as the first time, and refuses it with other contents", async () => {
    const personId = await person("Айнұр");
    const id = systemIds.next();
    const body = { id, personId, role: "treasurer", joinedOn: "2024-02-01" };
    const first = await join(body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ id, personId, role: "treasurer", leftOn: null });
    // Sent again (a retry under a new key, a second device): not refused as a second membership.
    const again = await join(body);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    for (const other of [
      { role: "member" },
      { joinedOn: "2024-02-02" },
      { personId: await person("Ұлжан") },
    ]) {
      const res = await join({ ...body, ...other });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe("ID_CONFLICT");
    }
    expect(await rows(id)).toEqual([{ id, role: "treasurer", leftOn: null }]);
  });

  it("answers the join sent again after she left with the membership as it is now, ended", async () => {
    const personId = await person("Гүлжан");
    const id = systemIds.next();
    const body = { id, personId, joinedOn: "2024-02-01" };
    expect((await join(body)).statusCode).toBe(201);
    const left = await as(
      app,
      world.admin,
    )({
      method: "POST",
      url: `/api/v1/memberships/${id}/leave`,
      payload: { leftOn: "2024-06-30" },
    });
    expect(left.statusCode).toBe(200);
    const again = await join(body);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ id, leftOn: "2024-06-30" });
    expect(await rows(id)).toHaveLength(1);
  });

  it("neither reveals nor takes an id of another tenant, nor another kind of record's", async () => {
    const personId = await person("Дариға");
    const id = systemIds.next();
    expect((await join({ id, personId, joinedOn: "2024-02-01" })).statusCode).toBe(201);
    const partnerPerson = await person("Дариға", world.partnerAdmin, world.partner.groupId);
    const partner = await join(
      { id, personId: partnerPerson, joinedOn: "2024-02-01" },
      world.partnerAdmin,
      world.partner.groupId,
    );
    expect(partner.statusCode).toBe(409);
    expect(partner.json()).toEqual({
      error: {
        code: "ID_CONFLICT",
        message: `The id ${id} is already taken by another record, or by this one with different contents; nothing was changed. Send the record as first sent, or give it a new id.`,
        params: { id },
      },
    });
    // A person's id is not a membership's: the two tables are apart, the id is the membership's.
    const byPersonId = await join(
      { id: partnerPerson, personId: partnerPerson, joinedOn: "2024-02-01" },
      world.partnerAdmin,
      world.partner.groupId,
    );
    expect(byPersonId.statusCode).toBe(201);
  });

  it("refuses an id that is not a UUIDv7 and makes one when none is sent", async () => {
    const personId = await person("Назгүл");
    const bad = await join({ id: crypto.randomUUID(), personId, joinedOn: "2024-02-01" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe("INVALID_ID");
    const made = await join({ personId, joinedOn: "2024-02-01" });
    expect(made.statusCode).toBe(201);
    expect(isUuidV7(made.json().id)).toBe(true);
  });

  it("makes one membership of the same join sent many times at once", async () => {
    const personId = await person("Ақерке");
    const id = systemIds.next();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => join({ id, personId, role: "secretary", joinedOn: "2024-02-01" })),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await rows(id)).toHaveLength(1);
  });
});
