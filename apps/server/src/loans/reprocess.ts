// Re-processing a loan by value date, inside the command's transaction: its whole history is replayed
// (replay.ts) with a back-dated event added or a repayment taken out; every stored transaction whose
// effect differs is reversed (a reversing journal entry and negative allocations) and posted again,
// penalties included, and the installments are written as the replay left them. Journal entries are
// never changed: a correction carries the later of the event's value date and the correction's date.

import { DomainError } from "@qadam/core/errors";
import type { Allocation } from "@qadam/core/loans/allocation";
import { arrearsSince, type InstallmentState, principalOutstanding } from "@qadam/core/loans/engine";
import type { PlanAllocation } from "@qadam/core/loans/processing";
import { productFrom } from "@qadam/core/loans/product-spec";
import { type ReplayEvent, type ReplayedEvent, replayLoan, type StoredPlan } from "@qadam/core/loans/replay";
import { ScheduleTermsError } from "@qadam/core/loans/schedule";
import { disbursedState, isDisbursed } from "@qadam/core/loans/state";
import { money } from "@qadam/core/money";
import { describeEntry, reverseEntry } from "../books/index.js";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { mirrorToBorrowingGroup } from "./borrower-books.js";
import { penaltyLines, post } from "./postings.js";
import {
  type BackdatedEvent,
  isPenaltyRun,
  later,
  linesOf,
  paidOnly,
  penaltyTerms,
  postEvent,
  rescheduleTerms,
  type StoredTx,
} from "./replay-postings.js";
import {
  allInstallments,
  enterState,
  insertInstallments,
  insertTransaction,
  type LoanRecord,
  saveLoan,
  tenantCalendar,
  updateInstallments,
} from "./store.js";

export interface Reprocessed {
  /** The added event's transaction and what it paid. */
  added: { transactionId: string; allocations: Allocation[]; advance: bigint } | null;
  /** The reversal transactions written. */
  reversed: string[];
  /** The transactions posted again with their new effect. */
  reposted: string[];
}

/** Whether an event dated `on` comes before something already recorded, so the history must be replayed. */
export function isBackdated(loan: LoanRecord, on: string): boolean {
  return (
    (loan.penaltyThrough !== null && on < loan.penaltyThrough) ||
    (loan.lastActivityOn !== null && on < loan.lastActivityOn)
  );
}

const REPLAYED_KINDS = new Set(["repayment", "prepayment", "reschedule", "write_off"]);

const canonical = (list: readonly PlanAllocation[]) =>
  list
    .filter((a) => a.minor !== 0n)
    .map((a) => `${a.plan}/${a.number}/${a.component}/${a.minor}`)
    .sort()
    .join(",");

/**
 * Replays the loan's history with `change` (a back-dated event added, or a repayment taken out),
 * reverses and re-posts what differs, and saves the loan. `on` is the date of the correction.
 */
export async function reprocess(
  trx: Db,
  ctx: CommandContext,
  loan: LoanRecord,
  /** `reason`: why a reversal was asked for; null when a back-dated event caused the replay. */
  change: { add?: BackdatedEvent; remove?: string; on: string; reason: string | null },
): Promise<Reprocessed> {
  const { state } = loan;
  if (!isDisbursed(state)) throw new DomainError("LOAN_WRONG_STATUS", { status: state.status });
  const { disbursedOn } = state;
  const txRows = await trx
    .selectFrom("loanTransactions")
    .select([
      "id",
      "seq",
      "kind",
      "valueDate",
      "amount",
      "advance",
      "entryId",
      "reversesId",
      "channel",
      "note",
      "terms",
    ])
    .where("loanId", "=", loan.id)
    .orderBy("seq")
    .execute();
  const allocationRows = await trx
    .selectFrom("loanAllocations")
    .select(["transactionId", "plan", "number", "component", "amount"])
    .where("loanId", "=", loan.id)
    .execute();
  const stored = (await allInstallments(trx, [loan.id])).get(loan.id) ?? [];
  const reversedIds = new Set(txRows.map((t) => t.reversesId).filter((x): x is string => x !== null));
  const allocationsOf = new Map<string, PlanAllocation[]>();
  for (const a of allocationRows) {
    const list = allocationsOf.get(a.transactionId) ?? [];
    list.push({
      plan: a.plan,
      number: a.number,
      component: a.component as PlanAllocation["component"],
      minor: toBigInt(a.amount),
    });
    allocationsOf.set(a.transactionId, list);
  }
  const active: StoredTx[] = txRows
    .filter((t) => t.kind !== "reversal" && !reversedIds.has(t.id))
    .map((t) => ({
      id: t.id,
      seq: t.seq,
      kind: t.kind,
      valueDate: t.valueDate,
      amount: toBigInt(t.amount),
      advance: toBigInt(t.advance),
      entryId: t.entryId,
      channel: t.channel,
      note: t.note,
      terms: t.terms,
      allocations: allocationsOf.get(t.id) ?? [],
    }));

  // The stored plans after the first, by number.
  const byPlan = new Map<number, InstallmentState[]>();
  for (const i of stored) byPlan.set(i.plan, [...(byPlan.get(i.plan) ?? []), i]);
  const storedPlans: StoredPlan[] = [...byPlan.entries()]
    .filter(([plan]) => plan !== 1)
    .map(([plan, rows]) => ({ plan, plannedOn: rows[0]?.plannedOn ?? "", rows }));
  const claimed = new Set<number>();

  // The events to replay, in the order they were recorded.
  const events: ReplayEvent[] = [];
  /** The first rate a reschedule changed, by value date: the loan's rate before is the history's start. */
  let firstRateChange: { on: string; prior: string } | null = null;
  for (const t of active) {
    if (!REPLAYED_KINDS.has(t.kind) || t.id === change.remove) continue;
    const base = { key: t.id, on: t.valueDate };
    if (t.kind === "repayment" || t.kind === "prepayment")
      events.push({ ...base, kind: t.kind, amount: t.amount });
    else if (t.kind === "write_off") events.push({ ...base, kind: "write_off" });
    else {
      const terms = rescheduleTerms(t, storedPlans, claimed);
      if (terms.annualRatePercent && (firstRateChange === null || t.valueDate < firstRateChange.on))
        firstRateChange = { on: t.valueDate, prior: terms.priorRatePercent };
      events.push({ ...base, kind: "reschedule", ...terms });
    }
  }
  const add = change.add;
  if (add) {
    const base = { key: "", on: add.on };
    if (add.kind === "reschedule") events.push({ ...base, ...add });
    else events.push({ ...base, kind: add.kind, amount: add.amount });
  }

  const priorRate = firstRateChange?.prior ?? null;
  // The dates of penalty runs (a penalty recorded before migration 0011 counts as one).
  const runs = new Set(
    active.filter((t) => t.kind === "penalty" && isPenaltyRun(t.terms)).map((t) => t.valueDate),
  );
  const spec = priorRate === null ? loan.spec : { ...loan.spec, annualRatePercent: priorRate };
  /** The rate in force on a date of the history (before the events added). */
  const rateOn = (date: string): string => {
    let rate = spec.annualRatePercent;
    for (const e of [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)))
      if (e.kind === "reschedule" && e.key !== "" && e.on <= date && e.annualRatePercent)
        rate = e.annualRatePercent;
    return rate;
  };
  const penaltyThrough = later(loan.penaltyThrough ?? disbursedOn, add?.on ?? disbursedOn);
  let replayed: ReturnType<typeof replayLoan>;
  try {
    replayed = replayLoan(
      {
        spec,
        product: priorRate === null ? loan.product : productFrom(spec),
        currency: loan.currency,
        calendar: await tenantCalendar(trx, loan.tenantId),
        principal: loan.principal,
        disbursedOn,
        schedule: stored.filter((i) => i.plan === 1),
        storedPlans,
        nextPlan: Math.max(loan.plan, ...stored.map((i) => i.plan)) + 1,
        penaltyRuns: [...runs],
        penaltyThrough,
      },
      events,
    );
  } catch (error) {
    if (error instanceof ScheduleTermsError || error instanceof RangeError)
      throw new DomainError("SCHEDULE_TERMS_INVALID", { details: error.message });
    throw error;
  }

  const added = replayed.events.find((e) => e.key === "");
  if (add && added && add.kind !== "reschedule" && add.refuse && added.advance > 0n)
    throw new DomainError("LOAN_OVERPAYMENT", {
      amount: money(added.advance, loan.currency),
      owed: money(added.amount - added.advance, loan.currency),
    });

  // What differs: events, and the penalties charged on each date.
  const replayedByKey = new Map(replayed.events.map((e) => [e.key, e]));
  const toReverse: StoredTx[] = [];
  const toRepost = new Map<string, StoredTx>();
  for (const t of active) {
    if (!REPLAYED_KINDS.has(t.kind)) continue;
    const r = replayedByKey.get(t.id);
    if (r && !differs(t, r)) continue;
    toReverse.push(t);
    if (r) toRepost.set(t.id, t);
  }
  const storedCharges = new Map<string, StoredTx[]>();
  for (const t of active.filter((x) => x.kind === "penalty"))
    storedCharges.set(t.valueDate, [...(storedCharges.get(t.valueDate) ?? []), t]);
  const newCharges = new Map(replayed.charges.map((c) => [c.on, c.charges]));
  const chargeDates = new Set<string>();
  for (const date of new Set([...storedCharges.keys(), ...newCharges.keys()])) {
    const before = storedCharges.get(date) ?? [];
    const after = newCharges.get(date) ?? [];
    if (canonical(before.flatMap((t) => t.allocations)) === canonical(after)) continue;
    toReverse.push(...before);
    // A penalty run that now charges nothing is still recorded, with nothing in it.
    if (after.length > 0 || runs.has(date)) chargeDates.add(date);
  }

  const reprocessed: Reprocessed = { added: null, reversed: [], reposted: [] };
  let seq = loan.version + 1;
  const nextSeq = () => seq++;
  const description = await describeEntry(
    trx,
    ctx,
    change.reason === null
      ? { key: "loanReprocessed", params: { date: change.on } }
      : { key: "loanReversal", params: { reason: change.reason } },
  );
  for (const t of toReverse.sort((a, b) => a.seq - b.seq)) {
    const businessDate = later(t.valueDate, change.on);
    const entry = t.entryId ? await reverseEntry(trx, ctx, t.entryId, { businessDate, description }) : null;
    if (entry)
      await mirrorToBorrowingGroup(
        trx,
        ctx,
        loan,
        { businessDate, description },
        linesOf(loan, t).map(([role, minor]) => [role, -minor] as const),
      );
    reprocessed.reversed.push(
      await insertTransaction(trx, ctx, loan, nextSeq(), {
        kind: "reversal",
        valueDate: t.valueDate,
        amount: -t.amount,
        advance: -t.advance,
        entryId: entry?.id ?? null,
        reversesId: t.id,
        note: change.reason ?? description,
        allocations: t.allocations.map((a) => ({ ...a, minor: -a.minor })),
      }),
    );
  }

  // The new postings, by value date: the penalties accrued to a date before its events.
  const postings: Array<{ on: string; order: number; write: () => Promise<void> }> = [];
  for (const date of chargeDates) {
    const charges = newCharges.get(date) ?? [];
    postings.push({
      on: date,
      order: 0,
      write: async () => {
        const total = charges.reduce((s, a) => s + a.minor, 0n);
        const entryId =
          total === 0n
            ? null
            : await post(trx, ctx, loan, later(date, change.on), "loanPenalty", [...penaltyLines(total)]);
        await insertTransaction(trx, ctx, loan, nextSeq(), {
          kind: "penalty",
          valueDate: date,
          amount: total,
          entryId,
          terms: penaltyTerms(runs.has(date)),
          allocations: charges,
        });
      },
    });
  }
  replayed.events.forEach((r, k) => {
    const original = toRepost.get(r.key);
    if (!original && r.key !== "") return;
    postings.push({
      on: r.on,
      order: k + 1,
      write: async () => {
        const id = await postEvent(trx, ctx, loan, nextSeq, r, original ?? null, add ?? null, {
          on: change.on,
          priorRatePercent: rateOn(r.on),
        });
        if (original) reprocessed.reposted.push(id);
        else
          reprocessed.added = { transactionId: id, allocations: paidOnly(r.allocations), advance: r.advance };
      },
    });
  });
  postings.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order));
  for (const p of postings) await p.write();

  // The installments as the replay left them; a stored plan it did not make again is never in force.
  const storedByKey = new Map(stored.map((i) => [`${i.plan}/${i.number}`, i]));
  const plansInForce = new Set(replayed.rows.map((i) => i.plan));
  const inserts: InstallmentState[] = [];
  const updates: InstallmentState[] = [];
  for (const r of replayed.rows) {
    const s = storedByKey.get(`${r.plan}/${r.number}`);
    if (!s) inserts.push(r);
    else if (rowChanged(s, r)) updates.push(r);
  }
  for (const s of stored) {
    if (plansInForce.has(s.plan)) continue;
    const dead = {
      ...s,
      penalty: 0n,
      principalPaid: 0n,
      interestPaid: 0n,
      feePaid: 0n,
      penaltyPaid: 0n,
      replacedOn: s.plannedOn,
    };
    if (rowChanged(s, dead)) updates.push(dead);
  }
  await insertInstallments(trx, loan.tenantId, loan.id, inserts);
  await updateInstallments(trx, loan.id, updates);

  // The loan's own state.
  const refunds = active.filter((t) => t.kind === "refund").reduce((s, t) => s + t.amount, 0n);
  if (replayed.advance < refunds) throw new DomainError("LOAN_REVERSAL_BLOCKED", { kind: "refund" });
  if (replayed.status === "written_off" && replayed.writtenOff < loan.recovered)
    throw new DomainError("LOAN_REVERSAL_BLOCKED", { kind: "recovery" });
  const live = replayed.rows.filter((i) => i.replacedOn === null);
  if (replayed.spec !== loan.spec) {
    loan.spec = replayed.spec;
    loan.product = productFrom(replayed.spec);
  }
  loan.plan = Math.max(loan.plan, replayed.lastPlan);
  loan.installments = live.length;
  loan.advance = replayed.advance - refunds;
  enterState(loan, disbursedState(state, replayed));
  loan.writtenOff = replayed.writtenOff;
  loan.penaltyThrough = later(penaltyThrough, replayed.penaltyThrough);
  loan.principalOutstanding = replayed.status === "written_off" ? 0n : principalOutstanding(live);
  loan.arrearsSince = replayed.status === "written_off" ? null : arrearsSince(live);
  if (loan.lastActivityOn === null || change.on > loan.lastActivityOn) loan.lastActivityOn = change.on;
  await saveLoan(trx, loan, Math.max(seq - 1, loan.version + 1));
  ctx.touched("loan", loan.id);
  return reprocessed;
}

function differs(t: StoredTx, r: ReplayedEvent): boolean {
  if (
    canonical(t.allocations) !== canonical(r.allocations) ||
    t.advance !== r.advance ||
    t.amount !== r.amount
  )
    return true;
  if (r.writeOff && t.terms) {
    const split = JSON.parse(t.terms) as { principal?: string };
    return split.principal !== r.writeOff.principal.toString();
  }
  return false;
}

function rowChanged(a: InstallmentState, b: InstallmentState): boolean {
  return (
    a.penalty !== b.penalty ||
    a.principalPaid !== b.principalPaid ||
    a.interestPaid !== b.interestPaid ||
    a.feePaid !== b.feePaid ||
    a.penaltyPaid !== b.penaltyPaid ||
    a.replacedOn !== b.replacedOn
  );
}
