// The deterministic demo generator: the same seed and size always give the same data. Sized by
// members (default 600, up to 100,000 and more); written in large batches inside one transaction per
// stage, with the same derived data (search terms, parent history) the commands would write.

import { addDays, businessDate, type Clock, fixedClock, isCalendarDate } from "@qadam/core/clock";
import { addMonths } from "@qadam/core/groups/internal-loans";
import { seededIds } from "@qadam/core/ids";
import { completeIin } from "@qadam/core/people/iin";
import { sql } from "kysely";
import { createTenant } from "../orgs/index.js";
import {
  type ImportedHousehold,
  type ImportedPerson,
  importAnonymousCounts,
  importHouseholds,
  importMemberships,
  importPeople,
} from "../people/index.js";
import { writeAudit } from "../platform/audit.js";
import { executeCommand } from "../platform/commands.js";
import { type Db, withinTransaction } from "../platform/db/database.js";
import { createUser } from "../users/index.js";
import { generatePortfolio } from "./loans.js";
import {
  type DemoMeetingsSummary,
  generateTenantMeetings,
  groupsWithMeetings,
  noMeetings,
} from "./meetings.js";
import { CONSENT_SCOPE, type DemoMembership, type DemoPerson, planGroupMembers } from "./members.js";
import { demoRandom } from "./random.js";
import { type DemoGroup, insertTree, planTree, type TreePlan } from "./tree.js";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./users.js";

export interface DemoOptions {
  /**
   * The demo's "today" (YYYY-MM-DD), which its year of lending and meetings leads up to: the caller's
   * clock reads it (the command line: the machine's date in Asia/Almaty, or --today).
   */
  today: string;
  seed?: number;
  /** Members of the association's groups (the partner NGO gets about a tenth as many, at least 60). */
  members?: number;
  /** Loans in the MFO's year of activity (default 150; 0 for none). */
  loans?: number;
  /**
   * Self-help groups of each tenant given a year of meetings (default MEETING_GROUPS; 0 for none; an
   * infinite number for all): a tenant with more groups gets an even sample of its groups.
   */
  meetingGroups?: number;
  onProgress?: (done: number, total: number, stage: string) => void;
}

export interface DemoSummary {
  seed: number;
  tenants: Array<{ slug: string; tenantId: string; rootId: string }>;
  organisations: number;
  groups: number;
  people: number;
  memberships: number;
  logins: Array<{ login: string; role: string }>;
  password: string;
  /** The demo MFO's loans by status. */
  loans: Record<string, number>;
  /** The groups' year of meetings: at how many of how many groups, and what they held. */
  meetings: DemoMeetingsSummary;
}

/**
 * Groups of a tenant that get a year of meetings unless told otherwise: every group of the default demo
 * (45 and 5), an even sample of a larger one. A group's year takes about half a second, so all 7,346
 * groups of `--members 100000` would take about an hour; 60 of each tenant's take about one minute.
 */
export const MEETING_GROUPS = 60;

/** The demo's "today" by a clock: the date in Almaty, where its organisations keep their books. */
export function demoToday(clock: Clock): string {
  return businessDate(clock.now(), "Asia/Almaty");
}

/** The groups' year of meetings starts on the Wednesday 333 days or less before `today`. */
export function meetingsFrom(today: string): string {
  const from = addDays(today, -333);
  const weekday = new Date(`${from}T00:00:00Z`).getUTCDay();
  return addDays(from, (3 - weekday + 7) % 7);
}

export async function generateDemo(db: Db, options: DemoOptions): Promise<DemoSummary> {
  const today = options.today;
  if (!isCalendarDate(today)) throw new RangeError(`the demo's today must be a date YYYY-MM-DD: ${today}`);
  // Every record is made at nine in the morning of "today", in Almaty.
  const now = `${today}T04:00:00.000Z`;
  const seed = options.seed ?? 1;
  const members = options.members ?? 600;
  const meetingGroups = options.meetingGroups ?? MEETING_GROUPS;
  const random = demoRandom(seed);
  const ids = seededIds(() => random.unit(), Date.parse(now));
  const progress = options.onProgress ?? (() => undefined);

  const tenants = [
    {
      slug: "moldir",
      name: "Мөлдір әйелдер қауымдастығы",
      kind: "association" as const,
      label: "Мөлдір",
      members,
      withMfo: true,
    },
    {
      slug: "umit",
      name: "Үміт қоғамдық бірлестігі",
      kind: "partner_ngo" as const,
      label: "Үміт",
      members: Math.max(60, Math.round(members / 10)),
      withMfo: false,
    },
  ];
  const totalMembers = tenants.reduce((s, t) => s + t.members, 0);
  const summary: DemoSummary = {
    seed,
    tenants: [],
    organisations: 0,
    groups: 0,
    people: 0,
    memberships: 0,
    logins: [],
    loans: {},
    meetings: noMeetings(0),
    password: DEMO_PASSWORD,
  };
  const plans: Record<string, { plan: TreePlan; rootId: string; tenantId: string }> = {};
  let done = 0;
  const usedIins = new Set<string>();
  let serial = 0;
  const serials = { next: () => (serial = (serial + 1) % 10_000) };

  for (const t of tenants) {
    const root = await db.transaction().execute((trx) =>
      createTenant(
        trx,
        { ids, now: now },
        {
          slug: t.slug,
          name: t.name,
          kind: t.kind,
          defaultLocale: t.kind === "association" ? "kk" : "ru",
          openedOn: "1998-01-15",
          region: "Алматы облысы",
        },
      ),
    );
    const plan = planTree(random, ids, root, {
      members: t.members,
      label: t.label,
      withMfo: t.withMfo,
      today,
      ...(t.withMfo ? {} : { federations: 1 }),
    });
    await db.transaction().execute((trx) => insertTree(trx, plan, now, ids, today));
    plans[t.slug] = { plan, rootId: root.rootId, tenantId: root.tenantId };
    summary.tenants.push({ slug: t.slug, tenantId: root.tenantId, rootId: root.rootId });
    summary.organisations += plan.orgs.length + 1;
    summary.groups += plan.groups.length;

    // People and memberships, a few groups at a time.
    let people: DemoPerson[] = [];
    let memberships: DemoMembership[] = [];
    const movers: Array<{ person: DemoPerson; leftOn: string }> = [];
    const flush = async () => {
      if (people.length === 0) return;
      await writePeople(db, people, memberships, usedIins, () => ids.next(), now);
      summary.people += people.length;
      summary.memberships += memberships.length;
      done += people.length;
      progress(Math.min(done, totalMembers), totalMembers, `people of ${t.slug}`);
      people = [];
      memberships = [];
    };
    for (const group of plan.groups) {
      const made = planGroupMembers(random, () => ids.next(), group, today, serials);
      people.push(...made.people);
      memberships.push(...made.memberships);
      movers.push(...made.leavers);
      if (people.length >= 2000) await flush();
    }
    await flush();

    // Some who left joined another group of the same federation later: the duplicate-membership
    // rule allows it because the first membership had ended.
    const moves: DemoMembership[] = [];
    // Groups to move into: the active ones of the same federation.
    const groupsByFederation = new Map<string, DemoGroup[]>();
    for (const g of plan.groups) {
      if (g.status !== "active") continue;
      const list = groupsByFederation.get(g.federationId) ?? [];
      list.push(g);
      groupsByFederation.set(g.federationId, list);
    }
    const federationOf = new Map(plan.groups.map((g) => [g.id, g.federationId]));
    for (const { person, leftOn } of movers) {
      const candidates = (groupsByFederation.get(federationOf.get(person.orgId) ?? "") ?? []).filter(
        (g) => g.id !== person.orgId,
      );
      if (candidates.length === 0) continue;
      const target = random.pick(candidates);
      const joinedOn = addDays(leftOn, random.int(1, 60));
      if (joinedOn > today || joinedOn < target.openedOn) continue;
      moves.push({
        id: ids.next(),
        tenantId: person.tenantId,
        personId: person.id,
        groupId: target.id,
        role: "member",
        joinedOn,
        leftOn: null,
        leftReason: null,
      });
    }
    await importMemberships(db, moves, now);
    summary.memberships += moves.length;
    await writeAudit(db, {
      id: ids.next(),
      tenantId: root.tenantId,
      userId: null,
      at: now,
      command: "demo.generate",
      records: [{ type: "tenant", id: root.tenantId }],
      idempotencyKey: null,
      source: "demo",
    });
  }

  // Anonymous counts at the children's centre: people served who did not consent to be recorded.
  const moldir = plans.moldir;
  if (moldir?.plan.centre) {
    await importAnonymousCounts(
      db,
      moldir.tenantId,
      // The last days of the two months before today's.
      [-1, 0]
        .map((back) => addDays(addMonths(`${today.slice(0, 8)}01`, back), -1))
        .map((countedOn) => ({
          id: ids.next(),
          orgId: moldir.plan.centre?.id ?? "",
          countedOn,
          count: random.int(5, 25),
          sex: null,
          note: "children served without recorded consent",
        })),
      now,
    );
  }

  // The log-ins, created through the users domain like any other user.
  const clock = fixedClock(new Date(now));
  for (const login of DEMO_LOGINS) {
    const target = login.tenant === "association" ? plans.moldir : plans.umit;
    if (!target) continue;
    const orgId =
      login.on === "root"
        ? target.rootId
        : login.on === "federation"
          ? target.plan.federations[0]?.id
          : login.on === "mfo"
            ? target.plan.mfo?.id
            : login.on === "centre"
              ? target.plan.centre?.id
              : target.plan.groups[0]?.id;
    if (!orgId) continue;
    const rootPath = `/${target.rootId}/`;
    await executeCommand(
      { db, clock, ids },
      {
        actor: {
          tenantId: target.tenantId,
          userId: null,
          locale: "en",
          grants: [{ orgId: target.rootId, orgPath: rootPath, role: "tenant_admin" }],
          via: "cli",
        },
        name: "demo.user",
        source: "demo",
      },
      (trx, ctx) =>
        createUser(trx, ctx, {
          login: login.login,
          displayName: login.displayName,
          password: DEMO_PASSWORD,
          locale: login.locale,
          grants: [{ orgId, role: login.role }],
        }),
    );
    summary.logins.push({ login: login.login, role: login.role });
  }
  // A year of lending at the association's MFO, through the loan engine's commands.
  const mfo = plans.moldir?.plan.mfo;
  const loans = options.loans ?? 150;
  if (plans.moldir && mfo && loans > 0) {
    progress(totalMembers, totalMembers, "loans");
    const portfolio = await generatePortfolio(db, {
      tenantId: plans.moldir.tenantId,
      rootId: plans.moldir.rootId,
      mfoId: mfo.id,
      mfoPath: mfo.path,
      today,
      now: now,
      ids,
      random,
      loans,
      groupsKeepingBooks: new Set(
        groupsWithMeetings(plans.moldir.plan.groups, meetingGroups).map((g) => g.id),
      ),
    });
    summary.loans = portfolio.byStatus;
  }
  // A year of meetings at the groups, after the MFO's year so that its portfolio does not depend on them.
  summary.meetings = await generateTenantMeetings(db, {
    tenants: Object.entries(plans).map(([slug, p]) => {
      // The association's first federation lends to a few of its groups from its own revolving fund.
      const federation = slug === "moldir" ? p.plan.federations[0] : undefined;
      return {
        admin: `admin@${slug}.demo`,
        tenantId: p.tenantId,
        rootId: p.rootId,
        groups: p.plan.groups,
        lendingFederation: federation && {
          id: federation.id,
          path: federation.path,
          officer: `federation@${slug}.demo`,
        },
      };
    }),
    perTenant: meetingGroups,
    from: meetingsFrom(today),
    today,
    now: now,
    ids,
    seed,
    onProgress: (done, total) => progress(done, total, "meetings"),
  });
  // Fresh planner statistics after a bulk load, so searches pick their indexes from the first request.
  await sql`analyze`.execute(db);
  progress(totalMembers, totalMembers, "done");
  return summary;
}

async function writePeople(
  db: Db,
  people: DemoPerson[],
  memberships: DemoMembership[],
  usedIins: Set<string>,
  nextId: () => string,
  now: string,
): Promise<void> {
  const households = new Map<string, ImportedHousehold>();
  const personRows = people.map((p): ImportedPerson => {
    let iin: string | null = null;
    if (p.iinStem) {
      const full = completeIin(p.iinStem);
      if (full && !usedIins.has(full)) {
        usedIins.add(full);
        iin = full;
      }
    }
    let householdId: string | null = null;
    if (p.household) {
      const key = `${p.orgId}:${p.household}`;
      const existing = households.get(key);
      householdId = existing?.id ?? nextId();
      if (!existing)
        households.set(key, {
          id: householdId,
          tenantId: p.tenantId,
          orgId: p.orgId,
          name: p.household,
          village: p.village,
        });
    }
    return {
      id: p.id,
      tenantId: p.tenantId,
      orgId: p.orgId,
      familyName: p.familyName,
      givenName: p.givenName,
      patronymic: p.patronymic,
      birthDate: p.birthDate,
      sex: p.sex,
      phone: p.phone,
      iin,
      householdId,
      village: p.village,
      consentGivenOn: p.consentGivenOn,
      consentScope: CONSENT_SCOPE,
    };
  });
  await withinTransaction(db, async (trx) => {
    await importHouseholds(trx, [...households.values()], now);
    await importPeople(trx, personRows, now);
    await importMemberships(trx, memberships, now);
  });
}
