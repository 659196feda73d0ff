// The web app's i18next: its own catalogues in kk, ru, en and fr (English the fallback), plurals by
// Intl's categories, and the reader's choice of language remembered on this device and, per user, on
// her account (the language switch saves it; whoAmI brings it to a new device).
import { isLocale, LOCALES, type Locale, negotiateLocale } from "@qadam/core/i18n/texts";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./locales/en.js";
import { fr } from "./locales/fr.js";
import { kk } from "./locales/kk.js";
import { ru } from "./locales/ru.js";
import { type FeatureMessageLoaders, loadMessagesIn, registerMessagesIn } from "./register.js";

export { LOCALES, type Locale };

export const CATALOGUES = { kk, ru, en, fr } as const;

const DEVICE_KEY = "qadam.locale";
const userKey = (userId: string) => `qadam.locale.${userId}`;

function stored(key: string): Locale | null {
  try {
    const value = localStorage.getItem(key);
    return value && isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function remember(key: string, locale: Locale): void {
  try {
    localStorage.setItem(key, locale);
  } catch {
    // Private browsing or a full storage: the choice holds for this visit only.
  }
}

/** The language to start in: the last one chosen on this device, else the browser's, else Kazakh. */
export function initialLocale(): Locale {
  return stored(DEVICE_KEY) ?? negotiateLocale(navigator.languages.join(","), "kk");
}

/** After log-in: the user's own choice on this device, else the one on screen if chosen here, else her account's. */
export function localeForUser(userId: string, accountLocale: string): Locale {
  return stored(userKey(userId)) ?? stored(DEVICE_KEY) ?? (isLocale(accountLocale) ? accountLocale : "kk");
}

/** Her own choice, as her account remembers it: on this device it wins over the log-in page's. */
export function rememberUserLocale(userId: string, locale: string): void {
  if (isLocale(locale)) remember(userKey(userId), locale);
}

/** Switches the language now and remembers it for this device and, when logged in, for the user. */
export async function chooseLocale(locale: Locale, userId: string | null): Promise<void> {
  remember(DEVICE_KEY, locale);
  if (userId) remember(userKey(userId), locale);
  // The open features' texts in that language first (a chunk each). One that cannot be fetched now is
  // fetched again when its screen next opens: the switch is not refused for it.
  await loadMessagesIn(locale).catch(() => undefined);
  await i18next.changeLanguage(locale);
}

/**
 * A screen's chunk and its feature's texts in the reader's language, fetched side by side (for React's
 * lazy): the screen shows once it has its words, a phone downloads only her language's.
 */
export async function withTexts<T>(
  namespace: string,
  loaders: FeatureMessageLoaders,
  load: () => Promise<T>,
): Promise<T> {
  const [screen] = await Promise.all([load(), registerMessagesIn(namespace, loaders, currentLocale())]);
  return screen;
}

export function currentLocale(): Locale {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return lng && isLocale(lng) ? lng : "en";
}

export async function setUpI18n(locale: Locale): Promise<void> {
  i18next.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
  });
  await i18next.use(initReactI18next).init({
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: CATALOGUES[l] }])),
    lng: locale,
    fallbackLng: "en",
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
}
