// The descriptions of the journal entries Qadam writes itself (a disbursement, a meeting, a share-out),
// in the tenant's language, whoever posts them: the books read in one language from end to end.

import { isLocale, type JournalTextKey, type Locale, translate } from "@qadam/core/i18n";
import { tenantLanguage } from "../orgs/index.js";
import type { CommandContext } from "../platform/commands.js";
import { commandCache } from "../platform/db/command-cache.js";
import type { Db } from "../platform/db/database.js";

/** An entry's description: a key of the messages' "journal" section, with what it interpolates. */
export type EntryText = JournalTextKey | { key: JournalTextKey; params: Record<string, string> };

/** Texts without parameters by language and key: the catalogues never change while Qadam runs. */
const plainTexts = new Map<string, string>();

/** Where a command's cache keeps the tenant's language. */
const languageKey = (tenantId: string) => `tenantLanguage:${tenantId}`;

/**
 * Notes the tenant's language as read in this command's transaction by another query (a loan's row
 * is read with it), so that the entries the command posts need not read it again.
 */
export function noteTenantLanguage(
  db: Db,
  ctx: Pick<CommandContext, "actor">,
  tenantId: string,
  stored: string,
): void {
  commandCache(ctx, db)?.set(languageKey(tenantId), isLocale(stored) ? stored : "kk");
}

/**
 * The tenant's language is read once per command and transaction (a batch of repayments in one
 * command posts many entries), never across commands: it can change between them.
 */
export async function describeEntry(
  db: Db,
  ctx: Pick<CommandContext, "actor">,
  text: EntryText,
): Promise<string> {
  const { key, params } = typeof text === "string" ? { key: text, params: null } : text;
  const cache = commandCache(ctx, db);
  const cacheKey = languageKey(ctx.actor.tenantId);
  let language = cache?.get(cacheKey) as Locale | undefined;
  if (!language) {
    language = await tenantLanguage(db, ctx.actor.tenantId);
    cache?.set(cacheKey, language);
  }
  if (params) return translate(language, `journal.${key}`, params);
  const plainKey = `${language}:${key}`;
  let plain = plainTexts.get(plainKey);
  if (plain === undefined) {
    plain = translate(language, `journal.${key}`, {});
    plainTexts.set(plainKey, plain);
  }
  return plain;
}
