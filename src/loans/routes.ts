// HTTP routes of the loan engine; for now the schedule preview, computed without the database.
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { RouteModule } from "../platform/http/context.js";
import { previewOptions, previewSchedule, schedulePreviewSchema } from "./preview.js";

export const loanRoutes: RouteModule = (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/v1/loans/schedule-preview",
    {
      schema: {
        tags: ["loans"],
        summary: "Preview a repayment schedule and its effective annual rate (ГЭСВ) for given terms",
        querystring: previewOptions,
        response: { 200: schedulePreviewSchema },
      },
    },
    async (request) => previewSchedule(request.query),
  );
};
