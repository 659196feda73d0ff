// Entries a command of one organisation caused in another's books (a meeting's membership fee in its
// federation's books), and their reversal when the command is corrected. Written with writeEntry: the
// correcting command is entitled to write there on the other organisation's behalf, as it was to post.
import { reversalOf } from "@qadam/core/books/journal";
import { currency, money } from "@qadam/core/money";
import { tenantOrganisation } from "../orgs/index.js";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { toBigInt } from "../platform/db/ints.js";
import { writeEntry } from "./store.js";

/**
 * Reverses every original entry (not itself a reversal) that `cause` posted in an organisation other
 * than `exceptOrgId`, each in its own organisation's books, dated and described by `correction`.
 */
export async function reverseEntriesCausedElsewhere(
  trx: Db,
  ctx: CommandContext,
  a: {
    tenantId: string;
    cause: { type: string; id: string };
    exceptOrgId: string;
    correction: { businessDate: string; description: string };
  },
): Promise<number> {
  const entries = await trx
    .selectFrom("journalEntries")
    .select(["id", "orgId", "businessDate", "description", "causeType", "causeId"])
    .where("tenantId", "=", a.tenantId)
    .where("causeType", "=", a.cause.type)
    .where("causeId", "=", a.cause.id)
    .where("orgId", "<>", a.exceptOrgId)
    .where("reversesId", "is", null)
    .execute();
  for (const e of entries) {
    const lines = await trx
      .selectFrom("journalLines")
      .select(["accountId", "amount", "currency"])
      .where("entryId", "=", e.id)
      .orderBy("lineNo")
      .execute();
    await writeEntry(
      trx,
      ctx,
      await tenantOrganisation(trx, a.tenantId, e.orgId),
      reversalOf(
        {
          id: e.id,
          businessDate: e.businessDate,
          description: e.description,
          cause: { type: e.causeType, id: e.causeId },
          lines: lines.map((l) => ({
            account: l.accountId,
            amount: money(toBigInt(l.amount), currency(l.currency)),
          })),
        },
        a.correction,
      ),
    );
  }
  return entries.length;
}
