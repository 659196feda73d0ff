// The phone's offline life around the meeting, in Chromium against a real `qadam serve`: after one visit
// online the service worker controls the page and the bookkeeper's group's kit is kept on the phone;
// meetings seeded into the phone's outbox (one the server refused, one waiting) are shown offline after a
// reload (the app opens from the device, logged in), the refused one with its reason and each line's
// problem, kept; the after-meeting screen (summary, passbooks, print) opens offline; back online the
// waiting one is sent and a send asked again records nothing twice (the API has it exactly once), the
// one the server refuses comes back with its reason in Kazakh on its lines, and is kept; a session the
// server ended still shows the log-in page. Axe on every screen, screenshots in Kazakh at 360 px (and 1280).
import { mkdir } from "node:fs/promises";
import { withoutLinePrefix } from "@qadam/core/i18n/line-prefix";
import { systemIds } from "@qadam/core/ids";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kk as outboxKk } from "../src/features/outbox/messages-kk.js";
import { en } from "../src/i18n/locales/en.js";
import { kk } from "../src/i18n/locales/kk.js";
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

const kkNav = kk.nav;
const poll = <T>(read: () => T | Promise<T>, timeout = 20_000) => expect.poll(read, { timeout });

async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(
    async (p) => (await fetch(p, { headers: { Accept: "application/json" } })).json(),
    path,
  );
}

/** The phone's outbox rows as IndexedDB holds them, by id: their state. */
function outboxStates(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open("qadam-device");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("outbox")) {
            db.close();
            resolve({});
            return;
          }
          const all = db.transaction("outbox").objectStore("outbox").getAll();
          all.onsuccess = () => {
            db.close();
            resolve(
              Object.fromEntries(
                (all.result as Array<{ id: string; state: string }>).map((r) => [r.id, r.state]),
              ),
            );
          };
        };
      }),
  );
}

/** How many groups' kits the phone keeps. */
function keptKits(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open("qadam-device");
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("groups")) {
            db.close();
            resolve(0);
            return;
          }
          const count = db.transaction("groups").objectStore("groups").count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
        };
        open.onerror = () => resolve(0);
      }),
  );
}

describe.skipIf(!READY)("the phone's outbox, online and offline", { timeout: 180_000 }, () => {
  let qadam: RunningQadam;
  let browser: Browser;
  let page: Page;
  let groupId = "";
  let userId = "";
  const refusedId = systemIds.next();
  const waitingId = systemIds.next();
  const badId = systemIds.next();
  let heldOn = "";

  const h1 = () => page.getByRole("heading", { level: 1 }).textContent();

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [qadam, browser] = await Promise.all([startQadam(), launchBrowser()]);
    page = await browser.context.newPage();
    await page.goto(`${qadam.url}/`);
    await chooseLanguage(page, "en");
    await logIn(page, "bookkeeper@moldir.demo");
    await page.getByRole("link", { name: en.nav.groups }).waitFor();
    const groups = await apiGet<{ items: Array<{ id: string }> }>(page, "/api/v1/orgs?kind=shg");
    groupId = groups.items[0]?.id ?? "";
    userId = (await apiGet<{ user: { id: string } }>(page, "/api/v1/me")).user.id;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await qadam?.stop();
  });

  it("after one visit online, the service worker controls the page and the group's kit is on the phone", async () => {
    await controlledByServiceWorker(page);
    await page.getByRole("link", { name: en.nav.outbox }).waitFor();
    await poll(() => keptKits(page)).toBeGreaterThan(0);
    // The worker itself is asked again on every visit (a new release reaches the phone at once).
    const sw = await fetch(`${qadam.url}/sw.js`);
    expect(sw.headers.get("cache-control")).toBe("no-cache");
  });

  it("keeps a refused meeting and a waiting one, and opens offline after a reload, logged in, from the phone", async () => {
    // A meeting today (the group's date): the next one the rules expect may lie in the future.
    const kit = await apiGet<{ today: string; latestMeeting: string | null }>(
      page,
      `/api/v1/groups/${groupId}/meeting-kit`,
    );
    const draft = await apiGet<{ heldOn: string; meeting: Record<string, unknown> & { lines: unknown[] } }>(
      page,
      `/api/v1/groups/${groupId}/meetings/draft?on=${kit.today}`,
    );
    expect({ draft: draft.heldOn, latest: kit.latestMeeting }).toMatchObject({ draft: kit.today });
    heldOn = draft.heldOn;
    const now = new Date().toISOString();
    const row = (id: string, state: string, extra: Record<string, unknown>) => ({
      id,
      groupId,
      userId,
      body: { ...draft.meeting, id },
      idempotencyKey: systemIds.next(),
      state,
      attempts: 0,
      savedAt: now,
      lastTriedAt: null,
      lastFailure: null,
      sentAt: null,
      refusal: null,
      ...extra,
    });
    const rows = [
      row(refusedId, "refused", {
        attempts: 1,
        lastTriedAt: now,
        body: { ...draft.meeting, id: refusedId, heldOn: "2020-01-06" },
        refusal: {
          code: "MEETING_SAVINGS_NOT_RULE",
          message: "Жиналысты жазу мүмкін емес: ережелер өзгерген.",
          details: [
            {
              path: "body.lines.0.amount",
              code: "MEETING_SAVINGS_NOT_RULE",
              message: "1-жол: жинақ ережедегі сомаға сәйкес емес.",
            },
            {
              path: "body.cashCounted",
              code: "MEETING_CASH_MISMATCH",
              message: "Санап шыққан касса есептегіден өзгеше.",
            },
          ],
        },
      }),
      row(waitingId, "waiting", {}),
      // One the server will refuse when it is sent (savings not as the rules say, the cash miscounted):
      // its reason comes back in her language, each problem on its line.
      row(badId, "waiting", {
        savedAt: new Date(Date.now() - 1000).toISOString(),
        body: {
          ...draft.meeting,
          id: badId,
          lines: draft.meeting.lines.map((l, i) =>
            i === draft.meeting.lines.findIndex((x) => (x as { kind: string }).kind === "savings")
              ? { ...(l as object), amount: "1" }
              : l,
          ),
          cashCounted: "1",
        },
      }),
    ];
    await page.goto(`${qadam.url}/outbox`);
    await poll(h1).toBe("Meetings on this phone");
    // No connection from here on: the sender cannot send the seeded meeting before the reload below.
    await browser.context.setOffline(true);
    await page.evaluate(
      (seed) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("qadam-device");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction("outbox", "readwrite");
            for (const r of seed) tx.objectStore("outbox").put(r);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      rows,
    );

    // No connection: the app still opens, from the service worker and the phone's memory of her.
    await page.reload();
    await poll(h1).toBe("Meetings on this phone");
    await chooseLanguage(page, "kk");
    await poll(h1).toBe(outboxKk.list.title);
    await page.getByText(outboxKk.indicator.offline, { exact: true }).waitFor();
    await page.getByText("Жиналысты жазу мүмкін емес: ережелер өзгерген.").waitFor();
    // On her line, named by her: the server's "1-жол:" (a place in the request) is not repeated.
    const onHerLine = page.locator(".outbox-problems li", { hasText: "ережедегі сомаға" });
    await onHerLine.waitFor();
    expect(await onHerLine.textContent()).toMatch(/^[^:\d]+: Жинақ ережедегі сомаға сәйкес емес\.$/u);
    await page.getByText("Санап шыққан касса есептегіден өзгеше.").waitFor();
    // The sender tried and found no connection: the meeting waits, with its failure shown.
    await poll(() => outboxStates(page)).toEqual({
      [refusedId]: "refused",
      [waitingId]: "waiting",
      [badId]: "waiting",
    });
    await expectAccessible(page, "outbox offline, Kazakh");
    await shoot(page, "outbox-offline-kk");

    // Discard asks first, and "keep it" keeps it.
    await page.getByRole("button", { name: outboxKk.list.discard }).click();
    await page.getByText(outboxKk.list.discardConfirm).waitFor();
    await shoot(page, "outbox-discard-kk");
    await page.getByRole("button", { name: outboxKk.list.discardNo }).click();
    expect(Object.keys(await outboxStates(page))).toContain(refusedId);
  });

  it("opens the after-meeting screen offline: state, summary to read aloud, passbooks, printable", async () => {
    await page.goto(`${qadam.url}/outbox/${waitingId}`);
    await poll(h1).toBe(outboxKk.after.title);
    await page.getByText(outboxKk.after.state.waiting).waitFor();
    await page.getByRole("heading", { name: outboxKk.after.summary }).waitFor();
    const passbooks = page.locator(".outbox-passbook");
    await poll(() => passbooks.count()).toBeGreaterThan(1);
    await expectAccessible(page, "after the meeting offline, Kazakh");
    await shoot(page, "after-waiting-kk");
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: `${SHOTS}after-print-kk-360.png`, fullPage: true });
    expect(await page.locator(".banner").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
  });

  it("back online, sends the waiting meeting: the API has it exactly once, the refused one stays", async () => {
    // Still on the after-meeting screen: the connection returns, the sender sends, the screen says so.
    await browser.context.setOffline(false);
    await page.locator(".outbox-state-sent").waitFor({ timeout: 45_000 });
    await page.goto(`${qadam.url}/outbox`);
    await poll(h1).toBe(outboxKk.list.title);
    await poll(() => outboxStates(page), 45_000).not.toMatchObject({ [waitingId]: "waiting" });
    const refusal = await page.evaluate(
      (id) =>
        new Promise<unknown>((resolve) => {
          const open = indexedDB.open("qadam-device");
          open.onsuccess = () => {
            const get = open.result.transaction("outbox").objectStore("outbox").get(id);
            get.onsuccess = () => resolve(get.result?.refusal ?? null);
          };
        }),
      waitingId,
    );
    expect(refusal).toBeNull();
    await poll(() => outboxStates(page), 45_000).toEqual({
      [refusedId]: "refused",
      [waitingId]: "sent",
      [badId]: "refused",
    });
    const bad = (await page.evaluate(
      (id) =>
        new Promise<unknown>((resolve) => {
          const open = indexedDB.open("qadam-device");
          open.onsuccess = () => {
            const get = open.result.transaction("outbox").objectStore("outbox").get(id);
            get.onsuccess = () => resolve(get.result?.refusal ?? null);
          };
        }),
      badId,
    )) as { message: string; details: Array<{ path: string; message: string }> };
    expect(bad.message).toMatch(/[әіңғүұқөһ]/i);
    expect(bad.details.map((d) => d.path)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/lines\.\d+\.amount$/),
        expect.stringMatching(/cashCounted$/),
      ]),
    );
    // Each problem on its place (her name, the cash count), without the server's "1-жол:".
    for (const d of bad.details) await page.getByText(withoutLinePrefix(d.message)).first().waitFor();
    // A second send of the same meeting, as a double tap would: nothing new.
    await page.evaluate(
      (id) =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open("qadam-device");
          open.onsuccess = () => {
            const store = open.result.transaction("outbox", "readwrite").objectStore("outbox");
            const get = store.get(id);
            get.onsuccess = () => {
              store.put({ ...get.result, state: "waiting" });
              resolve();
            };
          };
        }),
      waitingId,
    );
    await page.reload();
    await poll(() => outboxStates(page), 45_000).toEqual({
      [refusedId]: "refused",
      [waitingId]: "sent",
      [badId]: "refused",
    });
    const recorded = await apiGet<{ id?: string; heldOn?: string }>(
      page,
      `/api/v1/groups/${groupId}/meetings/${waitingId}`,
    );
    expect(recorded).toMatchObject({ id: waitingId, heldOn });
    const list = await apiGet<{ items: Array<{ id: string; heldOn: string; status: string }> }>(
      page,
      `/api/v1/groups/${groupId}/meetings?limit=100`,
    );
    expect(list.items.filter((m) => m.id === waitingId)).toHaveLength(1);
    expect(list.items.filter((m) => m.heldOn === heldOn && m.status === "posted")).toHaveLength(1);
    await page.getByText(outboxKk.list.sent, { exact: false }).first().waitFor();
    await expectAccessible(page, "outbox sent, Kazakh");
    await shoot(page, "outbox-sent-kk");
  });

  it("offline again, the sent meeting's summary still opens from the phone", async () => {
    await browser.context.setOffline(true);
    await page.goto(`${qadam.url}/outbox/${waitingId}`);
    await poll(h1).toBe(outboxKk.after.title);
    await page.locator(".outbox-state-sent").waitFor();
    await expectAccessible(page, "after the meeting, sent, offline, Kazakh");
    await shoot(page, "after-sent-kk");
    // The meeting flow's address opens too, logged in, from the phone (its screen is the meeting feature's).
    await page.goto(`${qadam.url}/groups/${groupId}/meeting`);
    await page.getByRole("link", { name: kkNav.outbox }).waitFor();
    await page.getByText(outboxKk.indicator.offline, { exact: true }).waitFor();
    await browser.context.setOffline(false);
  });

  it("a session the server has ended shows the log-in page, online, whatever the phone remembers", async () => {
    expect(await page.evaluate(() => localStorage.getItem("qadam.me"))).toContain(userId);
    await browser.context.clearCookies();
    await page.goto(`${qadam.url}/outbox`);
    await page.getByRole("button", { name: kk.login.submit }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem("qadam.me"))).toBeNull();
  });
});
