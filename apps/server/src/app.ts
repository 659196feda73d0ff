// The composition root: the platform's HTTP server with every domain's routes.
// The only module that imports from all domains.
import type { FastifyInstance } from "fastify";
import { bookRoutes } from "./books/routes.js";
import { groupRollUpRoutes } from "./groups/rollup-routes.js";
import { groupRoutes } from "./groups/routes.js";
import { loanRoutes } from "./loans/routes.js";
import { memberRoutes } from "./members/routes.js";
import { orgRoutes } from "./orgs/routes.js";
import { peopleRoutes } from "./people/routes.js";
import type { AppDeps, RouteModule } from "./platform/http/context.js";
import { buildServer } from "./platform/http/server.js";
import { userRoutes } from "./users/routes.js";

export const ROUTE_MODULES: RouteModule[] = [
  orgRoutes,
  peopleRoutes,
  memberRoutes,
  userRoutes,
  bookRoutes,
  loanRoutes,
  groupRoutes,
  groupRollUpRoutes,
];

export function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  return buildServer(deps, ROUTE_MODULES);
}
