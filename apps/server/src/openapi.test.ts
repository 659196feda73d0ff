// The OpenAPI document says, for every operation, what a client needs to call it: a description, the
// error codes it can answer; on every write its request example and the Idempotency-Key header; on
// every list the cursor (limit, cursor → { items, nextCursor }). Routes declared without them fail here.
import { ERROR_STATUS } from "@qadam/core/error-status";
import type { ErrorCode } from "@qadam/core/errors";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type OpenDatabase, openDatabase } from "./platform/db/database.js";
import { migrateToLatest } from "./platform/db/migrate.js";
import { testApp } from "./testing/fixtures.js";

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string };
}
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
}
interface Operation {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
  "x-error-codes"?: string[];
  "x-command"?: string;
  "x-not-idempotent"?: string;
  "x-list"?: string;
}

/** Every domain's tag: all routes are declared through route.ts, and every operation is checked. */
const DECLARED = new Set([
  "organisations",
  "people",
  "members",
  "users and access",
  "books",
  "loans",
  "groups",
  "dashboard",
]);

let open: OpenDatabase;
let app: FastifyInstance;
let ops: Array<{ id: string; method: string; path: string; op: Operation }>;

beforeAll(async () => {
  open = await openDatabase("sqlite::memory:");
  await migrateToLatest(open.db);
  app = await testApp(open);
  const doc = app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
  ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      id: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      op,
    })),
  );
});

afterAll(async () => {
  await app.close();
  await open.close();
});

function success(op: Operation): JsonSchema | undefined {
  const [status] = Object.keys(op.responses).filter((s) => s.startsWith("2"));
  return status ? op.responses[status]?.content?.["application/json"]?.schema : undefined;
}

/** A response that is a collection: an array, or an object with an `items` array. */
function isCollection(schema: JsonSchema | undefined): boolean {
  if (!schema) return false;
  if (schema.type === "array") return true;
  return schema.properties?.items?.type === "array";
}

describe("the OpenAPI document", () => {
  it("lists the operations of every domain", () => {
    expect(ops.length).toBeGreaterThan(DECLARED.size * 5);
    const tags = new Set(ops.flatMap(({ op }) => (op as { tags?: string[] }).tags ?? []));
    expect([...tags].sort()).toEqual([...DECLARED].sort());
  });

  it("describes every operation and lists the error codes it can answer, each under its status", () => {
    for (const { id, op } of ops) {
      expect(op.summary, id).toBeTruthy();
      expect(op.description?.length ?? 0, `${id} description`).toBeGreaterThan(20);
      const codes = op["x-error-codes"];
      expect(codes, `${id} x-error-codes`).toBeInstanceOf(Array);
      expect(codes?.length ?? 0, `${id} x-error-codes`).toBeGreaterThan(0);
      for (const code of codes ?? []) {
        expect(Object.keys(ERROR_STATUS), `${id} ${code}`).toContain(code);
        const status = String(ERROR_STATUS[code as ErrorCode]);
        const response = op.responses[status];
        expect(response, `${id} ${status}`).toBeDefined();
        expect(response?.description, `${id} ${status}`).toContain(code);
        expect(response?.content?.["application/json"]?.schema, `${id} ${status}`).toEqual({
          $ref: "#/components/schemas/Error",
        });
      }
      if (!id.includes("/session")) expect(codes, id).toContain("UNAUTHENTICATED");
    }
  });

  it("lists the code each value field refuses with: dates, amounts and client ids", () => {
    const codesOf = (wanted: string) => ops.find(({ id }) => id === wanted)?.op["x-error-codes"];
    expect(codesOf("POST /api/v1/people")).toEqual(expect.arrayContaining(["INVALID_DATE", "INVALID_ID"]));
    expect(codesOf("POST /api/v1/loans")).toEqual(expect.arrayContaining(["INVALID_DATE", "INVALID_AMOUNT"]));
    // The holidays are a list of dates in one string, refused with INVALID_DATE too.
    expect(codesOf("GET /api/v1/loans/schedule-preview")).toEqual(expect.arrayContaining(["INVALID_DATE"]));
    expect(codesOf("GET /api/v1/orgs")).not.toEqual(expect.arrayContaining(["INVALID_AMOUNT"]));
  });

  it("gives every write the Idempotency-Key header as required, and a request example its body accepts", () => {
    let writes = 0;
    for (const { id, method, op } of ops) {
      if (method === "GET") continue;
      const header = op.parameters?.find((p) => p.in === "header" && p.name === "Idempotency-Key");
      if (op["x-not-idempotent"] !== undefined) {
        // Only log-in and log-out, which no key can make idempotent, are declared so.
        expect(id, id).toMatch(/^(POST|DELETE) \/api\/v1\/session$/);
        expect(header, id).toBeUndefined();
      } else {
        writes++;
        expect(op["x-command"], `${id} command`).toBeTruthy();
        expect(header, `${id} Idempotency-Key`).toMatchObject({ required: true, schema: { type: "string" } });
        expect(op["x-error-codes"], id).toEqual(
          expect.arrayContaining(["IDEMPOTENCY_KEY_REQUIRED", "IDEMPOTENCY_KEY_REUSED"]),
        );
      }
      const json = op.requestBody?.content["application/json"];
      if (json) expect(json.example, `${id} example`).toBeDefined();
    }
    expect(writes).toBeGreaterThan(DECLARED.size * 2);
  });

  it("pages every list with limit and cursor, answering { items, nextCursor }", () => {
    let paged = 0;
    for (const { id, method, op } of ops) {
      const schema = success(op);
      if (method !== "GET" || !isCollection(schema)) continue;
      const list = op["x-list"];
      expect(list, `${id} is a list: paged, or whole with its reason`).toBeDefined();
      if (list !== "paged") {
        expect(list, id).toMatch(/^whole: .{20,}/);
        continue;
      }
      paged++;
      const query = (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      expect(query, id).toEqual(expect.arrayContaining(["limit", "cursor"]));
      expect(schema?.type, id).toBe("object");
      expect(Object.keys(schema?.properties ?? {}), id).toEqual(
        expect.arrayContaining(["items", "nextCursor"]),
      );
      expect(schema?.required, id).toEqual(expect.arrayContaining(["items", "nextCursor"]));
      expect(op["x-error-codes"], id).toContain("INVALID_CURSOR");
    }
    expect(paged).toBeGreaterThan(0);
  });

  it("serves the document with the header that makes Swagger's “Try it out” work on a write", async () => {
    const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, Record<string, Operation>> };
    const create = doc.paths["/api/v1/orgs"]?.post;
    expect(create?.parameters).toContainEqual(
      expect.objectContaining({ name: "Idempotency-Key", in: "header", required: true }),
    );
    expect(create?.requestBody?.content["application/json"]?.example).toMatchObject({ kind: "federation" });
  });
});

describe("a route declared without its contract", () => {
  it("is refused at declaration when its write has no example, or an example its body refuses", async () => {
    const { command } = await import("./platform/http/route.js");
    const { default: Fastify } = await import("fastify");
    const bare = Fastify();
    const spec = {
      method: "POST" as const,
      path: "/x",
      tags: ["x"],
      summary: "x",
      description: "a write without an example",
      body: z.strictObject({ n: z.number() }),
      response: z.object({}),
      errors: [],
      command: { name: "x" },
      run: async () => ({}),
    };
    const deps = {} as Parameters<typeof command>[1];
    expect(() => command(bare, deps, spec)).toThrow(/example/);
    expect(() => command(bare, deps, { ...spec, example: { n: "one" } as unknown as { n: number } })).toThrow(
      /example/,
    );
    await bare.close();
  });
});
