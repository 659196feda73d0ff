// What a command reads once and may reuse for the rest of its transaction (the tenant's language, the
// lender's accounts, the accounts already found active and locked): a batch of repayments in one
// command would otherwise read them again for every repayment. Never across commands or
// transactions: a tenant's language can change and an account can close between them.
import type { Db } from "./database.js";

const caches = new WeakMap<object, { trx: Db; values: Map<string, unknown> }>();

/**
 * The values cached for this command (`ctx`) in this transaction, or null outside a transaction
 * (where nothing read holds until the next statement). A new transaction under the same context
 * starts empty.
 */
export function commandCache(ctx: object, trx: Db): Map<string, unknown> | null {
  if (!trx.isTransaction) return null;
  let cache = caches.get(ctx);
  if (!cache || cache.trx !== trx) {
    cache = { trx, values: new Map() };
    caches.set(ctx, cache);
  }
  return cache.values;
}
