// Cross-cutting guarantees of the whole API, checked over every route the OpenAPI document lists:
// tenant isolation (404 for another tenant's records, through every route that takes an id),
// read-only roles (an auditor's write is 403), one error shape, and no 500 for random bodies.

import { systemClock } from "@qadam/core/clock";
import { DEFAULT_GRADING_TABLE } from "@qadam/core/groups/grading";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { systemIds } from "@qadam/core/ids";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openBooks } from "./books/index.js";
import { executeCommand } from "./platform/commands.js";
import { describeEachDatabase } from "./platform/db/testing.js";
import { webAppBuilt } from "./platform/http/web-app.js";
import { expectBooksCoherent } from "./testing/books-coherence.js";
import { as, cliActor, type SeededTenant, type SeededUser, seedWorld, testApp } from "./testing/fixtures.js";

interface Operation {
  method: string;
  path: string;
}

function operations(app: FastifyInstance): Operation[] {
  const doc = app.swagger() as { paths?: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
  );
}

/** Routes a user calls on herself or that need no record: not about other tenants' records. */
const SELF_SERVICE = /^\/api\/v1\/(session|me)(\/|$)/;

/** Path parameters that are dates, not records: a route with only these is the caller's own tenant's. */
const DATE_PARAMS = new Set(["validFrom"]);

function takesRecord(path: string): boolean {
  return [...path.matchAll(/\{(\w+)\}/g)].some(([, name]) => !DATE_PARAMS.has(name ?? ""));
}

describeEachDatabase("the whole API", (use) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let partner: SeededTenant;
  let admin: SeededUser;
  let auditor: SeededUser;
  let partnerAdmin: SeededUser;
  /** One record of each kind in the association, by the name the routes give their id parameter. */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = use();
    app = await testApp(use());
    ({ t, partner, admin, auditor, partnerAdmin } = await seedWorld(db, "assoc"));
    const call = as(app, admin);
    const person = await call({
      method: "POST",
      url: "/api/v1/people",
      payload: {
        givenName: "Айгүл",
        familyName: "Ахметова",
        sex: "female",
        orgId: t.groupId,
        consent: { givenOn: "2025-01-10", scope: "membership" },
      },
    });
    expect(person.statusCode).toBe(201);
    const household = await call({
      method: "POST",
      url: "/api/v1/households",
      payload: { orgId: t.groupId, name: "Ахметовтар" },
    });
    expect(household.statusCode).toBe(201);
    const membership = await call({
      method: "POST",
      url: `/api/v1/groups/${t.groupId}/members`,
      payload: { personId: person.json().id, role: "member", joinedOn: "2025-01-10" },
    });
    expect(membership.statusCode).toBe(201);
    const grants = await call({ method: "GET", url: `/api/v1/users/${auditor.userId}` });
    expect(grants.statusCode).toBe(200);
    ids.org = t.groupId;
    ids.group = t.groupId;
    ids.person = person.json().id;
    ids.household = household.json().id;
    ids.membership = membership.json().id;
    ids.user = auditor.userId;
    ids.grant = grants.json().grants[0].id;
    const token = await call({
      method: "POST",
      url: "/api/v1/me/api-tokens",
      payload: { name: "integration" },
    });
    expect(token.statusCode).toBe(201);
    ids.apiToken = token.json().id;
    const books = await call({ method: "POST", url: `/api/v1/orgs/${t.groupId}/books`, payload: {} });
    expect(books.statusCode).toBe(201);
    const account = (code: string): string =>
      books.json().items.find((a: { code: string }) => a.code === code).id;
    ids.rootAccount = account("1");
    ids.account = account("11");
    ids.creditAccount = account("21");
    const entry = await call({
      method: "POST",
      url: `/api/v1/orgs/${t.groupId}/journal-entries`,
      payload: {
        businessDate: "2025-01-10",
        description: "Savings",
        lines: [
          { accountId: ids.account, amount: "500", currency: "KZT" },
          { accountId: ids.creditAccount, amount: "-500", currency: "KZT" },
        ],
      },
    });
    expect(entry.statusCode).toBe(201);
    ids.journalEntry = entry.json().id;
    await executeCommand(
      { db, clock: systemClock, ids: systemIds },
      { actor: cliActor(t), name: "books.open", source: "cli" },
      (trx, ctx) => openBooks(trx, ctx, t.mfoId),
    );
    const product = await call({
      method: "POST",
      url: `/api/v1/orgs/${t.mfoId}/loan-products`,
      payload: VALID_BODIES["POST /api/v1/orgs/{orgId}/loan-products"] as Record<string, unknown>,
    });
    expect(product.statusCode).toBe(201);
    const loan = await call({
      method: "POST",
      url: "/api/v1/loans",
      payload: {
        productId: product.json().id,
        borrower: { type: "person", personId: ids.person },
        principal: "100000",
        installments: 6,
        firstDueOn: "2025-02-15",
        appliedOn: "2025-01-15",
      },
    });
    expect(loan.statusCode).toBe(201);
    ids.loan = loan.json().id;
    ids.loanProduct = product.json().id;
    ids.transaction = loan.json().id;
    ids.request = loan.json().id;
    // Not a record: the date from which group rules or a grading table apply.
    ids.validFrom = "2025-01-01";
    const rules = await call({
      method: "PUT",
      url: `/api/v1/groups/${t.groupId}/rules/2025-01-01`,
      payload: DEFAULT_RULES as Record<string, unknown>,
    });
    expect(rules.statusCode).toBe(200);
    const meeting = await call({
      method: "POST",
      url: `/api/v1/groups/${t.groupId}/meetings`,
      payload: {
        heldOn: "2025-01-15",
        attendance: [{ personId: ids.person, status: "present" }],
        lines: [{ kind: "savings", personId: ids.person, amount: "500" }],
      },
    });
    expect(meeting.statusCode).toBe(201);
    ids.meeting = meeting.json().id;
  });
  afterAll(async () => {
    await app.close();
  });

  /** Fills a route's path parameters with the association's records of the matching kind. */
  function fill(path: string): string {
    return path.replace(/([\w-]+)\/\{(\w+)\}/g, (_, segment: string, name: string) => {
      const kind = name === "id" ? segment : name.replace(/Id$/, "");
      const key =
        {
          orgs: "org",
          people: "person",
          households: "household",
          memberships: "membership",
          users: "user",
          groups: "group",
          "api-tokens": "apiToken",
          grants: "grant",
          loans: "loan",
          accounts: "account",
          "journal-entries": "journalEntry",
        }[kind] ?? kind;
      const id = ids[key];
      if (!id) throw new Error(`add a record for {${name}} in ${path} to this test`);
      return `${segment}/${id}`;
    });
  }

  /** A body each write route accepts, so that only the record's absence can refuse it. */
  const VALID_BODIES: Record<string, unknown> = {
    "POST /api/v1/orgs": { parentId: "", kind: "cluster", name: "New" },
    "POST /api/v1/people": {
      orgId: "",
      givenName: "Әсел",
      consent: { givenOn: "2025-01-01", scope: "membership" },
    },
    "POST /api/v1/households": { orgId: "", name: "Household" },
    "POST /api/v1/users": {
      login: "new.user@test.qadam",
      displayName: "New",
      password: "long-enough-password",
      grants: [{ orgId: "", role: "auditor" }],
    },
    "PATCH /api/v1/orgs/{id}": { name: "Renamed" },
    "POST /api/v1/orgs/{id}/move": { parentId: "", movedOn: "2025-01-01" },
    "POST /api/v1/orgs/{id}/status": { status: "dormant", on: "2025-01-01" },
    "PATCH /api/v1/people/{id}": { givenName: "Гүлнар" },
    "POST /api/v1/people/{id}/consent-withdrawal": { on: "2025-01-01" },
    "POST /api/v1/orgs/{orgId}/anonymous-counts": { countedOn: "2025-01-01", count: 3 },
    "POST /api/v1/groups/{groupId}/members": { personId: "", role: "member", joinedOn: "2025-02-01" },
    "POST /api/v1/memberships/{id}/role": { role: "secretary" },
    "POST /api/v1/memberships/{id}/leave": { leftOn: "2025-03-01" },
    "POST /api/v1/users/{id}/grants": { orgId: "", role: "auditor" },
    "POST /api/v1/users/{id}/grants/{grantId}/revoke": {},
    "POST /api/v1/users/{id}/disable": {},
    "POST /api/v1/users/{id}/enable": {},
    "POST /api/v1/users/{id}/password": { password: "long-enough-password" },
    "POST /api/v1/users/{id}/api-tokens/{apiTokenId}/revoke": {},
    "POST /api/v1/orgs/{orgId}/books": {},
    "POST /api/v1/orgs/{orgId}/accounts": { code: "19", name: "Petty cash", parentId: "@rootAccount" },
    "PATCH /api/v1/accounts/{id}": { name: "Cash box in the safe" },
    "POST /api/v1/accounts/{id}/close": {},
    "POST /api/v1/orgs/{orgId}/journal-entries": {
      businessDate: "2025-02-01",
      description: "Savings",
      lines: [
        { accountId: "@account", amount: "100.00", currency: "KZT" },
        { accountId: "@creditAccount", amount: "-100.00", currency: "KZT" },
      ],
    },
    "POST /api/v1/journal-entries/{id}/reverse": { businessDate: "2025-02-02", description: "Posted twice" },
    "POST /api/v1/orgs/{orgId}/loan-products": {
      name: "Test product",
      minPrincipal: "10000",
      maxPrincipal: "1000000",
      minInstallments: 3,
      maxInstallments: 24,
      frequency: "monthly",
      annualRatePercent: "24",
    },
    "POST /api/v1/loans": {
      productId: "@loanProduct",
      borrower: { type: "person", personId: "" },
      principal: "100000",
      installments: 6,
      firstDueOn: "2025-02-15",
      appliedOn: "2025-01-15",
    },
    "POST /api/v1/loans/{id}/notes": { kind: "appraisal", text: "Visited her shop." },
    "POST /api/v1/loans/{id}/approve": { on: "2025-01-16" },
    "POST /api/v1/loans/{id}/reject": { on: "2025-01-16" },
    "POST /api/v1/loans/{id}/disburse": { on: "2025-01-17", channel: "cash" },
    "POST /api/v1/loans/{id}/repayments": { on: "2025-02-17", amount: "100" },
    "POST /api/v1/loans/{id}/prepayments": { on: "2025-02-17", amount: "100" },
    "POST /api/v1/loans/{id}/transactions/{transactionId}/reverse": { on: "2025-02-18", reason: "Mistake" },
    "POST /api/v1/loans/{id}/reschedule": {
      on: "2025-03-01",
      installments: 6,
      firstDueOn: "2025-04-01",
      reason: "Harvest lost",
    },
    "POST /api/v1/loans/{id}/penalties": { on: "2025-03-01" },
    "POST /api/v1/loans/{id}/write-off": { on: "2025-03-01", reason: "Moved away" },
    "POST /api/v1/loans/{id}/requests/{requestId}/approve": { note: "Seen" },
    "POST /api/v1/loans/{id}/requests/{requestId}/reject": { note: "Not yet" },
    "POST /api/v1/loans/{id}/recoveries": { on: "2025-03-01", amount: "100" },
    "POST /api/v1/loans/{id}/advance-refund": { on: "2025-03-01" },
    "PUT /api/v1/groups/{groupId}/rules/{validFrom}": DEFAULT_RULES,
    "POST /api/v1/groups/{groupId}/meetings": {
      heldOn: "2025-02-05",
      attendance: [{ personId: "@person", status: "present" }],
      lines: [{ kind: "savings", personId: "@person", amount: "500" }],
      cashCounted: null,
    },
    "POST /api/v1/groups/{groupId}/meetings/{meetingId}/correction": { replacement: null },
    "POST /api/v1/groups/{groupId}/shareout": { on: "2025-03-01", carryOverLoans: true },
    "POST /api/v1/groups/{groupId}/grades": { on: "2025-03-01" },
    "PUT /api/v1/grading-table/{validFrom}": DEFAULT_GRADING_TABLE,
  };

  function validBody(op: Operation): unknown {
    const body = VALID_BODIES[`${op.method} ${op.path}`];
    if (body === undefined) throw new Error(`add a valid body for ${op.method} ${op.path} to this test`);
    // Ids inside bodies point at the attacker's own tenant, so only the path's record is foreign;
    // "@kind" stands for the association's record of that kind (an account of the group's books).
    return JSON.parse(
      JSON.stringify(body)
        .replaceAll('""', JSON.stringify(partner.groupId))
        .replace(/"@(\w+)"/g, (_, kind: string) => JSON.stringify(ids[kind] ?? "")),
    );
  }

  it("documents the routes in /api/openapi.json", async () => {
    const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      "/api/v1/session",
      "/api/v1/orgs",
      "/api/v1/orgs/{id}",
      "/api/v1/people",
      "/api/v1/people/{id}",
      "/api/v1/groups/{groupId}/members",
      "/api/v1/groups/{groupId}/meetings",
      "/api/v1/groups/{groupId}/shareout",
      "/api/v1/groups/{groupId}/grade",
      "/api/v1/users",
      "/api/v1/me",
    ]) {
      expect(paths).toContain(p);
    }
    const docs = await app.inject({ method: "GET", url: "/api/docs" });
    expect(docs.statusCode).toBeLessThan(400);
    // The address a newcomer opens: the web app once built (npm run build), else the API's documentation.
    const home = await app.inject({ method: "GET", url: "/" });
    if (webAppBuilt())
      expect([home.statusCode, home.headers["content-type"]]).toEqual([200, "text/html; charset=utf-8"]);
    else expect([home.statusCode, home.headers.location]).toEqual([302, "/api/docs"]);
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("answers 404 to another tenant's user for every route that takes an id", async () => {
    const withIds = operations(app).filter((o) => takesRecord(o.path) && !SELF_SERVICE.test(o.path));
    expect(withIds.length).toBeGreaterThan(10);
    for (const op of withIds) {
      const res = await as(
        app,
        partnerAdmin,
      )({
        method: op.method as "GET",
        url: fill(op.path),
        ...(op.method === "GET" ? {} : { payload: validBody(op) as Record<string, unknown> }),
      });
      expect({ op, status: res.statusCode, code: res.json().error?.code }).toEqual({
        op,
        status: 404,
        code: "NOT_FOUND",
      });
    }
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("answers 403 to an auditor's every write, and changes nothing", async () => {
    const { db } = use();
    const writes = operations(app).filter((o) => o.method !== "GET" && !SELF_SERVICE.test(o.path));
    const before = await db
      .selectFrom("auditLog")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    for (const op of writes) {
      const body = JSON.parse(
        JSON.stringify(validBody(op)).replaceAll(JSON.stringify(partner.groupId), JSON.stringify(t.groupId)),
      );
      const res = await as(app, auditor)({ method: op.method as "POST", url: fill(op.path), payload: body });
      expect({ op, status: res.statusCode, code: res.json().error?.code }).toEqual({
        op,
        status: 403,
        code: "FORBIDDEN",
      });
    }
    const after = await db
      .selectFrom("auditLog")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("never answers 500 to random bodies thrown at every write route, and always in one error shape", async () => {
    const writes = operations(app).filter((o) => o.method !== "GET" && o.path !== "/api/v1/session");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writes),
        fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()), fc.string()),
        fc.constantFrom("en", "ru", "kk", "fr"),
        async (op, body, lang) => {
          const res = await as(
            app,
            admin,
          )({
            method: op.method as "POST",
            url: fill(op.path),
            headers: { "content-type": "application/json", "accept-language": lang },
            payload: typeof body === "string" ? body : JSON.stringify(body),
          });
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400) {
            const error = res.json().error;
            expect(typeof error.code).toBe("string");
            expect(typeof error.message).toBe("string");
          }
        },
      ),
      { numRuns: 300 },
    );
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("never answers 500 to valid bodies with one field made hostile, and a refusal writes nothing", async () => {
    const { db } = use();
    const writes = operations(app).filter((o) => VALID_BODIES[`${o.method} ${o.path}`] !== undefined);
    const auditRows = async () =>
      Number(
        (
          await db
            .selectFrom("auditLog")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const hostile = fc.oneof(
      fc.jsonValue(),
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.constantFrom(
        "",
        " ",
        "0000-00-00",
        "2025-02-30",
        "9".repeat(40),
        "'; drop table persons; --",
        "\u0000",
        "NaN",
      ),
      fc.integer(),
      fc.double(),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), fc.nat(), hostile, async (op, pick, value) => {
        const body = JSON.parse(
          JSON.stringify(validBody(op)).replaceAll(
            JSON.stringify(partner.groupId),
            JSON.stringify(t.groupId),
          ),
        ) as Record<string, unknown>;
        const keys = Object.keys(body);
        if (keys.length > 0) body[keys[pick % keys.length] as string] = value;
        const before = await auditRows();
        const res = await as(app, admin)({ method: op.method as "POST", url: fill(op.path), payload: body });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(typeof res.json().error.code).toBe("string");
          expect(await auditRows()).toBe(before);
        } else {
          expect(await auditRows()).toBe(before + 1);
        }
      }),
      { numRuns: 300 },
    );
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("previews loan schedules for any logged-in user, with terms errors in the one shape", async () => {
    const url =
      "/api/v1/loans/schedule-preview?principal=60000&annualRate=36&installments=6&interest=flat&amortization=equal-principal&disbursed=2026-01-15&firstDue=2026-02-15";
    const res = await as(app, partnerAdmin)({ method: "GET", url });
    expect(res.statusCode).toBe(200);
    expect(res.json().installments.map((i: { total: string }) => i.total)).toEqual(Array(6).fill("11800.00"));
    const bad = await as(
      app,
      partnerAdmin,
    )({
      method: "GET",
      url: url.replace("firstDue=2026-02-15", "firstDue=2026-01-01"),
      headers: { "accept-language": "ru" },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({
      code: "SCHEDULE_TERMS_INVALID",
      message: expect.stringContaining("график"),
    });
    expect((await as(app, null)({ method: "GET", url })).statusCode).toBe(401);
    // Options the terms would ignore or change are refused, in the reader's language.
    for (const [extra, code] of [
      ["&rounding=0", "SCHEDULE_ROUNDING_ZERO"],
      ["&daysInYear=360", "SCHEDULE_OPTION_UNUSED"],
    ] as const) {
      const refused = await as(
        app,
        partnerAdmin,
      )({ method: "GET", url: url + extra, headers: { "accept-language": "ru" } });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe(code);
      expect(refused.json().error.message).toMatch(/[а-я]/);
    }
    // Above the tenant's cap (Kazakhstan's 46 % from 16 June 2025), the preview warns with the cap.
    const costly = await as(
      app,
      partnerAdmin,
    )({ method: "GET", url: `${url.replace("annualRate=36", "annualRate=45")}&feeDisbursement=5%25` });
    expect(costly.statusCode).toBe(200);
    expect(costly.json()).toMatchObject({
      disbursementFee: "3000.00",
      disbursedOn: "2026-01-15",
      cap: { maxEffectiveRatePercent: "46.0", from: "2025-06-16" },
      warnings: [{ code: "SCHEDULE_RATE_ABOVE_CAP", message: expect.stringContaining("46.0 %") }],
    });
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("translates the same error into each language", async () => {
    const messages = new Set<string>();
    for (const lang of ["kk", "ru", "en", "fr", "de"]) {
      const res = await as(
        app,
        partnerAdmin,
      )({ method: "GET", url: `/api/v1/people/${ids.person}`, headers: { "accept-language": lang } });
      expect(res.json().error.code).toBe("NOT_FOUND");
      messages.add(res.json().error.message);
    }
    expect(messages.size).toBe(4);
    await expectBooksCoherent(use().db, t.rootId);
  });
});
