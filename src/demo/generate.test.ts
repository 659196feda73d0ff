import { sql } from "kysely";
import { expect, it } from "vitest";
import { checkIin } from "../people/iin.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { generateDemo } from "./generate.js";

describeEachDatabase("the demo generator", (use) => {
  it("builds the default association and partner, within the rules the commands enforce", async () => {
    const { db } = use();
    const summary = await generateDemo(db, { seed: 3, members: 600 });
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
  });
});
