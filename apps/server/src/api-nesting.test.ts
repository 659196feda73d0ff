// A deeply nested JSON body, sent to every route that takes a body, with and without a session:
// refused with 400 BODY_TOO_DEEP in the caller's language, never a 500 (a recursive walk overflowed).
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "./platform/db/testing.js";
import { registeredRoutes } from "./platform/http/server.js";
import { as, type SeededUser, seedWorld, testApp } from "./testing/fixtures.js";

const UUID = "0190aaaa-0000-7000-8000-000000000001";

describeEachDatabase("deeply nested bodies", (use) => {
  let app: FastifyInstance;
  let admin: SeededUser;

  beforeAll(async () => {
    app = await testApp(use());
    ({ admin } = await seedWorld(use().db, "nesting"));
  });
  afterAll(async () => {
    await app.close();
  });

  const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;

  it("answers 400 BODY_TOO_DEEP, never a 500, on every route that takes a body", async () => {
    const writes = registeredRoutes(app).filter((r) => ["POST", "PUT", "PATCH", "DELETE"].includes(r.method));
    expect(writes.length).toBeGreaterThan(40);
    expect(writes.map((r) => r.url)).toContain("/api/v1/session");
    for (const body of [deep(10_000), `{"a":${deep(100)}}`]) {
      for (const route of writes) {
        const url = route.url.replace(/:\w+/g, (p) => (p === ":validFrom" ? "2026-01-01" : UUID));
        for (const user of [null, admin]) {
          const res = await as(
            app,
            user,
          )({
            method: route.method as "POST",
            url,
            payload: body,
            headers: { "content-type": "application/json", "accept-language": "ru" },
          });
          expect({ route, authenticated: user !== null, status: res.statusCode }).toEqual({
            route,
            authenticated: user !== null,
            status: 400,
          });
          expect(res.json().error.code).toBe("BODY_TOO_DEEP");
          expect(res.json().error.message).toMatch(/вложен/);
        }
      }
    }
  });

  it("still reads a body nested within the limit", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: `{"login":"x@y","password":"z","extra":${deep(40)}}`,
      headers: { "content-type": "application/json" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });
});
