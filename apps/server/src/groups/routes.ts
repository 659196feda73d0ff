// HTTP routes of a self-help group's books: rules by date, meetings (record, list, read, correct the
// latest), passbooks and missed meetings; share-out and grades in cycle-routes.ts and grade-routes.ts.
// Money goes out as decimal strings beside the group's currency; every write is an idempotent command.
// The schemas are the contract's (@qadam/core/groups/contract).

import { calendarDate as date, recordId } from "@qadam/core/contract/schemas";
import {
  correctionSchema,
  correctMeetingBody,
  meetingListSchema,
  meetingSchema,
  meetingsQuery,
  passbookSchema,
  recordedMeetingSchema,
  regularityQuery,
  regularitySchema,
  rulesVersionSchema,
  rulesVersionsSchema,
} from "@qadam/core/groups/contract";
import { GROUP_ERRORS } from "@qadam/core/groups/errors";
import { meetingInputJson } from "@qadam/core/groups/meeting-input";
import { DEFAULT_RULES, groupRulesSpec } from "@qadam/core/groups/rules";
import { checkDate } from "@qadam/core/orgs/values";
import { z } from "zod";
import type { RouteModule } from "../platform/http/context.js";
import { command, query } from "../platform/http/route.js";
import { adoptRules } from "./commands.js";
import { cycleRoutes } from "./cycle-routes.js";
import { gradeRoutes } from "./grade-routes.js";
import { meetingDraftRoutes } from "./meeting-draft-routes.js";
import {
  correctMeetingJson,
  meetingDto,
  passbookDto,
  recordMeetingJson,
  rulesVersionsJson,
  summaryDto,
} from "./meeting-json.js";
import { meetingRecord, meetingsOf } from "./meeting-records.js";
import { meetingRegularity, passbook } from "./queries.js";

const groupParams = z.object({ groupId: recordId });
const meetingParams = z.object({ groupId: recordId, meetingId: recordId });
const tags = ["groups"];

/** The group, as a write to its books finds it (findGroup). */
const GROUP_CHECKS = ["ORG_NOT_A_GROUP", "BOOKS_NOT_OPEN"] as const;
/** Every refusal of a meeting: its date, its rules, and every MEETING_* check of planMeeting. */
const MEETING_CHECKS = [
  ...GROUP_CHECKS,
  ...(Object.keys(GROUP_ERRORS) as Array<keyof typeof GROUP_ERRORS>).filter(
    (code) =>
      code.startsWith("MEETING_") && code !== "MEETING_NOT_LATEST" && code !== "MEETING_ALREADY_REVERSED",
  ),
  "ORG_DATE_BEFORE_OPENING",
  "ID_CONFLICT",
  "UNKNOWN_CURRENCY",
] as const;

const EXAMPLE_MEMBER = "0190f3d2-6a4e-7c1b-9f00-3b2a1c0d4e60";
const EXAMPLE_OTHER = "0190f3d2-6a4e-7c1b-9f00-3b2a1c0d4e61";

/** A meeting as posted: two members, their savings and social-fund contributions, a fine and a loan. */
export const MEETING_EXAMPLE = {
  heldOn: "2026-03-04",
  attendance: [
    { personId: EXAMPLE_MEMBER, status: "present" },
    { personId: EXAMPLE_OTHER, status: "late" },
  ],
  lines: [
    { kind: "savings", personId: EXAMPLE_MEMBER, amount: "500" },
    { kind: "savings", personId: EXAMPLE_OTHER, amount: "500" },
    { kind: "socialContribution", personId: EXAMPLE_MEMBER, amount: "100" },
    { kind: "socialContribution", personId: EXAMPLE_OTHER, amount: "100" },
    { kind: "fine", personId: EXAMPLE_OTHER, amount: "50", reason: "lateness" },
    { kind: "loan", personId: EXAMPLE_MEMBER, amount: "1000", termMonths: 4, purpose: "seed" },
  ],
  cashCounted: "250",
} satisfies z.input<typeof meetingInputJson>;

export const groupRoutes: RouteModule = async (app, deps) => {
  command(app, deps, {
    method: "PUT",
    path: "/api/v1/groups/:groupId/rules/:validFrom",
    tags,
    summary:
      "Adopt the group's rules from a date (replacing a version of the same date that no meeting used)",
    description:
      "The group's rules (meeting frequency, savings, loans, fines, social fund, cycle) from a date on; a " +
      "version of the same date is replaced only if no meeting used it, and a date on or before the latest " +
      "meeting is refused.",
    permission: "meetings.write",
    params: z.object({ groupId: recordId, validFrom: date }),
    body: groupRulesSpec,
    example: DEFAULT_RULES,
    response: rulesVersionSchema,
    errors: [...GROUP_CHECKS, "RULES_INVALID", "RULES_BEFORE_LATEST_MEETING"],
    command: { name: "group.rules" },
    run: async (trx, ctx, { params, body }) => {
      const validFrom = checkDate(params.validFrom);
      const adopted = await adoptRules(trx, ctx, params.groupId, { validFrom, rules: body });
      return { ...adopted, rules: body };
    },
  });

  query(app, {
    method: "GET",
    path: "/api/v1/groups/:groupId/rules",
    tags,
    summary: "Every version of the group's rules, oldest first",
    description:
      "The versions of the group's rules as adopted, each with the date it applies from, oldest first.",
    params: groupParams,
    response: rulesVersionsSchema,
    list: { whole: "a group adopts a version of its rules a few times in its life, at most once a meeting" },
    errors: GROUP_CHECKS,
    handle: async ({ actor, params }) => ({ items: await rulesVersionsJson(deps.db, actor, params.groupId) }),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/groups/:groupId/meetings",
    tags,
    summary:
      "Record a meeting: attendance of every member, the money moved (amounts in major units) and the cash counted",
    description:
      "Records a meeting whole, checked line by line under the rules in force on its date (every refusal at " +
      "once, each with its path), as one balanced entry of the group's books. Under an id chosen by the " +
      "client, the same meeting sent again is answered as recorded. GET …/meetings/draft gives this body prefilled.",
    permission: "meetings.write",
    params: groupParams,
    body: meetingInputJson,
    example: MEETING_EXAMPLE,
    response: recordedMeetingSchema,
    errors: MEETING_CHECKS,
    command: { name: "meeting.record", status: 201 },
    run: (trx, ctx, { params, body }) => recordMeetingJson(trx, ctx, params.groupId, body),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/groups/:groupId/meetings",
    tags,
    summary: "The group's meetings in the order they were recorded, reversed ones included",
    description:
      "The group's meetings in the order they were recorded (seq), reversed ones and their replacements " +
      "included, beside the group's currency, a page at a time.",
    params: groupParams,
    query: meetingsQuery,
    response: meetingListSchema,
    list: "paged",
    errors: GROUP_CHECKS,
    handle: async ({ actor, params, query }) => {
      const list = await meetingsOf(deps.db, actor, params.groupId, query);
      return {
        groupId: list.groupId,
        currency: list.currency,
        items: list.meetings.map((m) => summaryDto(m, list.currency)),
        nextCursor: list.nextCursor,
      };
    },
  });

  query(app, {
    method: "GET",
    path: "/api/v1/groups/:groupId/meetings/:meetingId",
    tags,
    summary: "One meeting with its attendance and its lines",
    description:
      "A meeting of the group with its attendance and its lines as sent, each loan line with the loan it " +
      "issued and each repayment with its interest part.",
    params: meetingParams,
    response: meetingSchema,
    errors: GROUP_CHECKS,
    handle: async ({ actor, params }) =>
      meetingDto(await meetingRecord(deps.db, actor, params.groupId, params.meetingId)),
  });

  command(app, deps, {
    method: "POST",
    path: "/api/v1/groups/:groupId/meetings/:meetingId/correction",
    tags,
    summary:
      "Correct the group's latest meeting: its entry is reversed and the replacement, if any, recorded instead",
    description:
      "Only the group's latest meeting can be corrected: its entry is reversed, the loans it issued are " +
      "cancelled, and the replacement (null for none) is recorded in its place, checked as a new meeting.",
    permission: "meetings.write",
    params: meetingParams,
    body: correctMeetingBody,
    example: { replacement: MEETING_EXAMPLE },
    response: correctionSchema,
    errors: [...MEETING_CHECKS, "MEETING_NOT_LATEST", "MEETING_ALREADY_REVERSED"],
    command: { name: "meeting.correct" },
    run: (trx, ctx, { params, body }) =>
      correctMeetingJson(trx, ctx, params.groupId, params.meetingId, body.replacement),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/groups/:groupId/members/:personId/passbook",
    tags,
    summary: "A member's passbook: her savings, loans, fines and social-fund lines with running balances",
    description:
      "Every line of the member's at the group's posted meetings, oldest first, with her savings and loans " +
      "after each, and her totals.",
    params: z.object({ groupId: recordId, personId: recordId }),
    response: passbookSchema,
    errors: GROUP_CHECKS,
    handle: async ({ actor, params }) =>
      passbookDto(await passbook(deps.db, actor, params.groupId, params.personId)),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/groups/:groupId/meeting-regularity",
    tags,
    summary:
      "Meetings the rules expected between two dates (default: the six months to today), those held, and those missed",
    description:
      "The meeting dates the group's rules expected over the period, the meetings held, each expected one " +
      "matched with the meeting held for it, the missed ones and the extra ones. A period is at most ten years.",
    params: groupParams,
    query: regularityQuery,
    response: regularitySchema,
    errors: [...GROUP_CHECKS, "PERIOD_INVALID"],
    handle: ({ actor, params, query }) =>
      meetingRegularity(deps.db, actor, params.groupId, query, deps.clock.now()),
  });

  await meetingDraftRoutes(app, deps);
  await cycleRoutes(app, deps);
  await gradeRoutes(app, deps);
};
