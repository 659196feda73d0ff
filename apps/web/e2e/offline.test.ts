// The meeting offline, in Chromium against a real `qadam serve` over a fresh demo, on one browser profile
// that is closed and opened again like a phone's app: a meeting recorded with no connection survives a
// reload and is recorded once when the connection returns; a double tap on Save records once; a send cut
// off by closing the app (the server recorded it, the phone never heard) is finished when the app opens
// again, still once; and a meeting the server refuses (another phone recorded that date first) stays on
// the phone with the server's reason, to be corrected. Every count is checked through the API.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en as meetingEn } from "../src/features/meeting/messages-en.js";
import { en as outboxEn } from "../src/features/outbox/messages-en.js";
import { en } from "../src/i18n/locales/en.js";
import { openProfile } from "./browser.js";
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

const poll = <T>(read: () => T | Promise<T>, timeout = 30_000) =>
  expect.poll(read, { timeout, interval: 250 });

interface Listed {
  items: Array<{ id: string; heldOn: string }>;
}

describe.skipIf(!READY)("the meeting with no connection", { timeout: 300_000 }, () => {
  let qadam: RunningQadam;
  let profile = "";
  let context: BrowserContext;
  let page: Page;
  let groupId = "";

  /** The API as the bookkeeper, from outside the browser (it answers whatever the page's line is). */
  async function server<T>(method: string, path: string, body?: unknown): Promise<T> {
    const cookies = await context.cookies(qadam.url);
    const response = await fetch(`${qadam.url}${path}`, {
      method,
      headers: {
        cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; "),
        Accept: "application/json",
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...(method !== "GET" ? { "Idempotency-Key": crypto.randomUUID() } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  const meetings = async () =>
    (await server<Listed>("GET", `/api/v1/groups/${groupId}/meetings?limit=200`)).items;
  const timesRecorded = async (id: string) => (await meetings()).filter((m) => m.id === id).length;

  /** The phone's own record of a meeting, read from its IndexedDB. */
  const onPhone = (id: string) =>
    page.evaluate(
      (key) =>
        new Promise<{ state: string; heldOn: string; refusal: string | null } | null>((done, fail) => {
          const open = indexedDB.open("qadam-device");
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction("outbox").objectStore("outbox").get(key);
            get.onsuccess = () => {
              const row = get.result as
                | { state: string; body: { heldOn: string }; refusal: { message: string } | null }
                | undefined;
              done(
                row
                  ? { state: row.state, heldOn: row.body.heldOn, refusal: row.refusal?.message ?? null }
                  : null,
              );
              open.result.close();
            };
            get.onerror = () => fail(get.error);
          };
        }),
      id,
    );

  /** Opens the flow and goes through every step with Next only; returns the Save button. */
  async function throughTheSteps() {
    await page.goto(`${qadam.url}/groups/${groupId}/meeting`);
    await page.locator('main [aria-current="step"]').waitFor({ timeout: 30_000 });
    const save = page.getByRole("button", { name: meetingEn.save, exact: true });
    for (let i = 0; i < 20 && !(await save.isVisible()); i++)
      await page.getByRole("button", { name: meetingEn.next, exact: true }).click();
    expect(await save.isEnabled()).toBe(true);
    return save;
  }

  const savedId = async () => {
    await page.waitForURL(/\/outbox\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    return new URL(page.url()).pathname.split("/").at(-1) ?? "";
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    qadam = await startQadam();
    profile = await mkdtemp(join(tmpdir(), "qadam-phone-"));
    context = await openProfile(profile);
    page = await context.newPage();
    await page.goto(`${qadam.url}/`);
    await chooseLanguage(page, "en");
    await logIn(page, "bookkeeper@moldir.demo");
    await page.getByRole("link", { name: en.nav.groups }).first().waitFor();
    const groups = await server<{ items: Array<{ id: string }> }>("GET", "/api/v1/orgs?kind=shg");
    groupId = groups.items[0]?.id ?? "";
    // One visit with a connection: the service worker takes the page and the group's kit is kept.
    await page.goto(`${qadam.url}/groups/${groupId}/meeting`);
    await page.locator('main [aria-current="step"]').waitFor({ timeout: 30_000 });
    await controlledByServiceWorker(page);
    await page.locator('main [aria-current="step"]').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await context?.close();
    await qadam?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it("records a meeting with no connection, keeps it across a reload, and sends it once when the connection returns", async () => {
    await context.setOffline(true);
    const save = await throughTheSteps();
    await save.click();
    const id = await savedId();
    await page.getByText(outboxEn.after.state.waiting).waitFor({ timeout: 30_000 });
    // The page reloaded with no connection: the app opens from the phone, the meeting still waits.
    await page.reload();
    await page.getByText(outboxEn.after.state.waiting).waitFor({ timeout: 30_000 });
    await page.goto(`${qadam.url}/outbox`);
    await page.getByRole("heading", { name: outboxEn.list.waiting }).waitFor({ timeout: 30_000 });
    expect(await onPhone(id)).toMatchObject({ state: "waiting" });
    expect(await timesRecorded(id)).toBe(0);

    await context.setOffline(false);
    await poll(() => timesRecorded(id)).toBe(1);
    await poll(async () => (await onPhone(id))?.state).toBe("sent");
    // The app opened again (its sender sends what waits at start): still recorded once.
    await page.reload();
    await page.locator("main h1").waitFor();
    expect(await onPhone(id)).toMatchObject({ state: "sent" });
    expect(await timesRecorded(id)).toBe(1);
  });

  it("records two meetings in a row with no connection, the second drafted after the first, both recorded when back online", async () => {
    await context.setOffline(true);
    let first = "";
    let second = "";
    try {
      await (await throughTheSteps()).click();
      first = await savedId();
      // The second opens from the phone's kit with the first counted in (and any meeting sent since the
      // kit was read): its cash, savings and loans.
      const save = await throughTheSteps();
      const counted = page.getByText(new RegExp(meetingEn.counted.replace("{{count}}", "[1-9]")));
      await counted.waitFor({ timeout: 30_000 });
      await save.click();
      second = await savedId();
      expect(second).not.toBe(first);
      const [a, b] = [await onPhone(first), await onPhone(second)];
      expect(["waiting", "sending"]).toContain(a?.state);
      expect(["waiting", "sending"]).toContain(b?.state);
      expect((b?.heldOn ?? "") >= (a?.heldOn ?? "")).toBe(true);
    } finally {
      await context.setOffline(false);
    }
    // Sent in the order they were saved, the second's figures are the server's after the first: both
    // are recorded, once each, neither refused.
    const outcome = async (id: string) => {
      const row = await onPhone(id);
      return row?.refusal ?? row?.state;
    };
    await poll(async () => [await outcome(first), await outcome(second)]).toEqual(["sent", "sent"]);
    expect(await timesRecorded(first)).toBe(1);
    expect(await timesRecorded(second)).toBe(1);
  });

  it("records a meeting once when Save is tapped twice", async () => {
    const before = (await meetings()).length;
    const save = await throughTheSteps();
    await save.dblclick();
    const id = await savedId();
    await poll(() => timesRecorded(id)).toBe(1);
    await poll(async () => (await onPhone(id))?.state).toBe("sent");
    expect((await meetings()).length).toBe(before + 1);
  });

  it("finishes a send cut off by closing the app when it opens again, recording the meeting once", async () => {
    const before = (await meetings()).length;
    // The server gets the meeting and records it; the answer never reaches the phone: the app is closed.
    let answered: (status: number) => void = () => {};
    const reachedServer = new Promise<number>((done) => {
      answered = done;
    });
    await context.route("**/api/v1/groups/*/meetings", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const response = await route.fetch();
      answered(response.status());
      // no answer to the page
    });
    const save = await throughTheSteps();
    await save.click();
    const id = await savedId();
    expect(await reachedServer).toBe(201);
    expect(await timesRecorded(id)).toBe(1);
    expect(await onPhone(id)).toMatchObject({ state: "sending" });
    await context.close();

    context = await openProfile(profile);
    page = await context.newPage();
    await page.goto(`${qadam.url}/outbox/${id}`);
    await poll(async () => (await onPhone(id))?.state).toBe("sent");
    await page.getByText(/Recorded by the server/).waitFor({ timeout: 30_000 });
    expect(await timesRecorded(id)).toBe(1);
    expect((await meetings()).length).toBe(before + 1);
  });

  it("keeps a meeting the server refuses on the phone, with the server's reason, to be corrected", async () => {
    await context.setOffline(true);
    const save = await throughTheSteps();
    await save.click();
    const id = await savedId();
    const heldOn = (await onPhone(id))?.heldOn ?? "";
    // Meanwhile another phone recorded the meeting of that date: the money moved, the cash box too.
    const draft = await server<{ meeting: object }>(
      "GET",
      `/api/v1/groups/${groupId}/meetings/draft?on=${heldOn}`,
    );
    await server("POST", `/api/v1/groups/${groupId}/meetings`, draft.meeting);

    await context.setOffline(false);
    await poll(async () => (await onPhone(id))?.state).toBe("refused");
    await page.reload();
    await page.getByText(outboxEn.after.state.refused).waitFor({ timeout: 30_000 });
    expect(await timesRecorded(id)).toBe(0);
    await page.goto(`${qadam.url}/outbox`);
    await page.getByRole("heading", { name: outboxEn.list.refused }).waitFor({ timeout: 30_000 });
    await page.getByText(outboxEn.list.problems).first().waitFor({ timeout: 30_000 });
    await expectAccessible(page, "outbox with a refused meeting");
    const refusal = page.locator(".outbox-refusal").first();
    await poll(() => refusal.textContent()).toContain("The cash counted");
    // Refused in English, read in Kazakh: the reason is said again in hers, amounts her way.
    await chooseLanguage(page, "kk");
    await poll(() => refusal.textContent()).toContain("Саналған қолма-қол ақша");
    expect(await refusal.textContent()).not.toContain("cash counted");
    expect(await refusal.textContent()).toMatch(/\d{1,3}([\s\u00a0\u202f]\d{3})*,\d{2}[\s\u00a0\u202f]₸/);
    await shoot(page, "offline-refused-kk");
    await chooseLanguage(page, "en");
    // Corrected from the outbox: the flow opens on the meeting saved on the phone.
    await page.getByRole("link", { name: outboxEn.list.correct }).first().click();
    await page.getByText(meetingEn.correcting).waitFor({ timeout: 30_000 });
    expect(await onPhone(id)).toMatchObject({ state: "refused" });
  });
});
