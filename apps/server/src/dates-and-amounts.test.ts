// Dates and amounts mean the same on every route: every date field, path parameter and query
// parameter refuses a day the calendar does not have (INVALID_DATE), every amount field refuses an
// amount not written the one canonical way (INVALID_AMOUNT), both as 422 on both databases; and no
// sequence of requests stores a date the calendar refuses or exports a journal hledger refuses.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDays, isCalendarDate, systemClock } from "@qadam/core/clock";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { FIELD_NAMES, LOCALES, translate } from "@qadam/core/i18n";
import { systemIds } from "@qadam/core/ids";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { formatLedgerJournal, journalForExport, openBooks } from "./books/index.js";
import { executeCommand } from "./platform/commands.js";
import { describeEachDatabase } from "./platform/db/testing.js";
import { expectBooksCoherent } from "./testing/books-coherence.js";
import {
  as,
  cliActor,
  type SeededTenant,
  type SeededUser,
  seedUser,
  seedWorld,
  testApp,
} from "./testing/fixtures.js";
import {
  bodyWith,
  fieldsWhere,
  type Operation,
  operations,
  pathOf,
  type Schema,
  type Step,
} from "./testing/openapi.js";

const AMOUNT = "^(0|[1-9]\\d{0,14})(\\.\\d{1,6})?$";
const SIGNED_AMOUNT = "^-?(0|[1-9]\\d{0,14})(\\.\\d{1,6})?$";
const ODD_AMOUNTS = [" 10", "10 ", "1e3", "+10", "10.", ".5", "-0", "010", "1,5", ""];

const isDate = (s: Schema) => s.format === "date";
const isAmount = (s: Schema) => s.pattern === AMOUNT || s.pattern === SIGNED_AMOUNT;

interface Detail {
  path: string;
  code: string;
  message: string;
}

describeEachDatabase("dates and amounts on every route", (use) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let admin: SeededUser;
  let checker: SeededUser;
  let personId: string;
  let productId: string;
  let cashAccount: string;
  let savingsAccount: string;
  let dir: string;

  beforeAll(async () => {
    const { db } = use();
    app = await testApp(use());
    ({ t, admin } = await seedWorld(db, "dates"));
    checker = await seedUser(db, t.tenantId, t.rootId, "tenant_admin");
    dir = mkdtempSync(join(tmpdir(), "qadam-dates-"));
    const call = as(app, admin);
    const person = await call({
      method: "POST",
      url: "/api/v1/people",
      payload: {
        givenName: "Айгүл",
        familyName: "Ахметова",
        sex: "female",
        orgId: t.groupId,
        consent: { givenOn: "2024-01-10", scope: "membership" },
      },
    });
    expect(person.statusCode).toBe(201);
    personId = person.json().id;
    const member = await call({
      method: "POST",
      url: `/api/v1/groups/${t.groupId}/members`,
      payload: { personId, role: "member", joinedOn: "2024-01-10" },
    });
    expect(member.statusCode).toBe(201);
    const books = await call({ method: "POST", url: `/api/v1/orgs/${t.groupId}/books`, payload: {} });
    expect(books.statusCode).toBe(201);
    const account = (code: string): string =>
      books.json().items.find((a: { code: string }) => a.code === code).id;
    cashAccount = account("11");
    savingsAccount = account("21");
    const rules = await call({
      method: "PUT",
      url: `/api/v1/groups/${t.groupId}/rules/2024-01-01`,
      payload: DEFAULT_RULES as Record<string, unknown>,
    });
    expect(rules.statusCode).toBe(200);
    await executeCommand(
      { db, clock: systemClock, ids: systemIds },
      { actor: cliActor(t), name: "books.open", source: "cli" },
      (trx, ctx) => openBooks(trx, ctx, t.mfoId),
    );
    const product = await call({
      method: "POST",
      url: `/api/v1/orgs/${t.mfoId}/loan-products`,
      payload: {
        name: "Monthly",
        minPrincipal: "10000",
        maxPrincipal: "1000000",
        minInstallments: 3,
        maxInstallments: 24,
        frequency: "monthly",
        annualRatePercent: "24",
      },
    });
    expect(product.statusCode).toBe(201);
    productId = product.json().id;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A route's path with its parameters filled: `dates` for date parameters, "x" for record ids. */
  function fill(op: Operation, date: string, which?: string): string {
    return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const param = op.parameters.find((p) => p.in === "path" && p.name === name);
      if (param?.schema && isDate(param.schema)) return name === which ? date : "2025-01-01";
      return "x";
    });
  }

  it("labels every field the API takes in every language, so that no message shows a JSON key", () => {
    const names = new Set<string>();
    for (const op of operations(app)) {
      for (const p of op.parameters) names.add(p.name);
      for (const { at } of fieldsWhere(op.body, () => true))
        for (const step of at) if (typeof step === "string") names.add(step);
    }
    expect([...names].sort()).toEqual([...FIELD_NAMES].sort());
    for (const locale of LOCALES)
      for (const name of FIELD_NAMES)
        expect(translate(locale, `fields.${name}`), `${locale} ${name}`).not.toContain("fields.");
  });

  it("refuses a day the calendar does not have in every date field, parameter and query (INVALID_DATE)", async () => {
    const call = as(app, admin);
    let checked = 0;
    for (const op of operations(app)) {
      const cases: Array<{ url: string; payload?: unknown; path: string }> = [];
      for (const { at } of fieldsWhere(op.body, isDate))
        cases.push({
          url: fill(op, ""),
          payload: bodyWith(at, "2026-02-30"),
          path: ["body", ...at].join("."),
        });
      for (const p of op.parameters.filter((p) => p.schema && isDate(p.schema))) {
        if (p.in === "path")
          cases.push({ url: fill(op, "2026-11-31", p.name), payload: {}, path: `params.${p.name}` });
        if (p.in === "query")
          cases.push({ url: `${fill(op, "")}?${p.name}=2026-11-31`, path: `querystring.${p.name}` });
      }
      for (const c of cases) {
        const res = await call({
          method: op.method as "GET",
          url: c.url,
          ...(op.method === "GET" ? {} : { payload: c.payload as Record<string, unknown> }),
        });
        const details: Detail[] = res.json().error?.details ?? [];
        expect(details, `${op.method} ${op.path} ${c.path}`).toContainEqual(
          expect.objectContaining({ path: c.path, code: "INVALID_DATE" }),
        );
        if (details.every((d) => d.code === "INVALID_DATE")) {
          expect(res.statusCode, `${op.method} ${op.path}`).toBe(422);
          expect(res.json().error.code).toBe("INVALID_DATE");
        } else expect(res.statusCode).toBe(400);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);

    const par = await call({
      method: "GET",
      url: `/api/v1/orgs/${t.mfoId}/portfolio-at-risk?date=2026-11-31`,
    });
    expect(par.statusCode).toBe(422);
    expect(par.json().error).toMatchObject({
      code: "INVALID_DATE",
      details: [{ path: "querystring.date", code: "INVALID_DATE" }],
    });
    expect(par.json().error.details[0].message).toContain("2026-11-31");
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("answers the same odd amounts alike on every amount field of every route (INVALID_AMOUNT)", async () => {
    const call = as(app, admin);
    const seen = new Set<string>();
    for (const op of operations(app)) {
      const cases: Array<{ url: string; payload?: Step[]; path: string; signed: boolean }> = [];
      for (const { at, field } of fieldsWhere(op.body, isAmount)) {
        cases.push({
          url: fill(op, ""),
          payload: at,
          path: pathOf("body", at),
          signed: field.pattern === SIGNED_AMOUNT,
        });
      }
      for (const p of op.parameters.filter((p) => p.in === "query" && p.schema && isAmount(p.schema)))
        cases.push({ url: fill(op, ""), path: `querystring.${p.name}`, signed: false });
      for (const c of cases) {
        seen.add(`${op.method} ${op.path} ${c.path}`);
        for (const odd of [...ODD_AMOUNTS, ...(c.signed ? [] : ["-5"])]) {
          const res =
            c.payload === undefined
              ? await call({
                  method: op.method as "GET",
                  url: `${c.url}?${c.path.split(".")[1]}=${encodeURIComponent(odd)}`,
                })
              : await call({
                  method: op.method as "POST",
                  url: c.url,
                  payload: bodyWith(c.payload as Step[], odd) as Record<string, unknown>,
                });
          const details: Detail[] = res.json().error?.details ?? [];
          expect(details, `${op.method} ${op.path} ${c.path} ${JSON.stringify(odd)}`).toContainEqual(
            expect.objectContaining({ path: c.path, code: "INVALID_AMOUNT" }),
          );
        }
      }
    }
    for (const field of [
      "POST /api/v1/loans/{id}/repayments body.amount",
      "POST /api/v1/loans body.principal",
      "POST /api/v1/orgs/{orgId}/journal-entries body.lines.0.amount",
      "POST /api/v1/groups/{groupId}/meetings body.lines.0.amount",
      "POST /api/v1/orgs/{orgId}/loan-products body.minPrincipal",
      "PUT /api/v1/groups/{groupId}/rules/{validFrom} body.fines.absence",
    ])
      expect(seen).toContain(field);
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("answers an odd amount in a whole request as it answers too many decimals for the currency: 422 INVALID_AMOUNT", async () => {
    const call = as(app, admin);
    const loan = await call({
      method: "POST",
      url: "/api/v1/loans",
      payload: {
        productId,
        borrower: { type: "person", personId },
        principal: "100000",
        installments: 6,
        firstDueOn: "2025-02-15",
        appliedOn: "2025-01-15",
      },
    });
    expect(loan.statusCode).toBe(201);
    const loanId = loan.json().id;
    expect(
      (
        await as(
          app,
          checker,
        )({ method: "POST", url: `/api/v1/loans/${loanId}/approve`, payload: { on: "2025-01-16" } })
      ).statusCode,
    ).toBe(200);
    expect(
      (await call({ method: "POST", url: `/api/v1/loans/${loanId}/disburse`, payload: { on: "2025-01-17" } }))
        .statusCode,
    ).toBe(200);
    const requests = (amount: string) => [
      { url: `/api/v1/loans/${loanId}/repayments`, payload: { on: "2025-02-15", amount } },
      {
        url: `/api/v1/orgs/${t.groupId}/journal-entries`,
        payload: {
          businessDate: "2025-02-01",
          description: "Savings",
          lines: [
            { accountId: cashAccount, amount, currency: "KZT" },
            { accountId: savingsAccount, amount: `-${amount.trim()}`, currency: "KZT" },
          ],
        },
      },
      {
        url: `/api/v1/groups/${t.groupId}/meetings`,
        payload: {
          heldOn: "2025-02-05",
          attendance: [{ personId, status: "present" }],
          lines: [{ kind: "voluntarySavings", personId, amount }],
        },
      },
    ];
    for (const amount of ["10.001", " 10", "1e3", "+10", "10.", ".5"]) {
      for (const r of requests(amount)) {
        const res = await call({ method: "POST", ...r });
        expect(res.statusCode, `${r.url} ${JSON.stringify(amount)}`).toBe(422);
        expect(res.json().error.code).toBe("INVALID_AMOUNT");
      }
    }
    await expectBooksCoherent(use().db, t.rootId);
  });

  it("stores no date the calendar refuses, whatever dates the routes are sent, and exports journals hledger reads", async () => {
    const { db } = use();
    const call = as(app, admin);
    const approve = as(app, checker);
    const today = new Date().toISOString().slice(0, 10);
    // Days 29 to 31 often: in most months one of them is a day the calendar does not have.
    const dayIn = (year: number, months: number[]) =>
      fc
        .record({
          m: fc.constantFrom(...months),
          d: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constantFrom(29, 30, 31)),
        })
        .map(({ m, d }) => `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    // Applied, approved and disbursed in January 2025, first due in a short month, repaid later.
    const dates = fc.tuple(
      dayIn(2024, ALL),
      dayIn(2025, [1]),
      dayIn(2025, [2, 4, 6]),
      dayIn(2025, [1]),
      dayIn(2025, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
      dayIn(2025, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
    );
    let disbursed = 0;
    let repaid = 0;
    let refused = 0;
    const answered = (
      res: { statusCode: number; json(): { error?: { code: string } } },
      ...dates: string[]
    ) => {
      expect(res.statusCode).toBeLessThan(500);
      if (dates.some((d) => !isCalendarDate(d))) {
        refused++;
        expect(res.statusCode).toBe(422);
        expect(res.json().error?.code).toBe("INVALID_DATE");
      }
    };
    await fc.assert(
      fc.asyncProperty(dates, async ([a = "", b = "", c = "", d = "", e = "", f = ""]) => {
        const entry = await call({
          method: "POST",
          url: `/api/v1/orgs/${t.groupId}/journal-entries`,
          payload: {
            businessDate: a,
            description: "Savings",
            lines: [
              { accountId: cashAccount, amount: "10", currency: "KZT" },
              { accountId: savingsAccount, amount: "-10", currency: "KZT" },
            ],
          },
        });
        answered(entry, a);
        const loan = await call({
          method: "POST",
          url: "/api/v1/loans",
          payload: {
            productId,
            borrower: { type: "person", personId },
            principal: "100000",
            installments: 3,
            firstDueOn: c,
            appliedOn: b,
          },
        });
        answered(loan, b, c);
        if (loan.statusCode === 201) {
          const id = loan.json().id;
          answered(
            await approve({ method: "POST", url: `/api/v1/loans/${id}/approve`, payload: { on: d } }),
            d,
          );
          const disbursement = await call({
            method: "POST",
            url: `/api/v1/loans/${id}/disburse`,
            payload: { on: d },
          });
          answered(disbursement, d);
          if (disbursement.statusCode === 200) disbursed++;
          const repayment = await call({
            method: "POST",
            url: `/api/v1/loans/${id}/repayments`,
            payload: { on: e, amount: "1000" },
          });
          answered(repayment, e);
          if (repayment.statusCode < 300) repaid++;
          answered(
            await call({ method: "POST", url: `/api/v1/loans/${id}/penalties`, payload: { on: f } }),
            f,
          );
        }
        answered(
          await call({
            method: "POST",
            url: `/api/v1/groups/${t.groupId}/meetings`,
            payload: {
              heldOn: f,
              attendance: [{ personId, status: "present" }],
              lines: [{ kind: "savings", personId, amount: "500" }],
            },
          }),
          f,
        );
        answered(
          await call({ method: "GET", url: `/api/v1/orgs/${t.mfoId}/portfolio-at-risk?date=${e}` }),
          e,
        );
      }),
      { numRuns: 15 },
    );
    expect(disbursed).toBeGreaterThan(0);
    expect(repaid).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    // A few that must go through, so that the books have dated entries to export.
    const posted = await call({
      method: "POST",
      url: `/api/v1/orgs/${t.groupId}/journal-entries`,
      payload: {
        businessDate: addDays(today, -400),
        description: "Savings",
        lines: [
          { accountId: cashAccount, amount: "10", currency: "KZT" },
          { accountId: savingsAccount, amount: "-10", currency: "KZT" },
        ],
      },
    });
    expect(posted.statusCode).toBe(201);

    // Every date column of the schema, read back: each a real calendar date.
    const schema = readFileSync(new URL("./platform/db/schema.ts", import.meta.url), "utf8");
    const tableOf = new Map([...schema.matchAll(/^ {2}(\w+): (\w+Table);$/gm)].map((m) => [m[2], m[1]]));
    let columns = 0;
    for (const [, iface = "", body = ""] of schema.matchAll(/export interface (\w+Table) \{([^}]*)\}/g)) {
      const table = tableOf.get(iface);
      if (!table) continue;
      for (const [, column = ""] of body.matchAll(/^ {2}(\w+): CalendarDate/gm)) {
        const rows = await db
          .selectFrom(table as "loans")
          .select(sql<string | null>`${sql.ref(column)}`.as("d"))
          .execute();
        for (const row of rows)
          if (row.d !== null) expect(isCalendarDate(String(row.d)), `${table}.${column}`).toBe(true);
        columns++;
      }
    }
    expect(columns).toBeGreaterThan(20);

    // The books balance, and hledger reads every organisation's journal.
    const sums = await db
      .selectFrom("journalLines")
      .select(["currency", sql<string>`sum(amount)`.as("total")])
      .where("tenantId", "=", t.tenantId)
      .groupBy("currency")
      .execute();
    for (const s of sums) expect(BigInt(s.total)).toBe(0n);
    for (const orgId of [t.groupId, t.mfoId]) {
      const file = join(dir, `${orgId}.journal`);
      writeFileSync(file, formatLedgerJournal(await journalForExport(db, cliActor(t), orgId)));
      expect(() =>
        execFileSync("/usr/bin/hledger", ["-f", file, "balance", "-N"], { stdio: "pipe" }),
      ).not.toThrow();
    }
    await expectBooksCoherent(use().db, t.rootId);
  });
});
