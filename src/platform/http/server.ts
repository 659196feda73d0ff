// The HTTP server: Fastify with Zod schemas, the OpenAPI document and docs generated from the same
// schemas, cookie sessions or API tokens, the error shape and language negotiation.
// Domains add their routes through RouteModules; the platform never imports a domain.
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { actorFromApiToken, actorFromSession } from "../auth/sessions.js";
import { DomainError } from "../errors.js";
import { negotiateLocale } from "../i18n/index.js";
import type { AppDeps, RouteModule } from "./context.js";
import { ERROR_SCHEMA, errorBody, handleError } from "./errors.js";

export const SESSION_COOKIE = "qadam_session";

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
          "the message in the Accept-Language (kk, ru, en, fr).",
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
  // Until the web app arrives, the address a newcomer opens leads to the API's documentation.
  app.get("/", { schema: { hide: true }, config: { public: true } }, (_request, reply) =>
    reply.redirect("/api/docs", 302),
  );

  for (const register of modules) {
    await app.register(async (scope) => {
      await register(scope, deps);
    });
  }
  return app;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The path of the first string (or key) holding a control character other than tab and newlines, else null. */
export function controlCharacterIn(value: unknown, path = ""): string | null {
  if (typeof value === "string") return CONTROL.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = controlCharacterIn(item, `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (CONTROL.test(key)) return at;
      const found = controlCharacterIn(item, at);
      if (found !== null) return found;
    }
  }
  return null;
}
