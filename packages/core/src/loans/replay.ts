// A loan's history processed by value date, as one pure function: from the schedule as disbursed and
// the loan's events in value-date order, the installments, each event's allocations, the penalties
// accrued between events, the advance and the status. A back-dated event or a reversal replays the
// whole history this way; what differs from what was stored is then reversed and posted again
// (reprocess.ts), as Apache Fineract reprocesses a loan's transactions.
//
// Rules: on each date, penalties are accrued to it first (from the date they were last accrued to,
// while the loan is active), then the events of the date in the order they were recorded. A penalty
// run is a date to accrue to. A plan made by a prepayment or a reschedule keeps the number of a stored
// plan identical to it (made on the same date, same installments), and gets a new number otherwise.
import {
  applyAllocations,
  asContracted,
  type InstallmentState,
  isSettled,
  loanYearStart,
  splitRepayment,
} from "./engine.js";
import {
  chargePenaltiesTo,
  onPlans,
  type PlanAllocation,
  type PlanTerms,
  payPrepayment,
  planAfterPrepayment,
  planAfterReschedule,
  writeOffAmounts,
} from "./processing.js";
import type { LoanProduct } from "./product.js";
import { type ProductSpec, productFrom } from "./product-spec.js";

export interface StoredPlan {
  plan: number;
  plannedOn: string;
  rows: readonly InstallmentState[];
}

export interface ReplayStart {
  spec: ProductSpec;
  product: LoanProduct;
  currency: string;
  calendar: PlanTerms["calendar"];
  /** The principal disbursed (the base of the yearly penalty cap). */
  principal: bigint;
  disbursedOn: string;
  /** The schedule as disbursed (plan 1), nothing paid or charged. */
  schedule: readonly InstallmentState[];
  /** The plans stored after plan 1, whose numbers identical plans keep. */
  storedPlans: readonly StoredPlan[];
  /** The number for the first plan that matches none stored. */
  nextPlan: number;
  /** Dates penalties were charged to by a penalty run. */
  penaltyRuns: readonly string[];
  /** Penalties are accrued to this date at the end (while the loan is active). */
  penaltyThrough: string;
}

export type ReplayEvent = { key: string; on: string } & (
  | { kind: "repayment"; amount: bigint }
  | { kind: "prepayment"; amount: bigint }
  | { kind: "reschedule"; installments: number; firstDueOn: string; annualRatePercent: string | null }
  | { kind: "write_off" }
);

export interface ReplayedEvent {
  key: string;
  kind: ReplayEvent["kind"];
  on: string;
  allocations: PlanAllocation[];
  /** Paid beyond everything owed, held as an advance. */
  advance: bigint;
  /** A payment's amount; the principal a reschedule moved; what a write-off took off the books. */
  amount: bigint;
  writeOff: { principal: bigint; penalties: bigint } | null;
}

export interface ReplayedCharge {
  on: string;
  charges: PlanAllocation[];
}

export interface Replayed {
  /** Every installment of every plan the history made, in its final state. */
  rows: InstallmentState[];
  events: ReplayedEvent[];
  charges: ReplayedCharge[];
  advance: bigint;
  status: "active" | "closed" | "written_off";
  closedOn: string | null;
  writtenOffOn: string | null;
  writtenOff: bigint;
  spec: ProductSpec;
  penaltyThrough: string;
  /** The highest plan number in use, stored or new. */
  lastPlan: number;
}

const sameRow = (a: InstallmentState, b: InstallmentState) =>
  a.number === b.number &&
  a.dueDate === b.dueDate &&
  a.principal === b.principal &&
  a.interest === b.interest &&
  a.fee === b.fee;

export function replayLoan(start: ReplayStart, events: readonly ReplayEvent[]): Replayed {
  let spec = start.spec;
  let product = start.product;
  const rows: InstallmentState[] = start.schedule.map(asContracted);
  const live = () => rows.filter((i) => i.replacedOn === null);
  const used = new Set<number>([1]);
  let nextPlan = start.nextPlan;
  let lastPlan = Math.max(1, nextPlan - 1, ...start.storedPlans.map((p) => p.plan));
  const out: Replayed = {
    rows,
    events: [],
    charges: [],
    advance: 0n,
    status: "active",
    closedOn: null,
    writtenOffOn: null,
    writtenOff: 0n,
    spec,
    penaltyThrough: start.disbursedOn,
    lastPlan,
  };

  /** Numbers a new plan: the stored plan identical to it, or the next free number. */
  const adopt = (on: string, made: InstallmentState[]): void => {
    const twin = start.storedPlans.find(
      (p) =>
        !used.has(p.plan) &&
        p.plannedOn === on &&
        p.rows.length === made.length &&
        p.rows.every((r, k) => {
          const m = made[k];
          return m !== undefined && sameRow(r, m);
        }),
    );
    const plan = twin ? twin.plan : nextPlan++;
    used.add(plan);
    lastPlan = Math.max(lastPlan, plan);
    for (const r of made) r.plan = plan;
    rows.push(...made);
  };

  const accrue = (on: string): void => {
    if (out.status !== "active" || on <= out.penaltyThrough) return;
    const from = out.penaltyThrough;
    out.penaltyThrough = on;
    const yearStart = loanYearStart(start.disbursedOn, on);
    const charged = out.charges
      .filter((c) => c.on >= yearStart)
      .reduce((s, c) => s + c.charges.reduce((t, a) => t + a.minor, 0n), 0n);
    const now = live();
    const charges = chargePenaltiesTo(now, product, start.principal, from, on, charged);
    if (charges.length > 0)
      out.charges.push({
        on,
        charges: onPlans(
          now,
          charges.map((c) => ({ number: c.number, component: "charge" as const, minor: c.minor })),
        ),
      });
  };

  const apply = (e: ReplayEvent): ReplayedEvent => {
    const terms: PlanTerms = { product, currency: start.currency, calendar: start.calendar };
    const done: ReplayedEvent = {
      key: e.key,
      kind: e.kind,
      on: e.on,
      allocations: [],
      advance: 0n,
      amount: 0n,
      writeOff: null,
    };
    const now = live();
    switch (e.kind) {
      case "repayment": {
        done.amount = e.amount;
        if (out.status === "written_off") {
          done.advance = e.amount;
          break;
        }
        const split = splitRepayment(now, product, e.amount);
        applyAllocations(now, split.allocations);
        done.allocations = onPlans(now, split.allocations);
        done.advance = split.overpayment;
        break;
      }
      case "prepayment": {
        done.amount = e.amount;
        if (out.status === "written_off") {
          done.advance = e.amount;
          break;
        }
        const split = payPrepayment(now, product, start.disbursedOn, e.on, e.amount);
        done.allocations = onPlans(now, split.allocations);
        done.advance = split.left;
        const plan = planAfterPrepayment(now, terms, 0, e.on, split);
        if (plan) adopt(e.on, plan.rows);
        break;
      }
      case "reschedule": {
        if (e.annualRatePercent) {
          spec = { ...spec, annualRatePercent: e.annualRatePercent };
          product = productFrom(spec);
          terms.product = product;
        }
        const plan = planAfterReschedule(now, terms, 0, e);
        adopt(e.on, plan.rows);
        done.amount = plan.principal;
        break;
      }
      case "write_off": {
        if (out.status !== "active") break;
        const amounts = writeOffAmounts(now);
        done.writeOff = amounts;
        done.amount = amounts.principal + amounts.penalties;
        out.status = "written_off";
        out.writtenOffOn = e.on;
        out.writtenOff = done.amount;
        break;
      }
      default: {
        const never: never = e;
        throw new Error(`unknown event ${JSON.stringify(never)}`);
      }
    }
    out.advance += done.advance;
    if (out.status === "active" && live().every(isSettled)) {
      out.status = "closed";
      out.closedOn = e.on;
    }
    return done;
  };

  const ordered = [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const dates = [
    ...new Set([...ordered.map((e) => e.on), ...start.penaltyRuns, start.penaltyThrough]),
  ].sort();
  let k = 0;
  for (const date of dates) {
    accrue(date);
    for (; k < ordered.length && ordered[k]?.on === date; k++) {
      const e = ordered[k];
      if (e) out.events.push(apply(e));
    }
  }
  out.spec = spec;
  out.lastPlan = lastPlan;
  return out;
}
