import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../platform/db/testing.js";
import { as, type SeededTenant, type SeededUser, seedWorld, testApp } from "../testing/fixtures.js";

describeEachDatabase("organisation routes", (use) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let partner: SeededTenant;
  let admin: SeededUser;
  let officer: SeededUser;
  let auditor: SeededUser;
  let partnerAdmin: SeededUser;

  beforeAll(async () => {
    const { db } = use();
    app = await testApp(use());
    ({ t, partner, admin, officer, auditor, partnerAdmin } = await seedWorld(db, "assoc"));
  });
  afterAll(async () => {
    await app.close();
  });

  it("opens a self-help group under a federation, inheriting currency and time zone", async () => {
    const res = await as(
      app,
      officer,
    )({
      method: "POST",
      url: "/api/v1/orgs",
      payload: {
        parentId: t.federationId,
        kind: "shg",
        name: "Ақбота",
        place: { village: "Қарасу" },
        openedOn: "2024-03-01",
      },
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({
      kind: "shg",
      name: "Ақбота",
      currency: "KZT",
      timeZone: "Asia/Almaty",
      status: "active",
    });
    expect(org.parentId).toBe(t.federationId);
    expect(org.place.village).toBe("Қарасу");
  });

  it("refuses a group directly under the association, with a translated message", async () => {
    const res = await as(
      app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/orgs",
      headers: { "accept-language": "ru" },
      payload: { parentId: t.rootId, kind: "shg", name: "Wrong place" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("ORG_PARENT_NOT_ALLOWED");
    expect(res.json().error.message).toMatch(/нельзя/);
  });

  it("refuses unknown currencies and time zones", async () => {
    const bad = await as(
      app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/orgs",
      payload: { parentId: t.rootId, kind: "federation", name: "F", currency: "XXQ" },
    });
    expect(bad.json().error.code).toBe("UNKNOWN_CURRENCY");
    const tz = await as(
      app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/orgs",
      payload: { parentId: t.rootId, kind: "federation", name: "F", timeZone: "Mars/Olympus" },
    });
    expect(tz.json().error.code).toBe("UNKNOWN_TIME_ZONE");
  });

  it("moves a cluster with its groups to another federation and keeps the history", async () => {
    const { db } = use();
    const fed = await as(
      app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/orgs",
      payload: { parentId: t.rootId, kind: "federation", name: "North", openedOn: "2021-01-01" },
    });
    const fed2 = await as(
      app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/orgs",
      payload: { parentId: t.rootId, kind: "federation", name: "South", openedOn: "2021-01-01" },
    });
    const cluster = await as(
      app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/orgs",
      payload: { parentId: fed.json().id, kind: "cluster", name: "C", openedOn: "2022-01-01" },
    });
    const group = await as(
      app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/orgs",
      payload: { parentId: cluster.json().id, kind: "shg", name: "G", openedOn: "2022-02-01" },
    });
    const moved = await as(
      app,
      admin,
    )({
      method: "POST",
      url: `/api/v1/orgs/${cluster.json().id}/move`,
      payload: { parentId: fed2.json().id, movedOn: "2025-06-01" },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(fed2.json().id);
    const groupRow = await db
      .selectFrom("organisations")
      .selectAll()
      .where("id", "=", group.json().id)
      .executeTakeFirstOrThrow();
    expect(groupRow.path).toBe(`${t.paths.root}${fed2.json().id}/${cluster.json().id}/${group.json().id}/`);
    expect(groupRow.depth).toBe(3);
    const history = await as(app, admin)({ method: "GET", url: `/api/v1/orgs/${cluster.json().id}/history` });
    expect(history.json().items).toEqual([
      { parentId: fed.json().id, parentName: "North", validFrom: "2022-01-01", validTo: "2025-06-01" },
      { parentId: fed2.json().id, parentName: "South", validFrom: "2025-06-01", validTo: null },
    ]);
    const under = await as(
      app,
      admin,
    )({ method: "GET", url: `/api/v1/orgs?under=${fed2.json().id}&kind=shg` });
    expect(under.json().items.map((o: { id: string }) => o.id)).toEqual([group.json().id]);
  });

  it("refuses to move an organisation under its own branch", async () => {
    const res = await as(
      app,
      admin,
    )({
      method: "POST",
      url: `/api/v1/orgs/${t.federationId}/move`,
      payload: { parentId: t.clusterId, movedOn: "2025-01-01" },
    });
    expect(res.statusCode).toBe(422);
    expect(["ORG_MOVE_INTO_OWN_SUBTREE", "ORG_PARENT_NOT_ALLOWED"]).toContain(res.json().error.code);
    const root = await as(
      app,
      admin,
    )({
      method: "POST",
      url: `/api/v1/orgs/${t.rootId}/move`,
      payload: { parentId: t.federationId, movedOn: "2025-01-01" },
    });
    expect(root.json().error.code).toBe("ORG_ROOT_CANNOT_MOVE");
  });

  it("will not close an organisation that still has active ones under it", async () => {
    const res = await as(
      app,
      admin,
    )({
      method: "POST",
      url: `/api/v1/orgs/${t.otherFederationId}/status`,
      payload: { status: "closed", on: "2026-01-01" },
    });
    expect(res.json().error.code).toBe("ORG_HAS_ACTIVE_CHILDREN");
    const dormant = await as(
      app,
      admin,
    )({
      method: "POST",
      url: `/api/v1/orgs/${t.otherGroupId}/status`,
      payload: { status: "dormant", on: "2026-01-01" },
    });
    expect(dormant.json()).toMatchObject({ status: "dormant", statusChangedOn: "2026-01-01" });
  });

  it("shows a federation officer only her federation's branch", async () => {
    const list = await as(app, officer)({ method: "GET", url: "/api/v1/orgs?limit=200" });
    const ids = list.json().items.map((o: { id: string }) => o.id);
    expect(ids).toContain(t.groupId);
    expect(ids).not.toContain(t.otherGroupId);
    expect(ids).not.toContain(t.rootId);
    const other = await as(app, officer)({ method: "GET", url: `/api/v1/orgs/${t.otherGroupId}` });
    expect(other.statusCode).toBe(404);
  });

  it("searches names case-insensitively, Cyrillic included, and pages by cursor", async () => {
    for (const name of ["Жұлдыз", "жұлдыз-2", "Other"]) {
      await as(
        app,
        admin,
      )({ method: "POST", url: "/api/v1/orgs", payload: { parentId: t.federationId, kind: "shg", name } });
    }
    const found = await as(
      app,
      admin,
    )({ method: "GET", url: `/api/v1/orgs?q=${encodeURIComponent("ЖҰЛДЫЗ")}` });
    expect(
      found
        .json()
        .items.map((o: { name: string }) => o.name)
        .sort(),
    ).toEqual(["Жұлдыз", "жұлдыз-2"]);
    const first = await as(app, admin)({ method: "GET", url: "/api/v1/orgs?limit=2" });
    expect(first.json().items).toHaveLength(2);
    const second = await as(
      app,
      admin,
    )({ method: "GET", url: `/api/v1/orgs?limit=2&cursor=${first.json().nextCursor}` });
    expect(second.json().items[0].id > first.json().items[1].id).toBe(true);
    const bad = await as(app, admin)({ method: "GET", url: "/api/v1/orgs?cursor=nonsense" });
    expect(bad.json().error.code).toBe("INVALID_CURSOR");
  });

  it("answers 403 to an auditor's write and 404 to another tenant", async () => {
    const write = await as(
      app,
      auditor,
    )({ method: "PATCH", url: `/api/v1/orgs/${t.groupId}`, payload: { name: "x" } });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe("FORBIDDEN");
    for (const url of [`/api/v1/orgs/${t.groupId}`, `/api/v1/orgs/${t.rootId}/history`]) {
      const res = await as(app, partnerAdmin)({ method: "GET", url });
      expect(res.statusCode).toBe(404);
    }
    const move = await as(
      app,
      partnerAdmin,
    )({
      method: "POST",
      url: `/api/v1/orgs/${t.groupId}/move`,
      payload: { parentId: partner.federationId, movedOn: "2025-01-01" },
    });
    expect(move.statusCode).toBe(404);
    const list = await as(app, partnerAdmin)({ method: "GET", url: "/api/v1/orgs?limit=200" });
    expect(list.json().items.every((o: { id: string }) => o.id !== t.rootId)).toBe(true);
  });

  it("replays an idempotent create and refuses the key with another body", async () => {
    const { db } = use();
    const payload = { parentId: t.federationId, kind: "shg", name: "Replay group" };
    const first = await as(app, admin)({ method: "POST", url: "/api/v1/orgs", payload, key: "org-replay-1" });
    const again = await as(app, admin)({ method: "POST", url: "/api/v1/orgs", payload, key: "org-replay-1" });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers["idempotent-replayed"]).toBe("true");
    const rows = await db
      .selectFrom("organisations")
      .select("id")
      .where("name", "=", "Replay group")
      .execute();
    expect(rows).toHaveLength(1);
    const other = await as(
      app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/orgs",
      payload: { ...payload, name: "Different" },
      key: "org-replay-1",
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    const missing = await as(app, admin)({ method: "POST", url: "/api/v1/orgs", payload, key: null });
    expect(missing.json().error.code).toBe("IDEMPOTENCY_KEY_REQUIRED");
  });

  it("writes the audit log in the same transaction as the change", async () => {
    const { db } = use();
    const res = await as(
      app,
      admin,
    )({ method: "PATCH", url: `/api/v1/orgs/${t.mfoId}`, payload: { name: "Moldir MFO" }, key: "audit-1" });
    expect(res.statusCode).toBe(200);
    const audit = await db
      .selectFrom("auditLog")
      .selectAll()
      .where("idempotencyKey", "=", "audit-1")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ command: "org.update", userId: admin.userId, source: "api" });
    expect(JSON.parse(audit.records)).toEqual([{ type: "organisation", id: t.mfoId }]);
  });

  it("asks to log in without a session", async () => {
    const res = await as(
      app,
      null,
    )({ method: "GET", url: "/api/v1/orgs", headers: { "accept-language": "kk" } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: "UNAUTHENTICATED", message: "Жүйеге кіріңіз." });
  });
});
