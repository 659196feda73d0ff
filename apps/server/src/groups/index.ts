// Self-help groups' own books: rules adopted by date, meetings (attendance, savings, internal loans,
// repayments of the group's outside loans), share-outs at the end of a cycle, grades, and roll-ups of
// the groups under an organisation.
// Guarantees:
// - a meeting is checked whole before anything is written (planMeeting: every line, with its number),
//   and then posts one balanced journal entry to the group's books with its attendance and lines, in
//   one transaction; meetings follow one another in date order, each under the rules in force on its
//   date, never in the future nor before the group's opening;
// - only the latest meeting can be corrected, by a reversal and a re-entry; older ones are closed;
// - a repayment of a loan to the group goes through the loan engine, and only to the group's own loan;
// - a share-out gives each member her claim, by the rules' method, on the group's net worth on its date,
//   the social fund never shared and the group's outside debts (the interest, fees and penalties
//   accrued on its loans to the date included, whoever reads it) never shared either; it refuses a
//   negative net worth, and open internal loans unless they are carried over;
// - every figure of a roll-up is a ratio of sums over the groups' records, never an average of ratios.

export { type MeetingInputJson, meetingInputJson } from "@qadam/core/groups/meeting-input";
export { adoptRules, correctLatestMeeting, type RecordedMeeting, recordMeeting } from "./commands.js";
export { closeCycle, previewShareout, type ShareoutMemberLine, type ShareoutPreview } from "./cycle.js";
export {
  type GradeHistoryRow,
  type GradeReport,
  gradeHistory,
  gradeOn,
  gradingTableInForce,
  recordGrade,
  setGradingTable,
} from "./grades.js";
export { gradingTableRoutes } from "./grading-table-routes.js";
export { type MeetingDraftDto, meetingDraft, meetingDraftDto } from "./meeting-draft-json.js";
export {
  correctMeetingJson,
  meetingDto,
  passbookDto,
  recordMeetingJson,
  rulesVersionsJson,
  summaryDto,
} from "./meeting-json.js";
export { type MeetingRecord, type MeetingSummary, meetingRecord, meetingsOf } from "./meeting-records.js";
export { meetingRegularity, type Passbook, passbook } from "./queries.js";
export { type GroupRollUp, rollUp } from "./rollup.js";
export { type GroupRollUpJson, groupRollUpJson, groupRollUpRoutes, yearBefore } from "./rollup-routes.js";
export { groupRoutes } from "./routes.js";
export { findGroup } from "./store.js";
