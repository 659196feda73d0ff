// Feature texts loaded one language at a time: only the reader's, each once; the others' when she
// switches (or while a switch is under way); a language that could not be fetched is fetched again.
import type { Locale } from "@qadam/core/i18n/texts";
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalogue } from "./catalogue.js";
import { type FeatureMessageLoaders, loadMessagesIn, registerMessagesIn } from "./register.js";

/** Loaders that count their calls, each language's text naming its language. */
function countingLoaders(failFirst: Locale[] = []) {
  const calls: Locale[] = [];
  const failing = new Set(failFirst);
  const loader = (locale: Locale) => async (): Promise<Catalogue> => {
    calls.push(locale);
    if (failing.delete(locale)) throw new TypeError("Failed to fetch");
    return { hello: `hello in ${locale}` };
  };
  const loaders: FeatureMessageLoaders = {
    kk: loader("kk"),
    ru: loader("ru"),
    en: loader("en"),
    fr: loader("fr"),
  };
  return { loaders, calls };
}

beforeAll(async () => {
  await i18next.init({ resources: {}, lng: "kk", fallbackLng: false, returnNull: false });
});

describe("feature texts by language", () => {
  it("loads the reader's language only, once; the new one's before a switch; both during one", async () => {
    const first = countingLoaders();
    await registerMessagesIn("first", first.loaders, "kk");
    await registerMessagesIn("first", first.loaders, "kk");
    expect(first.calls).toEqual(["kk"]);
    expect(i18next.t("first.hello", { lng: "kk" })).toBe("hello in kk");
    expect(i18next.exists("first.hello", { lng: "ru" })).toBe(false);

    // She switches to Russian: the open feature's Russian texts come first.
    await loadMessagesIn("ru");
    expect(first.calls).toEqual(["kk", "ru"]);
    expect(i18next.t("first.hello", { lng: "ru" })).toBe("hello in ru");

    // A feature opened as the page still shows Kazakh, while the switch to Russian is loading: both.
    const second = countingLoaders();
    await registerMessagesIn("second", second.loaders, "kk");
    expect(second.calls.sort()).toEqual(["kk", "ru"]);
    expect(first.calls).toEqual(["kk", "ru"]);
  });

  it("fetches again a language that could not be fetched", async () => {
    const { loaders, calls } = countingLoaders(["fr"]);
    await registerMessagesIn("third", loaders, "kk");
    await expect(loadMessagesIn("fr")).rejects.toThrow("Failed to fetch");
    expect(i18next.exists("third.hello", { lng: "fr" })).toBe(false);
    await loadMessagesIn("fr");
    expect(i18next.t("third.hello", { lng: "fr" })).toBe("hello in fr");
    expect(calls.filter((l) => l === "fr")).toEqual(["fr", "fr"]);
  });
});
