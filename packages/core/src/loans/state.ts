// A loan's state as a discriminated union on its status: each state carries the fields that exist in it
// and only those (a decision once decided, a disbursement date once disbursed, a closing or write-off
// date once closed or written off), with the flat columns the store and the API keep them in.

import type { LoanStatus } from "./contract.js";

/** Who approved or rejected the application (null: an operator without a user), when, and why. */
export interface LoanDecision {
  by: string | null;
  on: string;
  note: string | null;
}

export type LoanState =
  | { status: "applied" }
  | { status: "approved"; decision: LoanDecision }
  | { status: "rejected"; decision: LoanDecision }
  | { status: "active"; decision: LoanDecision; disbursedOn: string }
  | { status: "closed"; decision: LoanDecision; disbursedOn: string; closedOn: string }
  | { status: "written_off"; decision: LoanDecision; disbursedOn: string; writtenOffOn: string };

/** A loan paid out: active, closed or written off. */
export type DisbursedLoanState = Extract<LoanState, { disbursedOn: string }>;

/** The state as flat nullable columns, as the loans table and the API's loan keep them. */
export interface LoanStateColumns {
  status: LoanStatus;
  decidedBy: string | null;
  decidedOn: string | null;
  decisionNote: string | null;
  disbursedOn: string | null;
  closedOn: string | null;
  writtenOffOn: string | null;
}

export function isDisbursed(state: LoanState): state is DisbursedLoanState {
  return state.status === "active" || state.status === "closed" || state.status === "written_off";
}

/** The day the loan was paid out, or null before. */
export function disbursedOn(state: LoanState): string | null {
  return isDisbursed(state) ? state.disbursedOn : null;
}

/** The state of a disbursed loan after its history (re)played: active, closed on a day, or written off. */
export function disbursedState(
  from: { decision: LoanDecision; disbursedOn: string },
  outcome: { status: DisbursedLoanState["status"]; closedOn: string | null; writtenOffOn: string | null },
): DisbursedLoanState {
  const { decision, disbursedOn } = from;
  switch (outcome.status) {
    case "active":
      return { status: "active", decision, disbursedOn };
    case "closed":
      if (outcome.closedOn === null) throw new Error("a closed loan needs the day it closed");
      return { status: "closed", decision, disbursedOn, closedOn: outcome.closedOn };
    case "written_off":
      if (outcome.writtenOffOn === null) throw new Error("a written-off loan needs the day of its write-off");
      return { status: "written_off", decision, disbursedOn, writtenOffOn: outcome.writtenOffOn };
    default:
      return unknownStatus(outcome.status);
  }
}

export function loanStateColumns(state: LoanState): LoanStateColumns {
  const decision = state.status === "applied" ? null : state.decision;
  return {
    status: state.status,
    decidedBy: decision?.by ?? null,
    decidedOn: decision?.on ?? null,
    decisionNote: decision?.note ?? null,
    disbursedOn: disbursedOn(state),
    closedOn: state.status === "closed" ? state.closedOn : null,
    writtenOffOn: state.status === "written_off" ? state.writtenOffOn : null,
  };
}

/** The state the columns hold; throws on columns no state gives (a date missing for its status). */
export function loanStateFrom(c: LoanStateColumns): LoanState {
  if (c.status === "applied") return { status: "applied" };
  if (c.decidedOn === null) throw new Error(`a ${c.status} loan without the day it was decided`);
  const decision: LoanDecision = { by: c.decidedBy, on: c.decidedOn, note: c.decisionNote };
  switch (c.status) {
    case "approved":
    case "rejected":
      return { status: c.status, decision };
    case "active":
    case "closed":
    case "written_off":
      if (c.disbursedOn === null) throw new Error(`a ${c.status} loan without the day it was disbursed`);
      return disbursedState(
        { decision, disbursedOn: c.disbursedOn },
        { status: c.status, closedOn: c.closedOn, writtenOffOn: c.writtenOffOn },
      );
    default:
      return unknownStatus(c.status);
  }
}

function unknownStatus(status: never): never {
  throw new Error(`unknown loan status ${String(status)}`);
}
