import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../platform/db/testing.js";
import { as, type SeededTenant, type SeededUser, seedWorld, testApp } from "../../testing/fixtures.js";

describeEachDatabase("membership routes", (use) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let admin: SeededUser;
  let officerB: SeededUser;
  let auditor: SeededUser;
  let otherOfficer: SeededUser;
  let partnerAdmin: SeededUser;

  beforeAll(async () => {
    const { db } = use();
    app = await testApp(use());
    ({ t, admin, otherOfficer, auditor, partnerAdmin } = await seedWorld(db, "members"));
    officerB = otherOfficer;
  });
  afterAll(async () => {
    await app.close();
  });

  async function person(name: string, orgId = t.groupId): Promise<string> {
    const res = await as(
      app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/people",
      payload: { orgId, givenName: name, consent: { givenOn: "2024-01-01", scope: "membership" } },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }
  const join = (
    user: SeededUser,
    groupId: string,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => as(app, user)({ method: "POST", url: `/api/v1/groups/${groupId}/members`, payload: body, headers });

  it("refuses a second active membership in any group of the tenant, naming the group", async () => {
    const id = await person("Айнұр");
    const first = await join(admin, t.groupId, { personId: id, role: "member", joinedOn: "2024-02-01" });
    expect(first.statusCode).toBe(201);
    const second = await join(
      admin,
      t.otherGroupId,
      { personId: id, role: "member", joinedOn: "2024-03-01" },
      { "accept-language": "ru" },
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("MEMBER_ALREADY_IN_GROUP");
    expect(second.json().error.message).toContain("group A1-1");
    // An officer of the other federation may not learn the name of a group she cannot see.
    const hidden = await join(officerB, t.otherGroupId, {
      personId: id,
      role: "member",
      joinedOn: "2024-03-01",
    });
    expect(hidden.statusCode).toBe(404);
  });

  it("lets one of two concurrent joins win, never both", async () => {
    const { db } = use();
    const id = await person("Ұлжан");
    const results = await Promise.all([
      join(admin, t.groupId, { personId: id, role: "member", joinedOn: "2024-02-01" }),
      join(admin, t.otherGroupId, { personId: id, role: "member", joinedOn: "2024-02-01" }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const active = await db
      .selectFrom("memberships")
      .select("id")
      .where("personId", "=", id)
      .where("leftOn", "is", null)
      .execute();
    expect(active).toHaveLength(1);
  });

  it("allows a new group after leaving, but not a period that overlaps the old one", async () => {
    const id = await person("Меруерт");
    const m = await join(admin, t.groupId, { personId: id, role: "member", joinedOn: "2024-02-01" });
    const left = await as(
      app,
      admin,
    )({
      method: "POST",
      url: `/api/v1/memberships/${m.json().id}/leave`,
      payload: { leftOn: "2024-06-30", reason: "moved away" },
    });
    expect(left.json()).toMatchObject({ leftOn: "2024-06-30", leftReason: "moved away" });
    const overlap = await join(admin, t.otherGroupId, {
      personId: id,
      role: "member",
      joinedOn: "2024-06-01",
    });
    expect(overlap.json().error.code).toBe("MEMBERSHIP_PERIOD_OVERLAP");
    const later = await join(admin, t.otherGroupId, { personId: id, role: "member", joinedOn: "2024-07-15" });
    expect(later.statusCode).toBe(201);
    const history = await as(app, admin)({ method: "GET", url: `/api/v1/people/${id}/memberships` });
    expect(history.json().items.map((x: { groupId: string }) => x.groupId)).toEqual([
      t.groupId,
      t.otherGroupId,
    ]);
    const again = await as(
      app,
      admin,
    )({ method: "POST", url: `/api/v1/memberships/${m.json().id}/leave`, payload: { leftOn: "2024-07-01" } });
    expect(again.json().error.code).toBe("MEMBERSHIP_ALREADY_ENDED");
  });

  it("keeps one president, secretary and treasurer at a time", async () => {
    const a = await person("Шынар");
    const b = await person("Ләззат");
    const pres = await join(admin, t.groupId, { personId: a, role: "president", joinedOn: "2024-02-01" });
    expect(pres.statusCode).toBe(201);
    const clash = await join(
      admin,
      t.groupId,
      { personId: b, role: "president", joinedOn: "2024-02-01" },
      { "accept-language": "ru" },
    );
    expect(clash.json().error).toEqual({
      code: "MEMBERSHIP_ROLE_TAKEN",
      message: "В группе уже есть действующий председатель.",
      params: { role: "president" },
    });
    const mb = await join(admin, t.groupId, { personId: b, role: "member", joinedOn: "2024-02-01" });
    const promote = await as(
      app,
      admin,
    )({ method: "POST", url: `/api/v1/memberships/${mb.json().id}/role`, payload: { role: "president" } });
    expect(promote.json().error.code).toBe("MEMBERSHIP_ROLE_TAKEN");
    await as(
      app,
      admin,
    )({ method: "POST", url: `/api/v1/memberships/${pres.json().id}/role`, payload: { role: "member" } });
    const now = await as(
      app,
      admin,
    )({ method: "POST", url: `/api/v1/memberships/${mb.json().id}/role`, payload: { role: "president" } });
    expect(now.json().role).toBe("president");
    const members = await as(app, admin)({ method: "GET", url: `/api/v1/groups/${t.groupId}/members` });
    expect(members.json().items.filter((m: { role: string }) => m.role === "president")).toHaveLength(1);
  });

  it("pages a group's members in join order with limit and cursor, and a person's memberships too", async () => {
    const call = as(app, admin);
    const all = (await call({ method: "GET", url: `/api/v1/groups/${t.groupId}/members?status=all` })).json();
    expect(all.items.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/groups/${t.groupId}/members?status=all&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await call({ method: "GET", url })).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((m: { id: string }) => m.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all.items.map((m: { id: string }) => m.id));
    const joined = all.items.map((m: { joinedOn: string }) => m.joinedOn);
    expect(joined).toEqual([...joined].sort());
    const bad = await call({ method: "GET", url: `/api/v1/groups/${t.groupId}/members?cursor=nonsense` });
    expect(bad.json().error.code).toBe("INVALID_CURSOR");
    const personId = all.items[0].personId;
    const history = await call({ method: "GET", url: `/api/v1/people/${personId}/memberships?limit=1` });
    expect(history.json()).toMatchObject({ items: [expect.objectContaining({ personId })] });
    expect(history.json()).toHaveProperty("nextCursor");
  });

  it("accepts members only into active self-help groups", async () => {
    const id = await person("Анар");
    const fed = await join(admin, t.federationId, { personId: id, role: "member", joinedOn: "2024-02-01" });
    expect(fed.json().error.code).toBe("ORG_NOT_A_GROUP");
    const early = await join(admin, t.groupId, { personId: id, role: "member", joinedOn: "2019-12-31" });
    expect(early.json().error.code).toBe("ORG_DATE_BEFORE_OPENING");
    const audit = await join(auditor, t.groupId, { personId: id, role: "member", joinedOn: "2024-02-01" });
    expect(audit.statusCode).toBe(403);
  });

  it("names the other group only to someone who may see it", async () => {
    // Registered in the second federation's group, so its officer sees her; a member in the first's.
    const id = await person("Сәуле", t.otherGroupId);
    expect(
      (await join(admin, t.groupId, { personId: id, role: "member", joinedOn: "2024-02-01" })).statusCode,
    ).toBe(201);
    const res = await join(otherOfficer, t.otherGroupId, {
      personId: id,
      role: "member",
      joinedOn: "2024-03-01",
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({
      code: "MEMBER_ALREADY_IN_GROUP",
      message: "This person is already an active member of a self-help group: (a group you cannot see).",
      params: { groupName: "(a group you cannot see)" },
    });
    const kk = await join(
      otherOfficer,
      t.otherGroupId,
      { personId: id, role: "member", joinedOn: "2024-03-01" },
      { "accept-language": "kk" },
    );
    expect(kk.json().error.message).toContain("сізге қолжетімсіз топ");
  });

  it("lets one of two concurrent presidents win, with MEMBERSHIP_ROLE_TAKEN for the other", async () => {
    const { db } = use();
    const [a, b] = [await person("Гүлмира"), await person("Зәуре")];
    const results = await Promise.all([
      join(admin, t.otherGroupId, { personId: a, role: "president", joinedOn: "2024-02-01" }),
      join(admin, t.otherGroupId, { personId: b, role: "president", joinedOn: "2024-02-01" }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json().error.code).toBe("MEMBERSHIP_ROLE_TAKEN");
    const presidents = await db
      .selectFrom("memberships")
      .select("id")
      .where("groupId", "=", t.otherGroupId)
      .where("role", "=", "president")
      .where("leftOn", "is", null)
      .execute();
    expect(presidents).toHaveLength(1);
  });

  it("answers 404 to malformed and unknown ids, and to another tenant's records", async () => {
    const id = await person("Алма");
    const m = await join(admin, t.groupId, { personId: id, role: "member", joinedOn: "2024-02-01" });
    const call = as(app, admin);
    for (const url of [
      "/api/v1/memberships/not-a-uuid",
      "/api/v1/memberships/0190c5a0-0000-7000-8000-000000000000",
      "/api/v1/groups/not-a-uuid/members",
      "/api/v1/people/42/memberships",
    ]) {
      expect((await call({ method: "GET", url })).statusCode, url).toBe(404);
    }
    const leave = await call({
      method: "POST",
      url: "/api/v1/memberships/x/leave",
      payload: { leftOn: "2024-03-01" },
    });
    expect(leave.statusCode).toBe(404);
    const partner = as(app, partnerAdmin);
    expect((await partner({ method: "GET", url: `/api/v1/memberships/${m.json().id}` })).statusCode).toBe(
      404,
    );
    expect((await partner({ method: "GET", url: `/api/v1/groups/${t.groupId}/members` })).statusCode).toBe(
      404,
    );
    const steal = await join(partnerAdmin, t.groupId, {
      personId: id,
      role: "member",
      joinedOn: "2024-02-01",
    });
    expect(steal.statusCode).toBe(404);
  });
});
