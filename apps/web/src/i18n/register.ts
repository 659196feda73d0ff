// A feature's own texts, added to i18next when its screens load (they are not in the first screen's bundle).
// Each feature keeps them under one top-level key, its name, in src/features/<name>/messages.ts.
import { LOCALES, type Locale } from "@qadam/core/i18n/texts";
import i18next from "i18next";
import type { Catalogue } from "./catalogue.js";

export type FeatureMessages = Record<Locale, Catalogue>;

export function registerMessages(namespace: string, messages: FeatureMessages): void {
  for (const locale of LOCALES)
    i18next.addResourceBundle(locale, "translation", { [namespace]: messages[locale] }, true, true);
}
