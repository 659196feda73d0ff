import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ROLES } from "@qadam/core/auth/roles";
import { LOCALES } from "@qadam/core/i18n";
import { ORG_KINDS } from "@qadam/core/orgs/types";
import { describe, expect, it } from "vitest";
import type { Catalogue } from "./catalogue.js";
import { en } from "./locales/en.js";
import { fr } from "./locales/fr.js";
import { kk } from "./locales/kk.js";
import { ru } from "./locales/ru.js";

const BASE: Record<string, Catalogue> = { kk, ru, en, fr };
const FEATURES = fileURLToPath(new URL("../features/", import.meta.url));

/**
 * Each feature's texts (src/features/<name>/messages.ts), under its name as the app registers them: all
 * four languages at once, or a loader per language (each loaded here).
 */
async function featureMessages(): Promise<Record<string, Record<string, Catalogue>>> {
  const names = (await readdir(FEATURES, { withFileTypes: true })).filter((d) => d.isDirectory());
  const found: Record<string, Record<string, Catalogue>> = {};
  for (const dir of names) {
    const module = (await import(join(FEATURES, dir.name, "messages.ts"))) as {
      messages: Record<string, Catalogue | (() => Promise<Catalogue>)>;
    };
    const languages = await Promise.all(
      Object.entries(module.messages).map(async ([locale, texts]) => [
        locale,
        typeof texts === "function" ? await texts() : texts,
      ]),
    );
    found[dir.name] = Object.fromEntries(languages);
  }
  return found;
}

const features = await featureMessages();
/** The base catalogues with every feature's texts under its name: what a reader of each language can see. */
const CATALOGUES: Record<string, Catalogue> = Object.fromEntries(
  Object.entries(BASE).map(([locale, base]) => [
    locale,
    {
      ...base,
      ...Object.fromEntries(Object.entries(features).map(([name, m]) => [name, m[locale] ?? {}])),
    },
  ]),
);
const english = CATALOGUES.en as Catalogue;
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every text's key, "groups.count_one" style. */
function keysOf(catalogue: Catalogue, prefix = ""): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function textAt(catalogue: Catalogue, key: string): string | undefined {
  let at: string | Catalogue | undefined = catalogue;
  for (const part of key.split(".")) at = typeof at === "object" ? at[part] : undefined;
  return typeof at === "string" ? at : undefined;
}

/** What a language must have for each key of English: plural keys in each of its Intl categories. */
function expectedKeys(locale: string): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const bases = new Set(keysOf(english).map((k) => k.replace(PLURAL, "")));
  const plural = new Set(
    keysOf(english)
      .filter((k) => PLURAL.test(k))
      .map((k) => k.replace(PLURAL, "")),
  );
  return [...bases]
    .flatMap((base) => (plural.has(base) ? categories.map((c) => `${base}_${c}`) : [base]))
    .sort();
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe("the web app's catalogues", () => {
  for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
    it(`${locale} has every key, each plural in each of its Intl categories, and nothing else`, () => {
      expect(keysOf(catalogue).sort()).toEqual(expectedKeys(locale));
    });

    it(`${locale} texts are not empty and use the same placeholders as English`, () => {
      for (const key of keysOf(catalogue)) {
        const text = textAt(catalogue, key) ?? "";
        expect({ key, empty: text.trim() === "" }).toEqual({ key, empty: false });
        const reference = textAt(english, key) ?? textAt(english, key.replace(PLURAL, "_other")) ?? "";
        expect({ key, placeholders: placeholders(text) }).toEqual({
          key,
          placeholders: placeholders(reference),
        });
      }
    });
  }

  it("has a text for every key the app's source asks for", async () => {
    const src = fileURLToPath(new URL("../", import.meta.url));
    const files = (await readdir(src, { recursive: true })).filter(
      (f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"),
    );
    const asked = new Set<string>();
    for (const file of files) {
      const code = await readFile(join(src, file), "utf8");
      for (const m of code.matchAll(/\bt\(\s*"([a-zA-Z][\w.]*)"/g)) asked.add(m[1] ?? "");
      for (const m of code.matchAll(/titleKey="([a-zA-Z][\w.]*)"/g)) asked.add(m[1] ?? "");
    }
    expect(asked.size).toBeGreaterThan(30);
    const known = new Set(keysOf(english).map((k) => k.replace(PLURAL, "")));
    expect([...asked].filter((k) => !known.has(k))).toEqual([]);
  });

  it("names every role, its work, every kind of organisation and every language", () => {
    const needed = [
      ...ROLES.flatMap((r) => [`roles.${r}`, `roleTasks.${r}`]),
      ...ORG_KINDS.map((k) => `orgKinds.${k}`),
      ...LOCALES.map((l) => `languages.${l}`),
    ];
    expect(needed.filter((k) => textAt(english, k) === undefined)).toEqual([]);
  });

  it("keeps each feature's texts under its own name, apart from the base catalogue's", () => {
    expect(Object.keys(features).filter((name) => name in en)).toEqual([]);
  });

  it("finds every feature's texts, in every language, those loaded one language at a time included", () => {
    for (const [name, texts] of Object.entries(features))
      expect({ name, locales: Object.keys(texts).sort() }).toEqual({ name, locales: [...LOCALES].sort() });
    for (const name of ["meeting", "outbox"])
      for (const locale of LOCALES) expect(keysOf(features[name]?.[locale] ?? {}).length).toBeGreaterThan(20);
  });

  it("fails on a key missing from one language", () => {
    const { network: _dropped, ...errors } = fr.errors;
    const broken = { ...(CATALOGUES.fr as Catalogue), errors };
    expect(keysOf(broken).sort()).not.toEqual(expectedKeys("fr"));
  });
});
