// The HTTP server: Fastify with Zod schemas, the OpenAPI document and docs generated from the same
// schemas, cookie sessions or API tokens, the error shape and language negotiation.
// Domains add their routes through RouteModules; the platform never imports a domain.
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { DomainError } from "@qadam/core/errors";
import { negotiateLocale } from "@qadam/core/i18n";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { actorFromApiToken, actorFromSession } from "../auth/sessions.js";
import type { AppDeps, RouteModule } from "./context.js";
import { ERROR_SCHEMA, errorBody, handleError } from "./errors.js";
import { completeDocument } from "./openapi.js";
import { webApp } from "./web-app.js";

export const SESSION_COOKIE = "qadam_session";

/** The deepest nesting of arrays and objects a JSON body may have: deeper bodies are refused unread. */
export const MAX_BODY_DEPTH = 64;

export interface RegisteredRoute {
  method: string;
  url: string;
}

const ROUTES = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route of a server built by buildServer, one entry per method (HEAD included). */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return ROUTES.get(app) ?? [];
}

export async function buildServer(deps: AppDeps, modules: RouteModule[]): Promise<FastifyInstance> {
  const logger: FastifyServerOptions["logger"] =
    deps.config.logLevel === "silent"
      ? false
      : {
          level: deps.config.logLevel,
          redact: {
            paths: ["req.headers.cookie", "req.headers.authorization", "body.password"],
            remove: true,
          },
        };
  const app = Fastify({
    logger,
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: false,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ajv: { customOptions: { coerceTypes: false } },
  });
  const routes: RegisteredRoute[] = [];
  ROUTES.set(app, routes);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });

  // A body nested thousands deep is a few kilobytes; every walk over it (ours, Zod's, the hash of
  // an idempotent request) would have to be iterative. Refuse it before parsing instead.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    if (jsonDepthExceeds(String(body), MAX_BODY_DEPTH))
      return done(new DomainError("BODY_TOO_DEEP", { max: MAX_BODY_DEPTH }), undefined);
    void parseJson(request, String(body), done);
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => handleError(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    const locale = negotiateLocale(request.headers["accept-language"]);
    return reply.code(404).send(errorBody(locale, new DomainError("ROUTE_NOT_FOUND")));
  });

  app.decorateRequest("actor", null);
  app.decorateRequest("locale", "en");

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request, context) => {
      const err = new DomainError("RATE_LIMITED");
      const body = errorBody(negotiateLocale(request.headers["accept-language"]), err);
      return Object.assign(new Error(body.error.message), {
        statusCode: context.statusCode,
        code: "FST_ERR_RATE_LIMIT",
      });
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Qadam API",
        version: "1",
        description:
          "Organisations, people, members, users and access for self-help groups, federations and micro-credit " +
          "organisations. Amounts are decimal strings in major units beside their currency. Every write needs an " +
          "Idempotency-Key header. Errors: { error: { code, message, details? } } (components.schemas.Error), " +
          "the message in the Accept-Language (kk, ru, en, fr). " +
          `A JSON body nested deeper than ${MAX_BODY_DEPTH} levels answers 400 BODY_TOO_DEEP.`,
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
          token: { type: "http", scheme: "bearer" },
        },
        schemas: { Error: ERROR_SCHEMA },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (document) =>
      "openapiObject" in document ? completeDocument(document.openapiObject) : document.swaggerObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.get("/api/openapi.json", { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );

  app.addHook("onRequest", async (request) => {
    request.locale = negotiateLocale(request.headers["accept-language"]);
  });

  // Control characters (NUL above all: PostgreSQL refuses it in text, SQLite would store it) are never
  // part of a name, a note or a login: refuse them in any request, the same way on both databases.
  app.addHook("preValidation", async (request) => {
    const path =
      controlCharacterIn(request.body) ??
      controlCharacterIn(request.query) ??
      controlCharacterIn(request.params);
    if (path !== null)
      throw new DomainError("VALIDATION_FAILED", { details: `control character in ${path || "value"}` });
  });

  app.addHook("preHandler", async (request) => {
    if (!request.url.startsWith("/api/v1/") || request.routeOptions.config.public) return;
    const authorization = request.headers.authorization;
    const bearer = authorization?.startsWith("Bearer ") ? authorization.slice(7).trim() : null;
    const sessionToken = request.cookies[SESSION_COOKIE];
    const actor = bearer
      ? await actorFromApiToken(deps.db, deps.clock, bearer)
      : sessionToken
        ? await actorFromSession(deps.db, deps.clock, sessionToken)
        : null;
    if (!actor) throw new DomainError("UNAUTHENTICATED");
    request.actor = request.headers["accept-language"] ? { ...actor, locale: request.locale } : actor;
    request.locale = request.actor.locale;
  });

  app.get("/healthz", { schema: { hide: true }, config: { public: true } }, async () => ({ ok: true }));
  await app.register(webApp());

  for (const register of modules) {
    await app.register(async (scope) => {
      await register(scope, deps);
    });
  }
  return app;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** True when the JSON text nests arrays and objects deeper than `max` (strings skipped, escapes honoured). */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \\ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

/**
 * The path of the first string (or key) holding a control character other than tab and newlines,
 * else null. Iterative, so that no nesting can overflow the stack.
 */
export function controlCharacterIn(value: unknown, path = ""): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path }];
  while (stack.length > 0) {
    const top = stack.pop() as { value: unknown; path: string };
    const at = top.path;
    const v = top.value;
    if (typeof v === "string") {
      if (CONTROL.test(v)) return at;
    } else if (Array.isArray(v)) {
      // Pushed in reverse so that the first offending element, in document order, is found first.
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: `${at}[${i}]` });
    } else if (v && typeof v === "object") {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i] as [string, unknown];
        stack.push({ value: item, path: at ? `${at}.${key}` : key });
      }
      for (const [key] of entries) if (CONTROL.test(key)) return at ? `${at}.${key}` : key;
    }
  }
  return null;
}
