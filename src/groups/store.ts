// A self-help group's records in the database: its rules by date, its members on a date, the
// balances its books hold (per member where the line names her), its open internal loans with their
// repayments, and its meetings. Thin: the decisions are in meeting.ts and the other pure modules.

import { sql } from "kysely";
import { accountsOf } from "../books/store.js";
import { currency, rate } from "../money/index.js";
import { findOrganisation } from "../orgs/lookup.js";
import type { Organisation } from "../orgs/types.js";
import type { Actor } from "../platform/auth/actor.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { DomainError } from "../platform/errors.js";
import type { InternalLoanTerms, InternalRepayment } from "./internal-loans.js";
import { type OpenLoan, SHG_ACCOUNTS, type ShgAccount } from "./meeting.js";
import { type GroupRules, type GroupRulesSpec, groupRulesSpec, rulesFrom } from "./rules.js";

/** The self-help group, visible to the actor (NOT_FOUND), and a group (ORG_NOT_A_GROUP). */
export async function findGroup(db: Db, actor: Actor, groupId: string): Promise<Organisation> {
  const group = await findOrganisation(db, actor, groupId, "group");
  if (group.kind !== "shg") throw new DomainError("ORG_NOT_A_GROUP", { name: group.name });
  return group;
}

/** Every version of the group's rules as adopted, oldest first. */
export async function adoptedRules(
  db: Db,
  group: Organisation,
): Promise<Array<{ validFrom: string; spec: GroupRulesSpec }>> {
  const rows = await db
    .selectFrom("groupRules")
    .select(["validFrom", "spec"])
    .where("tenantId", "=", group.tenantId)
    .where("orgId", "=", group.id)
    .orderBy("validFrom")
    .execute();
  return rows.map((r) => ({ validFrom: r.validFrom, spec: groupRulesSpec.parse(JSON.parse(r.spec)) }));
}

/** Every version of the group's rules, oldest first. */
export async function rulesVersions(db: Db, group: Organisation): Promise<GroupRules[]> {
  return (await adoptedRules(db, group)).map((r) => rulesFrom(r.spec, r.validFrom, currency(group.currency)));
}

export interface MemberOnDate {
  personId: string;
  name: string;
  joinedOn: string;
  leftOn: string | null;
}

/** Members of the group on a date: joined on or before it, not left by it. */
export async function membersOn(db: Db, group: Organisation, date: string): Promise<MemberOnDate[]> {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("persons as p", "p.id", "m.personId")
    .select(["m.personId", "p.givenName", "p.familyName", "m.joinedOn", "m.leftOn"])
    .where("m.tenantId", "=", group.tenantId)
    .where("m.groupId", "=", group.id)
    .where("m.joinedOn", "<=", date)
    .where((eb) => eb.or([eb("m.leftOn", "is", null), eb("m.leftOn", ">", date)]))
    .orderBy("m.joinedOn")
    .orderBy("m.personId")
    .execute();
  return rows.map((r) => ({
    personId: r.personId,
    name: [r.givenName, r.familyName].filter(Boolean).join(" "),
    joinedOn: r.joinedOn,
    leftOn: r.leftOn,
  }));
}

/** The group's account ids by role; BOOKS_NOT_OPEN when its books were never opened. */
export async function groupAccounts(db: Db, group: Organisation): Promise<Record<ShgAccount, string>> {
  const chart = await accountsOf(db, group.tenantId, group.id);
  if (chart.length === 0) throw new DomainError("BOOKS_NOT_OPEN", { org: group.name });
  const byCode = new Map(chart.map((a) => [a.code, a.id]));
  const out = {} as Record<ShgAccount, string>;
  for (const [role, code] of Object.entries(SHG_ACCOUNTS) as Array<[ShgAccount, string]>) {
    const id = byCode.get(code);
    if (!id) throw new DomainError("NOT_FOUND", { entity: "account" });
    out[role] = id;
  }
  return out;
}

export interface Balances {
  /** Balance of each role's account, debit positive. */
  account: Record<ShgAccount, bigint>;
  /** Each member's savings (a credit balance, shown positive). */
  savings: Map<string, bigint>;
}

/**
 * The group's balances from its journal, up to and including `date` (all of it when null): each
 * account's from the daily totals, and the savings of `members` (every member's when omitted) from
 * the lines that name them.
 */
export async function groupBalances(
  db: Db,
  group: Organisation,
  accounts: Record<ShgAccount, string>,
  date: string | null = null,
  members: readonly string[] | null = null,
): Promise<Balances> {
  const totals = await db
    .selectFrom("accountDailyBalances")
    .select((eb) => ["accountId", eb.fn.sum<string | number | bigint>("amount").as("total")])
    .where("tenantId", "=", group.tenantId)
    .where("orgId", "=", group.id)
    .$if(date !== null, (qb) => qb.where("businessDate", "<=", date ?? ""))
    .groupBy("accountId")
    .execute();
  const roleOf = new Map(Object.entries(accounts).map(([role, id]) => [id, role as ShgAccount]));
  const account = Object.fromEntries(Object.keys(SHG_ACCOUNTS).map((k) => [k, 0n])) as Record<
    ShgAccount,
    bigint
  >;
  for (const r of totals) {
    const role = roleOf.get(r.accountId);
    if (role) account[role] += toBigInt(r.total);
  }
  const savings = new Map<string, bigint>();
  if (members !== null && members.length === 0) return { account, savings };
  const rows = await db
    .selectFrom("journalLines")
    .select((eb) => ["partyId", eb.fn.sum<string | number | bigint>("amount").as("total")])
    .where("accountId", "=", accounts.savings)
    .where("partyId", "is not", null)
    .$if(members !== null, (qb) => qb.where("partyId", "in", members ?? []))
    .$if(date !== null, (qb) => qb.where("businessDate", "<=", date ?? ""))
    .groupBy("partyId")
    .execute();
  for (const r of rows) if (r.partyId) savings.set(r.partyId, -toBigInt(r.total));
  return { account, savings };
}

/** An internal loan's terms from its stored row. */
export function termsOf(row: {
  principal: string | number | bigint;
  monthlyRate: string;
  method: string;
  termMonths: number;
  issuedOn: string;
}): InternalLoanTerms {
  return {
    principal: toBigInt(row.principal),
    monthlyRate: rate(row.monthlyRate),
    method: row.method === "declining" ? "declining" : "flat",
    termMonths: row.termMonths,
    issuedOn: row.issuedOn,
  };
}

/** Open internal loans of the group with the repayments of posted meetings. */
export async function openLoansOf(db: Db, group: Organisation): Promise<OpenLoan[]> {
  const loans = await db
    .selectFrom("internalLoans")
    .selectAll()
    .where("tenantId", "=", group.tenantId)
    .where("orgId", "=", group.id)
    .where("status", "=", "open")
    .orderBy("issuedOn")
    .orderBy("id")
    .execute();
  if (loans.length === 0) return [];
  const repayments = await repaymentsOf(
    db,
    group,
    loans.map((l) => l.id),
  );
  return loans.map((l) => ({
    id: l.id,
    personId: l.personId,
    terms: termsOf(l),
    repayments: repayments.get(l.id) ?? [],
  }));
}

/** Repayments of the given loans recorded at posted meetings, in date order. */
export async function repaymentsOf(
  db: Db,
  group: Organisation,
  loanIds: readonly string[],
): Promise<Map<string, InternalRepayment[]>> {
  const out = new Map<string, InternalRepayment[]>();
  if (loanIds.length === 0) return out;
  const rows = await db
    .selectFrom("meetingLines as l")
    .innerJoin("meetings as m", "m.id", "l.meetingId")
    .select(["l.internalLoanId", "l.heldOn", "l.amount", "l.interest"])
    .where("l.tenantId", "=", group.tenantId)
    .where("l.orgId", "=", group.id)
    .where("l.kind", "=", "repayment")
    .where("m.status", "=", "posted")
    .where("l.internalLoanId", "in", loanIds)
    .orderBy("l.heldOn")
    .orderBy("m.seq")
    .orderBy("l.lineNo")
    .execute();
  for (const r of rows) {
    if (!r.internalLoanId) continue;
    const amount = toBigInt(r.amount);
    const interest = toBigInt(r.interest ?? 0);
    const list = out.get(r.internalLoanId) ?? [];
    list.push({ on: r.heldOn, interest, principal: amount - interest });
    out.set(r.internalLoanId, list);
  }
  return out;
}

export interface MeetingRow {
  id: string;
  seq: number;
  heldOn: string;
  status: "posted" | "reversed";
  entryId: string | null;
}

/** The group's latest posted meeting, or null. */
export async function latestMeeting(db: Db, group: Organisation): Promise<MeetingRow | null> {
  const row = await db
    .selectFrom("meetings")
    .select(["id", "seq", "heldOn", "status", "entryId"])
    .where("tenantId", "=", group.tenantId)
    .where("orgId", "=", group.id)
    .where("status", "=", "posted")
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { ...row, status: row.status === "reversed" ? "reversed" : "posted" } : null;
}

/** The next sequence number for a meeting of the group. */
export async function nextMeetingSeq(db: Db, group: Organisation): Promise<number> {
  const row = await db
    .selectFrom("meetings")
    .select(sql<number | null>`max(seq)`.as("seq"))
    .where("tenantId", "=", group.tenantId)
    .where("orgId", "=", group.id)
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}
