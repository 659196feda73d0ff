// One command, one transaction: a domain command runs inside a transaction together with its
// audit-log row, so it happens whole or not at all. The HTTP layer adds idempotency on top.
import type { Actor } from "@qadam/core/auth/actor";
import type { Clock } from "@qadam/core/clock";
import type { IdSource } from "@qadam/core/ids";
import { type AuditRecord, writeAudit } from "./audit.js";
import type { Db } from "./db/database.js";
import { inTransaction } from "./db/prepared.js";

export interface CommandContext {
  actor: Actor;
  /** The instant the command runs at, the same for every row it writes. */
  now: string;
  ids: IdSource;
  /** Notes a record the command created or changed, for the audit log. */
  touched(type: string, id: string): void;
}

export interface CommandDeps {
  db: Db;
  clock: Clock;
  ids: IdSource;
}

export interface CommandOptions {
  actor: Actor;
  name: string;
  source: "api" | "cli" | "demo";
  idempotencyKey?: string | null;
}

/**
 * Runs `body` in one transaction and writes its audit row in the same transaction.
 * `after` runs inside the transaction too, once the body succeeded (the HTTP layer stores the
 * idempotent response there).
 */
export async function executeCommand<T>(
  deps: CommandDeps,
  options: CommandOptions,
  body: (trx: Db, ctx: CommandContext) => Promise<T>,
  after?: (trx: Db, result: T, ctx: CommandContext) => Promise<void>,
): Promise<T> {
  const now = deps.clock.now().toISOString();
  return inTransaction(deps.db, async (trx) => {
    const records: AuditRecord[] = [];
    const ctx: CommandContext = {
      actor: options.actor,
      now,
      ids: deps.ids,
      touched: (type, id) => {
        records.push({ type, id });
      },
    };
    const result = await body(trx, ctx);
    await writeAudit(trx, {
      id: deps.ids.next(),
      tenantId: options.actor.tenantId,
      userId: options.actor.userId,
      at: now,
      command: options.name,
      records,
      idempotencyKey: options.idempotencyKey ?? null,
      source: options.source,
    });
    if (after) await after(trx, result, ctx);
    return result;
  });
}
