// Issue #11's figures for the meeting on a phone: a real `qadam serve` over a small demo, the group
// bookkeeper's group topped up to 15 members, Debian's Chromium (headless, the e2e flags) driven by
// playwright-core at 360 × 740 with the CPU slowed 4×. Counted:
// - the JavaScript and CSS the meeting route loads (/groups/:id/meeting, logged in, cold cache and no
//   service worker), gzipped here as Vite reports them;
// - the time until its first step is shown (the step list with its current step), from navigation start:
//   cold (nothing cached, as on her very first visit) and warm (the app shell in the service worker's
//   cache and the group's kit on the phone, as on every later meeting), on DevTools' "Slow 3G" line
//   (2 s round trips, 50 kB/s) and on Lighthouse's mobile line; and warm with no connection at all;
// - the taps and keystrokes a scripted bookkeeper needs to record a 15-member meeting with nothing
//   unusual, from her group's page to the meeting recorded (the API is asked that it is, once).
import { loadavg } from "node:os";
import { type Browser, chromium, type Page } from "playwright-core";
import {
  type Asset,
  CHROMIUM,
  CPU_SLOWDOWN,
  FLAGS,
  NETWORK_PROFILES,
  serveDemo,
  sizes,
  type Tools,
  throttle,
  watchAssets,
} from "./web.js";

const LOGIN = "bookkeeper@moldir.demo";
const PASSWORD = "qadam-demo-2026";
const MEMBERS = 15;

/** DevTools' "Slow 3G" (2 s round trips, 400 kbit/s), beside the web bench's Lighthouse mobile line. */
const PROFILES = {
  devtoolsSlow3g: { latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 },
  lighthouseMobile: NETWORK_PROFILES.lighthouseMobile,
} as const;
type ProfileName = keyof typeof PROFILES;

/** The moment the flow's current step is in the page (then painted: the next frame), from navigation start. */
const STEP_TIMER = `(() => {
  const seen = () => {
    if (window.__stepAt !== undefined || !document.querySelector('main [aria-current="step"]')) return false;
    requestAnimationFrame(() => { window.__stepAt = performance.now(); });
    return true;
  };
  new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
    .observe(document, { childList: true, subtree: true });
})();`;

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** The API as the bookkeeper, from Node: her session cookie and JSON calls with an idempotency key. */
async function apiAs(base: string) {
  const login = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
    body: JSON.stringify({ login: LOGIN, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`log-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        Accept: "application/json",
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...(method !== "GET" ? { "Idempotency-Key": crypto.randomUUID() } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
  return { cookie, call };
}

interface Kit {
  today: string;
  latestMeeting: string | null;
  nextMeeting: string | null;
  members: unknown[];
}

/** Tops the bookkeeper's group up to MEMBERS members (registered and joined on its latest meeting's day). */
async function groupOfFifteen(base: string): Promise<{ groupId: string; cookie: string }> {
  const { cookie, call } = await apiAs(base);
  const groups = await call<{ items: Array<{ id: string }> }>("GET", "/api/v1/orgs?kind=shg");
  const groupId = groups.items[0]?.id;
  if (!groupId) throw new Error("the bookkeeper has no group");
  const kit = await call<Kit>("GET", `/api/v1/groups/${groupId}/meeting-kit`);
  const joinedOn = kit.latestMeeting ?? kit.today;
  for (let i = kit.members.length; i < MEMBERS; i++) {
    const person = await call<{ id: string }>("POST", "/api/v1/people", {
      orgId: groupId,
      familyName: "Бенчова",
      givenName: `Айгүл ${i + 1}`,
      sex: "female",
      consent: { givenOn: joinedOn, scope: "membership and loans" },
    });
    await call("POST", `/api/v1/groups/${groupId}/members`, {
      personId: person.id,
      role: "member",
      joinedOn,
    });
  }
  const after = await call<Kit>("GET", `/api/v1/groups/${groupId}/meeting-kit`);
  if (after.members.length !== MEMBERS) throw new Error(`the group has ${after.members.length} members`);
  return { groupId, cookie };
}

async function phoneContext(
  browser: Browser,
  base: string,
  cookie: string,
  serviceWorkers: "allow" | "block",
) {
  const context = await browser.newContext({
    serviceWorkers,
    locale: "en-US",
    timezoneId: "Asia/Almaty",
    viewport: { width: 360, height: 740 },
  });
  const [name, value] = cookie.split("=");
  await context.addCookies([{ name: name ?? "", value: value ?? "", url: base }]);
  return context;
}

const stepShown = (page: Page) =>
  page
    .waitForFunction("window.__stepAt !== undefined", null, { timeout: 180_000 })
    .then(async () => (await page.evaluate("window.__stepAt")) as number);

/** A first visit: nothing cached, no service worker; what the route loads and when its first step shows. */
async function coldLoad(browser: Browser, base: string, cookie: string, path: string, profile: ProfileName) {
  const context = await phoneContext(browser, base, cookie, "block");
  try {
    const page = await context.newPage();
    const { assets } = await watchAssets(context, page);
    await throttle(context, page, PROFILES[profile]);
    await page.addInitScript(STEP_TIMER);
    await page.goto(`${base}${path}`, { waitUntil: "commit", timeout: 180_000 });
    return { ms: Math.round(await stepShown(page)), assets };
  } finally {
    await context.close();
  }
}

/**
 * A later visit: the app was opened once on a good line (its service worker installed, the shell and the
 * group's kit kept), then the route is opened again on `profile`, or with no connection at all.
 */
async function warmLoad(
  browser: Browser,
  base: string,
  cookie: string,
  path: string,
  line: ProfileName | "offline",
) {
  const context = await phoneContext(browser, base, cookie, "allow");
  try {
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    await page.locator('main [aria-current="step"]').waitFor({ timeout: 60_000 });
    await page.evaluate("navigator.serviceWorker.ready");
    // The worker takes the pages opened after it installed: this one once reloaded.
    await page.reload();
    await page.waitForFunction("navigator.serviceWorker.controller !== null", null, { timeout: 60_000 });
    await page.locator('main [aria-current="step"]').waitFor({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    await page.addInitScript(STEP_TIMER);
    if (line === "offline") await context.setOffline(true);
    else await throttle(context, page, PROFILES[line]);
    await page.reload({ waitUntil: "commit", timeout: 180_000 });
    return Math.round(await stepShown(page));
  } finally {
    await context.close();
  }
}

/**
 * Counts, in the page, every tap (pointer down) and keystroke from the moment `window.__count` is set, the
 * counts kept in sessionStorage across a reload.
 */
const INPUT_COUNTER = `(() => {
  const bump = (key) => {
    if (sessionStorage.getItem("bench.counting") !== "1") return;
    sessionStorage.setItem(key, String(Number(sessionStorage.getItem(key) ?? "0") + 1));
  };
  addEventListener("pointerdown", () => bump("bench.taps"), true);
  addEventListener("keydown", () => bump("bench.keys"), true);
})();`;

/** Records a meeting from the draft as a bookkeeper would; the page counts every tap and keystroke. */
async function scriptedMeeting(browser: Browser, base: string, cookie: string, groupId: string) {
  const context = await phoneContext(browser, base, cookie, "allow");
  try {
    const page = await context.newPage();
    await page.addInitScript(INPUT_COUNTER);
    await page.goto(`${base}/groups/${groupId}`);
    // The bench reads the English names (not counted: she uses the app in her own language).
    const language = page.locator('select[name="language"]');
    await language.waitFor();
    if ((await page.evaluate("document.documentElement.lang")) !== "en") await language.selectOption("en");
    await page.evaluate('sessionStorage.setItem("bench.counting", "1")');
    const tap = (role: "link" | "button", name: string) =>
      page.getByRole(role, { name, exact: true }).first().click();
    await tap("link", "Record a meeting");
    const save = page.getByRole("button", { name: "Save meeting", exact: true });
    await page.locator('main [aria-current="step"]').waitFor();
    for (let step = 0; step < 20 && !(await save.isVisible()); step++) await tap("button", "Next");
    await save.waitFor();
    if (!(await save.isEnabled())) throw new Error("the draft has problems: Save is disabled");
    await tap("button", "Save meeting");
    await page.waitForURL(/\/outbox\/[0-9a-f-]{36}/, { timeout: 60_000 });
    const counted = (key: string) =>
      page.evaluate(`Number(sessionStorage.getItem("${key}") ?? "0")`) as Promise<number>;
    const taps = await counted("bench.taps");
    const keystrokes = await counted("bench.keys");
    const meetingId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    const { call } = await apiAs(base);
    let recorded: { attendance: unknown[]; lines: unknown[] } | null = null;
    for (let i = 0; i < 120 && recorded === null; i++) {
      recorded = await call<{ attendance: unknown[]; lines: unknown[] }>(
        "GET",
        `/api/v1/groups/${groupId}/meetings/${meetingId}`,
      ).catch(() => null);
      if (recorded === null) await new Promise((r) => setTimeout(r, 500));
    }
    if (recorded === null) throw new Error("the meeting was not recorded");
    const list = await call<{ items: Array<{ id: string }> }>(
      "GET",
      `/api/v1/groups/${groupId}/meetings?limit=200`,
    );
    return {
      taps,
      keystrokes,
      total: taps + keystrokes,
      members: recorded.attendance.length,
      linesRecorded: recorded.lines.length,
      recordedOnce: list.items.filter((m) => m.id === meetingId).length === 1,
    };
  } finally {
    await context.close();
  }
}

/**
 * Only what the meeting route loads (the `phone` part's meetingRoute, from one cold load on Lighthouse's
 * line, as it counts it): a quick check while making the route lighter, without the timings.
 */
export async function meetingRouteSize(tools: Tools) {
  const { base, stop } = await serveDemo(tools, "route");
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const { groupId, cookie } = await groupOfFifteen(base);
    const load = await coldLoad(browser, base, cookie, `/groups/${groupId}/meeting`, "lighthouseMobile");
    const route = await sizes(base, load.assets);
    return { meetingRoute: route, routeUnder200KBGzipped: route.gzipKB.total < 200 };
  } finally {
    await browser.close();
    stop();
  }
}

/** The meeting route's figures, `runs` loads per line (BENCH_PHONE_RUNS, 3 by default). */
export async function phoneMeeting(tools: Tools, runs = Number(process.env.BENCH_PHONE_RUNS ?? 3)) {
  const { base, stop } = await serveDemo(tools, "phone");
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const { groupId, cookie } = await groupOfFifteen(base);
    const path = `/groups/${groupId}/meeting`;
    const timing: Record<string, unknown> = {};
    let routeAssets: Asset[] = [];
    for (const profile of Object.keys(PROFILES) as ProfileName[]) {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < runs; i++) {
        const load = await coldLoad(browser, base, cookie, path, profile);
        cold.push(load.ms);
        if (profile === "lighthouseMobile") routeAssets = load.assets;
        warm.push(await warmLoad(browser, base, cookie, path, profile));
      }
      timing[profile] = {
        network: PROFILES[profile],
        coldFirstStepShownMs: median(cold),
        warmFirstStepShownMs: median(warm),
        eachRun: { cold, warm },
      };
    }
    const offline: number[] = [];
    for (let i = 0; i < runs; i++) offline.push(await warmLoad(browser, base, cookie, path, "offline"));
    timing.offline = { warmFirstStepShownMs: median(offline), eachRun: offline };
    const route = await sizes(base, routeAssets);
    const meeting = await scriptedMeeting(browser, base, cookie, groupId);
    const slow3g = timing.devtoolsSlow3g as { coldFirstStepShownMs: number; warmFirstStepShownMs: number };
    return {
      chromium: browser.version(),
      cpuSlowdown: CPU_SLOWDOWN,
      machineLoad: Number((loadavg()[0] ?? 0).toFixed(1)),
      runsPerLine: runs,
      meetingRoute: route,
      timing,
      fifteenMemberMeeting: meeting,
      aims: {
        routeUnder200KBGzipped: route.gzipKB.total < 200,
        warmFirstRenderUnder3sOnSlow3g: slow3g.warmFirstStepShownMs < 3000,
        coldFirstRenderUnder3sOnSlow3g: slow3g.coldFirstStepShownMs < 3000,
        under40TapsAndKeystrokes: meeting.total < 40 && meeting.members === MEMBERS && meeting.recordedOnce,
      },
    };
  } finally {
    await browser.close();
    stop();
  }
}
