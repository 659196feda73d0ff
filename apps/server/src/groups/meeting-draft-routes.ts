// HTTP routes of the meeting draft (what is due at a group's meeting, as the body to post) and the meeting
// kit (what a phone keeps of the group to make that draft and check a meeting itself, offline; the web app's
// offline meeting starts from it). The schemas are the contract's (@qadam/core/groups/contract).

import { recordId } from "@qadam/core/contract/schemas";
import { meetingDraftQuery, meetingDraftSchema } from "@qadam/core/groups/contract";
import { meetingKitSchema } from "@qadam/core/groups/meeting-kit";
import { z } from "zod";
import type { RouteModule } from "../platform/http/context.js";
import { query } from "../platform/http/route.js";
import { meetingDraft, meetingDraftDto } from "./meeting-draft-json.js";
import { meetingKit } from "./meeting-kit-json.js";

export const meetingDraftRoutes: RouteModule = (app, deps) => {
  query(app, {
    method: "GET",
    path: "/api/v1/groups/:groupId/meetings/draft",
    tags: ["groups"],
    summary:
      "What is due at a meeting (default: the next one the rules expect): the meeting's body prefilled from the rules and the books, to post unchanged or corrected; nothing is written",
    description:
      "The meeting of the date (default: the next one the rules expect) prefilled from the rules in force and " +
      "the books: each member's savings, social-fund contribution, installments and fines due, the group's " +
      "outside loans due, and the cash the box should then hold; its `meeting` is the body of POST …/meetings.",
    params: z.object({ groupId: recordId }),
    query: meetingDraftQuery,
    response: meetingDraftSchema,
    errors: ["ORG_NOT_A_GROUP", "BOOKS_NOT_OPEN", "MEETING_NO_RULES", "MEETING_DATE_ORDER"],
    handle: async ({ actor, params, query }) =>
      meetingDraftDto(await meetingDraft(deps.db, actor, params.groupId, query.on ?? null, deps.clock.now())),
  });

  query(app, {
    method: "GET",
    path: "/api/v1/groups/:groupId/meeting-kit",
    tags: ["groups"],
    summary:
      "What a phone keeps of a group to prepare and check a meeting offline: rules, members and savings, balances, open loans; nothing is written",
    description:
      "Every version of the group's rules, its members on the next meeting's date with their savings, the cash " +
      "box, bank, social fund and outside debts, its open internal loans with their repayments, and what its " +
      "loans from the federation or the MFO owe by installment. With it a phone makes the meeting draft " +
      "(@qadam/core/groups/meeting-kit kitDraft) and checks a meeting (checkMeetingOnKit) with the code the " +
      "server runs, with no connection.",
    params: z.object({ groupId: recordId }),
    response: meetingKitSchema,
    errors: ["ORG_NOT_A_GROUP", "BOOKS_NOT_OPEN"],
    handle: async ({ actor, params }) => meetingKit(deps.db, actor, params.groupId, deps.clock.now()),
  });
};
