// Issue #4's roll-up figure: an association of `members` women in self-help groups of about 15, under
// federations and clusters in four regions, with a year of weekly meetings, then ONE roll-up of the
// association over that year, timed. The year is written in bulk SQL (INSERT … SELECT over generated
// series: `with recursive` on SQLite, generate_series on PostgreSQL), consistent with what the meeting
// command writes: meetings, attendance, savings lines, internal loans issued and repaid at meetings (a
// tenth of the borrowers stop after two repayments and fall late), the group's journal (one line per
// account and meeting, members' party lines not generated) and its daily totals, and grades; a fifth of
// the groups also owe the MFO a loan (its cached columns only: the lender's side is not generated).
// No share-out is held in the year.

import type { Actor } from "@qadam/core/auth/actor";
import { CHART_TEMPLATES } from "@qadam/core/books/accounts";
import { DEFAULT_RULES, groupRulesSpec } from "@qadam/core/groups/rules";
import { systemIds } from "@qadam/core/ids";
import { productSpec } from "@qadam/core/loans/product-spec";
import { foldForSearch } from "@qadam/core/text";
import { rollUp } from "@qadam/server/groups/rollup";
import type { Db } from "@qadam/server/platform/db/database";
import { openDatabase } from "@qadam/server/platform/db/database";
import { migrateToLatest } from "@qadam/server/platform/db/migrate";
import type { OrganisationsTable } from "@qadam/server/platform/db/schema";
import { type Insertable, type RawBuilder, sql } from "kysely";

const REGIONS = ["Almaty Region", "Zhambyl Region", "Turkistan Region", "Kyzylorda Region"];
const FEDERATIONS = 12;
const CLUSTERS_PER_FEDERATION = 8;
const WEEKS = 52;
/** The first meeting: Wednesday 7 January 2026; the last is week 51, Wednesday 30 December. */
const FIRST_MEETING = "2026-01-07";
const SAVING = 50_000;
const NOW = "2026-12-31T12:00:00.000Z";

/** Record kinds, the first part of the generated ids. */
const KIND = {
  group: 5,
  person: 6,
  membership: 7,
  meeting: 8,
  entry: 9,
  loan: 10,
  grade: 12,
  groupLoan: 14,
} as const;

/** A generated id, as the SQL of `dialect` writes it. */
function idOf(kind: number, salt: number, n: number): string {
  return `${kind.toString(16).padStart(8, "0")}-${salt.toString(16).padStart(4, "0")}-7000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** SQL that differs between the two databases, and the generated ids ("kkkkkkkk-ssss-7000-8000-nnnnnnnnnnnn"). */
function dialect(pg: boolean, salt: number) {
  const lit = (n: number) => sql.lit(n);
  const idText = (kind: number, n: RawBuilder<unknown>) =>
    pg
      ? sql`(${sql.lit(`${kind.toString(16).padStart(8, "0")}-${salt.toString(16).padStart(4, "0")}-7000-8000-`)} || lpad(to_hex((${n})::bigint), 12, '0'))`
      : sql`printf('%08x-%04x-7000-8000-%012x', ${lit(kind)}, ${lit(salt)}, ${n})`;
  return {
    idText,
    id: (kind: number, n: RawBuilder<unknown>) => (pg ? sql`${idText(kind, n)}::uuid` : idText(kind, n)),
    /** The date of meeting week `w`. */
    day: (w: RawBuilder<unknown>) =>
      pg
        ? sql`(date '2026-01-07' + (${w})::int * 7)`
        : sql`date(${FIRST_MEETING}, '+' || ((${w}) * 7) || ' days')`,
    date: (text: string) => (pg ? sql`${sql.lit(text)}::date` : sql.lit(text)),
    instant: (text: string) => (pg ? sql`${sql.lit(text)}::timestamptz` : sql.lit(text)),
    /** 0 … count − 1 as `name.i`. */
    series: (name: string, count: number) =>
      pg
        ? sql`generate_series(0::bigint, ${lit(count - 1)}) as ${sql.raw(name)}(i)`
        : sql`(with recursive s(i) as (select 0 union all select i + 1 from s where i < ${lit(count - 1)}) select i from s) as ${sql.raw(name)}`,
  };
}

interface World {
  db: Db;
  pg: boolean;
  salt: number;
  tenantId: string;
  rootId: string;
  rootPath: string;
  mfoId: string;
  groupIds: string[];
}

async function organisations(db: Db, pg: boolean, members: number): Promise<World> {
  const salt = Math.floor(Math.random() * 0xffff);
  const tenantId = systemIds.next();
  await db
    .insertInto("tenants")
    .values({
      id: tenantId,
      tenantId,
      slug: `bench-groups-${salt.toString(16)}`,
      name: "Bench association",
      country: "KZ",
      defaultLocale: "ru",
      createdAt: NOW,
    })
    .execute();
  const rows: Array<Insertable<OrganisationsTable>> = [];
  const org = (
    kind: string,
    name: string,
    parent: { id: string; path: string } | null,
    region: string | null,
    id = systemIds.next(),
  ) => {
    const path = `${parent?.path ?? "/"}${id}/`;
    rows.push({
      id,
      tenantId,
      parentId: parent?.id ?? null,
      kind,
      name,
      nameFolded: foldForSearch(name),
      path,
      depth: path.split("/").length - 3,
      region,
      district: null,
      village: null,
      territoryCode: null,
      currency: "KZT",
      timeZone: "Asia/Almaty",
      openedOn: "2025-06-01",
      status: "active",
      statusChangedOn: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
    return { id, path };
  };
  const root = org("association", "Bench association", null, null);
  const mfo = org("mfo", "Bench MFO", root, null);
  const groupCount = Math.max(1, Math.round(members / 15));
  const clusters: Array<{ id: string; path: string; region: string }> = [];
  for (let f = 0; f < FEDERATIONS; f++) {
    const region = REGIONS[f % REGIONS.length] ?? "";
    const fed = org("federation", `Federation ${f + 1}`, root, region);
    for (let c = 0; c < CLUSTERS_PER_FEDERATION; c++)
      clusters.push({ ...org("cluster", `Cluster ${f + 1}.${c + 1}`, fed, region), region });
  }
  // Groups have generated ids, so that the bulk SQL below can name group g without a lookup.
  const groupIds: string[] = [];
  for (let g = 0; g < groupCount; g++) {
    const cluster = clusters[Math.floor((g * clusters.length) / groupCount)]!;
    groupIds.push(org("shg", `Group ${g + 1}`, cluster, cluster.region, idOf(KIND.group, salt, g)).id);
  }
  for (let k = 0; k < rows.length; k += 500)
    await db
      .insertInto("organisations")
      .values(rows.slice(k, k + 500))
      .execute();
  // Each group's chart of accounts and rules, as openBooks and adoptRules write them.
  const chart = CHART_TEMPLATES.shg;
  const accounts = [];
  const rules = [];
  const spec = JSON.stringify(groupRulesSpec.parse(DEFAULT_RULES));
  for (const orgId of groupIds) {
    const ids = new Map(chart.map((a) => [a.code, systemIds.next()]));
    for (const a of chart)
      accounts.push({
        id: ids.get(a.code) ?? "",
        tenantId,
        orgId,
        code: a.code,
        name: a.name,
        type: a.type,
        parentId: a.parent ? (ids.get(a.parent) ?? null) : null,
        status: "active",
        createdAt: NOW,
      });
    rules.push({
      id: systemIds.next(),
      tenantId,
      orgId,
      validFrom: "2026-01-01",
      spec,
      createdAt: NOW,
      createdBy: null,
    });
  }
  for (let k = 0; k < accounts.length; k += 1000)
    await db
      .insertInto("accounts")
      .values(accounts.slice(k, k + 1000))
      .execute();
  for (let k = 0; k < rules.length; k += 1000)
    await db
      .insertInto("groupRules")
      .values(rules.slice(k, k + 1000))
      .execute();
  return { db, pg, salt, tenantId, rootId: root.id, rootPath: root.path, mfoId: mfo.id, groupIds };
}

/** Everything the year's meetings write, in bulk SQL. */
async function meetingsOfTheYear(w: World, members: number): Promise<void> {
  const { db, pg, tenantId } = w;
  const d = dialect(pg, w.salt);
  const G = w.groupIds.length;
  const M = members;
  const tenant = pg ? sql`${tenantId}::uuid` : sql`${tenantId}`;
  const org = (g: RawBuilder<unknown>) => d.id(KIND.group, g);
  /** The first member (number) of group g, and group g of member m: groups of M ÷ G members, give or take one. */
  const first = (g: RawBuilder<unknown>) => sql`((${g}) * ${sql.lit(M)} + ${sql.lit(G - 1)}) / ${sql.lit(G)}`;
  const groupOf = (m: RawBuilder<unknown>) => sql`((${m}) * ${sql.lit(G)}) / ${sql.lit(M)}`;
  const meeting = (g: RawBuilder<unknown>, wk: RawBuilder<unknown>) => sql`(${g}) * 64 + (${wk})`;
  const m = sql`(${first(sql`gs.i`)} + ps.i)`;
  // One in 50 joins on 4 March (week 8), one in 50 leaves on 1 July (her last meeting is week 24).
  const active = sql`not ((${m}) % 50 = 13 and ws.i < 8) and not ((${m}) % 50 = 7 and ws.i >= 25)`;
  const h = sql`((${m}) * 31 + ws.i * 17) % 20`;
  const status = sql`case ${h} when 0 then 'absent' when 1 then 'excused' when 2 then 'late' when 3 then 'represented' else 'present' end`;
  // Every member at every meeting of her group, in key order: group, week, member.
  const memberWeeks = sql`from ${d.series("gs", G)} cross join ${d.series("ws", WEEKS)} cross join ${d.series("ps", Math.ceil(M / G))}
      where ps.i < ${first(sql`gs.i + 1`)} - ${first(sql`gs.i`)} and ${active}`;

  await sql`insert into persons (id, tenant_id, org_id, family_name, given_name, patronymic, birth_date, sex, phone, iin,
        household_id, village, consent_given_on, consent_scope, consent_withdrawn_on, created_at, updated_at)
      select ${d.id(KIND.person, sql`s.i`)}, ${tenant}, ${org(groupOf(sql`s.i`))}, 'Member ' || s.i, 'Bench', null, null, 'female',
        null, null, null, null, ${d.date("2025-06-01")}, 'membership', null, ${d.instant(NOW)}, ${d.instant(NOW)}
      from ${d.series("s", M)}`.execute(db);
  await sql`insert into memberships (id, tenant_id, person_id, group_id, role, joined_on, left_on, left_reason, created_at, updated_at)
      select ${d.id(KIND.membership, sql`s.i`)}, ${tenant}, ${d.id(KIND.person, sql`s.i`)}, ${org(groupOf(sql`s.i`))}, 'member',
        case when s.i % 50 = 13 then ${d.date("2026-03-04")} else ${d.date("2025-06-01")} end,
        case when s.i % 50 = 7 then ${d.date("2026-07-01")} else null end,
        case when s.i % 50 = 7 then 'moved away' else null end, ${d.instant(NOW)}, ${d.instant(NOW)}
      from ${d.series("s", M)}`.execute(db);
  const n = meeting(sql`gs.i`, sql`ws.i`);
  await sql`insert into journal_entries (id, tenant_id, org_id, business_date, description, cause_type, cause_id, reverses_id, posted_at, posted_by)
      select ${d.id(KIND.entry, n)}, ${tenant}, ${org(sql`gs.i`)}, ${d.day(sql`ws.i`)}, 'Meeting', 'meeting', ${d.idText(KIND.meeting, n)},
        null, ${d.instant(NOW)}, null
      from ${d.series("gs", G)} cross join ${d.series("ws", WEEKS)}`.execute(db);
  await sql`insert into meetings (id, tenant_id, org_id, seq, held_on, status, cash_counted, entry_id, reversal_entry_id, replaces_id, note, recorded_at, recorded_by)
      select ${d.id(KIND.meeting, n)}, ${tenant}, ${org(sql`gs.i`)}, ws.i + 1, ${d.day(sql`ws.i`)}, 'posted', null, ${d.id(KIND.entry, n)},
        null, null, null, ${d.instant(NOW)}, null
      from ${d.series("gs", G)} cross join ${d.series("ws", WEEKS)}`.execute(db);
  await sql`insert into meeting_attendance (tenant_id, meeting_id, person_id, status)
      select ${tenant}, ${d.id(KIND.meeting, n)}, ${d.id(KIND.person, m)}, ${status} ${memberWeeks}`.execute(
    db,
  );
  await sql`insert into meeting_lines (tenant_id, meeting_id, line_no, org_id, held_on, person_id, kind, amount, interest, internal_loan_id, detail)
      select ${tenant}, ${d.id(KIND.meeting, n)}, ps.i + 1, ${org(sql`gs.i`)}, ${d.day(sql`ws.i`)}, ${d.id(KIND.person, m)}, 'savings',
        ${sql.lit(SAVING)}, null, null, null ${memberWeeks} and ${h} > 1`.execute(db);

  // Loans: every third member (not those who join or leave) borrows 1,000.00 for 6 months at 2 % flat,
  // in week L = 4 … 43, and repays 186.66 (20.00 of interest) every 4 weeks, the sixth 186.70; a tenth of
  // them stop after two repayments. Repayments fall on or before each due date, so only those are late.
  const b = sql`s.i`;
  const bg = groupOf(b);
  const issued = sql`(4 + (${b} / 3) % 40)`;
  const repaid = sql`case when (51 - ${issued}) / 4 >= 6 then 6 else (51 - ${issued}) / 4 end`;
  const made = sql`case when (${b} / 3) % 10 = 0 and ${repaid} > 2 then 2 else ${repaid} end`;
  const borrowers = sql`from ${d.series("s", M)} where ${b} % 3 = 0 and ${b} % 50 <> 7 and ${b} % 50 <> 13`;
  await sql`insert into internal_loans (id, tenant_id, org_id, person_id, meeting_id, issued_on, principal, monthly_rate, method,
        term_months, purpose, principal_outstanding, status)
      select ${d.id(KIND.loan, b)}, ${tenant}, ${org(bg)}, ${d.id(KIND.person, b)}, ${d.id(KIND.meeting, meeting(bg, issued))},
        ${d.day(issued)}, 100000, '0.02', 'flat', 6, null,
        case when ${made} = 6 then 0 else 100000 - 16666 * ${made} end,
        case when ${made} = 6 then 'repaid' else 'open' end
      ${borrowers}`.execute(db);
  await sql`insert into meeting_lines (tenant_id, meeting_id, line_no, org_id, held_on, person_id, kind, amount, interest, internal_loan_id, detail)
      select ${tenant}, ${d.id(KIND.meeting, meeting(bg, issued))}, 100 + ${b} - ${first(bg)}, ${org(bg)}, ${d.day(issued)},
        ${d.id(KIND.person, b)}, 'loan', 100000, null, ${d.id(KIND.loan, b)}, '{"termMonths":6,"purpose":null}'
      ${borrowers}`.execute(db);
  const week = sql`(${issued} + 4 * (j.i + 1))`;
  await sql`insert into meeting_lines (tenant_id, meeting_id, line_no, org_id, held_on, person_id, kind, amount, interest, internal_loan_id, detail)
      select ${tenant}, ${d.id(KIND.meeting, meeting(bg, week))}, 200 + ${b} - ${first(bg)}, ${org(bg)}, ${d.day(week)},
        ${d.id(KIND.person, b)}, 'repayment', case when j.i = 5 then 18670 else 18666 end, 2000, ${d.id(KIND.loan, b)}, null
      from ${d.series("s", M)} cross join ${d.series("j", 6)}
      where ${b} % 3 = 0 and ${b} % 50 <> 7 and ${b} % 50 <> 13 and j.i < ${made}`.execute(db);

  // The journal: per meeting, cash box, members' savings, loans to members and interest, as planMeeting
  // posts them (summed over the meeting's lines), then the daily totals postEntry keeps.
  await sql`insert into journal_lines (tenant_id, entry_id, line_no, org_id, account_id, business_date, currency, amount, memo, party_id)
      select * from (
        select ${tenant} as tenant_id, mt.entry_id, a.k as line_no, t.org_id, acc.id as account_id, t.held_on, 'KZT' as currency,
          case a.code when '11' then t.saved + t.repaid - t.lent when '21' then -t.saved
            when '13' then t.lent - t.repaid + t.interest else -t.interest end as amount, 'meeting' as memo, ${pg ? sql`null::uuid` : sql`null`} as party_id
        from (select meeting_id, org_id, held_on,
                sum(case when kind = 'savings' then amount else 0 end) as saved,
                sum(case when kind = 'loan' then amount else 0 end) as lent,
                sum(case when kind = 'repayment' then amount else 0 end) as repaid,
                sum(case when kind = 'repayment' then interest else 0 end) as interest
              from meeting_lines where tenant_id = ${tenant} group by meeting_id, org_id, held_on) t
        join meetings mt on mt.id = t.meeting_id
        cross join (select 1 as k, '11' as code union all select 2, '21' union all select 3, '13' union all select 4, '41') a
        join accounts acc on acc.org_id = t.org_id and acc.code = a.code
      ) x where amount <> 0`.execute(db);
  await sql`insert into account_daily_balances (tenant_id, org_id, account_id, currency, business_date, amount)
      select tenant_id, org_id, account_id, currency, business_date, sum(amount) from journal_lines
      where tenant_id = ${tenant} group by tenant_id, org_id, account_id, currency, business_date`.execute(
    db,
  );

  // Grades: most groups on 30 June, a third again on 16 December; one in seven never graded.
  const letter = sql`case when gs.i % 10 < 6 then 'A' when gs.i % 10 < 9 then 'B' else 'C' end`;
  for (const [on, which] of [
    ["2026-06-30", sql`gs.i % 7 <> 0`],
    ["2026-12-16", sql`gs.i % 7 <> 0 and gs.i % 3 = 0`],
  ] as const)
    await sql`insert into group_grades (id, tenant_id, org_id, graded_on, window_from, grade, score, detail, recorded_at, recorded_by)
        select ${d.id(KIND.grade, sql`gs.i * 2 + ${sql.lit(on.endsWith("30") ? 0 : 1)}`)}, ${tenant}, ${org(sql`gs.i`)}, ${d.date(on)},
          ${d.date("2026-01-01")}, ${letter}, 80, '{}', ${d.instant(NOW)}, null
        from ${d.series("gs", G)} where ${which}`.execute(db);

  // A fifth of the groups owe the MFO; one in three of those is 1–120 days late at the year's end.
  const productId = systemIds.next();
  await db
    .insertInto("loanProducts")
    .values({
      id: productId,
      tenantId,
      orgId: w.mfoId,
      name: "Group loans",
      currency: "KZT",
      spec: JSON.stringify(
        productSpec.parse({
          name: "Group loans",
          minPrincipal: "100000",
          maxPrincipal: "5000000",
          minInstallments: 3,
          maxInstallments: 24,
          frequency: "monthly",
          annualRatePercent: "24",
        }),
      ),
      status: "active",
      createdAt: NOW,
    })
    .execute();
  const since = pg
    ? sql`(date '2026-12-31' - (gs.i % 120 + 1)::int)`
    : sql`date('2026-12-31', '-' || (gs.i % 120 + 1) || ' days')`;
  await sql`insert into loans (id, tenant_id, org_id, product_id, borrower_type, borrower_id, currency, principal, installments,
        first_due_on, disbursed_on, purpose, spec, status, applied_on, created_by, created_at, decided_by, decided_on, decision_note,
        principal_outstanding, arrears_since, last_activity_on, advance, penalty_through, plan, written_off_on, written_off, recovered, closed_on, version)
      select ${d.id(KIND.groupLoan, sql`gs.i`)}, ${tenant}, ${pg ? sql`${w.mfoId}::uuid` : w.mfoId}, ${pg ? sql`${productId}::uuid` : productId},
        'group', ${org(sql`gs.i`)}, 'KZT', 100000000, 12, ${d.date("2026-04-01")}, ${d.date("2026-03-01")}, null, '{}', 'active',
        ${d.date("2026-02-20")}, null, ${d.instant(NOW)}, null, null, null, (gs.i % 10 + 1) * 5000000,
        case when gs.i % 15 = 0 then ${since} else null end, ${d.date("2026-11-15")}, 0, null, 1, null, 0, 0, null, 1
      from ${d.series("gs", G)} where gs.i % 5 = 0`.execute(db);
}

/**
 * Builds the association (`members` members in groups of ~15, a year of weekly meetings) in a database
 * of its own tenant, then times one roll-up of the whole association over 2026.
 */
export async function rollUpBench(
  databaseUrl: string,
  members = 100_000,
): Promise<{
  members: number;
  groups: number;
  meetings: number;
  seconds: number;
  generatedInSeconds: number;
}> {
  const started = performance.now();
  let world: World;
  {
    const open = await openDatabase(databaseUrl);
    try {
      await migrateToLatest(open.db);
      const pg = open.dialect === "postgres";
      world = await organisations(open.db, pg, members);
      await meetingsOfTheYear(world, members);
      // What a server does after a bulk load (autovacuum, or SQLite's optimize) before it is queried.
      await sql.raw(pg ? "vacuum analyze" : "analyze").execute(open.db);
    } finally {
      await open.close();
    }
  }
  const generatedInSeconds = (performance.now() - started) / 1000;
  const open = await openDatabase(databaseUrl);
  try {
    const actor: Actor = {
      tenantId: world.tenantId,
      userId: null,
      locale: "en",
      grants: [{ orgId: world.rootId, orgPath: world.rootPath, role: "tenant_admin" }],
      via: "cli",
    };
    const t0 = performance.now();
    const result = await rollUp(open.db, actor, world.rootId, { from: "2026-01-01", to: "2026-12-31" });
    const seconds = (performance.now() - t0) / 1000;
    const total = result.currencies[0]?.total.facts;
    return {
      members: total?.members ?? 0,
      groups: total?.groups ?? 0,
      meetings: total?.meetingsHeld ?? 0,
      seconds: Math.round(seconds * 1000) / 1000,
      generatedInSeconds: Math.round(generatedInSeconds),
    };
  } finally {
    await open.close();
  }
}
