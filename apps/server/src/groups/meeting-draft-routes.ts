// HTTP route of the meeting draft: what is due at a group's meeting, as the body to post (the web app's
// offline meeting starts from it).

import { calendarDate as date, recordId } from "@qadam/core/contract/schemas";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, type RouteModule } from "../platform/http/context.js";
import { meetingDraft, meetingDraftDto, meetingDraftSchema } from "./meeting-draft-json.js";

export const meetingDraftRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/v1/groups/:groupId/meetings/draft",
    {
      schema: {
        tags: ["groups"],
        summary:
          "What is due at a meeting (default: the next one the rules expect): the meeting's body prefilled from the rules and the books, to post unchanged or corrected; nothing is written",
        params: z.object({ groupId: recordId }),
        querystring: z.object({ on: date.optional() }),
        response: { 200: meetingDraftSchema },
      },
    },
    async (request) =>
      meetingDraftDto(
        await meetingDraft(
          deps.db,
          actorOf(request),
          request.params.groupId,
          request.query.on ?? null,
          deps.clock.now(),
        ),
      ),
  );
};
