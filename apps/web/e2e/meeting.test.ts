// The meeting flow in Chromium against a real `qadam serve` over a fresh demo, in Kazakh on a 360 px
// phone: the group bookkeeper opens her group, "Record a meeting", goes through every step with Next
// only, saves, and the outbox sends it: the API has it once, under the id the phone chose. Then a
// second meeting with a loan above a member's limit shows the problem on her, in the summary and on
// the step, with Save disabled, and survives a reload (the working copy is kept on the phone). Axe on every step, screenshots of every step (meeting-<step>-kk-360.png).
//
// Accessible names (English; Kazakh in brackets), for the bench and the offline tests:
//   link   "Record a meeting"        (Жиналысты жазу)     on the group's page /groups/:id and its meetings tab
//   button "Next"                    (Келесі)             every step but the summary
//   button "Back"                    (Артқа)              every step but the first
//   button "Save meeting"            (Жиналысты сақтау)   the summary; disabled while there are problems
//   button "Start again from the draft" (Жобадан қайта бастау)  when a working copy was restored
//   button "Add a loan" / "Add a fine" / "Add a payout"
//   navigation "Steps of the meeting": a list of buttons named after the steps, the current one aria-current="step"
//   heading level 2: "Step n of 8 <step name>"
//   region "Running totals": "In the box", "Collected", "Lent"
// After Save the app goes to /outbox/<meetingId> (the id chosen when the flow opened).
import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en as meetingEn } from "../src/features/meeting/messages-en.js";
import { kk } from "../src/features/meeting/messages-kk.js";
import { en } from "../src/i18n/locales/en.js";
import { type Browser, launchBrowser } from "./browser.js";
import {
  chooseLanguage,
  controlledByServiceWorker,
  expectAccessible,
  logIn,
  READY,
  SHOTS,
  shoot,
} from "./helpers.js";
import { type RunningQadam, startQadam } from "./qadam-server.js";

const poll = <T>(read: () => T | Promise<T>, timeout = 15_000) => expect.poll(read, { timeout });

async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(
    async (p) => (await fetch(p, { headers: { Accept: "application/json" } })).json(),
    path,
  );
}

const STEPS = ["attendance", "savings", "repayments", "loans", "fines", "social", "cash", "summary"] as const;

describe.skipIf(!READY)("recording a meeting on a phone", { timeout: 240_000 }, () => {
  let qadam: RunningQadam;
  let browser: Browser;
  let page: Page;
  let groupId = "";

  const button = (name: string) => page.getByRole("button", { name, exact: true });
  const stepHeading = () => page.locator("#meeting-step-title");
  const currentStep = () =>
    page.locator('.meeting-steps li[aria-current="step"] .meeting-step-name').textContent();

  async function openFlow(shot = false): Promise<void> {
    await page.goto(`${qadam.url}/groups/${groupId}`);
    const record = page.getByRole("link", { name: kk.record });
    await record.waitFor();
    if (shot) {
      await expectAccessible(page, "the group's page with Record a meeting, Kazakh");
      await shoot(page, "meeting-open-kk");
    }
    await record.click();
    await page.locator(".meeting-steps").waitFor();
  }

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [qadam, browser] = await Promise.all([startQadam(), launchBrowser()]);
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${qadam.url}/`);
    await page.locator('select[name="language"]').waitFor();
    await chooseLanguage(page, "en");
    await logIn(page, "bookkeeper@moldir.demo");
    await page.getByRole("link", { name: en.nav.groups }).waitFor();
    const groups = await apiGet<{ items: Array<{ id: string }> }>(page, "/api/v1/orgs?kind=shg");
    groupId = groups.items[0]?.id ?? "";
    await chooseLanguage(page, "kk");
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await qadam?.stop();
  });

  it("records the meeting from the draft with Next only, and the API has it exactly once", async () => {
    await openFlow(true);
    await poll(currentStep).toBe(kk.step.attendance);
    for (const [i, step] of STEPS.entries()) {
      await poll(currentStep).toBe(kk.step[step]);
      expect(await stepHeading().textContent()).toContain(kk.step[step]);
      await expectAccessible(page, `meeting step ${step}, Kazakh`);
      await shoot(page, `meeting-${step}-kk`);
      if (i < STEPS.length - 1) await button(kk.next).click();
    }
    await page.getByText(kk.summary.noProblems).waitFor();
    const save = button(kk.save);
    expect(await save.isDisabled()).toBe(false);
    // A double tap saves once: the button disables itself on the first.
    await save.dblclick();
    await poll(() => new URL(page.url()).pathname.startsWith("/outbox/")).toBe(true);
    const meetingId = new URL(page.url()).pathname.split("/")[2] ?? "";
    expect(meetingId).toMatch(/^[0-9a-f-]{36}$/);
    // The outbox sends it (online): it is recorded, once, under the phone's id.
    await poll(async () => {
      const meetings = await apiGet<{ items: Array<{ id: string }> }>(
        page,
        `/api/v1/groups/${groupId}/meetings?limit=200`,
      );
      return meetings.items.filter((m) => m.id === meetingId).length;
    }, 30_000).toBe(1);
  });

  it("shows a loan above her limit on the member, in the summary and on its step, with Save disabled", async () => {
    await openFlow();
    await poll(currentStep).toBe(kk.step.attendance);
    for (let i = 0; i < 3; i += 1) await button(kk.next).click();
    await poll(currentStep).toBe(kk.step.loans);
    // The phone's back button goes back a step, not out of the meeting; forward comes back.
    const flowUrl = page.url();
    await page.goBack();
    await poll(currentStep).toBe(kk.step.repayments);
    await page.goBack();
    await poll(currentStep).toBe(kk.step.savings);
    expect(page.url()).toBe(flowUrl);
    await page.goForward();
    await page.goForward();
    await poll(currentStep).toBe(kk.step.loans);
    await button(kk.loans.add).click();
    const member = await page
      .getByLabel(kk.member, { exact: true })
      .first()
      .evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
    const amount = page.getByLabel(kk.loans.amount, { exact: true }).first();
    await amount.fill("99999999");
    // On the step, on her line: the field is invalid and its message is tied to it.
    await poll(() => amount.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await amount.getAttribute("aria-describedby")) ?? "";
    const problemText = await page.locator(`[id="${describedBy.split(" ").at(-1)}"]`).textContent();
    expect(problemText).toContain(member);
    expect(await page.locator(".meeting-step-problems").count()).toBeGreaterThan(0);
    await expectAccessible(page, "meeting loans with a problem, Kazakh");
    await shoot(page, "meeting-loans-problem-kk");
    // A reload in the middle of the flow loses nothing: the working copy is on the phone.
    await page.reload();
    await page.getByText(kk.restored).waitFor();
    await poll(currentStep).toBe(kk.step.loans);
    expect(await page.getByLabel(kk.loans.amount, { exact: true }).first().inputValue()).toBe("99999999");
    await button(kk.startAgain).waitFor();
    for (let i = 0; i < 4; i += 1) await button(kk.next).click();
    await poll(currentStep).toBe(kk.step.summary);
    const problems = page.locator(".meeting-all-problems li");
    await problems.first().waitFor();
    expect(await problems.first().textContent()).toContain(member);
    expect(await button(kk.save).isDisabled()).toBe(true);
    await expectAccessible(page, "meeting summary with a problem, Kazakh");
    await shoot(page, "meeting-summary-problem-kk");
    // English names, as the lead's bench scripts them.
    await chooseLanguage(page, "en");
    expect(await button(meetingEn.save).isDisabled()).toBe(true);
    await button(meetingEn.back).waitFor();
    await chooseLanguage(page, "kk");
  });

  it("saves a meeting with no connection, reopens it from the phone to correct it, and sends it once when online", async () => {
    await openFlow();
    // The meeting the last test left unsaved is still on the phone: she starts again from the draft.
    await page.getByText(kk.restored).waitFor();
    await button(kk.startAgain).click();
    await poll(currentStep).toBe(kk.step.attendance);
    // The app shell must be in the service worker's cache before the connection goes.
    await controlledByServiceWorker(page);
    await poll(currentStep).toBe(kk.step.attendance);
    await browser.context.setOffline(true);
    try {
      for (let i = 0; i < STEPS.length - 1; i += 1) await button(kk.next).click();
      await button(kk.save).click();
      await poll(() => new URL(page.url()).pathname.startsWith("/outbox/")).toBe(true);
      const meetingId = new URL(page.url()).pathname.split("/")[2] ?? "";
      // Still offline: reopen it for correction (the outbox screen's link), from the phone's copy.
      await page.evaluate((to) => {
        history.pushState(null, "", to);
        dispatchEvent(new PopStateEvent("popstate"));
      }, `/groups/${groupId}/meeting?from=${meetingId}`);
      await page.getByText(kk.correcting).waitFor();
      await page.locator(".meeting-from-device").waitFor();
      await poll(currentStep).toBe(kk.step.summary);
      await button(kk.step.attendance).click();
      await page.locator(".meeting-attendance").first().selectOption("absent");
      await button(kk.step.fines).click();
      // Marking her absent proposes the rules' absence fine, on her, removable.
      await page
        .getByRole("button", { name: new RegExp(`^${kk.remove}`) })
        .first()
        .waitFor();
      await button(kk.step.summary).click();
      await page.getByText(kk.summary.noProblems).waitFor();
      await button(kk.save).click();
      await poll(() => new URL(page.url()).pathname).toBe(`/outbox/${meetingId}`);
      await browser.context.setOffline(false);
      // Back online, the outbox sends the corrected meeting: recorded once, with her absence.
      await poll(async () => {
        const meetings = await apiGet<{ items: Array<{ id: string }> }>(
          page,
          `/api/v1/groups/${groupId}/meetings?limit=200`,
        );
        return meetings.items.filter((m) => m.id === meetingId).length;
      }, 30_000).toBe(1);
      const recorded = await apiGet<{
        attendance: Array<{ status: string }>;
        lines: Array<{ kind: string; reason?: string }>;
      }>(page, `/api/v1/groups/${groupId}/meetings/${meetingId}`);
      expect(recorded.attendance.filter((a) => a.status === "absent")).toHaveLength(1);
      expect(recorded.lines.filter((l) => l.kind === "fine" && l.reason === "absence")).toHaveLength(1);
    } finally {
      await browser.context.setOffline(false);
    }
  });
});
