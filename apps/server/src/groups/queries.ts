// What a group's records show: a member's passbook (her savings, loans, fines and social-fund lines,
// meeting by meeting, with running balances), the group's meetings and the ones it missed.

import type { Actor } from "@qadam/core/auth/actor";
import { addDays, businessDate, daysBetween } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import { addMonths } from "@qadam/core/groups/internal-loans";
import { type MeetingRegularity, missedMeetings } from "@qadam/core/groups/meeting-calendar";
import { isUuid } from "@qadam/core/ids";
import { checkDate } from "@qadam/core/orgs/values";
import { everMember } from "../people/index.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { findGroup, groupAccounts, groupBalances, rulesVersions } from "./store.js";

export interface PassbookLine {
  heldOn: string;
  meetingId: string;
  lineNo: number;
  kind: string;
  amount: bigint;
  interest: bigint | null;
  loanId: string | null;
  detail: string | null;
  /** Savings after this line. */
  savings: bigint;
  /** Principal she owes the group after this line, all loans together. */
  loans: bigint;
}

export interface Passbook {
  groupId: string;
  personId: string;
  currency: string;
  lines: PassbookLine[];
  savings: bigint;
  loans: bigint;
  finesPaid: bigint;
  socialContributions: bigint;
  socialPayouts: bigint;
  /** Her savings as the group's journal holds them; always equal to `savings`. */
  savingsInJournal: bigint;
}

const SAVING_SIGN: Record<string, 1n | -1n | 0n> = {
  savings: 1n,
  voluntarySavings: 1n,
  withdrawal: -1n,
  shareoutPayout: -1n,
  shareoutCarriedOver: 1n,
};

/** A member's passbook from the posted meetings of the group (NOT_FOUND if she never belonged to it). */
export async function passbook(db: Db, actor: Actor, groupId: string, personId: string): Promise<Passbook> {
  const group = await findGroup(db, actor, groupId);
  if (!isUuid(personId)) throw new DomainError("NOT_FOUND", { entity: "membership" });
  if (!(await everMember(db, group, personId))) throw new DomainError("NOT_FOUND", { entity: "membership" });
  const rows = await db
    .selectFrom("meetingLines as l")
    .innerJoin("meetings as m", "m.id", "l.meetingId")
    .select([
      "l.heldOn",
      "l.meetingId",
      "l.lineNo",
      "l.kind",
      "l.amount",
      "l.interest",
      "l.internalLoanId",
      "l.detail",
    ])
    .where("l.tenantId", "=", group.tenantId)
    .where("l.orgId", "=", group.id)
    .where("l.personId", "=", personId)
    .where("m.status", "=", "posted")
    .orderBy("l.heldOn")
    .orderBy("m.seq")
    .orderBy("l.lineNo")
    .execute();
  const shareouts = await db
    .selectFrom("shareoutLines as s")
    .innerJoin("shareouts as o", "o.id", "s.shareoutId")
    .select(["o.id", "o.closedOn", "s.savings", "s.payout", "s.carriedOver"])
    .where("o.orgId", "=", group.id)
    .where("s.personId", "=", personId)
    .execute();
  let savings = 0n;
  let loans = 0n;
  let finesPaid = 0n;
  let socialContributions = 0n;
  let socialPayouts = 0n;
  const lines: PassbookLine[] = [];
  const all = [
    ...rows.map((r) => ({
      ...r,
      amount: toBigInt(r.amount),
      interest: r.interest === null ? null : toBigInt(r.interest),
    })),
    // A share-out closes her savings (detail: her claim and the cash paid); what she was not paid in
    // cash comes back as her opening savings of the next cycle.
    ...shareouts.flatMap((s) => {
      const claim = toBigInt(s.payout);
      const carried = toBigInt(s.carriedOver);
      const closed = {
        heldOn: s.closedOn,
        meetingId: s.id,
        lineNo: 0,
        kind: "shareoutPayout",
        amount: toBigInt(s.savings),
        interest: null,
        internalLoanId: null,
        detail: `payout ${claim}; cash ${claim - carried}; carried over ${carried}`,
      };
      if (carried === 0n) return [closed];
      return [
        closed,
        { ...closed, lineNo: 1, kind: "shareoutCarriedOver", amount: carried, detail: "opening savings" },
      ];
    }),
  ].sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0));
  for (const r of all) {
    savings += (SAVING_SIGN[r.kind] ?? 0n) * r.amount;
    if (r.kind === "loan") loans += r.amount;
    if (r.kind === "repayment") loans -= r.amount - (r.interest ?? 0n);
    if (r.kind === "fine") finesPaid += r.amount;
    if (r.kind === "socialContribution") socialContributions += r.amount;
    if (r.kind === "socialPayout") socialPayouts += r.amount;
    lines.push({
      heldOn: r.heldOn,
      meetingId: r.meetingId,
      lineNo: r.lineNo,
      kind: r.kind,
      amount: r.amount,
      interest: r.interest,
      loanId: r.internalLoanId,
      detail: r.detail,
      savings,
      loans,
    });
  }
  const balances = await groupBalances(db, group, await groupAccounts(db, group));
  return {
    groupId: group.id,
    personId,
    currency: group.currency,
    lines,
    savings,
    loans,
    finesPaid,
    socialContributions,
    socialPayouts,
    savingsInJournal: balances.savings.get(personId) ?? 0n,
  };
}

/** The longest period the missed-meetings report covers at once. */
const MAX_REGULARITY_DAYS = 3_660;

/**
 * Meetings the rules expected over a period, the ones held, and the ones missed; the period defaults
 * to the six months up to today in the group's time zone. Errors: INVALID_DATE, PERIOD_INVALID,
 * VALIDATION_FAILED (a period over ten years).
 */
export async function meetingRegularity(
  db: Db,
  actor: Actor,
  groupId: string,
  period: { from?: string | undefined; to?: string | undefined },
  now: Date,
): Promise<{ groupId: string; from: string; to: string } & MeetingRegularity> {
  const group = await findGroup(db, actor, groupId);
  const to = checkDate(period.to ?? businessDate(now, group.timeZone));
  const from = checkDate(period.from ?? addDays(addMonths(to, -6), 1));
  if (from > to) throw new DomainError("PERIOD_INVALID", { from, to });
  if (daysBetween(from, to) > MAX_REGULARITY_DAYS)
    throw new DomainError("VALIDATION_FAILED", { details: "the period may be at most ten years" });
  const held = await db
    .selectFrom("meetings")
    .select("heldOn")
    .where("tenantId", "=", group.tenantId)
    .where("orgId", "=", group.id)
    .where("status", "=", "posted")
    .where("heldOn", ">=", from)
    .where("heldOn", "<=", to)
    .orderBy("heldOn")
    .execute();
  const report = missedMeetings(
    await rulesVersions(db, group),
    held.map((h) => h.heldOn),
    from,
    to,
  );
  return { groupId: group.id, from, to, ...report };
}
