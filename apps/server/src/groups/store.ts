// A self-help group's records in the database: its rules by date, its members on a date, the
// balances its books hold (per member where the line names her), its open internal loans with their
// repayments, and its meetings. Thin: the decisions are in meeting.ts and the other pure modules.

import type { Actor } from "@qadam/core/auth/actor";
import { DomainError } from "@qadam/core/errors";
import type { InternalLoanTerms, InternalRepayment } from "@qadam/core/groups/internal-loans";
import { type OpenLoan, SHG_ACCOUNTS, type ShgAccount } from "@qadam/core/groups/meeting";
import { type GroupRules, type GroupRulesSpec, groupRulesSpec, rulesFrom } from "@qadam/core/groups/rules";
import { currency, rate } from "@qadam/core/money";
import type { Organisation } from "@qadam/core/orgs/types";
import { sql } from "kysely";
import { accountsOf, accountTotals, partyTotals } from "../books/index.js";
import { findOrganisation } from "../orgs/index.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { prepared } from "../platform/db/prepared.js";

/** The self-help group, visible to the actor (NOT_FOUND), and a group (ORG_NOT_A_GROUP). */
export async function findGroup(db: Db, actor: Actor, groupId: string): Promise<Organisation> {
  const group = await findOrganisation(db, actor, groupId, "group");
  if (group.kind !== "shg") throw new DomainError("ORG_NOT_A_GROUP", { name: group.name });
  return group;
}

/** The tenant and the group, the arguments of most queries here. */
type OfGroup = { tenantId: string; orgId: string };
const ofGroup = (group: Organisation): OfGroup => ({ tenantId: group.tenantId, orgId: group.id });

const RULES = prepared((db, a: OfGroup) =>
  db
    .selectFrom("groupRules")
    .select(["validFrom", "spec"])
    .where("tenantId", "=", a.tenantId)
    .where("orgId", "=", a.orgId)
    .orderBy("validFrom"),
);

/** Every version of the group's rules as adopted, oldest first. */
export async function adoptedRules(
  db: Db,
  group: Organisation,
): Promise<Array<{ validFrom: string; spec: GroupRulesSpec }>> {
  const rows = await RULES.rows(db, ofGroup(group));
  return rows.map((r) => ({ validFrom: r.validFrom, spec: groupRulesSpec.parse(JSON.parse(r.spec)) }));
}

/** Every version of the group's rules, oldest first. */
export async function rulesVersions(db: Db, group: Organisation): Promise<GroupRules[]> {
  return (await adoptedRules(db, group)).map((r) => rulesFrom(r.spec, r.validFrom, currency(group.currency)));
}

/** Members of the group on a date, as the members domain keeps them. */
export { type MemberOnDate, membersOn } from "../people/index.js";

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

/** After any business date: the bound of "up to and including" when there is none. */
const LAST_DATE = "9999-12-31";

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
  const through = date ?? LAST_DATE;
  const totals = await accountTotals(db, group, through);
  const account = Object.fromEntries(
    (Object.entries(accounts) as Array<[ShgAccount, string]>).map(([role, id]) => [
      role,
      totals.get(id) ?? 0n,
    ]),
  ) as Record<ShgAccount, bigint>;
  const savings = new Map<string, bigint>();
  for (const [party, total] of await partyTotals(db, accounts.savings, through, members))
    savings.set(party, -total);
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

const OPEN_LOANS = prepared((db, a: OfGroup) =>
  db
    .selectFrom("internalLoans")
    .selectAll()
    .where("tenantId", "=", a.tenantId)
    .where("orgId", "=", a.orgId)
    .where("status", "=", "open")
    .orderBy("issuedOn")
    .orderBy("id"),
);

/** Open internal loans of the group with the repayments of posted meetings. */
export async function openLoansOf(db: Db, group: Organisation): Promise<OpenLoan[]> {
  const loans = await OPEN_LOANS.rows(db, ofGroup(group));
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

const REPAYMENTS = prepared((db, a: OfGroup & { loanIds: readonly string[] }) =>
  db
    .selectFrom("meetingLines as l")
    .innerJoin("meetings as m", "m.id", "l.meetingId")
    .select(["l.internalLoanId", "l.heldOn", "l.amount", "l.interest"])
    .where("l.tenantId", "=", a.tenantId)
    .where("l.orgId", "=", a.orgId)
    .where("l.kind", "=", "repayment")
    .where("m.status", "=", "posted")
    .where("l.internalLoanId", "in", a.loanIds)
    .orderBy("l.heldOn")
    .orderBy("m.seq")
    .orderBy("l.lineNo"),
);

/** Repayments of the given loans recorded at posted meetings, in date order. */
export async function repaymentsOf(
  db: Db,
  group: Organisation,
  loanIds: readonly string[],
): Promise<Map<string, InternalRepayment[]>> {
  const out = new Map<string, InternalRepayment[]>();
  if (loanIds.length === 0) return out;
  const rows = await REPAYMENTS.rows(db, { ...ofGroup(group), loanIds });
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

const LATEST_MEETING = prepared((db, a: OfGroup) =>
  db
    .selectFrom("meetings")
    .select(["id", "seq", "heldOn", "status", "entryId"])
    .where("tenantId", "=", a.tenantId)
    .where("orgId", "=", a.orgId)
    .where("status", "=", "posted")
    .orderBy("seq", "desc")
    .limit(1),
);

/** The group's latest posted meeting, or null. */
export async function latestMeeting(db: Db, group: Organisation): Promise<MeetingRow | null> {
  const row = await LATEST_MEETING.first(db, ofGroup(group));
  return row ? { ...row, status: row.status === "reversed" ? "reversed" : "posted" } : null;
}

const RECENT_MEETING_IDS = prepared((db, a: OfGroup & { limit: number }) =>
  db
    .selectFrom("meetings")
    .select("id")
    .where("tenantId", "=", a.tenantId)
    .where("orgId", "=", a.orgId)
    .orderBy("seq", "desc")
    .limit(a.limit),
);

/** The ids of the group's latest meetings, newest first, whatever became of them (reversed included). */
export async function recentMeetingIds(db: Db, group: Organisation, limit: number): Promise<string[]> {
  return (await RECENT_MEETING_IDS.rows(db, { ...ofGroup(group), limit })).map((r) => r.id);
}

const LAST_SEQ = prepared((db, a: OfGroup) =>
  db
    .selectFrom("meetings")
    .select(sql<number | null>`max(seq)`.as("seq"))
    .where("tenantId", "=", a.tenantId)
    .where("orgId", "=", a.orgId),
);

/** The next sequence number for a meeting of the group. */
export async function nextMeetingSeq(db: Db, group: Organisation): Promise<number> {
  const row = await LAST_SEQ.first(db, ofGroup(group));
  return Number(row?.seq ?? 0) + 1;
}
