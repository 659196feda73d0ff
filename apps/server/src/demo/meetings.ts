// A year of meetings for the demo's self-help groups, through the groups domain's own commands (books
// opened, rules adopted, then each meeting recorded as one command in one transaction), so that grades,
// share-outs and roll-ups have a real year to work on. Deterministic from the seed; a meeting refused
// by recordMeeting is a bug of this generator and stops it.

import type { Actor } from "@qadam/core/auth/actor";
import { addDays, fixedClock } from "@qadam/core/clock";
import { addMonths } from "@qadam/core/groups/internal-loans";
import { expectedMeetings } from "@qadam/core/groups/meeting-calendar";
import { groupRulesSpec, rulesFrom } from "@qadam/core/groups/rules";
import type { IdSource } from "@qadam/core/ids";
import { currency } from "@qadam/core/money";
import { openBooks } from "../books/index.js";
import { adoptRules, recordMeeting } from "../groups/index.js";
import { groupMembershipHistory } from "../people/index.js";
import { type CommandContext, executeCommand } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import {
  FEDERATION_BORROWERS,
  FEDERATION_LOAN_AGE_DAYS,
  type FederationLender,
  federationLender,
} from "./federation-loans.js";
import {
  assignProfiles,
  demoRules,
  GROUP_PROFILES,
  type GroupProfile,
  PROFILE_TRAITS,
} from "./group-profiles.js";
import { type DemoMember, newGroupBook, planDemoMeeting } from "./meeting-plan.js";
import { demoRandom } from "./random.js";
import { demoActor } from "./users.js";

export interface MeetingsInput {
  /** Who records the meetings: someone allowed to open books and write meetings for every group. */
  actor: Actor;
  groups: ReadonlyArray<{
    id: string;
    status: "active" | "dormant";
    openedOn: string;
    federationId?: string;
  }>;
  /** A federation lending to a few of its groups, whose loans they repay at their meetings. */
  lender?: FederationLender | undefined;
  /** The first meeting day of the year (a group opened later starts then); meetings end before `today`. */
  from: string;
  today: string;
  now: string;
  ids: IdSource;
  seed: number;
  onProgress?: (done: number, total: number) => void;
}

export interface MeetingsSummary {
  groups: number;
  meetings: number;
  internalLoans: number;
  profiles: Record<GroupProfile, number>;
}

export async function generateMeetings(db: Db, input: MeetingsInput): Promise<MeetingsSummary> {
  const random = demoRandom(input.seed);
  // Each command runs at the moment it was entered: grading counts the meetings entered within a week.
  const run = <T>(at: string, name: string, body: (trx: Db, ctx: CommandContext) => Promise<T>) =>
    executeCommand(
      { db, clock: fixedClock(new Date(at < input.now ? at : input.now)), ids: input.ids },
      { actor: input.actor, name, source: "demo" },
      body,
    );
  const afternoonOf = (date: string) => `${date}T10:00:00.000Z`;
  const profiles = assignProfiles(random, input.groups);
  const summary: MeetingsSummary = {
    groups: input.groups.length,
    meetings: 0,
    internalLoans: 0,
    profiles: noProfiles(),
  };
  const lastDay = addDays(input.today, -1);
  const lendFrom = addDays(input.today, -FEDERATION_LOAN_AGE_DAYS);
  let borrowers = 0;

  for (const [index, group] of input.groups.entries()) {
    const profile = profiles[index] ?? "average";
    summary.profiles[profile] += 1;
    const spec = demoRules(random);
    const validFrom = later(input.from, group.openedOn);
    await run(afternoonOf(validFrom), "books.open", (trx, ctx) => openBooks(trx, ctx, group.id));
    await run(afternoonOf(validFrom), "group.rules", (trx, ctx) =>
      adoptRules(trx, ctx, group.id, { validFrom, rules: spec }),
    );
    const rules = rulesFrom(groupRulesSpec.parse(spec), validFrom, currency("KZT"));
    // A dormant group stops meeting about four months into the year.
    const stopsOn =
      profile === "dormant" ? addDays(addMonths(input.from, 4), random.int(-14, 21)) : input.today;
    const dates = validFrom <= lastDay ? expectedMeetings([rules], validFrom, lastDay) : [];
    const memberships = await membershipsOf(db, input.actor.tenantId, group.id);
    const book = newGroupBook(rules, PROFILE_TRAITS[profile]);
    let entered = afternoonOf(validFrom);
    const { lender } = input;
    const borrows =
      lender !== undefined &&
      group.federationId === lender.federationId &&
      (profile === "strong" || profile === "average") &&
      rules.meetings.frequency === "weekly" &&
      borrowers < FEDERATION_BORROWERS;
    if (borrows) borrowers += 1;
    let federationLoan: string | null = null;

    for (const [i, on] of dates.entries()) {
      if (on >= stopsOn) break;
      const members = memberships.filter((m) => m.joinedOn <= on && (m.leftOn === null || m.leftOn > on));
      if (lender && borrows && federationLoan === null && on >= lendFrom) {
        // The federation's loan, in cash at this meeting: about 30,000 tenge a member.
        const staying = members.filter((m) => m.leftOn === null).map((m) => m.personId);
        const principal = BigInt(Math.min(100, Math.max(10, staying.length * 3))) * 10_000n * 100n;
        federationLoan = await lender.lend(group.id, on, principal, staying.slice(0, 4));
        book.cash += principal;
      } else if (i > 0 && random.chance(book.traits.missMeeting)) continue;
      if (members.length < 3) continue;
      const external =
        lender && federationLoan !== null
          ? { loanId: federationLoan, amount: await lender.dueOn(federationLoan, on) }
          : null;
      const planned = planDemoMeeting(book, members, on, dates[i + 1] ?? input.today, random, external);
      // Entered the same afternoon, or some days later; never before the meeting entered before it.
      const { lateEntry } = book.traits;
      const at = afternoonOf(
        addDays(on, random.chance(lateEntry.chance) ? random.int(1, lateEntry.days) : 0),
      );
      entered = later(at, entered);
      const recorded = await run(entered, "meeting.record", (trx, ctx) =>
        recordMeeting(trx, ctx, group.id, planned.input),
      );
      if (recorded.cashAfter !== book.cash)
        throw new Error(
          `demo meetings: ${group.id} on ${on}: the books hold ${recorded.cashAfter}, not ${book.cash}`,
        );
      if (recorded.loansIssued.length !== planned.newLoans.length)
        throw new Error(`demo meetings: ${group.id} on ${on}: loans issued do not match the plan`);
      planned.newLoans.forEach((loan, k) => {
        book.loans.push({ ...loan, id: recorded.loansIssued[k] ?? "" });
      });
      summary.meetings += 1;
      summary.internalLoans += planned.newLoans.length;
    }
    input.onProgress?.(index + 1, input.groups.length);
  }
  return summary;
}

/** The year of meetings at each tenant's groups: an even sample of at most `perTenant` groups of each. */
export interface TenantMeetingsInput
  extends Omit<MeetingsInput, "actor" | "groups" | "onProgress" | "lender"> {
  tenants: ReadonlyArray<{
    admin: string;
    tenantId: string;
    rootId: string;
    groups: MeetingsInput["groups"];
    /** The federation that lends to some of its groups, and the log-in of its officer. */
    lendingFederation?: { id: string; path: string; officer: string } | undefined;
  }>;
  /** 0 for none; an infinite number for every group. */
  perTenant: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoMeetingsSummary {
  groups: number;
  ofGroups: number;
  meetings: number;
  internalLoans: number;
  /** Groups by the habits they were given. */
  profiles: Record<GroupProfile, number>;
  /** Some groups had no meetings because of `perTenant`. */
  sampled: boolean;
}

export async function generateTenantMeetings(
  db: Db,
  input: TenantMeetingsInput,
): Promise<DemoMeetingsSummary> {
  const { tenants, perTenant, onProgress, ...common } = input;
  const chosen = tenants.map((t) => groupsWithMeetings(t.groups, perTenant));
  const total = chosen.reduce((s, groups) => s + groups.length, 0);
  const summary = noMeetings(tenants.reduce((s, t) => s + t.groups.length, 0));
  for (const [index, t] of tenants.entries()) {
    const groups = chosen[index] ?? [];
    if (groups.length === 0) continue;
    const done = summary.groups;
    const actor = await demoActor(db, t.tenantId, t.admin, "tenant_admin", t.rootId, `/${t.rootId}/`);
    const federation = t.lendingFederation;
    const lender = federation
      ? await federationLender(db, {
          maker: await demoActor(
            db,
            t.tenantId,
            federation.officer,
            "federation_officer",
            federation.id,
            federation.path,
          ),
          checker: actor,
          federationId: federation.id,
          fundedOn: common.from,
          now: common.now,
          ids: common.ids,
        })
      : undefined;
    const made = await generateMeetings(db, {
      ...common,
      actor,
      lender,
      groups,
      // Each tenant its own stream, apart from the one that made the tree and the people.
      seed: (input.seed ^ 0x4d45_4554) + index,
      onProgress: (n) => onProgress?.(done + n, total),
    });
    summary.groups += made.groups;
    summary.meetings += made.meetings;
    summary.internalLoans += made.internalLoans;
    for (const p of GROUP_PROFILES) summary.profiles[p] += made.profiles[p];
  }
  summary.sampled = summary.groups < summary.ofGroups && perTenant > 0;
  return summary;
}

/** No meetings yet, at none of `ofGroups` groups. */
export function noMeetings(ofGroups: number): DemoMeetingsSummary {
  return { groups: 0, ofGroups, meetings: 0, internalLoans: 0, profiles: noProfiles(), sampled: false };
}

/** The groups of a tenant that meet (and keep their books) in the demo: an even sample of `perTenant`. */
export function groupsWithMeetings<T>(groups: readonly T[], perTenant: number): T[] {
  return evenSample(groups, perTenant);
}

/** Up to `count` of the items, spread evenly from first to last (all of them when there are fewer). */
function evenSample<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const take = Math.max(0, Math.floor(count));
  return Array.from({ length: take }, (_, k) => items[Math.floor((k * items.length) / take)] as T);
}

function noProfiles(): Record<GroupProfile, number> {
  return Object.fromEntries(GROUP_PROFILES.map((p) => [p, 0])) as Record<GroupProfile, number>;
}

/** The later of two dates or instants written in ISO form (text, so not Math.max). */
function later(a: string, b: string): string {
  if (a < b) return b;
  return a;
}

/** Every membership the group ever had, as membersOn orders them. */
async function membershipsOf(db: Db, tenantId: string, groupId: string): Promise<DemoMember[]> {
  return groupMembershipHistory(db, { tenantId, id: groupId });
}
