// The meeting kit as the API gives it (GET /groups/{id}/meeting-kit): what a phone keeps of a group to
// prepare and check a meeting with no connection, loaded from the books the way the meeting draft and
// the meeting itself load them (meeting-draft-json.ts, commands.ts), so that core's kitDraft and
// checkMeetingOnKit, run on the phone, decide as the server does.

import type { Actor } from "@qadam/core/auth/actor";
import { businessDate } from "@qadam/core/clock";
import { nextMeetingDue } from "@qadam/core/groups/meeting-draft";
import type { MeetingKit } from "@qadam/core/groups/meeting-kit";
import { formatMoney, money } from "@qadam/core/money";
import type { Db } from "../platform/db/database.js";
import { collectableGroupLoans } from "./meeting-draft-json.js";
import {
  adoptedRules,
  findGroup,
  groupAccounts,
  groupBalances,
  latestMeeting,
  membersOn,
  openLoansOf,
  recentMeetingIds,
  rulesVersions,
} from "./store.js";

/** How many of the group's latest meetings the kit names: a phone keeps what it sent for far less. */
const KIT_MEETING_IDS = 100;

/** Errors: NOT_FOUND (a group she may not see), ORG_NOT_A_GROUP, BOOKS_NOT_OPEN. */
export async function meetingKit(db: Db, actor: Actor, groupId: string, now: Date): Promise<MeetingKit> {
  const group = await findGroup(db, actor, groupId);
  const today = businessDate(now, group.timeZone);
  const adopted = await adoptedRules(db, group);
  const versions = await rulesVersions(db, group);
  const latest = await latestMeeting(db, group);
  const next = nextMeetingDue(versions, latest?.heldOn ?? null, today, group.openedOn);
  const on = next ?? today;
  const accounts = await groupAccounts(db, group);
  const balances = await groupBalances(db, group, accounts, null, null);
  const m = (minor: bigint) => formatMoney(money(minor, group.currency));
  const members = await membersOn(db, group, on);
  const openLoans = await openLoansOf(db, group);
  const groupLoans = await collectableGroupLoans(db, actor, group, on);
  return {
    groupId: group.id,
    name: group.name,
    currency: group.currency,
    timeZone: group.timeZone,
    openedOn: group.openedOn,
    today,
    fetchedAt: now.toISOString(),
    latestMeeting: latest?.heldOn ?? null,
    meetingIds: await recentMeetingIds(db, group, KIT_MEETING_IDS),
    nextMeeting: next,
    rules: adopted.map((v) => ({ validFrom: v.validFrom, rules: v.spec })),
    members: members.map((x) => ({
      personId: x.personId,
      name: x.name,
      joinedOn: x.joinedOn,
      leftOn: x.leftOn,
      savings: m(balances.savings.get(x.personId) ?? 0n),
    })),
    cashBox: m(balances.account.cashBox),
    bank: m(balances.account.bank),
    socialFund: m(-balances.account.socialFund),
    externalLoans: m(-balances.account.externalLoans),
    openLoans: openLoans.map((l) => ({
      id: l.id,
      personId: l.personId,
      principal: m(l.terms.principal),
      monthlyRate: l.terms.monthlyRate.toString(),
      method: l.terms.method,
      termMonths: l.terms.termMonths,
      issuedOn: l.terms.issuedOn,
      repayments: l.repayments.map((r) => ({ on: r.on, interest: m(r.interest), principal: m(r.principal) })),
    })),
    groupLoans: groupLoans.map((l) => ({
      loanId: l.loanId,
      penaltyPending: m(l.penaltyPending),
      allocationOrder: l.allocationOrder,
      installments: l.installments.map((i) => ({
        number: i.number,
        dueOn: i.dueOn,
        owed: m(i.owed),
        principal: m(i.outstanding.principal),
        interest: m(i.outstanding.interest),
        fee: m(i.outstanding.fee),
        penalty: m(i.outstanding.penalty),
      })),
    })),
  };
}
