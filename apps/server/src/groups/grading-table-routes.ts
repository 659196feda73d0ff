// The tenant's grading table as it was set over time, for the administrator's screen and the auditor:
// every version (PUT /api/v1/grading-table/:validFrom sets one) and the default that holds before them.
import { DEFAULT_GRADING_TABLE, gradingTableSchema } from "@qadam/core/groups/grading";
import { gradingTablesSchema } from "@qadam/core/groups/grading-table-contract";
import type { RouteModule } from "../platform/http/context.js";
import { query } from "../platform/http/route.js";

export const gradingTableRoutes: RouteModule = (app, deps) => {
  query(app, {
    method: "GET",
    path: "/api/v1/grading-table",
    tags: ["groups"],
    summary: "The tenant's grading tables: every version set, oldest first, and the default before them",
    description:
      "Each version of the tenant's scoring table with the day it takes effect and when it was set, oldest " +
      "first; the table in force on a date is the latest version from that date or before, else the default.",
    response: gradingTablesSchema,
    list: { whole: "a tenant sets its grading table a few times in its life, one version per date at most" },
    errors: ["NOT_FOUND"],
    handle: async ({ actor }) => {
      const rows = await deps.db
        .selectFrom("gradingTables")
        .select(["validFrom", "spec", "createdAt"])
        .where("tenantId", "=", actor.tenantId)
        .orderBy("validFrom")
        .execute();
      return {
        default: DEFAULT_GRADING_TABLE,
        items: rows.map((r) => ({
          validFrom: r.validFrom,
          table: gradingTableSchema.parse(JSON.parse(r.spec)),
          createdAt: r.createdAt,
        })),
      };
    },
  });
};
