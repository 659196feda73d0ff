// What every browser test file shares: whether the browser tests can run here, screenshots at 360 and
// 1280 px, axe-core's check, choosing the language and logging in as one of the demo's users.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { en } from "../src/i18n/locales/en.js";
import { CHROMIUM, seriousViolations } from "./browser.js";

export const SHOTS = fileURLToPath(new URL("../screenshots/", import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL("../dist/index.html", import.meta.url)));
/** The demo's password for every user (`qadam demo`). */
export const PASSWORD = "qadam-demo-2026";
/** Chromium and the built app are here, or this is CI, where their absence must fail rather than skip. */
export const READY = (existsSync(CHROMIUM) && BUILT) || Boolean(process.env.CI);
if (!READY)
  console.warn(
    `\n!!! The web app's browser tests are SKIPPED: ${existsSync(CHROMIUM) ? "" : `no Chromium at ${CHROMIUM} (apt-get install chromium); `}${BUILT ? "" : "apps/web/dist is not built (npm run build)"}\n`,
  );

/** Saves the page at 360 and 1280 px as screenshots/<name>-<width>.png, then returns to the phone's width. */
export async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width < 600 ? 740 : 860 });
    await page.screenshot({ path: `${SHOTS}${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 360, height: 740 });
}

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect({ screen, violations: await seriousViolations(page) }).toEqual({ screen, violations: [] });
}

export async function chooseLanguage(page: Page, locale: "kk" | "ru" | "en" | "fr"): Promise<void> {
  await page.locator('select[name="language"]').selectOption(locale);
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

/** Fills the log-in form (in English) and submits it. */
export async function logIn(page: Page, login: string, password = PASSWORD): Promise<void> {
  await page.getByLabel(en.login.login).fill(login);
  await page.getByLabel(en.login.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: en.login.submit }).click();
}

/**
 * Waits until the service worker has installed (the app shell in its cache) and controls the page, so
 * that the page keeps working when the context goes offline. The worker claims the page it was
 * installed from; a reload is controlled in any case.
 */
export async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}
