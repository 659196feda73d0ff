// HTTP routes of a self-help group's books: rules by date, meetings (record, list, read, correct the
// latest), passbooks and missed meetings; share-out and grades in cycle-routes.ts and grade-routes.ts.
// Money goes out as decimal strings beside the group's currency; every write is an idempotent command.

import { calendarDate as date, recordId } from "@qadam/core/contract/schemas";
import { meetingInputJson } from "@qadam/core/groups/meeting-input";
import { groupRulesSpec } from "@qadam/core/groups/rules";
import { checkDate } from "@qadam/core/orgs/values";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { commandRoute } from "../platform/http/command-route.js";
import { actorOf, type RouteModule } from "../platform/http/context.js";
import { adoptRules } from "./commands.js";
import { cycleRoutes } from "./cycle-routes.js";
import { gradeRoutes } from "./grade-routes.js";
import { meetingDraftRoutes } from "./meeting-draft-routes.js";
import {
  correctMeetingJson,
  meetingDto,
  meetingListSchema,
  meetingSchema,
  passbookDto,
  passbookSchema,
  recordedMeetingSchema,
  recordMeetingJson,
  regularitySchema,
  rulesVersionSchema,
  rulesVersionsJson,
  summaryDto,
} from "./meeting-json.js";
import { meetingRecord, meetingsOf } from "./meeting-records.js";
import { meetingRegularity, passbook } from "./queries.js";

const groupParams = z.object({ groupId: recordId });
const meetingParams = z.object({ groupId: recordId, meetingId: recordId });

export const groupRoutes: RouteModule = async (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["groups"];

  app.put(
    "/api/v1/groups/:groupId/rules/:validFrom",
    {
      schema: {
        tags,
        summary:
          "Adopt the group's rules from a date (replacing a version of the same date that no meeting used)",
        params: z.object({ groupId: recordId, validFrom: date }),
        body: groupRulesSpec,
        response: { 200: rulesVersionSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "group.rules" }, async (trx, ctx) => {
        const validFrom = checkDate(request.params.validFrom);
        const adopted = await adoptRules(trx, ctx, request.params.groupId, {
          validFrom,
          rules: request.body,
        });
        return { ...adopted, rules: request.body };
      }),
  );

  app.get(
    "/api/v1/groups/:groupId/rules",
    {
      schema: {
        tags,
        summary: "Every version of the group's rules, oldest first",
        params: groupParams,
        response: { 200: z.object({ items: z.array(rulesVersionSchema) }) },
      },
    },
    async (request) => ({
      items: await rulesVersionsJson(deps.db, actorOf(request), request.params.groupId),
    }),
  );

  app.post(
    "/api/v1/groups/:groupId/meetings",
    {
      schema: {
        tags,
        summary:
          "Record a meeting: attendance of every member, the money moved (amounts in major units) and the cash counted",
        params: groupParams,
        body: meetingInputJson,
        response: { 201: recordedMeetingSchema },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "meeting.record", status: 201 }, (trx, ctx) =>
        recordMeetingJson(trx, ctx, request.params.groupId, request.body),
      ),
  );

  app.get(
    "/api/v1/groups/:groupId/meetings",
    {
      schema: {
        tags,
        summary: "The group's meetings in the order they were recorded, reversed ones included",
        params: groupParams,
        response: {
          200: meetingListSchema,
        },
      },
    },
    async (request) => {
      const list = await meetingsOf(deps.db, actorOf(request), request.params.groupId);
      return {
        groupId: list.groupId,
        currency: list.currency,
        items: list.meetings.map((m) => summaryDto(m, list.currency)),
      };
    },
  );

  app.get(
    "/api/v1/groups/:groupId/meetings/:meetingId",
    {
      schema: {
        tags,
        summary: "One meeting with its attendance and its lines",
        params: meetingParams,
        response: { 200: meetingSchema },
      },
    },
    async (request) =>
      meetingDto(
        await meetingRecord(deps.db, actorOf(request), request.params.groupId, request.params.meetingId),
      ),
  );

  app.post(
    "/api/v1/groups/:groupId/meetings/:meetingId/correction",
    {
      schema: {
        tags,
        summary:
          "Correct the group's latest meeting: its entry is reversed and the replacement, if any, recorded instead",
        params: meetingParams,
        body: z.strictObject({ replacement: meetingInputJson.nullable() }),
        response: {
          200: z.object({ reversed: meetingSchema, replacement: recordedMeetingSchema.nullable() }),
        },
      },
    },
    (request, reply) =>
      commandRoute(deps, request, reply, { name: "meeting.correct" }, (trx, ctx) =>
        correctMeetingJson(
          trx,
          ctx,
          request.params.groupId,
          request.params.meetingId,
          request.body.replacement,
        ),
      ),
  );

  app.get(
    "/api/v1/groups/:groupId/members/:personId/passbook",
    {
      schema: {
        tags,
        summary: "A member's passbook: her savings, loans, fines and social-fund lines with running balances",
        params: z.object({ groupId: recordId, personId: recordId }),
        response: { 200: passbookSchema },
      },
    },
    async (request) =>
      passbookDto(await passbook(deps.db, actorOf(request), request.params.groupId, request.params.personId)),
  );

  app.get(
    "/api/v1/groups/:groupId/meeting-regularity",
    {
      schema: {
        tags,
        summary:
          "Meetings the rules expected between two dates (default: the six months to today), those held, and those missed",
        params: groupParams,
        querystring: z.object({ from: date.optional(), to: date.optional() }),
        response: { 200: regularitySchema },
      },
    },
    async (request) =>
      meetingRegularity(deps.db, actorOf(request), request.params.groupId, request.query, deps.clock.now()),
  );

  await meetingDraftRoutes(fastify, deps);
  await cycleRoutes(fastify, deps);
  await gradeRoutes(fastify, deps);
};
