// Every problem core's check (the server's own, checkMeetingOnKit) finds with the meeting being
// recorded, placed on the step, the member and the line it concerns.
import { DomainError, type ErrorParams } from "@qadam/core/errors";
import {
  type MeetingInputJson,
  type MeetingLineJson,
  meetingInputFrom,
  meetingInputJson,
} from "@qadam/core/groups/meeting-input";
import { checkMeetingOnKit, type MeetingKit } from "@qadam/core/groups/meeting-kit";
import type { FlowLine, Step } from "./flow.js";
import { STEPS } from "./flow.js";

/** One problem the check found, placed on its step, and on its line and member when it has them. */
export interface Problem {
  step: Step;
  code: string;
  params: ErrorParams;
  path: string;
  memberId: string | null;
  lineKey: string | null;
}

function stepOfLine(line: MeetingLineJson): Step {
  switch (line.kind) {
    case "savings":
    case "voluntarySavings":
    case "withdrawal":
      return "savings";
    case "repayment":
    case "loanRepayment":
      return "repayments";
    case "loan":
      return "loans";
    case "fine":
      return "fines";
    case "socialContribution":
    case "socialPayout":
      return "social";
    default:
      return "cash";
  }
}

/** Dates' and rules' problems (no line) belong to the first step, where the date is chosen. */
const DATE_CODES = new Set([
  "MEETING_DATE_IN_FUTURE",
  "ORG_DATE_BEFORE_OPENING",
  "MEETING_NO_RULES",
  "MEETING_DATE_ORDER",
]);

function placed(
  d: { path: string; code: string; params: ErrorParams; memberId?: string },
  lines: readonly FlowLine[],
  index: (i: number) => number,
): Problem {
  const m = /^lines\.(\d+)\./.exec(d.path);
  const at = m ? lines[index(Number(m[1]))] : undefined;
  const step: Step = at
    ? stepOfLine(at.line)
    : d.path.startsWith("attendance") || DATE_CODES.has(d.code)
      ? "attendance"
      : d.path === "cashCounted"
        ? "cash"
        : "summary";
  return {
    step,
    code: d.code,
    params: d.params,
    path: at && m ? d.path.replace(/^lines\.\d+/, `lines.${index(Number(m[1]))}`) : d.path,
    memberId: d.memberId ?? (at && "personId" in at.line ? at.line.personId : null),
    lineKey: at?.key ?? null,
  };
}

function detailsOf(error: unknown) {
  if (!(error instanceof DomainError)) throw error;
  return error.details.length > 0 ? error.details : [{ code: error.code, params: error.params, path: "" }];
}

/** What the meeting's form or amounts get wrong (the check's first stage), or none. */
function formProblems(kit: MeetingKit, body: MeetingInputJson, today: string) {
  const parsed = meetingInputJson.safeParse(body);
  try {
    if (!parsed.success) checkMeetingOnKit(kit, body, today);
    else meetingInputFrom(parsed.data, kit.currency);
    return [];
  } catch (error) {
    return detailsOf(error);
  }
}

/**
 * Every problem core's check (the server's own) finds with this meeting, each on its step and line. A
 * line whose form or amount is wrong (found before anything else) is named on its line, and the meeting
 * is checked without that line, so that every other problem shows at the same time.
 */
export function problemsOf(
  kit: MeetingKit,
  body: MeetingInputJson,
  lines: readonly FlowLine[],
  today: string,
): Problem[] {
  const first = formProblems(kit, body, today).map((d) => placed(d, lines, (i) => i));
  const skipped = new Set(first.map((p) => p.lineKey).filter((k) => k !== null));
  const kept = lines.map((l, i) => ({ l, i })).filter(({ l }) => !skipped.has(l.key));
  const checked: MeetingInputJson = {
    ...body,
    lines: kept.map(({ i }) => body.lines[i] as MeetingLineJson),
    cashCounted: first.some((p) => p.path === "cashCounted") ? null : body.cashCounted,
  };
  let rest: Problem[] = [];
  try {
    checkMeetingOnKit(kit, checked, today);
  } catch (error) {
    rest = detailsOf(error).map((d) => placed(d, lines, (i) => kept[i]?.i ?? i));
  }
  const seen = new Set(first.map((p) => `${p.path} ${p.code}`));
  return [...first, ...rest.filter((p) => !seen.has(`${p.path} ${p.code}`))];
}

/** How many problems each step has, for the step indicator. */
export function problemsByStep(problems: readonly Problem[]): Record<Step, number> {
  const counts = Object.fromEntries(STEPS.map((s) => [s, 0])) as Record<Step, number>;
  for (const p of problems) counts[p.step] += 1;
  return counts;
}
