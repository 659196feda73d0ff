// Writes a transaction puts off until just before it commits: a cache row that many statements of one
// command would each update (a day's total of an account, which a batch of a hundred repayments
// touches a hundred times) is updated once, with what they add up to. Only in transactions opened by
// inTransaction (prepared.ts), which writes what is pending before the commit; anywhere else the
// writer writes at once. A reader of what is pending writes it first (`flush`), so a transaction
// always reads its own writes.
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** database.ts's `Db`, named here so that prepared.ts (which flushes) and this file make no cycle. */
type Db = Kysely<Database>;

/** Per transaction that defers writes, each kind's pending state. */
const pendingIn = new WeakMap<Db, Map<DeferredWrites<unknown>, unknown>>();

/** One kind of deferred write: its pending state per transaction, and how to write it. */
export class DeferredWrites<S> {
  constructor(
    private readonly start: () => S,
    private readonly write: (trx: Db, state: S) => Promise<void>,
  ) {}

  /** The transaction's pending state, to add to; null where the write cannot wait (write it now). */
  pending(trx: Db): S | null {
    const kinds = pendingIn.get(trx);
    if (!kinds) return null;
    let state = kinds.get(this as DeferredWrites<unknown>) as S | undefined;
    if (state === undefined) {
      state = this.start();
      kinds.set(this as DeferredWrites<unknown>, state);
    }
    return state;
  }

  /** Writes what is pending in `db`'s transaction (nothing outside one): a reader calls this first. */
  async flush(db: Db): Promise<void> {
    const kinds = pendingIn.get(db);
    const state = kinds?.get(this as DeferredWrites<unknown>) as S | undefined;
    if (!kinds || state === undefined) return;
    kinds.delete(this as DeferredWrites<unknown>);
    await this.write(db, state);
  }
}

/** Lets writes wait in `trx` until flushDeferredWrites (inTransaction calls both). */
export function deferWritesIn(trx: Db): void {
  pendingIn.set(trx, new Map());
}

/** Writes everything pending in `trx` (before its commit), then stops deferring there. */
export async function flushDeferredWrites(trx: Db): Promise<void> {
  const kinds = pendingIn.get(trx);
  if (!kinds) return;
  while (kinds.size > 0) {
    const [kind] = kinds.keys();
    if (kind) await kind.flush(trx);
  }
  pendingIn.delete(trx);
}

/** Drops what is pending in `trx`: its transaction is rolled back. */
export function dropDeferredWrites(trx: Db): void {
  pendingIn.delete(trx);
}
