// The composition root: the platform's HTTP server with every domain's routes.
// The only module that imports from all domains.
import type { FastifyInstance } from "fastify";
import { bookRoutes } from "./books/index.js";
import { dashboardRoutes } from "./dashboard/index.js";
import { gradingTableRoutes, groupRollUpRoutes, groupRoutes } from "./groups/index.js";
import { dueListRoutes, loanRoutes } from "./loans/index.js";
import { orgRoutes } from "./orgs/index.js";
import { memberRoutes, peopleRoutes } from "./people/index.js";
import type { AppDeps, RouteModule } from "./platform/http/context.js";
import { buildServer } from "./platform/http/server.js";
import { userRoutes } from "./users/index.js";

export const ROUTE_MODULES: RouteModule[] = [
  orgRoutes,
  peopleRoutes,
  memberRoutes,
  userRoutes,
  bookRoutes,
  loanRoutes,
  dueListRoutes,
  groupRoutes,
  groupRollUpRoutes,
  dashboardRoutes,
  gradingTableRoutes,
];

export function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  return buildServer(deps, ROUTE_MODULES);
}
