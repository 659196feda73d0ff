// One's own language, remembered for the account (not only on one device): set by the user herself,
// and whether she ever did, so that her choice wins over a device's while the account's first one does not.

import type { Actor } from "@qadam/core/auth/actor";
import { DomainError } from "@qadam/core/errors";
import type { Locale } from "@qadam/core/i18n";
import { everRan } from "../platform/audit.js";
import type { CommandContext } from "../platform/commands.js";
import type { Db } from "../platform/db/database.js";
import { findUser, type User } from "./queries.js";

/** The audit log's name of the command; its presence for a user is what "she chose" means. */
export const SET_OWN_LOCALE = "user.locale";

/** Sets the actor's own language; setting the one she has changes nothing but is still her choice. */
export async function setOwnLocale(trx: Db, ctx: CommandContext, locale: Locale): Promise<User> {
  const userId = ctx.actor.userId;
  if (!userId) throw new DomainError("UNAUTHENTICATED");
  await trx
    .updateTable("users")
    .set({ locale, updatedAt: ctx.now })
    .where("tenantId", "=", ctx.actor.tenantId)
    .where("id", "=", userId)
    .execute();
  ctx.touched("user", userId);
  return findUser(trx, ctx.actor, userId);
}

/** Whether the actor ever chose her language herself (read from the audit log, where each choice is). */
export async function localeChosen(db: Db, actor: Actor): Promise<boolean> {
  if (!actor.userId) return false;
  return everRan(db, actor.tenantId, actor.userId, SET_OWN_LOCALE);
}
