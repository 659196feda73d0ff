// A loan event as the replay finds it stored (its transaction, terms and allocations), and posting a
// replayed event: the journal lines a stored event posted, the terms a reschedule or a penalty run
// keeps for the next replay, and an event written again with its new effect.

import type { Allocation, Component } from "@qadam/core/loans/allocation";
import { addDays } from "@qadam/core/loans/calendar";
import type { PlanAllocation } from "@qadam/core/loans/processing";
import type { ReplayedEvent, StoredPlan } from "@qadam/core/loans/replay";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { type Channel, type Line, penaltyLines, post, receiptLines, writeOffLines } from "./postings.js";
import { insertTransaction, type LoanRecord, type TransactionKind } from "./store.js";

/** A back-dated event to add to the history. */
export type BackdatedEvent =
  | { kind: "repayment" | "prepayment"; on: string; amount: bigint; channel: Channel; refuse: boolean }
  | {
      kind: "reschedule";
      on: string;
      installments: number;
      firstDueOn: string;
      annualRatePercent: string | null;
      reason: string;
    };

/** A reschedule's terms as stored with its transaction. */
export interface RescheduleTerms {
  installments: number;
  firstDueOn: string;
  annualRatePercent: string | null;
  /** The loan's rate before the reschedule. */
  priorRatePercent: string;
}

/** The terms of a penalty charge: whether a penalty run charged it, or the accrual before an event. */
export function penaltyTerms(run: boolean): string {
  return JSON.stringify({ run });
}

export function isPenaltyRun(terms: string | null): boolean {
  return terms === null || (JSON.parse(terms) as { run?: boolean }).run === true;
}

export interface StoredTx {
  id: string;
  seq: number;
  kind: string;
  valueDate: string;
  amount: bigint;
  advance: bigint;
  entryId: string | null;
  channel: string | null;
  note: string | null;
  terms: string | null;
  allocations: PlanAllocation[];
}

export const paidOnly = (list: readonly PlanAllocation[]): Allocation[] =>
  list
    .filter((a) => a.component !== "charge")
    .map((a) => ({ number: a.number, component: a.component as Component, minor: a.minor }));

export const later = (a: string, b: string) => (a > b ? a : b);

/** The journal lines a stored transaction posted (its reversal posts their opposite). */
export function linesOf(loan: LoanRecord, t: StoredTx): Line[] {
  switch (t.kind) {
    case "repayment":
    case "prepayment":
      return receiptLines(loan, t.channel === "bank" ? "bank" : "cash", paidOnly(t.allocations), t.advance);
    case "penalty":
      return penaltyLines(t.allocations.reduce((s, a) => s + a.minor, 0n));
    default:
      return [];
  }
}

/** A reschedule's terms: stored with it, or read back from the plan it made (before migration 0011). */
export function rescheduleTerms(
  t: StoredTx,
  plans: readonly StoredPlan[],
  claimed: Set<number>,
): Omit<RescheduleTerms, "priorRatePercent"> & { priorRatePercent: string } {
  if (t.terms) return JSON.parse(t.terms) as RescheduleTerms;
  const made = plans.find((p) => p.plannedOn === t.valueDate && !claimed.has(p.plan));
  if (made) claimed.add(made.plan);
  const first = made?.rows[0];
  return {
    installments: Math.max(1, made?.rows.length ?? 1),
    firstDueOn: first && first.dueDate > t.valueDate ? first.dueDate : addDays(t.valueDate, 30),
    annualRatePercent: null,
    priorRatePercent: "",
  };
}

/** Posts a replayed event: an event added to the history, or a stored one again with its new effect. */
export async function postEvent(
  trx: Db,
  ctx: CommandContext,
  loan: LoanRecord,
  nextSeq: () => number,
  r: ReplayedEvent,
  original: StoredTx | null,
  add: BackdatedEvent | null,
  correction: { on: string; priorRatePercent: string },
): Promise<string> {
  const on = original ? later(r.on, correction.on) : r.on;
  const common = {
    valueDate: r.on,
    replacesId: original?.id ?? null,
    note: original ? original.note : add?.kind === "reschedule" ? add.reason : null,
  };
  const kind: TransactionKind = r.kind;
  switch (r.kind) {
    case "repayment":
    case "prepayment": {
      const channel: Channel =
        (original ? original.channel : add && add.kind !== "reschedule" ? add.channel : "cash") === "bank"
          ? "bank"
          : "cash";
      const entryId = await post(
        trx,
        ctx,
        loan,
        on,
        r.kind === "repayment"
          ? original
            ? "loanRepaymentReprocessed"
            : "loanRepayment"
          : original
            ? "loanPrepaymentReprocessed"
            : "loanPrepayment",
        receiptLines(loan, channel, paidOnly(r.allocations), r.advance),
      );
      return insertTransaction(trx, ctx, loan, nextSeq(), {
        ...common,
        kind,
        amount: r.amount,
        advance: r.advance,
        channel,
        entryId,
        allocations: r.allocations,
      });
    }
    case "reschedule":
      return insertTransaction(trx, ctx, loan, nextSeq(), {
        ...common,
        kind,
        amount: r.amount,
        entryId: null,
        terms:
          original?.terms ??
          (add?.kind === "reschedule"
            ? JSON.stringify({
                installments: add.installments,
                firstDueOn: add.firstDueOn,
                annualRatePercent: add.annualRatePercent,
                priorRatePercent: correction.priorRatePercent,
              } satisfies RescheduleTerms)
            : null),
      });
    case "write_off": {
      const split = r.writeOff ?? { principal: 0n, penalties: 0n };
      const entryId =
        r.amount > 0n
          ? await post(
              trx,
              ctx,
              loan,
              on,
              {
                key: original ? "loanWrittenOffReprocessed" : "loanWrittenOff",
                params: { reason: original?.note ?? "" },
              },
              writeOffLines(loan, split.principal, split.penalties),
            )
          : null;
      return insertTransaction(trx, ctx, loan, nextSeq(), {
        ...common,
        kind,
        amount: r.amount,
        entryId,
        terms: JSON.stringify({
          principal: split.principal.toString(),
          penalties: split.penalties.toString(),
        }),
      });
    }
  }
}
