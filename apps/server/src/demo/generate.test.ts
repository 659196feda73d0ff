import type { Actor } from "@qadam/core/auth/actor";
import { internalLoanOn } from "@qadam/core/groups/internal-loans";
import { ATTENDANCE } from "@qadam/core/groups/meeting";
import type { GroupRulesSpec } from "@qadam/core/groups/rules";
import { rate } from "@qadam/core/money";
import { checkIin } from "@qadam/core/people/iin";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { trialBalance } from "../books/index.js";
import { passbook } from "../groups/index.js";
import { toBigInt } from "../platform/db/ints.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { generateDemo } from "./generate.js";

/** The "today" these tests load the demo on. */
const TODAY = "2026-11-01";

describeEachDatabase("the demo generator", (use) => {
  it("builds the default association and partner, within the rules the commands enforce", async () => {
    const { db } = use();
    const summary = await generateDemo(db, { today: TODAY, seed: 3, members: 600, meetingGroups: 0 });
    expect(summary.tenants.map((t) => t.slug)).toEqual(["moldir", "umit"]);
    expect(summary.people).toBe(660);
    const moldir = summary.tenants[0]?.tenantId ?? "";
    const kinds = await db
      .selectFrom("organisations")
      .select(["kind", (eb) => eb.fn.countAll().as("n")])
      .where("tenantId", "=", moldir)
      .groupBy("kind")
      .execute();
    const count = (k: string) => Number(kinds.find((r) => r.kind === k)?.n ?? 0);
    expect(count("federation")).toBe(2);
    expect(count("shg")).toBeGreaterThanOrEqual(35);
    expect(count("shg")).toBeLessThanOrEqual(60);
    expect(count("mfo")).toBe(1);

    // Nobody is an active member of two groups; nobody joined a group before it opened.
    const doubles = await sql<{
      n: number;
    }>`select count(*) as n from (select person_id from memberships where left_on is null group by person_id having count(*) > 1) d`.execute(
      db,
    );
    expect(Number(doubles.rows[0]?.n)).toBe(0);
    const early = await sql<{
      n: number;
    }>`select count(*) as n from memberships m join organisations g on g.id = m.group_id where m.joined_on < g.opened_on`.execute(
      db,
    );
    expect(Number(early.rows[0]?.n)).toBe(0);
    // Every stored IIN is valid and agrees with the birth date and sex.
    const people = await db
      .selectFrom("persons")
      .select(["iin", "birthDate", "sex"])
      .where("iin", "is not", null)
      .execute();
    expect(people.length).toBeGreaterThan(400);
    for (const p of people) {
      const check = checkIin(p.iin ?? "");
      expect(check).toMatchObject({ valid: true, birthDate: p.birthDate, sex: p.sex });
    }
    // Some left their group; some of those joined another.
    const left = await db.selectFrom("memberships").select("id").where("leftOn", "is not", null).execute();
    expect(left.length).toBeGreaterThan(0);
    const logins = await db.selectFrom("users").select("login").execute();
    expect(logins.map((l) => l.login)).toContain("admin@moldir.demo");
    // The MFO's year of lending: every kind of outcome is there.
    for (const status of ["active", "closed", "written_off"])
      expect(summary.loans[status] ?? 0).toBeGreaterThan(0);
    const kinds2 = await db.selectFrom("loanTransactions").select("kind").distinct().execute();
    for (const k of ["repayment", "prepayment", "penalty", "reschedule", "write_off", "reversal"])
      expect(kinds2.map((r) => r.kind)).toContain(k);
    await expectBooksCoherent(db);
  }, 120_000);
});

// A fresh database: the demo's tenants can be loaded only once into one.
describeEachDatabase("the demo's year of meetings", (use) => {
  it("gives the groups a varied year of meetings whose books balance and agree with every passbook", async () => {
    const { db } = use();
    const summary = await generateDemo(db, { today: TODAY, seed: 3, members: 150, loans: 0 });
    expect(summary.meetings).toMatchObject({
      groups: summary.groups,
      ofGroups: summary.groups,
      sampled: false,
    });
    expect(summary.meetings.meetings).toBeGreaterThan(summary.groups * 20);

    // Most groups meet into October; at least one stopped after about four months.
    const spans = await db
      .selectFrom("meetings")
      .select(["orgId", (eb) => eb.fn.max("heldOn").as("last")])
      .groupBy("orgId")
      .execute();
    expect(spans.length).toBeGreaterThan(summary.groups * 0.9);
    expect(spans.filter((s) => s.last < "2026-05-01").length).toBeGreaterThanOrEqual(1);
    expect(spans.filter((s) => s.last >= "2026-10-01").length).toBeGreaterThan(summary.groups / 2);

    // Every kind of attendance and of money line; rules that differ from group to group.
    const statuses = await db.selectFrom("meetingAttendance").select("status").distinct().execute();
    expect(statuses.map((r) => r.status).sort()).toEqual([...ATTENDANCE].sort());
    const kinds = (await db.selectFrom("meetingLines").select("kind").distinct().execute()).map(
      (r) => r.kind,
    );
    for (const kind of ["savings", "voluntarySavings", "loan", "repayment", "fine", "socialContribution"])
      expect(kinds).toContain(kind);
    for (const kind of ["socialPayout", "expense", "bankDeposit"]) expect(kinds).toContain(kind);
    const specs = (await db.selectFrom("groupRules").select("spec").execute()).map(
      (r) => JSON.parse(r.spec) as GroupRulesSpec,
    );
    expect(new Set(specs.map((s) => s.savings.compulsory.kind)).size).toBe(2);
    expect(new Set(specs.map((s) => s.loans.monthlyRatePercent)).size).toBeGreaterThan(1);
    const counted = await db.selectFrom("meetings").select("cashCounted").execute();
    expect(counted.filter((m) => m.cashCounted !== null).length).toBeGreaterThan(counted.length / 2);

    // Some loans were repaid in full, but an installment of theirs after its due date.
    const repayments = new Map<string, Array<{ on: string; interest: bigint; principal: bigint }>>();
    const lines = await db
      .selectFrom("meetingLines")
      .select(["internalLoanId", "heldOn", "amount", "interest"])
      .where("kind", "=", "repayment")
      .orderBy("heldOn")
      .execute();
    for (const r of lines) {
      const interest = toBigInt(r.interest ?? 0);
      const list = repayments.get(r.internalLoanId ?? "") ?? [];
      list.push({ on: r.heldOn, interest, principal: toBigInt(r.amount) - interest });
      repayments.set(r.internalLoanId ?? "", list);
    }
    const repaid = await db.selectFrom("internalLoans").selectAll().where("status", "=", "repaid").execute();
    const repaidLate = repaid.filter((l) => {
      const terms = {
        principal: toBigInt(l.principal),
        monthlyRate: rate(l.monthlyRate),
        method: l.method === "declining" ? ("declining" as const) : ("flat" as const),
        termMonths: l.termMonths,
        issuedOn: l.issuedOn,
      };
      const state = internalLoanOn(terms, repayments.get(l.id) ?? [], TODAY);
      expect(state.closed).toBe(true);
      return state.installments.some((i) => i.paidOn !== null && i.paidOn > i.dueOn);
    });
    expect(repaidLate.length).toBeGreaterThan(0);
    expect(repaidLate.length).toBeLessThan(repaid.length / 2);

    // Each group's books balance, and each member's passbook holds what the journal holds.
    let savings = 0n;
    for (const t of summary.tenants) {
      const actor: Actor = {
        tenantId: t.tenantId,
        userId: null,
        locale: "en",
        grants: [{ orgId: t.rootId, orgPath: `/${t.rootId}/`, role: "tenant_admin" }],
        via: "cli",
      };
      const groups = await db
        .selectFrom("organisations")
        .select("id")
        .where("tenantId", "=", t.tenantId)
        .where("kind", "=", "shg")
        .execute();
      for (const g of groups) {
        const rows = await trialBalance(db, actor, g.id, "9999-12-31");
        expect(rows.reduce((s, r) => s + r.balance, 0n)).toBe(0n);
        const members = await db
          .selectFrom("memberships")
          .select("personId")
          .where("groupId", "=", g.id)
          .execute();
        for (const m of members) {
          const book = await passbook(db, actor, g.id, m.personId);
          expect(book.savings).toBe(book.savingsInJournal);
          savings += book.savings;
        }
      }
    }
    expect(savings).toBeGreaterThan(0n);
    await expectBooksCoherent(db);
  }, 240_000);
});
