// A feature's own texts, added to i18next when its screens load (they are not in the first screen's bundle).
// Each feature keeps them under one top-level key, its name, in src/features/<name>/messages.ts: all four
// languages at once (registerMessages), or, for the screens a phone opens offline, a chunk per language,
// only the reader's loaded (registerMessagesIn; the language switch loads the new one's first).
import { LOCALES, type Locale } from "@qadam/core/i18n/texts";
import i18next from "i18next";
import type { Catalogue } from "./catalogue.js";

export type FeatureMessages = Record<Locale, Catalogue>;
/** A feature's texts one language at a time: each loader imports that language's file (its own chunk). */
export type FeatureMessageLoaders = Record<Locale, () => Promise<Catalogue>>;

export function registerMessages(namespace: string, messages: FeatureMessages): void {
  for (const locale of LOCALES)
    i18next.addResourceBundle(locale, "translation", { [namespace]: messages[locale] }, true, true);
}

const byLanguage = new Map<string, FeatureMessageLoaders>();
/** Every language asked for so far: the one shown, and any being switched to. */
const wanted = new Set<Locale>();
const loading = new Map<string, Promise<void>>();

function load(namespace: string, loaders: FeatureMessageLoaders, locale: Locale): Promise<void> {
  const key = `${namespace}/${locale}`;
  let done = loading.get(key);
  if (!done) {
    done = loaders[locale]().then((texts) => {
      i18next.addResourceBundle(locale, "translation", { [namespace]: texts }, true, true);
    });
    // Not fetched (no connection, nothing cached): tried again next time it is asked for.
    done.catch(() => loading.delete(key));
    loading.set(key, done);
  }
  return done;
}

/**
 * Adds a feature's texts in `locale`, and in any language a switch is loading meanwhile (so that a
 * screen loaded during a switch has the new language's words too); resolves once they are in.
 */
export async function registerMessagesIn(
  namespace: string,
  loaders: FeatureMessageLoaders,
  locale: Locale,
): Promise<void> {
  byLanguage.set(namespace, loaders);
  wanted.add(locale);
  await Promise.all([...wanted].map((l) => load(namespace, loaders, l)));
}

/** The texts in `locale` of every feature registered by language: the language switch waits for them. */
export async function loadMessagesIn(locale: Locale): Promise<void> {
  wanted.add(locale);
  await Promise.all([...byLanguage].map(([namespace, loaders]) => load(namespace, loaders, locale)));
}
