// The credit officer's screens in Chromium against a real `qadam serve` over a fresh demo: today's
// collections with names, a loan application whose schedule and effective rate are shown before it is
// submitted, approval by a second user (maker–checker), disbursement, a repayment and its reversal,
// each checked through the API; axe-core on every screen; screenshots in Kazakh and English.
import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages } from "../src/features/credit/messages.js";
import { en } from "../src/i18n/locales/en.js";
import { type Browser, launchBrowser } from "./browser.js";
import { chooseLanguage, expectAccessible, logIn, READY, SHOTS, shoot } from "./helpers.js";
import { type RunningQadam, startQadam } from "./qadam-server.js";

const c = messages.en;
const ck = messages.kk as typeof messages.en;

interface Me {
  user: { id: string; grants: Array<{ orgId: string; role: string }> };
}
interface Loan {
  id: string;
  status: string;
  principal: string;
  installments: number;
  schedule: Array<{ dueDate: string; outstanding: string }>;
  transactions: Array<{ id: string; kind: string; amount: string; reversed: boolean }>;
  requests: Array<{ id: string; kind: string; status: string; reschedule: { installments: number } | null }>;
}

/** A GET or POST of the API with the page's session cookie. */
async function call<T>(page: Page, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ path, body }) => {
      const res = await fetch(path, {
        method: body === undefined ? "GET" : "POST",
        headers: {
          Accept: "application/json",
          "Accept-Language": "en",
          ...(body === undefined
            ? {}
            : { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: await res.json() };
    },
    { path, body },
  ) as Promise<{ status: number; json: T }>;
}

/** One step of the story: generous, as the machine is shared and each step shoots and checks several screens. */
const STEP = 180_000;

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe.skipIf(!READY)("the credit officer's screens in Chromium", () => {
  let qadam: RunningQadam;
  let browser: Browser;
  let page: Page;
  let mfoId = "";
  let loanId = "";
  let borrowerName = "";

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [qadam, browser] = await Promise.all([startQadam(), launchBrowser()]);
    page = await browser.context.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await qadam?.stop();
  });

  async function logInAs(login: string) {
    await page.goto(`${qadam.url}/`);
    await logIn(page, login);
    await page.locator(".menu .button-link").waitFor();
    await chooseLanguage(page, "en");
    await page.getByRole("button", { name: en.nav.logOut }).waitFor();
  }

  /** Narrows the applications waiting (a long list draws only the rows on screen) to the borrower's. */
  async function findApplication() {
    const section = page.locator("section", {
      has: page.getByRole("heading", { name: c.approvals.applications }),
    });
    await section.getByRole("searchbox").fill(borrowerName);
  }

  async function logOut() {
    await page.getByRole("button", { name: en.nav.logOut }).click();
    await page.getByRole("heading", { name: en.login.title }).waitFor();
  }

  it(
    "shows today's collections with the borrowers' names and phones",
    async () => {
      await logInAs("credit@moldir.demo");
      const me = await call<Me>(page, "/api/v1/me");
      mfoId = me.json.user.grants.find((g) => g.role === "credit_officer")?.orgId ?? "";
      expect(mfoId).not.toBe("");
      // A day with something to collect: today if the demo has it, else the next due date of an active loan.
      let day = (await call<{ items: unknown[] }>(page, `/api/v1/orgs/${mfoId}/installments-due`)).json.items
        .length
        ? null
        : await (async () => {
            const active = await call<{ items: Array<{ id: string }> }>(
              page,
              `/api/v1/loans?orgId=${mfoId}&status=active`,
            );
            const first = active.json.items[0];
            if (!first) throw new Error("the demo has no active loan");
            const loan = await call<Loan>(page, `/api/v1/loans/${first.id}`);
            return loan.json.schedule.find((i) => i.outstanding !== "0.00")?.dueDate ?? null;
          })();
      await page.getByRole("link", { name: en.nav.today, exact: true }).click();
      await expect.poll(() => heading(page)).toBe(c.today.title);
      if (day) await page.getByLabel(c.today.day, { exact: true }).fill(day);
      day ??= await page.getByLabel(c.today.day, { exact: true }).inputValue();
      const due = await call<{ items: Array<{ borrower: { name: string | null; phone: string | null } }> }>(
        page,
        `/api/v1/orgs/${mfoId}/installments-due?on=${day}`,
      );
      expect(due.json.items.length).toBeGreaterThan(0);
      const first = due.json.items[0]?.borrower;
      borrowerName = first?.name ?? "";
      expect(borrowerName).not.toBe("");
      const rows = page.locator("ul.virtual-rows");
      await rows.getByRole("link", { name: borrowerName }).first().waitFor();
      await expectAccessible(page, "today, English");
      await shoot(page, "credit-today-en");
      await chooseLanguage(page, "kk");
      await expect.poll(() => heading(page)).toBe(ck.today.title);
      await rows.getByRole("link", { name: borrowerName }).first().waitFor();
      await expectAccessible(page, "today, Kazakh");
      await shoot(page, "credit-today-kk");
      await chooseLanguage(page, "en");
      // Tapping a row opens the loan.
      await rows.getByRole("link", { name: borrowerName }).first().click();
      await expect.poll(() => heading(page)).toContain(borrowerName);
    },
    STEP,
  );

  it(
    "applies for a loan showing its schedule and effective rate before it is submitted",
    async () => {
      await page.getByRole("link", { name: en.nav.loans, exact: true }).click();
      await expect.poll(() => heading(page)).toBe(c.loans.title);
      await page.getByRole("list", { name: c.loans.title }).getByRole("listitem").first().waitFor();
      await expectAccessible(page, "loans, English");
      await page.getByRole("link", { name: c.loans.apply }).click();
      await expect.poll(() => heading(page)).toBe(c.apply.title);
      const firstWord = borrowerName.split(" ")[0] ?? borrowerName;
      await page.getByRole("searchbox", { name: c.apply.search }).fill(firstWord);
      await page.getByRole("button", { name: `${c.apply.choose}: ${borrowerName}` }).click();
      await page.getByText(c.apply.chosen.replace("{{name}}", borrowerName)).waitFor();
      // A refusal of the form's own schema, in the reader's language, on its field.
      await page.getByLabel(/^Amount/).fill("12,5,0");
      await page.getByLabel(c.apply.installments).fill("12");
      await page.getByRole("button", { name: c.apply.preview }).click();
      await page
        .locator(".field-invalid")
        .filter({ hasText: /Amount/ })
        .waitFor();
      await page.getByLabel(/^Amount/).fill("150 000");
      // Submitting before the schedule is shown is refused with the reason.
      await page.getByRole("button", { name: c.apply.submit }).click();
      await page.getByText(c.apply.needPreview).waitFor();
      await page.getByRole("button", { name: c.apply.preview }).click();
      await page.getByRole("heading", { name: c.apply.scheduleTitle }).waitFor();
      const rate = await page.locator(".credit-rate").textContent();
      expect(rate).toMatch(/\d+(\.\d+)? %$/);
      expect(await page.locator(".credit-preview tbody tr").count()).toBe(12);
      await expectAccessible(page, "application with its schedule, English");
      await shoot(page, "credit-application-en");
      await chooseLanguage(page, "kk");
      await expect.poll(() => heading(page)).toBe(ck.apply.title);
      await page.getByRole("heading", { name: ck.apply.scheduleTitle }).waitFor();
      await expectAccessible(page, "application with its schedule, Kazakh");
      await shoot(page, "credit-application-kk");
      await chooseLanguage(page, "en");

      await page.getByRole("button", { name: c.apply.submit }).click();
      await page.waitForURL(/\/loans\/[0-9a-f-]{36}$/);
      loanId = page.url().split("/").at(-1) ?? "";
      const loan = await call<Loan>(page, `/api/v1/loans/${loanId}`);
      expect(loan.json).toMatchObject({ status: "applied", principal: "150000.00", installments: 12 });
      await page.getByText(c.loan.makerApproves).waitFor();
    },
    STEP,
  );

  it(
    "does not let the maker approve: the buttons are hidden and the API refuses her",
    async () => {
      await page.getByRole("link", { name: en.nav.approvals, exact: true }).click();
      await expect.poll(() => heading(page)).toBe(c.approvals.title);
      await findApplication();
      const item = page.locator(".credit-queue-item", { has: page.locator(`a[href="/loans/${loanId}"]`) });
      await item.getByText(c.approvals.yours).first().waitFor();
      expect(await item.getByRole("button", { name: c.approvals.approve }).count()).toBe(0);
      const refused = await call<{ error: { code: string; message: string } }>(
        page,
        `/api/v1/loans/${loanId}/approve`,
        {
          on: new Date().toISOString().slice(0, 10),
        },
      );
      expect(refused.json.error.code).toBe("LOAN_MAKER_CHECKER");
      await expectAccessible(page, "approvals for the maker, English");
      await logOut();
    },
    STEP,
  );

  it(
    "is approved by a second user",
    async () => {
      await logInAs("admin@moldir.demo");
      await page.getByRole("link", { name: en.nav.approvals, exact: true }).click();
      await expect.poll(() => heading(page)).toBe(c.approvals.title);
      await findApplication();
      const item = page.locator(".credit-queue-item", { has: page.locator(`a[href="/loans/${loanId}"]`) });
      await item.getByRole("button", { name: c.approvals.approve }).waitFor();
      await expectAccessible(page, "approvals, English");
      await shoot(page, "credit-approvals-en");
      await chooseLanguage(page, "kk");
      await item.getByRole("button", { name: ck.approvals.approve }).waitFor();
      await expectAccessible(page, "approvals, Kazakh");
      await shoot(page, "credit-approvals-kk");
      await chooseLanguage(page, "en");
      await item.getByRole("button", { name: c.approvals.approve }).click();
      await item.getByRole("status").filter({ hasText: c.approvals.approved }).waitFor();
      expect((await call<Loan>(page, `/api/v1/loans/${loanId}`)).json.status).toBe("approved");
      await logOut();
    },
    STEP,
  );

  it(
    "is disbursed and repaid on the loan's page, and a repayment reversed after a confirmation",
    async () => {
      await logInAs("credit@moldir.demo");
      await page.goto(`${qadam.url}/loans/${loanId}`);
      await page.getByRole("heading", { name: c.loan.disburseTitle, exact: true }).waitFor();
      await page.getByRole("button", { name: c.loan.disburse }).click();
      await page.getByRole("status").filter({ hasText: c.loan.disbursedDone }).waitFor();
      await page.getByRole("heading", { name: c.loan.repayTitle, exact: true }).waitFor();
      expect((await call<Loan>(page, `/api/v1/loans/${loanId}`)).json.status).toBe("active");

      const before = (await call<Loan>(page, `/api/v1/loans/${loanId}`)).json;
      const firstDue = before.schedule[0]?.outstanding ?? "";
      expect(await page.getByLabel(/^Amount/).inputValue()).toBe(firstDue);
      await page.getByRole("button", { name: c.loan.repay }).click();
      await page.getByRole("status").filter({ hasText: c.loan.repaidDone }).waitFor();
      const repaid = (await call<Loan>(page, `/api/v1/loans/${loanId}`)).json;
      expect(repaid.transactions.filter((x) => x.kind === "repayment").map((x) => x.amount)).toEqual([
        firstDue,
      ]);
      expect(repaid.schedule[0]?.outstanding).toBe("0.00");

      await page.getByRole("region", { name: c.schedule.caption }).waitFor();
      await expectAccessible(page, "a loan's page, English");
      await shoot(page, "credit-loan-schedule-en");
      await chooseLanguage(page, "kk");
      await page.getByRole("region", { name: ck.schedule.caption }).waitFor();
      await expectAccessible(page, "a loan's page, Kazakh");
      await shoot(page, "credit-loan-schedule-kk");
      await chooseLanguage(page, "en");

      // Reversal asks first: nothing happens until it is confirmed with a reason.
      await page.getByRole("button", { name: c.loan.reverse }).click();
      await page.getByRole("button", { name: c.loan.reverseConfirm }).waitFor();
      expect(
        (await call<Loan>(page, `/api/v1/loans/${loanId}`)).json.transactions.some((x) => x.reversed),
      ).toBe(false);
      await page.getByRole("button", { name: c.loan.reverseConfirm }).click();
      await page.locator(".credit-confirm .field-invalid").first().waitFor();
      await page.getByLabel(c.common.reason).fill("Entered on the wrong loan");
      await expectAccessible(page, "reversal confirmation, English");
      await page.getByRole("button", { name: c.loan.reverseConfirm }).click();
      await page.getByRole("status").filter({ hasText: c.loan.reversedDone }).waitFor();
      const reversed = (await call<Loan>(page, `/api/v1/loans/${loanId}`)).json;
      expect(reversed.transactions.find((x) => x.kind === "repayment")?.reversed).toBe(true);
      expect(reversed.schedule[0]?.outstanding).toBe(firstDue);
    },
    STEP,
  );
  it(
    "asks for a reschedule on the loan's page, carried out only when a second user approves it",
    async () => {
      // Still logged in as credit@, who entered and disbursed the loan.
      await page.goto(`${qadam.url}/loans/${loanId}`);
      await page.getByRole("heading", { name: c.requests.title, exact: true }).waitFor();
      const before = (await call<Loan>(page, `/api/v1/loans/${loanId}`)).json;
      await page.getByRole("button", { name: c.requests.reschedule }).click();
      const firstDueOn = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel(c.requests.installments).fill("8");
      await page.getByLabel(c.requests.firstDueOn).fill(firstDueOn);
      await page.getByLabel(c.requests.reason).fill("Harvest lost to hail");
      await expectAccessible(page, "reschedule request, English");
      await page.getByRole("button", { name: c.requests.sendReschedule }).click();
      await page.getByText(c.requests.rescheduleWaiting).waitFor();
      const asked = (await call<Loan>(page, `/api/v1/loans/${loanId}`)).json;
      const request = asked.requests.find((r) => r.status === "pending");
      expect({ kind: request?.kind, installments: request?.reschedule?.installments }).toEqual({
        kind: "reschedule",
        installments: 8,
      });
      // Only asked for: the schedule is the one before.
      expect(asked.schedule).toEqual(before.schedule);
      await logOut();

      await logInAs("admin@moldir.demo");
      await page.goto(`${qadam.url}/approvals`);
      const item = page.locator(".credit-queue-item", { has: page.locator(`a[href="/loans/${loanId}"]`) });
      await item.getByRole("button", { name: c.approvals.approve }).last().click();
      await item.getByRole("status").filter({ hasText: c.approvals.approved }).first().waitFor();
      const done = (await call<Loan>(page, `/api/v1/loans/${loanId}`)).json;
      expect(done.requests.find((r) => r.id === request?.id)?.status).toBe("approved");
      expect(done.schedule.at(-1)?.dueDate).not.toBe(before.schedule.at(-1)?.dueDate);
      await logOut();
    },
    STEP,
  );
});
