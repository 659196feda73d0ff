// A write through the API: authenticated, carrying an Idempotency-Key, run as one command in one
// transaction. A replay with the same key and body returns the first response and changes nothing;
// the same key with a different body answers 409. The stored response is written in the command's
// own transaction, so a response is stored if and only if the command happened. No password is
// stored, even as a plain digest (see requestHash).
import { createHash, createHmac, randomBytes } from "node:crypto";
import { DomainError } from "@qadam/core/errors";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type CommandContext, executeCommand } from "../commands.js";
import { isUniqueViolation } from "../db/constraint-errors.js";
import type { Db } from "../db/database.js";
import { type AppDeps, actorOf } from "./context.js";

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Fields whose values are secrets: a request holding one is hashed with the server's key. */
const SECRET_FIELDS = /password/i;

function holdsSecret(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsSecret);
  if (value && typeof value === "object")
    return Object.entries(value).some(([k, v]) => SECRET_FIELDS.test(k) || holdsSecret(v));
  return false;
}

/** Stands in for the configured server secret where none was given (tests, an in-memory database). */
const PROCESS_SECRET = randomBytes(32).toString("base64url");

/**
 * What identifies a request for its Idempotency-Key: the same key with a different body (a different
 * password included) answers 409. A body holding a password is hashed with HMAC under the server's
 * secret: a plain digest of it could be tried against a list of passwords by whoever reads the table.
 */
export function requestHash(method: string, url: string, body: unknown, secret: string): string {
  const text = `${method} ${url}\n${JSON.stringify(canonical(body ?? null))}`;
  if (holdsSecret(body)) return createHmac("sha256", secret).update(text).digest("hex");
  return createHash("sha256").update(text).digest("hex");
}

async function storedResponse(db: Db, tenantId: string, userId: string, key: string) {
  return db
    .selectFrom("idempotencyKeys")
    .select(["requestHash", "statusCode", "responseBody"])
    .where("tenantId", "=", tenantId)
    .where("userId", "=", userId)
    .where("key", "=", key)
    .executeTakeFirst();
}

export async function commandRoute<T>(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  spec: { name: string; status?: number },
  body: (trx: Db, ctx: CommandContext) => Promise<T>,
): Promise<void> {
  const actor = actorOf(request);
  const header = request.headers["idempotency-key"];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key === "") throw new DomainError("IDEMPOTENCY_KEY_REQUIRED");
  if (!KEY_PATTERN.test(key)) throw new DomainError("VALIDATION_FAILED", { details: "Idempotency-Key" });
  // Only a user can replay; the operator at the command line never comes through HTTP.
  const userId = actor.userId ?? "";
  const hash = requestHash(
    request.method,
    request.url,
    request.body,
    deps.config.serverSecret ?? PROCESS_SECRET,
  );

  const replay = async (): Promise<boolean> => {
    const stored = await storedResponse(deps.db, actor.tenantId, userId, key);
    if (!stored) return false;
    if (stored.requestHash !== hash) throw new DomainError("IDEMPOTENCY_KEY_REUSED");
    reply
      .code(stored.statusCode)
      .header("idempotent-replayed", "true")
      .type("application/json; charset=utf-8")
      .serializer((payload: unknown) => String(payload))
      .send(stored.responseBody);
    return true;
  };

  if (await replay()) return;

  const status = spec.status ?? 200;
  let result: T;
  try {
    result = await executeCommand(
      deps,
      { actor, name: spec.name, source: "api", idempotencyKey: key },
      body,
      async (trx, value, ctx) => {
        await trx
          .insertInto("idempotencyKeys")
          .values({
            tenantId: actor.tenantId,
            userId,
            key,
            requestHash: hash,
            method: request.method,
            path: request.url.slice(0, 1000),
            statusCode: status,
            responseBody: JSON.stringify(value),
            createdAt: ctx.now,
          })
          .execute();
      },
    );
  } catch (error) {
    // Two requests with one key raced: the loser's transaction rolled back; answer with the winner's.
    if (isUniqueViolation(error)) {
      if (await replay()) return;
    }
    throw error;
  }
  await reply.code(status).send(result);
}
