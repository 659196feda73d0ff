// The languages Qadam speaks, and a message as each domain writes it: one key with its four texts
// side by side, so a missing translation fails the type check where the key is written.

export const LOCALES = ["kk", "ru", "en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header (q-values honoured). */
export function negotiateLocale(header: string | undefined, fallback: Locale = "en"): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((x) => x.tag && x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0] ?? "";
    if (isLocale(primary)) return primary;
  }
  return fallback;
}

/** One message in every language: Kazakh, Russian, English (the fallback) and French. */
export type Texts = Readonly<Record<Locale, string>>;

/** A domain's messages: texts, grouped by section ("errors", "entities", "statuses.loan"…). */
export interface Catalogue {
  readonly [key: string]: Texts | Catalogue;
}

/** A catalogue as one language reads it: every `Texts` replaced by that language's string. */
export type InLocale<T> = { [K in keyof T]: T[K] extends Texts ? string : InLocale<T[K]> };

function isTexts(value: Texts | Catalogue): value is Texts {
  return LOCALES.every((locale) => typeof (value as Partial<Texts>)[locale] === "string");
}

/** The strings of one language, in the catalogue's shape. */
export function inLocale<T extends Catalogue>(catalogue: T, locale: Locale): InLocale<T> {
  const tree: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(catalogue))
    tree[key] = isTexts(value) ? value[locale] : inLocale(value, locale);
  return tree as InLocale<T>;
}

type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void
  ? I
  : never;

/**
 * The domains' catalogues as one: sections they share ("errors", "entities", "journal") are merged,
 * and a key two domains both define is refused, so no domain can silently overwrite another's text.
 */
export function mergeCatalogues<T extends readonly Catalogue[]>(...parts: T): Intersection<T[number]> {
  const merged: Record<string, Texts | Catalogue> = {};
  const into = (target: Record<string, Texts | Catalogue>, part: Catalogue, path: string): void => {
    for (const [key, value] of Object.entries(part)) {
      const existing = target[key];
      if (existing === undefined) target[key] = isTexts(value) ? value : structuredCopy(value);
      else if (isTexts(existing) || isTexts(value))
        throw new Error(`The message ${path}${key} is defined by two domains`);
      else into(existing as Record<string, Texts | Catalogue>, value, `${path}${key}.`);
    }
  };
  for (const part of parts) into(merged, part, "");
  return merged as Intersection<T[number]>;
}

function structuredCopy(catalogue: Catalogue): Catalogue {
  const copy: Record<string, Texts | Catalogue> = {};
  for (const [key, value] of Object.entries(catalogue))
    copy[key] = isTexts(value) ? value : structuredCopy(value);
  return copy;
}
