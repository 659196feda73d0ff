// A route declared once, from its contract: method, path, schemas, tags, summary, description, the
// permission it needs, the error codes it can answer, and for a write its command (idempotent, with
// its request example). The OpenAPI document is generated from these declarations (see openapi.ts).

import type { Actor } from "@qadam/core/auth/actor";
import type { Permission } from "@qadam/core/auth/roles";
import { REFUSED_WITH, VALUE_ISSUE_CODES } from "@qadam/core/contract/schemas";
import type { ErrorCode } from "@qadam/core/errors";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { CommandContext } from "../commands.js";
import type { Db } from "../db/database.js";
import { commandRoute } from "./command-route.js";
import { type AppDeps, actorOf } from "./context.js";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler is given: the parsed parameters, query and body, the request and the reply. */
export interface RouteInput<P, Q, B> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * A collection the response returns: "paged" (limit and cursor in, { items, nextCursor } out; the
 * document and its test check both), or whole, with the reason it is bounded and never paged.
 */
export type ListKind = "paged" | { whole: string };

interface RouteContract<P, Q, B, R> {
  method: Method;
  path: string;
  tags: readonly string[];
  summary: string;
  /** What the operation does, for the reader of the documentation: required on every route. */
  description: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The schema of the success response (status 200, or the command's status). */
  response: R;
  /** The domain's error codes the operation can answer; the platform's own (authentication, validation, idempotency…) are added. */
  errors: readonly ErrorCode[];
  /** The permission the operation checks (in its command or query) on the organisation concerned; documented, and FORBIDDEN added. */
  permission?: Permission;
  /** A response that is a collection says how it is delivered. */
  list?: ListKind;
  /** Anyone may call it (log-in, log-out): no session needed. */
  public?: boolean;
  rateLimit?: { max: number; timeWindow: string };
  /** Replaces the default security (e.g. [] for a public route). */
  security?: readonly Record<string, readonly string[]>[];
}

/** A read: answers what `handle` returns. */
export interface QueryRoute<P, Q, B, R extends z.ZodType> extends RouteContract<P, Q, B, R> {
  status?: number;
  handle: (input: RouteInput<P, Q, B> & { actor: Actor }) => Promise<z.input<R>> | z.input<R>;
}

/** A write that is not an idempotent command (log-in, log-out), with the reason. */
export interface PlainWriteRoute<P, Q, B, R> extends RouteContract<P, Q, B, R> {
  notIdempotent: string;
  example?: Out<B> | z.input<B & z.ZodType>;
  status?: number;
  handle: (input: RouteInput<P, Q, B>) => Promise<unknown>;
}

/** A write: one idempotent command in one transaction (commandRoute), answering what `run` returns. */
export interface CommandRoute<P, Q, B, R extends z.ZodType> extends RouteContract<P, Q, B, R> {
  command: { name: string; status?: number };
  /** A request body that the body schema accepts, shown in the documentation (required when there is a body). */
  example?: B extends z.ZodType ? z.input<B> : never;
  run: (trx: Db, ctx: CommandContext, input: RouteInput<P, Q, B>) => Promise<z.input<R>>;
  /** Runs the command itself (e.g. inside a throttle); `command` runs it as declared. */
  around?: (input: RouteInput<P, Q, B>, command: () => Promise<void>) => Promise<void>;
}

/** The platform's own codes an operation can answer, from what it takes and how it runs. */
function platformCodes(
  spec: RouteContract<unknown, unknown, unknown, unknown>,
  isCommand: boolean,
): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (!spec.public) codes.push("UNAUTHENTICATED");
  if (spec.params || spec.query || spec.body) codes.push("VALIDATION_FAILED");
  if (spec.body || spec.method !== "GET")
    codes.push("MALFORMED_REQUEST", "BODY_TOO_DEEP", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE");
  if (spec.list === "paged") codes.push("INVALID_CURSOR");
  if (spec.permission) codes.push("FORBIDDEN");
  if (spec.params) codes.push("NOT_FOUND");
  if (isCommand) codes.push("IDEMPOTENCY_KEY_REQUIRED", "IDEMPOTENCY_KEY_REUSED", "CONCURRENT_UPDATE");
  if (spec.rateLimit) codes.push("RATE_LIMITED");
  for (const schema of [spec.params, spec.query, spec.body]) {
    if (!(schema instanceof z.ZodType)) continue;
    const json = JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
    for (const code of VALUE_ISSUE_CODES) if (json.includes(`"${REFUSED_WITH}":"${code}"`)) codes.push(code);
  }
  return codes;
}

function errorCodes(
  spec: RouteContract<unknown, unknown, unknown, unknown>,
  isCommand: boolean,
): ErrorCode[] {
  return [...new Set([...platformCodes(spec, isCommand), ...spec.errors])];
}

function described(spec: RouteContract<unknown, unknown, unknown, unknown>): string {
  return spec.permission
    ? `${spec.description}\n\nNeeds the permission \`${spec.permission}\` on the organisation concerned.`
    : spec.description;
}

function inputOf<P, Q, B>(request: FastifyRequest, reply: FastifyReply): RouteInput<P, Q, B> {
  return {
    params: request.params as Out<P>,
    query: request.query as Out<Q>,
    body: request.body as Out<B>,
    request,
    reply,
  };
}

function schemaOf(
  spec: RouteContract<unknown, unknown, unknown, z.ZodType>,
  status: number,
  extra: Record<string, unknown>,
) {
  return {
    tags: [...spec.tags],
    summary: spec.summary,
    description: described(spec),
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { querystring: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    ...(spec.security ? { security: spec.security } : {}),
    response: { [status]: spec.response },
    ...(spec.list ? { "x-list": spec.list === "paged" ? "paged" : `whole: ${spec.list.whole}` } : {}),
    ...(spec.permission ? { "x-permission": spec.permission } : {}),
    ...extra,
  };
}

function configOf(spec: RouteContract<unknown, unknown, unknown, unknown>) {
  return {
    ...(spec.public ? { public: true } : {}),
    ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}),
  };
}

function checkExample(path: string, body: unknown, example: unknown): void {
  if (!(body instanceof z.ZodType)) return;
  if (example === undefined) throw new Error(`${path}: a write with a body needs a request example`);
  const parsed = body.safeParse(example);
  if (!parsed.success)
    throw new Error(`${path}: its example does not match its body: ${parsed.error.message}`);
}

/** Declares a read. */
export function query<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, R extends z.ZodType>(
  app: FastifyInstance,
  spec: QueryRoute<P, Q, undefined, R>,
): void {
  const status = spec.status ?? 200;
  app.route({
    method: spec.method,
    url: spec.path,
    config: configOf(spec),
    schema: schemaOf(spec as RouteContract<unknown, unknown, unknown, z.ZodType>, status, {
      "x-error-codes": errorCodes(spec, false),
    }),
    handler: async (request, reply) => {
      const result = await spec.handle({
        ...inputOf<P, Q, undefined>(request, reply),
        actor: actorOf(request),
      });
      return reply.code(status).send(result);
    },
  });
}

/** Declares a write that is not an idempotent command (only log-in and log-out). */
export function plainWrite<
  P extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType,
>(app: FastifyInstance, spec: PlainWriteRoute<P, undefined, B, R>): void {
  checkExample(spec.path, spec.body, spec.example);
  const status = spec.status ?? 200;
  app.route({
    method: spec.method,
    url: spec.path,
    config: configOf(spec),
    schema: schemaOf(spec as RouteContract<unknown, unknown, unknown, z.ZodType>, status, {
      "x-error-codes": errorCodes(spec, false),
      "x-not-idempotent": spec.notIdempotent,
      ...(spec.example !== undefined ? { "x-example": spec.example } : {}),
    }),
    handler: (request, reply) => spec.handle(inputOf<P, undefined, B>(request, reply)),
  });
}

/** Declares a write: an idempotent command (Idempotency-Key required), run in one transaction. */
export function command<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType,
>(app: FastifyInstance, deps: AppDeps, spec: CommandRoute<P, Q, B, R>): void {
  checkExample(spec.path, spec.body, spec.example);
  const status = spec.command.status ?? 200;
  app.route({
    method: spec.method,
    url: spec.path,
    config: configOf(spec),
    schema: schemaOf(spec as RouteContract<unknown, unknown, unknown, z.ZodType>, status, {
      "x-error-codes": errorCodes(spec, true),
      "x-command": spec.command.name,
      ...(spec.example !== undefined ? { "x-example": spec.example } : {}),
    }),
    handler: async (request, reply) => {
      const input = inputOf<P, Q, B>(request, reply);
      const run = () =>
        commandRoute(deps, request, reply, spec.command, (trx, ctx) => spec.run(trx, ctx, input));
      if (spec.around) await spec.around(input, run);
      else await run();
    },
  });
}
