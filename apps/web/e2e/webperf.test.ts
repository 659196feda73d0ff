// Her language follows her account: chosen in one browser, found in a fresh one (a new device) after
// log-in, and her choice there wins over the log-in page's language.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../src/i18n/locales/en.js";
import { kk } from "../src/i18n/locales/kk.js";
import { ru } from "../src/i18n/locales/ru.js";
import { type Browser, launchBrowser } from "./browser.js";
import { chooseLanguage, logIn, PASSWORD, READY } from "./helpers.js";
import { type RunningQadam, startQadam } from "./qadam-server.js";

// The demo gives the auditor English: Kazakh on a new device can only come from her own choice.
const AUDITOR = "auditor@moldir.demo";

describe.skipIf(!READY)("her language, remembered on her account", () => {
  let qadam: RunningQadam;
  const browsers: Browser[] = [];

  async function freshPage(): Promise<Page> {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await browser.context.newPage();
    await page.goto(`${qadam.url}/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(en.login.title);
    return page;
  }

  beforeAll(async () => {
    qadam = await startQadam();
  }, 240_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await qadam?.stop();
  });

  it("chooses Kazakh in one browser and finds it after logging in on a new one", async () => {
    const first = await freshPage();
    await logIn(first, AUDITOR);
    await expect.poll(() => first.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Hello, /);
    const saved = first.waitForResponse(
      (r) => r.request().method() === "PATCH" && new URL(r.url()).pathname === "/api/v1/me",
    );
    await chooseLanguage(first, "kk");
    expect((await saved).status()).toBe(200);

    const second = await freshPage();
    await logIn(second, AUDITOR);
    await expect
      .poll(() => second.getByRole("heading", { level: 1 }).textContent())
      .toMatch(/^Сәлеметсіз бе, /);
    await second.getByRole("button", { name: kk.nav.logOut }).waitFor();
    expect(await second.evaluate(() => document.documentElement.lang)).toBe("kk");
  }, 90_000);

  it("prefers her choice to the log-in page's on yet another device, and saves a new choice there", async () => {
    const third = await freshPage();
    await chooseLanguage(third, "ru");
    await third.locator('input[name="login"]').fill(AUDITOR);
    await third.locator('input[name="password"]').fill(PASSWORD);
    await third.getByRole("button", { name: ru.login.submit }).click();
    await third.getByRole("button", { name: kk.nav.logOut }).waitFor();
    expect(await third.evaluate(() => document.documentElement.lang)).toBe("kk");
    const saved = third.waitForResponse((r) => r.request().method() === "PATCH");
    await chooseLanguage(third, "fr");
    await saved;
    const me = await third.evaluate(async () => (await fetch("/api/v1/me")).json());
    expect(me).toMatchObject({ user: { locale: "fr" }, localeChosen: true });
  }, 90_000);
});
