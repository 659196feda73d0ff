// The meeting draft as the API and the command line give it: the group's state loaded from the books
// (rules in force, members, cash box, open internal loans, loans from the federation or the MFO that the
// actor may see, as collecting them needs), the draft made by meeting-draft.ts, and its JSON: `meeting`
// is the body of POST /groups/{id}/meetings.

import type { Actor } from "@qadam/core/auth/actor";
import { businessDate } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import type { MeetingDraftDto } from "@qadam/core/groups/contract";
import { draftMeeting, type MeetingDraft, nextMeetingDue } from "@qadam/core/groups/meeting-draft";
import { meetingInputJsonOf } from "@qadam/core/groups/meeting-input";
import { rulesOn } from "@qadam/core/groups/rules";
import type { AllocationOrder, Owed } from "@qadam/core/loans/allocation";
import { owedOf } from "@qadam/core/loans/engine";
import { formatMoney, money } from "@qadam/core/money";
import { checkDate } from "@qadam/core/orgs/values";
import { activeLoansOf, liveInstallments, loadLoan, loanArrears } from "../loans/index.js";
import type { Db } from "../platform/db/database.js";
import {
  findGroup,
  groupAccounts,
  groupBalances,
  latestMeeting,
  membersOn,
  openLoansOf,
  rulesVersions,
} from "./store.js";

/**
 * The meeting of `on` (default: the next one the rules expect, see nextMeetingDue) prefilled from the
 * rules and the books. Errors: NOT_FOUND, ORG_NOT_A_GROUP, BOOKS_NOT_OPEN, INVALID_DATE,
 * MEETING_NO_RULES, MEETING_DATE_ORDER (`on` before the latest meeting).
 */
export async function meetingDraft(
  db: Db,
  actor: Actor,
  groupId: string,
  on: string | null,
  now: Date,
): Promise<MeetingDraft & { groupId: string; currency: string }> {
  const group = await findGroup(db, actor, groupId);
  const today = businessDate(now, group.timeZone);
  const versions = await rulesVersions(db, group);
  const latest = await latestMeeting(db, group);
  const heldOn =
    on === null ? nextMeetingDue(versions, latest?.heldOn ?? null, today, group.openedOn) : checkDate(on);
  const rules = heldOn === null ? null : rulesOn(versions, heldOn);
  if (heldOn === null || rules === null)
    throw new DomainError("MEETING_NO_RULES", { name: group.name, date: heldOn ?? today });
  if (latest && heldOn < latest.heldOn)
    throw new DomainError("MEETING_DATE_ORDER", { date: heldOn, latest: latest.heldOn });
  const accounts = await groupAccounts(db, group);
  const balances = await groupBalances(db, group, accounts, null, []);
  const groupLoans = (await collectableGroupLoans(db, actor, group, heldOn)).map((l) => ({
    loanId: l.loanId,
    due: l.installments.reduce((s, i) => (i.dueOn <= heldOn ? s + i.owed : s), l.penaltyPending),
  }));
  const draft = draftMeeting({
    heldOn,
    previousMeeting: latest?.heldOn ?? null,
    rules,
    members: await membersOn(db, group, heldOn),
    cashBox: balances.account.cashBox,
    openLoans: await openLoansOf(db, group),
    groupLoans,
  });
  return { ...draft, groupId: group.id, currency: group.currency };
}

/** A loan of the federation or the MFO to the group that the actor may collect at a meeting. */
export interface CollectableLoan {
  loanId: string;
  /** The penalties the engine will charge on its installments by `on`. */
  penaltyPending: bigint;
  /** The order the loan's product pays an installment's parts in. */
  allocationOrder: AllocationOrder;
  /** Each installment not fully paid, with what it still owes in all and by part. */
  installments: Array<{ number: number; dueOn: string; owed: bigint; outstanding: Owed["outstanding"] }>;
}

/**
 * The group's active loans from the federation or the MFO on `on`, as a meeting collects them: through
 * the loan engine in the actor's name, so a loan she may not see is left out.
 */
export async function collectableGroupLoans(
  db: Db,
  actor: Actor,
  group: { tenantId: string; id: string },
  on: string,
): Promise<CollectableLoan[]> {
  const out: CollectableLoan[] = [];
  for (const id of await activeLoansOf(db, group.tenantId, { type: "group", id: group.id }, on)) {
    const loan = await loadLoan(db, actor, id).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === "NOT_FOUND") return null;
      throw error;
    });
    if (loan === null) continue;
    const installments = owedOf(await liveInstallments(db, id))
      .map((i) => ({
        number: i.number,
        dueOn: i.dueDate,
        owed: i.outstanding.principal + i.outstanding.interest + i.outstanding.fee + i.outstanding.penalty,
        outstanding: i.outstanding,
      }))
      .filter((i) => i.owed > 0n);
    out.push({
      loanId: id,
      penaltyPending: (await loanArrears(db, loan, on)).penaltyPending,
      allocationOrder: loan.product.allocationOrder,
      installments,
    });
  }
  return out;
}

export type { MeetingDraftDto } from "@qadam/core/groups/contract";

export function meetingDraftDto(d: MeetingDraft & { groupId: string; currency: string }): MeetingDraftDto {
  const m = (minor: bigint) => formatMoney(money(minor, d.currency));
  return {
    groupId: d.groupId,
    currency: d.currency,
    heldOn: d.input.heldOn,
    meeting: meetingInputJsonOf(d.input, d.currency),
    cashBefore: m(d.cashBefore),
    members: d.members.map((x) => ({
      personId: x.personId,
      name: x.name,
      savings: m(x.savings),
      socialContribution: m(x.socialContribution),
      fines: m(x.fines),
      loans: x.loans.map((l) => ({
        loanId: l.loanId,
        principal: m(l.principal),
        interest: m(l.interest),
        daysLate: l.daysLate,
      })),
    })),
    groupLoans: d.groupLoans.map((l) => ({ loanId: l.loanId, due: m(l.due), amount: m(l.amount) })),
  };
}
