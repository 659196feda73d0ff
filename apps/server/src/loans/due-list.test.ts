// Today's list: each active loan of the subtree owing something due on or before the day, with what is
// due that day, what is overdue and for how long, and whom to call; paged, tenant-isolated. Also the
// borrower search for an application and the queue of write-off and reschedule requests.
import type { Owed } from "@qadam/core/loans/allocation";
import { formatMoney, money, parseMoney } from "@qadam/core/money";
import { searchTermsFor } from "@qadam/core/people/search-terms";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeEachDatabase } from "../platform/db/testing.js";
import { as, seedTenant, seedUser, testApp } from "../testing/fixtures.js";
import { applyForLoan, decide, disburse } from "./commands.js";
import { dueOnDay } from "./due-list.js";
import { disbursedLoan, groupApplication, kzt, loanWorld } from "./testing.js";

const owed = (dueDate: string, principal: bigint, interest = 0n): Owed => ({
  number: 0,
  dueDate,
  outstanding: { principal, interest, fee: 0n, penalty: 0n },
});

describe("what a borrower owes on a day", () => {
  it("splits the day's installment from the arrears and counts days from the oldest unpaid one", () => {
    const due = dueOnDay("2026-03-15", [
      owed("2026-01-15", 0n),
      owed("2026-02-15", 700n, 300n),
      owed("2026-03-15", 1000n),
      owed("2026-04-15", 1000n),
    ]);
    expect(due).toEqual({
      dueToday: 1000n,
      overdue: 1000n,
      daysLate: 28,
      installments: 2,
      oldestDueOn: "2026-02-15",
    });
  });

  it("owes nothing late when only the day's installment is unpaid", () => {
    expect(dueOnDay("2026-03-15", [owed("2026-03-15", 5n)])).toMatchObject({ overdue: 0n, daysLate: 0 });
    expect(dueOnDay("2026-03-14", [owed("2026-03-15", 5n)])).toMatchObject({ dueToday: 0n, installments: 0 });
  });

  it("due today plus overdue is every unpaid minor unit due by the day, and late days only with arrears", () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        day,
        fc.array(
          fc.tuple(day, fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 9n })),
        ),
        (on, rows) => {
          const list = rows.map(([d, p, i]) => owed(d, p, i));
          const due = dueOnDay(on, list);
          const expected = list
            .filter((o) => o.dueDate <= on)
            .reduce((s, o) => s + o.outstanding.principal + o.outstanding.interest, 0n);
          expect(due.dueToday + due.overdue).toBe(expected);
          expect(due.daysLate > 0).toBe(due.overdue > 0n);
          expect(due.installments === 0).toBe(due.oldestDueOn === null);
        },
      ),
    );
  });
});

describeEachDatabase("today's list of installments due", (use) => {
  it("lists each loan owing on the day with names, phone, group and amounts, and drops it once paid", async () => {
    const open = use();
    const w = await loanWorld(open.db);
    await open.db
      .updateTable("persons")
      .set({ phone: "+77011234567" })
      .where("id", "=", w.personId)
      .execute();
    const personLoan = await disbursedLoan(w, "120000", 12);
    const groupLoan = await w.run(w.maker, (trx, ctx) => applyForLoan(trx, ctx, groupApplication(w)));
    await w.run(w.checker, (trx, ctx) => decide(trx, ctx, groupLoan, { approve: true, on: "2026-01-12" }));
    await w.run(w.maker, (trx, ctx) => disburse(trx, ctx, groupLoan, { on: "2026-01-15", channel: "cash" }));
    // Applied for, never disbursed: nothing is due on it.
    await w.run(w.maker, (trx, ctx) =>
      applyForLoan(trx, ctx, {
        productId: w.productId,
        borrower: { type: "person", personId: w.personId },
        principal: kzt("50000"),
        installments: 6,
        firstDueOn: "2026-02-15",
        appliedOn: "2026-01-10",
      }),
    );
    const groupName = (
      await open.db
        .selectFrom("organisations")
        .select("name")
        .where("id", "=", w.t.groupId)
        .executeTakeFirstOrThrow()
    ).name;
    const app = await testApp(open);
    try {
      const maker = as(app, w.maker);
      const schedule = (await maker({ method: "GET", url: `/api/v1/loans/${personLoan}` })).json()
        .schedule as Array<{
        dueDate: string;
        outstanding: string;
        total: string;
      }>;
      const [first, second, third] = schedule;
      if (!first || !second || !third) throw new Error("a 12-installment schedule");
      const list = async (query: Record<string, string>) => {
        const res = await maker({ method: "GET", url: `/api/v1/orgs/${w.t.mfoId}/installments-due`, query });
        expect(res.statusCode).toBe(200);
        return res.json() as {
          items: Array<Record<string, unknown> & { id: string }>;
          nextCursor: string | null;
        };
      };

      const onFirst = await list({ on: first.dueDate });
      expect(onFirst.items.map((i) => i.id).sort()).toEqual([personLoan, groupLoan].sort());
      expect(onFirst.items.find((i) => i.id === personLoan)).toEqual({
        id: personLoan,
        orgId: w.t.mfoId,
        currency: "KZT",
        borrower: { type: "person", id: w.personId, name: "Айгүл Test", phone: "+77011234567" },
        group: null,
        on: first.dueDate,
        oldestDueOn: first.dueDate,
        dueToday: first.outstanding,
        overdue: "0.00",
        amountDue: first.outstanding,
        daysLate: 0,
        installments: 1,
      });
      expect(onFirst.items.find((i) => i.id === groupLoan)).toMatchObject({
        borrower: { type: "group", id: w.t.groupId, name: groupName, phone: null },
        group: { id: w.t.groupId, name: groupName },
      });

      // The day after the third due date: three installments late, counted from the first.
      const late = (await list({ on: addDay(third.dueDate) })).items.find((i) => i.id === personLoan);
      const sum = formatMoney(
        money(
          [first, second, third].reduce((s, i) => s + parseMoney(i.outstanding, "KZT").minor, 0n),
          "KZT",
        ),
      );
      expect(late).toMatchObject({ overdue: sum, dueToday: "0.00", amountDue: sum, installments: 3 });
      expect(late?.daysLate).toBe(daysBetweenIso(first.dueDate, addDay(third.dueDate)));

      // Nothing due yet the day before the first installment.
      expect((await list({ on: "2026-01-20" })).items).toEqual([]);

      // Paged by loan id: each loan once.
      const p1 = await list({ on: first.dueDate, limit: "1" });
      expect(p1.items).toHaveLength(1);
      expect(p1.nextCursor).not.toBeNull();
      const p2 = await list({ on: first.dueDate, limit: "1", cursor: p1.nextCursor ?? "" });
      expect([...p1.items, ...p2.items].map((i) => i.id)).toEqual([personLoan, groupLoan].sort());
      expect(p2.nextCursor).toBeNull();

      // Paid: off the list for that day.
      const paid = await maker({
        method: "POST",
        url: `/api/v1/loans/${personLoan}/repayments`,
        payload: { on: first.dueDate, amount: first.outstanding, channel: "cash" },
      });
      expect(paid.statusCode).toBe(200);
      expect((await list({ on: first.dueDate })).items.map((i) => i.id)).toEqual([groupLoan]);
    } finally {
      await app.close();
    }
  });

  it("answers 404 for an organisation of another tenant or out of sight, and lists nothing of another subtree", async () => {
    const open = use();
    const w = await loanWorld(open.db);
    const loan = await disbursedLoan(w, "120000", 12);
    const other = await seedTenant(open.db, "other");
    const stranger = await seedUser(open.db, other.tenantId, other.rootId, "tenant_admin");
    const bookkeeper = await seedUser(open.db, w.t.tenantId, w.t.otherGroupId, "group_bookkeeper");
    const admin = await seedUser(open.db, w.t.tenantId, w.t.rootId, "tenant_admin");
    const app = await testApp(open);
    try {
      const url = `/api/v1/orgs/${w.t.mfoId}/installments-due?on=2026-06-01`;
      expect((await as(app, stranger)({ method: "GET", url })).statusCode).toBe(404);
      expect((await as(app, bookkeeper)({ method: "GET", url })).statusCode).toBe(404);
      const fromRoot = await as(
        app,
        admin,
      )({ method: "GET", url: `/api/v1/orgs/${w.t.rootId}/installments-due?on=2026-06-01` });
      expect(fromRoot.json().items.map((i: { id: string }) => i.id)).toEqual([loan]);
      const otherBranch = await as(
        app,
        admin,
      )({
        method: "GET",
        url: `/api/v1/orgs/${w.t.federationId}/installments-due?on=2026-06-01`,
      });
      expect(otherBranch.json().items).toEqual([]);
      const bad = await as(
        app,
        admin,
      )({ method: "GET", url: `/api/v1/orgs/${w.t.mfoId}/installments-due?on=2026-13-01` });
      expect(bad.statusCode).toBe(422);
    } finally {
      await app.close();
    }
  });

  it("finds borrowers across the tenant for a lender, and queues write-off requests for a second user", async () => {
    const open = use();
    const w = await loanWorld(open.db);
    const loan = await disbursedLoan(w, "120000", 12);
    const other = await seedTenant(open.db, "other");
    const stranger = await seedUser(open.db, other.tenantId, other.rootId, "tenant_admin");
    const auditor = await seedUser(open.db, w.t.tenantId, w.t.rootId, "auditor");
    // Found as the people commands index her: by each word of her name.
    await open.db
      .insertInto("personSearchTerms")
      .values(
        searchTermsFor({
          givenName: "Айгүл",
          familyName: "Test",
          patronymic: null,
          phone: null,
          iin: null,
        }).map((term) => ({ tenantId: w.t.tenantId, term, personId: w.personId })),
      )
      .execute();
    const app = await testApp(open);
    try {
      const maker = as(app, w.maker);
      const borrowers = (query: Record<string, string>, who = maker) =>
        who({ method: "GET", url: `/api/v1/orgs/${w.t.mfoId}/borrowers`, query });
      const found = await borrowers({ q: "айгүл" });
      expect(found.statusCode).toBe(200);
      expect(found.json()).toEqual([
        { type: "person", id: w.personId, name: "Айгүл Test", phone: null, group: null },
      ]);
      const member = (await borrowers({ ids: w.members.join(",") })).json();
      expect(member).toHaveLength(3);
      expect(member[0].group.id).toBe(w.t.groupId);
      const groups = (await borrowers({ type: "group", q: "" })).json();
      expect(groups).toEqual([]);
      expect((await borrowers({ q: "айгүл" }, as(app, auditor))).statusCode).toBe(403);
      expect((await borrowers({ q: "айгүл" }, as(app, stranger))).statusCode).toBe(404);
      // A federation lends only to its own groups and their members: another federation finds none.
      const fedA = await seedUser(open.db, w.t.tenantId, w.t.federationId, "federation_officer");
      const fedB = await seedUser(open.db, w.t.tenantId, w.t.otherFederationId, "federation_officer");
      const inFederation = (org: string, who: typeof maker, q: Record<string, string>) =>
        who({ method: "GET", url: `/api/v1/orgs/${org}/borrowers`, query: q });
      const mine = await inFederation(w.t.federationId, as(app, fedA), { ids: w.members.join(",") });
      expect(mine.json()).toHaveLength(3);
      const theirs = await inFederation(w.t.otherFederationId, as(app, fedB), { ids: w.members.join(",") });
      expect({ status: theirs.statusCode, found: theirs.json() }).toEqual({ status: 200, found: [] });
      const group = await inFederation(w.t.otherFederationId, as(app, fedB), {
        type: "group",
        ids: w.t.groupId,
      });
      expect(group.json()).toEqual([]);

      const applied = await maker({
        method: "POST",
        url: "/api/v1/loans",
        payload: {
          productId: w.productId,
          borrower: { type: "person", personId: w.personId },
          principal: "50000",
          installments: 6,
          firstDueOn: "2026-03-15",
          appliedOn: "2026-02-01",
        },
      });
      expect(applied.statusCode).toBe(201);
      const applications = await as(
        app,
        w.checker,
      )({
        method: "GET",
        url: `/api/v1/orgs/${w.t.mfoId}/loan-applications/pending`,
      });
      expect(applications.json().items).toEqual([
        {
          id: applied.json().id,
          orgId: w.t.mfoId,
          productId: w.productId,
          productName: "Monthly 24 %",
          borrower: { type: "person", id: w.personId, name: "Айгүл Test", phone: null },
          currency: "KZT",
          principal: "50000.00",
          installments: 6,
          appliedOn: "2026-02-01",
          purpose: null,
          appliedBy: w.maker.userId,
        },
      ]);

      const asked = await maker({
        method: "POST",
        url: `/api/v1/loans/${loan}/write-off`,
        payload: { on: "2026-02-01", reason: "Moved away" },
      });
      expect(asked.statusCode).toBe(200);
      const queue = await as(
        app,
        w.checker,
      )({ method: "GET", url: `/api/v1/orgs/${w.t.mfoId}/loan-requests/pending` });
      expect(queue.statusCode).toBe(200);
      expect(queue.json().items).toEqual([
        expect.objectContaining({
          loanId: loan,
          kind: "write_off",
          on: "2026-02-01",
          reason: "Moved away",
          requestedBy: w.maker.userId,
          borrower: { type: "person", id: w.personId, name: "Айгүл Test", phone: null },
          principalOutstanding: "120000.00",
        }),
      ]);
      const requestId = queue.json().items[0].id as string;
      const decided = await as(
        app,
        w.checker,
      )({
        method: "POST",
        url: `/api/v1/loans/${loan}/requests/${requestId}/reject`,
        payload: {},
      });
      expect(decided.statusCode).toBe(200);
      const after = await as(
        app,
        w.checker,
      )({ method: "GET", url: `/api/v1/orgs/${w.t.mfoId}/loan-requests/pending` });
      expect(after.json().items).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

function addDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function daysBetweenIso(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
