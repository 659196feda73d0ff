// The descriptions of the journal entries Qadam writes itself (a disbursement, a meeting, a share-out),
// in the tenant's language, whoever posts them: the books read in one language from end to end.
import { tenantLanguage } from "../orgs/tenants.js";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { type JournalTextKey, translate } from "../platform/i18n/index.js";

/** An entry's description: a key of the messages' "journal" section, with what it interpolates. */
export type EntryText = JournalTextKey | { key: JournalTextKey; params: Record<string, string> };

export async function describeEntry(
  db: Db,
  ctx: Pick<CommandContext, "actor">,
  text: EntryText,
): Promise<string> {
  const { key, params } = typeof text === "string" ? { key: text, params: {} } : text;
  return translate(await tenantLanguage(db, ctx.actor.tenantId), `journal.${key}`, params);
}
