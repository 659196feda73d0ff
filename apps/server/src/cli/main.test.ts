import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../platform/db/database.js";
import { expectBooksCoherentAt } from "../testing/books-coherence.js";
import { qadam, scratchDir } from "./testing.js";

const dir = scratchDir("qadam-cli-");

describe("qadam", () => {
  const url = `sqlite:${join(dir, "cli.db")}`;

  it("migrates a new database and then says it is up to date", async () => {
    const first = await qadam(["db", "migrate", "--json"], { DATABASE_URL: url });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({
      applied: [
        "0001_foundation",
        "0002_books",
        "0003_loans",
        "0004_daily_balances",
        "0005_loans_at_risk",
        "0006_groups",
        "0007_loan_requests",
        "0008_shareout_carried",
        "0009_login_throttle",
        "0010_append_only_without_rowid",
        "0011_loan_event_terms",
      ],
      current: "0011_loan_event_terms",
    });
    const again = await qadam(["db", "migrate", "--database-url", url]);
    expect(again.out).toMatch(/up to date/);
  });

  it("creates tenants and lists organisations as JSON", async () => {
    const created = await qadam([
      "tenant",
      "create",
      "--slug",
      "sunrise",
      "--name",
      "Sunrise NGO",
      "--kind",
      "partner_ngo",
      "--json",
      "--database-url",
      url,
    ]);
    expect(created.code).toBe(0);
    const { tenantId, rootId } = JSON.parse(created.out) as { tenantId: string; rootId: string };
    const dup = await qadam([
      "tenant",
      "create",
      "--slug",
      "sunrise",
      "--name",
      "Again",
      "--database-url",
      url,
    ]);
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/already taken/);
    const list = await qadam(["org", "list", "--json", "--database-url", url]);
    const orgs = JSON.parse(list.out) as Array<Record<string, unknown>>;
    expect(orgs).toContainEqual({
      id: rootId,
      parent: null,
      kind: "partner_ngo",
      name: "Sunrise NGO",
      tenant: "sunrise",
      status: "active",
    });
    expect(tenantId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("adds a user with a role and grants her another, then she can log in", async () => {
    const list = JSON.parse(
      (await qadam(["org", "list", "--json", "--tenant", "sunrise", "--database-url", url])).out,
    ) as Array<{ id: string }>;
    const root = list[0]?.id ?? "";
    const added = await qadam(
      [
        "user",
        "add",
        "--tenant",
        "sunrise",
        "--login",
        "Officer@Sunrise.org",
        "--name",
        "Field Officer",
        "--role",
        "federation_officer",
        "--json",
        "--database-url",
        url,
      ],
      { QADAM_PASSWORD: "a long enough password" },
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.out).login).toBe("officer@sunrise.org");
    const weak = await qadam([
      "user",
      "add",
      "--tenant",
      "sunrise",
      "--login",
      "x@y.z",
      "--name",
      "X",
      "--password",
      "short",
      "--database-url",
      url,
    ]);
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/at least 10 characters/);
    const granted = await qadam([
      "user",
      "grant",
      "--login",
      "officer@sunrise.org",
      "--org",
      root,
      "--role",
      "auditor",
      "--json",
      "--database-url",
      url,
    ]);
    expect(granted.code).toBe(0);
    expect(JSON.parse(granted.out)).toMatchObject({ orgId: root, role: "auditor" });
    const badRole = await qadam([
      "user",
      "grant",
      "--login",
      "officer@sunrise.org",
      "--org",
      root,
      "--role",
      "queen",
      "--database-url",
      url,
    ]);
    expect(badRole.code).toBe(1);
    const nobody = await qadam([
      "user",
      "grant",
      "--login",
      "nobody@x",
      "--org",
      root,
      "--role",
      "auditor",
      "--database-url",
      url,
    ]);
    expect(nobody.err).toMatch(/no user/);
  });

  it("backs up a SQLite database online and refuses PostgreSQL with a pointer to pg_dump", async () => {
    const to = join(dir, "backup.db");
    const ok = await qadam(["backup", "--to", to, "--json", "--database-url", url]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).file).toBe(to);
    const twice = await qadam(["backup", "--to", to, "--database-url", url]);
    expect(twice.code).toBe(1);
    const listed = await qadam(["org", "list", "--json", "--database-url", `sqlite:${to}`]);
    expect(JSON.parse(listed.out)).toHaveLength(1);
    const users = await qadam(["tenant", "list", "--json", "--database-url", `sqlite:${to}`]);
    expect(JSON.parse(users.out)[0].slug).toBe("sunrise");
    const pg = await qadam(["backup", "--database-url", "postgres://postgres@127.0.0.1:5432/test"]);
    expect(pg.code).toBe(1);
    expect(pg.err).toMatch(/pg_dump/);
  });

  it("previews a loan schedule as JSON without a database", async () => {
    const res = await qadam([
      "loan",
      "schedule",
      "--principal",
      "100000",
      "--currency",
      "KZT",
      "--annual-rate",
      "24",
      "--installments",
      "12",
      "--frequency",
      "monthly",
      "--interest",
      "declining",
      "--amortization",
      "equal-installments",
      "--interest-period",
      "repayment",
      "--disbursed",
      "2026-01-15",
      "--first-due",
      "2026-02-15",
      "--json",
    ]);
    expect(res.code).toBe(0);
    const preview = JSON.parse(res.out);
    expect(Object.keys(preview)).toEqual([
      "currency",
      "disbursedOn",
      "installments",
      "totals",
      "disbursementFee",
      "effectiveAnnualRate",
      "effectiveAnnualRateDisclosed",
      "cap",
      "warnings",
    ]);
    expect(preview.installments[0]).toEqual({
      number: 1,
      dueDate: "2026-02-16",
      principal: "7455.96",
      interest: "2000.00",
      fees: "0.00",
      total: "9455.96",
      balance: "92544.04",
    });
    expect(preview.totals).toEqual({
      principal: "100000.00",
      interest: "13471.53",
      fees: "0.00",
      total: "113471.53",
    });
    expect(preview.effectiveAnnualRate).toMatch(/^0\.\d{6,}$/);
    expect(preview.effectiveAnnualRateDisclosed).toMatch(/^\d+\.\d$/);
    const bad = await qadam([
      "loan",
      "schedule",
      "--principal",
      "100000",
      "--annual-rate",
      "24",
      "--installments",
      "0",
      "--disbursed",
      "2026-01-15",
      "--first-due",
      "2026-02-15",
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--installments/);
    const order = await qadam([
      "loan",
      "schedule",
      "--principal",
      "100",
      "--annual-rate",
      "24",
      "--installments",
      "2",
      "--disbursed",
      "2026-03-15",
      "--first-due",
      "2026-02-15",
    ]);
    expect(order.err).toMatch(/must come after the disbursement/);
  });

  it("refuses a day the calendar does not have, and an amount not written the one way, in every flag", async () => {
    const schedule = (flags: Record<string, string>) => {
      const all: Record<string, string> = {
        "--principal": "100000",
        "--annual-rate": "24",
        "--installments": "3",
        "--disbursed": "2026-01-15",
        "--first-due": "2026-02-15",
        ...flags,
      };
      return qadam(["loan", "schedule", ...Object.entries(all).flat()]);
    };
    for (const [flag, value] of [
      ["--disbursed", "2026-11-31"],
      ["--first-due", "2026-02-30"],
      ["--holidays", "2026-03-08,2026-02-29"],
      ["--principal", " 100000"],
      ["--principal", "1e5"],
      ["--rounding", "10."],
      ["--fee-installment", "+1"],
    ] as const) {
      const res = await schedule({ [flag]: value });
      expect(res.code, `${flag} ${value}`).toBe(1);
      expect(res.err).toContain(flag);
      expect(res.err).toContain(value);
    }
    for (const args of [
      ["books", "trial-balance", "--org", "x", "--date", "2026-02-30"],
      ["group", "rollup", "--org", "x", "--to", "2026-11-31"],
      ["group", "missed-meetings", "--group", "x", "--from", "2026-02-30"],
      ["group", "adopt-rules", "--group", "x", "--from", "2026-02-30", "--file", "-"],
      ["group", "shareout", "--group", "x", "--on", "2026-06-31", "--preview"],
    ]) {
      const res = await qadam([...args, "--database-url", url]);
      expect(res.code, args.join(" ")).toBe(1);
      expect(res.err, args.join(" ")).toMatch(/must be a date/);
    }
  });

  it("fails clearly on unknown commands, bad options and bad databases", async () => {
    expect((await qadam(["frobnicate"])).code).not.toBe(0);
    const bad = await qadam(["demo", "--members", "lots", "--database-url", url]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--members/);
    const groups = await qadam(["demo", "--meeting-groups", "some", "--database-url", url]);
    expect(groups.code).toBe(1);
    expect(groups.err).toMatch(/--meeting-groups/);
    const db = await qadam(["org", "list", "--database-url", "mysql://nope"]);
    expect(db.code).toBe(1);
    expect(db.err).toMatch(/cannot open the database/);
  });

  it("loads the same demo for the same seed", async () => {
    const a = `sqlite:${join(dir, "demo-a.db")}`;
    const b = `sqlite:${join(dir, "demo-b.db")}`;
    const demo = ["demo", "--seed", "7", "--members", "120", "--meeting-groups", "3"];
    const first = await qadam([...demo, "--json", "--database-url", a]);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.out);
    expect(summary.people).toBeGreaterThanOrEqual(120 + 60);
    expect(summary.logins.map((l: { login: string }) => l.login)).toContain("admin@moldir.demo");
    // Three groups of each tenant, a sample of them, got their year of meetings.
    expect(summary.meetings).toMatchObject({ groups: 6, ofGroups: summary.groups, sampled: true });
    expect(summary.meetings.meetings).toBeGreaterThan(6 * 20);
    const text = await qadam([...demo, "--database-url", b]);
    expect(text.out).toMatch(/A year of meetings at 6 of \d+ groups: \d+ meetings.*an even sample/);
    const listA = await qadam(["org", "list", "--json", "--database-url", a]);
    const listB = await qadam(["org", "list", "--json", "--database-url", b]);
    expect(listA.out).toBe(listB.out);
    const meetingLines = async (url: string) => {
      const open = await openDatabase(url);
      try {
        return await open.db
          .selectFrom("meetingLines")
          .select(["meetingId", "lineNo", "heldOn", "kind", "personId", "amount", "internalLoanId"])
          .orderBy("meetingId")
          .orderBy("lineNo")
          .execute();
      } finally {
        await open.close();
      }
    };
    const linesA = await meetingLines(a);
    expect(linesA.length).toBeGreaterThan(1000);
    expect(await meetingLines(b)).toEqual(linesA);
    const none = await qadam([
      "demo",
      "--members",
      "20",
      "--no-meetings",
      "--json",
      "--database-url",
      `sqlite:${join(dir, "demo-c.db")}`,
    ]);
    expect(JSON.parse(none.out).meetings).toMatchObject({ groups: 0, meetings: 0, sampled: false });
    const again = await qadam(["demo", "--database-url", a]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already holds the demo/);
    await expectBooksCoherentAt(a);
  }, 120_000);
});
