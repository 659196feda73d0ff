// A small self-help group for the group tests: its books open, the default rules adopted from
// 1 January 2026, five members who joined in 2025, a bookkeeper, and a clock after every test date.

import { fixedClock } from "@qadam/core/clock";
import type { Attendance, MeetingInput, MeetingLine } from "@qadam/core/groups/meeting";
import { DEFAULT_RULES, type GroupRulesInput } from "@qadam/core/groups/rules";
import { systemIds } from "@qadam/core/ids";
import { openBooks } from "../books/index.js";
import { applyForLoan, decide, disburse } from "../loans/index.js";
import { groupApplication, insertMember, insertPerson, type LoanWorld, loanWorld } from "../loans/testing.js";
import { type CommandContext, executeCommand } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { cliActor, type SeededTenant, type SeededUser, seedTenant, seedUser } from "../testing/fixtures.js";
import { adoptRules } from "./commands.js";

export interface GroupWorld {
  db: Db;
  t: SeededTenant;
  groupId: string;
  bookkeeper: SeededUser;
  members: string[];
  run<T>(body: (trx: Db, ctx: CommandContext) => Promise<T>, user?: SeededUser | null): Promise<T>;
  /** As `run`, at another instant (a meeting recorded on its own day, say). */
  runAt<T>(now: string, body: (trx: Db, ctx: CommandContext) => Promise<T>): Promise<T>;
}

export async function groupWorld(
  db: Db,
  rules: GroupRulesInput = DEFAULT_RULES,
  size = 5,
  now = "2027-12-31T06:00:00Z",
): Promise<GroupWorld> {
  const t = await seedTenant(db, "groups");
  const clock = fixedClock(new Date(now));
  const bookkeeper = await seedUser(db, t.tenantId, t.groupId, "group_bookkeeper");
  const run = <T>(body: (trx: Db, ctx: CommandContext) => Promise<T>, user: SeededUser | null = bookkeeper) =>
    executeCommand(
      { db, clock, ids: systemIds },
      { actor: user ? user.actor : cliActor(t), name: "test", source: "cli" },
      body,
    );
  await run((trx, ctx) => openBooks(trx, ctx, t.groupId), null);
  await run((trx, ctx) => adoptRules(trx, ctx, t.groupId, { validFrom: "2026-01-01", rules }));
  const members: string[] = [];
  const names = ["Айгүл", "Әсел", "Гүлнар", "Мөлдір", "Дана", "Жанар", "Сәуле", "Бақыт", "Ләззат", "Нұргүл"];
  for (let i = 0; i < size; i++) {
    const id = await insertPerson(db, t.tenantId, t.groupId, names[i % names.length] ?? "Member");
    await insertMember(db, t.tenantId, t.groupId, id, "2025-06-01");
    members.push(id);
  }
  const runAt = <T>(at: string, body: (trx: Db, ctx: CommandContext) => Promise<T>) =>
    executeCommand(
      { db, clock: fixedClock(new Date(at)), ids: systemIds },
      { actor: bookkeeper.actor, name: "test", source: "cli" },
      body,
    );
  return { db, t, groupId: t.groupId, bookkeeper, members, run, runAt };
}

/** A meeting where everyone came and paid the compulsory 500.00, plus the lines given. */
export function ordinaryMeeting(
  w: GroupWorld,
  heldOn: string,
  lines: MeetingLine[] = [],
  absent: readonly string[] = [],
): MeetingInput {
  const attendance = w.members.map((personId) => ({
    personId,
    status: (absent.includes(personId) ? "absent" : "present") as Attendance,
  }));
  const savings: MeetingLine[] = w.members
    .filter((p) => !absent.includes(p))
    .map((personId) => ({ kind: "savings", personId, amount: 50_000n }));
  return { heldOn, attendance, lines: [...savings, ...lines], cashCounted: null };
}

/**
 * A group with its books open and the default rules from 1 January 2026, owing the MFO 300,000.00 lent
 * on 15 January (first installment due on 15 February), and a tenant administrator: collecting the MFO's
 * loan at a meeting repays a loan of the MFO's books, so the caller needs roles covering both.
 */
export async function groupOwingTheMfo(db: Db): Promise<{
  w: LoanWorld;
  group: string;
  mfoLoan: string;
  admin: SeededUser;
  /** A meeting's body: everyone present and saving 500, then `lines`. */
  meeting(heldOn: string, lines?: object[]): object;
}> {
  const w = await loanWorld(db);
  const group = w.t.groupId;
  await w.run(null, (trx, ctx) => openBooks(trx, ctx, group));
  await w.run(null, (trx, ctx) =>
    adoptRules(trx, ctx, group, { validFrom: "2026-01-01", rules: DEFAULT_RULES }),
  );
  const mfoLoan = await w.run(w.maker, (trx, ctx) => applyForLoan(trx, ctx, groupApplication(w)));
  await w.run(w.checker, (trx, ctx) => decide(trx, ctx, mfoLoan, { approve: true, on: "2026-01-12" }));
  await w.run(w.maker, (trx, ctx) => disburse(trx, ctx, mfoLoan, { on: "2026-01-15", channel: "cash" }));
  const admin = await seedUser(w.db, w.t.tenantId, w.t.rootId, "tenant_admin");
  const meeting = (heldOn: string, lines: object[] = []) => ({
    heldOn,
    attendance: w.members.map((personId) => ({ personId, status: "present" })),
    lines: [...w.members.map((personId) => ({ kind: "savings", personId, amount: "500" })), ...lines],
  });
  return { w, group, mfoLoan, admin, meeting };
}
