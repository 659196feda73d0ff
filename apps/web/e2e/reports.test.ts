// The manager's screens in Chromium against a real `qadam serve` over a fresh demo: the dashboard draws
// its charts with data and its tables say the API's figures; the books show a balanced trial balance
// equal to the API's, the balance sheet, the income statement and an account's statement; axe-core on
// every screen; screenshots at 360 and 1280 px in Kazakh and English.
import { mkdir } from "node:fs/promises";
import type { accountStatementSchema } from "@qadam/core/books/contract";
import type { DashboardDto } from "@qadam/core/dashboard/contract";
import type { Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { messages } from "../src/features/reports/messages.js";
import { formatAmount } from "../src/i18n/format.js";
import { en } from "../src/i18n/locales/en.js";
import { type Browser, launchBrowser } from "./browser.js";
import { chooseLanguage, expectAccessible, logIn, READY, SHOTS, shoot } from "./helpers.js";
import { type RunningQadam, startQadam } from "./qadam-server.js";

type AccountStatementDto = z.infer<typeof accountStatementSchema>;

const EN = messages.en;
const KK = messages.kk;

interface TrialBalance {
  date: string;
  accounts: Array<{ accountId: string; account: string; balance: string; currency: string }>;
  totals: Array<{ currency: string; debit: string; credit: string }>;
}

/** The texts of each row's cells of a table. */
function rowsOf(page: Page, table: string): Promise<string[][]> {
  return page
    .locator(`${table} tbody tr`)
    .evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => (c.textContent ?? "").trim())));
}

/** Pixels of each chart's canvas in the colour of its series (a line drawn, not only axes). */
function seriesPixels(page: Page): Promise<number[]> {
  return page.locator(".reports-canvas").evaluateAll((charts) =>
    charts.map((chart) => {
      const canvas = chart.querySelector("canvas");
      const ctx = canvas?.getContext("2d");
      if (!canvas || !ctx) return 0;
      const wanted = (chart.getAttribute("data-colours") ?? "")
        .split(" ")
        .map((hex) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)));
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let p = 0; p < data.length; p += 4)
        if (
          wanted.some(
            ([r, g, b]) =>
              Math.abs((data[p] ?? 0) - (r ?? 0)) +
                Math.abs((data[p + 1] ?? 0) - (g ?? 0)) +
                Math.abs((data[p + 2] ?? 0) - (b ?? 0)) <
              12,
          )
        )
          n++;
      return n;
    }),
  );
}

const api = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate(
    async (p) => (await fetch(p, { headers: { accept: "application/json" } })).json(),
    path,
  ) as Promise<T>;

describe.skipIf(!READY)("the reports in Chromium", () => {
  let qadam: RunningQadam;
  let browser: Browser;
  let page: Page;
  let mfoId = "";

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [qadam, browser] = await Promise.all([startQadam(), launchBrowser()]);
    page = await browser.context.newPage();
    await page.goto(`${qadam.url}/`);
    await logIn(page, "admin@moldir.demo");
    // Her own language (the demo's administrator reads Russian) until she chooses English.
    await page.locator(".banner nav").waitFor();
    await chooseLanguage(page, "en");
    const mfos = await api<{ items: Array<{ id: string }> }>(page, "/api/v1/orgs?kind=mfo");
    mfoId = mfos.items[0]?.id ?? "";
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await qadam?.stop();
  });

  it("draws the dashboard's charts with data, their tables saying the API's figures", async () => {
    // The first screen did not load the dashboard's chunk (uPlot with it); the dashboard does.
    const scripts = () =>
      page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    expect((await scripts()).filter((p) => /^\/assets\/dashboard-.+\.js$/.test(p))).toEqual([]);
    const answered = page.waitForResponse((r: Response) =>
      /\/api\/v1\/orgs\/[^/]+\/dashboard\?/.test(r.url()),
    );
    await page.getByRole("link", { name: en.nav.dashboard }).click();
    const d = (await (await answered).json()) as DashboardDto;
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(EN.dashboard.title);
    await page.locator(".reports-canvas canvas").nth(1).waitFor();
    expect((await scripts()).some((p) => /^\/assets\/dashboard-.+\.js$/.test(p))).toBe(true);

    const kzt = d.currencies.find((c) => c.currency === "KZT");
    if (!kzt) throw new Error("the demo lends and saves in tenge");
    expect(d.dates).toHaveLength(12);
    expect(kzt.portfolio.some((p) => p.outstanding !== "0.00")).toBe(true);
    expect(kzt.groups.some((p) => p.savings !== "0.00")).toBe(true);

    // Both line charts are drawn: points given, and their series' colours on the canvas.
    const points = await page
      .locator(".reports-canvas")
      .evaluateAll((c) => c.map((x) => Number(x.getAttribute("data-points"))));
    expect(points).toEqual([24, 24]);
    for (const n of await seriesPixels(page)) expect(n).toBeGreaterThan(100);

    // The text alternatives: the API's figures, date by date.
    const [portfolioTable, groupsTable] = [
      ".reports-chart:nth-of-type(1) .reports-figures table",
      ".reports-chart:nth-of-type(2) .reports-figures table",
    ];
    const portfolioRows = await rowsOf(page, portfolioTable);
    expect(portfolioRows.map((r) => r.slice(1, 3))).toEqual(
      kzt.portfolio.map((p) => [
        formatAmount("en", p.outstanding, "KZT"),
        formatAmount("en", p.par30, "KZT"),
      ]),
    );
    const groupRows = await rowsOf(page, groupsTable);
    expect(groupRows.map((r) => r.slice(1, 3))).toEqual(
      kzt.groups.map((p) => [
        formatAmount("en", p.savings, "KZT"),
        formatAmount("en", p.internalLoans.amount, "KZT"),
      ]),
    );
    // The bars: members by region and groups by grade, as the API counts them.
    const bars = await page
      .locator(".reports-bars")
      .evaluateAll((tables) =>
        tables.map((t) =>
          Array.from(t.querySelectorAll("tbody tr")).map(
            (r) => r.querySelector(".reports-bar-value")?.textContent,
          ),
        ),
      );
    expect(bars[0]).toEqual(d.membersByRegion.map((r) => new Intl.NumberFormat("en").format(r.members)));
    expect(bars[1]).toEqual([d.grades.A, d.grades.B, d.grades.C, d.grades.ungraded].map(String));

    await page.locator(".reports-figures summary").first().click();
    await expectAccessible(page, "dashboard, English");
    await shoot(page, "reports-dashboard-en");
    await chooseLanguage(page, "kk");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(KK.dashboard.title);
    await page.locator(".reports-canvas canvas").nth(1).waitFor();
    for (const n of await seriesPixels(page)) expect(n).toBeGreaterThan(100);
    await expectAccessible(page, "dashboard, Kazakh");
    await shoot(page, "reports-dashboard-kk");
    await chooseLanguage(page, "en");
  }, 120_000);

  it("shows the MFO's trial balance, balanced and equal to the API's", async () => {
    await page.goto(`${qadam.url}/books?org=${mfoId}`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe(EN.books.trialBalance);
    await page.locator(".reports-table tfoot").waitFor();
    const date = await page.locator('input[name="date"]').inputValue();
    const tb = await api<TrialBalance>(page, `/api/v1/orgs/${mfoId}/trial-balance?date=${date}`);
    const total = tb.totals.find((x) => x.currency === "KZT");
    expect(total?.debit).toBe(total?.credit);
    expect(Number(total?.debit)).toBeGreaterThan(0);
    const footer = await page.locator(".reports-table tfoot td").allTextContents();
    expect(footer).toEqual([
      formatAmount("en", total?.debit ?? "", "KZT"),
      formatAmount("en", total?.credit ?? "", "KZT"),
    ]);
    const rows = await rowsOf(page, ".reports-table");
    expect(rows.map((r) => r[0])).toEqual(tb.accounts.map((a) => a.account.split(":").join(" › ")));
    expect(rows.map((r) => r[1] || r[2])).toEqual(
      tb.accounts.map((a) => formatAmount("en", a.balance.replace(/^-/, ""), a.currency)),
    );
    await page.getByText(EN.books.balanced).waitFor();
    await expectAccessible(page, "trial balance, English");
    await shoot(page, "reports-trial-balance-en");
    await chooseLanguage(page, "kk");
    await page.getByText(KK.books.balanced).waitFor();
    await expectAccessible(page, "trial balance, Kazakh");
    await shoot(page, "reports-trial-balance-kk");
    await chooseLanguage(page, "en");
  }, 60_000);

  it("shows the balance sheet, its two sides equal, and the income statement", async () => {
    await page.getByRole("link", { name: EN.books.tabs.balanceSheet }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe(EN.books.balanceSheet);
    await page.locator(".reports-table tfoot").waitFor();
    const sides = await page.locator(".reports-table tfoot td").allTextContents();
    expect(sides).toHaveLength(2);
    expect(sides[0]).toBe(sides[1]);
    await expectAccessible(page, "balance sheet, English");
    await shoot(page, "reports-balance-sheet-en");
    await chooseLanguage(page, "kk");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe(KK.books.balanceSheet);
    await expectAccessible(page, "balance sheet, Kazakh");
    await shoot(page, "reports-balance-sheet-kk");
    await chooseLanguage(page, "en");

    await page.getByRole("link", { name: EN.books.tabs.incomeStatement }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe(EN.books.incomeStatement);
    await page.locator(".reports-table tfoot").waitFor();
    await expectAccessible(page, "income statement, English");
    await shoot(page, "reports-income-statement-en");
  }, 60_000);

  it("shows an account's statement with its running balance, ending on the API's closing balance", async () => {
    await page.getByRole("link", { name: EN.books.tabs.statement }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(EN.books.statement);
    await page.getByText(EN.books.pickAccount).waitFor();
    await expectAccessible(page, "statement without an account, English");
    // The account with the most movement: the MFO's loans to individuals, or whichever has a balance.
    const date = await page.locator('input[name="to"]').inputValue();
    const tb = await api<TrialBalance>(page, `/api/v1/orgs/${mfoId}/trial-balance?date=${date}`);
    const accountId = tb.accounts[0]?.accountId ?? "";
    await page.getByLabel(EN.filters.account).selectOption(accountId);
    await page.locator(".reports-statement tfoot").waitFor();
    const from = await page.locator('input[name="from"]').inputValue();
    const s = await api<AccountStatementDto>(
      page,
      `/api/v1/accounts/${accountId}/statement?from=${from}&to=${date}`,
    );
    expect(s.lines.length).toBeGreaterThan(0);
    const rows = await rowsOf(page, ".reports-statement");
    expect(rows.length).toBe(s.opening.length + s.lines.length);
    expect(rows.at(-1)?.at(-1)).toBe(formatAmount("en", s.lines.at(-1)?.balance ?? "", "KZT"));
    expect(await page.locator(".reports-statement tfoot td").textContent()).toBe(
      formatAmount("en", s.closing[0]?.amount ?? "", "KZT"),
    );
    await expectAccessible(page, "statement, English");
    await shoot(page, "reports-statement-en");
    await chooseLanguage(page, "kk");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(KK.books.statement);
    await page.locator(".reports-statement tfoot").waitFor();
    await expectAccessible(page, "statement, Kazakh");
    await shoot(page, "reports-statement-kk");
    await chooseLanguage(page, "en");
  }, 60_000);
});
