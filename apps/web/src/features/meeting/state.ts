// The meeting flow's state as data: the steps, and the working copy of the meeting being recorded. Its
// actions are in flow.ts, its running totals in totals.ts (both read it; neither is read by it).
import type { Attendance } from "@qadam/core/groups/meeting";
import type { MeetingLineJson } from "@qadam/core/groups/meeting-input";

export const STEPS = [
  "attendance",
  "savings",
  "repayments",
  "loans",
  "fines",
  "social",
  "cash",
  "summary",
] as const;
export type Step = (typeof STEPS)[number];

/** A line of the meeting with a key that stays with it while she edits (React's key, a problem's place). */
export interface FlowLine {
  key: string;
  line: MeetingLineJson;
  /** Set on a fine proposed by marking her absent or late: marking her present again takes it back. */
  fromAttendance?: boolean;
}

export interface FlowState {
  /** The meeting's id, chosen once when the flow opened: a resend or a double tap records it once. */
  id: string;
  groupId: string;
  step: Step;
  heldOn: string;
  attendance: Array<{ personId: string; status: Attendance }>;
  lines: FlowLine[];
  /** The cash she counted, as typed; null while she has not changed the figure the books expect. */
  cashCounted: string | null;
  /** Next line key (lines' keys are "l1", "l2"…). */
  nextKey: number;
}
