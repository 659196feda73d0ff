// The web app in Debian's Chromium against a real `qadam serve` over a fresh demo database: log in,
// languages, one's password, log out, each role's home page, axe-core on every screen, and screenshots
// at 360 and 1280 px in Kazakh and English under apps/web/screenshots/ (git-ignored) for a person to look at.
import { mkdir } from "node:fs/promises";
import { errorMessage } from "@qadam/core/i18n";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../src/i18n/locales/en.js";
import { kk } from "../src/i18n/locales/kk.js";
import { type Browser, launchBrowser } from "./browser.js";
import { chooseLanguage, expectAccessible, logIn, PASSWORD, READY, SHOTS, shoot } from "./helpers.js";
import { type RunningQadam, startQadam } from "./qadam-server.js";

describe.skipIf(!READY)("the web app in Chromium", () => {
  let qadam: RunningQadam;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [qadam, browser] = await Promise.all([startQadam(), launchBrowser()]);
    page = await browser.context.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await qadam?.stop();
  });

  it("shows the log-in page in English and in Kazakh", async () => {
    await page.goto(`${qadam.url}/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(en.login.title);
    await expectAccessible(page, "log-in, English");
    await shoot(page, "login-en");
    await chooseLanguage(page, "kk");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(kk.login.title);
    await expectAccessible(page, "log-in, Kazakh");
    await shoot(page, "login-kk");
    await chooseLanguage(page, "en");
  });

  it("installs as a web app: a manifest with icons, and a service worker holding the app shell", async () => {
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href;
      return href
        ? ((await (await fetch(href)).json()) as { icons: Array<{ sizes: string }>; start_url: string })
        : null;
    });
    expect(manifest?.start_url).toBe("/");
    expect(manifest?.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    const cached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const names = await caches.keys();
      const urls = (
        await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))
      ).flat();
      return urls.map((u) => new URL(u).pathname);
    });
    expect(cached).toEqual(expect.arrayContaining(["/index.html"]));
    expect(cached.some((p) => /^\/assets\/index-.+\.js$/.test(p))).toBe(true);
    expect(cached.some((p) => p.startsWith("/api/"))).toBe(false);
  });

  it("says a wrong password in the reader's language", async () => {
    await logIn(page, "bookkeeper@moldir.demo", "not-her-password");
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain(
      errorMessage("en", { code: "INVALID_CREDENTIALS", params: {} }),
    );
  });

  it("logs the bookkeeper in to her groups and switches the home page to Kazakh, remembered", async () => {
    await logIn(page, "bookkeeper@moldir.demo");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Hello, /);
    const groups = page.locator("section", { has: page.getByRole("heading", { name: en.groups.yours }) });
    await groups.locator(".count").waitFor();
    expect(await groups.locator("li").count()).toBeGreaterThan(0);
    await expectAccessible(page, "home, English");
    await shoot(page, "home-bookkeeper-en");

    await chooseLanguage(page, "kk");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toMatch(/^Сәлеметсіз бе, /);
    await page.getByRole("heading", { name: kk.groups.yours }).waitFor();
    await page.getByRole("button", { name: kk.nav.logOut }).waitFor();
    // Dates in Kazakh words even where the browser lacks Kazakh's Intl data ("2026 M12 2" otherwise).
    expect(await page.locator("main").textContent()).toMatch(/\d{4} ж\. \d{1,2} [а-яәғқңөұүһі]+/);
    expect(await page.locator("main").textContent()).not.toMatch(/M\d{1,2}\b/);
    await expectAccessible(page, "home, Kazakh");
    await shoot(page, "home-bookkeeper-kk");

    await page.reload();
    await page.getByRole("heading", { name: kk.groups.yours }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("kk");
  });

  it("changes her own password, a wrong current one refused on its field", async () => {
    await page.getByRole("link", { name: kk.nav.password }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(kk.password.title);
    await expectAccessible(page, "password, Kazakh");
    await shoot(page, "password-kk");
    const next = "тау-бұлақ-жусан-2026";
    await page.getByLabel(kk.password.current).fill("not-her-password");
    await page.getByLabel(kk.password.new, { exact: true }).fill(next);
    await page.getByLabel(kk.password.repeat).fill(next);
    await page.getByRole("button", { name: kk.password.submit }).click();
    const wrong = errorMessage("kk", { code: "CURRENT_PASSWORD_WRONG", params: {} });
    await page.getByText(wrong).waitFor();
    expect(await page.getByLabel(kk.password.current).getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel(kk.password.current).fill(PASSWORD);
    await page.getByRole("button", { name: kk.password.submit }).click();
    await page.getByRole("status").filter({ hasText: kk.password.changed }).waitFor();
  });

  it("logs out to the log-in page, the session ended", async () => {
    await page.getByRole("button", { name: kk.nav.logOut }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(kk.login.title);
    const status = await page.evaluate(async () => (await fetch("/api/v1/me")).status);
    expect(status).toBe(401);
    await chooseLanguage(page, "en");
    await logIn(page, "bookkeeper@moldir.demo", "тау-бұлақ-жусан-2026");
    // Her own choice, Kazakh, wins over the log-in page's.
    await page.getByRole("heading", { name: kk.groups.yours }).waitFor();
    await page.getByRole("button", { name: kk.nav.logOut }).click();
    await page.getByRole("heading", { name: kk.login.title }).waitFor();
    await chooseLanguage(page, "en");
  });

  for (const [login, role, first] of [
    ["federation@moldir.demo", "federation_officer", en.groups.ofFederation],
    ["credit@moldir.demo", "credit_officer", en.loans.title],
    ["admin@moldir.demo", "tenant_admin", en.users.title],
    ["programme@moldir.demo", "programme_officer", en.people.title],
    ["auditor@moldir.demo", "auditor", en.audit.title],
  ] as const)
    it(`shows the ${role}'s home page with what she does first`, async () => {
      await page.context().clearCookies();
      await page.goto(`${qadam.url}/`);
      await logIn(page, login);
      const panel = page.locator("section", { has: page.getByRole("heading", { name: first }) });
      await panel.locator(".count").waitFor();
      // The demo registers no one under the children's centre yet: her list says so.
      if (role === "programme_officer")
        expect(await panel.locator(".count").textContent()).toBe(en.people.none);
      else expect(await panel.locator("li").count()).toBeGreaterThan(0);
      expect(await page.getByText(en.roleTasks[role]).count()).toBe(1);
      await expectAccessible(page, `home, ${role}`);
      await shoot(page, `home-${role}-en`);
      await page.getByRole("button", { name: en.nav.logOut }).click();
      await page.getByRole("heading", { name: en.login.title }).waitFor();
    });
});
