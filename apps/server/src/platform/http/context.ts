// What every route module receives, and what Fastify requests carry once authenticated.

import type { Actor } from "@qadam/core/auth/actor";
import type { Clock } from "@qadam/core/clock";
import { DomainError } from "@qadam/core/errors";
import type { Locale } from "@qadam/core/i18n";
import type { IdSource } from "@qadam/core/ids";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { LoginPolicy } from "../auth/sessions.js";
import type { Config } from "../config.js";
import type { Db } from "../db/database.js";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** Routes anyone may call (log-in, the OpenAPI document). */
    public?: boolean;
  }
}

export interface AppDeps {
  db: Db;
  clock: Clock;
  ids: IdSource;
  config: Config;
  loginPolicy: LoginPolicy;
}

export type RouteModule = (app: FastifyInstance, deps: AppDeps) => void | Promise<void>;

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError("UNAUTHENTICATED");
  return request.actor;
}
