// The end of a savings cycle: the share-out previewed, then committed. The cycle runs from the day
// after the group's last share-out (or its first rules) to the closing date. What is shared is the
// group's net worth on that date (shareout.ts: groupNetWorth): cash box and bank, internal loans
// outstanding and the interest due on them, less the social fund (kept in its own box, never shared)
// and what the group owes outside: the principal (and penalties charged) its books hold, and the
// interest, fees and penalties accrued to the date on its loans from the federation or the MFO
// (loans' groupDebtChargesOn: a payoff quote of that date, whoever reads it). Each member's claim is
// her share of it by the rules' method. The cash paid now is the loan-fund cash less all those debts
// (they are covered first), at most the net worth, divided in proportion to the claims; internal
// loans must be repaid first or carried over explicitly, and then what a member is not paid in cash
// stays hers as opening savings of the next cycle. Σ cash paid + Σ carried over = Σ claims = net
// worth, to the minor unit.
// The commit, in one journal entry: the cycle's income and expenses closed into retained earnings;
// the interest due moved from next cycle's interest income into this cycle's result (it is shared now,
// so its collection later only settles it), and likewise the outside interest owed moved into this
// cycle's result from the next one's interest on external loans (fees and penalties not yet charged:
// from its expenses), so paying it later only settles it; each member's savings closed, her claim's
// profit or loss from retained earnings, the carried-over part credited back to her savings; the cash
// paid out.

import type { Actor } from "@qadam/core/auth/actor";
import { assertCan } from "@qadam/core/auth/actor";
import { addDays, businessDate } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import { internalLoanOn } from "@qadam/core/groups/internal-loans";
import type { ShgAccount } from "@qadam/core/groups/meeting";
import { rulesOn } from "@qadam/core/groups/rules";
import {
  cashForClaims,
  groupNetWorth,
  payInCash,
  type ShareoutMethod,
  shareOut,
} from "@qadam/core/groups/shareout";
import { type Money, money } from "@qadam/core/money";
import type { Organisation } from "@qadam/core/orgs/types";
import { describeEntry, postEntry } from "../books/index.js";
import { groupDebtChargesOn } from "../loans/index.js";
import { personNames } from "../people/index.js";
import type { CommandContext } from "../platform/commands.js";
import { isUniqueViolation } from "../platform/db/constraint-errors.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import {
  findGroup,
  groupAccounts,
  groupBalances,
  latestMeeting,
  openLoansOf,
  rulesVersions,
} from "./store.js";

export interface ShareoutPreview {
  groupId: string;
  method: ShareoutMethod;
  sharedAs: ShareoutMethod;
  cycleFrom: string;
  closesOn: string;
  currency: string;
  /** The value shared: the group's net worth on closesOn (= Σ claims). */
  distributable: bigint;
  /** Loan-fund cash: the cash box and the bank. */
  cash: bigint;
  /** Kept by the group: not shared out. */
  socialFund: bigint;
  /** Internal loans still open (carried over when the cycle closes with carryOverLoans). */
  openLoans: number;
  loansOutstanding: bigint;
  /** Interest charged on the open internal loans and not yet paid. */
  interestDue: bigint;
  /** What the group owes outside (federation, MFO and other loans), as its books hold it. */
  owed: bigint;
  /**
   * Interest, fees and penalties not yet charged that the group owes on its loans from the federation
   * or the MFO on closesOn (a payoff of that date would ask them), beyond `owed`.
   */
  owedInterest: bigint;
  /** Paid in cash now, all members together. */
  cashNow: bigint;
  /** Left in the group as opening savings of the next cycle, all members together. */
  carriedOver: bigint;
  members: ShareoutMemberLine[];
}

export interface ShareoutMemberLine {
  personId: string;
  name: string;
  savings: bigint;
  /** payout − savings. */
  profit: bigint;
  /** Her claim on the net worth: cashNow + carriedOver. */
  payout: bigint;
  cashNow: bigint;
  carriedOver: bigint;
}

const SAVING_KINDS: Record<string, 1n | -1n> = { savings: 1n, voluntarySavings: 1n, withdrawal: -1n };
const RESULT_ACCOUNTS: readonly ShgAccount[] = [
  "interest",
  "fines",
  "otherIncome",
  "expenses",
  "externalInterest",
];

/** The day the current cycle began: after the last share-out, or the group's first rules. */
async function cycleStart(db: Db, group: Organisation): Promise<string> {
  const last = await db
    .selectFrom("shareouts")
    .select("closedOn")
    .where("tenantId", "=", group.tenantId)
    .where("orgId", "=", group.id)
    .orderBy("closedOn", "desc")
    .limit(1)
    .executeTakeFirst();
  if (last) return addDays(last.closedOn, 1);
  const versions = await rulesVersions(db, group);
  return versions[0]?.validFrom ?? group.openedOn;
}

async function computeShareout(db: Db, group: Organisation, on: string) {
  const versions = await rulesVersions(db, group);
  const rules = rulesOn(versions, on);
  if (!rules) throw new DomainError("MEETING_NO_RULES", { name: group.name, date: on });
  const cycleFrom = await cycleStart(db, group);
  if (on < cycleFrom) throw new DomainError("PERIOD_INVALID", { from: cycleFrom, to: on });
  const latest = await latestMeeting(db, group);
  if (latest && latest.heldOn > on)
    throw new DomainError("MEETING_DATE_ORDER", { date: on, latest: latest.heldOn });
  const accounts = await groupAccounts(db, group);
  const balances = await groupBalances(db, group, accounts, on);
  const lines = await db
    .selectFrom("meetingLines as l")
    .innerJoin("meetings as m", "m.id", "l.meetingId")
    .select(["l.personId", "l.kind", "l.heldOn", "l.amount"])
    .where("l.tenantId", "=", group.tenantId)
    .where("l.orgId", "=", group.id)
    .where("m.status", "=", "posted")
    .where("l.kind", "in", Object.keys(SAVING_KINDS))
    .where("l.heldOn", ">=", cycleFrom)
    .where("l.heldOn", "<=", on)
    .orderBy("l.heldOn")
    .execute();
  const movements = new Map<string, Array<{ on: string; minor: bigint }>>();
  for (const l of lines) {
    if (!l.personId) continue;
    const list = movements.get(l.personId) ?? [];
    list.push({ on: l.heldOn, minor: (SAVING_KINDS[l.kind] ?? 0n) * toBigInt(l.amount) });
    movements.set(l.personId, list);
  }
  // Savings carried into this cycle (none after a share-out) count as saved on its first day.
  for (const [personId, held] of balances.savings) {
    const inCycle = (movements.get(personId) ?? []).reduce((s, m) => s + m.minor, 0n);
    if (held !== inCycle)
      movements.set(personId, [{ on: cycleFrom, minor: held - inCycle }, ...(movements.get(personId) ?? [])]);
  }
  const open = (await openLoansOf(db, group)).filter((l) => l.terms.issuedOn <= on);
  let interestDue = 0n;
  for (const loan of open) interestDue += internalLoanOn(loan.terms, loan.repayments, on).interestOwed;
  const a = balances.account;
  // The books hold the principal and the penalties charged (external loans, a credit balance); not the
  // interest and fees accrued to the date, nor the penalties accrued and not yet charged.
  const outside = await groupDebtChargesOn(db, group, on);
  const parts = {
    cash: a.cashBox + a.bank,
    socialFundCash: a.socialFundCash,
    loansOutstanding: a.loansToMembers,
    interestDue,
    socialFund: -a.socialFund,
    owed: -a.externalLoans,
    owedInterest: outside.interest + outside.fee + outside.penaltyPending,
  };
  const netWorth = groupNetWorth(parts);
  const members = [...movements.entries()].map(([personId, list]) => ({ personId, movements: list }));
  if (members.length === 0 || members.every((m) => m.movements.reduce((s, x) => s + x.minor, 0n) === 0n))
    throw new DomainError("SHAREOUT_NOTHING_SAVED");
  const result = shareOut({ method: rules.cycle.shareout, distributable: netWorth, closesOn: on, members });
  // The group's debts are covered from its cash first; the rest of the cash is paid against the claims.
  const paid = payInCash(result, cashForClaims(parts));
  const names = await namesOf(
    db,
    group,
    result.members.map((m) => m.personId),
  );
  const preview: ShareoutPreview = {
    groupId: group.id,
    method: result.method,
    sharedAs: result.sharedAs,
    cycleFrom,
    closesOn: on,
    currency: group.currency,
    distributable: netWorth,
    cash: a.cashBox + a.bank,
    socialFund: -a.socialFund,
    openLoans: open.length,
    loansOutstanding: a.loansToMembers,
    interestDue,
    owed: parts.owed,
    owedInterest: parts.owedInterest,
    cashNow: paid.reduce((s, p) => s + p.cash, 0n),
    carriedOver: paid.reduce((s, p) => s + p.carried, 0n),
    members: result.members.map((m, i) => ({
      ...m,
      name: names.get(m.personId) ?? "",
      cashNow: paid[i]?.cash ?? 0n,
      carriedOver: paid[i]?.carried ?? 0n,
    })),
  };
  return { preview, accounts, balances, outside };
}

function formatted(minor: bigint, group: Organisation): Money {
  return money(minor, group.currency);
}

function namesOf(db: Db, group: Organisation, ids: readonly string[]): Promise<Map<string, string>> {
  return personNames(db, group.tenantId, ids);
}

/** What the share-out would pay on `on` (default: the group's business date today), nothing written. */
export async function previewShareout(
  db: Db,
  actor: Actor,
  groupId: string,
  on: string,
): Promise<ShareoutPreview> {
  const group = await findGroup(db, actor, groupId);
  return (await computeShareout(db, group, on)).preview;
}

/**
 * Closes the cycle on `on` and pays the share-out. Errors: SHAREOUT_LOANS_OPEN (unless carryOverLoans),
 * SHAREOUT_NOTHING_SAVED, SHAREOUT_NET_WORTH_NEGATIVE, MEETING_NO_RULES, MEETING_DATE_ORDER,
 * MEETING_DATE_IN_FUTURE, PERIOD_INVALID, CONCURRENT_UPDATE (two closings of the same day).
 */
export async function closeCycle(
  trx: Db,
  ctx: CommandContext,
  groupId: string,
  input: { on: string; carryOverLoans: boolean },
): Promise<ShareoutPreview & { shareoutId: string }> {
  const group = await findGroup(trx, ctx.actor, groupId);
  assertCan(ctx.actor, "meetings.write", group.path, "group");
  if (input.on > businessDate(new Date(ctx.now), group.timeZone))
    throw new DomainError("MEETING_DATE_IN_FUTURE", { date: input.on });
  const { preview, accounts, balances, outside } = await computeShareout(trx, group, input.on);
  if (preview.openLoans > 0 && !input.carryOverLoans)
    throw new DomainError("SHAREOUT_LOANS_OPEN", { count: preview.openLoans });
  if (preview.distributable < 0n)
    throw new DomainError("SHAREOUT_NET_WORTH_NEGATIVE", {
      worth: formatted(preview.distributable, group),
      debts: formatted(preview.owed + preview.owedInterest, group),
    });
  const cur = group.currency;
  const lines: Array<{ account: string; amount: ReturnType<typeof money>; memo: string; party?: string }> =
    [];
  // 1. The cycle's result into retained earnings.
  let result = 0n;
  for (const role of RESULT_ACCOUNTS) {
    const b = balances.account[role];
    if (b === 0n) continue;
    lines.push({ account: accounts[role], amount: money(-b, cur), memo: "cycle closed" });
    result += b;
  }
  if (result !== 0n)
    lines.push({ account: accounts.retainedEarnings, amount: money(result, cur), memo: "cycle closed" });
  // The interest due on loans carried over is this cycle's income, shared now: next cycle's interest
  // income starts with it as a debit, which its collection then settles.
  if (preview.interestDue !== 0n) {
    const memo = "interest due on loans carried over, shared in this cycle";
    lines.push({ account: accounts.interest, amount: money(preview.interestDue, cur), memo });
    lines.push({ account: accounts.retainedEarnings, amount: money(-preview.interestDue, cur), memo });
  }
  // The outside interest owed is this cycle's expense, shared (deducted) now: next cycle's interest on
  // external loans starts with it as a credit, which paying it then settles. Fees and penalties not yet
  // charged go where the lender's entries will book them in the group's books, its expenses.
  const outsideExpenses: Array<[ShgAccount, bigint, string]> = [
    ["externalInterest", outside.interest, "interest owed on external loans, shared in this cycle"],
    [
      "expenses",
      outside.fee + outside.penaltyPending,
      "fees and penalties owed on external loans, shared in this cycle",
    ],
  ];
  for (const [role, minor, memo] of outsideExpenses) {
    if (minor === 0n) continue;
    lines.push({ account: accounts[role], amount: money(-minor, cur), memo });
    lines.push({ account: accounts.retainedEarnings, amount: money(minor, cur), memo });
  }
  // 2. Each member: her savings closed, her share of the profit (or loss) from retained earnings, and
  // what she is not paid in cash back to her savings as the next cycle's opening balance.
  let paid = 0n;
  for (const m of preview.members) {
    if (m.savings !== 0n)
      lines.push({
        account: accounts.savings,
        amount: money(m.savings, cur),
        memo: "share-out",
        party: m.personId,
      });
    const fromEquity = m.payout - m.savings;
    if (fromEquity !== 0n)
      lines.push({
        account: accounts.retainedEarnings,
        amount: money(fromEquity, cur),
        memo: "share-out",
        party: m.personId,
      });
    if (m.carriedOver !== 0n)
      lines.push({
        account: accounts.savings,
        amount: money(-m.carriedOver, cur),
        memo: "share-out: carried over as opening savings",
        party: m.personId,
      });
    paid += m.cashNow;
  }
  // 3. Paid from the cash box first, then the bank.
  const fromBox =
    paid < balances.account.cashBox ? paid : balances.account.cashBox > 0n ? balances.account.cashBox : 0n;
  if (fromBox > 0n)
    lines.push({ account: accounts.cashBox, amount: money(-fromBox, cur), memo: "share-out" });
  if (paid - fromBox > 0n)
    lines.push({ account: accounts.bank, amount: money(-(paid - fromBox), cur), memo: "share-out" });

  const shareoutId = ctx.ids.next();
  const entry = await postEntry(trx, ctx, group, {
    businessDate: input.on,
    description: await describeEntry(trx, ctx, {
      key: "shareOut",
      params: { from: preview.cycleFrom, to: input.on },
    }),
    cause: { type: "shareout", id: shareoutId },
    lines,
  });
  try {
    await trx
      .insertInto("shareouts")
      .values({
        id: shareoutId,
        tenantId: group.tenantId,
        orgId: group.id,
        cycleFrom: preview.cycleFrom,
        closedOn: input.on,
        method: preview.method,
        sharedAs: preview.sharedAs,
        distributable: preview.distributable.toString(),
        entryId: entry.id,
        recordedAt: ctx.now,
        recordedBy: ctx.actor.userId,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONCURRENT_UPDATE");
    throw error;
  }
  await trx
    .insertInto("shareoutLines")
    .values(
      preview.members.map((m) => ({
        tenantId: group.tenantId,
        shareoutId,
        personId: m.personId,
        savings: m.savings.toString(),
        payout: m.payout.toString(),
        carriedOver: m.carriedOver.toString(),
      })),
    )
    .execute();
  ctx.touched("shareout", shareoutId);
  return { ...preview, shareoutId };
}
