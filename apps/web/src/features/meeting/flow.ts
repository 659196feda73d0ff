// The meeting flow's working copy, pure: the meeting being recorded (its id, date, attendance and lines
// as the API takes them), the step she is on, and what each action does to it. Its running totals are
// in totals.ts, its problems (core's checkMeetingOnKit, placed on step, member and line) in problems.ts.

import type { Attendance, MeetingLine } from "@qadam/core/groups/meeting";
import type { MeetingInputJson, MeetingLineJson } from "@qadam/core/groups/meeting-input";
import { meetingLineJsonOf } from "@qadam/core/groups/meeting-input";
import { kitDraft, kitState, type MeetingKit } from "@qadam/core/groups/meeting-kit";
import { formatMoney, money } from "@qadam/core/money";
import { type FlowLine, type FlowState, STEPS, type Step } from "./state.js";
import { expectedCash, minorOf } from "./totals.js";

export { type FlowLine, type FlowState, STEPS, type Step } from "./state.js";

/** An amount as she would write it: "500", "150.50" (no ".00" on a whole amount). */
export function amountText(minor: bigint, currency: string): string {
  return formatMoney(money(minor, currency)).replace(/\.0+$/, "");
}

function plainLine(line: MeetingLine, currency: string): MeetingLineJson {
  const json = meetingLineJsonOf(line, currency);
  return { ...json, amount: amountText(line.amount, currency) } as MeetingLineJson;
}

const keyed = (lines: readonly MeetingLineJson[], from = 1): FlowLine[] =>
  lines.map((line, i) => ({ key: `l${from + i}`, line }));

/** The flow opened on a meeting of `heldOn`, prefilled from the kit's draft (the server's own draft). */
export function startFlow(kit: MeetingKit, id: string, heldOn: string): FlowState {
  const draft = kitDraft(kit, heldOn);
  const lines = draft.input.lines.map((l: MeetingLine) => plainLine(l, kit.currency));
  return {
    id,
    groupId: kit.groupId,
    step: "attendance",
    heldOn,
    attendance: draft.input.attendance.map((a) => ({ personId: a.personId, status: a.status })),
    lines: keyed(lines),
    cashCounted: null,
    nextKey: lines.length + 1,
  };
}

/**
 * The flow reopened on a meeting saved on the phone (to correct it): same id, its lines as saved. A
 * count that was the books' figure follows the books again as she corrects; one she typed stays hers.
 */
export function flowFromBody(kit: MeetingKit, body: MeetingInputJson & { id: string }): FlowState {
  const state: FlowState = {
    id: body.id,
    groupId: kit.groupId,
    step: "summary",
    heldOn: body.heldOn,
    attendance: body.attendance.map((a) => ({ ...a })),
    lines: keyed(body.lines),
    cashCounted: null,
    nextKey: body.lines.length + 1,
  };
  const counted = body.cashCounted ?? null;
  const books = expectedCash(state, kit);
  const followsBooks = counted !== null && minorOf(counted, kit.currency) === books;
  return { ...state, cashCounted: followsBooks ? null : counted };
}

/** The meeting's date changed: a fresh draft for that date, keeping the id. */
export function redraft(state: FlowState, kit: MeetingKit, heldOn: string): FlowState {
  return { ...startFlow(kit, state.id, heldOn), step: state.step };
}

export function goTo(state: FlowState, step: Step): FlowState {
  return { ...state, step };
}

export function stepAfter(step: Step, by: 1 | -1): Step {
  const i = STEPS.indexOf(step) + by;
  return STEPS[Math.max(0, Math.min(STEPS.length - 1, i))] ?? step;
}

function addLines(state: FlowState, lines: readonly MeetingLineJson[], fromAttendance = false): FlowState {
  const added = lines.map((line, i) => ({
    key: `l${state.nextKey + i}`,
    line,
    ...(fromAttendance ? { fromAttendance } : {}),
  }));
  return { ...state, lines: [...state.lines, ...added], nextKey: state.nextKey + lines.length };
}

export function addLine(state: FlowState, line: MeetingLineJson): FlowState {
  return addLines(state, [line]);
}

export function removeLine(state: FlowState, key: string): FlowState {
  return { ...state, lines: state.lines.filter((l) => l.key !== key) };
}

/** Changes one line (its amount, member, term, purpose or reason): a fine she edits is hers to keep. */
export function changeLine(state: FlowState, key: string, change: Partial<MeetingLineJson>): FlowState {
  return {
    ...state,
    lines: state.lines.map((l) =>
      l.key === key ? { key, line: { ...l.line, ...change } as MeetingLineJson } : l,
    ),
  };
}

/** Fines' amounts for absence and lateness, in major units, from the rules in force on the date. */
export function attendanceFines(kit: MeetingKit, heldOn: string): { absence: string; lateness: string } {
  try {
    const { rules } = kitState(kit, heldOn);
    const text = (minor: bigint) => (minor > 0n ? amountText(minor, kit.currency) : "");
    return { absence: text(rules.fines.absence), lateness: text(rules.fines.lateness) };
  } catch {
    return { absence: "", lateness: "" };
  }
}

const FINE_FOR: Partial<Record<Attendance, "absence" | "lateness">> = { absent: "absence", late: "lateness" };

/**
 * Marks her attendance; absent or late proposes the rules' fine (in the fines step, removable), and
 * any other mark takes back a fine the flow proposed for her.
 */
export function setAttendance(
  state: FlowState,
  personId: string,
  status: Attendance,
  fines: { absence: string; lateness: string },
): FlowState {
  const attendance = state.attendance.map((a) => (a.personId === personId ? { personId, status } : a));
  const lines = state.lines.filter(
    (l) => !(l.fromAttendance && "personId" in l.line && l.line.personId === personId),
  );
  const next = { ...state, attendance, lines };
  const reason = FINE_FOR[status];
  const amount = reason ? fines[reason] : "";
  if (!reason || amount === "") return next;
  return addLines(next, [{ kind: "fine", personId, amount, reason }], true);
}

/** Where a member's or a loan's amount lives: one line of that kind for her (or for that loan). */
export type Target =
  | { kind: "savings" | "voluntarySavings" | "withdrawal" | "socialContribution"; personId: string }
  | { kind: "repayment"; personId: string; loanId: string }
  | { kind: "loanRepayment"; loanId: string };

function matches(target: Target, line: MeetingLineJson): boolean {
  if (line.kind !== target.kind) return false;
  if (target.kind === "loanRepayment") return "loanId" in line && line.loanId === target.loanId;
  if (!("personId" in line) || line.personId !== target.personId) return false;
  return target.kind !== "repayment" || ("loanId" in line && line.loanId === target.loanId);
}

export function lineOf(state: FlowState, target: Target): FlowLine | undefined {
  return state.lines.find((l) => matches(target, l.line));
}

/** Sets the amount of the target's line: an empty amount removes the line, a new one adds it. */
export function setAmount(state: FlowState, target: Target, text: string): FlowState {
  const found = lineOf(state, target);
  const amount = text.trim();
  if (amount === "") return found ? removeLine(state, found.key) : state;
  if (found) return changeLine(state, found.key, { amount });
  return addLine(state, { ...target, amount } as MeetingLineJson);
}

export function setCashCounted(state: FlowState, text: string | null): FlowState {
  return { ...state, cashCounted: text };
}

/** The meeting as the API takes it, the cash counted being the books' figure until she changes it. */
export function bodyOf(
  state: FlowState,
  expectedCash: bigint,
  currency: string,
): MeetingInputJson & { id: string } {
  return {
    id: state.id,
    heldOn: state.heldOn,
    attendance: state.attendance.map((a) => ({ ...a })),
    lines: state.lines.map((l) => l.line),
    // A box the lines would empty below zero has no count to propose (the line that does it is named).
    cashCounted: state.cashCounted ?? (expectedCash < 0n ? null : amountText(expectedCash, currency)),
  };
}

/** The date to open on: the next meeting the rules expect if it is not after today, else today. */
export function openingDate(next: string | null, today: string): string {
  return next !== null && next <= today ? next : today;
}
