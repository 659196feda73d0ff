import {
  arrearsSince,
  type InstallmentState,
  isSettled,
  loanYearStart,
  principalOutstanding,
} from "@qadam/core/loans/engine";
import { chargePenaltiesTo, onPlans } from "@qadam/core/loans/processing";
import type { CommandContext } from "../../platform/commands.js";
import type { Db } from "../../platform/db/database.js";
import { penaltyLines, post } from "../postings.js";
import { penaltyTerms } from "../replay-postings.js";
import {
  enterState,
  insertTransaction,
  type LoanRecord,
  liveInstallments,
  penaltiesChargedSince,
  saveLoan,
  unsettledInstallments,
  updateInstallments,
} from "../store.js";

/** An active loan's state for a dated money command: its live schedule, with penalties charged to the date. */
interface Working {
  loan: LoanRecord;
  live: InstallmentState[];
  /** The live schedule as loaded, to write back only what changed. */
  before: InstallmentState[];
  /** The sequence number of the command's own transaction (after any penalty charge). */
  seq: number;
}

/**
 * `run`: the command is a penalty run (a date the replay of the history accrues penalties to).
 * `unsettledOnly`: the command reads and changes only installments not fully paid (a repayment: what
 * is settled owes nothing, accrues no penalty, takes no allocation and keeps the loan open by nothing),
 * so only those are loaded.
 */
export async function startWork(
  trx: Db,
  ctx: CommandContext,
  loan: LoanRecord,
  on: string,
  options: { run?: boolean; unsettledOnly?: boolean } = {},
): Promise<Working> {
  const run = options.run ?? false;
  const live = await (options.unsettledOnly ? unsettledInstallments : liveInstallments)(trx, loan.id);
  const before = live.map((i) => ({ ...i }));
  const seq = await accrueTo(trx, ctx, loan, live, on, loan.version + 1, run);
  return { loan, live, before, seq };
}

/** Writes back what changed, refreshes the cached state from the schedule now live, and saves the loan. */
export async function finishWork(
  trx: Db,
  ctx: CommandContext,
  w: Working,
  on: string,
  live: readonly InstallmentState[] = w.live,
  version = w.seq,
): Promise<void> {
  await updateInstallments(trx, w.loan.id, changedSince(w.before, w.live));
  refresh(w.loan, live, on);
  await saveLoan(trx, w.loan, version);
  ctx.touched("loan", w.loan.id);
}

/** The installments whose stored fields differ from the snapshot taken when they were loaded. */
function changedSince(
  before: readonly InstallmentState[],
  live: readonly InstallmentState[],
): InstallmentState[] {
  const key = (i: InstallmentState) =>
    `${i.penalty}|${i.principalPaid}|${i.interestPaid}|${i.feePaid}|${i.penaltyPaid}|${i.replacedOn}`;
  const old = new Map(before.map((i) => [`${i.plan}/${i.number}`, key(i)]));
  return live.filter((i) => old.get(`${i.plan}/${i.number}`) !== key(i));
}

export function noteActivity(loan: LoanRecord, on: string): void {
  if (loan.lastActivityOn === null || on > loan.lastActivityOn) loan.lastActivityOn = on;
}

/** Refreshes the cached state the portfolio queries read, and closes a loan with nothing left. */
export function refresh(loan: LoanRecord, live: readonly InstallmentState[], on: string): void {
  const { state } = loan;
  loan.principalOutstanding = state.status === "written_off" ? 0n : principalOutstanding(live);
  loan.arrearsSince = state.status === "written_off" ? null : arrearsSince(live);
  noteActivity(loan, on);
  if (state.status === "active" && live.every(isSettled))
    enterState(loan, { ...state, status: "closed", closedOn: on });
}

/** Charges the penalties accrued up to `on` (inclusive); returns the next sequence number. */
async function accrueTo(
  trx: Db,
  ctx: CommandContext,
  loan: LoanRecord,
  live: InstallmentState[],
  on: string,
  seq: number,
  run: boolean,
): Promise<number> {
  const { state } = loan;
  if (state.status !== "active") return seq;
  const from = loan.penaltyThrough ?? state.disbursedOn;
  if (on <= from) return seq;
  loan.penaltyThrough = on;
  const inArrears = loan.arrearsSince !== null && loan.arrearsSince < on;
  const charged = inArrears
    ? await penaltiesChargedSince(trx, loan.id, loanYearStart(state.disbursedOn, on))
    : 0n;
  const charges = inArrears ? chargePenaltiesTo(live, loan.product, loan.principal, from, on, charged) : [];
  if (charges.length === 0) {
    if (!run) return seq;
    // A run that charged nothing is recorded all the same: a replay of the history accrues to its date.
    await insertTransaction(trx, ctx, loan, seq, {
      kind: "penalty",
      valueDate: on,
      amount: 0n,
      entryId: null,
      terms: penaltyTerms(true),
    });
    return seq + 1;
  }
  const total = charges.reduce((s, c) => s + c.minor, 0n);
  const entryId = await post(trx, ctx, loan, on, "loanPenalty", penaltyLines(total));
  await insertTransaction(trx, ctx, loan, seq, {
    kind: "penalty",
    valueDate: on,
    amount: total,
    entryId,
    terms: penaltyTerms(run),
    allocations: onPlans(
      live,
      charges.map((c) => ({ number: c.number, component: "charge" as const, minor: c.minor })),
    ),
  });
  return seq + 1;
}
