import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { indicatorsOf } from "@qadam/core/groups/indicators";
import type { Attendance, MeetingInput, MeetingLine } from "@qadam/core/groups/meeting";
import { DEFAULT_RULES } from "@qadam/core/groups/rules";
import { systemIds } from "@qadam/core/ids";
import { foldForSearch } from "@qadam/core/text";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBooks, trialBalance } from "../books/index.js";
import { runCli } from "../cli/main.js";
import { insertPerson } from "../loans/testing.js";
import type { Db } from "../platform/db/database.js";
import { openDatabase } from "../platform/db/database.js";
import { migrateToLatest } from "../platform/db/migrate.js";
import { describeEachDatabase } from "../platform/db/testing.js";
import { expectBooksCoherent } from "../testing/books-coherence.js";
import { as, cliActor, seedTenant, seedUser, testApp } from "../testing/fixtures.js";
import { adoptRules, recordMeeting } from "./commands.js";
import { closeCycle } from "./cycle.js";
import { type CurrencyRollUp, type RollUpFacts, rollUp } from "./rollup.js";
import { addInto, emptyRollUpFacts } from "./rollup-groups.js";
import { type GroupWorld, groupWorld } from "./testing.js";

const PERIOD = { from: "2026-01-01", to: "2026-03-31" };

async function addMember(
  w: GroupWorld,
  groupId: string,
  name: string,
  joinedOn: string,
  leftOn: string | null,
) {
  const id = await insertPerson(w.db, w.t.tenantId, groupId, name);
  await w.db
    .insertInto("memberships")
    .values({
      id: systemIds.next(),
      tenantId: w.t.tenantId,
      personId: id,
      groupId,
      role: "member",
      joinedOn,
      leftOn,
      leftReason: leftOn ? "moved away" : null,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    })
    .execute();
  return id;
}

/** A third group under the first cluster, opened in June 2025, that never meets. */
async function dormantGroup(w: GroupWorld): Promise<string> {
  const id = systemIds.next();
  const now = new Date().toISOString();
  await w.db
    .insertInto("organisations")
    .values({
      id,
      tenantId: w.t.tenantId,
      parentId: w.t.clusterId,
      kind: "shg",
      name: "groups group A1-2",
      nameFolded: foldForSearch("groups group A1-2"),
      path: `${w.t.paths.cluster}${id}/`,
      depth: 3,
      region: "Almaty Region",
      district: null,
      village: null,
      territoryCode: null,
      currency: "KZT",
      timeZone: "Asia/Almaty",
      openedOn: "2025-06-01",
      status: "active",
      statusChangedOn: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

async function grade(w: GroupWorld, orgId: string, gradedOn: string, letter: "A" | "B" | "C") {
  await w.db
    .insertInto("groupGrades")
    .values({
      id: systemIds.next(),
      tenantId: w.t.tenantId,
      orgId,
      gradedOn,
      windowFrom: gradedOn,
      grade: letter,
      score: 80,
      detail: "{}",
      recordedAt: new Date().toISOString(),
      recordedBy: null,
    })
    .execute();
}

/** Attendance as given (the rest present); everyone there saves 500.00 (absent and excused do not). */
function meeting(
  members: readonly string[],
  heldOn: string,
  status: Record<string, Attendance> = {},
  lines: MeetingLine[] = [],
): MeetingInput {
  const attendance = members.map((personId) => ({ personId, status: status[personId] ?? "present" }));
  const savers = attendance.filter((a) => a.status !== "absent" && a.status !== "excused");
  return {
    heldOn,
    attendance,
    lines: [
      ...savers.map((a) => ({ kind: "savings" as const, personId: a.personId, amount: 50_000n })),
      ...lines,
    ],
    cashCounted: null,
  };
}

interface Scenario {
  w: GroupWorld;
  groupB: string;
  groupC: string;
}

/**
 * Group A (cluster A1, federation A; region inherited from the cluster): 5 members, 4 meetings, a loan
 * to its first member repaid once and then late, a loan to its fourth repaid whole in February, a loan to
 * its third not yet due.
 * Group B (federation B, no cluster, Zhambyl): 4 members (one joins in February, one leaves in March),
 * 2 meetings with late, represented, absent and excused members, then a share-out on 25 March.
 * Group C (cluster A1): one member, no meeting. Grades: A got an A, B a C (and an A after the period).
 */
async function scenario(db: Db): Promise<Scenario> {
  const w = await groupWorld(db);
  const [a, b, c, d] = w.members as [string, string, string, string];
  await db.updateTable("organisations").set({ region: null }).where("id", "=", w.groupId).execute();
  const recordA = (m: MeetingInput) => w.run((trx, ctx) => recordMeeting(trx, ctx, w.groupId, m));
  const first = await recordA(
    meeting(w.members, "2026-01-07", {}, [
      { kind: "loan", personId: a, amount: 100_000n, termMonths: 2, purpose: null },
      { kind: "loan", personId: d, amount: 50_000n, termMonths: 1, purpose: null },
    ]),
  );
  await recordA(meeting(w.members, "2026-01-14", { [b]: "absent" }));
  // 2 % flat: 20.00 of interest, 500.00 of principal; the second installment (7 March) is never paid.
  // The second loan is repaid whole, with its month of interest (10.00).
  await recordA(
    meeting(w.members, "2026-02-04", {}, [
      { kind: "repayment", personId: a, loanId: first.loansIssued[0] ?? "", amount: 52_000n },
      { kind: "repayment", personId: d, loanId: first.loansIssued[1] ?? "", amount: 51_000n },
    ]),
  );
  await recordA(
    meeting(w.members, "2026-03-04", {}, [
      { kind: "loan", personId: c, amount: 60_000n, termMonths: 3, purpose: null },
    ]),
  );

  const groupB = w.t.otherGroupId;
  await db.updateTable("organisations").set({ region: "Zhambyl Region" }).where("id", "=", groupB).execute();
  await w.run((trx, ctx) => openBooks(trx, ctx, groupB), null);
  await w.run(
    (trx, ctx) => adoptRules(trx, ctx, groupB, { validFrom: "2026-01-01", rules: DEFAULT_RULES }),
    null,
  );
  const p = await addMember(w, groupB, "Сәуле", "2025-06-01", null);
  const q = await addMember(w, groupB, "Бақыт", "2025-06-01", null);
  const r = await addMember(w, groupB, "Ләззат", "2025-06-01", "2026-03-01");
  await addMember(w, groupB, "Нұргүл", "2026-02-01", null);
  const recordB = (m: MeetingInput) => w.run((trx, ctx) => recordMeeting(trx, ctx, groupB, m), null);
  await recordB(meeting([p, q, r], "2026-01-07", { [q]: "late", [r]: "represented" }));
  await recordB(meeting([p, q, r], "2026-01-14", { [q]: "absent", [r]: "excused" }));
  await w.run((trx, ctx) => closeCycle(trx, ctx, groupB, { on: "2026-03-25", carryOverLoans: false }), null);

  const groupC = await dormantGroup(w);
  await addMember(w, groupC, "Жанар", "2025-06-01", null);
  await grade(w, w.groupId, "2026-03-01", "A");
  await grade(w, groupB, "2026-02-01", "C");
  await grade(w, groupB, "2026-04-15", "A");
  return { w, groupB, groupC };
}

function sum(rows: ReadonlyArray<{ facts: RollUpFacts }>): RollUpFacts {
  const total = emptyRollUpFacts();
  for (const r of rows) addInto(total, r.facts);
  return total;
}

function only(r: { currencies: CurrencyRollUp[] }): CurrencyRollUp {
  expect(r.currencies.map((c) => c.currency)).toEqual(["KZT"]);
  return r.currencies[0] as CurrencyRollUp;
}

describeEachDatabase("the group roll-up", (use) => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario(use().db);
  }, 60_000);

  it("adds up the groups of the subtree over the period: members, meetings, savings, loans, share-outs, grades", async () => {
    const { w, groupB } = s;
    const r = await rollUp(w.db, cliActor(w.t), w.t.rootId, PERIOD);
    expect(r).toMatchObject({ orgId: w.t.rootId, kind: "association", ...PERIOD });
    const f = only(r).total.facts;
    expect(f).toMatchObject({
      groups: 3,
      activeGroups: 2,
      membersAtStart: 9,
      members: 9,
      joined: 1,
      left: 1,
      meetingsHeld: 6,
      // Every Wednesday of the quarter for A and B, whose rules start on 1 January; C has no rules.
      meetingsExpected: 24,
      memberMeetings: 26,
      attendances: 23,
      savedInPeriod: 1_150_000n,
      savingsTotal: 950_000n,
      savingsInCycle: 950_000n,
      loansOutstandingCount: 2,
      loansOutstanding: 110_000n,
      lateLoans: 1,
      lateLoansOutstanding: 50_000n,
      loanFundCash: 843_000n,
      profitInCycle: 3_000n,
      // A: 12 weeks since 1 January; B: a cycle begun on 26 March; C: 43 weeks since it opened.
      groupWeeks: 55,
      shareouts: 1,
      sharedOut: 200_000n,
      gradedA: 1,
      gradedB: 0,
      gradedC: 1,
      ungraded: 1,
      externalLoans: 0,
    });
    const i = only(r).total.indicators;
    // A ratio of sums: 23 ÷ 26, not the average of A's 19 ÷ 20 and B's 4 ÷ 6.
    expect(i.attendanceRate.value).toBe("0.884615");
    expect(i.dropOutRate.value).toBe("0.111111");
    expect(i.portfolioAtRisk.value).toBe("0.454545");
    expect(i.meetingRegularity.value).toBe("0.250000");
    expect(i.savingsPerMember.value).toBe(105_556n);

    // The cached figures agree with each group's books on the date.
    const actor = cliActor(w.t);
    let loans = 0n;
    let savings = 0n;
    for (const id of [w.groupId, groupB]) {
      const tb = await trialBalance(w.db, actor, id, PERIOD.to);
      loans += tb.find((x) => x.account.endsWith("Loans to members"))?.balance ?? 0n;
      savings -= tb.find((x) => x.account.endsWith("Members' savings"))?.balance ?? 0n;
    }
    expect(loans).toBe(f.loansOutstanding);
    expect(savings).toBe(f.savingsTotal);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("breaks the figures down by federation, cluster and region, each breakdown adding up to the total", async () => {
    const { w } = s;
    const c = only(await rollUp(w.db, cliActor(w.t), w.t.rootId, PERIOD));
    expect(c.byFederation.map((x) => [x.key, x.facts.groups, x.indicators.attendanceRate.value])).toEqual([
      [w.t.federationId, 2, "0.950000"],
      [w.t.otherFederationId, 1, "0.666667"],
    ]);
    expect(c.byCluster.map((x) => [x.key, x.facts.groups])).toEqual([
      [w.t.clusterId, 2],
      [null, 1],
    ]);
    expect(c.byRegion.map((x) => [x.key, x.facts.groups, x.facts.members])).toEqual([
      ["Almaty Region", 2, 6],
      ["Zhambyl Region", 1, 3],
    ]);
    for (const rows of [c.byFederation, c.byCluster, c.byRegion]) {
      const added = sum(rows);
      expect(added).toEqual({ ...c.total.facts });
      expect(indicatorsOf(added)).toEqual(c.total.indicators);
    }
  });

  it("gives a federation, a cluster or one group the figures of its row in the larger roll-up", async () => {
    const { w } = s;
    const actor = cliActor(w.t);
    const root = only(await rollUp(w.db, actor, w.t.rootId, PERIOD));
    const federation = only(await rollUp(w.db, actor, w.t.federationId, PERIOD));
    expect(federation.total.facts).toEqual(root.byFederation[0]?.facts);
    const cluster = only(await rollUp(w.db, actor, w.t.clusterId, PERIOD));
    expect(cluster.total.facts).toEqual(root.byCluster[0]?.facts);
    expect(cluster.byFederation.map((x) => x.key)).toEqual([w.t.federationId]);
    const group = only(await rollUp(w.db, actor, w.groupId, PERIOD));
    expect(group.total.facts).toMatchObject({
      groups: 1,
      members: 5,
      attendances: 19,
      loansOutstanding: 110_000n,
    });
    expect(group.byCluster.map((x) => x.key)).toEqual([w.t.clusterId]);
    expect(group.byRegion.map((x) => x.key)).toEqual(["Almaty Region"]);
  });

  it("reads the records as they stood at an earlier end date", async () => {
    const { w } = s;
    const f = only(await rollUp(w.db, cliActor(w.t), w.t.rootId, { from: "2026-01-01", to: "2026-01-31" }))
      .total.facts;
    expect(f).toMatchObject({
      members: 9,
      joined: 0,
      left: 0,
      savingsTotal: 650_000n,
      // The first two loans, before their repayments of 4 February and their first due date.
      loansOutstandingCount: 2,
      loansOutstanding: 150_000n,
      lateLoans: 0,
      shareouts: 0,
      gradedA: 0,
      ungraded: 3,
    });
  });

  it("shows nothing the actor may not see, and refuses a period that ends before it starts", async () => {
    const { w } = s;
    const officer = await seedUser(w.db, w.t.tenantId, w.t.otherFederationId, "federation_officer");
    await expect(rollUp(w.db, officer.actor, w.t.federationId, PERIOD)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(rollUp(w.db, officer.actor, w.t.rootId, PERIOD)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const own = only(await rollUp(w.db, officer.actor, w.t.otherFederationId, PERIOD));
    expect(own.total.facts.groups).toBe(1);
    const partner = await seedTenant(w.db, "partner");
    await expect(rollUp(w.db, cliActor(partner), w.t.rootId, PERIOD)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // The partner's own two groups, with nobody in them.
    const theirs = only(await rollUp(w.db, cliActor(partner), partner.rootId, PERIOD)).total.facts;
    expect([theirs.groups, theirs.members]).toEqual([2, 0]);
    await expect(
      rollUp(w.db, cliActor(w.t), w.t.rootId, { from: "2026-03-31", to: "2026-01-01" }),
    ).rejects.toMatchObject({ code: "PERIOD_INVALID" });
  });

  it("counts as shared out the cash paid, and a share-out's carried-over savings as neither saved nor paid", async () => {
    const w = await groupWorld(use().db, DEFAULT_RULES, 3);
    const [a] = w.members as [string];
    const everyone = (heldOn: string, lines: MeetingLine[] = []): MeetingInput => ({
      heldOn,
      attendance: w.members.map((personId) => ({ personId, status: "present" as Attendance })),
      lines: [
        ...w.members.map((personId) => ({ kind: "savings" as const, personId, amount: 50_000n })),
        ...lines,
      ],
      cashCounted: null,
    });
    await w.run((trx, ctx) =>
      recordMeeting(
        trx,
        ctx,
        w.groupId,
        everyone("2026-01-07", [
          { kind: "loan", personId: a, amount: 60_000n, termMonths: 2, purpose: null },
        ]),
      ),
    );
    // 1,500.00 saved, 600.00 lent: 900.00 paid in cash, 600.00 carried over as opening savings.
    await w.run((trx, ctx) => closeCycle(trx, ctx, w.groupId, { on: "2026-01-07", carryOverLoans: true }));
    const facts = only(await rollUp(w.db, cliActor(w.t), w.groupId, PERIOD)).total.facts;
    expect(facts.sharedOut).toBe(90_000n);
    expect(facts.savedInPeriod).toBe(150_000n);
    expect(facts.savingsTotal).toBe(60_000n);
    await expectBooksCoherent(w.db, w.t.rootId);
  });

  it("answers GET /api/v1/orgs/{orgId}/group-rollup in major units, 404 to other tenants", async () => {
    const { w } = s;
    const app = await testApp(use());
    try {
      const admin = await seedUser(w.db, w.t.tenantId, w.t.rootId, "tenant_admin");
      const url = `/api/v1/orgs/${w.t.rootId}/group-rollup?from=${PERIOD.from}&to=${PERIOD.to}`;
      const res = await as(app, admin)({ method: "GET", url });
      expect(res.statusCode).toBe(200);
      const total = res.json().currencies[0].total;
      expect(total.figures.groups).toEqual({ total: 3, active: 2, dormant: 1 });
      expect(total.figures.savings).toEqual({ inPeriod: "11500.00", inCycle: "9500.00", held: "9500.00" });
      expect(total.figures.internalLoans).toEqual({
        outstanding: { count: 2, amount: "1100.00" },
        late: { count: 1, amount: "500.00" },
      });
      expect(total.figures.shareouts).toEqual({ count: 1, amount: "2000.00" });
      expect(total.indicators.attendanceRate).toEqual({
        value: "0.884615",
        unit: "fraction",
        numerator: "23",
        denominator: "26",
      });
      expect(total.indicators.savingsPerMember.value).toBe("1055.56");
      const partner = await seedTenant(w.db, "partner-api");
      const outsider = await seedUser(w.db, partner.tenantId, partner.rootId, "tenant_admin");
      expect((await as(app, outsider)({ method: "GET", url })).statusCode).toBe(404);
      const bad = await as(app, admin)({ method: "GET", url: url.replace(PERIOD.to, "2026-02-30") });
      expect([bad.statusCode, bad.json().error.code]).toEqual([422, "INVALID_DATE"]);
      const byDefault = await as(
        app,
        admin,
      )({ method: "GET", url: `/api/v1/orgs/${w.t.rootId}/group-rollup` });
      expect(byDefault.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe("qadam group rollup", () => {
  const dir = mkdtempSync(join(tmpdir(), "qadam-rollup-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the roll-up of an organisation, as JSON with --json", async () => {
    const url = `sqlite:${join(dir, "rollup.db")}`;
    const open = await openDatabase(url);
    let rootId: string;
    try {
      await migrateToLatest(open.db);
      rootId = (await scenario(open.db)).w.t.rootId;
    } finally {
      await open.close();
    }
    const out: string[] = [];
    const io = {
      out: (t: string) => out.push(t),
      err: (t: string) => out.push(t),
      interactive: false,
      env: {},
    };
    const args = [
      "group",
      "rollup",
      "--org",
      rootId,
      "--from",
      PERIOD.from,
      "--to",
      PERIOD.to,
      "--database-url",
      url,
    ];
    expect(await runCli([...args, "--json"], io)).toBe(0);
    const json = JSON.parse(out.join("\n"));
    expect(json.currencies[0].total.figures.members.active).toBe(9);
    expect(json.currencies[0].byFederation).toHaveLength(2);
    out.length = 0;
    expect(await runCli(args, io)).toBe(0);
    expect(out.join("\n")).toContain("By federation");
    out.length = 0;
    expect(await runCli([...args.slice(0, -2), "--to", "2026-13-01", "--database-url", url], io)).toBe(1);
    expect(out.join("\n")).toContain("--to must be a date");
  }, 60_000);
});
