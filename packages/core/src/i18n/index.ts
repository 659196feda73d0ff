// Translation: i18next over typed catalogues in kk, ru, en and fr; English is the fallback.
import i18next, { type TFunction } from "i18next";
import { type DomainError, isAmountParam, isPhraseParam } from "../errors.js";
import { formatMoneyFor } from "../money/locale-format.js";
import type { Money } from "../money/money.js";
import { type KazakhCase, kazakhCase } from "./kazakh.js";
import { withoutLinePrefix } from "./line-prefix.js";
import { type Entity, messagesIn } from "./messages.js";
import { LOCALES, type Locale } from "./texts.js";

export { LINE_PREFIX, withoutLinePrefix } from "./line-prefix.js";
export type { Entity, FieldName, JournalTextKey, Messages } from "./messages.js";
export { FIELD_NAMES } from "./messages.js";
export { isLocale, LOCALES, type Locale, negotiateLocale } from "./texts.js";

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  resources: Object.fromEntries(LOCALES.map((locale) => [locale, { translation: messagesIn(locale) }])),
  fallbackLng: "en",
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

// A name in a grammatical case: "{{member, genitive}}" puts the Kazakh case ending on it (other
// languages' messages say the case with their own words and leave the name as it is).
for (const grammaticalCase of [
  "genitive",
  "dative",
  "accusative",
  "locative",
] as const satisfies KazakhCase[])
  instance.services.formatter?.add(grammaticalCase, (value: unknown, lng: string | undefined) =>
    lng === "kk" ? kazakhCase(String(value), grammaticalCase) : String(value),
  );

const fixed = new Map<Locale, TFunction>(LOCALES.map((l) => [l, instance.getFixedT(l)]));

export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const t = fixed.get(locale) ?? instance.t;
  return String(t(key, params));
}

export function entityName(locale: Locale, entity: Entity): string {
  return translate(locale, `entities.${entity}`);
}

/** An amount as the reader of `locale` writes it ("90 000,00 ₸" in kk and ru, "₸90,000.00" in en). */
export function amountIn(locale: Locale, amount: Money): string {
  return formatMoneyFor(locale, amount);
}

/** Parameters as the reader of `locale` reads them: amounts written for her, phrases translated. */
function forReader(locale: Locale, given: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const params: Record<string, unknown> = { ...given };
  for (const [name, value] of Object.entries(params))
    if (isAmountParam(value)) params[name] = amountIn(locale, value as Money);
    else if (isPhraseParam(value))
      params[name] = translate(locale, `problems.${value.phrase}`, forReader(locale, value.params ?? {}));
  return params;
}

/** The user-facing message for a domain error, in the given language; every amount written for it. */
export function errorMessage(locale: Locale, error: Pick<DomainError, "code" | "params">): string {
  const params = forReader(locale, error.params);
  if (typeof params.entity === "string") params.entity = entityName(locale, params.entity as Entity);
  return translate(locale, `errors.${error.code}`, params);
}

/**
 * The message for a problem shown on the line it concerns (the phone's meeting flow): without its
 * "Line 3: ", which names the line by its place in the request body, a number the reader never sees.
 */
export function errorMessageOnItsLine(locale: Locale, error: Pick<DomainError, "code" | "params">): string {
  const message = errorMessage(locale, error);
  return error.params.line === undefined ? message : withoutLinePrefix(message);
}

/** Whether `key` has a text in `locale` itself (or in English, the fallback). */
export function translationExists(locale: Locale, key: string): boolean {
  return instance.exists(key, { lng: locale });
}
